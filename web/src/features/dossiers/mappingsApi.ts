/**
 * Import mappings (`/api/dossiers/import-mappings`): the server's own types
 * (import/dossiers-import.schemas.ts) under the names the page uses.
 */
import type {
  MappingInput,
  MappingListOut,
  MappingOut,
  MappingUpdateInput,
} from '../../../../server/modules/dossiers/import/dossiers-import.schemas';
import { api } from '../../lib/api';

export type {
  MappingInput as MappingBody,
  MappingListOut as MappingList,
  MappingOut as Mapping,
} from '../../../../server/modules/dossiers/import/dossiers-import.schemas';

export const DATE_FORMATS = [
  'dd/mm/yyyy',
  'yyyy-mm-dd',
  'mm/dd/yyyy',
] as const satisfies readonly MappingInput['dateFormat'][];
export type DateFormat = MappingInput['dateFormat'];

export const VALUE_MAP_FIELDS = ['channel', 'status', 'rating'] as const;
export type ValueMapField = keyof NonNullable<MappingInput['valueMaps']>;
/** A dossier field a column can feed (server: column-mapping.ts IMPORT_FIELDS). */
export type ImportField = MappingListOut['fields'][number];

/** The codes a value map may point to (server: dossier-timing.ts, rollup.ts). */
export const VALUE_CODES: Record<ValueMapField, readonly string[]> = {
  channel: ['online', 'in_person', 'post'],
  status: ['processing', 'resolved', 'returned', 'withdrawn', 'suspended'],
  rating: ['very_satisfied', 'satisfied', 'not_satisfied'],
};

export const mappingKeys = { list: ['dossiers', 'import', 'mappings'] as const };

export const listMappings = () => api.get<MappingListOut>('/api/dossiers/import-mappings');
export const createMapping = (body: MappingInput) =>
  api.post<MappingOut>('/api/dossiers/import-mappings', body);
export const updateMapping = (id: string, body: MappingUpdateInput) =>
  api.put<MappingOut>(`/api/dossiers/import-mappings/${id}`, body);
export const deleteMapping = (id: string) => api.delete(`/api/dossiers/import-mappings/${id}`);

/** Rows of the editor ↔ the record's objects (empty rows dropped, text trimmed). */
export type Pair = { key: string; value: string };

export const toPairs = (record: Record<string, string> | undefined): Pair[] =>
  Object.entries(record ?? {}).map(([key, value]) => ({ key, value }));

export function fromPairs(pairs: readonly Pair[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const key = p.key.trim();
    if (key && p.value) out[key] = p.value;
  }
  return out;
}

/** Fields a mapping must feed (server: column-mapping.ts REQUIRED_FIELDS, and the unit by code or id). */
export const REQUIRED_FIELDS = ['code', 'procedureCode', 'receivedAt', 'channel', 'status'] as const;

/** What the server will refuse in the columns, said before saving: fields missing or fed twice. */
export function columnProblems(columns: readonly Pair[]): { missing: string[]; twice: string[] } {
  const used = columns.map((c) => c.value).filter(Boolean);
  const missing: string[] = REQUIRED_FIELDS.filter((f) => !used.includes(f));
  if (!used.includes('unitCode') && !used.includes('unitId')) missing.push('unitCode');
  const twice = [...new Set(used.filter((f, i) => used.indexOf(f) !== i))];
  return { missing, twice };
}
