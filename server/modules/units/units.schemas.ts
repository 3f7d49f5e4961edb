/**
 * The units module's contract: the registry (units as of a date, one unit, its timeline, restatement), the
 * pickers' search, lineage events and the unresolved predecessors of the source data. Dates travel as
 * `YYYY-MM-DD` strings; `1900-01-01` as a start is an open start: the founding date is unknown, and
 * `knownSince` says since when the unit is attested (e.g. the oldest GSO list, 15/10/2017).
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { EVENT_KINDS } from './lineage-rules.js';

/** The kinds of unit in the registry. */
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

/** Which units a picker searches: mine (my grants' subtrees), province (their whole provinces), all. */
export const SEARCH_SCOPES = ['mine', 'province', 'all'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

export { EVENT_KINDS };
export type EventKind = (typeof EVENT_KINDS)[number];

const kindEnum = z.enum(UNIT_KINDS);

/** A comma-separated list in a query string (`a,b,c`), each item checked by `item`. */
const csv = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .string()
    .max(max * 40)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max));

export const unitSearchQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .describe('Words to find, accents and case ignored ("so tu phap"), or a code'),
  asOf: z.iso
    .date()
    .optional()
    .describe('The date the names, parents and validity are read on (default: today)'),
  scope: z
    .enum(SEARCH_SCOPES)
    .default('mine')
    .describe(
      "mine: the subtrees of the caller's grants and own unit; province: the whole provinces of those; all: the whole registry (administrators)",
    ),
  within: z.uuid().optional().describe("Only this unit's subtree as of the date"),
  kinds: csv(z.enum(UNIT_KINDS), UNIT_KINDS.length).optional().describe('Comma-separated unit kinds'),
  includeEnded: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Also units that had ended by the date (marked `ended`)'),
  ids: csv(z.uuid(), 200)
    .optional()
    .describe('Comma-separated unit ids to resolve as of the date instead of searching (no scope)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const unitHitOut = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    fullName: z.string(),
    kind: z.string(),
    parentId: z.uuid().nullable(),
    label: z.string().describe('How the unit is shown: "Xã Anh Sơn", "Sở Tư pháp"'),
    parentName: z.string().nullable().describe('The parent as shown after the label: "Nghệ An"'),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    ended: z.boolean().describe('No longer in force on the date'),
  })
  .meta({ id: 'UnitHit' });

export const unitSearchOut = z.object({
  asOf: z.string(),
  items: z.array(unitHitOut),
  total: z.number().int().describe('How many units match (items holds the first `limit`)'),
});
export type UnitSearchQueryIn = z.input<typeof unitSearchQuery>;
export type UnitHitOut = z.infer<typeof unitHitOut>;
export type UnitSearchOut = z.infer<typeof unitSearchOut>;

/** A unit as it stood on a date: the version in force then (code, names, parent) with its whole validity. */
export const unitOut = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    fullName: z.string(),
    kind: z.string(),
    parentId: z.uuid().nullable(),
    validFrom: z.iso.date(),
    validTo: z.iso.date().nullable(),
    knownSince: z.iso
      .date()
      .nullish()
      .describe(
        'Founding date unknown: the unit is attested since this date (validFrom is then the open start 1900-01-01)',
      ),
  })
  .meta({ id: 'Unit' });
export type UnitOut = z.infer<typeof unitOut>;

export const unitListQuery = z.object({
  asOf: z.iso.date().optional(),
  kind: kindEnum.optional(),
  parentId: z.uuid().optional(),
  within: z.uuid().optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(20_000).default(500),
});
export const unitListOut = z.object({ items: z.array(unitOut) });
export type UnitListOut = z.infer<typeof unitListOut>;

export const byCodeParams = z.object({ code: z.string().max(40) });
export const byCodeQuery = z.object({ asOf: z.iso.date().optional(), kind: kindEnum.optional() });

/** A predecessor or successor of a unit: the event that links them, and the other unit. */
export const linkOut = z.object({
  eventId: z.uuid(),
  kind: z.enum(EVENT_KINDS),
  effectiveDate: z.iso.date(),
  /** Known only within a window: its first possible day (effectiveDate is the last); null = exact. */
  earliestDate: z.iso.date().nullable(),
  legalBasisId: z.uuid().nullable(),
  legalBasisText: z.string().nullable(),
  note: z.string().nullable(),
  unit: z.object({
    id: z.uuid(),
    code: z.string(),
    fullName: z.string(),
    kind: z.string(),
    validFrom: z.iso.date(),
    validTo: z.iso.date().nullable(),
    knownSince: z.iso.date().nullable(),
  }),
  /** The successor's share (0–1) of a split, null when none was recorded. */
  weight: z.number().nullable(),
});
export type LinkOut = z.infer<typeof linkOut>;

/** One version of a unit: its code, names and parent over a span of dates. */
export const unitVersionOut = z.object({
  id: z.uuid(),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable(),
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  /** The lineage event that opened this version (null for the first one of an imported unit). */
  eventId: z.uuid().nullable(),
});
export type UnitVersionOut = z.infer<typeof unitVersionOut>;

