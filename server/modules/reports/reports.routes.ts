import { z } from 'zod';
import { roles } from '../../core/access.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { actionIn, actionOut } from '../work/work.schemas.js';
import { act } from '../work/work.service.js';
import { contentDisposition } from '../files/content-type.js';
import {
  consolidationDocx,
  consolidationXlsx,
  issueConsolidation,
} from './consolidation-documents.service.js';
import { createAssignment, listAssignments, updateAssignment } from './assignments.service.js';
import {
  consolidateRound,
  getConsolidation,
  saveConsolidation,
  traceField,
} from './consolidation.service.js';
import {
  createDraftVersion,
  createForm,
  discardDraft,
  getFormVersion,
  listForms,
  publishVersion,
  updateDraft,
} from './forms.service.js';
import { memberRoundOf, openMemberRound } from './member-reports.service.js';
import { prefillSources } from './prefill.service.js';
import { getReport, listUnitReports, refreshPrefill, saveReport } from './report-entry.service.js';
import { REPORT_MANAGERS, REPORT_READERS, REPORT_ROLES, REPORT_UNIT_ROLES } from './reports.policy.js';
import {
  assignmentCreateIn,
  assignmentListOut,
  assignmentOut,
  assignmentQuery,
  assignmentUpdateIn,
  consolidationOut,
  consolidationSaveIn,
  documentQuery,
  issueIn,
  prefillSourcesOut,
  memberRoundIn,
  memberRoundOut,
  myReportsOut,
  draftUpdateIn,
  formCreateIn,
  formKeyParams,
  formListOut,
  formVersionOut,
  remindIn,
  remindOut,
  reportOut,
  reportSaveIn,
  roundCreateIn,
  roundDetailOut,
  roundListOut,
  roundPreviewOut,
  roundPreviewQuery,
  roundQuery,
  traceOut,
  traceQuery,
  versionIn,
} from './reports.schemas.js';
import { listRounds, openRound, previewRound, remindRound, roundDetail } from './rounds.service.js';

