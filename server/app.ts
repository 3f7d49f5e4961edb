import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { publicSitePlugin } from './modules/system/public-site.js';
import { setHotlinePublicUrl } from './modules/hotline/followers.service.js';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyError,
  type FastifyPluginAsync,
  type FastifyReply,
  type FastifyRequest,
  type RouteOptions,
} from 'fastify';
import { LogController } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { AppError } from './core/errors.js';
import { createWorkerPool, type WorkerPool } from './core/jobs/pool.js';
import type { App } from './core/http.js';
import { pickLocale, translate, type Locale, type MessageKey, isMessageKey } from './core/messages.js';
import { metricsPlugin } from './core/metrics.js';
import { guardInput } from './core/input-guard.js';
import './core/request.js';
import type { Database } from './db/client.js';
import { authPlugin } from './modules/auth/auth.plugin.js';
import { attachNotificationWorker } from './modules/notifications/notifications.worker.js';
import { workForWorker } from './work-kinds.js';
import { declareRouteAccess, PUBLIC } from './core/access.js';
import { createFileStore, type FileStore } from './modules/files/file-store.js';
import { MODULES } from './modules/index.js';
import type { ChidaoModule } from './core/module.js';

export type AppOptions = {
  config: Config;
  database: Database;
  /** Defaults to local disk under `<dataDir>/files`. */
  fileStore?: FileStore;
  logger?: boolean;
};

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    fileStore: FileStore;
    /** Worker threads for the CPU-heavy part of background jobs (dossier import, export, demo dossiers). */
    workerPool: WorkerPool;
  }
}

function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: {
    code: string;
    key: MessageKey;
    params?: Record<string, string | number>;
    details?: { field: string; message: string; params?: Record<string, string | number> }[];
  },
) {
  const locale: Locale = request.ctx?.locale ?? pickLocale(request.headers['accept-language']);
  const details = body.details?.map((d) => ({
    field: d.field,
    message: isMessageKey(d.message)
      ? translate(locale, d.message, { ...body.params, ...d.params, field: d.field })
      : d.message,
  }));
  return reply.status(status).send({
    error: {
      code: body.code,
      key: body.key,
      ...(body.params && Object.keys(body.params).length ? { params: body.params } : {}),
      message: translate(locale, body.key, { requestId: request.id, ...body.params }),
      ...(details?.length ? { details } : {}),
      requestId: request.id,
    },
  });
}

/**
 * Request log lines: API and operations requests at info, the web app's files and pages at debug (one page load
 * is dozens of them); errors as always.
 */
class RequestLogs extends LogController {
  private static level(request: FastifyRequest): 'info' | 'debug' {
    const url = request.url;
    return url.startsWith('/api/') || /^\/(healthz|readyz|metrics)(\?|$)/.test(url) ? 'info' : 'debug';
  }
  override incomingRequest(request: FastifyRequest) {
    request.log[RequestLogs.level(request)]({ req: request }, 'incoming request');
  }
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (error) return super.requestCompleted(error, request, reply);
    reply.log[RequestLogs.level(request)](
      { res: reply, responseTime: reply.elapsedTime },
      'request completed',
    );
  }
}

/**
 * A URL with its secrets hidden: the value of its `key` parameter (the hotline's tracking links carry the
 * submitter's key) and a survey invitation's one-time token (`/khao-sat/moi/<token>`, and the API's
 * `/api/public/surveys/invitations/<token>`).
 */
