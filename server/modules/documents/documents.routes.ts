import { SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { requiredUpload } from '../../core/upload.js';
import { historyRoute } from '../audit/audit.routes.js';
import { sendStoredFile } from '../files/files.routes.js';
import {
  attachFile,
  createDocument,
  deleteDocument,
  detachFile,
  fileForDownload,
  getDocument,
  listDocuments,
  updateDocument,
} from './documents.service.js';
import {
  DOCUMENT_TYPES,
  documentCreateIn,
  documentFileParams,
  documentListOut,
  documentListQuery,
  documentOut,
  documentTypesOut,
  documentUpdateIn,
  versionQuery,
} from './documents.schemas.js';

export async function documentsRoutes(app: App) {
  app.get(
    '/documents/types',
    {
      config: { access: SESSION },
      schema: {
        tags: ['documents'],
        summary: 'Document types',
        response: { 200: documentTypesOut },
      },
    },
    async () => ({ items: [...DOCUMENT_TYPES] }),
  );

  app.get(
    '/documents',
    {
      config: { access: SESSION },
      schema: {
        tags: ['documents'],
        summary: 'The register of legal documents (only what I may read)',
        querystring: documentListQuery,
        response: { 200: documentListOut, ...errorResponses },
      },
    },
    async (request) => listDocuments(signedIn(request), request.query),
  );

  app.post(
    '/documents',
    {
      config: { access: SESSION },
      schema: {
        tags: ['documents'],
        summary: 'Register a document',
        body: documentCreateIn,
        response: { 201: documentOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createDocument(signedIn(request), request.body)),
  );

  app.get(
    '/documents/:id',
    {
      config: { access: SESSION },
      schema: {
        tags: ['documents'],
        summary: 'One document with its files and my abilities',
        params: idParams,
        response: { 200: documentOut, ...errorResponses },
      },
    },
    async (request) => getDocument(signedIn(request), request.params.id),
  );

  app.patch(
    '/documents/:id',
    {
      config: { access: SESSION },
      schema: {
        tags: ['documents'],
        summary: 'Edit a document (send the version you read; a stale version gets 409)',
        params: idParams,
        body: documentUpdateIn,
        response: { 200: documentOut, ...errorResponses },
      },
    },
    async (request) => updateDocument(signedIn(request), request.params.id, request.body),
  );

  app.delete(
    '/documents/:id',
    {
      config: { access: SESSION },
      schema: {
        tags: ['documents'],
        summary: 'Delete a document that no record cites',
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteDocument(signedIn(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/documents/:id/files',
    {
      config: { access: SESSION },
      schema: {
        tags: ['documents'],
        summary: 'Attach a file (multipart field "file"); its type is checked from its content',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: documentOut, ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return attachFile(
        ctx,
        app.fileStore,
        request.params.id,
        await requiredUpload(request),
        app.config.uploadMaxBytes,
      );
    },
  );

  app.delete(
    '/documents/:id/files/:fileId',
    {
      config: { access: SESSION },
      schema: {
        tags: ['documents'],
        summary: 'Detach a file',
        params: documentFileParams,
        querystring: versionQuery,
        response: { 200: documentOut, ...errorResponses },
      },
    },
    async (request) =>
      detachFile(signedIn(request), request.params.id, request.params.fileId, request.query.version),
  );

  app.get(
    '/files/:id/download',
    {
      config: { access: SESSION },
      schema: {
        tags: ['documents'],
        summary: 'Download a file with its original (Vietnamese) name',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await fileForDownload(signedIn(request), request.params.id);
      return sendStoredFile(reply, app.fileStore, file);
    },
  );

  historyRoute(
    app,
    'document',
    async (ctx, id) => {
      await getDocument(ctx, id);
    },
    '/documents/:id/history',
  );
}
