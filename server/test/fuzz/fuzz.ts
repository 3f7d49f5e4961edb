/**
 * The schema-driven fuzzer: every registered API route, its request built from its own schemas (params,
 * querystring, body; multipart routes get hostile uploads), then bent one place at a time — wrong types,
 * huge strings, control characters, invalid UTF-8, out-of-range numbers, impossible dates, unknown ids,
 * missing and unknown fields, wrong content types — and sent as anonymous and as several demo roles.
 * The contract: no answer ≥ 500, and the server still answers afterwards. Used by
 * `server/core/fuzz.routes.test.ts` (a bounded run in CI) and `npm run fuzz -- --requests N`.
 */
import type { RouteOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Caller, TestApp } from '../harness.js';
import { kindOf, KINDS, records, WORK_KINDS } from './records.js';
import {
  hostileValues,
  invalidUtf8Json,
  jsonSchemaOf,
  pathsOf,
  replaceAt,
  rng,
  validSample,
  type Hints,
  type Json,
  type JsonSchema,
  type Rng,
} from './samples.js';

export type Target = {
  method: string;
  url: string;
  route: RouteOptions;
  multipart: boolean;
};

/** Routes the fuzzer leaves alone, each with its reason. */
const SKIPPED: Record<string, string> = {
  'POST /api/auth/logout': "would end the fuzzing caller's session",
  'POST /api/system/backup':
    'writes an archive of the whole database each time (backup.routes.test.ts covers it)',
};

/** The API routes (not the web app's files or the interactive docs), one per method. */
export function apiTargets(t: TestApp): Target[] {
  return t.app.registeredRoutes.flatMap((route) =>
    [route.method]
      .flat()
      .filter((m) => m !== 'HEAD' && m !== 'OPTIONS')
      .map((method) => ({
        method,
        url: route.url,
        route,
        multipart: JSON.stringify(route.schema ?? {}).includes('multipart/form-data'),
      }))
      .filter(
        (x) =>
          (x.url.startsWith('/api/') || /^\/(healthz|readyz|metrics)$/.test(x.url)) &&
          !x.url.startsWith('/api/docs') &&
          !SKIPPED[`${x.method} ${x.url}`],
      ),
  );
}

/** A few real ids of every table with a uuid `id` (so valid requests reach real records), callers' own excluded. */
export async function knownIds(t: TestApp, exclude: readonly string[]): Promise<string[]> {
  const db = t.database.db as unknown as {
    execute(q: unknown): Promise<{ rows: Record<string, unknown>[] }>;
  };
  const tables = await db.execute(
    sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' order by table_name`,
  );
  const ids: string[] = [];
  for (const { table_name } of tables.rows) {
    if (table_name === 'sessions' || table_name === 'grants' || table_name === 'users') continue;
    const rows = await db.execute(sql.raw(`select id::text as id from "${String(table_name)}" limit 4`));
    ids.push(...rows.rows.map((r) => String(r.id)));
  }
  return ids.filter((id) => !exclude.includes(id));
}

/**
 * For each route whose path names a record, path values that reach real records of that kind (two units'
 * and the province's), so bent requests get past "not found" into the code behind.
 */
