import { SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { requiredUpload, uploadedFileOut } from '../../core/upload.js';
import { sendStoredFile } from '../files/files.routes.js';
import {
  actOnItem,
  actOnReport,
  addItem,
  addPilotUnit,
  createProgramme,
  getPilotUnit,
  getProgramme,
  itemEvidenceFile,
  itemHistory,
  listProgrammes,
  pilotKpis,
  programmeMembers,
  saveReport,
  updateItem,
  updatePilotUnit,
  updateProgramme,
  uploadItemEvidence,
} from './pilots.service.js';
import {
  asOfQuery,
  evidenceUploadOut,
  itemActionIn,
  itemCreateIn,
  itemEventsOut,
  itemOut,
  itemUpdateIn,
  membersOut,
  pilotKpisOut,
  pilotUnitCardOut,
  pilotUnitCreateIn,
  pilotUnitDetailOut,
  pilotUnitUpdateIn,
  programmeCreateIn,
  programmeListOut,
  programmeListQuery,
  programmeOut,
  programmeUpdateIn,
  reportActionIn,
  reportKindParams,
  reportOut,
  reportSaveIn,
} from './pilots.schemas.js';

const tags = ['pilots'];
const uploadErrors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] };

export async function pilotsRoutes(app: App) {
  app.get(
    '/pilot-programmes',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Pilot direction (chỉ đạo điểm) of a year — default the latest — with the pilot units I may read',
        querystring: programmeListQuery.extend(asOfQuery.shape),
        response: { 200: programmeListOut, ...errorResponses },
      },
    },
    async (request) => {
      const { asOf, ...query } = request.query;
      return listProgrammes(signedIn(request), query, asOf);
    },
  );

  app.post(
    '/pilot-programmes',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: "Start a year's pilot programme of a committee (standing agency)",
        body: programmeCreateIn,
        response: { 201: programmeOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createProgramme(signedIn(request), request.body)),
  );

  app.get(
    '/pilot-programmes/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'One pilot programme with its pilot units (unit as it was, ended units with successors)',
        params: idParams,
        querystring: asOfQuery,
        response: { 200: programmeOut, ...errorResponses },
      },
    },
    async (request) => getProgramme(signedIn(request), request.params.id, request.query.asOf),
  );

  app.patch(
    '/pilot-programmes/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: "Change a programme's decision or note (version-checked)",
        params: idParams,
        body: programmeUpdateIn,
        response: { 200: programmeOut, ...errorResponses },
      },
    },
    async (request) => updateProgramme(signedIn(request), request.params.id, request.body),
  );

  app.get(
    '/pilot-programmes/:id/members',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: "The committee's members in the programme's year (to name the responsible member)",
        params: idParams,
        response: { 200: membersOut, ...errorResponses },
      },
    },
    async (request) => programmeMembers(signedIn(request), request.params.id),
  );

  app.get(
    '/pilot-programmes/:id/kpis',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Per pilot unit: items total, verified, overdue — every number lists the items it counts',
        params: idParams,
        querystring: asOfQuery,
        response: { 200: pilotKpisOut, ...errorResponses },
      },
    },
    async (request) => pilotKpis(signedIn(request), request.params.id, request.query.asOf),
  );

  app.post(
    '/pilot-programmes/:id/units',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Add a pilot unit: a unit in force that year, with the member responsible for it',
        params: idParams,
        body: pilotUnitCreateIn,
        response: { 201: pilotUnitCardOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addPilotUnit(signedIn(request), request.params.id, request.body)),
  );

  app.get(
    '/pilot-units/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'A pilot unit: the unit as it was, its items with derived timing, its two reports, KPIs',
        params: idParams,
        querystring: asOfQuery,
        response: { 200: pilotUnitDetailOut, ...errorResponses },
      },
    },
    async (request) => getPilotUnit(signedIn(request), request.params.id, request.query.asOf),
  );

  app.patch(
    '/pilot-units/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: "Change a pilot unit's responsible member or note (version-checked)",
        params: idParams,
        body: pilotUnitUpdateIn,
        response: { 200: pilotUnitCardOut, ...errorResponses },
      },
    },
    async (request) => updatePilotUnit(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/pilot-units/:id/items',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Add a content item the pilot unit must achieve (due within the year)',
        params: idParams,
        body: itemCreateIn,
        response: { 201: itemOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addItem(signedIn(request), request.params.id, request.body)),
  );

  app.put(
    '/pilot-units/:id/reports/:kind',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Write the 6-monthly (half_year) or year-end report of a pilot unit; with submit, send it to the standing agency',
        params: reportKindParams,
        body: reportSaveIn,
        response: { 200: reportOut, ...errorResponses },
      },
    },
    async (request) => saveReport(signedIn(request), request.params.id, request.params.kind, request.body),
  );

  app.post(
    '/pilot-reports/:id/actions',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Submit a report, or accept it or return it with a reason (standing agency)',
        params: idParams,
        body: reportActionIn,
        response: { 200: reportOut, ...errorResponses },
      },
    },
    async (request) => actOnReport(signedIn(request), request.params.id, request.body),
  );

  app.patch(
    '/pilot-items/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: "Change an item's title, description or reform area (version-checked)",
        params: idParams,
        body: itemUpdateIn,
        response: { 200: itemOut, ...errorResponses },
      },
    },
    async (request) => updateItem(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/pilot-items/:id/actions',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Move an item through the task workflow: start, report_done, withdraw_report, verify, return, reopen, cancel, extend',
        params: idParams,
        body: itemActionIn,
        response: { 200: itemOut, ...errorResponses },
      },
    },
    async (request) => actOnItem(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/pilot-items/:id/files',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Upload an evidence file for an item (multipart field "file"); cite its id in an action',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: evidenceUploadOut, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const file = await uploadItemEvidence(
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
    '/pilot-items/:id/events',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: "An item's status changes with who acted and the evidence",
        params: idParams,
        response: { 200: itemEventsOut, ...errorResponses },
      },
    },
    async (request) => ({ items: await itemHistory(signedIn(request), request.params.id) }),
  );

  app.get(
    '/pilot-items/:id/files/:fileId',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Download an evidence file of an item, with its original (Vietnamese) name',
        params: z.object({ id: z.uuid(), fileId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await itemEvidenceFile(signedIn(request), request.params.id, request.params.fileId);
      return sendStoredFile(reply, app.fileStore, file);
    },
  );
}
