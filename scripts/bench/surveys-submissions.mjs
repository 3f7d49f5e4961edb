// `npm run bench -- surveys [--engine auto|pglite|postgres] [--seconds 10] [--concurrency 32] [--short]`: the public
// survey form under load (issue 17, "Performance"): how many answers a second the real server takes through its
// HTTP API, with what latency, and whether every accepted answer is stored exactly once (goal ≥ 500/s, p99 ≤ 100 ms,
// accepted = stored); then the SIPAS indices computed over 100,000 responses (`computeIndices`, goal ≤ 1 s).
//
// The database: PostgreSQL when reachable (a scratch database chidao_bench_surveys_<pid> beside CHIDAO_TEST_PG_URL /
// DATABASE_URL, else 127.0.0.1:5432, dropped at the end), else PGlite in a scratch data directory — `note` in the
// JSON says which and why. `--engine pglite|postgres` forces one.
//
// The server: dist/server/main.js as `npm start` runs it (built first when stale, as the other benches); with
// `--no-build` and no build present, server/main.ts under tsx (the same code, loaded from source: `server` in the
// JSON). It starts once to migrate and seed the demo province (no dossiers, no background worker), stops, and the
// bench writes an open SIPAS survey straight into the tables (server/modules/surveys/test-support.ts: the published
// template, a target for two departments, the invitations the run needs); then it starts again for the load.
//
// The load: a closed loop keeps `--concurrency` respondents busy for `--seconds` (after `--warmup` seconds whose
// figures are left out). Each answer is a valid SIPAS response (`sampleAnswers`, seeded) with a fresh client key,
// sent alternately through a QR code (`GET /api/captcha`, solved at difficulty 1, then the POST) and through a
// personal invitation (its one-time token, no captcha); one in `--repeat-every` (20: 5%) sends an accepted answer
// again (same client key and token or spent captcha: a retry after a lost connection), which must answer 200 and
// store nothing. As in the hotline bench, the per-address limits have no setting to lift them, so the server trusts
// X-Forwarded-For (CHIDAO_TRUST_PROXY=true) and each respondent sends from an address of its own (10.x.y.z).
// The client is one Node process on the same machine: it competes with the server and the database for the cores.
//
// Prints one JSON object: answers sent, 201s by channel, 200s for repeats, errors by status (with a sample), per
// second, POST latency p50/p90/p99/max, rows stored by the measured window (by their client keys), invitations
// used, accepted = stored; the indices' times (min, p50, max over `--runs`) against the goals.
// `--short` (CI): 3 s of load after 1 s of warm-up, 3 runs of the indices. `--cpu-prof DIR` runs the measured
// server under `node --cpu-prof` and leaves its profile in DIR (the warm-up included).
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
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
import { adminQuery, PG_BASE, rerunUnderTsx } from './shared.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  allowNegative: true,
  options: {
    build: { type: 'boolean', default: true },
    engine: { type: 'string', default: 'auto' },
    seconds: { type: 'string' },
    concurrency: { type: 'string', default: '32' },
    warmup: { type: 'string' },
    'repeat-every': { type: 'string', default: '20' },
    responses: { type: 'string', default: '100000' },
    runs: { type: 'string' },
    short: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
// The build runs before tsx takes over (the child only reads the flag).
if (values.build && !process.env.CHIDAO_BENCH_CHILD) {
  const { buildIfNeeded } = await import('../build-if-needed.mjs');
  buildIfNeeded();
}
rerunUnderTsx(import.meta.filename);

const seconds = Number(values.seconds ?? (values.short ? 3 : 10));
const warmupSeconds = Number(values.warmup ?? (values.short ? 1 : 2));
const concurrency = Number(values.concurrency);
const repeatEvery = Number(values['repeat-every']);
const indexResponses = Number(values.responses);
const runs = Math.max(3, Number(values.runs ?? (values.short ? 3 : 5)));
const CAPTCHA_DIFFICULTY = 1;
const GOALS = { perSecond: 500, p99Ms: 100, indicesMs: 1000 };

const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const note = (msg) => console.error(`surveys: ${new Date().toISOString().slice(11, 19)} ${msg}`);
const imp = (p) => import(path.join(root, p));

function reachable(url) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(800, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

let engine = values.engine;
let engineNote = null;
if (engine === 'auto') {
  engine = (await reachable(PG_BASE)) ? 'postgres' : 'pglite';
  if (engine === 'pglite')
    engineNote = `PostgreSQL at ${new URL(PG_BASE).host} not reachable: measured on PGlite (the goal is set for PostgreSQL)`;
}
if (engine !== 'pglite' && engine !== 'postgres')
  throw new Error(`--engine auto|pglite|postgres, not ${engine}`);

const built = fs.existsSync(path.join(root, 'dist/server/main.js'));
const serverArgs = built ? ['dist/server/main.js'] : ['--import', 'tsx', 'server/main.ts'];

// ---- The client: node:http, one keep-alive connection per respondent in flight --------------------------------------

/** Respondent n's address: 10.x.y.z, one per answer (the per-address limits stay far away). */
const address = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

const quantiles = (list) => {
  const ms = [...list].sort((a, b) => a - b);
  const q = (p) => (ms.length ? round(ms[Math.min(ms.length - 1, Math.ceil(ms.length * p) - 1)], 1) : null);
  return { p50Ms: q(0.5), p90Ms: q(0.9), p99Ms: q(0.99), maxMs: ms.length ? round(ms.at(-1), 1) : null };
};

/**
 * Closed loop for `durationS`: `concurrency` respondents, each an answer after the other, alternately by QR code
 * (captcha first) and by invitation. Numbers, tokens and addresses come from `counter` (shared with the warm-up).
 */
async function run(phase, durationS, survey, pool, counter) {
  const stats = {
    sent: 0,
    qr201: 0,
    invitation201: 0,
    repeats200: 0,
    repeatsSent: 0,
    repeatsCreated: 0,
    errors: {},
    errorSamples: {},
    post: [],
    captcha: [],
  };
  const accepted = [];
  const countError = (status, body) => {
    stats.errors[status] = (stats.errors[status] ?? 0) + 1;
    if (!stats.errorSamples[status] && body) stats.errorSamples[status] = body.toString('utf8').slice(0, 300);
  };
  const deadline = performance.now() + durationS * 1000;
  let iteration = 0;
  const respondent = async () => {
    while (performance.now() < deadline) {
      const i = iteration++;
      let sub;
      if (repeatEvery > 0 && i % repeatEvery === repeatEvery - 1 && accepted.length) {
        sub = { ...accepted[Math.floor(Math.random() * accepted.length)], repeat: true };
      } else {
        const n = counter.next++;
        const byQr = n % 2 === 0;
        if (!byQr && counter.token >= survey.tokens.length) throw new Error('out of invitation tokens');
        const base = {
          versionId: survey.versionId,
          hash: survey.hash,
          clientKey: `sb-${phase}-${process.pid}-${String(n).padStart(7, '0')}`,
          answers: pool[n % pool.length],
          minutes: 3 + (n % 9),
        };
        sub = {
          ip: address(n),
          repeat: false,
          channel: byQr ? 'qr' : 'invitation',
          data: byQr
            ? { ...base, code: survey.codes[n % survey.codes.length] }
            : { ...base, token: survey.tokens[counter.token++] },
        };
      }
      const headers = { 'x-forwarded-for': sub.ip, 'content-type': 'application/json' };
      let data = sub.data;
      if (sub.channel === 'qr' && !sub.repeat) {
        const c = await send('GET', '/api/captcha', { 'x-forwarded-for': sub.ip });
        if (c.status !== 200) {
          countError(`captcha-${c.status}`, c.body);
          continue;
        }
        stats.captcha.push(c.ms);
        const challenge = JSON.parse(c.body.toString('utf8'));
        data = {
          ...data,
          captcha: { token: challenge.token, nonce: solve(challenge.salt, challenge.difficulty) },
        };
        sub.data = data; // a repeat resends the spent captcha, as a retrying browser would
      }
      const body = Buffer.from(JSON.stringify(data));
      stats.sent++;
      if (sub.repeat) stats.repeatsSent++;
      const r = await send(
        'POST',
        '/api/public/surveys/responses',
        { ...headers, 'content-length': body.length },
        body,
      );
      stats.post.push(r.ms);
      if (r.status === 201 && !sub.repeat) {
        stats[sub.channel === 'qr' ? 'qr201' : 'invitation201']++;
        accepted.push(sub);
      } else if (r.status === 200 && sub.repeat) stats.repeats200++;
      else if (r.status === 201) {
        stats.repeatsCreated++;
        countError('201-for-a-repeat', r.body);
      } else countError(r.status, r.body);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, respondent));
  stats.elapsedS = (performance.now() - t0) / 1000;
  return stats;
}

// ---- CPU time: the client (this process), the server process, the database's backends, the whole machine ---------

/** The backends of the bench's database (none on PGlite). */
const backendPids = () => (dbUrl ? sharedBackendPids(benchDb) : Promise.resolve([]));

// ---- The run -------------------------------------------------------------------------------------------------------

const { openDatabase } = await imp('server/db/client.ts');
const { createTestSurvey, sampleAnswers, seededRandom } = await imp('server/modules/surveys/test-support.ts');
const { shippedSurvey } = await imp('server/modules/surveys/data/index.ts');
const { computeIndices } = await imp('server/modules/surveys/rules/indices.ts');
const { normaliseAnswers } = await imp('server/modules/surveys/rules/answers.ts');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-bench-surveys-'));
const dataDir = path.join(tmp, 'data');
const benchDb = `chidao_bench_surveys_${process.pid}`;
let dbUrl = null;
if (engine === 'postgres') {
  await adminQuery(PG_BASE, `CREATE DATABASE ${benchDb}`);
  const url = new URL(PG_BASE);
  url.pathname = `/${benchDb}`;
  dbUrl = url.toString();
}
const openBenchDb = () =>
  dbUrl
    ? openDatabase({ engine: 'postgres', url: dbUrl, poolSize: 2 })
    : openDatabase({ engine: 'pglite', dataDir });
const serverEnv = {
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
};
const started = performance.now();
let server = null;
try {
  note(`starting the server (${engine}, ${built ? 'dist' : 'tsx'}) to migrate and seed the demo`);
  server = await startServer(root, serverArgs, { CHIDAO_BENCH_CHILD: '', ...serverEnv });
  client.port = server.port;
  client.agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  await waitReady();
  client.agent.destroy();
  await stopServer(server.child);

  // Enough invitations for the fastest run this machine could give (half the answers come through them).
  const invitationsNeeded = Math.ceil((seconds + warmupSeconds) * 3000 * 0.5) + 1000;
  note(`writing an open SIPAS survey with ${invitationsNeeded} invitations`);
  let survey;
  {
    const database = await openBenchDb();
    try {
      const s = await createTestSurvey(database.db, { invitations: invitationsNeeded });
      survey = {
        id: s.surveyId,
        versionId: s.version.id,
        hash: s.version.hash,
        codes: s.targets.map((t) => t.publicCode),
        tokens: s.invitations.map((i) => i.token),
        definition: s.version.definition,
      };
    } finally {
      await database.close();
    }
  }
  const random = seededRandom(17);
  const pool = Array.from({ length: 500 }, () => sampleAnswers(survey.definition, random));

  server = await startServer(
    root,
    serverArgs,
    { CHIDAO_BENCH_CHILD: '', ...serverEnv },
    values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values['cpu-prof'])}`] : [],
  );
  client.port = server.port;
  client.agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  await waitReady();
  const counter = { next: 1, token: 0 };
  note(`warm-up ${warmupSeconds} s`);
  const warm = await run('warmup', warmupSeconds, survey, pool, counter);
  note(`measuring ${seconds} s at concurrency ${concurrency}`);
  const loadAverage = os.loadavg()[0];
  const pids = await backendPids();
  const cpuNow = () => ({
    client: clientCpuS(),
    server: procCpuS(server.child.pid),
    database: backendsCpuS(pids),
    machine: machineBusyS(),
  });
  const cpu0 = cpuNow();
  const m = await run('measure', seconds, survey, pool, counter);
  const cpu1 = cpuNow();
  client.agent.destroy();
  await stopServer(server.child);
  server = null;

  const database = await openBenchDb();
  let stored;
  try {
    const { sql } = await import('drizzle-orm');
    const { rows } = await imp('server/db/client.ts');
    [stored] = await rows(
      database.db,
      sql`SELECT
            count(*) FILTER (WHERE client_key LIKE ${`sb-measure-${process.pid}-%`})::int AS measured,
            count(DISTINCT client_key) FILTER (WHERE client_key LIKE ${`sb-measure-${process.pid}-%`})::int AS measured_keys,
            count(*) FILTER (WHERE client_key LIKE ${`sb-measure-${process.pid}-%`} AND channel = 'invitation')::int AS measured_invitation,
            count(*) FILTER (WHERE client_key LIKE ${`sb-warmup-${process.pid}-%`})::int AS warmup,
            count(*)::int AS all_rows,
            count(DISTINCT xmin::text)::int AS transactions,
            (SELECT count(*)::int FROM survey_invitations WHERE survey_id = ${survey.id}::uuid AND used) AS invitations_used
          FROM survey_responses WHERE survey_id = ${survey.id}::uuid`,
    );
  } finally {
    await database.close();
  }

  // ---- SIPAS indices over 100,000 responses (the pure computation the results page runs) ----
  note(`computing SIPAS indices over ${indexResponses} responses × ${runs} runs`);
  const sipas = shippedSurvey('sipas');
  const gen = seededRandom(4242);
  let t = performance.now();
  const responses = Array.from({ length: indexResponses }, (_, i) => ({
    group: `u${i % 20}`,
    answers: sampleAnswers(sipas.definition, gen),
  }));
  const generateMs = performance.now() - t;
  // Stored answers are normalised ones: check a sample is what the form would store.
  for (const r of responses.slice(0, 200))
    if (!normaliseAnswers(sipas.definition, r.answers).ok)
      throw new Error('generated answers do not fit SIPAS');
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    result = computeIndices(sipas.definition, sipas.indices[0], responses);
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const indices = {
    responses: indexResponses,
    groups: result.groups.length,
    config: sipas.indices[0].key,
    runs,
    generateMs: round(generateMs),
    minMs: round(sorted[0]),
    p50Ms: round(sorted[Math.floor((sorted.length - 1) / 2)]),
    maxMs: round(sorted.at(-1)),
    overall: result.all.cells.at(-1)?.value ?? null,
  };

  const accepted = m.qr201 + m.invitation201;
  const answered = accepted + m.repeats200;
  const post = quantiles(m.post);
  const perSecond = Math.round(answered / m.elapsedS);
  const out = {
    suite: 'surveys',
    engine,
    ...(engineNote ? { note: engineNote } : {}),
    server: built ? 'dist/server/main.js' : 'server/main.ts under tsx (no build)',
    node: process.version,
    cpus: os.cpus().length,
    seconds,
    measuredSeconds: round(m.elapsedS, 2),
    concurrency,
    captchaDifficulty: CAPTCHA_DIFFICULTY,
    rateLimit:
      'no setting lifts the per-address limits: CHIDAO_TRUST_PROXY=true and one X-Forwarded-For address (10.x.y.z) per answer',
    submissions: {
      sent: m.sent,
      accepted201: accepted,
      byChannel: { qr: m.qr201, invitation: m.invitation201 },
      repeats200: m.repeats200,
      repeatsSent: m.repeatsSent,
      errors: m.errors,
      perSecond,
      ...post,
    },
    captcha: { count: m.captcha.length, ...quantiles(m.captcha) },
    stored: stored.measured,
    acceptedEqualsStored:
      stored.measured === accepted &&
      stored.measured_keys === stored.measured &&
      m.repeatsCreated === 0 &&
      stored.measured_invitation === m.invitation201 &&
      stored.invitations_used === warm.invitation201 + m.invitation201,
    check: {
      storedDistinctKeys: stored.measured_keys,
      storedByInvitation: stored.measured_invitation,
      repeatsStoredAgain: m.repeatsCreated,
      invitationsUsed: stored.invitations_used,
      invitationsAccepted: warm.invitation201 + m.invitation201,
      warmup: { seconds: warmupSeconds, accepted201: warm.qr201 + warm.invitation201, stored: stored.warmup },
      rowsOfTheSurvey: stored.all_rows,
      // Transactions that wrote them: the writer's batches (each shuffled), fewer than the rows under load.
      writeTransactions: stored.transactions,
    },
    // CPU time over the measured window: this client, the server process, the PostgreSQL backends of the bench's
    // database (PGlite runs inside the server), anything else on the machine, and what the cores could give.
    cpuSeconds: (() => {
      const c = {
        client: cpu1.client - cpu0.client,
        server: cpu1.server - cpu0.server,
        database: cpu1.database - cpu0.database,
        machine: cpu1.machine - cpu0.machine,
      };
      return {
        client: round(c.client, 2),
        server: round(c.server, 2),
        ...(engine === 'postgres' ? { database: round(c.database, 2) } : {}),
        otherProcesses: round(Math.max(0, c.machine - c.client - c.server - c.database), 2),
        available: round(m.elapsedS * os.cpus().length, 2),
        serverMsPerAnswer: m.sent ? round((c.server * 1000) / m.sent, 2) : null,
        ...(engine === 'postgres'
          ? { databaseMsPerAnswer: m.sent ? round((c.database * 1000) / m.sent, 2) : null }
          : {}),
      };
    })(),
    indices,
    loadAverage1mBefore: round(loadAverage, 2),
    goals: GOALS,
    met: {
      perSecond: perSecond >= GOALS.perSecond,
      p99: post.p99Ms !== null && post.p99Ms <= GOALS.p99Ms,
      indices: indices.p50Ms <= GOALS.indicesMs,
    },
    runSeconds: round((performance.now() - started) / 1000, 1),
  };
  if (Object.keys(m.errorSamples).length) out.check.errorSamples = m.errorSamples;
  console.log(JSON.stringify(out, null, 2));
} catch (err) {
  if (server) console.error(server.output().slice(-3000));
  throw err;
} finally {
  if (server) await stopServer(server.child);
  fs.rmSync(tmp, { recursive: true, force: true });
  if (engine === 'postgres') await adminQuery(PG_BASE, `DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
}
