import { PUBLIC } from '../../core/access.js';
import { errorResponses, errorSchema, type App } from '../../core/http.js';
import { publicForm, submitPublicResponse } from './public.service.js';
import {
  publicFormOut,
  publicFormParams,
  publicInvitationParams,
  publicResponseIn,
  publicResponseOut,
} from './surveys.schemas.js';

const tags = ['surveys (public)'];
/** 410: the survey is not open (not yet, or no longer). */
const formErrors = { ...errorResponses, 410: errorSchema };

/**
 * Answers a minute per address: more than the hotline's 10 — the people at a one-stop counter answer on the
 * centre's Wi-Fi, one public address for the whole hall, and a busy hour gives several answers a minute; stuffing
 * is held by the captcha's work per QR answer, the one-time token per invitation and the officer's duplicate-pattern
 * flags. Reading the form is generous. The limiter keeps its counts in memory only: no address reaches a table.
 */
const publicWrite = { max: 30, timeWindow: 60_000 };
const publicRead = { max: 120, timeWindow: 60_000 };

/** The public form's API (`/api/public/surveys…`): no session, never personal data (./public.service.ts). */
export async function publicSurveyRoutes(app: App) {
  app.get(
    '/public/surveys/forms/:code',
    {
      config: { access: PUBLIC, rateLimit: publicRead },
      schema: {
        tags,
        summary:
          "The form of a unit's QR poster: the survey's wording, the unit, the published version and its hash",
        params: publicFormParams,
        response: { 200: publicFormOut, ...formErrors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return publicForm(request.ctx, { code: request.params.code });
    },
  );

  app.get(
    '/public/surveys/invitations/:token',
    {
      config: { access: PUBLIC, rateLimit: publicRead },
      schema: {
        tags,
        summary:
          'The form of a personal invitation link (one-time token; no captcha); 409 when the link was used already',
        params: publicInvitationParams,
        response: { 200: publicFormOut, ...formErrors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return publicForm(request.ctx, { token: request.params.token });
    },
  );

  app.post(
    '/public/surveys/responses',
    {
      config: { access: PUBLIC, rateLimit: publicWrite },
      schema: {
        tags,
        summary:
          'Answer a survey (QR code with a solved captcha, or an invitation token); the same client key returns 200 and stores nothing again',
        body: publicResponseIn,
        response: { 200: publicResponseOut, 201: publicResponseOut, ...formErrors },
      },
    },
    async (request, reply) => {
      const result = await submitPublicResponse(request.ctx, request.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
}
