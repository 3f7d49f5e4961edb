import { roles, SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { getUser } from '../users/users.service.js';
import { addGrant, listGrantsOf, revokeGrant } from './access.service.js';
import { getLineageRule, setLineageRule } from './lineage-follow.service.js';
import {
  grantIdParams,
  grantIn,
  grantListOut,
  grantOut,
  lineageRuleIn,
  lineageRuleOut,
  ROLES,
  rolesOut,
  userIdParams,
} from './access.schemas.js';

export async function accessRoutes(app: App) {
  app.get(
    '/roles',
    {
      config: { access: SESSION },
      schema: {
        tags: ['access'],
        summary: 'The roles that can be granted',
        response: { 200: rolesOut },
      },
    },
    async () => ({ items: [...ROLES] }),
  );

  app.get(
    '/users/:id/grants',
    {
      config: { access: SESSION },
      schema: {
        tags: ['access'],
        summary: "An account's role grants",
        params: userIdParams,
        response: { 200: grantListOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      await getUser(ctx, request.params.id); // 403/404 unless the caller may read the account
      return { items: await listGrantsOf(ctx, request.params.id) };
    },
  );

  app.post(
    '/users/:id/grants',
    {
      config: { access: SESSION },
      schema: {
        tags: ['access'],
        summary: 'Grant a role over a unit and its subtree',
        params: userIdParams,
        body: grantIn,
        response: { 201: grantOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      await getUser(ctx, request.params.id);
      return reply.status(201).send(await addGrant(ctx, { ...request.body, userId: request.params.id }));
    },
  );

  app.delete(
    '/grants/:grantId',
    {
      config: { access: SESSION },
      schema: {
        tags: ['access'],
        summary: 'Revoke a grant',
        params: grantIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeGrant(signedIn(request), request.params.grantId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/access/lineage-rule',
    {
      config: { access: SESSION },
      schema: {
        tags: ['access'],
        summary: "Access follows lineage: whether successors act on their predecessors' open work",
        response: { 200: lineageRuleOut, ...errorResponses },
      },
    },
    async (request) => getLineageRule(signedIn(request)),
  );

  app.put(
    '/access/lineage-rule',
    {
      config: { access: roles('admin') },
      schema: {
        tags: ['access'],
        summary: 'Change the lineage access rule (administrators; version-checked, journalled)',
        body: lineageRuleIn,
        response: { 200: lineageRuleOut, ...errorResponses },
      },
    },
    async (request) => setLineageRule(signedIn(request), request.body),
  );
}
