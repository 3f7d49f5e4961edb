/** The units feature's API: the server's own types (its Zod schemas, `server/modules/units/units.schemas.ts`). */
import type { DocumentListOut } from '../../../../server/modules/documents/documents.schemas';
import type {
  EventIn,
  EventKind,
  EventOut,
  RestateOut,
  SettleIn,
  TimelineOut,
  UnitKind,
  UnitListOut,
  UnresolvedListOut,
  UnresolvedOut,
} from '../../../../server/modules/units/units.schemas';
import { api } from '../../lib/api';

export type {
  EventIn as EventInput,
  EventKind,
  LineageEventOut as LineageEvent,
  LinkOut as Link,
  NewUnitIn as NewUnitSpec,
  ShareOut as Share,
  TimelineOut as Timeline,
  UnitKind,
  UnitOut as UnitAsOf,
  UnitVersionOut as UnitVersion,
  UnresolvedOut as Unresolved,
  UnresolvedRowOut as UnresolvedRow,
} from '../../../../server/modules/units/units.schemas';

/** The server's unit kinds, in the order the web offers them. */
export const UNIT_KINDS = [
  'province',
  'department',
  'district',
  'commune',
  'management_board',
  'party_body',
  'mass_organisation',
  'other',
] as const satisfies readonly UnitKind[];

/** The server's lineage event kinds, in the order the web offers them. */
export const EVENT_KINDS = [
  'establish',
  'rename',
  'merge',
  'split',
  'transfer',
  'absorb',
  'abolish',
] as const satisfies readonly EventKind[];

// Both lists name every value the server knows (a kind added there fails the web's typecheck here).
type AllListed<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
type Assert<T extends true> = T;
type _EveryUnitKind = Assert<AllListed<UnitKind, (typeof UNIT_KINDS)[number]>>;
type _EveryEventKind = Assert<AllListed<EventKind, (typeof EVENT_KINDS)[number]>>;

/** "In force before the records begin": the GSO registry's start for units older than its data. */
export const BEFORE_RECORDS = '1900-01-01';

/** The demo's "before the 2025 reorganisation" date, offered as a quick choice. */
export const BEFORE_REORG = '2024-06-01';

/** A legal-basis document as the event form's picker shows it (a row of `GET /api/documents`). */
export type DocumentHit = DocumentListOut['items'][number];

export const unitKeys = {
  all: ['units'] as const,
  asOf: (date: string) => ['units', 'asOf', date] as const,
  search: (date: string, q: string, extra?: object) => ['units', 'search', date, q, extra ?? null] as const,
  timeline: (id: string) => ['units', 'timeline', id] as const,
  restate: (id: string, from: string) => ['units', 'restate', id, from] as const,
  heirs: (id: string, date: string) => ['units', 'heirs', id, date] as const,
  unresolved: (q: string, page: number) => ['units', 'unresolved', q, page] as const,
};

export const unitsAsOf = (
  asOf: string,
  extra: { q?: string; kind?: string; within?: string; limit?: number } = {},
) => api.get<UnitListOut>('/api/units', { query: { asOf, limit: 20_000, ...extra } });
export const unitTimeline = (id: string) => api.get<TimelineOut>(`/api/units/${id}/timeline`);
export const restate = (id: string, from: string) =>
  api.get<RestateOut>(`/api/units/${id}/restate`, { query: { from } });
export const recordEvent = (input: EventIn) => api.post<EventOut>('/api/lineage/events', input);
export const listUnresolved = (q: string, limit: number, offset: number) =>
  api.get<UnresolvedListOut>('/api/lineage/unresolved', {
    query: { status: 'open', q, limit, offset },
  });
export const settleUnresolved = (id: string, body: SettleIn) =>
  api.post<UnresolvedOut>(`/api/lineage/unresolved/${id}`, body);
export const searchDocuments = (q: string) =>
  api.get<DocumentListOut>('/api/documents', { query: { q, limit: 20 } });
