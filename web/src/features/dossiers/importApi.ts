import { api } from '../../lib/api';

/** A refused cell of an import: the file row (header = 1), the column as printed, and why. */
export type ImportRowError = { row: number; field: string; column: string; key: string; message: string };

export type ImportStatus = 'staging' | 'staged' | 'done' | 'failed';

export type ImportJob = {
  id: string;
  mappingId: string | null;
  mappingName: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  size: number;
  status: ImportStatus;
  /** 0–1 while the file is read and checked; 1 once staged. */
  progress: number;
  rowsRead: number;
  rowsValid: number;
  applied: number | null;
  errorCount: number;
  errors: ImportRowError[];
  failure: string | null;
  created: number;
  updated: number;
  unchanged: number;
  running: boolean;
  createdAt: string;
  finishedAt: string | null;
};

export type ImportMapping = {
  id: string;
  name: string;
  source: string;
  delimiter: string;
  dateFormat: string;
};
export type MappingList = {
  items: ImportMapping[];
  defaultMapping: { name: string; source: string; columns: Record<string, string> };
};

export const importKeys = {
  mappings: ['dossiers', 'import', 'mappings'] as const,
  list: ['dossiers', 'import', 'list'] as const,
  job: (id: string) => ['dossiers', 'import', 'job', id] as const,
};

export const getMappings = () => api.get<MappingList>('/api/dossiers/import-mappings');
export const listImports = () => api.get<{ items: ImportJob[] }>('/api/dossiers/imports');
export const getImport = (id: string) => api.get<ImportJob>(`/api/dossiers/imports/${id}`);
export const resumeImport = (id: string) => api.post<ImportJob>(`/api/dossiers/imports/${id}/resume`);

/** Uploads a CSV/XLSX export; the import then runs on the server (the same file again is a no-op). */
export const uploadImport = (file: File, mappingId: string | null) =>
  api.upload<{ job: ImportJob; replayed: boolean }>('/api/dossiers/imports', file, undefined, {
    query: { mappingId: mappingId ?? undefined },
  });

export const isFinished = (job: ImportJob) => job.status === 'done' || job.status === 'failed';
