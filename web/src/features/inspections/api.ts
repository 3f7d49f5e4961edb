/**
 * The inspections' API (`/api/inspection-plans…`, `/api/inspections…`) and the recommendations' steps through the
 * work engine (`/api/work/inspection_recommendation/:id/…`). The types are the server's own (type-only imports of
 * its Zod schemas, erased from the bundle), so the two cannot drift.
 */
import type { z } from 'zod';
import type {
  ChecklistOut,
  customItemIn,
  FindingOut,
  InspectionDetailOut,
  InspectionSummaryOut,
  PlanDetailOut,
  ProposalsOut,
  InspectionListOut,
  inspectionUpdateIn,
  planCreateIn,
  planInspectionIn,
  PlanListOut,
  planUpdateIn,
  ProgressOut,
  surpriseIn,
  TeamCandidatesOut,
  teamMemberIn,
  UploadOut,
} from '../../../../server/modules/inspections/inspections.schemas';
import type {
  ConclusionOut,
  FiguresOut,
  RecommendationListOut,
  RecommendationOut,
  conclusionDraftIn,
  conclusionIssueIn,
} from '../../../../server/modules/inspections/recommendations.schemas';
import { api } from '../../lib/api';

export type Plan = PlanDetailOut;
export type PlanList = PlanListOut;
export type PlanSummary = PlanList['items'][number];
export type Progress = ProgressOut;
export type Inspection = InspectionDetailOut;
export type InspectionSummary = InspectionSummaryOut;
export type InspectionList = InspectionListOut;
export type TeamMember = Plan['team'][number];
export type Checklist = ChecklistOut;
export type ChecklistSection = Checklist['sections'][number];
export type ChecklistItem = ChecklistSection['items'][number];
export type Finding = FindingOut;
export type FindingResult = NonNullable<Finding['result']>;
export type InspectionAction = Inspection['allowedActions'][number];
export type Conclusion = ConclusionOut;
export type Recommendation = RecommendationOut;
export type Proposals = ProposalsOut;
export type Figures = FiguresOut;
export type Area = Inspection['areas'][number];
/** Who could join a team (the office's picker), with position, unit and conflicts of interest. */
export type TeamCandidates = TeamCandidatesOut;
export type TeamCandidate = TeamCandidates['items'][number];
export type CustomItem = Inspection['customItems'][number];
/** A team: the plan's joint team, or one inspection's own. */
export type TeamOwner = { kind: 'plan' | 'inspection'; id: string };
export type Form = Inspection['form'];

export type PlanCreateInput = z.input<typeof planCreateIn>;
export type PlanUpdateInput = z.input<typeof planUpdateIn>;
export type PlanInspectionInput = z.input<typeof planInspectionIn>;
export type TeamMemberInput = z.input<typeof teamMemberIn>;
export type SurpriseInput = z.input<typeof surpriseIn>;
export type InspectionUpdateInput = z.input<typeof inspectionUpdateIn>;
export type CustomItemInput = z.input<typeof customItemIn>;
export type ConclusionDraftInput = z.input<typeof conclusionDraftIn>;
export type ConclusionIssueInput = z.input<typeof conclusionIssueIn>;
export type Upload = UploadOut;

export const REFORM_AREAS = [
  'direction',
  'institutions',
  'procedures',
  'apparatus',
  'civil_service',
  'public_finance',
  'digital_government',
] as const satisfies readonly Area[];
export const FORMS = ['on_site', 'through_reports', 'combined'] as const satisfies readonly Form[];
export const RESULTS = [
  'compliant',
  'shortcoming',
  'violation',
  'not_applicable',
] as const satisfies readonly FindingResult[];

export const inspectionKeys = {
  all: ['inspections'] as const,
  plans: (year?: number) => ['inspections', 'plans', year ?? null] as const,
  plan: (id: string) => ['inspections', 'plan', id] as const,
  progress: (id: string) => ['inspections', 'progress', id] as const,
  list: (q: Record<string, string | number | undefined>) => ['inspections', 'list', q] as const,
  inspection: (id: string) => ['inspections', 'inspection', id] as const,
  conclusion: (id: string) => ['inspections', 'conclusion', id] as const,
  recommendations: (id: string) => ['inspections', 'recommendations', id] as const,
  proposals: ['inspections', 'proposals'] as const,
  figures: (year: number) => ['inspections', 'figures', year] as const,
  candidates: (owner: TeamOwner, q: string) =>
    ['inspections', 'candidates', owner.kind, owner.id, q] as const,
};

