import { api } from '../../lib/api';
import type { Unit } from '../../lib/types';

export const UNIT_KINDS = [
  'province',
  'department',
  'district',
  'commune',
  'management_board',
  'party_body',
  'mass_organisation',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const EVENT_KINDS = [
  'establish',
  'rename',
  'merge',
  'split',
  'transfer',
  'absorb',
  'abolish',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** "In force before the records begin": the GSO registry's start for units older than its data. */
export const BEFORE_RECORDS = '1900-01-01';

/** The demo's "before the 2025 reorganisation" date, offered as a quick choice. */
export const BEFORE_REORG = '2024-06-01';

/** A unit as it stood on a date (the API's `Unit`, without the row version). */
export type UnitAsOf = Omit<Unit, 'version'>;

export type LinkedUnit = {
  id: string;
  code: string;
  fullName: string;
  kind: string;
  validFrom: string;
  validTo: string | null;
};

export type Link = {
  eventId: string;
  kind: EventKind;
  effectiveDate: string;
  legalBasisId: string | null;
  legalBasisText: string | null;
  note: string | null;
  unit: LinkedUnit;
  weight: number | null;
};

export type UnitVersion = {
  id: string;
  validFrom: string;
  validTo: string | null;
  code: string;
  name: string;
  fullName: string;
  parentId: string | null;
  parentName: string | null;
  eventId: string | null;
};

export type LineageEvent = {
  id: string;
  kind: EventKind;
  effectiveDate: string;
  legalBasisId: string | null;
  legalBasisText: string | null;
  note: string | null;
  source: string;
};

export type Unresolved = {
  id: string;
  sourceText: string;
  sourceLine: string | null;
  status: 'open' | 'resolved' | 'dismissed' | (string & {});
  version: number;
  successorId: string;
  resolvedPredecessorId?: string | null;
};

export type UnresolvedRow = Unresolved & { successor: { id: string; code: string; fullName: string } };

export type Timeline = {
  unit: Unit;
  versions: UnitVersion[];
  events: LineageEvent[];
  predecessors: Link[];
  successors: Link[];
  unresolved: Unresolved[];
  abilities: { recordEvent: boolean };
};

export type Share = { unitId: string; weight: number; unit: UnitAsOf | null };

export type NewUnitSpec = {
  code: string;
  name: string;
  fullName: string;
  kind: UnitKind;
  parentId: string | null;
};

export type EventInput = {
  kind: EventKind;
  effectiveDate: string;
  legalBasisId?: string | null;
  legalBasisText?: string | null;
  note?: string | null;
  from: string[];
  to: ({ unitId: string; weight?: number | null } | { create: NewUnitSpec; weight?: number | null })[];
  changes?: { name?: string; fullName?: string; code?: string; parentId?: string | null };
};

export type DocumentHit = { id: string; numberSymbol: string; title: string; issuedOn: string; type: string };

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
) => api.get<{ items: UnitAsOf[] }>('/api/units', { query: { asOf, limit: 20_000, ...extra } });
export const unitTimeline = (id: string) => api.get<Timeline>(`/api/units/${id}/timeline`);
export const restate = (id: string, from: string) =>
  api.get<{ items: Share[] }>(`/api/units/${id}/restate`, { query: { from } });
export const recordEvent = (input: EventInput) =>
  api.post<{ eventId: string; created: string[] }>('/api/lineage/events', input);
export const listUnresolved = (q: string, limit: number, offset: number) =>
  api.get<{ items: UnresolvedRow[]; total: number }>('/api/lineage/unresolved', {
    query: { status: 'open', q, limit, offset },
  });
export const settleUnresolved = (
  id: string,
  body: { version: number; predecessorId?: string | null; dismiss?: boolean; note?: string | null },
) => api.post<Unresolved>(`/api/lineage/unresolved/${id}`, body);
export const searchDocuments = (q: string) =>
  api.get<{ items: DocumentHit[]; total: number }>('/api/documents', { query: { q, limit: 20 } });
