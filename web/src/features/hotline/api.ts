/**
 * The hotline's staff API (`/api/hotline/...`) and the unit's and reviewer's steps through the work engine
 * (`/api/work/feedback_case/:id/...`). The types are the server's own (type-only imports of its Zod schemas,
 * erased from the bundle), so the two cannot drift.
 */
import type { z } from 'zod';
import type {
  caseListQuery,
  categoryOut,
  escalateIn,
  mergeIn,
  staffIntakeIn,
  transferIn,
  triageIn,
} from '../../../../server/modules/hotline/hotline.schemas';
import type {
  CaseDetailOut,
  CaseListOut,
  CaseSummaryOut,
  CategoryListOut,
  IntakeOut,
  UploadOut,
} from '../../../../server/modules/hotline/hotline.schemas';
import type { WorkEventListOut, WorkEventOut } from '../../../../server/modules/work/work.schemas';
import { api } from '../../lib/api';
import { actOnWorkItem, uploadWorkFile, workFileHref } from '../../components/workflow/work';
import type { WorkActionResult } from '../../components/workflow/work';

export type CaseSummary = CaseSummaryOut;
export type CaseDetail = CaseDetailOut;
export type CaseList = CaseListOut;
export type CaseView = z.input<typeof caseListQuery>['view'] & string;
export type CaseStatus = CaseSummary['status'];
export type Channel = CaseSummary['channel'];
export type Classification = NonNullable<CaseSummary['classification']>;
export type Timing = NonNullable<CaseSummary['timing']>;
export type Category = z.infer<typeof categoryOut>;
export type Duplicate = CaseDetail['duplicates'][number];
export type Escalation = CaseDetail['escalations'][number];
export type CaseFile = CaseDetail['files'][number];
export type IntakeInput = z.input<typeof staffIntakeIn>;
export type Intake = IntakeOut;
export type Receipt = Intake['receipt'];
export type TriageInput = z.input<typeof triageIn>;
export type TransferInput = z.input<typeof transferIn>;
export type MergeInput = z.input<typeof mergeIn>;
export type EscalateInput = z.input<typeof escalateIn>;
export type Upload = UploadOut;
export type CaseEvent = WorkEventOut;

/** The steps of the handling unit and the reviewer (the work engine's `allowedActions` for a case). */
export type EngineAction = 'submit_answer' | 'refer_back' | 'return' | 'approve' | 'extend';

export type ListParams = {
  view: CaseView;
  q?: string | undefined;
  categoryId?: string | undefined;
  channel?: Channel | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
};

export const hotlineKeys = {
  all: ['hotline'] as const,
  list: (p: ListParams) => ['hotline', 'cases', p] as const,
  case: (id: string) => ['hotline', 'case', id] as const,
  events: (id: string) => ['hotline', 'events', id] as const,
  categories: ['hotline', 'categories'] as const,
  /** The receipt of a case just entered (its key is given once). */
  receipt: (id: string) => ['hotline', 'receipt', id] as const,
};

const KIND = 'feedback_case' as const;

export const listCases = (p: ListParams) => api.get<CaseList>('/api/hotline/cases', { query: p });
export const listCategories = () => api.get<CategoryListOut>('/api/hotline/categories');
export const getCase = (id: string) => api.get<CaseDetail>(`/api/hotline/cases/${id}`);
export const createCase = (input: IntakeInput) => api.post<Intake>('/api/hotline/cases', input);
export const uploadIntakeFile = (file: File) => api.upload<Upload>('/api/hotline/uploads', file);

export const triageCase = (id: string, input: TriageInput) =>
  api.post<CaseDetail>(`/api/hotline/cases/${id}/triage`, input);
export const transferCase = (id: string, input: TransferInput) =>
  api.post<CaseDetail>(`/api/hotline/cases/${id}/transfer`, input);
export const mergeCase = (id: string, input: MergeInput) =>
  api.post<CaseDetail>(`/api/hotline/cases/${id}/merge`, input);
export const escalateCase = (id: string, input: EscalateInput) =>
  api.post<CaseDetail>(`/api/hotline/cases/${id}/escalations`, input);

/** The unit's and the reviewer's steps (answer, refer back, return, approve, extend). */
export const actOnCase = (
  id: string,
  input: {
    action: EngineAction;
    version: number;
    output?: string | null;
    reason?: string | null;
    newDueDate?: string | null;
    fileIds?: string[];
  },
) => actOnWorkItem(KIND, id, input) as Promise<WorkActionResult>;
export const uploadAnswerFile = (id: string, file: File) => uploadWorkFile(KIND, id, file);
export const answerFileHref = (id: string, fileId: string) => workFileHref(KIND, id, fileId);
export const caseEvents = (id: string) => api.get<WorkEventListOut>(`/api/work/${KIND}/${id}/events`);

/** Where a file received with the case downloads from (for whoever may read the case). */
export const caseFileHref = (caseId: string, fileId: string): string | null =>
  `/api/hotline/cases/${caseId}/files/${fileId}`;
