/** The plan's Excel import and its downloads: the server's own types (its Zod schemas). */
import { api } from '../../../lib/api';
import type {
  ImportPreviewOut as ImportPreview,
  ImportResultOut as ImportResult,
} from '../../../../../server/modules/plans/plans.schemas';

export type {
  ImportBatchOut as ImportBatch,
  ImportPreviewOut as ImportPreview,
  ImportResultOut as ImportResult,
  ImportRowErrorOut as ImportRowError,
} from '../../../../../server/modules/plans/plans.schemas';

export const exchangeUrls = {
  template: (planId: string) => `/api/plans/${planId}/tasks/template.xlsx`,
  exportXlsx: (planId: string) => `/api/plans/${planId}/export.xlsx`,
  reportDocx: (planId: string, asOf?: string) =>
    `/api/plans/${planId}/report.docx${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
};

/** Validates the file and previews its tasks without writing anything. */
export const previewImport = (planId: string, file: File) =>
  api.upload<ImportPreview>(`/api/plans/${planId}/tasks/import`, file, undefined, {
    query: { dryRun: true },
  });

/** Imports the file's tasks: all of them or none (a 400 lists the rows); the same file again is a no-op. */
export const importTasks = (planId: string, file: File) =>
  api.upload<ImportResult>(`/api/plans/${planId}/tasks/import`, file);
