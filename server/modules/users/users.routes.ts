import { SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { historyRoute } from '../audit/audit.routes.js';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.service.js';
import {
  passwordResetIn,
  userCreateIn,
  userListOut,
  userListQuery,
  userOut,
  userUpdateIn,
} from './users.schemas.js';

export async function usersRoutes(app: App) {
  app.get(
    '/',
    {
      config: { access: SESSION },
      schema: {
        tags: ['users'],
        summary: 'Accounts I administer',
        querystring: userListQuery,
        response: { 200: userListOut, ...errorResponses },
      },
    },
    async (request) => listUsers(signedIn(request), request.query),
  );

  app.post(
    '/',
    {
      config: { access: SESSION },
      schema: {
        tags: ['users'],
        summary: 'Create an account',
        body: userCreateIn,
        response: { 201: userOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(signedIn(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { access: SESSION },
      schema: {
        tags: ['users'],
        summary: 'One account',
        params: idParams,
        response: { 200: userOut, ...errorResponses },
      },
    },
    async (request) => getUser(signedIn(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { access: SESSION },
      schema: {
        tags: ['users'],
        summary: 'Edit an account (send the version you read; a stale version gets 409)',
        params: idParams,
        body: userUpdateIn,
        response: { 200: userOut, ...errorResponses },
      },
    },
    async (request) => updateUser(signedIn(request), request.params.id, request.body),
  );

  app.post(
    '/:id/password',
    {
      config: { access: SESSION },
      schema: {
        tags: ['users'],
        summary: 'Administrator: set a new password and unlock the account',
        params: idParams,
        body: passwordResetIn,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await resetPassword(signedIn(request), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );

  historyRoute(app, 'user', async (ctx, id) => {
    await getUser(ctx, id);
  });
}
