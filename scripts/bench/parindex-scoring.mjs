// `node scripts/bench/parindex-scoring.mjs [--engine pglite|postgres] [--runs 5] [--units 3321]`: the PAR Index at
// scale (issue 16, "Performance"): computing every score, grade and rank of a campaign — `computeResults(db,
// campaign)`: the scores read (only the columns that count), each framework flattened once, every assessment
// rolled up (rounds, bonus and penalty caps, rescaling without the survey), graded and ranked within its group —
// for a province of 150 units (20 departments and 130 communes) and for one of 3,321 communes, each scored on the
// shipped sets (89 and 84 sub-criteria; every self item scored, one in ten changed in round 1, the computed ones
// computed). Goal: ≤ 1,000 ms for the larger (judged on p95). PostgreSQL: a scratch database
// chidao_bench_parindex_<pid> on the server of CHIDAO_TEST_PG_URL or DATABASE_URL (else 127.0.0.1:5432), dropped
// at the end. Prints one JSON object.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { adminQuery, PG_BASE, rerunUnderTsx } from './shared.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    runs: { type: 'string', default: '5' },
    units: { type: 'string', default: '3321' },
  },
});
if (!['pglite', 'postgres'].includes(args.engine)) {
  console.error(`--engine must be pglite or postgres, not ${args.engine}`);
  process.exit(64);
}
rerunUnderTsx(import.meta.filename);
const started = performance.now();
const loadBefore = os.loadavg()[0];

const imp = (p) => import(path.join(root, p));
const { openDatabase } = await imp('server/db/client.ts');
const { systemContext } = await imp('server/core/context.ts');
const { units } = await imp('server/modules/units/units.table.ts');
const { parCampaigns, parAssessments, parScores } = await imp('server/modules/parindex/parindex.table.ts');
const { insertFramework } = await imp('server/modules/parindex/frameworks.service.ts');
const { shippedFramework } = await imp('server/modules/parindex/data/index.ts');
const { scoredItems, stepOf } = await imp('server/modules/parindex/rules/framework.ts');
const { snapDown } = await imp('server/modules/parindex/rules/numbers.ts');
const { computeResults } = await imp('server/modules/parindex/results.service.ts');

const RUNS = Math.max(3, Number(args.runs));
const BIG = Number(args.units);

const pgName = `chidao_bench_parindex_${process.pid}`;
let database;
if (args.engine === 'postgres') {
  await adminQuery(PG_BASE, `CREATE DATABASE ${pgName}`);
  const url = new URL(PG_BASE);
  url.pathname = `/${pgName}`;
  database = await openDatabase({ engine: 'postgres', url: url.toString() });
} else database = await openDatabase({ engine: 'pglite', dataDir: null });

