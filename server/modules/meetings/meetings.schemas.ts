import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { REFORM_AREAS, TASK_STATUSES } from '../tasks/index.js';
import { timingOut } from '../work/work.schemas.js';
import { FOUNDER_KINDS } from '../committees/committees.schemas.js';
import { CONCLUSION_STATES, MEETING_KINDS, MEETING_STATUSES } from './meeting-rules.js';
import { NUMBERING_RESTARTS } from './issuing-layouts.js';

const date = z.iso.date();
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const meetingAbilities = z.object({
  read: z.boolean(),
  update: z.boolean(),
  /** May make the briefing pack (the managers and the committee's leaders). */
  brief: z.boolean(),
});

export const memberSnapshotOut = z
  .object({
    membershipId: z.uuid(),
    name: z.string(),
    position: z.string(),
    office: z.string().nullable(),
    reason: z.string().nullable().optional(),
  })
  .meta({ id: 'MeetingMember' });
export type MemberSnapshotOut = z.infer<typeof memberSnapshotOut>;

export const docRefOut = z
  .object({ id: z.uuid(), numberSymbol: z.string(), issuedOn: z.string(), title: z.string() })
  .meta({ id: 'MeetingDocumentRef' });
export type DocRefOut = z.infer<typeof docRefOut>;

export const conclusionTaskOut = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(TASK_STATUSES),
    dueDate: z.string().nullable(),
    leadUnitId: z.uuid(),
    leadUnitName: z.string(),
    planId: z.uuid(),
    planTitle: z.string(),
    planYear: z.number(),
    reportedOn: z.string().nullable(),
    verifiedOn: z.string().nullable(),
    timing: timingOut.pick({ state: true, daysOverdue: true, daysLeft: true, effectiveDueDate: true }),
  })
  .meta({ id: 'ConclusionTask' });
export type ConclusionTaskOut = z.infer<typeof conclusionTaskOut>;

export const conclusionOut = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    ordinal: z.number(),
    text: z.string(),
    leadUnitId: z.uuid().nullable(),
    leadUnitName: z.string().nullable(),
    supportingUnitIds: z.array(z.uuid()),
    supportingUnitNames: z.array(z.string()),
    dueDate: z.string().nullable(),
    reformArea: z.enum(REFORM_AREAS).nullable(),
    state: z.enum(CONCLUSION_STATES),
    tasks: z.array(conclusionTaskOut),
    version: z.number(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean(), createTask: z.boolean() }),
  })
  .meta({ id: 'Conclusion' });
export type ConclusionOut = z.infer<typeof conclusionOut>;

export const meetingFileOut = z
  .object({
    id: z.uuid(),
    originalName: z.string(),
    mediaType: z.string(),
    size: z.number(),
    createdAt: z.string(),
  })
  .meta({ id: 'MeetingFile' });
export type MeetingFileOut = z.infer<typeof meetingFileOut>;

/** How many of a meeting's conclusions are in each follow-up state. */
const tally = z.object({
  untracked: z.number(),
  in_progress: z.number(),
  overdue: z.number(),
  reported: z.number(),
  done: z.number(),
  cancelled: z.number(),
});

