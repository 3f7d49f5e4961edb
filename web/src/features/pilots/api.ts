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

export type ItemStatus =
  'not_started' | 'in_progress' | 'reported_done' | 'returned' | 'verified' | 'cancelled';
export type ItemAction =
  'start' | 'report_done' | 'withdraw_report' | 'verify' | 'return' | 'reopen' | 'cancel' | 'extend';
export type ReportKind = 'half_year' | 'year_end';
export type ReportStatus = 'draft' | 'submitted' | 'accepted' | 'returned';
export type ReportAction = 'save' | 'submit' | 'accept' | 'return';

export type DocumentRef = { id: string; numberSymbol: string; issuedOn: string; title: string };
export type TimingState = 'done_on_time' | 'done_late' | 'overdue' | 'due_soon' | 'on_track' | 'cancelled';
export type Timing = { state: TimingState; daysOverdue: number; daysLeft: number | null };

export type UnitAsItWas = {
  id: string;
  code: string;
  name: string;
  kind: string;
  validFrom: string;
  validTo: string | null;
  ended: boolean;
  successors: { id: string; code: string; name: string; kind: string }[];
};

export type Responsible = {
  membershipId: string;
  name: string;
  position: string;
  office: string | null;
  fromDate: string;
  toDate: string | null;
};

export type PilotUnitAbilities = { read: boolean; manage: boolean; work: boolean; review: boolean };

export type PilotUnitCard = {
  id: string;
  programmeId: string;
  year: number;
  unit: UnitAsItWas;
  responsible: Responsible | null;
  note: string | null;
  version: number;
  progress: {
    total: number;
    verified: number;
    overdue: number;
    verifiedItemIds: string[];
    overdueItemIds: string[];
  };
  reports: { kind: ReportKind; status: ReportStatus | null }[];
  abilities: PilotUnitAbilities;
};

export type Programme = {
  id: string;
  committeeId: string;
  committeeName: string;
  year: number;
  decisionDocumentId: string | null;
  decision: DocumentRef | null;
  note: string | null;
  version: number;
  abilities: { read: boolean; manage: boolean };
  pilotUnits: PilotUnitCard[];
};

export type ProgrammeList = {
  year: number | null;
  years: number[];
  items: Programme[];
  abilities: { create: boolean };
};

export type Item = {
  id: string;
  pilotUnitId: string;
  title: string;
  description: string | null;
  reformArea: ReformArea;
  dueDate: string;
  originalDueDate: string;
  status: ItemStatus;
  output: string | null;
  reportedOn: string | null;
  verifiedOn: string | null;
  lastReason: string | null;
  version: number;
  timing: Timing;
  allowedActions: ItemAction[];
  abilities: { edit: boolean };
};

export type Report = {
  id: string | null;
  pilotUnitId: string;
  kind: ReportKind;
  period: { key: string; label: string; window: { from: string; to: string }; due: string };
  status: ReportStatus | null;
  overall: string;
  assessments: { itemId: string; text: string }[];
  submittedOn: string | null;
  submittedByName: string | null;
  reviewedOn: string | null;
  reviewedByName: string | null;
  returnReason: string | null;
  daysLate: number | null;
  version: number | null;
  allowedActions: ReportAction[];
};

export type Metric = { value: number; taskIds: string[] };
export type PilotUnitDetail = Omit<PilotUnitCard, 'reports'> & {
  programme: {
    id: string;
    year: number;
    committeeId: string;
    committeeName: string;
    decision: DocumentRef | null;
  };
  items: Item[];
  reports: Report[];
  kpis: { total: Metric; verified: Metric; overdue: Metric; verifiedOnTime: Metric };
};

export type ItemEvent = {
  id: string;
  itemId: string;
  action: ItemAction;
  fromStatus: ItemStatus | null;
  toStatus: ItemStatus | null;
  note: string | null;
  fileIds: string[];
  files: { id: string; originalName: string; size: number; mediaType: string }[];
  at: string;
  on: string;
  actorName: string | null;
};

export type Committee = { id: string; name: string; level: string };
export type UploadedFile = { id: string; originalName: string; size: number; mediaType: string };

export type ItemActionInput = {
  action: ItemAction;
  version: number;
  reason?: string | null;
  documentId?: string | null;
  output?: string | null;
  fileIds?: string[];
  newDueDate?: string | null;
};

export const pilotKeys = {
  all: ['pilots'] as const,
  list: (year: number | null) => ['pilots', 'list', year] as const,
  unit: (id: string) => ['pilots', 'unit', id] as const,
  members: (programmeId: string) => ['pilots', 'members', programmeId] as const,
  events: (itemId: string) => ['pilots', 'events', itemId] as const,
};

export const listProgrammes = (year: number | null) =>
  api.get<ProgrammeList>('/api/pilot-programmes', { query: { year } });
export const createProgramme = (input: {
  committeeId: string;
  year: number;
  decisionDocumentId: string | null;
  note: string | null;
}) => api.post<Programme>('/api/pilot-programmes', input);
export const listCommittees = () => api.get<{ items: Committee[] }>('/api/committees');
export const programmeMembers = (programmeId: string) =>
  api.get<{ year: number; items: Responsible[] }>(`/api/pilot-programmes/${programmeId}/members`);
export const addPilotUnit = (
  programmeId: string,
  input: { unitId: string; responsibleMembershipId: string | null; note: string | null },
) => api.post<PilotUnitCard>(`/api/pilot-programmes/${programmeId}/units`, input);
export const getPilotUnit = (id: string) => api.get<PilotUnitDetail>(`/api/pilot-units/${id}`);
export const addItem = (
  pilotUnitId: string,
  input: { title: string; description: string | null; reformArea: ReformArea; dueDate: string },
) => api.post<Item>(`/api/pilot-units/${pilotUnitId}/items`, input);
export const actOnItem = (itemId: string, input: ItemActionInput) =>
  api.post<Item>(`/api/pilot-items/${itemId}/actions`, input);
export const uploadEvidence = (itemId: string, file: File) =>
  api.upload<UploadedFile>(`/api/pilot-items/${itemId}/files`, file);
export const itemEvents = (itemId: string) =>
  api.get<{ items: ItemEvent[] }>(`/api/pilot-items/${itemId}/events`);
export const evidenceUrl = (itemId: string, fileId: string) => `/api/pilot-items/${itemId}/files/${fileId}`;
export const saveReport = (
  pilotUnitId: string,
  kind: ReportKind,
  input: {
    version: number | null;
    overall: string;
    assessments: { itemId: string; text: string }[];
    submit: boolean;
  },
) => api.put<Report>(`/api/pilot-units/${pilotUnitId}/reports/${kind}`, input);
export const actOnReport = (
  reportId: string,
  input: { action: 'submit' | 'accept' | 'return'; version: number; reason?: string | null },
) => api.post<Report>(`/api/pilot-reports/${reportId}/actions`, input);
export const searchDocuments = (q: string) =>
  api.get<{ items: DocumentRef[] }>('/api/documents', { query: { q, limit: 20 } });
