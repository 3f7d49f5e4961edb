import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PUBLIC, roles } from '../../core/access.js';
import { AppError } from '../../core/errors.js';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { requiredUpload, uploadedFileOut } from '../../core/upload.js';
import { consumeCaptcha } from '../captcha/captcha.service.js';
import { removeStoredFile, storeUpload, type StoredFile } from '../files/files.service.js';
import { listUnits, unitDisplayName } from '../units/units.service.js';
import { sendStoredFile } from '../files/files.routes.js';
import {
  caseDetail,
  caseFile,
  escalateCase,
  listCases,
  mergeCase,
  transferCase,
  triageCase,
} from './cases.service.js';
import { HOTLINE_OFFICE, HOTLINE_ROLES } from './hotline.policy.js';
import {
  caseDetailOut,
  caseListOut,
  caseListQuery,
  caseParams,
  caseFileParams,
  intakeOut,
  categoryCreateIn,
  categoryUpdateIn,
  routeCreateIn,
  ruleVersionIn,
  ruleVersionOut,
  settingsOut,
  categoryListOut,
  categoryOut,
  escalateIn,
  followIn,
  mergeIn,
  PUBLIC_DESCRIPTION_MIN,
  publicCaseOut,
  publicFeedbackIn,
  publicFileParams,
  publicFormOut,
  publishedListOut,
  publishedQuery,
  rateIn,
  reopenIn,
  staffIntakeIn,
  submittedOut,
  trackParams,
  trackQuery,
  transferIn,
  triageIn,
  uploadOut,
} from './hotline.schemas.js';
import { createCase } from './intake.service.js';
import { publicFormProblems } from './messages.js';
import {
  followCase,
  listPublished,
  publicAnswerFile,
  rateCase,
  reopenCase,
  trackCase,
} from './public.service.js';
import { qrSvg } from './qr.js';
import {
  addRuleVersion,
  createCategory,
  createRoute,
  deleteRoute,
  hotlineSettings,
  listCategories,
  rulesOn,
  updateCategory,
} from './settings.service.js';
import { provincesInForce } from '../units/departments.service.js';
import { todayInVietnam } from '../../core/dates.js';

const tags = ['hotline'];
const publicTags = ['hotline (public)'];
const office = roles(...HOTLINE_OFFICE);
const managers = roles('admin', 'standing_officer');
const everyone = roles(...HOTLINE_ROLES);
const uploadErrors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] };

/** What the public may attach: photos of the place and PDF papers, checked by content, a few, not large. */
export const PUBLIC_FILE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
export const PUBLIC_MAX_FILES = 5;
export const PUBLIC_FILE_MB = 10;

/** Public forms: a few submissions a minute per address (the captcha makes each one cost some work too). */
const publicWrite = { max: 10, timeWindow: 60_000 };
const publicRead = { max: 120, timeWindow: 60_000 };

const validationError = (
  field: string,
  key: 'hotline.data_missing' | 'hotline.too_many_files' | 'hotline.file_type',
  params = {},
) => new AppError(400, 'VALIDATION_FAILED', key, params, [{ field, message: key }]);

/**
 * The public submission: a multipart request whose first field is `data` (the JSON of `publicFeedbackIn`), then
 * up to five files `files`. The data and the captcha are checked before any file is stored; a file that is not
 * an image or a PDF by its content is refused and nothing is kept.
 */
