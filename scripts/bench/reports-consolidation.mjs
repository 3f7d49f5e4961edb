// `node scripts/bench/reports-consolidation.mjs [--engine pglite|postgres] [--runs 5] [--units 3321]`: periodic
// reports at scale (issue 13, "Performance"). A generated form of 200 numeric fields (numbers, percentages,
// computed rates; 10 sections × 2 subsections, 40 rules, 2 prefilled), two provinces — one of 150 units
// (20 departments and 130 communes), one of 3,321 communes — one round each and one submitted report per unit
// (raw values and the evaluated snapshot), inserted directly. Then, timed after a warm-up (p50/p95 in ms over
// --runs runs, 3× that for the quick ones, fewer — never under 3 — once a figure has taken 6 s; `_runs` says how
// many; `_queries`: SQL statements of one call outside transactions):
//   compute_<n>_*         computeConsolidation(db, round): the snapshots read and consolidated (pure engine)
//   consolidate_<n>_*     consolidateRound(ctx, roundId): the full service (compute, owner prefill, draft
//                         stored with the audit entry, then the draft read back through getConsolidation)
//   round_detail_<n>_*    roundDetail(ctx, roundId): the completeness / reporting-rate view
//   profile_<n>           where the time goes at 3,321 (each piece timed alone, p50): the reports read whole
//                         (what roundInputs and roundDetail do) vs only the columns needed, the units, the
//                         Vietnamese sort, the pure consolidate, getConsolidation, the jsonb sizes.
// Goals: consolidate 3,321 units × 200 fields ≤ 2,000 ms; completeness view of 3,321 reports ≤ 100 ms (judged
// on p95 of the full services). PostgreSQL: a scratch database chidao_bench_reports_<pid> on the server of
// CHIDAO_TEST_PG_URL or DATABASE_URL (else 127.0.0.1:5432), dropped at the end. Prints one JSON object.
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
const { Actor } = await imp('server/modules/access/actor.ts');
const { units } = await imp('server/modules/units/units.table.ts');
const { getUnits, unitDisplayName } = await imp('server/modules/units/units.service.ts');
const { reportForms, reportFormVersions, reportRounds, reports } = await imp(
  'server/modules/reports/reports.table.ts',
);
const { validateForm, checkForm, evaluate, isComplete, consolidate, formFields } = await imp(
  'server/modules/reports/form/index.ts',
);
const { computeConsolidation, consolidateRound, getConsolidation } = await imp(
  'server/modules/reports/consolidation.service.ts',
);
const { roundDetail, getRoundRow } = await imp('server/modules/reports/rounds.service.ts');
const { prefillFor } = await imp('server/modules/reports/prefill.service.ts');
const { eq, and, inArray, sql } = await import('drizzle-orm');

const RUNS = Math.max(3, Number(args.runs));
const BIG = Number(args.units);
const SMALL = 150;
const FIELDS = 200;

