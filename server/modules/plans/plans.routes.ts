import { SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { requiredUpload, uploadedFileOut } from '../../core/upload.js';
import { sendStoredFile } from '../files/files.routes.js';
import { uploadOut } from '../work/work.schemas.js';
import {
  approvalSettingIn,
  approvalSettingOut,
  asOfQuery,
  carriedOverOut,
  carriedOverQuery,
  dependencyIn,
  directionIn,
  planDetailOut,
  planIn,
  planKpisOut,
  planListOut,
  plansQuery,
  progressIn,
  progressReviewIn,
  taskActionIn,
  taskEditIn,
  taskEventListOut,
  taskEventOut,
  taskIn,
  taskListOut,
  taskOut,
  unitCoverageOut,
  unitCoverageQuery,
} from './plans.schemas.js';
import {
  taskEvidenceFile,
  actOnTask,
  addTask,
  carriedOverTasks,
  planYearsAndAbilities,
  createPlan,
  getPlan,
  getTask,
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

export async function plansRoutes(app: App) {
  app.get(
    '/plans',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'Yearly PAR plans',
        querystring: plansQuery,
        response: { 200: planListOut, ...errorResponses },
      },
    },
    async (request) => ({
      items: await listPlans(signedIn(request), request.query.year, request.query.ownerKind, {
        purpose: request.query.purpose,
      }),
      ...(await planYearsAndAbilities(signedIn(request))),
    }),
  );

  app.get(
    '/plans/carried-over',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: "Open tasks of earlier years' plans that are overdue today, most overdue first",
        querystring: carriedOverQuery,
        response: { 200: carriedOverOut, ...errorResponses },
      },
    },
    async (request) => carriedOverTasks(signedIn(request), request.query.year, request.query.limit),
  );

  app.post(
    '/plans',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'Create a plan (standing agency)',
        body: planIn,
        response: { 201: planDetailOut, ...errorResponses },
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
        response: { 200: planDetailOut, ...errorResponses },
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
        querystring: asOfQuery,
        response: { 200: taskListOut, ...errorResponses },
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
        response: { 201: taskOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const task = await addTask(ctx, request.params.id, request.body);
      return reply.status(201).send(await getTask(ctx, task.id));
    },
  );

  app.get(
    '/plans/:id/kpis',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'Plan KPIs under its declared method; every number lists the tasks it was computed from',
        params: idParams,
        querystring: asOfQuery,
        response: { 200: planKpisOut, ...errorResponses },
      },
    },
    async (request) => planKpis(signedIn(request), request.params.id, request.query.asOf),
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
        description: 'Answers the task as it now stands (the same shape as in the task list).',
        body: taskActionIn,
        response: { 200: taskOut, ...errorResponses },
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
        body: progressIn,
        response: { 201: taskEventOut, ...errorResponses },
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
        response: { 201: uploadOut, ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] },
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
        response: { 200: taskEventListOut, ...errorResponses },
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
        body: taskEditIn,
        response: { 200: taskOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      await updateTask(ctx, request.params.id, request.body);
      return getTask(ctx, request.params.id);
    },
  );

  app.post(
    '/tasks/:id/dependencies',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'This task cannot be reported done before another task of the plan (no circles)',
        description:
          'Answers the task with its links as they now stand (what it waits for, what blocks its report).',
        params: idParams,
        body: dependencyIn,
        response: { 200: taskOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      await addDependency(ctx, request.params.id, request.body.dependsOnTaskId);
      return getTask(ctx, request.params.id);
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
        body: progressReviewIn,
        response: { 201: taskEventOut, ...errorResponses },
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
        response: { 200: approvalSettingOut, ...errorResponses },
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
        body: approvalSettingIn,
        response: { 200: approvalSettingOut, ...errorResponses },
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
        querystring: unitCoverageQuery,
        response: { 200: unitCoverageOut, ...errorResponses },
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
        body: directionIn,
        response: { 201: taskEventOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await postDirection(signedIn(request), request.params.id, request.body)),
  );
}
