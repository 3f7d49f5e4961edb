// `npm run bench -- hotline [--engine pglite|postgres] [--seconds 10] [--concurrency 32]`: how many public hotline
// submissions a second the server takes (issue 14, "Bad input and load"; goal ≥ 1,000/s with p99 ≤ 100 ms, and every
// accepted submission stored exactly once).
//
// The real server (dist/server/main.js, as `npm start` runs it) on a scratch database — a PostgreSQL database made
// beside DATABASE_URL / CHIDAO_TEST_PG_URL and dropped afterwards with `--engine postgres`, else a scratch PGlite data
// directory — with the demo province (no demo dossiers, no background worker, log level warn). After /readyz and
// the public form (`GET /api/public/hotline/form` → a category), a closed loop keeps `--concurrency` citizens busy for
// `--seconds` (after `--warmup` seconds whose figures are left out): each fetches a captcha (`GET /api/captcha`),
// solves it and posts a distinct submission with a distinct idempotency key (`POST /api/public/hotline/feedback`,
// multipart, the field `data`, no files); one in `--repeat-every` (20: 5%) posts again an earlier accepted one (same
// idempotency key, content and address, a fresh captcha), which must answer 200 and store nothing.
//
// What the bench sets, and why:
// - CHIDAO_CAPTCHA_DIFFICULTY=1: the bench measures the server, not the citizen's browser solving 16 bits
//   (captchaDifficulty in the JSON). The server's check costs one HMAC and one SHA-256 at any difficulty.
// - The per-address rate limits (submissions 10/min, captchas 60/min: hotline.routes.ts, captcha.routes.ts) have no
//   setting to lift them, so the server trusts X-Forwarded-For (CHIDAO_TRUST_PROXY=true, as behind a reverse
//   proxy) and each citizen sends from an address of its own (10.x.y.z: one submission, its captcha and any repeat
//   of it per address) — the load of many citizens, each far under the limits (`rateLimit` in the JSON).
//
// The client is one Node process (node:http with a keep-alive agent, the multipart body written by hand: the
// lightest client) on the same machine: it competes with the server — and with PostgreSQL — for the same cores
// (`cpus` in the JSON; `cpuSeconds` splits the CPU time of the measured window between the client, the server
// process and the rest, which is mostly PostgreSQL).
//
// Prints one JSON object: submissions (sent, 201s, 200s, errors by status, per second, POST latency p50/p90/p99/max),
// the captcha GET's latency, the rows stored by the measured window (by their idempotency keys; the demo's own web
// cases are not counted) and whether accepted = stored, against the goals. perSecond is the answered submissions
// (201 + 200) over `measuredSeconds`: no citizen starts a submission after `--seconds`, the ones in flight finish.
// The machine's load average before the window is reported too: other work on the cores skews every figure.
// `--cpu-prof DIR` runs the server under `node --cpu-prof` and leaves its profile in DIR (the warm-up included).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfNeeded } from '../build-if-needed.mjs';
import {
  backendPids as sharedBackendPids,
  backendsCpuS,
  client,
  clientCpuS,
  machineBusyS,
  procCpuS,
  send,
  solve,
  startServer,
  stopServer,
  waitReady,
} from './http-load.mjs';
import { adminQuery, PG_BASE } from './shared.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  allowNegative: true,
  options: {
    build: { type: 'boolean', default: true },
    engine: { type: 'string', default: 'pglite' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '32' },
    warmup: { type: 'string', default: '2' },
    'repeat-every': { type: 'string', default: '20' },
    'cpu-prof': { type: 'string' },
  },
});
const engine = values.engine;
if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`--engine pglite|postgres, not ${engine}`);
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const warmupSeconds = Number(values.warmup);
const repeatEvery = Number(values['repeat-every']);
const CAPTCHA_DIFFICULTY = 1;
const GOALS = { perSecond: 1000, p99Ms: 100 };

const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
// Progress on stderr: stdout carries the JSON only.
const note = (msg) => console.error(`hotline: ${new Date().toISOString().slice(11, 19)} ${msg}`);

