import { SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { requiredUpload, uploadedFileOut } from '../../core/upload.js';
import { sendStoredFile } from '../files/files.routes.js';
import { TASK_ACTIONS } from '../tasks/index.js';
import {
  taskEvidenceFile,
  actOnTask,
  addTask,
  createPlan,
  getPlan,
  listPlans,
  listTasks,
  planKpis,
  updateTask,
  uploadEvidence,
} from './plans.service.js';
import { addDependency, removeDependency } from './task-links.service.js';
import { unitPlanCoverage } from './unit-plans.service.js';
import { getApprovalSetting, postDirection, reviewProgress, setApprovalSetting } from './progress.service.js';
import { postProgress, taskHistory } from './progress.service.js';

import { REFORM_AREAS } from '../tasks/index.js';

const date = z.iso.date();
const planIn = z.object({
  year: z.number().int().min(2000).max(2100),
  ownerUnitId: z.uuid(),
  ownerKind: z.enum(['committee', 'unit']).optional(),
  title: z.string().trim().min(3).max(500),
  documentId: z.uuid().nullish(),
  method: z.enum(['count', 'weighted']).optional(),
  focusAreas: z.array(z.string().trim().min(1).max(300)).max(20).optional(),
  evidenceOptional: z.boolean().optional(),
});
const taskIn = z.object({
  title: z.string().trim().min(3).max(1000),
  description: z.string().max(5000).nullish(),
  reformArea: z.enum(REFORM_AREAS),
  leadUnitId: z.uuid(),
  supportingUnitIds: z.array(z.uuid()).max(100).optional(),
  directingMemberId: z.uuid().nullish(),
  startDate: date.nullish(),
  dueDate: date.nullish(),
  expectedOutput: z.string().max(2000).nullish(),
  focus: z.boolean().optional(),
  source: z.enum(['plan', 'conclusion', 'directive', 'inspection', 'feedback']).optional(),
  sourceRef: z.string().max(300).nullish(),
  weight: z.number().positive().max(1000).nullish(),
  parentTaskId: z.uuid().nullish(),
});
const anyOut = z.looseObject({});
const metric = z.object({ value: z.number(), taskIds: z.array(z.string()) });

export async function plansRoutes(app: App) {
  app.get(
    '/plans',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'Yearly PAR plans',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          ownerKind: z.enum(['committee', 'unit']).optional(),
        }),
        response: { 200: z.object({ items: z.array(anyOut) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await listPlans(signedIn(request), request.query.year, request.query.ownerKind),
    }),
  );

  app.post(
    '/plans',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'Create a plan (standing agency)',
        body: planIn,
        response: { 201: anyOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan(signedIn(request), request.body)),
  );

  app.get(
    '/plans/:id',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'One plan with my abilities',
        params: idParams,
        response: { 200: anyOut, ...errorResponses },
      },
    },
    async (request) => getPlan(signedIn(request), request.params.id),
  );

  app.get(
    '/plans/:id/tasks',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: "A plan's tasks with derived timing (overdue is never stored) and the actions I may take",
        params: idParams,
        querystring: z.object({ asOf: date.optional() }),
        response: { 200: z.object({ items: z.array(anyOut) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listTasks(signedIn(request), request.params.id, request.query.asOf) }),
  );

  app.post(
    '/plans/:id/tasks',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'Add a task to a plan',
        params: idParams,
        body: taskIn,
        response: { 201: anyOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addTask(signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/plans/:id/kpis',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'Plan KPIs under its declared method; every number lists the tasks it was computed from',
        params: idParams,
        querystring: z.object({ asOf: date.optional() }),
        response: {
          200: z.object({
            method: z.string(),
            asOf: z.string(),
            overall: z.looseObject({ total: metric, verified: metric, overdue: metric }),
            byReformArea: z.array(anyOut),
            byLeadUnit: z.array(anyOut),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => planKpis(signedIn(request), request.params.id, request.query.asOf) as never,
  );

  app.post(
    '/tasks/:id/actions',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary:
          'Move a task through its workflow: start, report_done, withdraw_report, verify, return, reopen, cancel, extend',
        params: idParams,
        body: z.object({
          action: z.enum(TASK_ACTIONS),
          version: z.number().int().positive(),
          reason: z.string().trim().max(2000).nullish(),
          documentId: z.uuid().nullish(),
          output: z.string().trim().max(5000).nullish(),
          fileIds: z.array(z.uuid()).max(20).optional(),
          newDueDate: date.nullish(),
        }),
        response: { 200: anyOut, ...errorResponses },
      },
    },
    async (request) => actOnTask(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/tasks/:id/progress',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'Post a progress update (text, %, evidence)',
        params: idParams,
        body: z.object({
          note: z.string().trim().min(1).max(5000),
          percent: z.number().int().min(0).max(100).nullish(),
          fileIds: z.array(z.uuid()).max(20).optional(),
        }),
        response: { 201: anyOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await postProgress(signedIn(request), request.params.id, request.body)),
  );

  app.post(
    '/tasks/:id/files',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary:
          'Upload an evidence file for a task (multipart field "file"); cite its id in a report or update',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: anyOut, ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const file = await uploadEvidence(
        ctx,
        app.fileStore,
        request.params.id,
        await requiredUpload(request),
        app.config.uploadMaxBytes,
        app.config.uploadKeepHours,
      );
      return reply.status(201).send(uploadedFileOut(file));
    },
  );

  app.get(
    '/tasks/:id/events',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: "A task's status changes and progress updates",
        params: idParams,
        response: { 200: z.object({ items: z.array(anyOut) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await taskHistory(signedIn(request), request.params.id) }),
  );

  app.get(
    '/tasks/:id/files/:fileId',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'Download an evidence file of a task, with its original (Vietnamese) name',
        params: z.object({ id: z.uuid(), fileId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await taskEvidenceFile(signedIn(request), request.params.id, request.params.fileId);
      return sendStoredFile(reply, app.fileStore, file);
    },
  );

  app.patch(
    '/tasks/:id',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'Edit a task (plan managers); the due date moves only through the extend action',
        params: idParams,
        body: taskIn
          .omit({ dueDate: true, source: true, sourceRef: true })
          .partial()
          .extend({ version: z.number().int().positive() }),
        response: { 200: anyOut, ...errorResponses },
      },
    },
    async (request) => updateTask(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/tasks/:id/dependencies',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'This task cannot be reported done before another task of the plan (no circles)',
        params: idParams,
        body: z.object({ dependsOnTaskId: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await addDependency(signedIn(request), request.params.id, request.body.dependsOnTaskId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/tasks/:id/dependencies/:otherId',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'Remove a dependency',
        params: z.object({ id: z.uuid(), otherId: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeDependency(signedIn(request), request.params.id, request.params.otherId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/tasks/:id/progress/:eventId/review',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: "The lead unit's leader approves a pending progress update, or rejects it with a reason",
        params: z.object({ id: z.uuid(), eventId: z.uuid() }),
        body: z.object({
          action: z.enum(['approve_progress', 'reject_progress']),
          reason: z.string().trim().max(2000).nullish(),
        }),
        response: { 201: anyOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await reviewProgress(signedIn(request), request.params.id, request.params.eventId, request.body),
        ),
  );

  app.get(
    '/units/:id/progress-approval',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: "Whether the unit's leader approves staff progress updates before the province sees them",
        params: idParams,
        response: { 200: anyOut, ...errorResponses },
      },
    },
    async (request) => getApprovalSetting(signedIn(request), request.params.id),
  );

  app.put(
    '/units/:id/progress-approval',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: "Switch approval of staff progress updates on or off (the unit's leader)",
        params: idParams,
        body: z.object({ requireApproval: z.boolean(), version: z.number().int().min(0) }),
        response: { 200: anyOut, ...errorResponses },
      },
    },
    async (request) => setApprovalSetting(signedIn(request), request.params.id, request.body),
  );

  app.get(
    '/plans/unit-coverage',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary:
          'Which departments and localities have issued their own yearly PAR plan (under a parent unit, as they stood that year)',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100),
          parentId: z.uuid().optional(),
        }),
        response: { 200: anyOut, ...errorResponses },
      },
    },
    async (request) => unitPlanCoverage(signedIn(request), request.query.year, request.query.parentId),
  );

  app.post(
    '/tasks/:id/directions',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary:
          'A direction (ý kiến chỉ đạo) on a task by a committee leader or the member following its lead unit',
        params: idParams,
        body: z.object({ note: z.string().trim().min(1).max(5000) }),
        response: { 201: anyOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await postDirection(signedIn(request), request.params.id, request.body)),
  );
}
