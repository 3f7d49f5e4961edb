/**
 * Periodic reports' API (`/api/report-forms`, `/api/report-rounds`, `/api/reports`): the types are the
 * server's own (type-only imports of its Zod schemas, erased from the bundle), so the two cannot drift.
 */
import type {
  ConsolidationOut,
  FormListOut,
  MyReportsOut,
  RemindOut,
  ReportOut,
  ReportSaveBody,
  RoundCreateBody,
  RoundDetailOut,
  RoundListOut,
  RoundPreviewOut,
  TraceOut,
} from '../../../../server/modules/reports/reports.schemas';
import type { ActionInput, Bilingual } from '../../../../server/modules/work/work.schemas';
import { api } from '../../lib/api';

export { inLanguage } from '../../components/workflow/work';

export type { Bilingual };
export type FormList = FormListOut;
export type FormSummary = FormListOut['items'][number];
export type RoundList = RoundListOut;
export type RoundSummary = RoundListOut['items'][number];
export type Rates = RoundSummary['rates'];
export type RoundDetail = RoundDetailOut;
export type RoundUnit = RoundDetailOut['units'][number];
export type RoundPreview = RoundPreviewOut;
export type Report = ReportOut;
export type ReportStatus = ReportOut['status'];
export type Prefill = ReportOut['prefill'][number];
export type MyReport = MyReportsOut['items'][number];
export type Consolidation = ConsolidationOut;
export type Figure = ConsolidationOut['figures'][string];
export type Trace = TraceOut;
/** The report as it now stands, and who acts next (for the toast). */
export type ActionResult = ReportOut & { next: Bilingual | null };
/** The actions the server may allow on a report (its `work.allowedActions`). */
export type ReportAction = 'submit' | 'return' | 'accept' | 'extend';
export type ReportActionInput = Omit<ActionInput, 'action'> & { action: ReportAction };
export type SaveInput = ReportSaveBody;

export const reportKeys = {
  all: ['reports'] as const,
  forms: ['reports', 'forms'] as const,
  rounds: (ownerUnitId: string) => ['reports', 'rounds', ownerUnitId] as const,
  round: (id: string) => ['reports', 'round', id] as const,
  preview: (formKey: string, ownerUnitId: string, periodKey: string) =>
    ['reports', 'preview', formKey, ownerUnitId, periodKey] as const,
  mine: ['reports', 'mine'] as const,
  report: (id: string) => ['reports', 'report', id] as const,
  consolidation: (roundId: string) => ['reports', 'consolidation', roundId] as const,
  trace: (roundId: string, field: string) => ['reports', 'trace', roundId, field] as const,
};

export const listForms = () => api.get<FormList>('/api/report-forms');
export const listRounds = (ownerUnitId: string) =>
  api.get<RoundList>('/api/report-rounds', { query: { ownerUnitId } });
export const previewRound = (q: { formKey: string; ownerUnitId: string; periodKey: string }) =>
  api.get<RoundPreview>('/api/report-rounds/preview', { query: q });
export const openRound = (input: RoundCreateBody) => api.post<RoundDetail>('/api/report-rounds', input);
export const getRound = (id: string) => api.get<RoundDetail>(`/api/report-rounds/${id}`);
export const remindRound = (id: string, unitIds?: string[]) =>
  api.post<RemindOut>(`/api/report-rounds/${id}/remind`, unitIds ? { unitIds } : {});

export const myReports = () => api.get<MyReportsOut>('/api/reports/mine');
export const getReport = (id: string) => api.get<Report>(`/api/reports/${id}`);
export const saveReport = (id: string, input: SaveInput) => api.put<Report>(`/api/reports/${id}`, input);
export const refreshPrefill = (id: string, version: number) =>
  api.post<Report>(`/api/reports/${id}/refresh-prefill`, { version });
export const actOnReport = (id: string, input: ReportActionInput) =>
  api.post<ActionResult>(`/api/reports/${id}/actions`, input);

export const getConsolidation = (roundId: string) =>
  api.get<Consolidation>(`/api/report-rounds/${roundId}/consolidation`);
export const consolidate = (roundId: string) =>
  api.post<Consolidation>(`/api/report-rounds/${roundId}/consolidation`);
export const saveConsolidation = (roundId: string, input: SaveInput) =>
  api.put<Consolidation>(`/api/report-rounds/${roundId}/consolidation`, input);
export const traceFigure = (roundId: string, field: string) =>
  api.get<Trace>(`/api/report-rounds/${roundId}/consolidation/trace`, { query: { field } });

export type Issuer = 'province' | 'committee';
export const issueConsolidation = (
  roundId: string,
  input: { version: number; number: number; issuedOn: string; issuer: Issuer },
) => api.post<Consolidation>(`/api/report-rounds/${roundId}/consolidation/issue`, input);
export const docxUrl = (roundId: string, issuer: Issuer) =>
  `/api/report-rounds/${roundId}/consolidation.docx?issuer=${issuer}`;
export const xlsxUrl = (roundId: string) => `/api/report-rounds/${roundId}/consolidation.xlsx`;