export const meetingSummaryOut = z
  .object({
    id: z.uuid(),
    committeeId: z.uuid(),
    kind: z.enum(MEETING_KINDS),
    extraordinary: z.boolean(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    number: z.number().nullable(),
    title: z.string(),
    date: z.string(),
    startTime: z.string().nullable(),
    place: z.string().nullable(),
    chair: memberSnapshotOut.nullable(),
    status: z.enum(MEETING_STATUSES),
    notice: docRefOut.nullable(),
    conclusionCount: z.number(),
    conclusionStates: tally,
    version: z.number(),
    abilities: meetingAbilities,
  })
  .meta({ id: 'MeetingSummary' });
export type MeetingSummaryOut = z.infer<typeof meetingSummaryOut>;

export const meetingOut = meetingSummaryOut
  .extend({
    committeeName: z.string(),
    hostUnitId: z.uuid(),
    /** How the committee's notices are headed and numbered (its founder's layout: state or Party). */
    noticeFormat: z.object({
      layout: z.enum(FOUNDER_KINDS),
      /** The legal text of the layout, as users cite it. */
      basis: z.string(),
      /** The notice's symbol, e.g. "TB/BCĐ" (Party) or "TB-BCĐ" (state). */
      symbol: z.string(),
      /** A number and symbol as the register takes it, e.g. "01-TB/BCĐ". */
      example: z.string(),
      /** The words before the number on the document: "Số " (Party) or "Số: " (state). */
      numberPrefix: z.string(),
      /** The right column's heading lines. */
      heading: z.array(z.string()),
      /** The founding body printed above the committee. */
      parentBody: z.string().nullable(),
    }),
    chairMembershipId: z.uuid().nullable(),
    attendees: z.array(memberSnapshotOut),
    absentees: z.array(memberSnapshotOut),
    guests: z.array(z.string()),
    agenda: z.array(z.string()),
    minutes: z.string().nullable(),
    files: z.array(meetingFileOut),
    conclusions: z.array(conclusionOut),
    /** Plans a conclusion's task may go to (the committee's plans), the default first; managers only. */
    taskPlans: z.array(
      z.object({ id: z.uuid(), title: z.string(), year: z.number(), isDefault: z.boolean() }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Meeting' });
export type MeetingOut = z.infer<typeof meetingOut>;

export const meetingListOut = z
  .object({
    committee: z.object({ id: z.uuid(), name: z.string(), hostUnitId: z.uuid() }),
    items: z.array(meetingSummaryOut),
    abilities: z.object({ create: z.boolean() }),
  })
  .meta({ id: 'MeetingList' });
export type MeetingListOut = z.infer<typeof meetingListOut>;

export const meetingCommitteesOut = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        level: z.string(),
        hostUnitName: z.string(),
        meetingCount: z.number(),
        abilities: z.object({ create: z.boolean() }),
      }),
    ),
  })
  .meta({ id: 'MeetingCommittees' });
export type MeetingCommitteesOut = z.infer<typeof meetingCommitteesOut>;

export const followUpOut = z
  .object({
    asOf: z.string(),
    /** The last meeting held on or before the date, with its conclusions and their follow-up. */
    previous: meetingSummaryOut.extend({ conclusions: z.array(conclusionOut) }).nullable(),
    /** Conclusions of earlier meetings still open (not done, not cancelled), oldest meeting first. */
    outstanding: z.array(conclusionOut.extend({ meetingTitle: z.string(), meetingDate: z.string() })),
  })
  .meta({ id: 'MeetingFollowUp' });
export type FollowUpOut = z.infer<typeof followUpOut>;

const absenteeIn = z.object({ membershipId: z.uuid(), reason: optionalText(300) });

const meetingFields = {
  kind: z.enum(MEETING_KINDS),
  extraordinary: z.boolean().optional(),
  unitId: z.uuid().nullish(),
  number: z.number().int().min(1).max(10_000).nullish(),
  title: z.string().trim().min(3).max(500),
  date,
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullish(),
  place: optionalText(300),
  chairMembershipId: z.uuid().nullish(),
  attendeeMembershipIds: z.array(z.uuid()).max(200).optional(),
  absentees: z.array(absenteeIn).max(200).optional(),
  guests: z.array(z.string().trim().min(1).max(300)).max(200).optional(),
  agenda: z.array(z.string().trim().min(1).max(1000)).max(100).optional(),
  minutes: z.string().max(100_000).nullish(),
  status: z.enum(MEETING_STATUSES).optional(),
};

export const meetingCreateIn = z.object(meetingFields);
export type MeetingInput = z.infer<typeof meetingCreateIn>;
export type MeetingCreateBody = z.input<typeof meetingCreateIn>;

