import { api } from '../../lib/api';

export const REFORM_AREAS = [
  'direction',
  'institutions',
  'procedures',
  'apparatus',
  'civil_service',
  'public_finance',
  'digital_government',
] as const;
export type ReformArea = (typeof REFORM_AREAS)[number];

export const TASK_STATUSES = [
  'not_started',
  'in_progress',
  'reported_done',
  'returned',
  'verified',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_ACTIONS = [
  'start',
  'report_done',
  'withdraw_report',
  'verify',
  'return',
  'reopen',
  'cancel',
  'extend',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export type CompletionMethod = 'count' | 'weighted';

export type Plan = {
  id: string;
  year: number;
  ownerUnitId: string;
  ownerName?: string;
  ownerKind: 'committee' | 'unit';
  title: string;
  documentId: string | null;
  method: CompletionMethod;
  focusAreas: string[];
  evidenceOptional: boolean;
  version: number;
  createdAt: string;
  abilities?: { manage: boolean };
};

export type TimingState = 'done_on_time' | 'done_late' | 'overdue' | 'due_soon' | 'on_track' | 'cancelled';
export type Timing = {
  state: TimingState;
  daysOverdue: number;
  daysLeft: number | null;
  effectiveDueDate: string | null;
};

export type Task = {
  id: string;
  planId: string;
  title: string;
  description: string | null;
  reformArea: ReformArea;
  leadUnitId: string;
  leadUnitName: string;
  dueDate: string | null;
  originalDueDate: string | null;
  expectedOutput: string | null;
  focus: boolean;
  status: TaskStatus;
  output: string | null;
  reportedOn: string | null;
  verifiedOn: string | null;
  lastReason: string | null;
  version: number;
  timing: Timing;
  allowedActions: TaskAction[];
  abilities: { progress: boolean; direct?: boolean };
  parentTaskId: string | null;
  supportingUnitIds: string[];
  directingMemberId: string | null;
  links: {
    dependsOn: string[];
    dependedOnBy: string[];
    /** Prerequisites still owed: the task cannot be reported done yet. */
    blockedBy: string[];
    subtasks: { finished: number; total: number };
  };
};

export type TaskEvent = {
  id: string;
  taskId: string;
  action: TaskAction | 'progress' | 'approve_progress' | 'reject_progress' | 'direction';
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus | null;
  note: string | null;
  percent: number | null;
  fileIds: string[];
  files?: { id: string; originalName: string; size?: number; mediaType?: string }[];
  documentId: string | null;
  at: string;
  on: string;
  actorId: string | null;
  /** Present when the server names the actor. */
  actorName?: string | null;
  /** For progress updates: published, or still inside the unit (pending / rejected by its leader). */
  state?: 'published' | 'pending' | 'rejected' | null;
  canReview?: boolean;
  reviewOf?: string | null;
};

export type Metric = { value: number; taskIds: string[] };
export type PctMetric = {
  value: number | null;
  method: CompletionMethod;
  numerator: number;
  denominator: number;
  numeratorTaskIds: string[];
  taskIds: string[];
};
export type Kpis = {
  total: Metric;
  notStarted: Metric;
  inProgress: Metric;
  reportedDone: Metric;
  returned: Metric;
  verified: Metric;
  cancelled: Metric;
  verifiedOnTime: Metric;
  overdue: Metric;
  completionPct: PctMetric;
};
export type PlanKpis = {
  method: CompletionMethod;
  asOf: string;
  overall: Kpis;
  byReformArea: { key: string | null; kpis: Kpis }[];
  byLeadUnit: { key: string | null; kpis: Kpis }[];
};

export type PlanInput = {
  year: number;
  ownerKind?: 'committee' | 'unit';
  ownerUnitId: string;
  title: string;
  method: CompletionMethod;
};
export type TaskInput = {
  title: string;
  reformArea: ReformArea;
  leadUnitId: string;
  dueDate: string | null;
  expectedOutput: string | null;
  focus: boolean;
  parentTaskId?: string | null;
  supportingUnitIds?: string[];
  directingMemberId?: string | null;
};
export type TaskEdit = {
  title?: string;
  description?: string | null;
  reformArea?: ReformArea;
  leadUnitId?: string;
  expectedOutput?: string | null;
  focus?: boolean;
  supportingUnitIds?: string[];
  directingMemberId?: string | null;
  version: number;
};
export type ActionInput = {
  action: TaskAction;
  version: number;
  reason?: string | null;
  documentId?: string | null;
  output?: string | null;
  fileIds?: string[];
  newDueDate?: string | null;
};
export type UploadedFile = { id: string; originalName: string; size: number; mediaType: string };
export type DocumentRef = { id: string; numberSymbol: string; issuedOn: string; title: string };

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
  api.get<{ items: Plan[] }>('/api/plans', { query: { year, ownerKind } });
export const getPlan = (id: string) => api.get<Plan>(`/api/plans/${id}`);
export const createPlan = (input: PlanInput) => api.post<Plan>('/api/plans', input);
export const listTasks = (planId: string) => api.get<{ items: Task[] }>(`/api/plans/${planId}/tasks`);
export const addTask = (planId: string, input: TaskInput) =>
  api.post<Task>(`/api/plans/${planId}/tasks`, input);
export const getKpis = (planId: string) => api.get<PlanKpis>(`/api/plans/${planId}/kpis`);
export const actOnTask = (taskId: string, input: ActionInput) =>
  api.post<Task>(`/api/tasks/${taskId}/actions`, input);
export const postProgress = (taskId: string, input: { note: string; percent: number | null }) =>
  api.post<TaskEvent>(`/api/tasks/${taskId}/progress`, input);
export const postDirection = (taskId: string, note: string) =>
  api.post<TaskEvent>(`/api/tasks/${taskId}/directions`, { note });
export const uploadEvidence = (taskId: string, file: File) =>
  api.upload<UploadedFile>(`/api/tasks/${taskId}/files`, file);
export const taskEvents = (taskId: string) => api.get<{ items: TaskEvent[] }>(`/api/tasks/${taskId}/events`);
export const searchDocuments = (q: string) =>
  api.get<{ items: DocumentRef[] }>('/api/documents', { query: { q, limit: 20 } });
export const updateTask = (taskId: string, input: TaskEdit) => api.patch<Task>(`/api/tasks/${taskId}`, input);
export const addDependency = (taskId: string, dependsOnTaskId: string) =>
  api.post<null>(`/api/tasks/${taskId}/dependencies`, { dependsOnTaskId });
export const removeDependency = (taskId: string, otherId: string) =>
  api.delete<null>(`/api/tasks/${taskId}/dependencies/${otherId}`);
export const reviewProgress = (
  taskId: string,
  eventId: string,
  input: { action: 'approve_progress' | 'reject_progress'; reason?: string | null },
) => api.post<TaskEvent>(`/api/tasks/${taskId}/progress/${eventId}/review`, input);

export type ApprovalSetting = {
  unitId: string;
  requireApproval: boolean;
  version: number;
  abilities: { edit: boolean };
};
export const getApproval = (unitId: string) =>
  api.get<ApprovalSetting>(`/api/units/${unitId}/progress-approval`);
export const setApproval = (unitId: string, input: { requireApproval: boolean; version: number }) =>
  api.put<ApprovalSetting>(`/api/units/${unitId}/progress-approval`, input);

export type UnitPlanCoverage = {
  year: number;
  asOf: string;
  parentId: string | null;
  expected: number;
  issued: string[];
  percent: number | null;
  units: {
    unitId: string;
    unitName: string;
    kind: string;
    plan: { id: string; title: string; documentId: string | null } | null;
  }[];
};
export const unitPlanCoverage = (year: number) =>
  api.get<UnitPlanCoverage>('/api/plans/unit-coverage', { query: { year } });

export const downloadUrl = (taskId: string, fileId: string) => `/api/tasks/${taskId}/files/${fileId}`;

/** `55.357…` → vi `55,36%`, en `55.36%`; `—` when nothing is owed. */
export function formatPct(value: number | null, locale: string): string {
  if (value === null) return '—';
  const text = (Math.round(value * 100) / 100).toFixed(2);
  return `${locale.startsWith('en') ? text : text.replace('.', ',')}%`;
}

/** The provincial steering committee's members in office today, to name a task's directing member. */
export type CommitteeMember = { id: string; name: string; position: string; office: string | null };
export async function provincialMembers(): Promise<CommitteeMember[]> {
  const committees = await api.get<{ items: { id: string }[] }>('/api/committees', {
    query: { level: 'province' },
  });
  const first = committees.items[0];
  if (!first) return [];
  const c = await api.get<{ members: CommitteeMember[] }>(`/api/committees/${first.id}/composition`);
  return c.members;
}
