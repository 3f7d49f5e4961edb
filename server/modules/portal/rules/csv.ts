/**
 * The open data's CSV dialect — pure. UTF-8 with a byte-order mark (so Excel opens Vietnamese correctly), `;`
 * between fields (Excel in a Vietnamese locale, whose decimal separator is the comma, splits on `;`), `.` as the
 * decimal point (machine-readable; no thousands separator), CRLF line ends (RFC 4180), a header row of the
 * columns' names; a field with `;`, `"`, a line break or surrounding spaces is quoted with `"` doubled inside.
 * Dates are ISO (yyyy-mm-dd), booleans `true`/`false`, an empty field is a missing value. A field that a
 * spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`
 * (OWASP "CSV injection"); numbers are written as numbers and never prefixed.
 */

export const CSV_DIALECT = {
  encoding: 'utf-8',
  bom: true,
  delimiter: ';',
  decimalChar: '.',
  lineTerminator: '\r\n',
} as const;

export type Cell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';

/** A number as the file writes it: plain decimal notation with `.`, at most 4 decimals, no exponent. */
export function csvNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 4 });
  return s === '-0' ? '0' : s;
}

/** One field, quoted when it must be. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return csvNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file: BOM, the header, one line a row (the columns' order), CRLF after every line. */
export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, Cell>>[]): string {
  const lines = [columns.map(csvField).join(CSV_DIALECT.delimiter)];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c])).join(CSV_DIALECT.delimiter));
  return BOM + lines.join(CSV_DIALECT.lineTerminator) + CSV_DIALECT.lineTerminator;
}