async function readPublicSubmission(app: App, request: FastifyRequest) {
  const stored: StoredFile[] = [];
  let data: z.infer<typeof publicFeedbackIn> | null = null;
  try {
    for await (const part of request.parts({
      limits: { fileSize: PUBLIC_FILE_MB * 1_048_576, files: PUBLIC_MAX_FILES + 1 },
    })) {
      if (part.type === 'field') {
        if (part.fieldname !== 'data' || data) continue;
        let raw: unknown;
        try {
          raw = JSON.parse(String(part.value));
        } catch {
          throw validationError('data', 'hotline.data_missing');
        }
        const parsed = publicFeedbackIn.safeParse(raw);
        if (!parsed.success) {
          // Each field's problem in the reader's language, as the page says it (./messages.ts), never Zod's words.
          const details = publicFormProblems(parsed.error.issues, { description: PUBLIC_DESCRIPTION_MIN });
          throw new AppError(400, 'VALIDATION_FAILED', 'hotline.form.fix_fields', {}, details);
        }
        data = parsed.data;
        consumeCaptcha(data.captcha.token, data.captcha.nonce);
        continue;
      }
      if (!data) {
        part.file.resume();
        throw validationError('data', 'hotline.data_missing');
      }
      if (stored.length >= PUBLIC_MAX_FILES) {
        part.file.resume();
        throw validationError('files', 'hotline.too_many_files', { max: PUBLIC_MAX_FILES });
      }
      const file = await storeUpload(
        request.ctx,
        app.fileStore,
        part.file,
        part.filename,
        PUBLIC_FILE_MB * 1_048_576,
      );
      stored.push(file);
      if (!PUBLIC_FILE_TYPES.includes(file.mediaType)) throw validationError('files', 'hotline.file_type');
    }
  } catch (err) {
    for (const f of stored) await removeStoredFile(request.ctx, app.fileStore, f.id).catch(() => undefined);
    throw err;
  }
  if (!data) throw validationError('data', 'hotline.data_missing');
  return { data, files: stored };
}

