import { api } from '../../lib/api';

/** An API token of a system that pushes dossiers (only its first characters are kept for display). */
export type IngestToken = {
  id: string;
  name: string;
  source: string;
  unitId: string;
  prefix: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** The token itself comes back once, when it is created. */
export type CreatedToken = IngestToken & { token: string };

export const tokenKeys = { list: ['dossiers', 'ingest-tokens'] as const };

export const listTokens = () => api.get<{ items: IngestToken[] }>('/api/dossiers/ingest-tokens');
export const createToken = (body: { name: string; source: string; unitId: string }) =>
  api.post<CreatedToken>('/api/dossiers/ingest-tokens', body);
export const revokeToken = (id: string) => api.post<IngestToken>(`/api/dossiers/ingest-tokens/${id}/revoke`);
