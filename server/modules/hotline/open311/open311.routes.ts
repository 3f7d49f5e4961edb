/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the hotline, mounted at `/open311/v2`
 * (README.md beside this file). Each endpoint in JSON and XML (`.json` / `.xml`); errors are the spec's
 * `[{ code, description }]` (or `<errors>`) with the HTTP status, from this plugin's own error handler; a form
 * body (`application/x-www-form-urlencoded`) is parsed here only. Reading is public and rate-limited; posting
 * needs an API key the province issued (the public form's captcha is not there to stop a program).
 */
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { PUBLIC } from '../../../core/access.js';
import { AppError } from '../../../core/errors.js';
import type { App } from '../../../core/http.js';
import { isMessageKey, pickLocale, translate } from '../../../core/messages.js';
import {
  open311ErrorResponses,
  postRequestBody,
  postRequestOut,
  requestOut,
  requestParams,
  requestQuery,
  requestsQuery,
  serviceDefinitionOut,
  serviceOut,
  serviceParams,
  servicesQuery,
  xmlResponses,
  type Open311ErrorsOut,
} from './open311.schemas.js';
import {
  configuredApiKeys,
  getRequest,
  listRequests,
  listServices,
  matchApiKey,
  Open311Error,
  serviceDefinition,
  submitRequest,
  type Locale,
  type Open311ApiKey,
} from './open311.service.js';
import { toXml, XML_CONTENT_TYPE, type XmlValue } from './open311.xml.js';

const tags = ['open311'];
/** Reading: as the public pages. Posting: a client sends one citizen's feedback at a time. */
const read = { max: 120, timeWindow: 60_000 };
const write = { max: 60, timeWindow: 60_000 };

type Format = 'json' | 'xml';
const FORMATS: readonly Format[] = ['json', 'xml'];

const formatOf = (request: FastifyRequest): Format =>
  (request.url.split('?')[0] ?? '').toLowerCase().endsWith('.xml') ? 'xml' : 'json';

/** `?locale=` when given, else the caller's language (Accept-Language; Vietnamese by default). */
function localeOf(request: FastifyRequest): Locale {
  const asked = (request.query as { locale?: unknown } | undefined)?.locale;
  if (asked === 'vi' || asked === 'en') return asked;
  return request.ctx?.locale ?? pickLocale(request.headers['accept-language']);
}

/** The request's error as the spec's list: its status and one `{ code, description }` per problem. */
function open311Errors(
  error: unknown,
  request: FastifyRequest,
): { status: number; errors: Open311ErrorsOut } {
  const locale = localeOf(request);
  const one = (status: number, description: string) => ({ status, errors: [{ code: status, description }] });
  if (error instanceof Open311Error) return one(error.status, error.describe(locale));
  if (error instanceof AppError) {
    const params = { requestId: request.id, ...error.params };
    if (error.details?.length)
      return {
        status: error.status,
        errors: error.details.map((d) => {
          const field = d.field === 'categoryId' ? 'service_code' : d.field;
          const text = isMessageKey(d.message)
            ? translate(locale, d.message, { ...params, ...d.params, field })
            : d.message;
          return { code: error.status, description: `${field}: ${text}` };
        }),
      };
    return one(error.status, translate(locale, error.messageKey, params));
  }
  if (hasZodFastifySchemaValidationErrors(error))
    return {
      status: 400,
      errors: error.validation.map((v) => {
        const where = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        const missing = (v.params as { issue?: { path?: PropertyKey[] } })?.issue?.path;
        const field = where || (missing?.length ? missing.join('.') : 'body');
        return { code: 400, description: `${field}: ${v.message ?? 'invalid'}` };
      }),
    };
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return one(
      415,
      translate(locale, 'error.unsupported_media_type', {
        type: String(request.headers['content-type'] ?? ''),
      }),
    );
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return one(413, translate(locale, 'error.payload_too_large', { max: '1 MB' }));
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && error instanceof SyntaxError))
    return one(400, translate(locale, 'error.invalid_json', { detail: fe.message }));
  if (fe.statusCode === 429) return one(429, translate(locale, 'error.rate_limited', { after: '60 s' }));
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return one(fe.statusCode, fe.message);
  request.log.error({ err: error }, 'unhandled error (open311)');
  return one(500, translate(locale, 'error.internal', { requestId: request.id }));
}

function sendOpen311(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  root: string,
  value: XmlValue,
) {
  reply.status(status);
  if (formatOf(request) === 'xml') return reply.type(XML_CONTENT_TYPE).send(toXml(root, value));
  return reply.send(value);
}

/** A form body as an object: each field's first value (`attribute[…]` and the like pass through, then are dropped). */
export function formFields(body: string): Record<string, string> {
  const fields = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(body)) if (!fields.has(k)) fields.set(k, v);
  return Object.fromEntries(fields);
}

/** The key a POST was authenticated with (set by its preValidation hook). */
const clients = new WeakMap<FastifyRequest, Open311ApiKey>();

const BODY_TYPES = ['application/x-www-form-urlencoded', 'application/json'];
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,100}$/;

/**
 * Before the body is validated: Open311 intake is enabled (keys configured), the body is a form (or JSON), and
 * it carries a valid `api_key` — so nobody without a key learns anything about what the body should be.
 */