async function realRecords(
  t: TestApp,
  targets: Target[],
  exclude: readonly string[],
): Promise<Map<string, Record<string, Json>[]>> {
  const db = t.database.db as unknown as {
    execute(q: unknown): Promise<{ rows: Record<string, unknown>[] }>;
  };
  const units = await db.execute(
    sql`select id::text as id from units where name in ('Sở Tư pháp', 'Sở Xây dựng') order by name`,
  );
  const [a, b] = units.rows.map((u) => String(u.id));
  const byKind = new Map<string, string[]>();
  const idsOf = async (kind: string) => {
    if (!byKind.has(kind)) {
      const found = KINDS[kind] && a && b ? await records(t, kind, a, b) : 'own';
      byKind.set(
        kind,
        found === 'own'
          ? []
          : [found.inside, found.outside].filter((x): x is string => !!x && !exclude.includes(x)),
      );
    }
    return byKind.get(kind)!;
  };
  const out = new Map<string, Record<string, Json>[]>();
  for (const target of targets) {
    const kind = kindOf(target.url);
    const param = /:(\w+)/.exec(target.url)?.[1];
    if (!kind || !param) continue;
    if (kind === 'work') {
      const rows: Record<string, Json>[] = [];
      for (const [workKind, k] of Object.entries(WORK_KINDS))
        for (const id of await idsOf(k)) rows.push({ kind: workKind, id });
      out.set(target.url, rows);
    } else
      out.set(
        target.url,
        (await idsOf(kind)).map((id) => ({ [param]: id })),
      );
  }
  return out;
}

export type Sent = {
  caller: string;
  method: string;
  url: string;
  contentType?: string;
  payload?: string | Buffer;
  variant: string;
};

type Parts = { params: Json; query: Json; body: Json };

const str = (v: Json): string =>
  v === null ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Percent-encodes a value for a URL; lone surrogates (which encodeURIComponent refuses) as their raw bytes. */
function enc(v: Json): string {
  try {
    return encodeURIComponent(str(v));
  } catch {
    return '%ED%A0%80';
  }
}

function buildUrl(url: string, params: Json, query: Json, raw?: { param?: string; query?: string }): string {
  const p = (params ?? {}) as Record<string, Json>;
  let out = url.replace(/:(\w+)/g, (_, name: string) => raw?.param ?? enc(p[name] ?? 'x'));
  out = out.replace(/\*$/, 'a/b');
  const q = (query ?? {}) as Record<string, Json>;
  const pairs = Object.entries(q).flatMap(([k, v]) =>
    Array.isArray(v) ? v.map((x) => `${k}=${enc(x)}`) : [`${k}=${enc(v)}`],
  );
  if (raw?.query) pairs.push(raw.query);
  return pairs.length ? `${out}?${pairs.join('&')}` : out;
}

