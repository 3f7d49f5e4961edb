/**
 * The contract of self-inspections (tự kiểm tra CCHC; issue 15): a department's or commune's own inspections of
 * its divisions and sub-units (`/api/self-inspections`), its coverage of a year against the threshold, and the
 * province's view of every unit's coverage (`/api/self-inspections/province`, and as Excel). The rule:
 * ./rules/coverage.ts.
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { REFORM_AREAS } from '../tasks/index.js';
import { INSPECTION_FORMS } from './inspections.table.js';
import { INSPECTING_KINDS } from './rules/coverage.js';

const date = z.iso.date();
const year = z.coerce.number().int().min(2000).max(2100);

export const selfInspectionForm = z.enum(INSPECTION_FORMS);
export const reformArea = z.enum(REFORM_AREAS);
export const inspectingKind = z.enum(INSPECTING_KINDS);
export const coverageStatus = z.enum(['reached', 'not_reached', 'no_sub_units']);

/** Fields a person edits; the inspected unit must be a sub-unit (or below) of the inspecting unit on the day. */
const editable = {
  inspectedUnitId: z.uuid(),
  inspectedOn: date,
  form: selfInspectionForm,
  /** Content areas inspected (the seven reform areas); repeats are dropped. */
  areas: z
    .array(reformArea)
    .max(REFORM_AREAS.length * 2)
    .default([]),
  note: z.string().trim().max(4000).default(''),
  /** Its conclusion or report, when registered in the documents register. */
  documentId: z.uuid().nullish(),
};

export const selfInspectionIn = z.object({
  /** The department or commune that inspected. */
  inspectorUnitId: z.uuid(),
  /** The year it is recorded for: the date must lie in it. */
  year: z.number().int().min(2000).max(2100),
  ...editable,
});
export type SelfInspectionIn = z.infer<typeof selfInspectionIn>;
export type SelfInspectionBody = z.input<typeof selfInspectionIn>;

export const selfInspectionUpdateIn = z.object({ ...editable, version: versionField });
export type SelfInspectionUpdateIn = z.infer<typeof selfInspectionUpdateIn>;
export type SelfInspectionUpdateBody = z.input<typeof selfInspectionUpdateIn>;

export const versionQuery = z.object({ version: z.coerce.number().int().positive() });
export const unitYearQuery = z.object({ unitId: z.uuid(), year });
export const yearQuery = z.object({ year });
export const provinceQuery = z.object({
  year,
  /** The province (default: the one the caller reads). */
  provinceId: z.uuid().optional(),
  kind: inspectingKind.optional(),
  /** Only the units that have sub-units and have not reached the threshold. */
  notReached: z.enum(['true', 'false']).optional(),
});
export type ProvinceQuery = z.infer<typeof provinceQuery>;

const unitRef = z.object({
  id: z.uuid(),
  /** As the registry names it on the day ("Phòng Hành chính tư pháp", "Phường Trường Vinh"). */
  name: z.string(),
  kind: z.string(),
  validFrom: date,
  validTo: date.nullable(),
});

export const selfInspectionOut = z
  .object({
    id: z.uuid(),
    inspectorUnitId: z.uuid(),
    inspectedUnit: unitRef,
    inspectedOn: date,
    form: selfInspectionForm,
    areas: z.array(reformArea),
    note: z.string(),
    document: z.object({ id: z.uuid(), numberSymbol: z.string(), title: z.string() }).nullable(),
    /**
     * Whether it counts in the year's coverage: the unit inspected is a counted sub-unit (or carried by one);
     * false for a deeper unit or a kind that does not count (the page says why).
     */
    counted: z.boolean(),
    createdAt: z.iso.datetime({ offset: true }),
    createdByName: z.string().nullable(),
    version: z.number().int(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'SelfInspection' });
export type SelfInspectionOut = z.infer<typeof selfInspectionOut>;

export const selfInspectionListOut = z
  .object({
    year: z.number().int(),
    unitId: z.uuid(),
    items: z.array(selfInspectionOut),
    abilities: z.object({ record: z.boolean() }),
  })
  .meta({ id: 'SelfInspectionList' });
export type SelfInspectionListOut = z.infer<typeof selfInspectionListOut>;

export const coverageOut = z
  .object({
    year: z.number().int(),
    /** The day the unit and its sub-units are looked at (the year's end, today, or the unit's last day). */
    asOf: date,
    unit: unitRef,
    /** The share to reach, in (0, 1], from the rules in force on `asOf`. */
    threshold: z.number(),
    /** The kinds of sub-unit that count for this unit (the rule's scope). */
    countedKinds: z.array(z.string()),
    total: z.number().int(),
    inspected: z.number().int(),
    percent: z.number().nullable(),
    needed: z.number().int(),
    missing: z.number().int(),
    status: coverageStatus,
    subUnits: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        kind: z.string(),
        inspected: z.boolean(),
        /** Its inspections of the year (latest first), by date. */
        inspectedOn: z.array(date),
        /** Names of ended predecessors through whose inspection it counts. */
        via: z.array(z.string()),
      }),
    ),
    abilities: z.object({ record: z.boolean() }),
  })
  .meta({ id: 'SelfInspectionCoverage' });
export type CoverageOut = z.infer<typeof coverageOut>;

export const myUnitsOut = z
  .object({
    year: z.number().int(),
    items: z.array(unitRef.extend({ record: z.boolean() })),
    /** Whether the caller reads the province view. */
    province: z.boolean(),
  })
  .meta({ id: 'SelfInspectionUnits' });
export type MyUnitsOut = z.infer<typeof myUnitsOut>;

export const provinceRowOut = z.object({
  unitId: z.uuid(),
  name: z.string(),
  kind: inspectingKind,
  /** Its last day when it ended (before or during the year's reference day). */
  validTo: date.nullable(),
  asOf: date,
  total: z.number().int(),
  inspected: z.number().int(),
  percent: z.number().nullable(),
  needed: z.number().int(),
  status: coverageStatus,
  /** Inspections recorded in the year (all, counted or not). */
  records: z.number().int(),
});
export type ProvinceRowOut = z.infer<typeof provinceRowOut>;

export const provinceCoverageOut = z
  .object({
    year: z.number().int(),
    asOf: date,
    province: z.object({ id: z.uuid(), name: z.string() }),
    threshold: z.number(),
    /** Counts of the units of the chosen kind (all kinds when none), before the "not reached" filter. */
    counts: z.object({
      units: z.number().int(),
      reached: z.number().int(),
      notReached: z.number().int(),
      noSubUnits: z.number().int(),
    }),
    /** The kinds present that year with their number of units (the filter's choices). */
    kinds: z.array(z.object({ kind: inspectingKind, units: z.number().int() })),
    items: z.array(provinceRowOut),
  })
  .meta({ id: 'SelfInspectionProvince' });
export type ProvinceCoverageOut = z.infer<typeof provinceCoverageOut>;
