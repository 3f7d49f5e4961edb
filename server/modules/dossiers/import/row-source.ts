/**
 * The records of an uploaded export, one at a time: CSV through the streaming reader, XLSX through
 * exceljs's streaming workbook reader (first worksheet). Cells come out as text, numbers, booleans or
 * dates; rich text, hyperlinks and formulas are reduced to what they show.
 */
import { Transform, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from './column-mapping.js';
import { csvRecords } from './csv-stream.js';

export type SourceRecord = { row: number; cells: CellValue[] };

/** Counts the bytes that pass (progress of a file of known size). */
export function byteCounter(): Transform & { bytes: number } {
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      (t as Transform & { bytes: number }).bytes += chunk.length;
      done(null, chunk);
    },
  }) as Transform & { bytes: number };
  t.bytes = 0;
  return t;
}

function excelCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
    };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return excelCell(o.result);
    if (o.text !== undefined) return excelCell(o.text);
    if (o.error) return null;
  }
  return String(v);
}

export async function* readRecords(
  format: 'csv' | 'xlsx',
  input: Readable,
  delimiter: string,
): AsyncGenerator<SourceRecord> {
  if (format === 'csv') {
    for await (const r of csvRecords(input, delimiter)) yield r;
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: CellValue[] = [];
      for (let i = 1; i < values.length; i++) cells.push(excelCell(values[i]));
      yield { row: row.number, cells };
    }
    break; // the first worksheet only
  }
}
