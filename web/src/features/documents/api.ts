/** The documents feature's API: the server's own types (its Zod schemas, `documents.schemas.ts`). */
import type {
  AccessLevel,
  DocumentCreateIn,
  DocumentListOut,
  DocumentOut,
  DocumentSort,
  DocumentTypesOut,
  DocumentUpdateIn,
} from '../../../../server/modules/documents/documents.schemas';
import { api, type Query } from '../../lib/api';

export type {
  AccessLevel,
  DocumentCreateIn as DocumentInput,
  DocumentListOut as DocumentList,
  DocumentOut as Document,
  DocumentType,
  FileOut as StoredFile,
} from '../../../../server/modules/documents/documents.schemas';

/** The server's access levels, in the order the web offers them. */
export const ACCESS_LEVELS = ['public', 'internal', 'restricted'] as const satisfies readonly AccessLevel[];

export type DocumentFilters = {
  q?: string;
  type?: string | null;
  unitId?: string | null;
  access?: string | null;
  from?: string | null;
  to?: string | null;
};

/** An order of the register (the server sorts, then pages). */
export type DocumentListSort = { key: DocumentSort; dir: 'asc' | 'desc' };

export const documentKeys = {
  all: ['documents'] as const,
  list: (filters: DocumentFilters, page: number, sort?: DocumentListSort) =>
    ['documents', 'list', filters, page, sort ?? null] as const,
  one: (id: string) => ['documents', 'one', id] as const,
  types: ['documents', 'types'] as const,
};

export const listDocuments = (
  filters: DocumentFilters,
  limit: number,
  offset: number,
  sort?: DocumentListSort,
) =>
  api.get<DocumentListOut>('/api/documents', {
    query: { ...(filters as Query), limit, offset, sort: sort?.key, dir: sort?.dir },
  });
export const documentTypes = () => api.get<DocumentTypesOut>('/api/documents/types');
export const getDocument = (id: string) => api.get<DocumentOut>(`/api/documents/${id}`);
export const createDocument = (input: DocumentCreateIn) => api.post<DocumentOut>('/api/documents', input);
export const updateDocument = (id: string, version: number, input: Omit<DocumentUpdateIn, 'version'>) =>
  api.patch<DocumentOut>(`/api/documents/${id}`, { version, ...input } satisfies DocumentUpdateIn);
export const deleteDocument = (id: string, version: number) =>
  api.delete(`/api/documents/${id}`, { query: { version } });
export const uploadFile = (id: string, file: File) =>
  api.upload<DocumentOut>(`/api/documents/${id}/files`, file);
export const removeFile = (id: string, fileId: string, version: number) =>
  api.delete<DocumentOut>(`/api/documents/${id}/files/${fileId}`, { query: { version } });
export const downloadUrl = (fileId: string) => `/api/files/${fileId}/download`;
