/**
 * One unit's PAR Index assessment (issue 16): `/api/par/assessments/:id…` — the page's read, each item's self
 * score, appraisal and explanation, and the evidence. The status steps (submit, rounds done, finalise) are the
 * work engine's actions: `POST /api/work/par_assessment/:id/actions`.
 */
import { roles } from '../../core/access.js';
import { errorResponses, errorSchema, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { requiredUpload } from '../../core/upload.js';
import {
  appraisalScoreIn,
  assessmentOut,
  evidenceLinkIn,
  evidenceParams,
  evidenceSaveOut,
  evidenceUploadQuery,
  explanationIn,
  scoreParams,
  scoreSaveOut,
  selfScoreIn,
} from './assessments.schemas.js';
import {
  linkEvidence,
  setAppraisalScore,
  setExplanation,
  setSelfScore,
  uploadEvidence,
  withdrawEvidence,
} from './assessments.service.js';
import { getAssessment } from './assessment.work-kind.js';
import { PAR_ROLES, PAR_UNIT_ROLES } from './parindex.policy.js';

const tags = ['par-index'];
const everyone = roles(...PAR_ROLES);
const unitRoles = roles(...PAR_UNIT_ROLES);
const appraisers = roles('admin', 'standing_officer', 'appraiser');

export async function assessmentsRoutes(app: App) {
  app.get(
    '/par/assessments/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "One unit's assessment: the framework, every item's scores (self, round 1, explanation, round 2, computed), evidence, totals and grade as each stage counts them",
        params: idParams,
        response: { 200: assessmentOut, ...errorResponses },
      },
    },
    async (request) => getAssessment(signedIn(request), request.params.id),
  );

  app.put(
    '/par/assessments/:id/scores/:code/self',
    {
      config: { access: unitRoles },
      schema: {
        tags,
        summary:
          "The unit's own score of an item with a note (null clears it), while self-scoring is open; 409 on a stale version or once locked",
        params: scoreParams,
        body: selfScoreIn,
        response: { 200: scoreSaveOut, ...errorResponses },
      },
    },
    async (request) => setSelfScore(signedIn(request), request.params.id, request.params.code, request.body),
  );

  app.put(
    '/par/assessments/:id/scores/:code/appraisal',
    {
      config: { access: appraisers },
      schema: {
        tags,
        summary:
          'The council’s score of an item in round 1 or 2 (a reason is required when it changes the earlier score)',
        params: scoreParams,
        body: appraisalScoreIn,
        response: { 200: scoreSaveOut, ...errorResponses },
      },
    },
    async (request) =>
      setAppraisalScore(signedIn(request), request.params.id, request.params.code, request.body),
  );

  app.put(
    '/par/assessments/:id/scores/:code/explanation',
    {
      config: { access: unitRoles },
      schema: {
        tags,
        summary: "The unit's explanation (giải trình) of a score the council changed in round 1",
        params: scoreParams,
        body: explanationIn,
        response: { 200: scoreSaveOut, ...errorResponses },
      },
    },
    async (request) =>
      setExplanation(signedIn(request), request.params.id, request.params.code, request.body),
  );

  app.post(
    '/par/assessments/:id/scores/:code/evidence',
    {
      config: { access: unitRoles },
      schema: {
        tags,
        summary:
          'An evidence file for an item (multipart field "file", checked by its content); `replaces` makes it the next version of an earlier one, which is kept',
        consumes: ['multipart/form-data'],
        params: scoreParams,
        querystring: evidenceUploadQuery,
        response: { 201: evidenceSaveOut, ...errorResponses, 413: errorSchema, 415: errorSchema },
      },
    },
    async (request, reply) => {
      const evidence = await uploadEvidence(
        signedIn(request),
        app.fileStore,
        request.params.id,
        request.params.code,
        await requiredUpload(request),
        app.config.uploadMaxBytes,
        request.query,
      );
      return reply.status(201).send({ evidence });
    },
  );

  app.post(
    '/par/assessments/:id/scores/:code/links',
    {
      config: { access: unitRoles },
      schema: {
        tags,
        summary:
          'Evidence that is a record already in chidao (a plan, a report, an inspection, a document the caller may read) or a web page',
        params: scoreParams,
        body: evidenceLinkIn,
        response: { 201: evidenceSaveOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        evidence: await linkEvidence(signedIn(request), request.params.id, request.params.code, request.body),
      }),
  );

  app.post(
    '/par/assessments/:id/evidence/:evidenceId/withdraw',
    {
      config: { access: unitRoles },
      schema: {
        tags,
        summary: 'Withdraw an evidence while self-scoring is open (it is kept, shown as withdrawn)',
        params: evidenceParams,
        response: { 200: evidenceSaveOut, ...errorResponses },
      },
    },
    async (request) => ({
      evidence: await withdrawEvidence(signedIn(request), request.params.id, request.params.evidenceId),
    }),
  );
}
