/**
 * Steering committees' API (`/api/committees`, memberships, monitoring assignments): the types are the
 * server's own (type-only imports of its Zod schemas, erased from the bundle), so the two cannot drift.
 */
import type {
  AssignmentCreateBody,
  AssignmentOut as Assignment,
  BodyCreateBody,
  BodyOut as Body,
  BodyUpdateBody,
  CommitteeCreateBody,
  CommitteeListOut,
  CommitteeOut,
  CommitteeUpdateBody,
  CompositionOut as Composition,
  CoverageOut as Coverage,
  EndBody,
  MembershipCreateBody,
  MembershipLinkBody,
  MembershipOut as Membership,
} from '../../../../server/modules/committees/committees.schemas';
import { api } from '../../lib/api';

export type {
  AssignmentOut as Assignment,
  BodyOut as Body,
  CommitteeOut as Committee,
  CompositionOut as Composition,
  CoverageOut as Coverage,
  DocumentRef,
  MembershipOut as Membership,
  Position,
} from '../../../../server/modules/committees/committees.schemas';
/** The positions in rank order (the server's list). */
export const POSITIONS = [
  'truong_ban',
  'pho_truong_ban_thuong_truc',
  'pho_truong_ban',
  'uy_vien',
  'thu_ky',
  'to_giup_viec',
] as const satisfies readonly Membership['position'][];

export type Abilities = Membership['abilities'];
export type CoverageKind = NonNullable<Coverage['kind']>;
export type MembershipInput = MembershipCreateBody;
export type AssignmentInput = AssignmentCreateBody;
export type EndInput = EndBody;

export const committeeKeys = {
  all: ['committees'] as const,
  list: (level?: string) => ['committees', 'list', level ?? null] as const,
  composition: (id: string, asOf: string) => ['committees', 'composition', id, asOf] as const,
  coverage: (committeeId: string, kind: CoverageKind | null, asOf: string) =>
    ['committees', 'coverage', committeeId, kind, asOf] as const,
  mine: ['committees', 'me', 'monitoring'] as const,
};

export const listCommittees = (level?: string) =>
  api.get<CommitteeListOut>('/api/committees', { query: { level } });
export const getComposition = (id: string, asOf: string) =>
  api.get<Composition>(`/api/committees/${id}/composition`, { query: { asOf } });
export const getCoverage = (committeeId: string, kind: CoverageKind | null, asOf: string) =>
  api.get<Coverage>('/api/committees/coverage', { query: { committeeId, kind: kind ?? undefined, asOf } });
export const createCommittee = (input: CommitteeCreateBody) =>
  api.post<CommitteeOut>('/api/committees', input);
export const updateCommittee = (id: string, input: CommitteeUpdateBody) =>
  api.patch<CommitteeOut>(`/api/committees/${id}`, input);
export type CommitteeLevel = CommitteeOut['level'];
export const createBody = (committeeId: string, input: BodyCreateBody) =>
  api.post<Body>(`/api/committees/${committeeId}/bodies`, input);
export const updateBody = (committeeId: string, bodyId: string, input: BodyUpdateBody) =>
  api.patch<Body>(`/api/committees/${committeeId}/bodies/${bodyId}`, input);
export const linkMembership = (id: string, input: MembershipLinkBody) =>
  api.post<Membership>(`/api/committee-memberships/${id}/link`, input);
export const addMembership = (committeeId: string, input: MembershipInput) =>
  api.post<Membership>(`/api/committees/${committeeId}/memberships`, input);
export const endMembership = (id: string, input: EndInput) =>
  api.post<Membership>(`/api/committee-memberships/${id}/end`, input);
export const addAssignment = (membershipId: string, input: AssignmentInput) =>
  api.post<Assignment>(`/api/committee-memberships/${membershipId}/assignments`, input);
export const endAssignment = (id: string, input: EndInput) =>
  api.post<Assignment>(`/api/monitoring-assignments/${id}/end`, input);