export const lineageEventOut = z.object({
  id: z.uuid(),
  kind: z.enum(EVENT_KINDS),
  effectiveDate: z.iso.date(),
  /** Known only within a window: its first possible day (effectiveDate is the last); null = exact. */
  earliestDate: z.iso.date().nullable(),
  legalBasisId: z.uuid().nullable(),
  legalBasisText: z.string().nullable(),
  note: z.string().nullable(),
  /** Where the event came from: 'manual', 'gso-2025', 'gso-history', 'demo'. */
  source: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type LineageEventOut = z.infer<typeof lineageEventOut>;

export const UNRESOLVED_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type UnresolvedStatus = (typeof UNRESOLVED_STATUSES)[number];

/**
 * Lineage the source data leaves open, until a person settles it: a predecessor named without a code
 * (`successorId` set), or a unit that ended without a known successor (`predecessorId` set).
 */
export const unresolvedOut = z.object({
  id: z.uuid(),
  successorId: z.uuid().nullable(),
  predecessorId: z.uuid().nullable(),
  sourceText: z.string(),
  /** The source line it was read from, for reference. */
  sourceLine: z.string().nullable(),
  status: z.enum(UNRESOLVED_STATUSES),
  resolvedPredecessorId: z.uuid().nullable(),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
  version: z.number().int(),
});
export type UnresolvedOut = z.infer<typeof unresolvedOut>;

export const timelineOut = z.object({
  unit: unitOut.extend({
    version: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
  versions: z.array(unitVersionOut),
  events: z.array(lineageEventOut),
  predecessors: z.array(linkOut),
  successors: z.array(linkOut),
  unresolved: z.array(unresolvedOut),
  abilities: z.object({ recordEvent: z.boolean() }),
});
export type TimelineOut = z.infer<typeof timelineOut>;

export const restateQuery = z.object({ from: z.iso.date(), to: z.iso.date().optional() });
/** A later (or earlier) unit carrying a share of the restated unit's facts; `unit` as of the target date. */
export const shareOut = z.object({ unitId: z.uuid(), weight: z.number(), unit: unitOut.nullable() });
export type ShareOut = z.infer<typeof shareOut>;
export const restateOut = z.object({ items: z.array(shareOut) });
export type RestateOut = z.infer<typeof restateOut>;

const newUnit = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  fullName: z.string().trim().min(1).max(300),
  kind: kindEnum,
  parentId: z.uuid().nullable(),
});
export type NewUnitIn = z.input<typeof newUnit>;

/** A lineage event to record: its shape must fit the kind (predecessors in `from`, successors in `to`). */
export const eventIn = z.object({
  kind: z.enum(EVENT_KINDS),
  effectiveDate: z.iso.date(),
  legalBasisId: z.uuid().nullish(),
  legalBasisText: z.string().trim().max(500).nullish(),
  note: z.string().trim().max(2000).nullish(),
  from: z.array(z.uuid()).max(500).default([]),
  to: z
    .array(
      z.union([
        z.object({ unitId: z.uuid(), weight: z.number().positive().max(1).nullish() }),
        z.object({ create: newUnit, weight: z.number().positive().max(1).nullish() }),
      ]),
    )
    .max(100)
    .default([]),
  changes: z
    .object({
      name: z.string().trim().min(1).max(200).optional(),
      fullName: z.string().trim().min(1).max(300).optional(),
      code: z.string().trim().min(1).max(40).optional(),
      parentId: z.uuid().nullish(),
    })
    .optional(),
});
export type EventIn = z.input<typeof eventIn>;
/** The event recorded and the units it created (in the order of `to`). */
export const eventOut = z.object({ eventId: z.uuid(), created: z.array(z.uuid()) });
export type EventOut = z.infer<typeof eventOut>;

export const unresolvedQuery = z.object({
  status: z.enum(UNRESOLVED_STATUSES).optional(),
  q: z.string().max(200).optional(),
  successorId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const unitRef = z.object({
  id: z.uuid(),
  code: z.string(),
  fullName: z.string(),
  validTo: z.iso.date().nullable(),
});
export const unresolvedRowOut = unresolvedOut.extend({
  successor: unitRef.nullable(),
  predecessor: unitRef.nullable(),
});
export type UnresolvedRowOut = z.infer<typeof unresolvedRowOut>;
export const unresolvedListOut = z.object({ items: z.array(unresolvedRowOut), total: z.number().int() });
export type UnresolvedListOut = z.infer<typeof unresolvedListOut>;

export const settleIn = z.object({
  version: versionField,
  /** For a predecessor named without a code: the old unit it means. */
  predecessorId: z.uuid().nullish(),
  /** For a unit that ended without a known successor: the unit that took it over. */
  successorId: z.uuid().nullish(),
  dismiss: z.boolean().optional(),
  note: z.string().max(1000).nullish(),
});
export type SettleIn = z.input<typeof settleIn>;
