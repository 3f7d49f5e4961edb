// `npm run bench [-- platform|gso|plans|reports|dashboard|dossiers|import-latency|hotline|surveys|parindex|web] [--engine pglite|postgres] [--seconds N]`: measures and prints one JSON object.
//   gso: the whole country's GSO unit import (see scripts/bench/gso-import.mjs)
//   plans: the plan dashboard (see scripts/bench/plans-dashboard.mjs)
//   reports: periodic reports at scale: consolidation of 150 and 3,321 units × 200 fields (the pure engine and the
//            full service) and the completeness view of 3,321 reports, against the goals ≤ 2 s and ≤ 100 ms
//            (scripts/bench/reports-consolidation.mjs; -- reports [--runs 5])
//   dossiers: procedure dossiers at scale: import vs COPY, KPI from rollups vs raw GROUP BY (scripts/bench/dossiers.mjs;
//             -- dossiers [--rows N] [--runs 50])
//   import-latency: API latency and the event loop's longest block while a dossier file is imported and exported
//             through the HTTP API of the real server (scripts/bench/import-latency.mjs; -- import-latency [--rows N])
//   hotline: public feedback submissions a second through the real server's HTTP API (captcha, multipart, 5%
//            repeats), POST p50/p99 and accepted vs stored, against ≥ 1,000/s and p99 ≤ 100 ms
//            (scripts/bench/hotline-submissions.mjs; -- hotline [--seconds 10] [--concurrency 32])
//   surveys: public survey answers a second through the real server's HTTP API (QR with captcha and one-time
//            invitations, 5% retries), POST p50/p99 and accepted vs stored, against ≥ 500/s and p99 ≤ 100 ms; and the
//            SIPAS indices over 100,000 responses against ≤ 1 s — on PostgreSQL when reachable, else PGlite (noted)
//            (scripts/bench/surveys-submissions.mjs; -- surveys [--seconds 10] [--concurrency 32] [--short])
//   parindex: the PAR Index's results (every score, grade and rank of a campaign) for 150 units and for 3,321
//            communes × the shipped sets, against ≤ 1 s for the larger (scripts/bench/parindex-scoring.mjs;
//            -- parindex [--runs 5] [--units 3321])
//   dashboard: the province overview (GET /api/dashboard, its drill-down, the landing page, the figure catalogue
//            alone) on the demo data with its generated dossiers, through the real app, against ≤ 1 s
//            (scripts/bench/dashboard.mjs; -- dashboard [--runs 20])
//   web: the web app's weight and paint times in Chromium: JS/CSS sizes (raw, gzip, brotli), what the login and
//        landing pages load before their first render, FCP/LCP unthrottled and on slow 4G (scripts/bench/web.mjs;
//        -- web [--runs 5] [--slow-runs 3] [--pages login,landing,province,portal] [--check] [--web-dir DIR])
//   cold_start_first_ms   spawn → /readyz 200 on an empty data directory (migrations + demo seed)
//   cold_start_warm_ms    the same on the now-existing data directory
//   list_rps              authenticated GET /api/documents?limit=10 (session lookup, grants, access filter)
//   bare_rps              a bare Fastify route returning a similar JSON list, measured in the same run
//   list_vs_bare          list_rps / bare_rps
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfNeeded } from './build-if-needed.mjs';
import { adminQuery } from './bench/shared.mjs';

