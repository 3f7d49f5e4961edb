/**
 * Pilot direction's API (`/api/pilot-programmes`, `/api/pilot-units`, `/api/pilot-items`, …): the types are
 * the server's own (type-only imports of its Zod schemas, erased from the bundle), so the two cannot drift.
 */
import type { DocumentListOut } from '../../../../server/modules/documents/documents.schemas';
import type { CommitteeListOut } from '../../../../server/modules/committees/committees.schemas';
import type {
  EvidenceUploadOut,
  ItemActionBody,
  ItemCreateBody,
  ItemEventsOut,
  ItemOut as Item,
  MembersOut,
  PilotUnitCardOut as PilotUnitCard,
  PilotUnitCreateBody,
  PilotUnitDetailOut as PilotUnitDetail,
  ProgrammeCreateBody,
  ProgrammeListOut as ProgrammeList,
  ProgrammeOut as Programme,
  ReportActionBody,
  ReportOut as Report,
  ReportSaveBody,
} from '../../../../server/modules/pilots/pilots.schemas';
import { api } from '../../lib/api';

export type {
  DocumentRefOut as DocumentRef,
  ItemActionBody as ItemActionInput,
  ItemOut as Item,
  PilotUnitCardOut as PilotUnitCard,
  PilotUnitDetailOut as PilotUnitDetail,
  ProgrammeListOut as ProgrammeList,
  ProgrammeOut as Programme,
  ReportOut as Report,
  ResponsibleOut as Responsible,
  UnitAsItWasOut as UnitAsItWas,
} from '../../../../server/modules/pilots/pilots.schemas';

export type ReformArea = Item['reformArea'];
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

export type ItemStatus = Item['status'];
export type ItemAction = Item['allowedActions'][number];
export type ReportKind = Report['kind'];
export type ReportStatus = NonNullable<Report['status']>;
export type ReportAction = Report['allowedActions'][number];
export type Timing = Item['timing'];
export type TimingState = Timing['state'];
export type PilotUnitAbilities = PilotUnitCard['abilities'];
export type Metric = PilotUnitDetail['kpis']['total'];
export type ItemEvent = ItemEventsOut['items'][number];

export const pilotKeys = {
  all: ['pilots'] as const,
  list: (year: number | null) => ['pilots', 'list', year] as const,
  unit: (id: string) => ['pilots', 'unit', id] as const,
  members: (programmeId: string) => ['pilots', 'members', programmeId] as const,
  events: (itemId: string) => ['pilots', 'events', itemId] as const,
};

export const listProgrammes = (year: number | null) =>
  api.get<ProgrammeList>('/api/pilot-programmes', { query: { year } });
export const createProgramme = (input: ProgrammeCreateBody) =>
  api.post<Programme>('/api/pilot-programmes', input);
export const listCommittees = () => api.get<CommitteeListOut>('/api/committees');
export const programmeMembers = (programmeId: string) =>
  api.get<MembersOut>(`/api/pilot-programmes/${programmeId}/members`);
export const addPilotUnit = (programmeId: string, input: PilotUnitCreateBody) =>
  api.post<PilotUnitCard>(`/api/pilot-programmes/${programmeId}/units`, input);
export const getPilotUnit = (id: string) => api.get<PilotUnitDetail>(`/api/pilot-units/${id}`);
export const addItem = (pilotUnitId: string, input: ItemCreateBody) =>
  api.post<Item>(`/api/pilot-units/${pilotUnitId}/items`, input);
export const actOnItem = (itemId: string, input: ItemActionBody) =>
  api.post<Item>(`/api/pilot-items/${itemId}/actions`, input);
export const uploadEvidence = (itemId: string, file: File) =>
  api.upload<EvidenceUploadOut>(`/api/pilot-items/${itemId}/files`, file);
export const itemEvents = (itemId: string) => api.get<ItemEventsOut>(`/api/pilot-items/${itemId}/events`);
export const evidenceUrl = (itemId: string, fileId: string) => `/api/pilot-items/${itemId}/files/${fileId}`;
export const saveReport = (pilotUnitId: string, kind: ReportKind, input: ReportSaveBody) =>
  api.put<Report>(`/api/pilot-units/${pilotUnitId}/reports/${kind}`, input);
export const actOnReport = (reportId: string, input: ReportActionBody) =>
  api.post<Report>(`/api/pilot-reports/${reportId}/actions`, input);
export const searchDocuments = (q: string) =>
  api.get<DocumentListOut>('/api/documents', { query: { q, limit: 20 } });
