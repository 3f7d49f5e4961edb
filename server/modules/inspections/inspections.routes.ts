/**
 * The inspections' core API (issue 15). Thin: each route declares who may call it (the first gate) and validates;
 * the services check role × unit scope on every record (./inspections.policy.ts) and journal every change.
 *
 * - `/api/inspection-plans…`: the province's yearly plan, its joint team, its inspections, its progress;
 * - `/api/inspections…`: the list, one inspection, its workflow and team, surprise inspections and
 *   re-inspections, the proposals (hotline escalations and data signals), the checklist, findings and evidence;
 * - `/api/inspection-checklists…`: the checklist templates by area and their versions;
 * - `/api/inspection-rules`: the rules' versions.
 */
import { z } from 'zod';
import { roles } from '../../core/access.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { requiredUpload } from '../../core/upload.js';
import { sendStoredFile } from '../files/files.routes.js';
import { addTemplateVersion, listTemplates } from './checklists.service.js';
import {
  findingFile,
  getChecklist,
  removeFindingFile,
  setFinding,
  uploadFindingFile,
} from './findings.service.js';
import {
  cancelInspection,
  createSurprise,
  getInspection,
  listInspections,
  putInspectionMember,
  reinspect,
  removeInspectionMember,
  signMinutes,
  startInspection,
  updateInspection,
} from './inspections.service.js';
import { INSPECTION_OFFICE, INSPECTION_READERS, INSPECTION_ROLES } from './inspections.policy.js';
import {
  areaParams,
  cancelIn,
  checklistOut,
  findingFileParams,
  findingIn,
  findingOut,
  findingParams,
  inspectionDetailOut,
  inspectionListOut,
  inspectionListQuery,
  inspectionUpdateIn,
  minutesIn,
  planCreateIn,
  planDetailOut,
  planInspectionIn,
  planListOut,
  planListQuery,
  planUpdateIn,
  progressOut,
  proposalsOut,
  reinspectIn,
  ruleVersionIn,
  ruleVersionOut,
  rulesOut,
  surpriseIn,
  teamCandidatesOut,
  teamCandidatesQuery,
  teamMemberIn,
  teamMemberParams,
  templateIn,
  templateOut,
  templatesOut,
  uploadOut,
  versionIn,
} from './inspections.schemas.js';
import {
  addPlanInspection,
  createInspectionPlan,
  getInspectionPlan,
  listInspectionPlans,
  planProgress,
  putPlanMember,
  removePlanMember,
  updateInspectionPlan,
} from './plans.service.js';
import { getProposals } from './proposals.service.js';
import { inspectionTeamCandidates, planTeamCandidates } from './team-candidates.service.js';
import { addInspectionRules, listInspectionRules } from './rules.service.js';

const tags = ['inspections'];
/** Everyone who sees the inspections section (the services narrow to the records of each). */
const everyone = roles(...INSPECTION_ROLES);
/** The standing agency (plans, teams, surprise inspections, templates, rules). */
const office = roles(...INSPECTION_OFFICE);
/** The people a team is made of: inspectors and the standing agency's officers (the service checks the team). */
const teamRoles = roles('admin', 'standing_officer', 'inspector');
/** Who plans and reads plans: the office, the committee and inspectors. */
const planReaders = roles(...INSPECTION_READERS, 'inspector');
const uploadErrors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] };
const noContent = { 204: z.null(), ...errorResponses };

