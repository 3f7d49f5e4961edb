// `node scripts/bench/dossiers.mjs [--engine pglite|postgres] [--rows N] [--runs 50] [--seed S]`: administrative-
// procedure dossiers at scale (issue 5). On a fresh database with the demo province:
//   gen_s             generating N dossiers of Nghệ An 2023 → today (server/modules/dossiers/generator.ts) into a CSV
//   import_s          importing that CSV through the app's file import (startImport + runImport: stored, streamed,
//                     validated and staged in chunks, applied set-wise in one transaction, rollups included)
//   stage_s, apply_s  its two phases
//   copy_s            PostgreSQL COPY of the same CSV into a bare table (psql \copy on PostgreSQL, COPY FROM
//                     '/dev/blob' on PGlite), in the same run; import_vs_copy = import_s / copy_s
//   import_peak_rss_mb  the process's resident memory at its highest during the import (PGlite runs in-process)
//   kpi_p50/p95_ms    the indicators of the province for one year grouped by unit (rollups only), over --runs
//   raw_groupby_ms    the equivalent GROUP BY over the raw dossiers table (median of 5); speedup_vs_raw = raw / kpi p50
// Prints one JSON object. PostgreSQL: DATABASE_URL or CHIDAO_TEST_PG_URL (a scratch database, dropped).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PG_BASE, rerunUnderTsx, writeDossierCsv } from './shared.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    rows: { type: 'string' },
    runs: { type: 'string', default: '50' },
    seed: { type: 'string', default: '2025' },
    year: { type: 'string', default: '2025' },
  },
});
const pgBase = PG_BASE;

rerunUnderTsx(import.meta.filename, {
  nodeArgs: ['--max-old-space-size=4096'],
  env: { CHIDAO_TEST_ENGINE: values.engine, CHIDAO_TEST_PG_URL: pgBase },
});

const engine = values.engine;
const rows = Number(values.rows ?? (engine === 'postgres' ? 200_000 : 100_000));
const runs = Number(values.runs);
const year = values.year;
const mod = (p) => import(path.join(root, p));
const { freshDatabase } = await mod('server/test/harness.ts');
const { systemContext } = await mod('server/core/context.ts');
const { seedDemo } = await mod('server/modules/demo/demo.service.ts');
const { loadActor } = await mod('server/modules/access/access.service.ts');
const { findUserByEmail } = await mod('server/modules/users/users.service.ts');
const { dossierIndicators } = await mod('server/modules/dossiers/dossiers.service.ts');
const { startImport, runImport } = await mod('server/modules/dossiers/import/dossiers-import.service.ts');
const { createFileStore } = await mod('server/modules/files/file-store.ts');
const { generatorInput, ensureCatalogue } = await mod('server/modules/dossiers/dossiers-seed.service.ts');
const generator = await mod('server/modules/dossiers/generator.ts');