const tags = ['reports'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const everyone = roles(...REPORT_ROLES);
const managers = roles(...REPORT_MANAGERS);
const readers = roles(...REPORT_READERS);

export async function reportsRoutes(app: App) {
  // Forms ---------------------------------------------------------------------------------------------
  app.get(
    '/report-forms',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Report forms with their versions',
        response: { 200: formListOut, ...errorResponses },
      },
    },
    async (request) => listForms(signedIn(request)),
  );

  app.post(
    '/report-forms',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'A new report form (its version 1 as a draft), from a definition',
        body: formCreateIn,
        response: { 201: formVersionOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createForm(signedIn(request), request.body)),
  );

  app.get(
    '/report-forms/prefill-sources',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'The system figures a field may be prefilled from, in words',
        response: { 200: prefillSourcesOut, ...errorResponses },
      },
    },
    async () => ({ items: prefillSources() }),
  );

  app.post(
    '/report-forms/:key/drafts',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'A new draft version of a form, copied from its latest (409 while a draft exists)',
        params: formKeyParams,
        response: { 201: formVersionOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createDraftVersion(signedIn(request), request.params.key)),
  );

  app.get(
    '/report-form-versions/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'One form version with its definition (and, for a draft, its problems)',
        params: idParams,
        response: { 200: formVersionOut, ...errorResponses },
      },
    },
    async (request) => getFormVersion(signedIn(request), request.params.id),
  );

  app.put(
    '/report-form-versions/:id',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: "Save a draft version's definition (version-checked; structural errors are refused)",
        params: idParams,
        body: draftUpdateIn,
        response: { 200: formVersionOut, ...errorResponses },
      },
    },
    async (request) => updateDraft(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/report-form-versions/:id/publish',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Publish a draft without problems; it never changes after',
        params: idParams,
        body: versionIn,
        response: { 200: formVersionOut, ...errorResponses },
      },
    },
    async (request) => publishVersion(signedIn(request), request.params.id, request.body),
  );

  app.delete(
    '/report-form-versions/:id',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Discard a draft version (a published one is never removed)',
        params: idParams,
        querystring: versionIn.extend({ version: z.coerce.number().int().positive() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await discardDraft(signedIn(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  // Assignments ---------------------------------------------------------------------------------------
  app.get(
    '/report-assignments',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Who submits which form for which period type, with the dates they hold',
        querystring: assignmentQuery,
        response: { 200: assignmentListOut, ...errorResponses },
      },
    },
    async (request) => ({ items: await listAssignments(signedIn(request), request.query) }),
  );

  app.post(
    '/report-assignments',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Assign a form to a unit, or to every unit of some kinds under a root, from a date',
        body: assignmentCreateIn,
        response: { 201: assignmentOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createAssignment(signedIn(request), request.body)),
  );

  app.patch(
    '/report-assignments/:id',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'End an assignment or change who may submit (version-checked)',
        params: idParams,
        body: assignmentUpdateIn,
        response: { 200: assignmentOut, ...errorResponses },
      },
    },
    async (request) => updateAssignment(signedIn(request), request.params.id, request.body),
  );

  // Rounds --------------------------------------------------------------------------------------------
  app.get(
    '/report-rounds',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The reporting rounds of an owner unit, latest first, with their rates',
        querystring: roundQuery,
        response: { 200: roundListOut, ...errorResponses },
      },
    },
    async (request) => listRounds(signedIn(request), request.query),
  );

  app.get(
    '/report-rounds/preview',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'What opening a round would pin: window, deadline, rules, expected units',
        querystring: roundPreviewQuery,
        response: { 200: roundPreviewOut, ...errorResponses },
      },
    },
    async (request) => previewRound(signedIn(request), request.query),
  );

  app.post(
    '/report-rounds',
    {
      config: { access: managers },
      schema: {
        tags,
        summary:
          'Open a round: pins the form version, window and deadline; one prefilled report per expected unit',
        body: roundCreateIn,
        response: { 201: roundDetailOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await openRound(signedIn(request), request.body)),
  );

  app.get(
    '/report-rounds/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A round: expected, submitted, on time and accepted, by unit and kind of unit',
        params: idParams,
        response: { 200: roundDetailOut, ...errorResponses },
      },
    },
    async (request) => roundDetail(signedIn(request), request.params.id),
  );

  app.post(
    '/report-rounds/:id/remind',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Remind the units that have not submitted (all, or those named), once a day each',
        params: idParams,
        body: remindIn,
        response: { 200: remindOut, ...errorResponses },
      },
    },
    async (request) => remindRound(signedIn(request), request.params.id, request.body),
  );

  // Consolidation -------------------------------------------------------------------------------------
  app.post(
    '/report-rounds/:id/consolidation',
    {
      config: { access: managers },
      schema: {
        tags,
        summary:
          "Consolidate the round's submitted reports into the province's draft (again: hand edits kept)",
        params: idParams,
        response: { 200: consolidationOut, ...errorResponses },
      },
    },
    async (request) => consolidateRound(signedIn(request), request.params.id),
  );

  app.get(
    '/report-rounds/:id/consolidation',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "The province's consolidated draft of a round",
        params: idParams,
        response: { 200: consolidationOut, ...errorResponses },
      },
    },
    async (request) => getConsolidation(signedIn(request), request.params.id),
  );

  app.put(
    '/report-rounds/:id/consolidation',
    {
      config: { access: managers },
      schema: {
        tags,
        summary: 'Save the edited draft (version-checked; a consolidated figure changed needs a note)',
        params: idParams,
        body: consolidationSaveIn,
        response: { 200: consolidationOut, ...errorResponses },
      },
    },
    async (request) => saveConsolidation(signedIn(request), request.params.id, request.body),
  );

  app.get(
    '/report-rounds/:id/consolidation/trace',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The unit reports behind one consolidated figure',
        params: idParams,
        querystring: traceQuery,
        response: { 200: traceOut, ...errorResponses },
      },
    },
    async (request) => traceField(signedIn(request), request.params.id, request.query),
  );

  app.post(
    '/report-rounds/:id/consolidation/issue',
    {
      config: { access: managers },
      schema: {
        tags,
        summary:
          'Issue the consolidated report: registered as a report with its number and date, .docx and .xlsx attached; then locked',
        params: idParams,
        body: issueIn,
        response: { 200: consolidationOut, ...errorResponses },
      },
    },
    async (request) =>
      issueConsolidation(
        signedIn(request),
        app.fileStore,
        request.params.id,
        request.body,
        app.config.uploadMaxBytes,
      ),
  );

  app.get(
    '/report-rounds/:id/consolidation.docx',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "The province's consolidated report as .docx (Decree 30/2020/NĐ-CP, or the Party layout)",
        params: idParams,
        querystring: documentQuery,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { buffer, filename } = await consolidationDocx(
        signedIn(request),
        request.params.id,
        request.query.issuer,
      );
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', contentDisposition(filename))
        .send(buffer);
    },
  );

  app.get(
    '/report-rounds/:id/consolidation.xlsx',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The data annexes of the consolidated report as .xlsx (figures, units, who submitted when)',
        params: idParams,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { buffer, filename } = await consolidationXlsx(signedIn(request), request.params.id);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(filename))
        .send(buffer);
    },
  );

  // Members' reports to a session ------------------------------------------------------------------------
  app.get(
    '/meetings/:id/member-reports',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "The members' reports to a session, if asked for (and whether they may be)",
        params: idParams,
        response: { 200: memberRoundOut, ...errorResponses },
      },
    },
    async (request) => memberRoundOf(signedIn(request), request.params.id),
  );

  app.post(
    '/meetings/:id/member-reports',
    {
      config: { access: managers },
      schema: {
        tags,
        summary:
          'Ask each member following units for their report to the session (prefilled with those units)',
        params: idParams,
        body: memberRoundIn,
        response: { 201: roundDetailOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openMemberRound(signedIn(request), request.params.id, request.body)),
  );

  // Reports -------------------------------------------------------------------------------------------
  app.get(
    '/reports/mine',
    {
      config: { access: roles(...REPORT_UNIT_ROLES) },
      schema: {
        tags,
        summary: 'The reports of the units I work for, latest period first',
        response: { 200: myReportsOut, ...errorResponses },
      },
    },
    async (request) => ({ items: await listUnitReports(signedIn(request)) }),
  );

  app.get(
    '/reports/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'One unit report: form, values, problems, prefill with sources, comments, actions',
        params: idParams,
        response: { 200: reportOut, ...errorResponses },
      },
    },
    async (request) => getReport(signedIn(request), request.params.id),
  );

  app.put(
    '/reports/:id',
    {
      // The unit's people, or the member who owes a member's report (the service checks which).
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "Save a draft or returned report's values (version-checked; a changed prefilled figure needs a note)",
        params: idParams,
        body: reportSaveIn,
        response: { 200: reportOut, ...errorResponses },
      },
    },
    async (request) => saveReport(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/reports/:id/refresh-prefill',
    {
      // The unit's people, or the member who owes a member's report (the service checks which).
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Read the prefilled figures again from the system (figures changed with a note are kept)',
        params: idParams,
        body: versionIn,
        response: { 200: reportOut, ...errorResponses },
      },
    },
    async (request) => refreshPrefill(signedIn(request), request.params.id, request.body.version),
  );

  app.post(
    '/reports/:id/actions',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Submit, return (with comments), accept or extend a report — the work engine decides',
        params: idParams,
        body: actionIn,
        response: { 200: reportOut.extend({ next: actionOut.shape.next }), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { next } = await act(ctx, 'periodic_report', request.params.id, request.body);
      return { ...(await getReport(ctx, request.params.id)), next };
    },
  );
}
