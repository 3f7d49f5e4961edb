/**
 * The procedure catalogue (`/api/dossiers/procedures`): online level (NĐ 42/2022), publication, the file
 * import — the server's own types (dossiers.schemas.ts).
 */
import type {
  ProcedureImportOut,
  ProcedureListOut,
  ProcedureOut,
} from '../../../../server/modules/dossiers/dossiers.schemas';
import { api } from '../../lib/api';

export type Procedure = ProcedureOut;
export type ProcedureList = ProcedureListOut;

export const procedureKeys = { list: (q: string) => ['dossiers', 'procedures', q] as const };

export const listProcedures = (q: string) =>
  api.get<ProcedureListOut>('/api/dossiers/procedures', { query: { q: q || undefined, limit: 5000 } });

export const updateProcedure = (
  p: Procedure,
  change: { onlineCapability?: Procedure['onlineCapability']; published?: boolean | null },
) => api.patch<ProcedureOut>(`/api/dossiers/procedures/${p.id}`, { version: p.version, ...change });

/** The delimiter of a catalogue file, from its header line: `;` or a tab when they split it, else `,`. */
export function delimiterOf(text: string): ',' | ';' | '\t' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  const best = ([',', ';', '\t'] as const).reduce((a, b) => (count(b) > count(a) ? b : a));
  return count(best) > 0 ? best : ',';
}

export const importProcedures = (csv: string) =>
  api.post<ProcedureImportOut>('/api/dossiers/procedures/import', { csv, delimiter: delimiterOf(csv) });
