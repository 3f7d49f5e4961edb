/**
 * The export's workbook, written in a worker thread (server/core/jobs): ExcelJS builds the sheets and
 * compresses them into the file while the main thread only reads — the figures, then the dossier list a page
 * at a time as the worker asks for it — and writes the job's progress as the worker reports it. The worker
 * never opens the database.
 */
import { defineTask, type TaskPort } from '../../../core/jobs/task.js';
import type { BreakdownResponse, DossierListResponse, TrendResponse } from '../dossiers-query.schemas.js';
import type { ExportQuery } from './dossiers-export.table.js';
import {
  writeDossierWorkbook,
  type WorkbookOptions,
  type WorkbookProgress,
  type WorkbookSource,
} from './workbook.js';

export type WorkbookInput = Omit<WorkbookOptions, 'report'> & { file: string; query: ExportQuery };

/** What the worker asks the main thread, and what each question gets back. */
type Questions = {
  breakdown: { ask: { groupBy: ExportQuery['groupBy'] }; answer: BreakdownResponse };
  trend: { ask: object; answer: TrendResponse };
  list: { ask: object; answer: { stockDay: string; count: number } };
  page: {
    ask: { cursor: string | null; limit: number };
    answer: { items: DossierListResponse['items']; nextCursor: string | null };
  };
  progress: { ask: { progress: WorkbookProgress }; answer: null };
};
export type WorkbookAsk = { [K in keyof Questions]: { type: K } & Questions[K]['ask'] }[keyof Questions];
export type WorkbookAnswer = Questions[keyof Questions]['answer'];

export const task = defineTask(
  async ({ file, query, ...options }: WorkbookInput, port: TaskPort<WorkbookAsk, WorkbookAnswer>) => {
    // Each question's answer is the type its question names (the main thread answers by `type`).
    const ask = <K extends keyof Questions>(type: K, message: Questions[K]['ask']) =>
      port.ask({ type, ...message } as WorkbookAsk) as Promise<Questions[K]['answer']>;
    const source: WorkbookSource = {
      breakdown: (groupBy) => ask('breakdown', { groupBy }),
      trend: () => ask('trend', {}),
      list: () => ask('list', {}),
      page: (cursor, limit) => ask('page', { cursor, limit }),
    };
    return writeDossierWorkbook(source, query, file, {
      ...options,
      report: async (progress) => {
        await ask('progress', { progress });
      },
    });
  },
);