// ---------------------------------------------------------------------------------------------------------
// The form: 10 sections × 2 subsections × 10 fields = 200 numeric fields.
// ---------------------------------------------------------------------------------------------------------
const t2 = (vi, en = vi) => ({ vi, en });
const AREAS = [
  ['Công tác chỉ đạo, điều hành', 'Direction'],
  ['Cải cách thể chế', 'Institutional reform'],
  ['Cải cách thủ tục hành chính', 'Administrative procedures'],
  ['Cải cách tổ chức bộ máy', 'Organisational reform'],
  ['Cải cách chế độ công vụ', 'Civil service reform'],
  ['Cải cách tài chính công', 'Public finance reform'],
  ['Xây dựng chính quyền điện tử, chính quyền số', 'Digital government'],
  ['Tuyên truyền cải cách hành chính', 'Communication'],
  ['Kiểm tra cải cách hành chính', 'Inspection'],
  ['Đo lường sự hài lòng', 'Satisfaction'],
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
/** The ten fields of subsection `p` (key prefix). */
function subsectionFields(p, withPrefill) {
  return [
    {
      key: `${p}_tasks_total`,
      type: 'number',
      label: t2('Tổng số nhiệm vụ', 'Tasks'),
      ...(withPrefill ? { prefill: 'plan.tasks.total' } : {}),
    },
    { key: `${p}_tasks_done`, type: 'number', label: t2('Số nhiệm vụ đã hoàn thành', 'Tasks done') },
    {
      key: `${p}_tasks_rate`,
      type: 'computed',
      result: 'percent',
      formula: `pct(${p}_tasks_done, ${p}_tasks_total)`,
      label: t2('Tỷ lệ hoàn thành', 'Completion rate'),
    },
    {
      key: `${p}_received`,
      type: 'number',
      label: t2('Số hồ sơ tiếp nhận', 'Dossiers received'),
      ...(withPrefill ? { prefill: 'dossiers.received' } : {}),
    },
    { key: `${p}_online`, type: 'number', label: t2('Số hồ sơ trực tuyến', 'Dossiers online') },
    {
      key: `${p}_online_rate`,
      type: 'computed',
      result: 'percent',
      formula: `pct(${p}_online, ${p}_received)`,
      label: t2('Tỷ lệ trực tuyến', 'Online rate'),
    },
    { key: `${p}_staff`, type: 'number', aggregate: 'average', label: t2('Số công chức', 'Staff') },
    {
      key: `${p}_min_days`,
      type: 'number',
      aggregate: 'min',
      label: t2('Thời gian ngắn nhất', 'Fewest days'),
    },
    {
      key: `${p}_satisfaction`,
      type: 'percent',
      aggregate: 'weighted_average',
      weight: `${p}_received`,
      label: t2('Mức độ hài lòng', 'Satisfaction'),
    },
    { key: `${p}_score`, type: 'percent', label: t2('Điểm tự đánh giá', 'Self-assessment score') },
  ];
}
const subsectionKeys = [];
const definition = {
  key: 'bench-par-report',
  version: 1,
  name: t2('Báo cáo cải cách hành chính (bench)', 'PAR report (bench)'),
  description: t2('Biểu mẫu sinh tự động để đo hiệu năng tổng hợp.', 'Generated to measure consolidation.'),
  legalBasis: ['Thông tư 01/2023/TT-BNV'],
  sections: AREAS.map(([vi, en], s) => ({
    key: `area${s + 1}`,
    numbering: `${ROMAN[s]}.`,
    title: t2(vi, en),
    fields: [],
    subsections: [1, 2].map((k) => {
      const key = `s${String(s * 2 + k).padStart(2, '0')}`;
      subsectionKeys.push(key);
      return {
        key,
        numbering: `${ROMAN[s]}.${k}`,
        title: t2(`${vi} (phần ${k})`, `${en} (part ${k})`),
        fields: subsectionFields(key, s === 0 && k === 1),
      };
    }),
  })),
  rules: subsectionKeys.flatMap((p) => [
    {
      key: `${p}_done_le_total`,
      expression: `${p}_tasks_done <= ${p}_tasks_total`,
      message: t2('Số đã hoàn thành không lớn hơn tổng số.', 'Done cannot exceed the total.'),
    },
    {
      key: `${p}_online_le_received`,
      expression: `${p}_online <= ${p}_received`,
      message: t2('Số trực tuyến không lớn hơn số tiếp nhận.', 'Online cannot exceed received.'),
    },
  ]),
};
const checked = validateForm(definition);
if (!checked.form || checked.problems.length || checkForm(checked.form).length)
  throw new Error(`bench form invalid: ${JSON.stringify(checked.problems.slice(0, 5))}`);
const form = checked.form;
if (formFields(form).length !== FIELDS) throw new Error(`bench form has ${formFields(form).length} fields`);

/** Plausible raw values of unit `i` (every rule holds; a few scores left empty). */
function unitValues(i) {
  const v = {};
  subsectionKeys.forEach((p, s) => {
    const total = 10 + ((i * 7 + s * 3) % 50);
    const received = 100 + ((i * 37 + s * 11) % 900);
    v[`${p}_tasks_total`] = total;
    v[`${p}_tasks_done`] = total - ((i + s) % 5);
    v[`${p}_received`] = received;
    v[`${p}_online`] = Math.floor(received * (0.4 + ((i + s) % 6) * 0.1));
    v[`${p}_staff`] = 20 + ((i * 13 + s) % 80);
    v[`${p}_min_days`] = 1 + ((i + s * 5) % 30);
    v[`${p}_satisfaction`] = 70 + ((i * 17 + s) % 2999) / 100;
    v[`${p}_score`] = (i + s) % 23 === 0 ? null : 50 + ((i * 29 + s * 7) % 4999) / 100;
  });
  return v;
}

// ---------------------------------------------------------------------------------------------------------
// The database.
// ---------------------------------------------------------------------------------------------------------
const pgName = `chidao_bench_reports_${process.pid}`;
let database;
if (args.engine === 'postgres') {
  await adminQuery(PG_BASE, `CREATE DATABASE ${pgName}`);
  const url = new URL(PG_BASE);
  url.pathname = `/${pgName}`;
  database = await openDatabase({ engine: 'postgres', url: url.toString() });
} else database = await openDatabase({ engine: 'pglite', dataDir: null });

const ms = (x) => Math.round(x * 100) / 100;
async function drop() {
  await database.close().catch(() => {});
  if (args.engine === 'postgres') await adminQuery(PG_BASE, `DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
}

try {
  const db = database.db;
  let t = performance.now();
  await database.migrate();
  const migrateMs = performance.now() - t;

  // Units: two provinces (as the registry has them since 1/7/2025), inserted as rows.
  t = performance.now();
  const SYL = (
    'An Bình Cát Châu Diễn Đông Đức Giang Hà Hải Hòa Hồng Hưng Khánh Kim Lâm Lạc Liên Long Lộc Mai Minh Mỹ ' +
    'Nam Nghĩa Ngọc Nhân Phong Phú Phúc Phước Quang Quế Sơn Tân Thạch Thái Thanh Thành Thịnh Thuận Thủy ' +
    'Tiến Trung Trường Tường Văn Vân Việt Vinh Vĩnh Xuân Yên Hậu Kỳ Đào Cẩm Lương Bảo Hưng'
  ).split(' ');
  const communeName = (n) => {
    const a = SYL[n % SYL.length];
    const b = SYL[(Math.floor(n / SYL.length) + 1 + n) % SYL.length];
    return `${a} ${b}${n >= SYL.length * SYL.length ? ` ${Math.floor(n / SYL.length ** 2) + 1}` : ''}`;
  };
  const DEPTS = (
    'Tư pháp|Tài chính|Nội vụ|Xây dựng|Y tế|Giáo dục và Đào tạo|Công Thương|Nông nghiệp và Môi trường|' +
    'Khoa học và Công nghệ|Văn hóa, Thể thao và Du lịch|Dân tộc và Tôn giáo|Ngoại vụ|Thanh tra tỉnh|' +
    'Văn phòng UBND tỉnh|Ban Quản lý Khu kinh tế|Công an tỉnh|Kho bạc Nhà nước|Thuế tỉnh|Bảo hiểm xã hội|Hải quan'
  ).split('|');
  const insertUnits = async (rows) => {
    const out = [];
    for (let i = 0; i < rows.length; i += 1000)
      out.push(
        ...(await db
          .insert(units)
          .values(rows.slice(i, i + 1000))
          .returning({ id: units.id })),
      );
    return out.map((r) => r.id);
  };
  const provinceRow = (code, name) => ({
    code,
    name,
    fullName: `Tỉnh ${name}`,
    kind: 'province',
    parentId: null,
    validFrom: '2025-07-01',
  });
  const [bigProvince, smallProvince] = await insertUnits([
    provinceRow('B1', 'Bench Lớn'),
    provinceRow('B2', 'Bench Nhỏ'),
  ]);
  const bigUnitIds = await insertUnits(
    Array.from({ length: BIG }, (_, n) => {
      const kind = n % 9 === 0 ? 'Phường' : 'Xã';
      const name = communeName(n);
      return {
        code: String(30000 + n),
        name,
        fullName: `${kind} ${name}`,
        kind: 'commune',
        parentId: bigProvince,
        validFrom: '2025-07-01',
      };
    }),
  );
  const smallUnitIds = await insertUnits(
    Array.from({ length: SMALL }, (_, n) => {
      if (n < DEPTS.length)
        return {
          code: `B2-D${n}`,
          name: n < 12 ? `Sở ${DEPTS[n]}` : DEPTS[n],
          fullName: `${n < 12 ? `Sở ${DEPTS[n]}` : DEPTS[n]} tỉnh Bench Nhỏ`,
          kind: 'department',
          parentId: smallProvince,
          validFrom: '2025-07-01',
        };
      const name = communeName(n * 7);
      return {
        code: String(20000 + n),
        name,
        fullName: `Xã ${name}`,
        kind: 'commune',
        parentId: smallProvince,
        validFrom: '2025-07-01',
      };
    }),
  );

  // The form, published; a quarter round per province.
  await db.insert(reportForms).values({ key: form.key, subject: 'unit' });
  const [version] = await db
    .insert(reportFormVersions)
    .values({ formKey: form.key, number: 1, definition: form, status: 'published', publishedAt: new Date() })
    .returning();
  const openRound = async (ownerUnitId) => {
    const [r] = await db
      .insert(reportRounds)
      .values({
        formKey: form.key,
        formVersionId: version.id,
        ownerUnitId,
        periodKey: '2026-Q2',
        periodType: 'quarter',
        windowFrom: '2026-03-15',
        windowTo: '2026-06-14',
        dueDate: '2026-06-20',
        rules: { id: null, version: null, basis: 'bench' },
      })
      .returning();
    return r;
  };
  const bigRound = await openRound(bigProvince);
  const smallRound = await openRound(smallProvince);

  // One submitted report per unit: raw values and the evaluated snapshot (10% sent after the deadline).
  let snapshotBytes = 0;
  const insertReports = async (round, unitIds) => {
    for (let i = 0; i < unitIds.length; i += 500) {
      const batch = unitIds.slice(i, i + 500).map((unitId, k) => {
        const n = i + k;
        const raw = unitValues(n);
        const evaluated = evaluate(form, raw);
        if (evaluated.problems.length || !isComplete(evaluated))
          throw new Error(`unit ${n}: ${JSON.stringify(evaluated.problems.slice(0, 3))}`);
        const snapshot = { values: evaluated.values, problems: [], complete: true };
        snapshotBytes += JSON.stringify(snapshot).length;
        const on = n % 10 === 0 ? '2026-06-23' : `2026-06-${String(10 + (n % 10)).padStart(2, '0')}`;
        return {
          roundId: round.id,
          unitId,
          status: 'submitted',
          values: raw,
          snapshot,
          dueDate: round.dueDate,
          firstSubmittedOn: on,
          submittedOn: on,
        };
      });
      await db.insert(reports).values(batch);
    }
  };
  await insertReports(smallRound, smallUnitIds);
  await insertReports(bigRound, bigUnitIds);
  await db.execute(sql`ANALYZE`);
  const seedMs = performance.now() - t;

  const actor = new Actor(
    {
      id: '00000000-0000-0000-0000-000000000000',
      email: 'bench@chidao.local',
      fullName: 'bench',
      unitId: null,
    },
    [
      { id: '00000000-0000-0000-0000-000000000001', role: 'admin', unitId: bigProvince },
      { id: '00000000-0000-0000-0000-000000000002', role: 'admin', unitId: smallProvince },
    ],
  );
  const ctx = systemContext(db, actor);

  // Statements a call sends (outside transactions: on PostgreSQL a transaction runs on a pool client).
  const client = db.$client;
  const query = client.query.bind(client);
  let statements = 0;
  client.query = (...a) => {
    statements++;
    return query(...a);
  };

  // Nothing large is kept between runs (a retained consolidation, with its 664,200 sources, would slow
  // every later collection and no server request keeps one).
  const at = (s, p) => ms(s[Math.floor((s.length - 1) * p)]);
  /** `runs` timed runs, or fewer (never under 3) once `budgetMs` is spent: the bench stays within ~90 s. */
  const samplesOf = async (fn, runs, budgetMs = Infinity) => {
    const samples = [];
    const t = performance.now();
    while (samples.length < runs && (samples.length < 3 || performance.now() - t < budgetMs)) {
      const t0 = performance.now();
      await fn();
      samples.push(performance.now() - t0);
    }
    return samples.sort((a, b) => a - b);
  };
  const figures = {};
  /** Warm-up runs (the last one counts the statements), then the timed runs: p50, p95 and how many. */
  const measure = async (name, fn, { runs, warm, count = true }) => {
    for (let i = 0; i < warm - 1; i++) await fn();
    statements = 0;
    await fn();
    if (count) figures[`${name}_queries`] = statements;
    const s = await samplesOf(fn, runs, 6000);
    figures[`${name}_p50_ms`] = at(s, 0.5);
    figures[`${name}_p95_ms`] = at(s, 0.95);
    figures[`${name}_runs`] = s.length;
  };
  const many = { runs: RUNS * 3, warm: 3 };
  const few = { runs: RUNS, warm: 1 };

  // (c) the completeness view, (a) the consolidation computed, (b) the full service (the first run
  // inserts the draft; the timed runs re-consolidate it, as the standing agency does when reports arrive).
  await measure('round_detail_150', () => roundDetail(ctx, smallRound.id), many);
  await measure(`round_detail_${BIG}`, () => roundDetail(ctx, bigRound.id), { runs: RUNS * 2, warm: 1 });
  await measure('compute_150', () => computeConsolidation(db, smallRound), many);
  await measure(`compute_${BIG}`, () => computeConsolidation(db, bigRound), few);
  await measure('consolidate_150', () => consolidateRound(ctx, smallRound.id), { ...many, count: false });
  await measure(`consolidate_${BIG}`, () => consolidateRound(ctx, bigRound.id), { ...few, count: false });

  // What was measured is right: one figure against a direct computation, every unit in the view.
  const checks = {};
  {
    const { result } = await computeConsolidation(db, bigRound);
    let sum = 0;
    for (let i = 0; i < BIG; i++) sum += unitValues(i).s01_received;
    if (result.units.length !== BIG || result.fields.s01_received.value !== sum)
      throw new Error(
        `consolidation wrong: ${result.units.length} units, ${result.fields.s01_received.value} ≠ ${sum}`,
      );
    checks.consolidated_units = result.units.length;
    checks.consolidated_s01_received = sum;
    const detail = await roundDetail(ctx, bigRound.id);
    if (detail.units.length !== BIG || detail.rates.submitted !== BIG)
      throw new Error(
        `round detail wrong: ${detail.units.length} units, ${detail.rates.submitted} submitted`,
      );
    checks.round_detail_units = detail.units.length;
    checks.round_detail_json_bytes = JSON.stringify(detail).length;
    checks.consolidation_json_bytes = JSON.stringify(await getConsolidation(ctx, bigRound.id)).length;
  }

  // Where the time goes at the larger size: each piece alone, p50 of 3 runs after one warm-up.
  const profile = {};
  const piece = async (name, fn) => {
    await fn();
    profile[`${name}_ms`] = at(await samplesOf(fn, 3), 0.5);
  };
  const round = await getRoundRow(db, bigRound.id);
  const byRound = eq(reports.roundId, round.id);
  const light = {
    id: reports.id,
    unitId: reports.unitId,
    status: reports.status,
    dueDate: reports.dueDate,
    extensionReason: reports.extensionReason,
    firstSubmittedOn: reports.firstSubmittedOn,
    submittedOn: reports.submittedOn,
    acceptedOn: reports.acceptedOn,
    version: reports.version,
  };
  // What roundDetail and roundInputs read now: every column, 4 jsonb among them.
  await piece('read_reports_all_columns', () => db.select().from(reports).where(byRound));
  // What the completeness view needs: no jsonb.
  await piece('read_reports_without_jsonb', () => db.select(light).from(reports).where(byRound));
  // The same with the units joined (one statement instead of the 3,322-parameter IN list of getUnits).
  await piece('read_reports_without_jsonb_units_joined', () =>
    db
      .select({
        ...light,
        kind: units.kind,
        name: units.name,
        fullName: units.fullName,
        validTo: units.validTo,
      })
      .from(reports)
      .innerJoin(units, eq(units.id, reports.unitId))
      .where(byRound),
  );
  // What consolidation needs: the evaluated values of the submitted reports.
  const submittedOnly = and(byRound, inArray(reports.status, ['submitted', 'accepted']));
  await piece('read_snapshot_values_only', () =>
    db
      .select({
        id: reports.id,
        unitId: reports.unitId,
        version: reports.version,
        values: sql`${reports.snapshot} -> 'values'`,
      })
      .from(reports)
      .where(submittedOnly),
  );
  await piece('read_snapshot_values_as_text', () =>
    db
      .select({ values: sql`(${reports.snapshot} -> 'values')::text` })
      .from(reports)
      .where(submittedOnly),
  );
  const unitIds = (await db.select({ unitId: reports.unitId }).from(reports).where(byRound)).map(
    (r) => r.unitId,
  );
  await piece('get_units', () => getUnits(db, [round.ownerUnitId, ...unitIds]));
  {
    const names = (await getUnits(db, unitIds)).map((u) => unitDisplayName(u));
    await piece('sort_names_localeCompare_vi', () => [...names].sort((a, b) => a.localeCompare(b, 'vi')));
    const collator = new Intl.Collator('vi');
    await piece('sort_names_intl_collator', () => [...names].sort(collator.compare));
  }
  {
    const rows = await db
      .select({ unitId: reports.unitId, values: sql`${reports.snapshot} -> 'values'` })
      .from(reports)
      .where(submittedOnly);
    const inputs = { reports: rows.map((r) => ({ unitId: r.unitId, unitName: r.unitId, values: r.values })) };
    await piece('consolidate_pure', () => consolidate(form, inputs));
  }
  await piece('get_consolidation', () => getConsolidation(ctx, bigRound.id));
  // The owner's prefill (consolidateRound reads it for the draft's other fields).
  await piece('prefill_owner', () =>
    prefillFor(ctx, form, {
      unitIds: [round.ownerUnitId],
      ownerUnitId: round.ownerUnitId,
      windowFrom: round.windowFrom,
      windowTo: round.windowTo,
      year: 2026,
    }),
  );
  const [sizes] = (
    await db.execute(sql`SELECT sum(pg_column_size(snapshot))::bigint AS snapshot,
        sum(pg_column_size("values"))::bigint AS vals, sum(length(snapshot::text))::bigint AS snapshot_text,
        (SELECT pg_column_size(computed) + pg_column_size(basis) + pg_column_size("values")
           FROM report_consolidations WHERE round_id = ${round.id}) AS draft,
        (SELECT pg_column_size(j.before) + pg_column_size(j.after) FROM audit_journal j
          WHERE j.entity = 'report_consolidation' AND j.entity_id = ${round.id} ORDER BY j.id DESC LIMIT 1) AS audit
      FROM reports WHERE round_id = ${round.id}`)
  ).rows;
  profile.snapshot_jsonb_bytes_stored = Number(sizes.snapshot);
  profile.snapshot_text_bytes = Number(sizes.snapshot_text);
  profile.values_jsonb_bytes_stored = Number(sizes.vals);
  profile.snapshot_json_bytes_per_report = Math.round(snapshotBytes / (BIG + SMALL));
  profile.draft_jsonb_bytes = Number(sizes.draft);
  profile.audit_entry_jsonb_bytes_per_consolidation = Number(sizes.audit);
  client.query = query;

  const consolidateP95 = figures[`consolidate_${BIG}_p95_ms`];
  const detailP95 = figures[`round_detail_${BIG}_p95_ms`];
  console.log(
    JSON.stringify(
      {
        suite: 'reports',
        engine: database.engine,
        node: process.version,
        cpus: os.cpus().length,
        // Other work on the machine skews every figure: the 1-minute load average at the start and the end.
        load_average: [ms(loadBefore), ms(os.loadavg()[0])],
        units: { small: SMALL, large: BIG },
        fields: FIELDS,
        form: {
          sections: form.sections.length,
          subsections: subsectionKeys.length,
          rules: form.rules.length,
        },
        runs_asked: RUNS,
        migrate_ms: Math.round(migrateMs),
        seed_ms: Math.round(seedMs),
        ...figures,
        goals: {
          basis: 'p95 of the full service',
          [`consolidate_${BIG}_ms`]: 2000,
          [`round_detail_${BIG}_ms`]: 100,
        },
        met: {
          [`consolidate_${BIG}`]: consolidateP95 <= 2000,
          [`round_detail_${BIG}`]: detailP95 <= 100,
        },
        checks,
        [`profile_${BIG}`]: profile,
        total_ms: Math.round(performance.now() - started),
      },
      null,
      2,
    ),
  );
} finally {
  await drop();
}
