/**
 * The surveys office's API (issue 17): `/api/surveys…`. Thin: each route declares who may call it (the office —
 * admin and standing officer — changes; the committee and the targeted units' focal points and leaders read); the
 * services check the province and the unit (./surveys.policy.ts) and journal every change. The public form's API is
 * ./public.routes.ts.
 */
import type { FastifyRequest } from 'fastify';
import { roles } from '../../core/access.js';
import { errorResponses, errorSchema, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { requiredFilePart } from '../../core/upload.js';
import { sendDownload } from '../files/files.routes.js';
import { XLSX_MEDIA_TYPE } from '../files/content-type.js';
import { createSurvey } from './create-survey.service.js';
import { exportDefinition, importDefinition, saveDefinition } from './definition.service.js';
import { importInvitations, reissueLinks, remindNow } from './invitations.service.js';
import { exportResponses, surveyFlags, surveyResults } from './results.service.js';
import { sampleSize } from './rules/sampling.js';
import { closeSurvey, openSurvey, updateSurvey } from './status.service.js';
import { SURVEY_OFFICE, SURVEY_ROLES } from './surveys.policy.js';
import {
  definitionIn,
  flagsOut,
  invitationImportOut,
  invitationLinksOut,
  postersOut,
  remindOut,
  resultsOut,
  resultsQuery,
  sampleSizeOut,
  sampleSizeQuery,
  statusChangeIn,
  surveyCreateIn,
  surveyDetailOut,
  surveyListOut,
  surveyListQuery,
  surveyUpdateIn,
  targetsIn,
  templateListOut,
} from './surveys.schemas.js';
import { listSurveys, listTemplates, setSurveyPublicUrl, surveyDetail } from './surveys.service.js';
import { replaceTargets, surveyPosters } from './targets.service.js';

const tags = ['surveys'];
const everyone = roles(...SURVEY_ROLES);
const office = roles(...SURVEY_OFFICE);
const uploadErrors = { ...errorResponses, 413: errorSchema, 415: errorSchema };

/** The uploaded workbook (multipart field "file"): bounded by the multipart limit (413 past it), read before any transaction. */
async function uploadedFile(request: FastifyRequest): Promise<{ buffer: Buffer; filename: string }> {
  const part = await requiredFilePart(request);
  return { buffer: await part.toBuffer(), filename: part.filename };
}

export async function surveysRoutes(app: App) {
  // Links in posters and mails (CHIDAO_PUBLIC_URL); paths only when unset.
  setSurveyPublicUrl(app.config.notifications.publicUrl);

  app.get(
    '/surveys/templates',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          'The survey templates chidao ships (SIPAS, DDCI-like, the PAR Index survey) and the PAR criteria each scores',
        response: { 200: templateListOut, ...errorResponses },
      },
    },
    async () => ({ items: listTemplates() }),
  );

  app.get(
    '/surveys/sample-size',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'The sample size for a population at a margin of error: n = N / (1 + N·e²), rounded up',
        querystring: sampleSizeQuery,
        response: { 200: sampleSizeOut, ...errorResponses },
      },
    },
    async (request) => ({
      population: request.query.population,
      margin: request.query.margin,
      sampleSize: sampleSize(request.query.population, request.query.margin),
    }),
  );

  app.get(
    '/surveys',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "The province's surveys the caller may read (a unit's people: those targeting their unit)",
        querystring: surveyListQuery,
        response: { 200: surveyListOut, ...errorResponses },
      },
    },
    async (request) => listSurveys(signedIn(request), request.query),
  );

  app.post(
    '/surveys',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'A new draft survey from a template (its first version) or a copy of an earlier survey (with its targets)',
        body: surveyCreateIn,
        response: { 201: surveyDetailOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createSurvey(signedIn(request), request.body)),
  );

  app.get(
    '/surveys/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          'One survey: its current questionnaire and problems, versions, targets with progress, and abilities',
        params: idParams,
        response: { 200: surveyDetailOut, ...errorResponses },
      },
    },
    async (request) => surveyDetail(signedIn(request), request.params.id),
  );

  app.patch(
    '/surveys/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "A survey's settings (version-checked; anonymity is fixed once anybody has answered)",
        params: idParams,
        body: surveyUpdateIn,
        response: { 200: surveyDetailOut, ...errorResponses },
      },
    },
    async (request) => updateSurvey(signedIn(request), request.params.id, request.body),
  );

  app.put(
    '/surveys/:id/definition',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'A new questionnaire (and index formulas): refused with every problem; an unpublished, unanswered version is changed in place, else the next version is made',
        params: idParams,
        body: definitionIn,
        response: { 200: surveyDetailOut, ...errorResponses },
      },
    },
    async (request) =>
      saveDefinition(signedIn(request), request.params.id, {
        version: request.body.version,
        definition: request.body.definition,
        indices: request.body.indices,
      }),
  );

  app.get(
    '/surveys/:id/definition.xlsx',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          'The current questionnaire as an XLSForm-like workbook (sheets survey, choices, settings, elements)',
        params: idParams,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendDownload(reply, XLSX_MEDIA_TYPE, await exportDefinition(signedIn(request), request.params.id)),
  );

  app.post(
    '/surveys/:id/definition.xlsx',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Import a questionnaire workbook (multipart field "file"): every row valid or nothing (400 lists each problem); the same content again changes nothing',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: surveyDetailOut, ...uploadErrors },
      },
    },
    async (request) => importDefinition(signedIn(request), request.params.id, await uploadedFile(request)),
  );

  app.put(
    '/surveys/:id/targets',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'The surveyed units and groups, with populations and quotas (the sample size by default); a target with answers cannot be removed',
        params: idParams,
        body: targetsIn,
        response: { 200: surveyDetailOut, ...errorResponses },
      },
    },
    async (request) => replaceTargets(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/surveys/:id/open',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Open the survey: its questionnaire is published and the invitations waiting are mailed',
        params: idParams,
        body: statusChangeIn,
        response: { 200: surveyDetailOut, ...errorResponses },
      },
    },
    async (request) => openSurvey(signedIn(request), request.params.id, request.body.version),
  );

  app.post(
    '/surveys/:id/close',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Close the survey: no more answers; the invitations' addresses and names are erased",
        params: idParams,
        body: statusChangeIn,
        response: { 200: surveyDetailOut, ...errorResponses },
      },
    },
    async (request) => closeSurvey(signedIn(request), request.params.id, request.body.version),
  );

  app.post(
    '/surveys/:id/invitations',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Invite a list of respondents (multipart field "file": XLSX with Đơn vị / Unit, Nhóm / Group, Họ tên / Name, E-mail and/or Điện thoại / Zalo): all rows valid or nobody invited; the same address or phone for the same unit again is already invited; rows with only a phone get their link in the answer, once, to send by Zalo/SMS',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: invitationImportOut, ...uploadErrors },
      },
    },
    async (request) => importInvitations(signedIn(request), request.params.id, await uploadedFile(request)),
  );

  app.post(
    '/surveys/:id/invitations/remind',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Remind the invitees who have not answered (each with a fresh link; the earlier one stops working)',
        params: idParams,
        response: { 200: remindOut, ...errorResponses },
      },
    },
    async (request) => remindNow(signedIn(request), request.params.id),
  );

  app.post(
    '/surveys/:id/invitations/links',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'A fresh personal link for each phone-only (Zalo/SMS) invitation not used yet, shown once; the earlier links stop working',
        params: idParams,
        response: { 200: invitationLinksOut, ...errorResponses },
      },
    },
    async (request) => reissueLinks(signedIn(request), request.params.id),
  );

  app.get(
    '/surveys/:id/results',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          'Indices with their 95% intervals by unit, channel or month, and each question’s answers; groups under the minimum size are hidden (a unit’s people: their own unit only)',
        params: idParams,
        querystring: resultsQuery,
        response: { 200: resultsOut, ...errorResponses },
      },
    },
    async (request) => surveyResults(signedIn(request), request.params.id, request.query),
  );

  app.get(
    '/surveys/:id/flags',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Patterns that suggest ballot stuffing (identical answers, straight-lining, too fast): counts and places only',
        params: idParams,
        response: { 200: flagsOut, ...errorResponses },
      },
    },
    async (request) => surveyFlags(signedIn(request), request.params.id),
  );

  app.get(
    '/surveys/:id/responses.xlsx',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'The anonymised answers as a workbook: one row per response (unit, group, channel, day, version), one column per question',
        params: idParams,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendDownload(reply, XLSX_MEDIA_TYPE, await exportResponses(signedIn(request), request.params.id)),
  );

  app.get(
    '/surveys/:id/posters',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'The QR posters: one per target the caller may print, with its public link',
        params: idParams,
        response: { 200: postersOut, ...errorResponses },
      },
    },
    // Without CHIDAO_PUBLIC_URL the posters' links take the address the office reached the server at.
    async (request) =>
      surveyPosters(signedIn(request), request.params.id, `${request.protocol}://${request.host}`),
  );
}
