// `node scripts/bench/gso-import.mjs [--engine pglite|postgres] [--province 40]`: imports the GSO unit data with
// its history 2017 → 2025 (whole country by default) into a fresh, migrated database with the demo seed, twice, and prints one
// JSON object with timings and counts. PostgreSQL: DATABASE_URL or CHIDAO_TEST_PG_URL (a scratch database is
// created and dropped). Runs the TypeScript sources through tsx.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: { engine: { type: 'string', default: 'pglite' }, province: { type: 'string' } },
});

if (!process.env.CHIDAO_BENCH_CHILD) {
  // Re-run under tsx so the server's TypeScript modules load directly.
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      CHIDAO_BENCH_CHILD: '1',
      CHIDAO_TEST_ENGINE: values.engine,
      CHIDAO_TEST_PG_URL:
        process.env.CHIDAO_TEST_PG_URL ??
        process.env.DATABASE_URL ??
        'postgres://postgres@127.0.0.1:5432/test',
    },
  });
  process.exit(r.status ?? 1);
}

const { freshDatabase } = await import(path.join(root, 'server/test/harness.ts'));
const { systemContext } = await import(path.join(root, 'server/core/context.ts'));
const { seedDemo } = await import(path.join(root, 'server/modules/demo/demo.service.ts'));
const { importGso } = await import(path.join(root, 'server/modules/units/gso-import.service.ts'));
const { loadGsoData, loadGsoHistory } = await import(path.join(root, 'server/modules/units/gso-data.ts'));

let t = performance.now();
loadGsoData();
loadGsoHistory();
const loadMs = Math.round(performance.now() - t);
const { database, drop } = await freshDatabase();
try {
  const ctx = systemContext(database.db);
  await seedDemo(ctx, { withAccounts: false });
  const first = await importGso(ctx, { province: values.province });
  const second = await importGso(ctx, { province: values.province });
  t = performance.now();
  const asOf = await database.db.execute(
    `SELECT count(*) FILTER (WHERE v.valid_from <= '2024-06-01' AND (v.valid_to IS NULL OR v.valid_to >= '2024-06-01'))::int AS "2024-06-01",
            count(*) FILTER (WHERE v.valid_from <= '2026-01-01' AND (v.valid_to IS NULL OR v.valid_to >= '2026-01-01'))::int AS "2026-01-01"
       FROM unit_versions v JOIN units u ON u.id = v.unit_id WHERE u.kind IN ('province', 'district', 'commune')`,
  );
  console.log(
    JSON.stringify(
      {
        engine: database.engine,
        province: values.province ?? 'all',
        load_ms: loadMs,
        first,
        second,
        unitsValidOn: asOf.rows[0],
        query_ms: Math.round(performance.now() - t),
      },
      null,
      2,
    ),
  );
} finally {
  await drop();
}
