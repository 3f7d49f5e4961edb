/**
 * Self-inspections (`/api/self-inspections…`): a unit's records and coverage of a year for its focal point and
 * leader (and the province's readers), the province view and its Excel file for the standing agency and the
 * committee. Thin: the service checks role × unit and computes; these validate and send.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { roles } from '../../core/access.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { contentDisposition } from '../files/content-type.js';
import {
  deleteSelfInspection,
  listSelfInspections,
  myUnits,
  provinceCoverage,
  recordSelfInspection,
  unitCoverage,
  updateSelfInspection,
} from './self-inspections.service.js';
import {
  SELF_INSPECTION_READERS,
  SELF_INSPECTION_ROLES,
  SELF_INSPECTION_UNIT_ROLES,
} from './self-inspections.policy.js';
import {
  coverageOut,
  myUnitsOut,
  provinceCoverageOut,
  provinceQuery,
  selfInspectionIn,
  selfInspectionListOut,
  selfInspectionOut,
  selfInspectionUpdateIn,
  unitYearQuery,
  versionQuery,
  yearQuery,
} from './self-inspections.schemas.js';
import { provinceWorkbook, XLSX_MEDIA_TYPE } from './self-inspections.workbook.js';

const tags = ['inspections'];

/** Sends the generated file as a download with its Vietnamese name (RFC 6266). */
function sendXlsx(reply: FastifyReply, file: { buffer: Buffer; fileName: string }) {
  return reply
    .header('content-type', XLSX_MEDIA_TYPE)
    .header('content-length', String(file.buffer.length))
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.buffer);
}
const everyone = roles(...SELF_INSPECTION_ROLES);
const unitPeople = roles(...SELF_INSPECTION_UNIT_ROLES);
const readers = roles(...SELF_INSPECTION_READERS);

export async function selfInspectionsRoutes(app: App) {
  app.get(
    '/self-inspections/units',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          'The departments and local governments whose self-inspections the caller records in a year (their focal-point or leader grants), and whether they read the province view',
        querystring: yearQuery,
        response: { 200: myUnitsOut, ...errorResponses },
      },
    },
    async (request) => myUnits(signedIn(request), request.query.year),
  );

  app.get(
    '/self-inspections',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "A unit's self-inspections of its divisions and sub-units in a year, latest first",
        querystring: unitYearQuery,
        response: { 200: selfInspectionListOut, ...errorResponses },
      },
    },
    async (request) => listSelfInspections(signedIn(request), request.query.unitId, request.query.year),
  );

  app.get(
    '/self-inspections/coverage',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "A unit's self-inspection coverage of a year: its sub-units in force (as the registry holds them that year), those inspected, the share against the threshold",
        querystring: unitYearQuery,
        response: { 200: coverageOut, ...errorResponses },
      },
    },
    async (request) => unitCoverage(signedIn(request), request.query.unitId, request.query.year),
  );

  app.get(
    '/self-inspections/province',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'Every department and local government of the province with its self-inspection coverage of a year, in Vietnamese order; by kind, or only those that have not reached the threshold',
        querystring: provinceQuery,
        response: { 200: provinceCoverageOut, ...errorResponses },
      },
    },
    async (request) => provinceCoverage(signedIn(request), request.query),
  );

  app.get(
    '/self-inspections/province.xlsx',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The province view as Excel (the same filters), with how coverage is counted',
        querystring: provinceQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const view = await provinceCoverage(signedIn(request), request.query);
      const file = await provinceWorkbook(view, {
        kind: request.query.kind,
        notReached: request.query.notReached === 'true',
      });
      return sendXlsx(reply, file);
    },
  );

  app.post(
    '/self-inspections',
    {
      config: { access: unitPeople },
      schema: {
        tags,
        summary:
          'Record an inspection by a department or commune of one of its divisions or sub-units (in force on the date, within the year, not in the future)',
        body: selfInspectionIn,
        response: { 201: selfInspectionOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordSelfInspection(signedIn(request), request.body)),
  );

  app.put(
    '/self-inspections/:id',
    {
      config: { access: unitPeople },
      schema: {
        tags,
        summary: 'Change a self-inspection (version-checked; its date stays within its year)',
        params: idParams,
        body: selfInspectionUpdateIn,
        response: { 200: selfInspectionOut, ...errorResponses },
      },
    },
    async (request) => updateSelfInspection(signedIn(request), request.params.id, request.body),
  );

  app.delete(
    '/self-inspections/:id',
    {
      config: { access: unitPeople },
      schema: {
        tags,
        summary: 'Delete a self-inspection recorded by mistake (version-checked; the journal keeps it)',
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteSelfInspection(signedIn(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
}
