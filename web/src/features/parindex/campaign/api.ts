/**
 * The PAR Index campaigns' API (`/api/par/campaigns…`) and the frameworks the campaign form picks from
 * (`/api/par/frameworks…`). The types are the server's own (type-only imports of its Zod schemas, erased from the
 * bundle), so the page and the server cannot drift.
 */
import type { z } from 'zod';
import type {
  campaignCreateIn,
  CampaignOut,
  CampaignSummaryOut,
  campaignUpdateIn,
  councilMemberIn,
} from '../../../../../server/modules/parindex/campaigns.schemas';
import type {
  FrameworkListOut,
  FrameworkOut,
} from '../../../../../server/modules/parindex/frameworks.schemas';
import type {
  CampaignListOut,
  AssessmentListOut,
  CandidatesOut,
} from '../../../../../server/modules/parindex/campaigns.schemas';
import { api } from '../../../lib/api';

export type Campaign = CampaignOut;
export type CampaignSummary = CampaignSummaryOut;
export type CampaignList = CampaignListOut;
export type CampaignStage = Campaign['stage'];
export type CouncilMember = Campaign['council'][number];
export type CouncilRole = CouncilMember['role'];
export type AssessmentStatus = keyof Campaign['counts']['byStatus'];
export type UnitGroup = Campaign['frameworks'][number]['group'];
export type AssessmentList = AssessmentListOut;
export type AssessmentRow = AssessmentList['items'][number];
export type Candidates = CandidatesOut;
export type Candidate = Candidates['items'][number];
export type FrameworkList = FrameworkListOut;
export type FrameworkSummary = FrameworkList['frameworks'][number];
export type Framework = FrameworkOut;

export type CampaignCreateInput = z.input<typeof campaignCreateIn>;
export type CampaignUpdateInput = z.input<typeof campaignUpdateIn>;
export type CouncilMemberInput = z.input<typeof councilMemberIn>;

/** The filters of the units' list the server applies (`q`: the unit's name, accents ignored). */
export type AssessmentQuery = {
  group?: UnitGroup | undefined;
  status?: AssessmentStatus | undefined;
  q?: string | undefined;
};

export const parKeys = {
  all: ['parindex'] as const,
  campaigns: ['parindex', 'campaigns'] as const,
  campaign: (id: string) => ['parindex', 'campaign', id] as const,
  assessments: (id: string, q: AssessmentQuery) => ['parindex', 'campaign', id, 'assessments', q] as const,
  candidates: (id: string, q: string) => ['parindex', 'campaign', id, 'candidates', q] as const,
  frameworks: (year: number) => ['parindex', 'frameworks', 'year', year] as const,
  framework: (id: string) => ['parindex', 'framework', id] as const,
};

// Campaigns
export const listCampaigns = () => api.get<CampaignList>('/api/par/campaigns');
export const getCampaign = (id: string) => api.get<Campaign>(`/api/par/campaigns/${id}`);
export const createCampaign = (input: CampaignCreateInput) => api.post<Campaign>('/api/par/campaigns', input);
export const updateCampaign = (id: string, input: CampaignUpdateInput) =>
  api.put<Campaign>(`/api/par/campaigns/${id}`, input);
/** Asks for the computed criteria to be read again (202: computed in the background). */
export const requestComputation = (id: string) => api.post<Campaign>(`/api/par/campaigns/${id}/compute`, {});
export const advanceCampaign = (id: string, version: number) =>
  api.post<Campaign>(`/api/par/campaigns/${id}/advance`, { version });

// The council
export const councilCandidates = (id: string, q: string, limit = 20) =>
  api.get<Candidates>(`/api/par/campaigns/${id}/council-candidates`, { query: { q: q || undefined, limit } });
export const putCouncilMember = (id: string, input: CouncilMemberInput) =>
  api.put<Campaign>(`/api/par/campaigns/${id}/council`, input);
export const removeCouncilMember = (id: string, userId: string) =>
  api.delete<Campaign>(`/api/par/campaigns/${id}/council/${userId}`);

// The units' assessments
export const listAssessments = (id: string, q: AssessmentQuery) =>
  api.get<AssessmentList>(`/api/par/campaigns/${id}/assessments`, { query: q });

// Frameworks (what a campaign may use; the fields the council members appraise)
export const listFrameworks = (year: number) =>
  api.get<FrameworkList>('/api/par/frameworks', { query: { year } });
export const getFramework = (id: string) => api.get<Framework>(`/api/par/frameworks/${id}`);
