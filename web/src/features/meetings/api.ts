/**
 * Committee meetings' API (`/api/meetings`, `/api/committees/:id/meetings`, `/api/conclusions`): the types are
 * the server's own (type-only imports of its Zod schemas, erased from the bundle), so the two cannot drift.
 */
import type { HistoryOut } from '../../../../server/modules/audit/audit.schemas';
import type { CompositionOut } from '../../../../server/modules/committees/committees.schemas';
import type {
  ConclusionCreateBody,
  ConclusionOut as Conclusion,
  ConclusionTaskBody,
  ConclusionUpdateBody,
  FollowUpOut as FollowUp,
  MeetingCommitteesOut,
  MeetingCreateBody,
  MeetingListOut,
  MeetingOut as Meeting,
  MeetingUpdateBody,
  NoticeBody,
  NoticeNumberOut,
} from '../../../../server/modules/meetings/meetings.schemas';
import type { BriefingOut as BriefingPack } from '../../../../server/modules/briefing/briefing.schemas';
import { api } from '../../lib/api';

export type {
  ConclusionOut as Conclusion,
  ConclusionTaskOut as ConclusionTask,
  DocRefOut as DocRef,
  FollowUpOut as FollowUp,
  MeetingFileOut as MeetingFile,
  MeetingOut as Meeting,
  MeetingSummaryOut as MeetingSummary,
  MemberSnapshotOut as MemberSnapshot,
} from '../../../../server/modules/meetings/meetings.schemas';

export type ReformArea = NonNullable<Conclusion['reformArea']>;
/** The reform areas in the order the forms offer them (the server's list; checked against its type). */
export const REFORM_AREAS = [
  'direction',
  'institutions',
  'procedures',
  'apparatus',
  'civil_service',
  'public_finance',
  'digital_government',
] as const satisfies readonly ReformArea[];

export type ConclusionState = Conclusion['state'];
export type MeetingKind = Meeting['kind'];
export type MeetingStatus = Meeting['status'];
export type Timing = Conclusion['tasks'][number]['timing'];
export type MeetingCommittee = MeetingCommitteesOut['items'][number];
/** A member of the committee in office on a date (the attendance is chosen from them). */
export type Member = CompositionOut['members'][number];
export type MeetingInput = MeetingCreateBody;
export type ConclusionInput = ConclusionCreateBody;
export type TaskInput = ConclusionTaskBody;
export type NoticeInput = NoticeBody;
/** The next free number of the committee's notice for a date (the server's suggestion). */
export type NoticeNumber = NoticeNumberOut;

export const meetingKeys = {
  all: ['meetings'] as const,
  committees: ['meetings', 'committees'] as const,
  list: (committeeId: string) => ['meetings', 'list', committeeId] as const,
  followUp: (committeeId: string) => ['meetings', 'follow-up', committeeId] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
  history: (id: string) => ['meetings', 'history', id] as const,
  noticeNumber: (id: string, date: string) => ['meetings', 'notice-number', id, date] as const,
  members: (committeeId: string, date: string) => ['meetings', 'members', committeeId, date] as const,
};

export const listMeetingCommittees = () => api.get<MeetingCommitteesOut>('/api/meetings/committees');
export const listMeetings = (committeeId: string) =>
  api.get<MeetingListOut>(`/api/committees/${committeeId}/meetings`);
export const getFollowUp = (committeeId: string) =>
  api.get<FollowUp>(`/api/committees/${committeeId}/meetings/follow-up`);
export const getMeeting = (id: string) => api.get<Meeting>(`/api/meetings/${id}`);
export const createMeeting = (committeeId: string, input: MeetingInput) =>
  api.post<Meeting>(`/api/committees/${committeeId}/meetings`, input);
export const updateMeeting = (id: string, version: number, input: Omit<MeetingUpdateBody, 'version'>) =>
  api.patch<Meeting>(`/api/meetings/${id}`, { version, ...input });
export const addConclusion = (meetingId: string, input: ConclusionInput) =>
  api.post<Conclusion>(`/api/meetings/${meetingId}/conclusions`, input);
export const updateConclusion = (id: string, version: number, input: Omit<ConclusionUpdateBody, 'version'>) =>
  api.patch<Conclusion>(`/api/conclusions/${id}`, { version, ...input });
export const deleteConclusion = (id: string, version: number) =>
  api.delete(`/api/conclusions/${id}`, { query: { version } });
export const createTask = (conclusionId: string, input: TaskInput) =>
  api.post<Conclusion>(`/api/conclusions/${conclusionId}/tasks`, input);
export const issueNotice = (meetingId: string, input: NoticeInput) =>
  api.post<Meeting>(`/api/meetings/${meetingId}/notice`, input);
/** The next free number of the meeting's notice dated `issuedOn`, in its committee's layout. */
export const nextNoticeNumber = (meetingId: string, issuedOn: string) =>
  api.get<NoticeNumber>(`/api/meetings/${meetingId}/notice/next-number`, { query: { issuedOn } });
export const uploadFile = (meetingId: string, file: File) =>
  api.upload<Meeting>(`/api/meetings/${meetingId}/files`, file);
export const removeFile = (meetingId: string, fileId: string, version: number) =>
  api.delete<Meeting>(`/api/meetings/${meetingId}/files/${fileId}`, { query: { version } });
export const downloadUrl = (meetingId: string, fileId: string) =>
  `/api/meetings/${meetingId}/files/${fileId}`;
/**
 * Makes the meeting's briefing pack (.docx and PDF, attached to the meeting; each call adds a new pair). Takes a
 * few seconds: the server draws the charts and writes the files in a worker thread.
 */
export const generateBriefing = (meetingId: string) =>
  api.post<BriefingPack>(`/api/meetings/${meetingId}/briefing`);
export const meetingHistory = (id: string) => api.get<HistoryOut>(`/api/meetings/${id}/history`);
/** The committee's members in office on a date (the attendance is chosen from them). */
export const membersOn = (committeeId: string, date: string) =>
  api.get<CompositionOut>(`/api/committees/${committeeId}/composition`, { query: { asOf: date } });

// Members' reports to a session (the reports module's API).
export type { MemberRoundOut as MemberRound } from '../../../../server/modules/reports/reports.schemas';
import type { MemberRoundOut, RoundDetailOut } from '../../../../server/modules/reports/reports.schemas';
export const memberReportsOf = (meetingId: string) =>
  api.get<MemberRoundOut>(`/api/meetings/${meetingId}/member-reports`);
export const askMemberReports = (meetingId: string, body: { dueDate: string | null }) =>
  api.post<RoundDetailOut>(`/api/meetings/${meetingId}/member-reports`, body);
