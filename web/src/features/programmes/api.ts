/**
 * The reform programmes API (`/api/programmes…`). The types are the server's own (type-only imports of its Zod
 * schemas, erased from the bundle), so the two cannot drift.
 */
import type { z } from 'zod';
import type {
  EvidenceFileOut,
  ProgrammeListOut,
  ProgrammeOut,
  ReviewOpenedOut,
  TargetOut,
  programmeIn,
  programmeUpdateIn,
  targetIn,
  targetUpdateIn,
  valueIn,
} from '../../../../server/modules/programmes/programmes.schemas';
import { api } from '../../lib/api';

export type ProgrammeList = ProgrammeListOut;
export type ProgrammeItem = ProgrammeList['items'][number];
export type Programme = ProgrammeOut;
export type Target = TargetOut;
export type TargetYear = Target['years'][number];
export type YearStatus = TargetYear['status'];
export type Headline = Target['headline']['status'];
export type Summary = ProgrammeItem['summary'];
export type FigureOption = ProgrammeList['figures'][number];
export type PlanRow = Programme['plans'][number];
export type EvidenceFile = EvidenceFileOut;
export type ReviewOpened = ReviewOpenedOut;
export type Measure = Target['measure'];
export type ReformArea = Target['area'];

export type ProgrammeInput = z.input<typeof programmeIn>;
export type ProgrammeUpdate = z.input<typeof programmeUpdateIn>;
export type TargetInput = z.input<typeof targetIn>;
export type TargetUpdate = z.input<typeof targetUpdateIn>;
export type ValueInput = z.input<typeof valueIn>;

export const programmeKeys = {
  all: ['programmes'] as const,
  list: ['programmes', 'list'] as const,
  one: (id: string) => ['programmes', 'one', id] as const,
};

export const listProgrammes = () => api.get<ProgrammeList>('/api/programmes');
export const getProgramme = (id: string) => api.get<Programme>(`/api/programmes/${id}`);
export const createProgramme = (input: ProgrammeInput) => api.post<Programme>('/api/programmes', input);
export const updateProgramme = (id: string, input: ProgrammeUpdate) =>
  api.patch<Programme>(`/api/programmes/${id}`, input);
export const addTarget = (id: string, input: TargetInput) =>
  api.post<Target>(`/api/programmes/${id}/targets`, input);
export const updateTarget = (id: string, targetId: string, input: TargetUpdate) =>
  api.patch<Target>(`/api/programmes/${id}/targets/${targetId}`, input);
export const recordValue = (id: string, targetId: string, input: ValueInput) =>
  api.put<Target>(`/api/programmes/${id}/targets/${targetId}/values`, input);
export const uploadEvidence = (id: string, targetId: string, file: File) =>
  api.upload<EvidenceFile>(`/api/programmes/${id}/targets/${targetId}/evidence`, file);
export const evidenceHref = (id: string, targetId: string, fileId: string) =>
  `/api/programmes/${id}/targets/${targetId}/evidence/${fileId}`;
export const openReview = (id: string, input: { kind: 'midterm' | 'final'; year: number }) =>
  api.post<ReviewOpened>(`/api/programmes/${id}/reviews`, input);

export const REFORM_AREAS = [
  'direction',
  'institutions',
  'procedures',
  'apparatus',
  'civil_service',
  'public_finance',
  'digital_government',
] as const satisfies readonly ReformArea[];
export const MEASURES = ['percent', 'points', 'count', 'rank', 'days'] as const satisfies readonly Measure[];
export const PROGRAMME_KINDS = [
  'party_resolution',
  'programme',
  'plan',
] as const satisfies readonly Programme['kind'][];
export const PROGRAMME_STATUSES = [
  'draft',
  'in_force',
  'ended',
] as const satisfies readonly Programme['status'][];
