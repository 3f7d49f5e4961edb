import { api } from '../../lib/api';

export const POSITIONS = [
  'truong_ban',
  'pho_truong_ban_thuong_truc',
  'pho_truong_ban',
  'uy_vien',
  'thu_ky',
  'to_giup_viec',
] as const;
export type Position = (typeof POSITIONS)[number];

export type Abilities = { read: boolean; update: boolean };
export type DocumentRef = { id: string; numberSymbol: string; issuedOn: string; title: string };

export type Committee = {
  id: string;
  name: string;
  level: 'province' | 'department' | 'district' | 'commune' | 'other';
  hostUnitId: string;
  hostUnitName: string;
  standingUnitId: string | null;
  standingUnitName: string | null;
  foundingDocumentId: string | null;
  foundingDocument: DocumentRef | null;
  foundedOn: string;
  dissolvedOn: string | null;
  version: number;
  abilities: Abilities;
};

export type Assignment = {
  id: string;
  membershipId: string;
  unitId: string;
  unitName: string;
  fromDate: string;
  toDate: string | null;
  note: string | null;
  decision: DocumentRef | null;
  version: number;
  abilities: Abilities;
};

export type Membership = {
  id: string;
  committeeId: string;
  userId: string | null;
  name: string;
  position: Position;
  office: string | null;
  fromDate: string;
  toDate: string | null;
  decision: DocumentRef | null;
  endDecision: DocumentRef | null;
  assignments: Assignment[];
  version: number;
  abilities: Abilities;
};

export type Composition = { committee: Committee; asOf: string; members: Membership[] };

export type CoverageLevel = 'department' | 'district';
export type Coverage = {
  level: CoverageLevel;
  asOf: string;
  total: number;
  founded: number;
  items: {
    unitId: string;
    code: string;
    unitName: string;
    committee: { id: string; name: string; foundedOn: string; foundingDocument: DocumentRef | null } | null;
  }[];
};

export type MembershipInput = {
  personName: string | null;
  position: Position;
  office: string | null;
  fromDate: string;
  toDate: string | null;
  decisionDocumentId: string | null;
};
export type AssignmentInput = {
  unitId: string;
  fromDate: string;
  toDate: string | null;
  note: string | null;
  decisionDocumentId: string | null;
};
export type EndInput = { version: number; toDate: string; decisionDocumentId: string | null };

export const committeeKeys = {
  all: ['committees'] as const,
  list: (level?: string) => ['committees', 'list', level ?? null] as const,
  composition: (id: string, asOf: string) => ['committees', 'composition', id, asOf] as const,
  coverage: (level: CoverageLevel, asOf: string) => ['committees', 'coverage', level, asOf] as const,
  mine: ['committees', 'me', 'monitoring'] as const,
};

export const listCommittees = (level?: string) =>
  api.get<{ items: Committee[]; abilities: { create: boolean } }>('/api/committees', { query: { level } });
export const getComposition = (id: string, asOf: string) =>
  api.get<Composition>(`/api/committees/${id}/composition`, { query: { asOf } });
export const getCoverage = (level: CoverageLevel, asOf: string) =>
  api.get<Coverage>('/api/committees/coverage', { query: { level, asOf } });
export const addMembership = (committeeId: string, input: MembershipInput) =>
  api.post<Membership>(`/api/committees/${committeeId}/memberships`, input);
export const endMembership = (id: string, input: EndInput) =>
  api.post<Membership>(`/api/committee-memberships/${id}/end`, input);
export const addAssignment = (membershipId: string, input: AssignmentInput) =>
  api.post<Assignment>(`/api/committee-memberships/${membershipId}/assignments`, input);
export const endAssignment = (id: string, input: EndInput) =>
  api.post<Assignment>(`/api/monitoring-assignments/${id}/end`, input);

/** Decisions to cite: the register's documents (number/symbol — title). */
export const listDecisions = () =>
  api.get<{ items: DocumentRef[] }>('/api/documents', { query: { limit: 500 } });
