/**
 * The contract of the work engine's API (`/api/work/...`): what a unit owes, in every kind, with the same
 * shape — so queues, the action dialog and the history are written once, on the server and the web.
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';

const date = z.iso.date();

/** The kinds of owed work the engine knows. Later modules add theirs (reports, feedback cases, …). */
export const WORK_KINDS = [
  'plan_task',
  'pilot_item',
  'pilot_report',
  'periodic_report',
  'feedback_case',
  'inspection_recommendation',
  'par_assessment',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** Text in both languages, chosen by the web (server-made labels such as a plan's title context). */
export const bilingual = z.object({ vi: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingual>;

export const workFileOut = z.object({
  id: z.uuid(),
  originalName: z.string(),
  size: z.number(),
  mediaType: z.string(),
});
export type WorkFileOut = z.infer<typeof workFileOut>;

export const timingOut = z.object({
  state: z.enum(['done_on_time', 'done_late', 'overdue', 'due_soon', 'on_track', 'cancelled']),
  daysOverdue: z.number(),
  daysLeft: z.number().nullable(),
  dueSoonThreshold: z.number(),
  dueSoonFrom: z.string().nullable(),
  effectiveDueDate: z.string().nullable(),
});
export type TimingOut = z.infer<typeof timingOut>;

/** What a unit reported and is now verified or reviewed (or was returned): text, files, who, when. */
export const reportedOut = z.object({
  output: z.string().nullable(),
  files: z.array(workFileOut),
  on: z.string().nullable(),
  byName: z.string().nullable(),
});
export type ReportedOut = z.infer<typeof reportedOut>;

/** One item a unit owes, whatever its kind. */
export const workItemOut = z.object({
  kind: z.enum(WORK_KINDS),
  id: z.uuid(),
  title: z.string(),
  /**
   * The title in both languages when the server composes it (a pilot report: "Báo cáo 6 tháng 2026 — Sở
   * Tư pháp" / "Six-month report 2026 — Sở Tư pháp"); absent when a person wrote it (tasks, pilot items).
   */
  titles: bilingual.optional(),
  /** Where it comes from: the plan, the pilot programme of a year, … */
  context: bilingual,
  unit: z.object({ id: z.uuid(), name: z.string() }),
  /** The kind's own workflow status (tasks: not_started … cancelled; reports: draft … accepted). */
  status: z.string(),
  dueDate: date.nullable(),
  timing: timingOut.nullable(),
  version: z.number().int(),
  /** The actions the caller may take now (the server's rules; the web shows exactly these buttons). */
  allowedActions: z.array(z.string()),
  /** Whether a done report must carry at least one evidence file. */
  evidenceRequired: z.boolean(),
  /** The latest report of the unit (what a reviewer verifies; what a returned item's re-report starts from). */
  reported: reportedOut.nullable(),
  lastReason: z.string().nullable(),
  /** The page that shows the item in its module. */
  link: z.string(),
});
export type WorkItemOut = z.infer<typeof workItemOut>;

export const queueQuery = z.object({
  /**
   * owed: what the units I work for owe (open items, overdue and due soon first);
   * review: what awaits my verification or review (oldest report first);
   * followed: open items of the units I follow as a committee member or lead (overdue first).
   */
  view: z.enum(['owed', 'review', 'followed']),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const queueOut = z.object({
  view: z.enum(['owed', 'review', 'followed']),
  asOf: date,
  total: z.number().int(),
  /** Per kind: how many items (before the limit). */
  byKind: z.record(z.string(), z.number().int()),
  /** Overdue among them (before the limit). */
  overdue: z.number().int(),
  items: z.array(workItemOut),
});
export type QueueOut = z.infer<typeof queueOut>;

export const kindParams = z.object({ kind: z.enum(WORK_KINDS), id: z.uuid() });

export const actionIn = z.object({
  action: z.string().min(1).max(40),
  version: versionField,
  reason: z.string().trim().max(2000).nullish(),
  documentId: z.uuid().nullish(),
  output: z.string().trim().max(5000).nullish(),
  fileIds: z.array(z.uuid()).max(20).optional(),
  newDueDate: date.nullish(),
  /**
   * The day the step took effect (default today): not in the future, not before the item's previous
   * step or period, and not before the item was recorded unless the caller backfills (standing agency,
   * administrators). Lateness, overdue and KPIs count it; the history keeps when it was recorded.
   */
  effectiveDate: date.nullish(),
  /**
   * A reviewer's comments on parts of what was reported, with a return (a periodic report: per field or
   * section; `target` is its key, '' for the whole). Kinds without parts ignore them.
   */
  comments: z
    .array(z.object({ target: z.string().max(64), text: z.string().trim().min(1).max(2000) }))
    .max(200)
    .optional(),
});
export type ActionIn = z.infer<typeof actionIn>;
/** The body of an action as a client sends it. */
export type ActionInput = z.input<typeof actionIn>;

export const actionOut = z.object({
  item: workItemOut,
  /** Who acts next, in plain words ("Sở Nội vụ kiểm tra, xác nhận"), or null when the item is finished. */
  next: bilingual.nullable(),
});
export type ActionOut = z.infer<typeof actionOut>;

export const workEventOut = z.object({
  id: z.uuid(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  percent: z.number().nullable(),
  documentId: z.uuid().nullable(),
  /** When it was recorded (the instant) … */
  at: z.string(),
  /** … the day it took effect (lateness and KPIs count this one) … */
  on: date,
  /** … and the day it was recorded: later than `on` for a backfilled step. */
  recordedOn: date,
  /** Who recorded it. */
  actorName: z.string().nullable(),
  files: z.array(workFileOut),
});
export type WorkEventOut = z.infer<typeof workEventOut>;
export const workEventListOut = z.object({ items: z.array(workEventOut) });
export type WorkEventListOut = z.infer<typeof workEventListOut>;

export const uploadOut = z.object({
  id: z.uuid(),
  originalName: z.string(),
  size: z.number(),
  sha256: z.string(),
  mediaType: z.string(),
});
/** A stored upload: its id (to cite in an action) and what it is. */
export type UploadOut = z.infer<typeof uploadOut>;

/** What an evidence upload may be (the file picker shows it): extensions whose content is accepted, and the size. */
export const uploadRulesOut = z.object({
  /** File extensions, without the dot, whose sniffed content is accepted (the type is read from the content). */
  extensions: z.array(z.string()),
  maxBytes: z.number().int(),
});
export type UploadRulesOut = z.infer<typeof uploadRulesOut>;
