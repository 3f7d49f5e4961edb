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

export const CONCLUSION_STATES = [
  'untracked',
  'in_progress',
  'overdue',
  'reported',
  'done',
  'cancelled',
] as const;
export type ConclusionState = (typeof CONCLUSION_STATES)[number];

export type MeetingKind = 'session' | 'working_session';
export type MeetingStatus = 'planned' | 'held';

export type MemberSnapshot = {
  membershipId: string;
  name: string;
  position: string;
  office: string | null;
  reason?: string | null;
};
export type DocRef = { id: string; numberSymbol: string; issuedOn: string; title: string };

export type Timing = {
  state: string;
  daysOverdue: number;
  daysLeft: number | null;
  effectiveDueDate: string | null;
};

export type ConclusionTask = {
  id: string;
  title: string;
  status: string;
  dueDate: string | null;
  leadUnitId: string;
  leadUnitName: string;
  planId: string;
  planTitle: string;
  planYear: number;
  reportedOn: string | null;
  verifiedOn: string | null;
  timing: Timing;
};

export type Conclusion = {
  id: string;
  meetingId: string;
  ordinal: number;
  text: string;
  leadUnitId: string | null;
  leadUnitName: string | null;
  supportingUnitIds: string[];
  supportingUnitNames: string[];
  dueDate: string | null;
  reformArea: ReformArea | null;
  state: ConclusionState;
  tasks: ConclusionTask[];
  version: number;
  abilities: { update: boolean; delete: boolean; createTask: boolean };
};

export type MeetingSummary = {
  id: string;
  committeeId: string;
  kind: MeetingKind;
  extraordinary: boolean;
  unitId: string | null;
  unitName: string | null;
  number: number | null;
  title: string;
  date: string;
  startTime: string | null;
  place: string | null;
  chair: MemberSnapshot | null;
  status: MeetingStatus;
  notice: DocRef | null;
  conclusionCount: number;
  conclusionStates: Record<ConclusionState, number>;
  version: number;
  abilities: { read: boolean; update: boolean };
};

export type MeetingFile = {
  id: string;
  originalName: string;
  mediaType: string;
  size: number;
  createdAt: string;
};

export type Meeting = MeetingSummary & {
  committeeName: string;
  hostUnitId: string;
  chairMembershipId: string | null;
  attendees: MemberSnapshot[];
  absentees: MemberSnapshot[];
  guests: string[];
  agenda: string[];
  minutes: string | null;
  files: MeetingFile[];
  conclusions: Conclusion[];
  taskPlans: { id: string; title: string; year: number; isDefault: boolean }[];
  createdAt: string;
  updatedAt: string;
};

export type MeetingCommittee = {
  id: string;
  name: string;
  level: string;
  hostUnitName: string;
  meetingCount: number;
  abilities: { create: boolean };
};

export type FollowUp = {
  asOf: string;
  previous: (MeetingSummary & { conclusions: Conclusion[] }) | null;
  outstanding: (Conclusion & { meetingTitle: string; meetingDate: string })[];
};

export type Member = {
  id: string;
  userId: string | null;
  name: string;
  position: string;
  office: string | null;
};

export type MeetingInput = {
  kind: MeetingKind;
  extraordinary: boolean;
  unitId: string | null;
  number: number | null;
  title: string;
  date: string;
  startTime: string | null;
  place: string | null;
  chairMembershipId: string | null;
  attendeeMembershipIds: string[];
  absentees: { membershipId: string; reason: string | null }[];
  guests: string[];
  agenda: string[];
  minutes: string | null;
  status: MeetingStatus;
};

export type ConclusionInput = {
  text: string;
  leadUnitId: string | null;
  dueDate: string | null;
  reformArea: ReformArea | null;
};

export type TaskInput = {
  planId: string | null;
  title: string | null;
  leadUnitId: string | null;
  dueDate: string | null;
  reformArea: ReformArea | null;
  expectedOutput: string | null;
};

export type NoticeInput = {
  version: number;
  numberSymbol: string;
  issuedOn: string;
  issuer: string | null;
  title: string | null;
};

export type JournalEntry = {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
};

export const meetingKeys = {
  all: ['meetings'] as const,
  committees: ['meetings', 'committees'] as const,
  list: (committeeId: string) => ['meetings', 'list', committeeId] as const,
  followUp: (committeeId: string) => ['meetings', 'follow-up', committeeId] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
  history: (id: string) => ['meetings', 'history', id] as const,
  members: (committeeId: string, date: string) => ['meetings', 'members', committeeId, date] as const,
};

export const listMeetingCommittees = () => api.get<{ items: MeetingCommittee[] }>('/api/meetings/committees');
export const listMeetings = (committeeId: string) =>
  api.get<{
    committee: { id: string; name: string; hostUnitId: string };
    items: MeetingSummary[];
    abilities: { create: boolean };
  }>(`/api/committees/${committeeId}/meetings`);
export const getFollowUp = (committeeId: string) =>
  api.get<FollowUp>(`/api/committees/${committeeId}/meetings/follow-up`);
export const getMeeting = (id: string) => api.get<Meeting>(`/api/meetings/${id}`);
export const createMeeting = (committeeId: string, input: MeetingInput) =>
  api.post<Meeting>(`/api/committees/${committeeId}/meetings`, input);
export const updateMeeting = (id: string, version: number, input: Partial<MeetingInput>) =>
  api.patch<Meeting>(`/api/meetings/${id}`, { version, ...input });
export const addConclusion = (meetingId: string, input: ConclusionInput) =>
  api.post<Conclusion>(`/api/meetings/${meetingId}/conclusions`, input);
export const updateConclusion = (id: string, version: number, input: ConclusionInput) =>
  api.patch<Conclusion>(`/api/conclusions/${id}`, { version, ...input });
export const deleteConclusion = (id: string, version: number) =>
  api.delete(`/api/conclusions/${id}`, { query: { version } });
export const createTask = (conclusionId: string, input: TaskInput) =>
  api.post<Conclusion>(`/api/conclusions/${conclusionId}/tasks`, input);
export const issueNotice = (meetingId: string, input: NoticeInput) =>
  api.post<Meeting>(`/api/meetings/${meetingId}/notice`, input);
export const uploadFile = (meetingId: string, file: File) =>
  api.upload<Meeting>(`/api/meetings/${meetingId}/files`, file);
export const removeFile = (meetingId: string, fileId: string, version: number) =>
  api.delete<Meeting>(`/api/meetings/${meetingId}/files/${fileId}`, { query: { version } });
export const downloadUrl = (meetingId: string, fileId: string) =>
  `/api/meetings/${meetingId}/files/${fileId}`;
export const meetingHistory = (id: string) =>
  api.get<{ items: JournalEntry[] }>(`/api/meetings/${id}/history`);
/** The committee's members in office on a date (the attendance is chosen from them). */
export const membersOn = (committeeId: string, date: string) =>
  api.get<{ members: Member[] }>(`/api/committees/${committeeId}/composition`, { query: { asOf: date } });
