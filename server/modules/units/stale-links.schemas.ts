/** Links to ended units (`stale-links.service.ts`): the report and the apply action. */
import { z } from 'zod';

export const STALE_LINK_KINDS = [
  'monitoring',
  'task',
  'conclusion_task',
  'untracked_conclusion',
  'pilot_responsible',
] as const;
export type StaleLinkKind = (typeof STALE_LINK_KINDS)[number];

/**
 * The kinds applied here (`POST /api/units/stale-links/apply`). An untracked conclusion (never turned into
 * a task) is acted on where the meeting is kept: its page, where the standing agency changes the
 * conclusion's lead unit or turns it into a task for the successor.
 */
export const STALE_LINK_APPLY_KINDS = ['monitoring', 'task', 'conclusion_task', 'pilot_responsible'] as const;

const isoDate = z.iso.date();

export const staleLinkOut = z
  .object({
    /** `<kind>:<recordId>`, stable for the web's keys. */
    id: z.string(),
    kind: z.enum(STALE_LINK_KINDS),
    recordId: z.uuid(),
    version: z.number().int(),
    /** The member's name, the task's title, the conclusion's text (shortened), or the pilot unit's name. */
    subject: z.string(),
    /** The committee's name, the plan's title, the meeting's title, or the pilot programme's year. */
    context: z.string().nullable(),
    /** The unit the link points at (ended; for a pilot unit, the unit as it is known), as it was last. */
    unit: z.object({ id: z.uuid(), name: z.string(), validTo: isoDate.nullable() }),
    /** How the successors were found: its own lineage, or (a district abolished in 2025) its communes'. */
    via: z.enum(['lineage', 'children']).nullable(),
    /** The proposed successors (units with their shares) or, for a pilot unit, the members who follow it now. */
    proposals: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        weight: z.number().nullable(),
        kind: z.enum(['unit', 'member']),
      }),
    ),
    /** Since when the link exists (an assignment's start) or the task's (the conclusion's) due date. */
    since: isoDate.nullable(),
    /** Tasks and untracked conclusions: overdue today (working days, as on the plan's task list). */
    overdue: z.boolean().nullable(),
    /** The page of the record. */
    link: z.string().nullable(),
    /**
     * Whether the caller may act on the proposal (the owning record's managers): apply it here or, for an
     * untracked conclusion (not applied here), change it on the meeting page (`link`).
     */
    canApply: z.boolean(),
    /** Pilot units: the member named now, and whether they have left the committee. */
    responsible: z
      .object({ id: z.uuid(), name: z.string().nullable(), left: z.boolean() })
      .nullable()
      .optional(),
    /** Untracked conclusions: the meeting (title, date, held or planned) and the conclusion's number there. */
    meeting: z
      .object({
        id: z.uuid(),
        title: z.string(),
        date: isoDate,
        held: z.boolean(),
        ordinal: z.number().int(),
      })
      .nullable()
      .optional(),
  })
  .meta({ id: 'StaleLink' });
export type StaleLinkOut = z.infer<typeof staleLinkOut>;

export const staleLinksOut = z
  .object({
    asOf: isoDate,
    total: z.number().int(),
    counts: z.object({
      monitoring: z.number().int(),
      task: z.number().int(),
      conclusion_task: z.number().int(),
      untracked_conclusion: z.number().int(),
      pilot_responsible: z.number().int(),
    }),
    items: z.array(staleLinkOut),
  })
  .meta({ id: 'StaleLinks' });
export type StaleLinksOut = z.infer<typeof staleLinksOut>;

export const staleLinkApplyIn = z.object({
  kind: z.enum(STALE_LINK_APPLY_KINDS),
  recordId: z.uuid(),
  version: z.number().int().min(1),
  /** The chosen proposals: successor units (one for a task, one or more for a member's follow-up) or one member. */
  targetIds: z.array(z.uuid()).min(1).max(50),
});
export type StaleLinkApplyIn = z.infer<typeof staleLinkApplyIn>;
