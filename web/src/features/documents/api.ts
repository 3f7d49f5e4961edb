import { api, type Query } from '../../lib/api';

export const ACCESS_LEVELS = ['public', 'internal', 'restricted'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export type StoredFile = {
  id: string;
  originalName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
};

export type Document = {
  id: string;
  numberSymbol: string;
  type: string;
  issuer: string;
  issuedOn: string;
  title: string;
  summary: string | null;
  unitId: string;
  unitName: string;
  access: AccessLevel;
  version: number;
  createdAt: string;
  updatedAt: string;
  files: StoredFile[];
  abilities: { read: boolean; update: boolean; delete: boolean };
};

export type DocumentInput = {
  numberSymbol: string;
  type: string;
  issuer: string;
  issuedOn: string;
  title: string;
  summary: string | null;
  unitId: string;
  access: AccessLevel;
};

export type DocumentFilters = {
  q?: string;
  type?: string | null;
  unitId?: string | null;
  access?: string | null;
  from?: string | null;
  to?: string | null;
};

/** The list may one day say whether I may register documents; until then the server decides on submit. */
export type DocumentList = { items: Document[]; total: number; abilities?: { create?: boolean } };

export const documentKeys = {
  all: ['documents'] as const,
  list: (filters: DocumentFilters, page: number) => ['documents', 'list', filters, page] as const,
  one: (id: string) => ['documents', 'one', id] as const,
  types: ['documents', 'types'] as const,
};

export const listDocuments = (filters: DocumentFilters, limit: number, offset: number) =>
  api.get<DocumentList>('/api/documents', { query: { ...(filters as Query), limit, offset } });
export const documentTypes = () => api.get<{ items: string[] }>('/api/documents/types');
export const getDocument = (id: string) => api.get<Document>(`/api/documents/${id}`);
export const createDocument = (input: DocumentInput) => api.post<Document>('/api/documents', input);
export const updateDocument = (id: string, version: number, input: Partial<DocumentInput>) =>
  api.patch<Document>(`/api/documents/${id}`, { version, ...input });
export const deleteDocument = (id: string, version: number) =>
  api.delete(`/api/documents/${id}`, { query: { version } });
export const uploadFile = (id: string, file: File) =>
  api.upload<Document>(`/api/documents/${id}/files`, file);
export const removeFile = (id: string, fileId: string, version: number) =>
  api.delete<Document>(`/api/documents/${id}/files/${fileId}`, { query: { version } });
export const downloadUrl = (fileId: string) => `/api/files/${fileId}/download`;
