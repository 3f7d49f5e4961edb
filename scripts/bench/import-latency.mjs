// `npm run bench -- import-latency [--engine pglite|postgres] [--rows 100000] [--rate 10]`: does any request wait
// for background work? The real server (dist/server/main.js, as `npm start` runs it) on a fresh database with the
// demo province; a file of N generated dossiers (server/modules/dossiers/generator.ts) is imported through the
// HTTP API as the standing agency's officer, then a workbook listing the same N dossiers is exported. From a few
// seconds before the import to the end of the export, a steady open-loop stream of GETs (not waiting for each
// other, so a stalled server shows as queued latency): `--rate` per second of API reads, one in ten the landing
// page `/api/home`, the others a light list `/api/documents?limit=10`, half as many of a static file
// (`/favicon.svg`, served like the web app's assets), and `/metrics` every second for the event loop's longest
// delay since the previous scrape (prom-client's monitorEventLoopDelay: the longest block of the main thread).
//
// Prints one JSON object; each latency is p50/p95/p99/max with count and errors, API ones also `by_url`:
//   idle            the 10 s before the import (the baseline; after 3 s of warm-up)
//   import          upload_s (the file sent and stored), stage_s (job created → apply's transaction begins),
//                   apply_s (the apply's one transaction: its journal entry's now() → the job's finished_at),
//                   total_s; api and asset latency of the requests sent from the upload to the commit,
//                   api_outside_apply (those not overlapping the apply's transaction), the longest event-loop
//                   block over the import and outside the apply
//   export          export_s (request → finished_at), the rows listed, api and asset latency, the longest
//                   event-loop block
// On PGlite every statement runs on the server's main thread (one in-process connection): the apply's
// transaction holds it whole, so the requests that arrive meanwhile wait — the window is reported apart.
// PostgreSQL: DATABASE_URL or CHIDAO_TEST_PG_URL (a scratch database is created beside it and dropped).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { adminQuery, PG_BASE, rerunUnderTsx, writeDossierCsv } from './shared.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    rows: { type: 'string', default: '100000' },
    rate: { type: 'string', default: '10' },
    seed: { type: 'string', default: '2025' },
  },
});
const pgBase = PG_BASE;

// The preparation imports the server's TypeScript modules (generator, demo seed): re-run under tsx.
rerunUnderTsx(import.meta.filename);

const { buildIfNeeded } = await import('../build-if-needed.mjs');
buildIfNeeded();

const engine = values.engine;
const rows = Number(values.rows);
const rate = Number(values.rate);
const mod = (p) => import(path.join(root, p));
const { openDatabase } = await mod('server/db/client.ts');
const { systemContext } = await mod('server/core/context.ts');
const { todayInVietnam } = await mod('server/core/dates.ts');
const { seedDemo } = await mod('server/modules/demo/demo.service.ts');
const { loadActor } = await mod('server/modules/access/access.service.ts');
const { findUserByEmail } = await mod('server/modules/users/users.service.ts');
const { generatorInput, ensureCatalogue } = await mod('server/modules/dossiers/dossiers-seed.service.ts');
const generator = await mod('server/modules/dossiers/generator.ts');

