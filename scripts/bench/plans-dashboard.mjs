// `node scripts/bench/plans-dashboard.mjs [--engine pglite|postgres] [--runs 30]`: a province with 5 yearly
// plans of 80 tasks each across 150 units and 20 progress updates per task, then, timed over runs:
//   dashboard_*           the plan page's two requests (KPIs with task ids, task list with timing and actions)
//   progress_*            the progress dashboard (GET /api/plans/:id/dashboard: overall, by area, unit, member,
//                         trend, every number with its task ids, rebuilt from the status events as of a date)
//   progress_restated_*   the same restated onto today's units (one batched lineage look-up: restateMany)
//   drill_*               the drill-down behind one number (GET /api/plans/:id/dashboard/tasks)
//   *_queries             SQL statements one request sends (counted on the database client)
// Prints one JSON object. PostgreSQL: DATABASE_URL or CHIDAO_TEST_PG_URL (a scratch database, dropped).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: { engine: { type: 'string', default: 'pglite' }, runs: { type: 'string', default: '30' } },
});

if (!process.env.CHIDAO_BENCH_CHILD) {
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
const { unitsAsOf } = await import(path.join(root, 'server/modules/units/lineage.service.ts'));
const { insertPlanWithTasks, listTasks, planKpis, REFORM_AREAS } = await import(
  path.join(root, 'server/modules/plans/plans.service.ts')
);
const { planDashboard, dashboardTasks } = await import(
  path.join(root, 'server/modules/plans/dashboard.service.ts')
);
const { loadActor } = await import(path.join(root, 'server/modules/access/access.service.ts'));
const { findUserByEmail } = await import(path.join(root, 'server/modules/users/users.service.ts'));

const runs = Number(values.runs);
const { database, drop } = await freshDatabase();
try {
  const base = systemContext(database.db);
  await seedDemo(base, { withAccounts: true });
  const province = (await unitsAsOf(database.db, { date: '2024-06-01', kind: 'province' })).find(
    (u) => u.code === '40',
  );
  // 150 units: departments and districts of 2024 plus communes of today, under the province.
  const pool = [
    ...(await unitsAsOf(database.db, { date: '2024-06-01', withinId: province.id })).filter(
      (u) => u.kind !== 'province',
    ),
  ].slice(0, 150);
  let t = performance.now();
  const planIds = [];
  for (let year = 2021; year <= 2025; year++) {
    const tasks = Array.from({ length: 80 }, (_, i) => ({
      title: `Nhiệm vụ ${i + 1} năm ${year}`,
      reformArea: REFORM_AREAS[i % REFORM_AREAS.length],
      leadUnitId: pool[(i * 7 + year) % pool.length].id,
      dueDate: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-20`,
      status: i % 5 === 0 ? 'in_progress' : i % 7 === 0 ? 'returned' : 'verified',
      reportedOn: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${i % 3 === 0 ? '25' : '15'}`,
      verifiedOn: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-26`,
      lastReason: i % 7 === 0 ? 'Thiếu tài liệu kiểm chứng' : null,
    }));
    planIds.push(
      await insertPlanWithTasks(
        base,
        { year, ownerUnitId: province.id, title: `Kế hoạch CCHC năm ${year}`, method: 'count' },
        tasks,
      ),
    );
  }
  // 20 progress updates per task.
  await database.db.execute(`INSERT INTO work_events (kind, item_id, action, note, percent, "on")
    SELECT 'plan_task', t.id, 'progress', 'Cập nhật tiến độ lần ' || g, g * 5, (date '2021-01-01' + g) FROM plan_tasks t, generate_series(1, 20) g`);
  const seedMs = Math.round(performance.now() - t);
  const officer = await findUserByEmail(base, 'thuongtruc@chidao.demo');
  const ctx = { ...base, actor: await loadActor(database.db, officer) };
  const plan = planIds.at(-1);
  for (let i = 0; i < 3; i++) {
    await planKpis(ctx, plan, '2025-12-31');
    await listTasks(ctx, plan, '2025-12-31');
  }
  const times = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await planKpis(ctx, plan, '2025-12-31');
    await listTasks(ctx, plan, '2025-12-31');
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p) => Math.round(times[Math.floor((times.length - 1) * p)] * 100) / 100;

  // Statements sent to the database: every query of either engine goes through the client's query().
  const client = database.db.$client;
  let statements = 0;
  // CHIDAO_BENCH_TRACE=1 prints each measured request's statements (first line of each) to stderr.
  const trace = process.env.CHIDAO_BENCH_TRACE ? [] : null;
  const query = client.query.bind(client);
  client.query = (...args) => {
    statements++;
    const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
    trace?.push(
      String(text ?? '')
        .replace(/\s+/g, ' ')
        .slice(0, 160),
    );
    return query(...args);
  };
  const progress = {};
  const measure = async (name, fn) => {
    for (let i = 0; i < 3; i++) await fn();
    statements = 0;
    if (trace) trace.length = 0;
    await fn();
    progress[`${name}_queries`] = statements;
    if (trace) process.stderr.write(`-- ${name}\n${trace.map((l, i) => `${i + 1}. ${l}`).join('\n')}\n`);
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn();
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    const at = (p) => Math.round(samples[Math.floor((samples.length - 1) * p)] * 100) / 100;
    progress[`${name}_p50_ms`] = at(0.5);
    progress[`${name}_p95_ms`] = at(0.95);
  };
  await measure('progress', () => planDashboard(ctx, plan, { asOf: '2025-12-31' }));
  await measure('progress_past', () => planDashboard(ctx, plan, { asOf: '2025-06-30' }));
  await measure('progress_restated', () => planDashboard(ctx, plan, { asOf: '2025-12-31', restate: true }));
  await measure('drill', () => dashboardTasks(ctx, plan, { asOf: '2025-12-31', metric: 'verified' }));
  client.query = query;
  const sample = await planDashboard(ctx, plan, { asOf: '2025-12-31' });
  const [{ n: events }] = (
    await database.db.execute(`SELECT count(*)::int AS n FROM work_events WHERE kind = 'plan_task'`)
  ).rows;
  console.log(
    JSON.stringify(
      {
        suite: 'plans',
        engine: database.engine,
        plans: 5,
        tasksPerPlan: 80,
        units: pool.length,
        taskEvents: events,
        seed_ms: seedMs,
        runs,
        dashboard_p50_ms: q(0.5),
        dashboard_p95_ms: q(0.95),
        progress_tasks: sample.overall.total.value,
        progress_lead_units: sample.byUnit.length,
        progress_bytes: JSON.stringify(sample).length,
        ...progress,
      },
      null,
      2,
    ),
  );
} finally {
  await drop();
}