async function drop() {
  await database.close().catch(() => {});
  if (args.engine === 'postgres') await adminQuery(PG_BASE, `DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
}

/** A deterministic generator (the same data every run). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (x) => Math.round(x * 10) / 10;
const pct = (list, p) => {
  const s = [...list].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]);
};

try {
  const db = database.db;
  const ctx = systemContext(db);
  let t = performance.now();
  await database.migrate();
  const migrateMs = performance.now() - t;

  const insertChunks = async (table, rows, size, returning) => {
    const out = [];
    for (let i = 0; i < rows.length; i += size) {
      const q = db.insert(table).values(rows.slice(i, i + size));
      out.push(...(returning ? await q.returning(returning) : (await q, [])));
    }
    return out;
  };
  const province = (code) => ({
    code,
    name: `Bench ${code}`,
    fullName: `Tỉnh Bench ${code}`,
    kind: 'province',
    parentId: null,
    validFrom: '2025-07-01',
  });
  const [small, big] = (
    await insertChunks(units, [province('P1'), province('P2')], 10, { id: units.id })
  ).map((r) => r.id);
  const unitRows = (parentId, kind, n, from) =>
    Array.from({ length: n }, (_, i) => ({
      code: String(from + i),
      name: `${kind === 'department' ? 'Sở' : 'Xã'} ${from + i}`,
      fullName: `${kind === 'department' ? 'Sở' : 'Xã'} ${from + i}`,
      kind,
      parentId,
      validFrom: '2025-07-01',
    }));
  const smallDeps = await insertChunks(units, unitRows(small, 'department', 20, 10000), 1000, {
    id: units.id,
  });
  const smallComs = await insertChunks(units, unitRows(small, 'commune', 130, 20000), 1000, { id: units.id });
  const bigComs = await insertChunks(units, unitRows(big, 'commune', BIG, 30000), 1000, { id: units.id });

  const make = (provinceId, key) => {
    const s = shippedFramework(key);
    return insertFramework(ctx, {
      provinceId,
      unitGroup: s.unitGroup,
      year: 2025,
      title: s.title.vi,
      titleEn: s.title.en,
      tree: s.tree,
      gradeBands: s.gradeBands,
      rescaleWithoutSurvey: s.rescaleWithoutSurvey,
      legalBasis: s.legalBasis,
      shipped: true,
      status: 'published',
    });
  };
  const frameworks = {
    smallDep: await make(small, 'department-nghean'),
    smallCom: await make(small, 'commune-nghean'),
    bigCom: await make(big, 'commune-nghean'),
  };
  const next = random(16);
  let scoreCount = 0;
  const campaign = async (provinceId, groups) => {
    const [c] = await db
      .insert(parCampaigns)
      .values({
        provinceId,
        year: 2025,
        title: 'Bench',
        stage: 'appraisal_2',
        frameworkIds: Object.fromEntries(groups.map((g) => [g.group, g.framework.id])),
        selfDeadline: '2026-01-15',
        appraisal1Deadline: '2026-02-13',
        explanationDeadline: '2026-02-27',
        appraisal2Deadline: '2026-03-13',
      })
      .returning();
    for (const g of groups) {
      const assessments = await insertChunks(
        parAssessments,
        g.units.map((u) => ({
          campaignId: c.id,
          unitId: u.id,
          unitGroup: g.group,
          frameworkId: g.framework.id,
          status: 'final',
        })),
        1000,
        { id: parAssessments.id },
      );
      const items = scoredItems(g.framework.tree).map((p) => p.item);
      const rows = [];
      for (const a of assessments) {
        const level = 0.6 + next() * 0.38;
        for (const item of items) {
          if (item.method === 'survey') continue;
          const step = stepOf(item);
          const points = snapDown(Math.min(item.maxPoints, level * item.maxPoints + next() * step), step);
          if (item.method === 'computed')
            rows.push({ assessmentId: a.id, itemCode: item.code, computedPoints: points });
          else
            rows.push({
              assessmentId: a.id,
              itemCode: item.code,
              selfPoints: points,
              round1Points: next() < 0.1 ? Math.max(0, points - step) : null,
            });
        }
      }
      // Two shapes of row (self or computed): inserted by shape, every row giving the same columns.
      for (const shape of [(r) => 'selfPoints' in r, (r) => !('selfPoints' in r)])
        await insertChunks(parScores, rows.filter(shape), 2000);
      scoreCount += rows.length;
    }
    return c;
  };
  t = performance.now();
  const smallCampaign = await campaign(small, [
    { group: 'department', framework: frameworks.smallDep, units: smallDeps },
    { group: 'commune', framework: frameworks.smallCom, units: smallComs },
  ]);
  const bigCampaign = await campaign(big, [
    { group: 'commune', framework: frameworks.bigCom, units: bigComs },
  ]);
  const seedMs = performance.now() - t;
  if (args.engine === 'postgres') await db.execute('ANALYZE');

  const time = async (c) => {
    await computeResults(db, c); // warm-up
    const ms = [];
    let rows = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      rows = await computeResults(db, c);
      ms.push(performance.now() - s);
    }
    return { ms, rows };
  };
  const s150 = await time(smallCampaign);
  const s3321 = await time(bigCampaign);
  const top = s3321.rows[0];
  const goalMs = 1000;
  const out = {
    suite: 'parindex',
    engine: args.engine,
    node: process.version,
    cpus: os.cpus().length,
    runs: RUNS,
    units150: { assessments: s150.rows.length, p50Ms: pct(s150.ms, 50), p95Ms: pct(s150.ms, 95) },
    units3321: {
      assessments: s3321.rows.length,
      p50Ms: pct(s3321.ms, 50),
      p95Ms: pct(s3321.ms, 95),
      firstRanked: top
        ? { rank: top.rank, rankOf: top.rankOf, percent: top.percent, grade: top.grade }
        : null,
    },
    scoresStored: scoreCount,
    seedMs: round(seedMs),
    migrateMs: round(migrateMs),
    loadAverage1mBefore: round(loadBefore),
    goals: { computeResults3321Ms: goalMs },
    met: { computeResults3321: pct(s3321.ms, 95) <= goalMs },
    runSeconds: round((performance.now() - started) / 1000),
  };
  console.log(JSON.stringify(out, null, 2));
} finally {
  await drop();
}
