import { api } from '../../lib/api';
import type { DrillClass, GroupBy, View } from './dashboardApi';

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed' | 'expired';
export type ExportPhase =
  'queued' | 'summary' | 'breakdown' | 'fields' | 'trend' | 'dossiers' | 'storing' | 'done';

/** An Excel export of the dossier dashboard, made on the server in the background. */
export type ExportJob = {
  id: string;
  status: ExportStatus;
  phase: ExportPhase;
  /** 0–1. */
  progress: number;
  rowsWritten: number;
  dossierRows: number;
  dossierTotal: number | null;
  capped: boolean;
  maxDossierRows: number;
  query: {
    from: string;
    to: string;
    restate: boolean;
    unitId: string | null;
    subtree: boolean;
    procedureId: string | null;
    groupBy: GroupBy;
    dossierClass: DrillClass | null;
  };
  fileName: string | null;
  size: number | null;
  failure: string | null;
  running: boolean;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
  downloadUrl: string | null;
};

export const exportKeys = {
  list: ['dossiers', 'exports'] as const,
  job: (id: string) => ['dossiers', 'exports', id] as const,
};

/** Starts an export of what the dashboard shows (and, optionally, the dossiers of one class). */
export const startExport = (view: View, groupBy: GroupBy, dossierClass: DrillClass | null) =>
  api.post<ExportJob>('/api/dossiers/exports', {
    from: view.from,
    to: view.to,
    restate: view.restate,
    unitId: view.unitId,
    procedureId: view.procedureId,
    groupBy,
    dossierClass,
  });

export const getExport = (id: string) => api.get<ExportJob>(`/api/dossiers/exports/${id}`);
export const listExports = () => api.get<{ items: ExportJob[] }>('/api/dossiers/exports');

export const isExportFinished = (job: ExportJob) =>
  job.status === 'done' || job.status === 'failed' || job.status === 'expired';