async function requireApiKey(request: FastifyRequest) {
  const configured = configuredApiKeys();
  if (!configured.ok) {
    request.log.error(
      { problems: configured.errors },
      'CHIDAO_OPEN311_API_KEYS is invalid: Open311 intake is off',
    );
    throw new Open311Error(403, 'open311.not_enabled');
  }
  if (!configured.keys.length) throw new Open311Error(403, 'open311.not_enabled');
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!BODY_TYPES.includes(type)) throw new Open311Error(415, 'open311.media_unsupported');
  const body = request.body as { api_key?: unknown } | null | undefined;
  const key = matchApiKey(configured.keys, body && typeof body === 'object' ? body.api_key : undefined);
  if (!key) throw new Open311Error(403, 'open311.api_key_invalid', {}, 'api_key');
  clients.set(request, key);
}

export async function open311Routes(app: App) {
  // Open311 clients post forms; the parser is this plugin's only (the rest of the API takes JSON).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, formFields(String(body))),
  );
  app.setErrorHandler((error, request, reply) => {
    const { status, errors } = open311Errors(error, request);
    return sendOpen311(request, reply, status, 'errors', errors);
  });
  // Service lists and requests are public data: any web page may read them (no cookie is ever used here).
  app.addHook('onSend', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD')
      reply.header('access-control-allow-origin', '*');
  });

  /** One GET endpoint in both formats: `<path>.json` and `<path>.xml`, the XML under `root`. */
  function get<Q extends z.ZodType, P extends z.ZodType | undefined, R extends z.ZodType>(
    path: string,
    def: { summary: string; querystring: Q; params?: P; response: R; root: string },
    handler: (
      request: FastifyRequest,
      query: z.infer<Q>,
      params: P extends z.ZodType ? z.infer<P> : undefined,
    ) => Promise<z.infer<R>>,
  ) {
    for (const format of FORMATS) {
      // Typed loosely on purpose: the two formats share one handler, the XML one answers a document.
      const schema: FastifySchema = {
        tags,
        summary: `${def.summary} (${format.toUpperCase()})`,
        querystring: def.querystring,
        ...(def.params ? { params: def.params } : {}),
        produces: [format === 'json' ? 'application/json' : 'text/xml'],
        response: format === 'json' ? { 200: def.response, ...open311ErrorResponses } : xmlResponses,
      } as FastifySchema;
      app.get(
        `${path}.${format}`,
        { config: { access: PUBLIC, rateLimit: read }, schema },
        async (request: FastifyRequest, reply: FastifyReply) => {
          const value = await handler(
            request,
            request.query as z.infer<Q>,
            request.params as P extends z.ZodType ? z.infer<P> : undefined,
          );
          return sendOpen311(request, reply, 200, def.root, value as XmlValue);
        },
      );
    }
  }

  get(
    '/services',
    {
      summary: 'Open311 GeoReport v2 — GET Service List: the feedback categories',
      querystring: servicesQuery,
      response: serviceOut.array(),
      root: 'services',
    },
    async (request) => listServices(request.ctx, localeOf(request)),
  );

  get(
    '/services/:service_code',
    {
      summary:
        'Open311 GeoReport v2 — GET Service Definition (no attributes: metadata is false for every service)',
      querystring: servicesQuery,
      params: serviceParams,
      response: serviceDefinitionOut,
      root: 'service_definition',
    },
    async (request, _query, params) => serviceDefinition(request.ctx, params.service_code),
  );

  get(
    '/requests',
    {
      summary:
        'Open311 GeoReport v2 — GET Service Requests: by tracking codes, or by date (default the last 90 days), status and service; at most 1000, newest first; no personal data',
      querystring: requestsQuery,
      response: requestOut.array(),
      root: 'service_requests',
    },
    async (request, query) => listRequests(request.ctx, query, localeOf(request)),
  );

  get(
    '/requests/:service_request_id',
    {
      summary: 'Open311 GeoReport v2 — GET Service Request: one, by its tracking code (an array of one)',
      querystring: requestQuery,
      params: requestParams,
      response: requestOut.array(),
      root: 'service_requests',
    },
    async (request, _query, params) => getRequest(request.ctx, params.service_request_id, localeOf(request)),
  );

  for (const format of FORMATS)
    app.post(
      `/requests.${format}`,
      {
        config: { access: PUBLIC, rateLimit: write },
        preValidation: requireApiKey,
        schema: {
          tags,
          summary: `Open311 GeoReport v2 — POST Service Request (${format.toUpperCase()}): a form with a valid api_key; the same content from the same key within minutes, or the same Idempotency-Key header, is the same case`,
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          produces: [format === 'json' ? 'application/json' : 'text/xml'],
          body: postRequestBody,
          response:
            format === 'json'
              ? { 200: postRequestOut, ...open311ErrorResponses, 415: open311ErrorResponses[400] }
              : { ...xmlResponses, 415: xmlResponses[400] },
        },
      },
      async (request, reply) => {
        const given = request.headers['idempotency-key'];
        if (given !== undefined && (typeof given !== 'string' || !IDEMPOTENCY_KEY.test(given)))
          throw new Open311Error(400, 'open311.idempotency_key', {}, 'Idempotency-Key');
        const created = await submitRequest(request.ctx, clients.get(request)!, request.body, {
          idempotencyKey: given,
          locale: localeOf(request),
        });
        return sendOpen311(request, reply, 200, 'service_requests', created);
      },
    );

  // Anything else under /open311/v2 is an Open311 404 (not the web app's page, once it is built).
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    config: { access: PUBLIC, rateLimit: read },
    schema: { hide: true },
    handler: async (request) => {
      throw new Open311Error(404, 'open311.route_not_found', {
        method: request.method,
        url: (request.url.split('?')[0] ?? '').slice(0, 200),
      });
    },
  });
}