/** Upload bodies: what a hostile or careless client sends to a multipart route. */
function multipartBody(r: Rng): { contentType: string; payload: Buffer; variant: string } {
  const boundary = 'fuzzBoundary' + r.int(1e9);
  const name = r.pick([
    'bao-cao.pdf',
    'invoice\u202Efdp.exe',
    'a\u0000b.pdf',
    '../../../etc/passwd',
    'x'.repeat(2_000) + '.pdf',
    'ảnh.png',
  ]);
  const content = r.pick([
    Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'),
    Buffer.from('MZ\x90\x00\x03'),
    Buffer.alloc(0),
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('<script>alert(1)</script>'),
  ]);
  const field = r.pick(['file', 'other']);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${r.pick(['application/pdf', 'image/png', 'text/plain'])}\r\n\r\n`,
  );
  const tail = Buffer.from(r.chance(0.8) ? `\r\n--${boundary}--\r\n` : '\r\n--');
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([head, content, tail]),
    variant: `multipart:${field}:${content.length}`,
  };
}

/** One request for a route: a valid baseline, then one thing bent. */
export function makeRequest(target: Target, hints: Hints, r: Rng): Omit<Sent, 'caller'> {
  const schema = (target.route.schema ?? {}) as { params?: unknown; querystring?: unknown; body?: unknown };
  const parts: Parts = {
    params: validSample(schema.params, hints, r)?.value ?? {},
    query: validSample(schema.querystring, hints, r)?.value ?? {},
    body: validSample(schema.body, hints, r)?.value ?? null,
  };
  const hasBody = !['GET', 'DELETE'].includes(target.method);
  const where = r.pick(
    [
      'valid',
      hasBody && schema.body ? 'body' : null,
      hasBody && schema.body ? 'body' : null,
      hasBody ? 'raw' : null,
      schema.querystring ? 'query' : null,
      schema.params ? 'param' : null,
      target.multipart ? 'upload' : null,
      target.multipart ? 'upload' : null,
    ].filter((x): x is string => !!x),
  );
  const json = (body: Json) => (body === null ? undefined : JSON.stringify(body));
  const base = { method: target.method };

  if (where === 'upload') {
    const u = multipartBody(r);
    return { ...base, url: buildUrl(target.url, parts.params, parts.query), ...u };
  }
  if (where === 'raw') {
    const choice = r.int(7);
    const url = buildUrl(target.url, parts.params, parts.query);
    const payloads: [string, string | Buffer, string][] = [
      ['raw:invalid-utf8', invalidUtf8Json(parts.body ?? { a: 'b' }), 'application/json'],
      ['raw:proto', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', 'application/json'],
      ['raw:not-json', '{"a": [1, 2,,]', 'application/json'],
      ['raw:text', 'title=hello', 'text/plain'],
      ['raw:form', 'title=hello&unitId=1', 'application/x-www-form-urlencoded'],
      ['raw:deep', '['.repeat(5_000) + ']'.repeat(5_000), 'application/json'],
      ['raw:empty', '', 'application/json'],
    ];
    const [variant, payload, contentType] = payloads[choice]!;
    return { ...base, url, payload, contentType, variant };
  }
  if (where === 'query' || where === 'param') {
    const part = where === 'query' ? parts.query : parts.params;
    const js = jsonSchemaOf(where === 'query' ? schema.querystring : schema.params) as JsonSchema;
    const keys = Object.keys(js.properties ?? {});
    if (r.chance(0.15)) {
      const raw = r.pick(['%FF', '%E0%A4%A', '%00', '%ED%A0%80', '..%2F..%2Fetc', '%C3%28']);
      return {
        ...base,
        url: buildUrl(
          target.url,
          parts.params,
          parts.query,
          where === 'param' ? { param: raw } : { query: `${keys[0] ?? 'q'}=${raw}` },
        ),
        payload: json(parts.body),
        contentType: parts.body === null ? undefined : 'application/json',
        variant: `${where}:raw:${raw}`,
      };
    }
    const key = keys.length ? r.pick(keys) : 'unknownKey';
    const value = r.pick(hostileValues(js.properties?.[key] ?? {}, r));
    const bent = { ...((part ?? {}) as Record<string, Json>), [key]: value };
    if (where === 'query' && r.chance(0.2)) bent[key] = [str(value), 'second'];
    return {
      ...base,
      url: buildUrl(
        target.url,
        where === 'param' ? bent : parts.params,
        where === 'query' ? bent : parts.query,
      ),
      payload: json(parts.body),
      contentType: parts.body === null ? undefined : 'application/json',
      variant: `${where}:${key}`,
    };
  }
  if (where === 'body') {
    const js = jsonSchemaOf(schema.body)!;
    const paths = pathsOf(js, parts.body);
    const { path, schema: at } = r.pick(paths);
    const remove = path.length > 0 && r.chance(0.15);
    const body = replaceAt(parts.body, path, remove ? undefined : r.pick(hostileValues(at, r)));
    const withExtra =
      body && typeof body === 'object' && !Array.isArray(body) && r.chance(0.1)
        ? { ...body, unexpectedField: 'x' }
        : body;
    return {
      ...base,
      url: buildUrl(target.url, parts.params, parts.query),
      payload: JSON.stringify(withExtra),
      contentType: 'application/json',
      variant: `body:${path.join('.') || '(root)'}${remove ? ':removed' : ''}`,
    };
  }
  return {
    ...base,
    url: buildUrl(target.url, parts.params, parts.query),
    payload: hasBody ? json(parts.body ?? {}) : undefined,
    contentType: hasBody ? 'application/json' : undefined,
    variant: 'valid',
  };
}

export type FuzzReport = {
  seed: number;
  requests: number;
  routes: number;
  byStatus: Record<string, number>;
  failures: (Sent & { status: number; response: string })[];
  aliveAfter: boolean;
  seconds: number;
  /** The routes that took the most time in all (ms), to see where a long run spends it. */
  slowest: { route: string; ms: number; requests: number }[];
};

/**
 * Sends `requests` requests spread over every route (round-robin, so each route is hit about equally),
 * each as one of the callers (or anonymously). Returns the tally and every answer ≥ 500 with what caused it.
 */
export async function fuzz(
  t: TestApp,
  login: () => Promise<Record<string, Caller>>,
  options: { requests: number; seed: number; onProgress?: (done: number) => void },
): Promise<FuzzReport> {
  const started = Date.now();
  const r = rng(options.seed);
  let callers = await login();
  const excluded = Object.values(callers).map((c) => c.userId);
  const ids = await knownIds(t, excluded);
  const targets = apiTargets(t);
  const units = ids; // units are among the known ids; unit fields get one of them or an unknown id
  const report: FuzzReport = {
    seed: options.seed,
    requests: 0,
    routes: targets.length,
    byStatus: {},
    failures: [],
    aliveAfter: false,
    seconds: 0,
    slowest: [],
  };
  const time = new Map<string, { ms: number; requests: number }>();
  const names = ['anonymous', ...Object.keys(callers)];
  const real = await realRecords(t, targets, excluded);
  for (let i = 0; i < options.requests; i++) {
    if (i > 0 && i % 2_000 === 0) {
      // The fuzz may have ended sessions: sign in again (the callers' own accounts are never its targets).
      callers = await login();
      options.onProgress?.(i);
    }
    const target = targets[i % targets.length]!;
    const hints: Hints = { ids, unitId: r.pick(units) };
    const known = real.get(target.url);
    if (known?.length && r.chance(0.6)) hints.fields = r.pick(known);
    const req = makeRequest(target, hints, r);
    const who = r.pick(names);
    const caller = callers[who];
    const headers: Record<string, string> = {};
    if (req.contentType) headers['content-type'] = req.contentType;
    if (
      target.route.config &&
      (target.route.config as { access?: { auth?: string } }).access?.auth === 'token'
    )
      if (r.chance(0.5))
        headers.authorization = `Bearer ${r.pick(['x', 'chidao_' + 'a'.repeat(40), '\u00ff'])}`;
    let status: number;
    let body: string;
    const sentAt = performance.now();
    try {
      const res = caller
        ? await caller.request(req.method, req.url, req.payload, headers)
        : await t.app.inject({
            method: req.method as 'GET',
            url: req.url,
            headers,
            ...(req.payload === undefined ? {} : { payload: req.payload }),
          });
      status = res.statusCode;
      body = res.body;
    } catch (error) {
      status = 599;
      body = String((error as Error).stack ?? error);
    }
    const key = `${target.method} ${target.url}`;
    const spent = time.get(key) ?? { ms: 0, requests: 0 };
    spent.ms += performance.now() - sentAt;
    spent.requests++;
    time.set(key, spent);
    report.requests++;
    report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
    if (status >= 500 && report.failures.length < 200) {
      const payload =
        typeof req.payload === 'string' && req.payload.length > 400
          ? req.payload.slice(0, 400) + '…'
          : Buffer.isBuffer(req.payload)
            ? `<${req.payload.length} bytes>`
            : req.payload;
      report.failures.push({ ...req, payload, caller: who, status, response: body.slice(0, 400) });
    }
  }
  const health = await t.app.inject({ method: 'GET', url: '/healthz' });
  const again = await login().then(
    () => true,
    () => false,
  );
  report.aliveAfter = health.statusCode === 200 && again;
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  report.slowest = [...time]
    .map(([route, v]) => ({ route, ms: Math.round(v.ms), requests: v.requests }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  return report;
}
