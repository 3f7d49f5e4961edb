import { SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { requiredUpload } from '../../core/upload.js';
import { historyRoute } from '../audit/audit.routes.js';
import { sendStoredFile } from '../files/files.routes.js';
import {
  addConclusion,
  assertMeetingReadable,
  attachMeetingFile,
  createMeeting,
  createTaskFromConclusion,
  deleteConclusion,
  detachMeetingFile,
  followUp,
  getMeeting,
  issueNotice,
  listMeetings,
  meetingCommittees,
  meetingFileForDownload,
  nextNoticeNumber,
  updateConclusion,
  updateMeeting,
} from './meetings.service.js';
import {
  conclusionCreateIn,
  conclusionOut,
  conclusionTaskIn,
  conclusionUpdateIn,
  followUpOut,
  followUpQuery,
  meetingCommitteesOut,
  meetingCreateIn,
  meetingListOut,
  meetingOut,
  meetingUpdateIn,
  noticeIn,
  noticeNumberOut,
  noticeNumberQuery,
  versionQuery,
} from './meetings.schemas.js';

const tags = ['meetings'];
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export async function meetingsRoutes(app: App) {
  app.get(
    '/meetings/committees',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'The committees whose meetings I may read, with their meeting counts',
        response: { 200: meetingCommitteesOut, ...errorResponses },
      },
    },
    async (request) => meetingCommittees(signedIn(request)),
  );

  app.get(
    '/committees/:id/meetings',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: "A committee's meetings (sessions and working sessions), newest first",
        params: idParams,
        response: { 200: meetingListOut, ...errorResponses },
      },
    },
    async (request) => listMeetings(signedIn(request), request.params.id),
  );

  app.get(
    '/committees/:id/meetings/follow-up',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'What the last meeting held decided and whether it was done; open conclusions of earlier meetings',
        params: idParams,
        querystring: followUpQuery,
        response: { 200: followUpOut, ...errorResponses },
      },
    },
    async (request) => followUp(signedIn(request), request.params.id, request.query.asOf),
  );

  app.post(
    '/committees/:id/meetings',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Record a meeting (standing agency); attendees must be members on the meeting date',
        params: idParams,
        body: meetingCreateIn,
        response: { 201: meetingOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMeeting(signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/meetings/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'One meeting: attendance, agenda, minutes, files, conclusions with their tasks’ live status',
        params: idParams,
        response: { 200: meetingOut, ...errorResponses },
      },
    },
    async (request) => getMeeting(signedIn(request), request.params.id),
  );

  app.patch(
    '/meetings/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Edit a meeting (send the version you read; a stale version gets 409)',
        params: idParams,
        body: meetingUpdateIn,
        response: { 200: meetingOut, ...errorResponses },
      },
    },
    async (request) => updateMeeting(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/meetings/:id/conclusions',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Add a conclusion (kết luận), numbered next',
        params: idParams,
        body: conclusionCreateIn,
        response: { 201: conclusionOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addConclusion(signedIn(request), request.params.id, request.body)),
  );

  app.patch(
    '/conclusions/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Edit a conclusion (version-checked)',
        params: idParams,
        body: conclusionUpdateIn,
        response: { 200: conclusionOut, ...errorResponses },
      },
    },
    async (request) => updateConclusion(signedIn(request), request.params.id, request.body),
  );

  app.delete(
    '/conclusions/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Delete a conclusion that no task follows up',
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteConclusion(signedIn(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/conclusions/:id/tasks',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          "Turn a conclusion into a tracked task (source 'conclusion'), by default in the committee's plan of the meeting's year",
        params: idParams,
        body: conclusionTaskIn,
        response: { 201: conclusionOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createTaskFromConclusion(signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/meetings/:id/notice/next-number',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          "The next free number of the committee's notice for a date (its layout; from 01 each calendar year, or each Party term)",
        params: idParams,
        querystring: noticeNumberQuery,
        response: { 200: noticeNumberOut, ...errorResponses },
      },
    },
    async (request) => nextNoticeNumber(signedIn(request), request.params.id, request.query.issuedOn),
  );

  app.post(
    '/meetings/:id/notice',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Issue the conclusion notice (thông báo kết luận): registers the document, links it, attaches the .docx',
        params: idParams,
        body: noticeIn,
        response: { 201: meetingOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await issueNotice(
            signedIn(request),
            app.fileStore,
            request.params.id,
            request.body,
            app.config.uploadMaxBytes,
          ),
        ),
  );

  app.post(
    '/meetings/:id/files',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Attach a file (multipart field "file"); its type is checked from its content',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: meetingOut, ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return attachMeetingFile(
        ctx,
        app.fileStore,
        request.params.id,
        await requiredUpload(request),
        app.config.uploadMaxBytes,
      );
    },
  );

  app.get(
    '/meetings/:id/files/:fileId',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: "Download a meeting's file with its original (Vietnamese) name",
        params: fileParams,
      },
    },
    async (request, reply) => {
      const file = await meetingFileForDownload(signedIn(request), request.params.id, request.params.fileId);
      return sendStoredFile(reply, app.fileStore, file);
    },
  );

  app.delete(
    '/meetings/:id/files/:fileId',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Detach a file (version-checked)',
        params: fileParams,
        querystring: versionQuery,
        response: { 200: meetingOut, ...errorResponses },
      },
    },
    async (request) =>
      detachMeetingFile(signedIn(request), request.params.id, request.params.fileId, request.query.version),
  );

  historyRoute(app, 'meeting', assertMeetingReadable, '/meetings/:id/history');
}
