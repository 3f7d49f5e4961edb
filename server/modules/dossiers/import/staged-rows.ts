/**
 * How checked rows travel to the staging table (pure): each stored column of a chunk as one PostgreSQL array
 * literal, built where the rows are checked (the staging worker), so the main thread only passes a few strings
 * to one `INSERT … SELECT FROM unnest(…)` (`insertStagedRows`).
 */
import { COMPARED, type DossierValues } from '../dossiers.service.js';

/** The stored columns of a dossier, in the staging table's order (same names in both tables). */
export const STORED: readonly (keyof DossierValues)[] = ['code', ...COMPARED];

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const arrayLiteral = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

/**
 * A PostgreSQL array literal of text elements (quoted, `"` and `\\` escaped, NULL for null), passed as one
 * text parameter and cast in SQL — the same on node-postgres and PGlite, whatever their array handling.
 */
export function textArray(values: readonly (string | number | boolean | null)[]): string {
  return `{${values
    .map((v) => (v === null ? 'NULL' : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`))
    .join(',')}}`;
}

type Cell = string | number | boolean | null;
/**
 * How each stored column travels to the staging table: its element type in the unnested array and the
 * text of a value; the contribution arrays travel as array literals, cast row by row (`cast`).
 */
export const STAGED: Record<
  keyof DossierValues,
  { type: string; cast?: string; text: (v: DossierValues) => Cell }
> = {
  code: { type: 'text', text: (v) => v.code },
  procedureId: { type: 'uuid', text: (v) => v.procedureId },
  unitId: { type: 'uuid', text: (v) => v.unitId },
  channel: { type: 'text', text: (v) => v.channel },
  receivedAt: { type: 'timestamptz', text: (v) => iso(v.receivedAt) },
  dueAt: { type: 'timestamptz', text: (v) => iso(v.dueAt) },
  resolvedAt: { type: 'timestamptz', text: (v) => iso(v.resolvedAt) },
  returnedAt: { type: 'timestamptz', text: (v) => iso(v.returnedAt) },
  withdrawnAt: { type: 'timestamptz', text: (v) => iso(v.withdrawnAt) },
  status: { type: 'text', text: (v) => v.status },
  statusReason: { type: 'text', text: (v) => v.statusReason },
  suspensions: { type: 'jsonb', text: (v) => JSON.stringify(v.suspensions) },
  feePayable: { type: 'boolean', text: (v) => v.feePayable },
  paidOnline: { type: 'boolean', text: (v) => v.paidOnline },
  digitised: { type: 'boolean', text: (v) => v.digitised },
  eResult: { type: 'boolean', text: (v) => v.eResult },
  rating: { type: 'text', text: (v) => v.rating },
  complained: { type: 'boolean', text: (v) => v.complained },
  contribDay: { type: 'text', cast: 'date[]', text: (v) => arrayLiteral(v.contribDay) },
  contribCounter: { type: 'text', cast: 'smallint[]', text: (v) => arrayLiteral(v.contribCounter) },
  contribValue: { type: 'text', cast: 'integer[]', text: (v) => arrayLiteral(v.contribValue) },
};

/** Checked rows as the staging table takes them: file row numbers, codes, and each column (`STORED` order). */
export type EncodedRows = { rowNos: number[]; codes: string[]; columns: string[] };

export function encodeStagedRows(list: readonly { rowNo: number; values: DossierValues }[]): EncodedRows {
  return {
    rowNos: list.map((r) => r.rowNo),
    codes: list.map((r) => r.values.code),
    columns: STORED.map((k) => textArray(list.map((r) => STAGED[k].text(r.values)))),
  };
}