export async function inspectionsRoutes(app: App) {
  // Plans ----------------------------------------------------------------------------------------------
  app.get(
    '/inspection-plans',
    {
      config: { access: planReaders },
      schema: {
        tags,
        summary: 'The inspection plans the caller may read (newest year first)',
        querystring: planListQuery,
        response: { 200: planListOut, ...errorResponses },
      },
    },
    async (request) => listInspectionPlans(signedIn(request), request.query),
  );

  app.post(
    '/inspection-plans',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "A province's inspection plan of a year (one a year)",
        body: planCreateIn,
        response: { 201: planDetailOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createInspectionPlan(signedIn(request), request.body)),
  );

  app.get(
    '/inspection-plans/:id',
    {
      config: { access: planReaders },
      schema: {
        tags,
        summary: 'One plan: its documents, joint team and inspections',
        params: idParams,
        response: { 200: planDetailOut, ...errorResponses },
      },
    },
    async (request) => getInspectionPlan(signedIn(request), request.params.id),
  );

  app.patch(
    '/inspection-plans/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Title, note, documents, draft → approved (version-checked)',
        params: idParams,
        body: planUpdateIn,
        response: { 200: planDetailOut, ...errorResponses },
      },
    },
    async (request) => updateInspectionPlan(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/inspection-plans/:id/team',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "A member of the plan's joint team (or their role changed; a new head replaces the former)",
        params: idParams,
        body: teamMemberIn,
        response: { 200: planDetailOut, ...errorResponses },
      },
    },
    async (request) => putPlanMember(signedIn(request), request.params.id, request.body),
  );

  app.get(
    '/inspection-plans/:id/team-candidates',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "Who could join the plan's joint team: the province's inspectors and standing-agency officials not on it, by name (accents ignored), with position, unit and conflicts with the plan's units",
        params: idParams,
        querystring: teamCandidatesQuery,
        response: { 200: teamCandidatesOut, ...errorResponses },
      },
    },
    async (request) => planTeamCandidates(signedIn(request), request.params.id, request.query),
  );

  app.delete(
    '/inspection-plans/:id/team/:memberId',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Remove a member of the plan's joint team",
        params: teamMemberParams,
        response: { 200: planDetailOut, ...errorResponses },
      },
    },
    async (request) => removePlanMember(signedIn(request), request.params.id, request.params.memberId),
  );

  app.post(
    '/inspection-plans/:id/inspections',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "An inspection in the plan: a unit in force on the planned dates, areas, own items, form, dates inside the plan's year",
        params: idParams,
        body: planInspectionIn,
        response: { 201: inspectionDetailOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addPlanInspection(signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/inspection-plans/:id/progress',
    {
      config: { access: planReaders },
      schema: {
        tags,
        summary: 'Inspected (minutes signed or concluded) of planned, by area and by kind of unit',
        params: idParams,
        response: { 200: progressOut, ...errorResponses },
      },
    },
    async (request) => planProgress(signedIn(request), request.params.id),
  );

  // Inspections ----------------------------------------------------------------------------------------
  app.get(
    '/inspections',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          'The inspections the caller may see (year, plan, kind, status, unit, mine), units in Vietnamese order',
        querystring: inspectionListQuery,
        response: { 200: inspectionListOut, ...errorResponses },
      },
    },
    async (request) => listInspections(signedIn(request), request.query),
  );

  app.post(
    '/inspections/surprise',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'A surprise inspection with its reason: by hand, from a hotline escalation (marked taken) or from a data signal',
        body: surpriseIn,
        response: { 201: inspectionDetailOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createSurprise(signedIn(request), request.body)),
  );

  app.get(
    '/inspections/proposals',
    {
      config: { access: roles(...INSPECTION_READERS) },
      schema: {
        tags,
        summary:
          "What proposes a surprise inspection: the hotline's open escalations and data signals (figure and threshold)",
        response: { 200: proposalsOut, ...errorResponses },
      },
    },
    async (request) => getProposals(signedIn(request)),
  );

  app.get(
    '/inspections/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          'One inspection: unit as planned, team with conflict flags, areas, checklist, what the caller may do',
        params: idParams,
        response: { 200: inspectionDetailOut, ...errorResponses },
      },
    },
    async (request) => getInspection(signedIn(request), request.params.id),
  );

  app.patch(
    '/inspections/:id',
    {
      config: { access: teamRoles },
      schema: {
        tags,
        summary:
          'Dates, areas, own items or form while not yet signed (the office or the head; version-checked)',
        params: idParams,
        body: inspectionUpdateIn,
        response: { 200: inspectionDetailOut, ...errorResponses },
      },
    },
    async (request) => updateInspection(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/inspections/:id/start',
    {
      config: { access: teamRoles },
      schema: {
        tags,
        summary: 'The head of the team starts the inspection',
        params: idParams,
        body: versionIn,
        response: { 200: inspectionDetailOut, ...errorResponses },
      },
    },
    async (request) => startInspection(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/inspections/:id/minutes',
    {
      config: { access: teamRoles },
      schema: {
        tags,
        summary: 'The head of the team signs the minutes, recording the day the team inspected',
        params: idParams,
        body: minutesIn,
        response: { 200: inspectionDetailOut, ...errorResponses },
      },
    },
    async (request) => signMinutes(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/inspections/:id/cancel',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Cancel a planned or running inspection, with its reason',
        params: idParams,
        body: cancelIn,
        response: { 200: inspectionDetailOut, ...errorResponses },
      },
    },
    async (request) => cancelInspection(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/inspections/:id/re-inspections',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'A re-inspection of a concluded inspection (same unit, its areas and team)',
        params: idParams,
        body: reinspectIn,
        response: { 201: inspectionDetailOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reinspect(signedIn(request), request.params.id, request.body)),
  );

  app.post(
    '/inspections/:id/team',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "A member of the inspection's own team (or their role changed; a new head replaces the former)",
        params: idParams,
        body: teamMemberIn,
        response: { 200: inspectionDetailOut, ...errorResponses },
      },
    },
    async (request) => putInspectionMember(signedIn(request), request.params.id, request.body),
  );

  app.get(
    '/inspections/:id/team-candidates',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "Who could join the inspection's own team (while it may change), by name (accents ignored), with position, unit and conflicts with the inspected unit",
        params: idParams,
        querystring: teamCandidatesQuery,
        response: { 200: teamCandidatesOut, ...errorResponses },
      },
    },
    async (request) => inspectionTeamCandidates(signedIn(request), request.params.id, request.query),
  );

  app.delete(
    '/inspections/:id/team/:memberId',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Remove a member of the inspection's own team",
        params: teamMemberParams,
        response: { 200: inspectionDetailOut, ...errorResponses },
      },
    },
    async (request) => removeInspectionMember(signedIn(request), request.params.id, request.params.memberId),
  );

  // Checklist and findings ----------------------------------------------------------------------------
  app.get(
    '/inspections/:id/checklist',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "The inspection's checklist (its areas' template versions and own items) with the findings",
        params: idParams,
        response: { 200: checklistOut, ...errorResponses },
      },
    },
    async (request) => getChecklist(signedIn(request), request.params.id),
  );

  app.put(
    '/inspections/:id/findings/:area/:itemKey',
    {
      config: { access: teamRoles },
      schema: {
        tags,
        summary:
          "One item's finding (the team, while in progress; version 0 for a new one, a stale one is 409)",
        params: findingParams,
        body: findingIn,
        response: { 200: findingOut, ...errorResponses },
      },
    },
    async (request) =>
      setFinding(
        signedIn(request),
        request.params.id,
        request.params.area,
        request.params.itemKey,
        request.body,
      ),
  );

  app.post(
    '/inspections/:id/findings/:area/:itemKey/files',
    {
      config: { access: teamRoles },
      schema: {
        tags,
        summary: 'An evidence file of a finding (multipart field "file", checked by its content)',
        consumes: ['multipart/form-data'],
        params: findingParams,
        response: { 201: uploadOut, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const { id, area, itemKey } = request.params;
      const file = await uploadFindingFile(
        ctx,
        app.fileStore,
        id,
        area,
        itemKey,
        await requiredUpload(request),
        app.config.uploadMaxBytes,
      );
      return reply.status(201).send({
        id: file.id,
        originalName: file.originalName,
        size: file.size,
        mediaType: file.mediaType,
        sha256: file.sha256,
      });
    },
  );

  app.get(
    '/inspections/:id/findings/:area/:itemKey/files/:fileId',
    {
      config: { access: everyone },
      schema: { tags, summary: 'Download an evidence file of a finding', params: findingFileParams },
    },
    async (request, reply) => {
      const { id, area, itemKey, fileId } = request.params;
      return sendStoredFile(
        reply,
        app.fileStore,
        await findingFile(signedIn(request), id, area, itemKey, fileId),
      );
    },
  );

  app.delete(
    '/inspections/:id/findings/:area/:itemKey/files/:fileId',
    {
      config: { access: teamRoles },
      schema: {
        tags,
        summary: 'Remove an evidence file of a finding (the team, while in progress)',
        params: findingFileParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      const { id, area, itemKey, fileId } = request.params;
      await removeFindingFile(signedIn(request), app.fileStore, id, area, itemKey, fileId);
      return reply.status(204).send(null);
    },
  );

  // Checklist templates ---------------------------------------------------------------------------------
  app.get(
    '/inspection-checklists',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "Each content area's current checklist template and its versions",
        response: { 200: templatesOut, ...errorResponses },
      },
    },
    async (request) => listTemplates(signedIn(request)),
  );

  app.post(
    '/inspection-checklists/:area',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "A new version of an area's template (inspections keep the version they were filled with)",
        params: areaParams,
        body: templateIn,
        response: { 201: templateOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addTemplateVersion(signedIn(request), request.params.area, request.body)),
  );

  // Rules ---------------------------------------------------------------------------------------------
  app.get(
    '/inspection-rules',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'The versions of the inspection rules (deadlines, coverage threshold, signal thresholds)',
        response: { 200: rulesOut, ...errorResponses },
      },
    },
    async (request) => listInspectionRules(signedIn(request)),
  );

  app.post(
    '/inspection-rules',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'A new version of the rules from a day on (each problem named by its field)',
        body: ruleVersionIn,
        response: { 201: ruleVersionOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addInspectionRules(signedIn(request), request.body)),
  );
}
