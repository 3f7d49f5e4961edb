import { api } from '../../../lib/api';

/** One refused cell of an import: the worksheet row (as Excel numbers it), the column and why. */
export type ImportRowError = { row: number; field: string; column: string; key: string; message: string };

export type ImportBatch = {
  importId: string;
  planId: string;
  fileName: string;
  created: number;
  taskIds: string[];
  at: string;
};

export type ImportPreview = {
  dryRun: true;
  valid: boolean;
  total: number;
  rows: ImportRowError[];
  tasks: {
    row: number;
    title: string;
    reformArea: string;
    leadUnitName: string;
    supportingUnitNames: string[];
    startDate: string | null;
    dueDate: string | null;
    focus: boolean;
    weight: number | null;
  }[];
  alreadyImported: ImportBatch | null;
};

export type ImportResult = ImportBatch & { replayed: boolean };

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
