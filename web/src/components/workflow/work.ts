/**
 * The work engine's API (`/api/work/...`): what a unit owes, of every kind, in one shape — used by the
 * landing page's queues and the work-item action dialog. The types are the server's own (type-only imports
 * of its Zod schemas: erased from the bundle), so the two cannot drift.
 */
import type { DocumentListOut } from '../../../../server/modules/documents/documents.schemas';
import { api } from '../../lib/api';
import type {
  ActionOut,
  Bilingual,
  QueueOut as Queue,
  UploadOut,
  WorkItemOut as WorkItem,
  WorkKind,
} from '../../../../server/modules/work/work.schemas';
import type { WorkflowActionInput } from './WorkflowActionModal';

export type {
  Bilingual,
  QueueOut as Queue,
  WorkFileOut as WorkFile,
  WorkItemOut as WorkItem,
  WorkKind,
} from '../../../../server/modules/work/work.schemas';
export type QueueView = Queue['view'];
export type WorkTiming = NonNullable<WorkItem['timing']>;

/** The item as it now stands, and who acts next. */
export type WorkActionResult = ActionOut;

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
  api.upload<UploadOut>(`/api/work/${kind}/${id}/files`, file);

export const workFileHref = (kind: WorkKind, id: string, fileId: string) =>
  `/api/work/${kind}/${id}/files/${fileId}`;

export const searchRegister = (q: string) =>
  api.get<DocumentListOut>('/api/documents', { query: { q, limit: 20 } });

/** The text of a server-made bilingual label in the interface language. */
export const inLanguage = (text: Bilingual, language: string) =>
  language.startsWith('en') ? text.en : text.vi;

/** A work item's title in the interface language (the server composes some, e.g. a pilot report's). */
export const titleOf = (item: Pick<WorkItem, 'title' | 'titles'>, language: string) =>
  item.titles ? inLanguage(item.titles, language) : item.title;

export const getWorkItem = (kind: WorkKind, id: string) => api.get<WorkItem>(`/api/work/${kind}/${id}`);