export async function hotlineRoutes(app: App) {
  // The public ---------------------------------------------------------------------------------------
  app.get(
    '/public/hotline/form',
    {
      config: { access: PUBLIC, rateLimit: publicRead },
      schema: {
        tags: publicTags,
        summary:
          'What the public form needs: the province, the categories, the file limits and the deadlines',
        response: { 200: publicFormOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = request.ctx;
      const { rules } = await rulesOn(ctx, todayInVietnam());
      const province = (await provincesInForce(ctx.db, todayInVietnam()))[0];
      return {
        province: province?.fullName ?? '',
        categories: (await listCategories(ctx, { activeOnly: true })).map(
          ({ id, key, name, description }) => ({
            id,
            key,
            name,
            description,
          }),
        ),
        limits: { files: PUBLIC_MAX_FILES, fileMegabytes: PUBLIC_FILE_MB, types: PUBLIC_FILE_TYPES },
        answerWorkingDays: rules.answer.byClassification?.within_authority ?? rules.answer.default,
        triageWorkingDays: rules.triageWithinWorkingDays,
      };
    },
  );

  app.get(
    '/public/hotline/units',
    {
      config: { access: PUBLIC, rateLimit: publicRead },
      schema: {
        tags: publicTags,
        summary: 'The units and places feedback may be about (in force today), found without accents',
        querystring: z.object({ q: z.string().trim().max(100).default('') }),
        response: {
          200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const today = todayInVietnam();
      const province = (await provincesInForce(request.ctx.db, today))[0];
      if (!province) return { items: [] };
      const found = await listUnits(request.ctx.db, {
        q: request.query.q || undefined,
        asOf: today,
        parentId: province.id,
        limit: 400,
      });
      return {
        items: found
          .filter((u) => u.kind !== 'party_body' && u.kind !== 'mass_organisation')
          .slice(0, 20)
          .map((u) => ({ id: u.id, name: unitDisplayName(u) })),
      };
    },
  );

  app.post(
    '/public/hotline/feedback',
    {
      config: { access: PUBLIC, rateLimit: publicWrite },
      schema: {
        tags: publicTags,
        summary:
          'Submit feedback (multipart: the field "data" first — JSON with the captcha — then up to 5 files "files"); the same idempotency key returns the first case',
        consumes: ['multipart/form-data'],
        response: { 200: submittedOut, 201: submittedOut, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const { data, files } = await readPublicSubmission(app, request);
      const result = await createCase(request.ctx, {
        channel: 'web',
        categoryId: data.categoryId,
        subjectUnitId: data.subjectUnitId ?? null,
        place: data.place,
        lat: data.lat ?? null,
        lng: data.lng ?? null,
        title: data.title,
        description: data.description,
        name: data.name,
        phone: data.phone,
        email: data.email,
        address: data.address,
        anonymous: data.anonymous,
        follow: data.follow,
        fileIds: files.map((f) => ({ id: f.id, public: f.mediaType.startsWith('image/') })),
        idempotencyKey: data.idempotencyKey ?? null,
        client: request.ip,
      });
      const key = result.key ?? '';
      return reply.status(result.created ? 201 : 200).send({
        code: result.code,
        key,
        link: `/phan-anh/tra-cuu/${result.code}${key ? `?key=${key}` : ''}`,
        created: result.created,
        receivedOn: result.receivedOn,
        triageDueDate: result.triageDueDate,
      });
    },
  );

  app.get(
    '/public/hotline/cases/:code',
    {
      config: { access: PUBLIC, rateLimit: publicRead },
      schema: {
        tags: publicTags,
        summary: 'A case by its tracking code: its stage, deadlines and published answer (no personal data)',
        params: trackParams,
        querystring: trackQuery,
        response: { 200: publicCaseOut, ...errorResponses },
      },
    },
    async (request) => trackCase(request.ctx, request.params.code, request.query.key),
  );

  app.get(
    '/public/hotline/cases/:code/qr.svg',
    {
      config: { access: PUBLIC, rateLimit: publicRead },
      schema: {
        tags: publicTags,
        summary: 'The tracking link as a QR code (SVG)',
        params: trackParams,
        querystring: trackQuery,
      },
    },
    async (request, reply) => {
      const found = await trackCase(request.ctx, request.params.code);
      const origin = `${request.protocol}://${request.host}`;
      const link = `${origin}/phan-anh/tra-cuu/${found.code}${request.query.key ? `?key=${encodeURIComponent(request.query.key)}` : ''}`;
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'no-store')
        .send(await qrSvg(link));
    },
  );

  app.get(
    '/public/hotline/cases/:code/files/:fileId',
    {
      config: { access: PUBLIC, rateLimit: publicRead },
      schema: {
        tags: publicTags,
        summary:
          'A file of the published answer that the office made public (anything else: 404, whether it exists or not)',
        params: publicFileParams,
      },
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        app.fileStore,
        await publicAnswerFile(request.ctx, request.params.code, request.params.fileId),
      ),
  );

  app.post(
    '/public/hotline/cases/:code/rating',
    {
      config: { access: PUBLIC, rateLimit: publicWrite },
      schema: {
        tags: publicTags,
        summary: "The submitter's rating of the published answer (with their key)",
        params: trackParams,
        body: rateIn,
        response: { 200: publicCaseOut, ...errorResponses },
      },
    },
    async (request) => rateCase(request.ctx, request.params.code, request.body),
  );

  app.post(
    '/public/hotline/cases/:code/reopen',
    {
      config: { access: PUBLIC, rateLimit: publicWrite },
      schema: {
        tags: publicTags,
        summary: 'Ask for the case to be looked at again (once, with a reason and the key)',
        params: trackParams,
        body: reopenIn,
        response: { 200: publicCaseOut, ...errorResponses },
      },
    },
    async (request) => reopenCase(request.ctx, request.params.code, request.body),
  );

  app.post(
    '/public/hotline/cases/:code/followers',
    {
      config: { access: PUBLIC, rateLimit: publicWrite },
      schema: {
        tags: publicTags,
        summary: "Follow the case's steps by e-mail (with the key)",
        params: trackParams,
        body: followIn,
        response: { 200: z.object({ following: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => followCase(request.ctx, request.params.code, request.body),
  );

  app.get(
    '/public/hotline/answers',
    {
      config: { access: PUBLIC, rateLimit: publicRead },
      schema: {
        tags: publicTags,
        summary: 'Published answers, newest first (search without accents)',
        querystring: publishedQuery,
        response: { 200: publishedListOut, ...errorResponses },
      },
    },
    async (request) => listPublished(request.ctx, request.query),
  );

  // Staff --------------------------------------------------------------------------------------------
  app.get(
    '/hotline/categories',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'The categories of feedback',
        response: { 200: categoryListOut, ...errorResponses },
      },
    },
    async (request) => ({ items: await listCategories(signedIn(request), { activeOnly: false }) }),
  );

  app.get(
    '/hotline/settings',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "The hotline's categories, routing table and deadline rules (with their versions)",
        response: { 200: settingsOut, ...errorResponses },
      },
    },
    async (request) => hotlineSettings(signedIn(request)),
  );

  app.post(
    '/hotline/categories',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'A new category of feedback',
        body: categoryCreateIn,
        response: { 201: categoryOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createCategory(signedIn(request), request.body)),
  );

  app.patch(
    '/hotline/categories/:id',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Rename, describe, reorder or retire a category (version-checked)',
        params: caseParams,
        body: categoryUpdateIn,
        response: { 200: categoryOut, ...errorResponses },
      },
    },
    async (request) => updateCategory(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/hotline/routes',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'A line of the routing table: which unit handles a category (about an area, or anywhere)',
        body: routeCreateIn,
        response: { 201: z.object({ id: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: (await createRoute(signedIn(request), request.body)).id }),
  );

  app.delete(
    '/hotline/routes/:id',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Remove a line of the routing table',
        params: caseParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteRoute(signedIn(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/hotline/rules',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'A new version of the deadline rules from a day on (existing cases keep theirs)',
        body: ruleVersionIn,
        response: { 201: ruleVersionOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addRuleVersion(signedIn(request), request.body)),
  );

  app.get(
    '/hotline/cases',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Cases the caller may see: to triage, open, to review, overdue, closed',
        querystring: caseListQuery,
        response: { 200: caseListOut, ...errorResponses },
      },
    },
    async (request) => listCases(signedIn(request), request.query),
  );

  app.post(
    '/hotline/uploads',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'A file received with feedback (multipart field "file"), to cite in an intake',
        consumes: ['multipart/form-data'],
        response: { 201: uploadOut, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const { content, filename } = await requiredUpload(request);
      const file = await storeUpload(
        signedIn(request),
        app.fileStore,
        content,
        filename,
        app.config.uploadMaxBytes,
      );
      return reply.status(201).send(uploadedFileOut(file));
    },
  );

  app.post(
    '/hotline/cases',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Enter feedback received by phone, e-mail, letter, the press, the national portal or a visit',
        body: staffIntakeIn,
        response: { 201: intakeOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const b = request.body;
      const result = await createCase(ctx, {
        ...b,
        receivedAt: b.receivedAt ? new Date(b.receivedAt) : undefined,
        fileIds: b.fileIds.map((id) => ({ id, public: false })),
      });
      // The person's key, once: the officer reads it out or prints it with the code.
      const key = result.key ?? '';
      return reply.status(201).send({
        ...(await caseDetail(ctx, result.id)),
        receipt: { key, link: `/phan-anh/tra-cuu/${result.code}${key ? `?key=${key}` : ''}` },
      });
    },
  );

  app.get(
    '/hotline/cases/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'One case with its triage help',
        params: caseParams,
        response: { 200: caseDetailOut, ...errorResponses },
      },
    },
    async (request) => caseDetail(signedIn(request), request.params.id),
  );

  app.get(
    '/hotline/cases/:id/files/:fileId',
    {
      config: { access: everyone },
      schema: { tags, summary: 'A file received with the case', params: caseFileParams },
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        app.fileStore,
        await caseFile(signedIn(request), request.params.id, request.params.fileId),
      ),
  );

  app.post(
    '/hotline/cases/:id/triage',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Triage (Decree 20): not accepted / behaviour / within authority (to a unit) / outside authority (forwarded)',
        params: caseParams,
        body: triageIn,
        response: { 200: caseDetailOut, ...errorResponses },
      },
    },
    async (request) => triageCase(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/hotline/cases/:id/transfer',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Another unit handles the case (the reason is shown to the submitter)',
        params: caseParams,
        body: transferIn,
        response: { 200: caseDetailOut, ...errorResponses },
      },
    },
    async (request) => transferCase(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/hotline/cases/:id/merge',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Merge a duplicate into another case',
        params: caseParams,
        body: mergeIn,
        response: { 200: caseDetailOut, ...errorResponses },
      },
    },
    async (request) => mergeCase(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/hotline/cases/:id/escalations',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Propose a verification or a surprise inspection from a case',
        params: caseParams,
        body: escalateIn,
        response: { 200: caseDetailOut, ...errorResponses },
      },
    },
    async (request) => escalateCase(signedIn(request), request.params.id, request.body),
  );
}