const OFFICER = 'thuongtruc@chidao.demo';
const PASSWORD = 'chidao-demo';
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Progress on stderr: stdout carries the JSON only.
const note = (msg) => console.error(`import-latency: ${new Date().toISOString().slice(11, 19)} ${msg}`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-bench-latency-'));
const dataDir = path.join(tmp, 'data');
const csvPath = path.join(tmp, 'dossiers.csv');
const benchDb = `chidao_bench_latency_${process.pid}`;
let dbUrl = null;

const open = () =>
  openDatabase(engine === 'postgres' ? { engine, url: dbUrl, poolSize: 2 } : { engine, dataDir });

/** The database as the server will find it: migrated, the demo province seeded, the procedure catalogue; the CSV. */
async function prepare() {
  const database = await open();
  try {
    await database.migrate();
    const base = systemContext(database.db);
    await seedDemo(base, { withAccounts: true });
    const ctx = { ...base, actor: await loadActor(database.db, await findUserByEmail(base, OFFICER)) };
    const { options } = await generatorInput(database.db, {
      from: '2023-01-01',
      to: todayInVietnam(),
      seed: Number(values.seed),
    });
    await ensureCatalogue(ctx, options.catalogue);
    await writeDossierCsv(csvPath, generator, options, rows);
  } finally {
    await database.close();
  }
}

function startServer(env) {
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/running: http:\/\/localhost:(\d+)/);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}`, output: () => out });
    });
    child.stderr.on('data', (c) => (out += c));
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out.slice(-3000)}`)));
  });
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const quantiles = (list) => {
  const ms = list.map((s) => s.ms).sort((a, b) => a - b);
  const q = (p) => (ms.length ? round(ms[Math.min(ms.length - 1, Math.ceil(ms.length * p) - 1)], 1) : null);
  return {
    count: ms.length,
    errors: list.filter((s) => s.status !== 200).length,
    p50_ms: q(0.5),
    p95_ms: q(0.95),
    p99_ms: q(0.99),
    max_ms: ms.length ? round(ms[ms.length - 1], 1) : null,
  };
};
const overlaps = (s, from, to) => s.end >= from && s.start <= to;
/** The API requests' figures, together and for each URL (the landing page costs more than the list). */
const byUrl = (list) => ({
  ...quantiles(list),
  by_url: Object.fromEntries(
    [...new Set(list.map((s) => new URL(s.url).pathname))].map((p) => [
      p,
      quantiles(list.filter((s) => new URL(s.url).pathname === p)),
    ]),
  ),
});

/**
 * `/metrics` on a connection of its own: a kept-alive one that the server closes after a long block (its
 * keep-alive timer fires late) could lose a scrape the server had answered, and with it the longest block.
 */
function scrape(url, token) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
      res.on('error', reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error('scrape timed out')));
    req.on('error', reject);
  });
}

/**
 * The bench's own requests (upload excepted): a connection the server closed while its event loop was blocked
 * (its keep-alive timer fires late) is retried, so that the bench measures rather than fails.
 */
async function request(url, init) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, init);
      return { status: res.status, body: await res.json() };
    } catch (err) {
      if (attempt >= 5) throw err;
      await sleep(200);
    }
  }
}

