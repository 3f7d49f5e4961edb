/**
 * Excel exports of the dashboard (`/api/dossiers/exports`): the server's own types
 * (export/dossiers-export.schemas.ts) under the names the page uses.
 */
import type {
  ExportInput,
  ExportJobOut,
  ExportListOut,
} from '../../../../server/modules/dossiers/export/dossiers-export.schemas';
import { api } from '../../lib/api';
import type { DrillClass, Ended, GroupBy, View } from './dashboardApi';

export type { ExportJobOut as ExportJob } from '../../../../server/modules/dossiers/export/dossiers-export.schemas';
export type ExportStatus = ExportJobOut['status'];
export type ExportPhase = ExportJobOut['phase'];

export const exportKeys = {
  list: ['dossiers', 'exports'] as const,
  job: (id: string) => ['dossiers', 'exports', id] as const,
};

/** Starts an export of what the dashboard shows (and, optionally, the dossiers of one class). */
export const startExport = (
  view: View,
  groupBy: GroupBy,
  dossierClass: DrillClass | null,
  ended: Ended = 'hide',
) =>
  api.post<ExportJobOut>('/api/dossiers/exports', {
    from: view.from,
    to: view.to,
    restate: view.restate,
    unitId: view.unitId,
    procedureId: view.procedureId,
    groupBy,
    dossierClass,
    ended,
  } satisfies ExportInput);

export const getExport = (id: string) => api.get<ExportJobOut>(`/api/dossiers/exports/${id}`);
export const listExports = () => api.get<ExportListOut>('/api/dossiers/exports');

export const isExportFinished = (job: ExportJobOut) =>
  job.status === 'done' || job.status === 'failed' || job.status === 'expired';
