/**
 * The CPU-heavy half of staging a file import, run in a worker thread (server/core/jobs): the stored file,
 * pulled piece by piece from the main thread, is read as records (CSV or XLSX), each row mapped and checked
 * against the job's snapshot (units by code as of the receipt day, procedures, the importer's rights, the
 * calendar) and, when valid, prepared as it will be stored and encoded for the staging table. Chunks go back to
 * the main thread, which writes each in a short transaction with the job's progress; the worker never opens
 * the database.
 */
import { Readable } from 'node:stream';
import { defineTask, type TaskPort } from '../../../core/jobs/task.js';
import {
  compileMapping,
  mapRow,
  type CompiledMapping,
  type MappingSpec,
  type RowError,
} from './column-mapping.js';
import { checkRow, snapshotLookups, type StagingSnapshot } from './row-check.js';
import { readRecords } from './row-source.js';
import { encodeStagedRows, type EncodedRows } from './staged-rows.js';
import type { DossierValues } from '../dossiers.service.js';

export type StageInput = {
  format: 'csv' | 'xlsx';
  spec: MappingSpec;
  /** Rows up to this one (file numbering, header = 1) were staged before a restart: skipped. */
  after: number;
  /** Data rows per chunk (each chunk is one transaction of the main thread). */
  chunkRows: number;
  snapshot: StagingSnapshot;
};

export type StagedChunk = {
  rows: EncodedRows;
  /** Errors of this chunk's invalid rows. */
  errors: RowError[];
  /** Data rows read (blank rows not counted). */
  read: number;
  /** The last file row the chunk covers (blank rows included): staging continues after it. */
  lastRow: number;
  /** The code column as printed (the main thread names it in duplicate-code errors). */
  codeColumn: string;
};

export type StageAsk = { type: 'read' } | { type: 'chunk'; chunk: StagedChunk };
/** The next piece of the file (null at its end), or a chunk taken (its write goes on meanwhile). */
export type StageReply = { type: 'data'; data: ArrayBuffer | null } | { type: 'written' };

export type StageOutcome =
  | { outcome: 'read'; codeColumn: string }
  /** The header does not fit the mapping (missing column…): no row was read. */
  | { outcome: 'mapping'; errors: RowError[] }
  | { outcome: 'empty' };

const blank = (cells: readonly unknown[]) =>
  cells.every((c) => c === null || c === undefined || String(c).trim() === '');

export const task = defineTask(
  async (input: StageInput, port: TaskPort<StageAsk, StageReply>): Promise<StageOutcome> => {
    const pieces = async function* () {
      for (;;) {
        const reply = await port.ask({ type: 'read' });
        if (reply.type !== 'data' || !reply.data) return;
        yield Buffer.from(reply.data);
      }
    };
    const source = Readable.from(pieces(), { objectMode: false });
    const lookups = snapshotLookups(input.snapshot);
    let mapping: CompiledMapping | null = null;
    let codeColumn = 'code';
    let pending: { rowNo: number; values: DossierValues }[] = [];
    let errors: RowError[] = [];
    let read = 0;
    let lastRow = input.after;
    let sentRow = input.after;
    /** Hands the rows gathered so far to the main thread (it fails the task if it cannot take them). */
    const send = async () => {
      const chunk: StagedChunk = { rows: encodeStagedRows(pending), errors, read, lastRow, codeColumn };
      pending = [];
      errors = [];
      read = 0;
      sentRow = lastRow;
      await port.ask({ type: 'chunk', chunk });
    };
    try {
      for await (const rec of readRecords(input.format, source, input.spec.delimiter)) {
        if (!mapping) {
          if (blank(rec.cells)) continue;
          const compiled = compileMapping(input.spec, rec.cells);
          if (!compiled.ok) return { outcome: 'mapping', errors: compiled.errors };
          mapping = compiled.mapping;
          codeColumn = mapping.index.code?.header ?? 'code';
          continue;
        }
        if (rec.row <= input.after) continue;
        lastRow = rec.row;
        if (blank(rec.cells)) continue;
        read++;
        const m = mapping;
        const columnOf = (f: string) => m.index[f as keyof typeof m.index]?.header ?? f;
        const mapped = mapRow(m, rec.cells, rec.row);
        const checked = mapped.ok ? await checkRow(lookups, mapped.value, rec.row, columnOf) : mapped;
        if (checked.ok) pending.push({ rowNo: rec.row, values: checked.stored });
        else errors.push(...checked.errors);
        if (read >= input.chunkRows) await send();
      }
      if (!mapping) return { outcome: 'empty' };
      if (read || lastRow !== sentRow) await send();
      return { outcome: 'read', codeColumn };
    } finally {
      source.destroy();
    }
  },
);
