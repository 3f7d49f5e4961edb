/**
 * A row's checks, as `upsertDossiers` would make them (pure given its lookups): receiving unit by code as of
 * the receipt day, the dossier's fields, procedure, the importer's right to write the unit's dossiers, the
 * consistency of status, times and suspensions; a valid row comes out as it will be stored (`prepareDossier`:
 * contribution computed). The HTTP ingest looks things up in the database as it goes; a file's staging runs
 * in a worker thread over a snapshot taken once per job (`StagingSnapshot`).
 */
import {
  createCalendar,
  DEFAULT_CALENDAR_OPTIONS,
  type Calendar,
  type YearAdjustments,
} from '../../calendar/index.js';
import { dossierIn, type DossierIn } from '../dossiers.schemas.js';
import { prepareDossier, type DossierValues } from '../dossiers.service.js';
import type { RawDossier, RowError } from './column-mapping.js';

/** What a dossier needs of its procedure. */
export type ProcedureRef = { id: string; timeLimitDays: number };
/** A unit id's standing for the importer: unknown, or whether they may write its dossiers. */
export type UnitAccess = 'unknown' | 'allowed' | 'denied';

/** Where the checks find units, procedures, rights and the calendar (maybe asynchronously). */
export type RowLookups = {
  calendar(): Calendar | Promise<Calendar>;
  /** The unit that had this code on `day`, or null. */
  unitByCode(code: string, day: string): string | null | Promise<string | null>;
  procedure(code: string): ProcedureRef | null | Promise<ProcedureRef | null>;
  unitAccess(unitId: string): UnitAccess | Promise<UnitAccess>;
};

export type CheckedRow =
  { ok: true; value: DossierIn; stored: DossierValues } | { ok: false; errors: RowError[] };

/**
 * A raw dossier (unit by code or id) → the dossier as `upsertDossiers` takes it and as it will be stored, or
 * its errors. `scoped`: the writer is limited to one subtree (an ingest token), which its refusals say.
 */
export async function checkRow(
  lookups: RowLookups,
  raw: Omit<RawDossier, 'unitCode' | 'unitId'> & { unitCode?: string | null; unitId?: string | null },
  row: number,
  columnOf: (field: string) => string,
  scoped = false,
): Promise<CheckedRow> {
  const errors: RowError[] = [];
  const err = (field: string, key: string, params?: Record<string, string | number>) =>
    errors.push({ row, field, column: columnOf(field), key, ...(params ? { params } : {}) });
  const day = raw.receivedAt.slice(0, 10);
  let unitId = raw.unitId ?? null;
  if (!unitId && raw.unitCode) {
    unitId = await lookups.unitByCode(raw.unitCode, day);
    if (!unitId) err('unitCode', 'dossiersImport.unknown_unit_code', { code: raw.unitCode, date: day });
  }
  const { unitCode: _unitCode, ...rest } = raw;
  const parsed = dossierIn.safeParse({ ...rest, unitId: unitId ?? undefined });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'row');
      if (field === 'unitId' && !unitId && raw.unitCode) continue; // reported above
      err(field, 'dossiersImport.invalid_value', { field: columnOf(field) });
    }
    return { ok: false, errors };
  }
  const d = parsed.data;
  const procedure = await lookups.procedure(d.procedureCode);
  if (!procedure) err('procedureCode', 'dossiers.unknown_procedure', { code: d.procedureCode });
  const access = await lookups.unitAccess(d.unitId);
  const unitField = raw.unitCode ? 'unitCode' : 'unitId';
  if (access === 'unknown') err(unitField, 'dossiers.unknown_unit');
  else if (access === 'denied')
    err(unitField, scoped ? 'dossiersImport.outside_scope' : 'dossiersImport.unit_not_allowed');
  let stored: DossierValues | null = null;
  if (procedure && access !== 'unknown') {
    const prepared = prepareDossier(await lookups.calendar(), procedure, d);
    if (prepared.ok) stored = prepared.values;
    else
      for (const p of prepared.problems) {
        const field = p.field.startsWith('suspensions') ? 'suspendedFrom' : p.field;
        err(field, p.key, { field: columnOf(field) });
      }
  }
  return errors.length || !stored ? { ok: false, errors } : { ok: true, value: d, stored };
}

/**
 * What a file's rows are checked against, taken on the main thread once per job and handed to the staging
 * worker (plain data): every unit code with the unit and the validity of that code, the procedures, every
 * unit's standing for the importer, and the calendar's schedules.
 */
export type StagingSnapshot = {
  /** [code, unit id, valid from, valid to] of each unit version. */
  unitCodes: [string, string, string, string | null][];
  /** [code, id, time limit in working days]. */
  procedures: [string, string, number][];
  /** Every unit id, and those whose dossiers the importer may write. */
  units: string[];
  writable: string[];
  calendar: Readonly<Record<number, YearAdjustments>>;
};

/** Lookups over a snapshot: all in memory, so a million rows make no query at all. */
export function snapshotLookups(s: StagingSnapshot): RowLookups {
  const byCode = new Map<string, { id: string; from: string; to: string | null }[]>();
  for (const [code, id, from, to] of s.unitCodes) {
    const list = byCode.get(code) ?? [];
    list.push({ id, from, to });
    byCode.set(code, list);
  }
  const procedures = new Map(s.procedures.map(([code, id, timeLimitDays]) => [code, { id, timeLimitDays }]));
  const units = new Set(s.units);
  const writable = new Set(s.writable);
  const calendar = createCalendar(s.calendar, DEFAULT_CALENDAR_OPTIONS);
  return {
    calendar: () => calendar,
    unitByCode: (code, day) =>
      byCode.get(code)?.find((v) => v.from <= day && (v.to === null || v.to >= day))?.id ?? null,
    procedure: (code) => procedures.get(code) ?? null,
    unitAccess: (id) => (!units.has(id) ? 'unknown' : writable.has(id) ? 'allowed' : 'denied'),
  };
}