// Plans
export const listPlans = (year?: number) => api.get<PlanList>('/api/inspection-plans', { query: { year } });
export const getPlan = (id: string) => api.get<Plan>(`/api/inspection-plans/${id}`);
export const createPlan = (input: PlanCreateInput) => api.post<Plan>('/api/inspection-plans', input);
export const updatePlan = (id: string, input: PlanUpdateInput) =>
  api.patch<Plan>(`/api/inspection-plans/${id}`, input);
export const addPlanInspection = (id: string, input: PlanInspectionInput) =>
  api.post<Inspection>(`/api/inspection-plans/${id}/inspections`, input);
export const getProgress = (id: string) => api.get<Progress>(`/api/inspection-plans/${id}/progress`);

// Teams (the plan's joint team, or one inspection's own)
const teamBase = (owner: TeamOwner) =>
  owner.kind === 'plan' ? `/api/inspection-plans/${owner.id}` : `/api/inspections/${owner.id}`;
/** Who could join the team, searched by name on the server (accents ignored). */
export const teamCandidates = (owner: TeamOwner, q: string, limit = 20) =>
  api.get<TeamCandidates>(`${teamBase(owner)}/team-candidates`, { query: { q: q || undefined, limit } });
export const putTeamMember = (owner: TeamOwner, input: TeamMemberInput) =>
  api.post<Plan | Inspection>(`${teamBase(owner)}/team`, input);
export const removeTeamMember = (owner: TeamOwner, memberId: string) =>
  api.delete<Plan | Inspection>(`${teamBase(owner)}/team/${memberId}`);

// Inspections
export const listInspections = (q: Record<string, string | number | undefined>) =>
  api.get<InspectionList>('/api/inspections', { query: q });
export const getInspection = (id: string) => api.get<Inspection>(`/api/inspections/${id}`);
export const updateInspection = (id: string, input: InspectionUpdateInput) =>
  api.patch<Inspection>(`/api/inspections/${id}`, input);
export const startInspection = (id: string, version: number) =>
  api.post<Inspection>(`/api/inspections/${id}/start`, { version });
export const signMinutes = (id: string, version: number, conductedOn: string) =>
  api.post<Inspection>(`/api/inspections/${id}/minutes`, { version, conductedOn });
export const cancelInspection = (id: string, version: number, reason: string) =>
  api.post<Inspection>(`/api/inspections/${id}/cancel`, { version, reason });
export const reinspect = (id: string, input: { plannedFrom: string; plannedTo: string; reason: string }) =>
  api.post<Inspection>(`/api/inspections/${id}/re-inspections`, input);
export const createSurprise = (input: SurpriseInput) =>
  api.post<Inspection>('/api/inspections/surprise', input);
export const getProposals = () => api.get<Proposals>('/api/inspections/proposals');

// Checklist
const findingPath = (id: string, area: string, key: string) =>
  `/api/inspections/${id}/findings/${encodeURIComponent(area)}/${encodeURIComponent(key)}`;
export const setFinding = (
  id: string,
  area: string,
  key: string,
  input: { version: number; result: FindingResult | null; note: string },
) => api.put<Finding>(findingPath(id, area, key), input);
export const uploadFindingFile = (id: string, area: string, key: string, file: File) =>
  api.upload<Upload>(`${findingPath(id, area, key)}/files`, file);
export const removeFindingFile = (id: string, area: string, key: string, fileId: string) =>
  api.delete(`${findingPath(id, area, key)}/files/${fileId}`);
export const findingFileHref = (id: string, area: string, key: string, fileId: string) =>
  `${findingPath(id, area, key)}/files/${fileId}`;

// Conclusion and recommendations
export const getConclusion = (id: string) => api.get<Conclusion>(`/api/inspections/${id}/conclusion`);
export const saveConclusion = (id: string, input: ConclusionDraftInput) =>
  api.put<Conclusion>(`/api/inspections/${id}/conclusion`, input);
export const issueConclusion = (id: string, input: ConclusionIssueInput) =>
  api.post<Conclusion>(`/api/inspections/${id}/conclusion/issue`, input);
export const listRecommendations = (id: string) =>
  api.get<RecommendationListOut>(`/api/inspections/${id}/recommendations`);
export const minutesDocxUrl = (id: string) => `/api/inspections/${id}/minutes.docx`;
export const conclusionDocxUrl = (id: string) => `/api/inspections/${id}/conclusion.docx`;

// Figures
export const getFigures = (year: number) => api.get<Figures>('/api/inspections/figures', { query: { year } });