const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  allowNegative: true,
  options: {
    build: { type: 'boolean', default: true },
    engine: { type: 'string', default: 'pglite' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '16' },
    rows: { type: 'string' },
    runs: { type: 'string' },
    'slow-runs': { type: 'string' },
    'web-dir': { type: 'string' },
    pages: { type: 'string' },
    check: { type: 'boolean', default: false },
    short: { type: 'boolean', default: false },
  },
});
const suite = positionals[0] ?? 'platform';
if (suite === 'gso') {
  // The unit registry: the whole country's 2025 GSO import (twice: the second must change nothing).
  const { spawnSync } = await import('node:child_process');
  const args = ['scripts/bench/gso-import.mjs', '--engine', values.engine];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (suite === 'plans') {
  // The plan dashboard: 5 plans × 80 tasks over 150 units, 20 progress updates per task.
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, ['scripts/bench/plans-dashboard.mjs', '--engine', values.engine], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
if (suite === 'reports') {
  // Periodic reports: a 200-field form, 150 and 3,321 submitted reports; consolidation and the completeness view.
  const { spawnSync } = await import('node:child_process');
  const args = ['scripts/bench/reports-consolidation.mjs', '--engine', values.engine];
  if (values.runs) args.push('--runs', values.runs);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (suite === 'parindex') {
  // The PAR Index: a campaign's results computed for 150 units and for 3,321 communes.
  const { spawnSync } = await import('node:child_process');
  const args = ['scripts/bench/parindex-scoring.mjs', '--engine', values.engine];
  if (values.runs) args.push('--runs', values.runs);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (suite === 'dashboard') {
  // The province overview: 15 figures × 4 windows and where work is stuck, on the demo province.
  const { spawnSync } = await import('node:child_process');
  const args = ['scripts/bench/dashboard.mjs', '--engine', values.engine];
  if (values.runs) args.push('--runs', values.runs);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (suite === 'dossiers') {
  // Dossiers: generated CSV import vs COPY, KPI by unit from the rollups vs a raw GROUP BY.
  const { spawnSync } = await import('node:child_process');
  const args = ['scripts/bench/dossiers.mjs', '--engine', values.engine];
  if (values.rows) args.push('--rows', values.rows);
  if (values.runs) args.push('--runs', values.runs);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (suite === 'import-latency') {
  // Requests while a 100,000-row dossier import and export run in the background (does any of them wait?).
  const { spawnSync } = await import('node:child_process');
  const args = ['scripts/bench/import-latency.mjs', '--engine', values.engine];
  if (values.rows) args.push('--rows', values.rows);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (suite === 'hotline') {
  // Public hotline submissions under a closed loop of citizens (captcha difficulty 1, one address each).
  const { spawnSync } = await import('node:child_process');
  const args = ['scripts/bench/hotline-submissions.mjs', '--engine', values.engine];
  if (!values.build) args.push('--no-build');
  // This suite's own defaults (10 s, 32 in flight) unless given.
  const given = (name) => process.argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (given('seconds')) args.push('--seconds', values.seconds);
  if (given('concurrency')) args.push('--concurrency', values.concurrency);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (suite === 'surveys') {
  // Public survey answers (QR + captcha at difficulty 1, invitations' one-time tokens) and SIPAS over 100,000.
  const { spawnSync } = await import('node:child_process');
  // The database: PostgreSQL when reachable unless --engine is given (the goal is PostgreSQL's).
  const given = (name) => process.argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const args = [
    'scripts/bench/surveys-submissions.mjs',
    '--engine',
    given('engine') ? values.engine : 'auto',
  ];
  if (!values.build) args.push('--no-build');
  if (given('seconds')) args.push('--seconds', values.seconds);
  if (given('concurrency')) args.push('--concurrency', values.concurrency);
  if (values.runs) args.push('--runs', values.runs);
  if (values.short) args.push('--short');
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (suite === 'web') {
  // The web app: bundle sizes, initial JS/CSS of the login, landing, overview and portal pages, FCP/LCP (local and
  // slow 4G); --check fails on a page over its budget.
  const { spawnSync } = await import('node:child_process');
  const args = [
    'scripts/bench/web.mjs',
    ...(values.build ? [] : ['--no-build']),
    ...(values.check ? ['--check'] : []),
  ];
  if (values.runs) args.push('--runs', values.runs);
  for (const option of ['slow-runs', 'web-dir', 'pages']) {
    if (values[option]) args.push(`--${option}`, values[option]);
  }
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (suite !== 'platform') {
  console.error(
    `Unknown bench suite "${suite}". Available: platform, gso, plans, reports, dossiers, import-latency, hotline, surveys, parindex, dashboard, web`,
  );
  process.exit(64);
}
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

function startProcess(args, env, pattern) {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      out += chunk;
      const m = out.match(pattern);
      if (m) resolve({ child, port: Number(m[1]), started });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => (out += c));
    child.once('exit', (code) => reject(new Error(`process exited ${code}: ${out.slice(-2000)}`)));
  });
}

async function waitReady(port) {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function coldStart(dataDir, extraEnv) {
  const t0 = performance.now();
  const proc = await startProcess(
    ['dist/server/main.js'],
    { PORT: '0', HOST: '127.0.0.1', CHIDAO_DATA_DIR: dataDir, CHIDAO_LOG_LEVEL: 'warn', ...extraEnv },
    /running: http:\/\/localhost:(\d+)/,
  );
  await waitReady(proc.port);
  return { ...proc, ms: Math.round(performance.now() - t0) };
}

async function stop(child) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Closed-loop load: `concurrency` workers issue requests back to back for `seconds`. */
async function load(url, headers) {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  const latencies = [];
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.status === 200) done++;
      else errors++;
      latencies.push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => Math.round(latencies[Math.floor((latencies.length - 1) * p)] * 100) / 100;
  return { rps: Math.round(done / elapsed), errors, p50_ms: q(0.5), p95_ms: q(0.95) };
}

if (values.build) buildIfNeeded();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-bench-'));
// On PostgreSQL the bench makes its own database next to DATABASE_URL's (or the local server's) and drops it.
const pgBase = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const benchDb = `chidao_bench_${process.pid}`;
let env = {};
if (values.engine === 'postgres') {
  await adminQuery(pgBase, `CREATE DATABASE ${benchDb}`);
  const url = new URL(pgBase);
  url.pathname = `/${benchDb}`;
  env = { DATABASE_URL: url.toString(), CHIDAO_DEMO: 'on' };
}
const result = {
  suite,
  engine: values.engine,
  node: process.version,
  cpus: os.cpus().length,
  seconds,
  concurrency,
};
try {
  const first = await coldStart(dataDir, env);
  result.cold_start_first_ms = first.ms;
  await stop(first.child);
  const warm = await coldStart(dataDir, env);
  result.cold_start_warm_ms = warm.ms;

  const login = await fetch(`http://127.0.0.1:${warm.port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'daumoi.tuphap@chidao.demo', password: 'chidao-demo' }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

  const bare = await startProcess(['scripts/bench/bare-server.mjs'], {}, /listening (\d+)/);
  // Warm both up, then measure one after the other (2 cores: never both at once).
  await load(`http://127.0.0.1:${bare.port}/bare`, {});
  const bareRun = await load(`http://127.0.0.1:${bare.port}/bare`, {});
  await load(`http://127.0.0.1:${warm.port}/api/documents?limit=10`, { cookie });
  const listRun = await load(`http://127.0.0.1:${warm.port}/api/documents?limit=10`, { cookie });
  await stop(bare.child);
  await stop(warm.child);
  Object.assign(result, {
    list_rps: listRun.rps,
    list_p50_ms: listRun.p50_ms,
    list_p95_ms: listRun.p95_ms,
    list_errors: listRun.errors,
    bare_rps: bareRun.rps,
    bare_p50_ms: bareRun.p50_ms,
    list_vs_bare: Math.round((listRun.rps / bareRun.rps) * 1000) / 1000,
  });
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (values.engine === 'postgres')
    await adminQuery(pgBase, `DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
}
console.log(JSON.stringify(result, null, 2));