const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const secondsSince = (t) => round((performance.now() - t) / 1000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-bench-dossiers-'));
const csvPath = path.join(tmp, 'dossiers.csv');

const { database, drop } = await freshDatabase();
const result = {
  suite: 'dossiers',
  engine: database.engine,
  rows,
  node: process.version,
  cpus: os.cpus().length,
};
try {
  const base = systemContext(database.db);
  await seedDemo(base, { withAccounts: true });
  const officer = await findUserByEmail(base, 'thuongtruc@chidao.demo');
  const ctx = { ...base, actor: await loadActor(database.db, officer) };
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const { options } = await generatorInput(database.db, {
    from: '2023-01-01',
    to: today,
    seed: Number(values.seed),
  });
  result.units = options.units.length;
  result.procedures = options.catalogue.length;
  await ensureCatalogue(ctx, options.catalogue);

  // 1. Generate the CSV (streamed to disk).
  let t = performance.now();
  {
    await writeDossierCsv(csvPath, generator, options, rows);
  }
  result.gen_s = secondsSince(t);
  result.csv_mb = round(fs.statSync(csvPath).size / 2 ** 20, 1);

  // 2. Import through the app's file import, as the import page does it: the file is stored, then streamed,
  //    validated and staged in chunks, then applied in one transaction (rollups included).
  const store = createFileStore({ kind: 'local', root: path.join(tmp, 'files') });
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  t = performance.now();
  const { job } = await startImport(ctx, store, {
    content: fs.createReadStream(csvPath),
    fileName: 'dossiers.csv',
    maxBytes: Number.MAX_SAFE_INTEGER,
  });
  const stored = performance.now();
  let stagedAt = 0;
  const finished = await runImport({ db: database.db, store }, job.id, {
    onStaged: () => (stagedAt = performance.now()),
  });
  result.import_s = secondsSince(t);
  clearInterval(sampler);
  if (finished?.status !== 'done')
    throw new Error(
      `import ${finished?.status}: ${JSON.stringify(finished?.errors?.slice(0, 3))} ${finished?.failureKey}`,
    );
  result.store_s = round((stored - t) / 1000);
  result.stage_s = stagedAt ? round((stagedAt - stored) / 1000) : null;
  result.apply_s = stagedAt ? secondsSince(stagedAt) : null;
  result.import_peak_rss_mb = Math.round(peak / 2 ** 20);
  result.import_path =
    'file import: startImport (store) + runImport (stream, validate, stage; apply set-wise)';
  result.import_created = finished.created;
  result.import_rows_per_s = Math.round(rows / result.import_s);
  const count = async (q) => Number((await database.db.execute(q)).rows[0].n);
  result.dossiers_stored = await count('SELECT count(*)::int AS n FROM dossiers');
  result.rollup_rows = await count('SELECT count(*)::int AS n FROM dossier_rollups');

  // 3. COPY of the same file into a bare table.
  // A bare table with one typed column per column of the file (times as timestamptz, days as date).
  const { DEFAULT_MAPPING } = await mod('server/modules/dossiers/import/column-mapping.ts');
  const typeOf = (field) =>
    field.endsWith('At') ? 'timestamptz' : field.startsWith('suspended') ? 'date' : 'text';
  await database.db.execute(
    `CREATE TABLE bench_dossiers_copy (${generator.CSV_HEADER.map((h, i) => `c${i} ${typeOf(DEFAULT_MAPPING.columns[h])}`).join(', ')})`,
  );
  const copySql = 'bench_dossiers_copy FROM %s WITH (FORMAT csv, HEADER true)';
  if (database.engine === 'postgres') {
    const url = new URL(pgBase);
    const dbName = (await database.db.execute('SELECT current_database() AS n')).rows[0].n;
    url.pathname = `/${dbName}`;
    t = performance.now();
    const r = spawnSync(
      'psql',
      [url.toString(), '-v', 'ON_ERROR_STOP=1', '-qc', `\\copy ${copySql.replace('%s', 'STDIN')}`],
      {
        input: fs.readFileSync(csvPath),
        maxBuffer: 1 << 20,
      },
    );
    if (r.status === 0) {
      result.copy_s = secondsSince(t);
      result.copy_path = 'psql \\copy (COPY FROM STDIN)';
    } else result.copy_note = `psql \\copy failed: ${String(r.stderr || r.error).slice(0, 300)}`;
  } else {
    const blob = new Blob([fs.readFileSync(csvPath)]);
    t = performance.now();
    await database.db.$client.query(`COPY ${copySql.replace('%s', "'/dev/blob'")}`, [], { blob });
    result.copy_s = secondsSince(t);
    result.copy_path = "PGlite COPY FROM '/dev/blob'";
  }
  if (result.copy_s) {
    result.copied_rows = await count('SELECT count(*)::int AS n FROM bench_dossiers_copy');
    result.import_vs_copy = round(result.import_s / result.copy_s, 1);
  }
  await database.db.execute('DROP TABLE bench_dossiers_copy');
  await database.db.execute('ANALYZE');

  // 4. KPI: the province's indicators for one year grouped by unit, from the rollups.
  const q = { from: `${year}-01-01`, to: `${year}-12-31`, groupBy: 'unit', restate: false };
  for (let i = 0; i < 3; i++) await dossierIndicators(ctx, q);
  const samples = [];
  let sample;
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    sample = await dossierIndicators(ctx, q);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (p) => round(samples[Math.floor((samples.length - 1) * p)]);
  Object.assign(result, {
    kpi_year: Number(year),
    kpi_runs: runs,
    kpi_p50_ms: at(0.5),
    kpi_p95_ms: at(0.95),
    kpi_units: sample.groups.length,
    kpi_received: sample.total.totals.received,
    kpi_on_time_rate: sample.total.indicators.onTimeRate?.value ?? null,
    kpi_online_rate: sample.total.indicators.onlineRate?.value ?? null,
  });

  // 5. The same figures by a GROUP BY over the raw dossiers (late/on time from the recorded due time).
  const from = `'${year}-01-01T00:00:00+07:00'::timestamptz`;
  const end = `'${Number(year) + 1}-01-01T00:00:00+07:00'::timestamptz`;
  const inPeriod = (col) => `${col} >= ${from} AND ${col} < ${end}`;
  const local = (col) => `(${col} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
  const openAt = (t) =>
    `received_at < ${t} AND (resolved_at IS NULL OR resolved_at >= ${t}) AND (withdrawn_at IS NULL OR withdrawn_at >= ${t})`;
  const raw = `SELECT unit_id,
      count(*) FILTER (WHERE ${inPeriod('received_at')}) AS received,
      count(*) FILTER (WHERE ${inPeriod('received_at')} AND channel = 'online') AS online,
      count(*) FILTER (WHERE ${inPeriod('received_at')} AND fee_payable) AS fee_payable,
      count(*) FILTER (WHERE ${inPeriod('received_at')} AND fee_payable AND paid_online) AS paid_online,
      count(*) FILTER (WHERE ${inPeriod('received_at')} AND digitised) AS digitised,
      count(*) FILTER (WHERE ${inPeriod('resolved_at')} AND ${local('resolved_at')} < ${local('due_at')}) AS early,
      count(*) FILTER (WHERE ${inPeriod('resolved_at')} AND ${local('resolved_at')} = ${local('due_at')}) AS on_time,
      count(*) FILTER (WHERE ${inPeriod('resolved_at')} AND ${local('resolved_at')} > ${local('due_at')}) AS late,
      count(*) FILTER (WHERE ${inPeriod('resolved_at')} AND e_result) AS e_result,
      count(*) FILTER (WHERE ${inPeriod('resolved_at')} AND rating IS NOT NULL) AS rated,
      count(*) FILTER (WHERE ${inPeriod('resolved_at')} AND (rating = 'not_satisfied' OR complained)) AS dissatisfied,
      count(*) FILTER (WHERE ${inPeriod('withdrawn_at')}) AS withdrawn,
      count(*) FILTER (WHERE ${openAt(from)}) AS carried_over,
      count(*) FILTER (WHERE ${openAt(end)} AND due_at < ${end}) AS overdue,
      count(*) FILTER (WHERE ${openAt(end)}) AS processing
    FROM dossiers WHERE received_at < ${end} GROUP BY unit_id`;
  const rawSamples = [];
  let rawRows = 0;
  for (let i = 0; i < 6; i++) {
    t = performance.now();
    rawRows = (await database.db.execute(raw)).rows.length;
    if (i > 0) rawSamples.push(performance.now() - t); // the first one warms the cache
  }
  rawSamples.sort((a, b) => a - b);
  result.raw_groupby_ms = round(rawSamples[Math.floor(rawSamples.length / 2)]);
  result.raw_groupby_units = rawRows;
  result.speedup_vs_raw = round(result.raw_groupby_ms / result.kpi_p50_ms, 1);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await drop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
