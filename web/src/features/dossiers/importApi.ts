/**
 * File imports (`/api/dossiers/imports`, `/import-mappings`): the server's own types
 * (import/dossiers-import.schemas.ts) under the names the page uses.
 */
import type {
  ImportJobOut,
  ImportListOut,
  ImportStartOut,
  MappingListOut,
} from '../../../../server/modules/dossiers/import/dossiers-import.schemas';
import { api } from '../../lib/api';

export type {
  ImportJobOut as ImportJob,
  MappingListOut as MappingList,
  RowErrorOut as ImportRowError,
} from '../../../../server/modules/dossiers/import/dossiers-import.schemas';
export type ImportStatus = ImportJobOut['status'];
export type ImportMapping = MappingListOut['items'][number];

export const importKeys = {
  mappings: ['dossiers', 'import', 'mappings'] as const,
  list: ['dossiers', 'import', 'list'] as const,
  job: (id: string) => ['dossiers', 'import', 'job', id] as const,
};

export const getMappings = () => api.get<MappingListOut>('/api/dossiers/import-mappings');
export const listImports = () => api.get<ImportListOut>('/api/dossiers/imports');
export const getImport = (id: string) => api.get<ImportJobOut>(`/api/dossiers/imports/${id}`);
export const resumeImport = (id: string) => api.post<ImportJobOut>(`/api/dossiers/imports/${id}/resume`);

/** Uploads a CSV/XLSX export; the import then runs on the server (the same file again is a no-op). */
export const uploadImport = (file: File, mappingId: string | null) =>
  api.upload<ImportStartOut>('/api/dossiers/imports', file, undefined, {
    query: { mappingId: mappingId ?? undefined },
  });

export const isFinished = (job: ImportJobOut) => job.status === 'done' || job.status === 'failed';
