import { SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { requiredUpload, uploadedFileOut } from '../../core/upload.js';
import { ALLOWED_TYPES } from '../files/content-type.js';
import { sendStoredFile } from '../files/files.routes.js';
import {
  actionIn,
  actionOut,
  kindParams,
  queueOut,
  queueQuery,
  uploadOut,
  uploadRulesOut,
  workEventListOut,
  workItemOut,
} from './work.schemas.js';
import {
  act,
  attachmentFile,
  getWorkItem,
  uploadAttachment,
  workHistory,
  workQueue,
} from './work.service.js';

const tags = ['work'];
const uploadErrors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] };

/** The work engine's API: queues across kinds, and the same actions, evidence and history for every kind. */
export async function workRoutes(app: App) {
  app.get(
    '/work/queue',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Owed work across kinds: what my units owe (owed), what awaits my review (review), what the units I follow owe (followed)',
        querystring: queueQuery,
        response: { 200: queueOut, ...errorResponses },
      },
    },
    async (request) => workQueue(signedIn(request), request.query.view, request.query.limit),
  );

  app.get(
    '/work/upload-rules',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'What an evidence file may be: the accepted types (by content) and the largest size',
        response: { 200: uploadRulesOut, ...errorResponses },
      },
    },
    async () => ({
      maxBytes: app.config.uploadMaxBytes,
      extensions: [...new Set([...Object.values(ALLOWED_TYPES), 'csv'])],
    }),
  );

  app.get(
    '/work/:kind/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'One item of owed work with the actions I may take and the latest report',
        params: kindParams,
        response: { 200: workItemOut, ...errorResponses },
      },
    },
    async (request) => getWorkItem(signedIn(request), request.params.kind, request.params.id),
  );

  app.post(
    '/work/:kind/:id/actions',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: "Act on an item under its kind's rules (version-checked); says who acts next",
        params: kindParams,
        body: actionIn,
        response: { 200: actionOut, ...errorResponses },
      },
    },
    async (request) => {
      const { item, next } = await act(
        signedIn(request),
        request.params.kind,
        request.params.id,
        request.body,
      );
      return { item, next };
    },
  );

  app.post(
    '/work/:kind/:id/files',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Upload an evidence file for this item (multipart field "file"); cite its id in an action on the same item',
        consumes: ['multipart/form-data'],
        params: kindParams,
        response: { 201: uploadOut, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const file = await uploadAttachment(
        signedIn(request),
        app.fileStore,
        request.params.kind,
        request.params.id,
        await requiredUpload(request),
        app.config.uploadMaxBytes,
        app.config.uploadKeepHours,
      );
      return reply.status(201).send(uploadedFileOut(file));
    },
  );

  app.get(
    '/work/:kind/:id/events',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: "An item's history: each step with who acted, the note and the evidence it cites",
        params: kindParams,
        response: { 200: workEventListOut, ...errorResponses },
      },
    },
    async (request) => ({
      items: await workHistory(signedIn(request), request.params.kind, request.params.id),
    }),
  );

  app.get(
    '/work/:kind/:id/files/:fileId',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Download an evidence file of an item (for whoever may read the item)',
        params: kindParams.extend({ fileId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await attachmentFile(
        signedIn(request),
        request.params.kind,
        request.params.id,
        request.params.fileId,
      );
      return sendStoredFile(reply, app.fileStore, file);
    },
  );
}
