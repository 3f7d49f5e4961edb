import { api } from '../../lib/api';

export const DATE_FORMATS = ['dd/mm/yyyy', 'yyyy-mm-dd', 'mm/dd/yyyy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const VALUE_MAP_FIELDS = ['channel', 'status', 'rating'] as const;
export type ValueMapField = (typeof VALUE_MAP_FIELDS)[number];

/** The codes a value map may point to (server: dossier-timing.ts, rollup.ts). */
export const VALUE_CODES: Record<ValueMapField, readonly string[]> = {
  channel: ['online', 'in_person', 'post'],
  status: ['processing', 'resolved', 'returned', 'withdrawn', 'suspended'],
  rating: ['very_satisfied', 'satisfied', 'not_satisfied'],
};

/** What a mapping says: which header feeds which dossier field, and the words of the source system. */
export type MappingBody = {
  name: string;
  source: string;
  delimiter: string;
  dateFormat: DateFormat;
  columns: Record<string, string>;
  valueMaps: Partial<Record<ValueMapField, Record<string, string>>>;
};

export type Mapping = MappingBody & {
  id: string;
  version: number;
  updatedAt: string;
  abilities: { update: boolean; delete: boolean };
};

export type MappingList = {
  items: Mapping[];
  defaultMapping: MappingBody;
  fields: string[];
  abilities: { create: boolean };
};

export const mappingKeys = { list: ['dossiers', 'import', 'mappings'] as const };

export const listMappings = () => api.get<MappingList>('/api/dossiers/import-mappings');
export const createMapping = (body: MappingBody) => api.post<Mapping>('/api/dossiers/import-mappings', body);
export const updateMapping = (id: string, body: MappingBody & { version: number }) =>
  api.put<Mapping>(`/api/dossiers/import-mappings/${id}`, body);
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
