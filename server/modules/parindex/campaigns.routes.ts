/**
 * The PAR Index campaigns' API (issue 16): `/api/par/campaigns…` — the year's campaign, its stages, its council
 * and its units' assessments. Thin: the services check the province and the council and journal every change.
 */
import { roles } from '../../core/access.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { listAssessments } from './assessments.service.js';
import { scheduleComputations } from './compute-sweep.service.js';
import {
  assessmentListOut,
  assessmentListQuery,
  campaignAdvanceIn,
  campaignCreateIn,
  campaignListOut,
  campaignListQuery,
  campaignOut,
  campaignUpdateIn,
  candidatesOut,
  candidatesQuery,
  councilMemberIn,
  councilMemberParams,
} from './campaigns.schemas.js';
import {
  advanceCampaign,
  councilCandidates,
  createCampaign,
  getCampaign,
  listCampaigns,
  putCouncilMember,
  requestComputation,
  removeCouncilMember,
  updateCampaign,
} from './campaigns.service.js';
import { PAR_OFFICE, PAR_ROLES } from './parindex.policy.js';

const tags = ['par-index'];
const everyone = roles(...PAR_ROLES);
const office = roles(...PAR_OFFICE);

export async function campaignsRoutes(app: App) {
  app.get(
    '/par/campaigns',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "The PAR Index campaigns of the caller's province, newest year first",
        querystring: campaignListQuery,
        response: { 200: campaignListOut, ...errorResponses },
      },
    },
    async (request) => listCampaigns(signedIn(request), request.query),
  );

  app.post(
    '/par/campaigns',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "A year's campaign: published frameworks per group, stage deadlines, remediation threshold",
        body: campaignCreateIn,
        response: { 201: campaignOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createCampaign(signedIn(request), request.body)),
  );

  app.get(
    '/par/campaigns/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'One campaign: stage, deadlines, council, counts by status, what the caller may do',
        params: idParams,
        response: { 200: campaignOut, ...errorResponses },
      },
    },
    async (request) => getCampaign(signedIn(request), request.params.id),
  );

  app.put(
    '/par/campaigns/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Edit a campaign (the frameworks only while it is being prepared); 409 on a stale version',
        params: idParams,
        body: campaignUpdateIn,
        response: { 200: campaignOut, ...errorResponses },
      },
    },
    async (request) => updateCampaign(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/par/campaigns/:id/advance',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Move the campaign to its next stage when the rules allow (opening it gives every unit its assessment)',
        params: idParams,
        body: campaignAdvanceIn,
        response: { 200: campaignOut, ...errorResponses },
      },
    },
    async (request) => {
      const campaign = await advanceCampaign(signedIn(request), request.params.id, request.body.version);
      // Opened: the computed criteria are read in the background (the page shows when they are in).
      if (campaign.computation.pending) scheduleComputations(app.database.db, request.log);
      return campaign;
    },
  );

  app.get(
    '/par/campaigns/:id/council-candidates',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Appraisers and standing officers of the province not yet on the campaign's council",
        params: idParams,
        querystring: candidatesQuery,
        response: { 200: candidatesOut, ...errorResponses },
      },
    },
    async (request) => councilCandidates(signedIn(request), request.params.id, request.query),
  );

  app.put(
    '/par/campaigns/:id/council',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Add a council member or change their role and fields (one chair)',
        params: idParams,
        body: councilMemberIn,
        response: { 200: campaignOut, ...errorResponses },
      },
    },
    async (request) => putCouncilMember(signedIn(request), request.params.id, request.body),
  );

  app.delete(
    '/par/campaigns/:id/council/:userId',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Remove a council member',
        params: councilMemberParams,
        response: { 200: campaignOut, ...errorResponses },
      },
    },
    async (request) => removeCouncilMember(signedIn(request), request.params.id, request.params.userId),
  );

  app.get(
    '/par/campaigns/:id/assessments',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "The campaign's assessments the caller may see (the office, the council and the committee: all; a unit: its own)",
        params: idParams,
        querystring: assessmentListQuery,
        response: { 200: assessmentListOut, ...errorResponses },
      },
    },
    async (request) => listAssessments(signedIn(request), request.params.id, request.query),
  );

  app.post(
    '/par/campaigns/:id/compute',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "Ask for the criteria computed from chidao's records (plans, reports, dossiers, hotline, inspections) to be read again for the campaign's assessments not yet final: accepted at once (202), computed in the background; the campaign's `computation` says when it is done",
        params: idParams,
        response: { 202: campaignOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const campaign = await requestComputation(signedIn(request), request.params.id);
      scheduleComputations(app.database.db, request.log);
      return reply.code(202).send(campaign);
    },
  );
}
