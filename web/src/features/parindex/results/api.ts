/**
 * The PAR Index results' API (issue 16): the campaigns to choose from (`/api/par/campaigns`), one campaign (its
 * stage, remediation threshold, frameworks and abilities), its results (`/results`, provisional until the council
 * signs off), the sign-off, and the exports. The types are the server's own (type-only imports of its Zod schemas).
 */
import type { CampaignListOut, CampaignOut } from '../../../../../server/modules/parindex/campaigns.schemas';
import type { ResultsOut } from '../../../../../server/modules/parindex/results.schemas';
import { api } from '../../../lib/api';

export type CampaignList = CampaignListOut;
export type CampaignSummary = CampaignList['campaigns'][number];
export type Campaign = CampaignOut;
export type Stage = Campaign['stage'];
export type Results = ResultsOut;
export type ResultRow = Results['rows'][number];

/** Keys of their own (the campaign pages keep theirs): a sign-off refreshes everything under `par`. */
export const resultKeys = {
  all: ['par'] as const,
  campaigns: ['par', 'results', 'campaigns'] as const,
  campaign: (id: string) => ['par', 'results', 'campaign', id] as const,
  results: (id: string) => ['par', 'results', 'rows', id] as const,
};

export const listCampaigns = () => api.get<CampaignList>('/api/par/campaigns');
export const getCampaign = (id: string) => api.get<Campaign>(`/api/par/campaigns/${id}`);
export const getResults = (id: string) => api.get<Results>(`/api/par/campaigns/${id}/results`);

/** The council's sign-off (the chair or the office), with the campaign's version: the results are frozen. */
export const signOff = (id: string, version: number) =>
  api.post<Results>(`/api/par/campaigns/${id}/sign-off`, { version });

/** The results as a workbook (a sheet per group, the fields included). */
export const resultsXlsxHref = (id: string) => `/api/par/campaigns/${id}/results.xlsx`;
/** The draft decision announcing the results, with its annex of tables (after the sign-off). */
export const resultsDocxHref = (id: string) => `/api/par/campaigns/${id}/results.docx`;
