/**
 * The work engine's API (`/api/work/...`, contract in server/modules/work/work.schemas.ts): what a unit
 * owes, of every kind, in one shape — used by the landing page's queues and the work-item action dialog.
 */
import { api } from '../../lib/api';
import type { WorkflowActionInput } from './WorkflowActionModal';

export const WORK_KINDS = ['plan_task', 'pilot_item', 'pilot_report'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export type QueueView = 'owed' | 'review' | 'followed';

export type Bilingual = { vi: string; en: string };
export type WorkFile = { id: string; originalName: string; size: number; mediaType: string };

export type WorkTiming = {
  state: 'done_on_time' | 'done_late' | 'overdue' | 'due_soon' | 'on_track' | 'cancelled';
  daysOverdue: number;
  daysLeft: number | null;
  dueSoonThreshold: number;
  dueSoonFrom: string | null;
  effectiveDueDate: string | null;
};

export type WorkItem = {
  kind: WorkKind;
  id: string;
  title: string;
  context: Bilingual;
  unit: { id: string; name: string };
  status: string;
  dueDate: string | null;
  timing: WorkTiming | null;
  version: number;
  allowedActions: string[];
  evidenceRequired: boolean;
  reported: { output: string | null; files: WorkFile[]; on: string | null; byName: string | null } | null;
  lastReason: string | null;
  link: string;
};

export type Queue = {
  view: QueueView;
  asOf: string;
  total: number;
  byKind: Record<string, number>;
  overdue: number;
  items: WorkItem[];
};

export type WorkActionResult = { item: WorkItem; next: Bilingual | null };

export const workKeys = {
  all: ['work'] as const,
  queue: (view: QueueView, limit: number) => ['work', 'queue', view, limit] as const,
  events: (kind: WorkKind, id: string) => ['work', 'events', kind, id] as const,
};

export const getQueue = (view: QueueView, limit = 100) =>
  api.get<Queue>('/api/work/queue', { query: { view, limit } });

export const actOnWorkItem = (kind: WorkKind, id: string, input: WorkflowActionInput<string>) =>
  api.post<WorkActionResult>(`/api/work/${kind}/${id}/actions`, input);

export const uploadWorkFile = (kind: WorkKind, id: string, file: File) =>
  api.upload<WorkFile & { sha256: string }>(`/api/work/${kind}/${id}/files`, file);

export const workFileHref = (kind: WorkKind, id: string, fileId: string) =>
  `/api/work/${kind}/${id}/files/${fileId}`;

export const searchRegister = (q: string) =>
  api.get<{ items: { id: string; numberSymbol: string; issuedOn: string; title: string }[] }>(
    '/api/documents',
    { query: { q, limit: 20 } },
  );

/** The text of a server-made bilingual label in the interface language. */
export const inLanguage = (text: Bilingual, language: string) =>
  language.startsWith('en') ? text.en : text.vi;

export const getWorkItem = (kind: WorkKind, id: string) => api.get<WorkItem>(`/api/work/${kind}/${id}`);
