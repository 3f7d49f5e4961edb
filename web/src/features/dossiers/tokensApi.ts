/**
 * API tokens of the systems that push dossiers (`/api/dossiers/ingest-tokens`): the server's own types
 * (import/dossiers-import.schemas.ts). Only a token's first characters are kept for display; the token
 * itself comes back once, when it is created.
 */
import type {
  TokenCreatedOut,
  TokenInput,
  TokenListOut,
  TokenOut,
} from '../../../../server/modules/dossiers/import/dossiers-import.schemas';
import { api } from '../../lib/api';

export type {
  TokenCreatedOut as CreatedToken,
  TokenOut as IngestToken,
} from '../../../../server/modules/dossiers/import/dossiers-import.schemas';

export const tokenKeys = { list: ['dossiers', 'ingest-tokens'] as const };

export const listTokens = () => api.get<TokenListOut>('/api/dossiers/ingest-tokens');
export const createToken = (body: TokenInput) =>
  api.post<TokenCreatedOut>('/api/dossiers/ingest-tokens', body);
export const revokeToken = (id: string) => api.post<TokenOut>(`/api/dossiers/ingest-tokens/${id}/revoke`);