export const hideSubmitterKey = (url: string) =>
  url
    .replace(/([?&]key=)[^&#]*/gi, '$1***')
    .replace(/(\/(?:khao-sat\/moi|api\/public\/surveys\/invitations)\/)[^/?#]+/gi, '$1***');

/** Builds the whole HTTP application (API + web UI) on an open database. Used by `main`, tests and bench. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
            // A hotline submitter's key travels in the tracking link (`?key=`): never into the logs.
            serializers: {
              req: (req: { method: string; url: string; hostname?: string; remoteAddress?: string }) => ({
                method: req.method,
                url: hideSubmitterKey(req.url),
                hostname: req.hostname,
                remoteAddress: req.remoteAddress,
              }),
            },
          },
    logController: new RequestLogs(),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  setHotlinePublicUrl(config.notifications.publicUrl);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate(
    'fileStore',
    options.fileStore ?? createFileStore({ kind: 'local', root: path.join(config.dataDir, 'files') }),
  );
  app.decorate('workerPool', createWorkerPool(config.workerThreads));
  // Close hooks run last-added first: the modules' own (added later) settle their background work before the
  // workers end.
  app.addHook('onClose', async () => app.workerPool.close());

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Control characters and out-of-range dates in any request string: one 400 for every route.
  app.addHook('preValidation', guardInput);
  // Every route declares who may call it (core/access.ts); the declaration goes into the OpenAPI document.
  const registered: RouteOptions[] = [];
  app.decorate('registeredRoutes', registered);
  app.addHook('onRoute', (route) => {
    declareRouteAccess(route);
    registered.push(route);
  });

  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return sendError(request, reply, error.status, {
        code: error.code,
        key: error.messageKey,
        params: error.params,
        details: error.details,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => {
        const where = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        const missing = (v.params as { issue?: { path?: PropertyKey[] } })?.issue?.path;
        const field = where || (missing?.length ? missing.join('.') : 'body');
        return { field, message: v.message ?? 'invalid' };
      });
      const first = details[0]!;
      return sendError(request, reply, 400, {
        code: 'VALIDATION_FAILED',
        key: 'error.validation',
        params: { field: first.field, issue: first.message },
        details,
      });
    }
    const fe = error as FastifyError;
    if (
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      (fe.statusCode === 400 && error instanceof SyntaxError)
    ) {
      return sendError(request, reply, 400, {
        code: 'INVALID_JSON',
        key: 'error.invalid_json',
        params: { detail: error.message },
      });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(request, reply, 415, {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        key: 'error.unsupported_media_type',
        params: { type: String(request.headers['content-type'] ?? '') },
      });
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE') {
      return sendError(request, reply, 413, {
        code: 'PAYLOAD_TOO_LARGE',
        key: 'error.payload_too_large',
        params: { max: `${Math.round(config.uploadMaxBytes / 1048576)} MB` },
      });
    }
    // The database's own refusals that a request can cause: a reference to a record that does not exist (or,
    // for a deletion, a record still referred to) and a duplicate — 400/409, never a 500 (found by the fuzz test).
    const dbCode = (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? fe.code;
    if (dbCode === '23503') {
      return request.method === 'DELETE'
        ? sendError(request, reply, 409, { code: 'IN_USE', key: 'error.in_use' })
        : sendError(request, reply, 400, { code: 'REFERENCE_NOT_FOUND', key: 'error.reference_not_found' });
    }
    if (dbCode === '23505')
      return sendError(request, reply, 409, { code: 'CONFLICT', key: 'error.conflict' });
    // A multipart body cut short or without its boundary (the parser's own errors): the client's fault.
    if (
      request.isMultipart() &&
      /Unexpected end of (multipart|form)|Boundary not found|Malformed part header/i.test(error.message)
    ) {
      return sendError(request, reply, 400, { code: 'MALFORMED_UPLOAD', key: 'error.malformed_upload' });
    }
    if (fe.statusCode === 429) {
      return sendError(request, reply, 429, {
        code: 'RATE_LIMITED',
        key: 'error.rate_limited',
        params: { after: String(reply.getHeader('retry-after') ?? 60) + ' s' },
      });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendError(request, reply, fe.statusCode, {
        code: fe.code ?? 'BAD_REQUEST',
        key: 'error.validation',
        params: { field: 'request', issue: error.message },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 500, { code: 'INTERNAL', key: 'error.internal' });
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, 404, {
      code: 'ROUTE_NOT_FOUND',
      key: 'error.route_not_found',
      params: { method: request.method, url: request.url.split('?')[0]! },
    }),
  );

  await app.register(cookie);
  // The security headers (CSP and the rest), built once: @fastify/helmet built helmet's middleware again for every
  // request (parsing the CSP directives each time: 3% of the server's time under the hotline bench).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
  );
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 10, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'chidao API',
        version: '0.1.0',
        description:
          "API of chidao, the operating system of a province's administrative-reform effort. State-changing requests of a signed-in user need the `x-csrf-token` header from `GET /api/auth/session`.",
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'chidao_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(metricsPlugin);
  await app.register(authPlugin);
  // Every module's routes (server/modules/index.ts; each module declares them in its <name>.module.ts).
  for (const m of MODULES as readonly ChidaoModule[])
    for (const r of m.routes ?? []) await app.register(r.plugin as FastifyPluginAsync, { prefix: r.prefix });
  // The notification worker starts when the server listens (not under inject(), i.e. not in tests).
  attachNotificationWorker(app, workForWorker(app.fileStore));

  app.get('/api/openapi.json', { config: { access: PUBLIC }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  // The web UI (built by Vite) on the same port; unknown non-API paths fall back to index.html. The build writes
  // .br/.gz beside each file (vite.config.ts), sent by Accept-Encoding; files under /assets/ are named by their
  // content hash, so browsers keep them a year, while index.html (which names them) is always revalidated.
  if (fs.existsSync(path.join(config.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.webRoot,
      wildcard: false,
      index: false,
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: (res, file) => {
        const relative = path.relative(config.webRoot, file);
        res.setHeader('vary', 'accept-encoding');
        res.setHeader(
          'cache-control',
          relative.startsWith(`assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : relative.endsWith('.html')
              ? 'no-cache'
              : 'public, max-age=3600',
        );
      },
    });
    const indexHtml = fs.readFileSync(path.join(config.webRoot, 'index.html'));
    const spa = async (_req: FastifyRequest, reply: FastifyReply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    app.get('/', { config: { access: PUBLIC }, schema: { hide: true } }, spa);
    // The public's pages (/phan-anh: the hotline), a light entry of their own (web/public-site).
    await app.register(publicSitePlugin, { webRoot: config.webRoot });
    app.get('/*', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
      const url = request.url.split('?')[0]!;
      if (url.startsWith('/api/') || url.startsWith('/assets/')) {
        return sendError(request, reply, 404, {
          code: 'ROUTE_NOT_FOUND',
          key: 'error.route_not_found',
          params: { method: request.method, url },
        });
      }
      const file = path.join(config.webRoot, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
      if (file.startsWith(config.webRoot) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(config.webRoot, file));
      }
      return spa(request, reply);
    });
  }

  return app as unknown as App;
}
