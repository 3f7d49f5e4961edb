/**
 * The reform programmes API (issue 18, item 0). Thin: each route declares who may call it (the first gate) and
 * validates; the services check the programme's committee (./programmes.policy.ts) on every record and journal
 * every change.
 *
 * - `GET /api/programmes`, `POST /api/programmes`: the programmes with their summaries; create one;
 * - `GET|PATCH /api/programmes/:id`: the programme page (targets by year, plans, reviews); edit;
 * - `POST /api/programmes/:id/targets`, `PATCH /api/programmes/:id/targets/:targetId`: targets;
 * - `PUT /api/programmes/:id/targets/:targetId/values`: a value entered by hand with evidence;
 * - `POST|GET /api/programmes/:id/targets/:targetId/evidence…`: an evidence file (type checked from its content);
 * - `POST /api/programmes/:id/reviews`: the review report, opened through the reports module.
 */
import { roles } from '../../core/access.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { requiredUpload, uploadedFileOut } from '../../core/upload.js';
import { sendStoredFile } from '../files/files.routes.js';
import { PROGRAMME_EDITORS, PROGRAMME_READERS } from './programmes.policy.js';
import {
  evidenceFileOut,
  evidenceParams,
  programmeIn,
  programmeListOut,
  programmeOut,
  programmeUpdateIn,
  reviewIn,
  reviewOpenedOut,
  targetIn,
  targetOut,
  targetParams,
  targetUpdateIn,
  valueIn,
} from './programmes.schemas.js';
import {
  addTarget,
  createProgramme,
  evidenceForDownload,
  getProgramme,
  listProgrammes,
  recordValue,
  updateProgramme,
  updateTarget,
  uploadEvidence,
} from './programmes.service.js';
import { openReview } from './review.service.js';

const tags = ['programmes'];
const readers = roles(...PROGRAMME_READERS);
const editors = roles(...PROGRAMME_EDITORS);

export async function programmesRoutes(app: App) {
  app.get(
    '/programmes',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "The province's multi-year reform programmes, current first, each with its targets' summary",
        response: { 200: programmeListOut, ...errorResponses },
      },
    },
    async (request) => listProgrammes(signedIn(request)),
  );

  app.post(
    '/programmes',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Create a programme of a steering committee (the standing agency)',
        body: programmeIn,
        response: { 201: programmeOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createProgramme(signedIn(request), request.body)),
  );

  app.get(
    '/programmes/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'One programme: its document, period, goals, targets by year (value, source, status and its reasoning), the yearly plans under it, its reviews',
        params: idParams,
        response: { 200: programmeOut, ...errorResponses },
      },
    },
    async (request) => getProgramme(signedIn(request), request.params.id),
  );

  app.patch(
    '/programmes/:id',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Edit a programme (version-checked)',
        params: idParams,
        body: programmeUpdateIn,
        response: { 200: programmeOut, ...errorResponses },
      },
    },
    async (request) => updateProgramme(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/programmes/:id/targets',
    {
      config: { access: editors },
      schema: {
        tags,
        summary:
          'Add a measurable target: baseline, yearly milestones, final value, bound to a figure or entered by hand',
        params: idParams,
        body: targetIn,
        response: { 201: targetOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addTarget(signedIn(request), request.params.id, request.body)),
  );

  app.patch(
    '/programmes/:id/targets/:targetId',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Edit a target (version-checked)',
        params: targetParams,
        body: targetUpdateIn,
        response: { 200: targetOut, ...errorResponses },
      },
    },
    async (request) =>
      updateTarget(signedIn(request), request.params.id, request.params.targetId, request.body),
  );

  app.put(
    '/programmes/:id/targets/:targetId/values',
    {
      config: { access: editors },
      schema: {
        tags,
        summary:
          "Record (no version) or correct (the version read) a target's value of a year, with evidence (an uploaded file or a registered document)",
        params: targetParams,
        body: valueIn,
        response: { 200: targetOut, ...errorResponses },
      },
    },
    async (request) =>
      recordValue(signedIn(request), request.params.id, request.params.targetId, request.body),
  );

  app.post(
    '/programmes/:id/targets/:targetId/evidence',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Upload an evidence file (multipart field "file"); its type is checked from its content',
        consumes: ['multipart/form-data'],
        params: targetParams,
        response: {
          201: evidenceFileOut,
          ...errorResponses,
          413: errorResponses[400],
          415: errorResponses[400],
        },
      },
    },
    async (request, reply) => {
      const file = await uploadEvidence(
        signedIn(request),
        app.fileStore,
        request.params.id,
        request.params.targetId,
        await requiredUpload(request),
        app.config.uploadMaxBytes,
      );
      const out = uploadedFileOut(file);
      return reply.status(201).send({
        id: out.id,
        name: out.originalName,
        mediaType: out.mediaType,
        size: out.size,
        sha256: out.sha256,
      });
    },
  );

  app.get(
    '/programmes/:id/targets/:targetId/evidence/:fileId',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "Download an evidence file cited by one of the target's values",
        params: evidenceParams,
      },
    },
    async (request, reply) => {
      const file = await evidenceForDownload(
        signedIn(request),
        request.params.id,
        request.params.targetId,
        request.params.fileId,
      );
      return sendStoredFile(reply, app.fileStore, file);
    },
  );

  app.post(
    '/programmes/:id/reviews',
    {
      config: { access: editors },
      schema: {
        tags,
        summary:
          "Open the programme's review report (sơ kết / tổng kết) for a year: a reports round owed by the standing agency, prefilled with the targets and the yearly plans",
        params: idParams,
        body: reviewIn,
        response: { 201: reviewOpenedOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openReview(signedIn(request), request.params.id, request.body)),
  );
}