export const meetingUpdateIn = z.object({
  version: versionField,
  kind: meetingFields.kind.optional(),
  extraordinary: meetingFields.extraordinary,
  unitId: meetingFields.unitId,
  number: meetingFields.number,
  title: meetingFields.title.optional(),
  date: date.optional(),
  startTime: meetingFields.startTime,
  place: meetingFields.place,
  chairMembershipId: meetingFields.chairMembershipId,
  attendeeMembershipIds: meetingFields.attendeeMembershipIds,
  absentees: meetingFields.absentees,
  guests: meetingFields.guests,
  agenda: meetingFields.agenda,
  minutes: meetingFields.minutes,
  status: meetingFields.status,
});
export type MeetingUpdate = z.infer<typeof meetingUpdateIn>;
export type MeetingUpdateBody = z.input<typeof meetingUpdateIn>;

export const conclusionCreateIn = z.object({
  text: z.string().trim().min(3).max(5000),
  leadUnitId: z.uuid().nullish(),
  supportingUnitIds: z.array(z.uuid()).max(100).optional(),
  dueDate: date.nullish(),
  reformArea: z.enum(REFORM_AREAS).nullish(),
});
export type ConclusionInput = z.infer<typeof conclusionCreateIn>;
export type ConclusionCreateBody = z.input<typeof conclusionCreateIn>;

export const conclusionUpdateIn = conclusionCreateIn.partial().extend({
  version: versionField,
});
export type ConclusionUpdate = z.infer<typeof conclusionUpdateIn>;
export type ConclusionUpdateBody = z.input<typeof conclusionUpdateIn>;

/** Turning a conclusion into a task: everything defaults from the conclusion and the meeting. */
export const conclusionTaskIn = z.object({
  planId: z.uuid().nullish(),
  title: z.string().trim().min(3).max(1000).nullish(),
  leadUnitId: z.uuid().nullish(),
  supportingUnitIds: z.array(z.uuid()).max(100).optional(),
  dueDate: date.nullish(),
  reformArea: z.enum(REFORM_AREAS).nullish(),
  expectedOutput: optionalText(2000),
});
export type ConclusionTaskInput = z.infer<typeof conclusionTaskIn>;
export type ConclusionTaskBody = z.input<typeof conclusionTaskIn>;

export const noticeIn = z.object({
  version: versionField,
  numberSymbol: z.string().trim().min(1).max(100),
  issuedOn: date,
  issuer: optionalText(300),
  title: z.string().trim().min(3).max(1000).nullish(),
});
export type NoticeInput = z.infer<typeof noticeIn>;
export type NoticeBody = z.input<typeof noticeIn>;

export const noticeNumberQuery = z.object({ issuedOn: date.optional() });

/** The next free number of a committee's notice for a date (server/modules/meetings/notice-numbering.ts). */
export const noticeNumberOut = z
  .object({
    /** The date the suggestion is for (the query's, or today). */
    issuedOn: z.string(),
    /** E.g. "26-TB/BCĐ" (Party) or "01/TB-BCĐ" (state). */
    numberSymbol: z.string(),
    number: z.number().int().positive(),
    /** What starts the numbering again at 01: the calendar year (state) or the Party term (Party). */
    numbering: z.enum(NUMBERING_RESTARTS),
    /** First and last day of the running sequence (null: open on that side). */
    from: z.string().nullable(),
    to: z.string().nullable(),
    /** The committee's notice holding the highest number of the sequence; null when the suggestion is 01. */
    previous: z.object({ numberSymbol: z.string(), issuedOn: z.string() }).nullable(),
  })
  .meta({ id: 'NoticeNumber' });
export type NoticeNumberOut = z.infer<typeof noticeNumberOut>;

export const versionQuery = z.object({ version: z.coerce.number().int().positive() });
export const followUpQuery = z.object({ asOf: date.optional() });
