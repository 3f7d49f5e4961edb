import { SESSION } from '../../core/access.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { historyRoute } from '../audit/audit.routes.js';
import {
  addAssignment,
  addMembership,
  assertCommitteeExists,
  composition,
  coverage,
  createBody,
  createCommittee,
  endAssignment,
  endMembership,
  getCommittee,
  linkMembership,
  listCommittees,
  myMonitoring,
  updateBody,
  updateCommittee,
} from './committees.service.js';
import {
  asOfQuery,
  assignmentCreateIn,
  assignmentOut,
  bodyCreateIn,
  bodyOut,
  bodyParams,
  bodyUpdateIn,
  committeeCreateIn,
  committeeListOut,
  committeeListQuery,
  committeeOut,
  committeeUpdateIn,
  compositionOut,
  coverageOut,
  coverageQuery,
  endIn,
  membershipCreateIn,
  membershipLinkIn,
  membershipOut,
  myMonitoringOut,
} from './committees.schemas.js';

const tags = ['committees'];

export async function committeesRoutes(app: App) {
  app.get(
    '/committees',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Steering committees (Ban Chỉ đạo) of the province and lower levels',
        querystring: committeeListQuery,
        response: { 200: committeeListOut, ...errorResponses },
      },
    },
    async (request) => listCommittees(signedIn(request), request.query),
  );

  app.get(
    '/committees/coverage',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'A province’s units in force on a date, by kind (departments, management boards, Party bodies, mass organisations, districts, communes): which founded their own committee, which a provincial member follows',
        querystring: coverageQuery,
        response: { 200: coverageOut, ...errorResponses },
      },
    },
    async (request) => coverage(signedIn(request), request.query),
  );

  app.post(
    '/committees',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Record a committee (admin, standing agency over the host unit)',
        body: committeeCreateIn,
        response: { 201: committeeOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createCommittee(signedIn(request), request.body)),
  );

  app.get(
    '/committees/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'One committee with my abilities',
        params: idParams,
        response: { 200: committeeOut, ...errorResponses },
      },
    },
    async (request) => getCommittee(signedIn(request), request.params.id),
  );

  app.patch(
    '/committees/:id',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Edit a committee (send the version you read; a stale version gets 409)',
        params: idParams,
        body: committeeUpdateIn,
        response: { 200: committeeOut, ...errorResponses },
      },
    },
    async (request) => updateCommittee(signedIn(request), request.params.id, request.body),
  );

  app.get(
    '/committees/:id/composition',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Members in office on a date (default today), by position then name, with the units they follow',
        params: idParams,
        querystring: asOfQuery,
        response: { 200: compositionOut, ...errorResponses },
      },
    },
    async (request) => composition(signedIn(request), request.params.id, request.query.asOf),
  );

  app.post(
    '/committees/:id/memberships',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Add a member (an account or a named person) by a decision',
        params: idParams,
        body: membershipCreateIn,
        response: { 201: membershipOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMembership(signedIn(request), request.params.id, request.body)),
  );

  app.post(
    '/committees/:id/bodies',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Record the committee’s working group (Tổ giúp việc) founded by its own decision',
        params: idParams,
        body: bodyCreateIn,
        response: { 201: bodyOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createBody(signedIn(request), request.params.id, request.body)),
  );

  app.patch(
    '/committees/:id/bodies/:bodyId',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Edit a working group: its head, decision, dates (send the version you read; stale → 409)',
        params: bodyParams,
        body: bodyUpdateIn,
        response: { 200: bodyOut, ...errorResponses },
      },
    },
    async (request) => updateBody(signedIn(request), request.params.id, request.params.bodyId, request.body),
  );

  app.post(
    '/committee-memberships/:id/link',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Link a membership recorded by name to the person’s account (admin, standing agency); their landing page then shows the units they follow',
        params: idParams,
        body: membershipLinkIn,
        response: { 200: membershipOut, ...errorResponses },
      },
    },
    async (request) => linkMembership(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/committee-memberships/:id/end',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'End a membership on its last day, by a decision (kiện toàn)',
        params: idParams,
        body: endIn,
        response: { 200: membershipOut, ...errorResponses },
      },
    },
    async (request) => endMembership(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/committee-memberships/:id/assignments',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Assign a member to follow a unit for a period (phân công theo dõi)',
        params: idParams,
        body: assignmentCreateIn,
        response: { 201: assignmentOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addAssignment(signedIn(request), request.params.id, request.body)),
  );

  app.post(
    '/monitoring-assignments/:id/end',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'End a monitoring assignment on its last day',
        params: idParams,
        body: endIn,
        response: { 200: assignmentOut, ...errorResponses },
      },
    },
    async (request) => endAssignment(signedIn(request), request.params.id, request.body),
  );

  app.get(
    '/me/monitoring',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'The units I follow on a date (default today) as a committee member',
        querystring: asOfQuery,
        response: { 200: myMonitoringOut, ...errorResponses },
      },
    },
    async (request) => myMonitoring(signedIn(request), request.query.asOf),
  );

  historyRoute(app, 'committee', assertCommitteeExists, '/committees/:id/history');
}