if (engine === 'postgres') {
  await adminQuery(pgBase, `CREATE DATABASE ${benchDb}`);
  const url = new URL(pgBase);
  url.pathname = `/${benchDb}`;
  dbUrl = url.toString();
}
const metricsToken = randomBytes(24).toString('hex');
const result = { suite: 'import-latency', engine, rows, node: process.version, cpus: os.cpus().length };
let server = null;
try {
  let t = performance.now();
  note(`preparing the database and a CSV of ${rows} dossiers`);
  await prepare();
  result.prepare_s = round((performance.now() - t) / 1000);
  result.csv_mb = round(fs.statSync(csvPath).size / 2 ** 20, 1);

  server = await startServer({
    PORT: '0',
    HOST: '127.0.0.1',
    CHIDAO_DATA_DIR: dataDir,
    CHIDAO_DEMO: 'on',
    CHIDAO_DEMO_DOSSIERS: '0',
    CHIDAO_LOG_LEVEL: 'warn',
    CHIDAO_WORKER_INTERVAL_SECONDS: '0',
    CHIDAO_METRICS_TOKEN: metricsToken,
    ...(dbUrl ? { DATABASE_URL: dbUrl } : {}),
  });
  const { base } = server;
  note('server listening; baseline');
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: OFFICER, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = await login.json();
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const auth = { cookie };
  // A static file served like the web app's assets, whose name no rebuild of the web app changes.
  const asset = '/favicon.svg';

  // The load: open loop, each request on its own schedule; wall-clock times to compare with the database's.
  const samples = { api: [], asset: [] };
  const loops = [];
  const inFlight = new Set();
  const fire = (kind, url, headers) => {
    const sample = { start: Date.now(), end: 0, ms: 0, status: 0, url };
    const t0 = performance.now();
    const done = (status) => {
      Object.assign(sample, { end: Date.now(), ms: performance.now() - t0, status });
      samples[kind].push(sample);
      inFlight.delete(sample);
    };
    inFlight.add(sample);
    fetch(url, { headers, signal: AbortSignal.timeout(120_000) })
      .then(async (res) => {
        await res.arrayBuffer();
        done(res.status);
      })
      .catch(() => done(0));
  };
  /** Until the requests sent before `t` are answered (a backlog left by blocking work must not spill over). */
  const drained = async (t) => {
    while ([...inFlight].some((r) => r.start <= t)) await sleep(100);
  };
  // One in ten is the landing page (for this officer it computes the province's key figures: ~0.3 s of the
  // database on PGlite, so more of them would saturate the embedded engine by themselves).
  const apiUrls = [`${base}/api/home`, ...Array(9).fill(`${base}/api/documents?limit=10`)];
  let n = 0;
  loops.push(setInterval(() => fire('api', apiUrls[n++ % apiUrls.length], auth), 1000 / rate));
  loops.push(
    setInterval(() => fire('asset', `${base}${asset}`, { 'accept-encoding': 'br, gzip' }), 2000 / rate),
  );
  // The event loop's longest delay between two scrapes (prom-client resets its histogram at each scrape).
  const loop = [];
  let lastScrape = Date.now();
  let scraping = false;
  loops.push(
    setInterval(async () => {
      if (scraping) return;
      scraping = true;
      try {
        const text = await scrape(`${base}/metrics`, metricsToken);
        const m = text.match(/^chidao_nodejs_eventloop_lag_max_seconds(?:\{[^}]*\})? (\S+)$/m);
        const now = Date.now();
        if (m) loop.push({ start: lastScrape, end: now, ms: Number(m[1]) * 1000 });
        lastScrape = now;
      } catch {
        // A scrape that fails leaves the interval to the next one (prom-client's histogram was not reset).
      } finally {
        scraping = false;
      }
    }, 1000),
  );
  const loopMax = (from, to) =>
    round(Math.max(0, ...loop.filter((s) => overlaps(s, from, to)).map((s) => s.ms)), 1);
  const within = (kind, from, to) => samples[kind].filter((s) => s.start >= from && s.start <= to);

  // Warm-up (first requests compile and fill caches), baseline, then the import.
  await sleep(3000);
  const idleFrom = Date.now();
  await sleep(10_000);
  const idleTo = Date.now();
  result.idle = {
    api: byUrl(within('api', idleFrom, idleTo)),
    asset: quantiles(within('asset', idleFrom, idleTo)),
    event_loop_max_ms: loopMax(idleFrom, idleTo),
  };

  const importFrom = Date.now();
  note('uploading');
  const form = new FormData();
  form.append('file', await fs.openAsBlob(csvPath), 'ho-so-tthc.csv');
  const upload = await fetch(`${base}/api/dossiers/imports`, {
    method: 'POST',
    headers: { ...auth, 'x-csrf-token': csrfToken },
    body: form,
  });
  if (upload.status !== 202) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
  const uploaded = Date.now();
  const jobId = (await upload.json()).job.id;
  note(`import ${jobId} running`);
  let job;
  for (;;) {
    await sleep(500);
    job = (await request(`${base}/api/dossiers/imports/${jobId}`, { headers: auth })).body;
    if (job.status === 'done' || job.status === 'failed') break;
  }
  if (job.status !== 'done')
    throw new Error(`import ${job.status}: ${job.failure} ${JSON.stringify(job.errors?.slice(0, 3))}`);

  // The export: every imported dossier listed (class "received" over the file's whole period).
  note(`import ${job.status}`);
  await drained(Date.now());
  await sleep(2000);
  const exportFrom = Date.now();
  const requested = await request(`${base}/api/dossiers/exports`, {
    method: 'POST',
    headers: { ...auth, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({
      from: '2023-01-01',
      to: todayInVietnam(),
      groupBy: 'unit',
      dossierClass: 'received',
    }),
  });
  if (requested.status !== 202)
    throw new Error(`export: ${requested.status} ${JSON.stringify(requested.body)}`);
  const exportId = requested.body.id;
  note(`export ${exportId} running`);
  let exported;
  for (;;) {
    await sleep(500);
    exported = (await request(`${base}/api/dossiers/exports/${exportId}`, { headers: auth })).body;
    if (exported.status === 'done' || exported.status === 'failed') break;
  }
  note(`export ${exported.status}`);
  await drained(Date.now());
  await sleep(1500); // the last scrape
  for (const l of loops) clearInterval(l);
  if (exported.status !== 'done') throw new Error(`export ${exported.status}: ${exported.failure}`);
  await stopServer(server.child);

  // The phases from the database: the apply's transaction began at its journal entry's now() and ended with the
  // job's finished_at; the export ended with its own.
  const database = await open();
  let applyFrom;
  let applyTo;
  let createdAt;
  let exportTo;
  try {
    const [j] = (
      await database.db.execute(
        `SELECT created_at, finished_at, created, updated, unchanged FROM dossier_import_jobs WHERE id = '${jobId}'`,
      )
    ).rows;
    const [a] = (
      await database.db.execute(
        `SELECT at FROM audit_journal WHERE entity = 'dossier_import' AND action = 'import' AND entity_id = '${jobId}'`,
      )
    ).rows;
    const [x] = (
      await database.db.execute(`SELECT finished_at FROM dossier_exports WHERE id = '${exportId}'`)
    ).rows;
    exportTo = new Date(x.finished_at).getTime();
    createdAt = new Date(j.created_at).getTime();
    applyFrom = new Date(a.at).getTime();
    applyTo = new Date(j.finished_at).getTime();
    result.import_created = Number(j.created);
  } finally {
    await database.close();
  }
  const importTo = applyTo;
  const importApi = within('api', importFrom, importTo);
  result.import = {
    upload_s: round((uploaded - importFrom) / 1000),
    stage_s: round((applyFrom - createdAt) / 1000),
    apply_s: round((applyTo - applyFrom) / 1000),
    total_s: round((importTo - importFrom) / 1000),
    api: byUrl(importApi),
    api_outside_apply: byUrl(importApi.filter((s) => !overlaps(s, applyFrom, applyTo))),
    asset: quantiles(within('asset', importFrom, importTo)),
    event_loop_max_ms: loopMax(importFrom, importTo),
    event_loop_max_outside_apply_ms: round(
      Math.max(
        0,
        ...loop
          .filter((s) => overlaps(s, importFrom, importTo) && !overlaps(s, applyFrom, applyTo))
          .map((s) => s.ms),
      ),
      1,
    ),
  };
  result.export = {
    export_s: round((exportTo - exportFrom) / 1000),
    dossier_rows: exported.dossierRows,
    size_mb: round(exported.size / 2 ** 20, 1),
    api: byUrl(within('api', exportFrom, exportTo)),
    asset: quantiles(within('asset', exportFrom, exportTo)),
    event_loop_max_ms: loopMax(exportFrom, exportTo),
  };
  console.log(JSON.stringify(result, null, 2));
} catch (err) {
  if (server) console.error(server.output().slice(-3000));
  throw err;
} finally {
  if (server) await stopServer(server.child);
  fs.rmSync(tmp, { recursive: true, force: true });
  if (engine === 'postgres') await adminQuery(pgBase, `DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
}
