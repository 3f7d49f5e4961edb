/**
 * The plans API (`/api/plans…`, `/api/tasks/…`, `/api/units/:id/progress-approval`): the server's own types
 * (type-only imports of its Zod schemas, erased from the bundle), so the two cannot drift.
 */
import type { DocumentListOut } from '../../../../server/modules/documents/documents.schemas';
import type {
  CommitteeListOut,
  CompositionOut,
} from '../../../../server/modules/committees/committees.schemas';
import { api } from '../../lib/api';
import type { MembershipOut } from '../../../../server/modules/committees/committees.schemas';
import type { DocumentOut } from '../../../../server/modules/documents/documents.schemas';
import type {
  ApprovalSettingIn,
  ApprovalSettingOut as ApprovalSetting,
  CarriedOverOut,
  PlanDetailOut as Plan,
  PlanIn as PlanInput,
  PlanKpisOut as PlanKpis,
  PlanListOut,
  ProgressIn,
  ProgressReviewIn,
  ReformArea,
  TaskActionIn as ActionInput,
  TaskEditIn as TaskEdit,
  TaskEventListOut,
  TaskEventOut as TaskEvent,
  TaskIn as TaskInput,
  TaskListOut,
  TaskOut as Task,
  UnitCoverageOut as UnitPlanCoverage,
} from '../../../../server/modules/plans/plans.schemas';
import type { UploadOut as UploadedFile } from '../../../../server/modules/work/work.schemas';

export type {
  ApprovalSettingOut as ApprovalSetting,
  CompletionMethod,
  KpisOut as Kpis,
  MetricOut as Metric,
  PctMetricOut as PctMetric,
  PlanDetailOut as Plan,
  PlanIn as PlanInput,
  PlanKpisOut as PlanKpis,
  PlanListOut,
  PlanOut as PlanListItem,
  ReformArea,
  TaskAction,
  TaskActionIn as ActionInput,
  TaskEditIn as TaskEdit,
  TaskEventOut as TaskEvent,
  TaskIn as TaskInput,
  TaskOut as Task,
  TaskStatus,
  UnitCoverageOut as UnitPlanCoverage,
} from '../../../../server/modules/plans/plans.schemas';
export type { UploadOut as UploadedFile } from '../../../../server/modules/work/work.schemas';
export type Timing = Task['timing'];
export type TimingState = Timing['state'];
/** A register document as a picker offers it. */
export type DocumentRef = Pick<DocumentOut, 'id' | 'numberSymbol' | 'issuedOn' | 'title'>;

/**
 * The reform areas in the order the forms offer them. A record over the server's list: an area missing
 * here or unknown there fails the build.
 */
const AREAS: Record<ReformArea, true> = {
  direction: true,
  institutions: true,
  procedures: true,
  apparatus: true,
  civil_service: true,
  public_finance: true,
  digital_government: true,
};
export const REFORM_AREAS = Object.keys(AREAS) as ReformArea[];

export const planKeys = {
  all: ['plans'] as const,
  list: (year: number | null) => ['plans', 'list', year] as const,
  one: (id: string) => ['plans', 'one', id] as const,
  tasks: (id: string) => ['plans', 'tasks', id] as const,
  kpis: (id: string) => ['plans', 'kpis', id] as const,
  events: (taskId: string) => ['plans', 'events', taskId] as const,
  coverage: (year: number) => ['plans', 'coverage', year] as const,
  approval: (unitId: string) => ['plans', 'approval', unitId] as const,
};

export const listPlans = (year: number | null, ownerKind?: 'committee' | 'unit') =>
  api.get<PlanListOut>('/api/plans', { query: { year, ownerKind } });
export const getPlan = (id: string) => api.get<Plan>(`/api/plans/${id}`);
/** Open tasks of plans before `year` still overdue today. */
export const carriedOver = (year: number) =>
  api.get<CarriedOverOut>('/api/plans/carried-over', { query: { year, limit: 10 } });
export const createPlan = (input: PlanInput) => api.post<Plan>('/api/plans', input);
export const listTasks = (planId: string) => api.get<TaskListOut>(`/api/plans/${planId}/tasks`);
export const addTask = (planId: string, input: TaskInput) =>
  api.post<Task>(`/api/plans/${planId}/tasks`, input);
export const getKpis = (planId: string) => api.get<PlanKpis>(`/api/plans/${planId}/kpis`);
export const actOnTask = (taskId: string, input: ActionInput) =>
  api.post<Task>(`/api/tasks/${taskId}/actions`, input);
export const postProgress = (taskId: string, input: ProgressIn) =>
  api.post<TaskEvent>(`/api/tasks/${taskId}/progress`, input);
export const postDirection = (taskId: string, note: string) =>
  api.post<TaskEvent>(`/api/tasks/${taskId}/directions`, { note });
export const uploadEvidence = (taskId: string, file: File) =>
  api.upload<UploadedFile>(`/api/tasks/${taskId}/files`, file);
export const taskEvents = (taskId: string) => api.get<TaskEventListOut>(`/api/tasks/${taskId}/events`);
export const searchDocuments = (q: string) =>
  api.get<DocumentListOut>('/api/documents', { query: { q, limit: 20 } });
export const updateTask = (taskId: string, input: TaskEdit) => api.patch<Task>(`/api/tasks/${taskId}`, input);
/** Answers the task with its links as they now stand. */
export const addDependency = (taskId: string, dependsOnTaskId: string) =>
  api.post<Task>(`/api/tasks/${taskId}/dependencies`, { dependsOnTaskId });
export const removeDependency = (taskId: string, otherId: string) =>
  api.delete<null>(`/api/tasks/${taskId}/dependencies/${otherId}`);
export const reviewProgress = (taskId: string, eventId: string, input: ProgressReviewIn) =>
  api.post<TaskEvent>(`/api/tasks/${taskId}/progress/${eventId}/review`, input);

export const getApproval = (unitId: string) =>
  api.get<ApprovalSetting>(`/api/units/${unitId}/progress-approval`);
export const setApproval = (unitId: string, input: ApprovalSettingIn) =>
  api.put<ApprovalSetting>(`/api/units/${unitId}/progress-approval`, input);

export const unitPlanCoverage = (year: number) =>
  api.get<UnitPlanCoverage>('/api/plans/unit-coverage', { query: { year } });

export const downloadUrl = (taskId: string, fileId: string) => `/api/tasks/${taskId}/files/${fileId}`;

/** `55.357…` → vi `55,36%`, en `55.36%`; `—` when nothing is owed. */
export function formatPct(value: number | null, locale: string): string {
  if (value === null) return '—';
  const text = (Math.round(value * 100) / 100).toFixed(2);
  return `${locale.startsWith('en') ? text : text.replace('.', ',')}%`;
}

/** A member of a committee, as the directing-member picker shows them. */
export type CommitteeMember = Pick<MembershipOut, 'id' | 'name' | 'position' | 'office'>;
/** The provincial steering committee's members in office today, to name a task's directing member. */
export async function provincialMembers(): Promise<CommitteeMember[]> {
  const committees = await api.get<CommitteeListOut>('/api/committees', {
    query: { level: 'province' },
  });
  const first = committees.items[0];
  if (!first) return [];
  const c = await api.get<CompositionOut>(`/api/committees/${first.id}/composition`);
  return c.members;
}