// ---- The client: node:http, one keep-alive connection per citizen in flight ----------------------------------------

async function getJson(urlPath) {
  const res = await send('GET', urlPath, {});
  if (res.status !== 200) throw new Error(`GET ${urlPath}: ${res.status} ${res.body}`);
  return JSON.parse(res.body.toString('utf8'));
}

const BOUNDARY = '----chidaoBenchBoundary7MA4YWxkTrZu0gW';
const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
const multipart = (json) =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${json}\r\n--${BOUNDARY}--\r\n`,
  );

/** Citizen n's address: 10.x.y.z, one per submission (the per-address limits stay far away). */
const address = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

const DESCRIPTION =
  'Đèn chiếu sáng công cộng trên đoạn đường từ ngã ba chợ đến trường tiểu học đã hỏng hơn hai tuần, ' +
  'buổi tối rất tối, học sinh và người đi bộ đi lại nguy hiểm. Đề nghị cơ quan có thẩm quyền kiểm tra, ' +
  'sửa chữa sớm và thông báo kết quả cho người dân được biết.';

/**
 * Closed loop for `durationS`: `concurrency` citizens, each a captcha then a submission, back to back. Keys and
 * addresses come from `next` (shared with the warm-up, so nothing is reused across phases).
 */
async function run(phase, durationS, categoryId, counter) {
  const stats = {
    sent: 0,
    accepted201: 0,
    repeats200: 0,
    repeatsSent: 0,
    repeatsCreated: 0,
    errors: {},
    errorSamples: {},
    post: [],
    captcha: [],
    captchaErrors: {},
  };
  const accepted = []; // submissions answered 201, for repeats
  const countError = (into, status, body) => {
    into[status] = (into[status] ?? 0) + 1;
    if (into === stats.errors && !stats.errorSamples[status] && body)
      stats.errorSamples[status] = body.toString('utf8').slice(0, 300);
  };
  const deadline = performance.now() + durationS * 1000;
  let iteration = 0;
  const citizen = async () => {
    while (performance.now() < deadline) {
      const i = iteration++;
      let sub;
      if (repeatEvery > 0 && i % repeatEvery === repeatEvery - 1 && accepted.length) {
        sub = { ...accepted[Math.floor(Math.random() * accepted.length)], repeat: true };
      } else {
        const n = counter.next++;
        sub = {
          ip: address(n),
          repeat: false,
          data: {
            categoryId,
            title: `Phản ánh thử tải số ${n}: đèn đường hỏng`,
            description: `${DESCRIPTION} (${phase}-${n})`,
            name: `Người dân ${n}`,
            phone: `09${String(n).padStart(8, '0')}`,
            email: `nguoidan${n}@example.vn`,
            idempotencyKey: `hb-${phase}-${process.pid}-${n}`,
          },
        };
      }
      const headers = { 'x-forwarded-for': sub.ip };
      const c = await send('GET', '/api/captcha', headers);
      if (c.status !== 200) {
        countError(stats.captchaErrors, c.status);
        continue;
      }
      stats.captcha.push(c.ms);
      const challenge = JSON.parse(c.body.toString('utf8'));
      const nonce = solve(challenge.salt, challenge.difficulty);
      const body = multipart(JSON.stringify({ ...sub.data, captcha: { token: challenge.token, nonce } }));
      stats.sent++;
      if (sub.repeat) stats.repeatsSent++;
      const r = await send(
        'POST',
        '/api/public/hotline/feedback',
        {
          ...headers,
          'content-type': MULTIPART_TYPE,
          'content-length': body.length,
        },
        body,
      );
      stats.post.push(r.ms);
      if (r.status === 201 && !sub.repeat) {
        stats.accepted201++;
        accepted.push(sub);
      } else if (r.status === 200 && sub.repeat) stats.repeats200++;
      else if (r.status === 201) {
        stats.repeatsCreated++; // a repeat stored again: counted apart, it breaks accepted = stored
        countError(stats.errors, '201-for-a-repeat', r.body);
      } else countError(stats.errors, r.status, r.body);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, citizen));
  stats.elapsedS = (performance.now() - t0) / 1000;
  return stats;
}

const quantiles = (list) => {
  const ms = [...list].sort((a, b) => a - b);
  const q = (p) => (ms.length ? round(ms[Math.min(ms.length - 1, Math.ceil(ms.length * p) - 1)], 1) : null);
  return { p50Ms: q(0.5), p90Ms: q(0.9), p99Ms: q(0.99), maxMs: ms.length ? round(ms.at(-1), 1) : null };
};

// ---- CPU time: the client (this process), the server process, the whole machine ------------------------------------

/** The backends of the bench's database (none on PGlite). */
const backendPids = (dbUrl) => (dbUrl ? sharedBackendPids(benchDb) : Promise.resolve([]));

// ---- The rows stored, read once the server has stopped -------------------------------------------------------------

async function countStored(dbUrl, dataDir) {
  const text = `SELECT
      count(*) FILTER (WHERE idempotency_key LIKE 'hb-measure-${process.pid}-%') AS measured,
      count(DISTINCT idempotency_key) FILTER (WHERE idempotency_key LIKE 'hb-measure-${process.pid}-%') AS measured_keys,
      count(*) FILTER (WHERE idempotency_key LIKE 'hb-warmup-${process.pid}-%') AS warmup,
      count(*) FILTER (WHERE idempotency_key IS NULL OR idempotency_key NOT LIKE 'hb-%') AS demo_web,
      count(*) AS web
    FROM feedback_cases WHERE channel = 'web'`;
  let row;
  if (dbUrl) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    try {
      row = (await client.query(text)).rows[0];
    } finally {
      await client.end();
    }
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    const db = await PGlite.create({
      dataDir: path.join(dataDir, 'pgdata'),
      extensions: { unaccent, pg_trgm },
    });
    try {
      row = (await db.query(text)).rows[0];
    } finally {
      await db.close();
    }
  }
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

// ---- The run -------------------------------------------------------------------------------------------------------

if (values.build) buildIfNeeded();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-bench-hotline-'));
const dataDir = path.join(tmp, 'data');
const benchDb = `chidao_bench_hotline_${process.pid}`;
let dbUrl = null;
if (engine === 'postgres') {
  await adminQuery(PG_BASE, `CREATE DATABASE ${benchDb}`);
  const url = new URL(PG_BASE);
  url.pathname = `/${benchDb}`;
  dbUrl = url.toString();
}
const started = performance.now();
let server = null;
try {
  note(`starting the server (${engine}) and seeding the demo`);
  const nodeArgs = values['cpu-prof']
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values['cpu-prof'])}`]
    : [];
  server = await startServer(
    root,
    ['dist/server/main.js'],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      CHIDAO_DATA_DIR: dataDir,
      CHIDAO_DEMO: 'on',
      CHIDAO_DEMO_DOSSIERS: '0',
      CHIDAO_LOG_LEVEL: 'warn',
      CHIDAO_WORKER_INTERVAL_SECONDS: '0',
      CHIDAO_CAPTCHA_DIFFICULTY: String(CAPTCHA_DIFFICULTY),
      CHIDAO_TRUST_PROXY: 'true',
      ...(dbUrl ? { DATABASE_URL: dbUrl } : {}),
    },
    nodeArgs,
  );
  client.port = server.port;
  client.agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  await waitReady();
  const form = await getJson('/api/public/hotline/form');
  const categoryId = form.categories[0]?.id;
  if (!categoryId) throw new Error('the public form offers no category (demo not seeded?)');

  const counter = { next: 1 };
  note(`warm-up ${warmupSeconds} s`);
  const warm = await run('warmup', warmupSeconds, categoryId, counter);
  note(`measuring ${seconds} s at concurrency ${concurrency}`);
  // The server's pool is open by now (10 connections under this load); their CPU is the database's part.
  const pids = await backendPids(dbUrl);
  const loadAverage = os.loadavg()[0];
  const cpuNow = () => ({
    client: clientCpuS(),
    server: procCpuS(server.child.pid),
    database: backendsCpuS(pids),
    machine: machineBusyS(),
  });
  const cpu0 = cpuNow();
  const m = await run('measure', seconds, categoryId, counter);
  const cpu1 = cpuNow();
  client.agent.destroy();
  await stopServer(server.child);
  const stored = await countStored(dbUrl, dataDir);

  const answered = m.accepted201 + m.repeats200;
  const post = quantiles(m.post);
  const captcha = quantiles(m.captcha);
  const perSecond = Math.round(answered / m.elapsedS);
  const cpuClient = cpu1.client - cpu0.client;
  const cpuServer = cpu1.server - cpu0.server;
  const cpuDatabase = cpu1.database - cpu0.database;
  const cpuMachine = cpu1.machine - cpu0.machine;
  const result = {
    suite: 'hotline',
    engine,
    node: process.version,
    cpus: os.cpus().length,
    seconds,
    measuredSeconds: round(m.elapsedS, 2),
    concurrency,
    captchaDifficulty: CAPTCHA_DIFFICULTY,
    rateLimit:
      'no setting lifts the per-address limits: CHIDAO_TRUST_PROXY=true and one X-Forwarded-For address (10.x.y.z) per submission',
    client:
      'one Node process (node:http, keep-alive) on the same machine as the server and the database: it competes for the CPU',
    submissions: {
      sent: m.sent,
      accepted201: m.accepted201,
      repeats200: m.repeats200,
      repeatsSent: m.repeatsSent,
      errors: m.errors,
      perSecond,
      ...post,
    },
    captcha: { count: m.captcha.length, errors: m.captchaErrors, ...captcha },
    stored: stored.measured,
    acceptedEqualsStored: stored.measured === m.accepted201 && stored.measured_keys === stored.measured,
    check: {
      storedDistinctKeys: stored.measured_keys,
      repeatsStoredAgain: m.repeatsCreated,
      warmup: { seconds: warmupSeconds, accepted201: warm.accepted201, stored: stored.warmup },
      webCasesOfTheDemo: stored.demo_web,
      webCasesInAll: stored.web,
    },
    // CPU time over the measured window: this client, the server process, the PostgreSQL backends of the bench's
    // database (PGlite runs inside the server), anything else on the machine (other work competing for the
    // cores: see the load average before the window), and what the cores could give.
    cpuSeconds: {
      client: round(cpuClient, 2),
      server: round(cpuServer, 2),
      ...(engine === 'postgres' ? { database: round(cpuDatabase, 2) } : {}),
      otherProcesses: round(Math.max(0, cpuMachine - cpuClient - cpuServer - cpuDatabase), 2),
      available: round(m.elapsedS * os.cpus().length, 2),
      serverMsPerSubmission: m.sent ? round((cpuServer * 1000) / m.sent, 2) : null,
      ...(engine === 'postgres'
        ? { databaseMsPerSubmission: m.sent ? round((cpuDatabase * 1000) / m.sent, 2) : null }
        : {}),
    },
    loadAverage1mBefore: round(loadAverage, 2),
    goals: GOALS,
    met: { perSecond: perSecond >= GOALS.perSecond, p99: post.p99Ms !== null && post.p99Ms <= GOALS.p99Ms },
    runSeconds: round((performance.now() - started) / 1000, 1),
  };
  if (Object.keys(m.errorSamples).length) result.check.errorSamples = m.errorSamples;
  console.log(JSON.stringify(result, null, 2));
} catch (err) {
  if (server) console.error(server.output().slice(-3000));
  throw err;
} finally {
  if (server) await stopServer(server.child);
  fs.rmSync(tmp, { recursive: true, force: true });
  if (engine === 'postgres') await adminQuery(PG_BASE, `DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
}
