import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type RequestContext } from '../../core/context.js';
import { rows, type Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { Actor } from '../access/actor.js';
import { createProcedure, upsertDossiers } from '../dossiers/dossiers.service.js';
import { insertPlanWithTasks, type SeedTask } from '../plans/plans.service.js';
import { recordEvent } from '../units/lineage.service.js';
import { insertUnits } from '../units/units.service.js';
import {
  computeItems,
  refreshComputedScores,
  unitsCarriedIn,
  type ItemComputation,
} from './computed.service.js';
import { parAssessments, parCampaigns, parFrameworks, parScores } from './parindex.table.js';
import type { FrameworkTree, ScoredItem } from './rules/framework-types.js';

/**
 * The computed criteria of the PAR Index on hand-made records: a province with a district (Huyện Thử) whose
 * communes An and Bình merged into Xã Hòa Bình on 1/7/2025 (the district abolished the same day), Xã Tây (nothing),
 * and Sở Kế hoạch và Đầu tư absorbed into Sở Tài chính on 1/3/2025. Every expected point is worked out by hand in
 * the comments (points are snapped down to the step, 0.25).
 */
let database: Database;
let drop: () => Promise<void>;
let ctx: RequestContext;
const u = { province: '', district: '', an: '', binh: '', hoaBinh: '', tay: '', khdt: '', taiChinh: '' };
let campaignId = '';
let frameworkId = '';
const assessment = { hoaBinh: '', tay: '' };

const name = (vi: string) => ({ vi, en: '' });
const item = (code: string, maxPoints: number, over: Partial<ScoredItem>): ScoredItem => ({
  code,
  name: name(`Tiêu chí ${code}`),
  maxPoints,
  method: 'computed',
  ...over,
});

/** A small framework: one field, two criteria, every computed source and one self-scored item. */
const TREE: FrameworkTree = {
  fields: [
    {
      code: '1',
      name: name('Công tác chỉ đạo, điều hành và kết quả thực hiện'),
      maxPoints: 10,
      criteria: [
        {
          code: '1.1',
          name: name('Kế hoạch CCHC'),
          maxPoints: 4,
          subs: [
            item('1.1.1', 2, { source: 'plans.tasks_on_time', formula: { type: 'linear' } }),
            item('1.1.2', 1, {
              source: 'plans.own_plan_issued',
              formula: { type: 'all_or_nothing', min: 1 },
            }),
            item('1.1.3', 1, { method: 'self' }),
          ],
        },
        {
          code: '1.2',
          name: name('Kết quả'),
          maxPoints: 6,
          subs: [
            item('1.2.1', 1, {
              source: 'reports.on_time',
              formula: {
                type: 'bands',
                bands: [
                  { min: 1, share: 1 },
                  { min: 0.5, share: 0.5 },
                ],
              },
            }),
            item('1.2.2', 1, { source: 'dossiers.on_time', formula: { type: 'linear' } }),
            item('1.2.3', 1, { source: 'dossiers.online', formula: { type: 'linear' } }),
            item('1.2.4', 1, { source: 'hotline.on_time', formula: { type: 'linear' }, whenNoData: 'zero' }),
            item('1.2.5', 2, { source: 'inspections.recommendations_on_time', formula: { type: 'linear' } }),
          ],
        },
      ],
    },
  ],
  bonus: [],
  penalty: [],
  bonusCap: 0,
  penaltyCap: 0,
};

const items = (): ScoredItem[] => TREE.fields.flatMap((f) => f.criteria.flatMap((c) => c.subs));

const seed = (title: string, leadUnitId: string, over: Partial<SeedTask>): SeedTask => ({
  title,
  reformArea: 'direction',
  leadUnitId,
  status: 'not_started',
  ...over,
});

const at = (day: string, time = '09:00') => `${day}T${time}:00+07:00`;

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  ctx = systemContext(database.db);
  const [province] = await insertUnits(ctx, [
    {
      code: '99',
      name: 'Thử',
      fullName: 'Tỉnh Thử',
      kind: 'province',
      parentId: null,
      validFrom: '1900-01-01',
    },
  ]);
  u.province = province!.id;
  const [district] = await insertUnits(ctx, [
    {
      code: '990',
      name: 'Thử',
      fullName: 'Huyện Thử',
      kind: 'district',
      parentId: u.province,
      validFrom: '1900-01-01',
    },
  ]);
  u.district = district!.id;
  const communes = await insertUnits(ctx, [
    {
      code: '99001',
      name: 'An',
      fullName: 'Xã An',
      kind: 'commune',
      parentId: u.district,
      validFrom: '1900-01-01',
    },
    {
      code: '99002',
      name: 'Bình',
      fullName: 'Xã Bình',
      kind: 'commune',
      parentId: u.district,
      validFrom: '1900-01-01',
    },
    {
      code: '99004',
      name: 'Tây',
      fullName: 'Xã Tây',
      kind: 'commune',
      parentId: u.province,
      validFrom: '1900-01-01',
    },
  ]);
  [u.an, u.binh, u.tay] = communes.map((c) => c.id) as [string, string, string];
  const departments = await insertUnits(ctx, [
    {
      code: 'SKHDT',
      name: 'Sở Kế hoạch và Đầu tư',
      fullName: 'Sở Kế hoạch và Đầu tư',
      kind: 'department',
      parentId: u.province,
      validFrom: '1900-01-01',
    },
    {
      code: 'STC',
      name: 'Sở Tài chính',
      fullName: 'Sở Tài chính',
      kind: 'department',
      parentId: u.province,
      validFrom: '1900-01-01',
    },
  ]);
  [u.khdt, u.taiChinh] = departments.map((d) => d.id) as [string, string];
  const merged = await recordEvent(
    ctx,
    {
      kind: 'merge',
      effectiveDate: '2025-07-01',
      from: [u.an, u.binh],
      to: [
        {
          create: {
            code: '99010',
            name: 'Hòa Bình',
            fullName: 'Xã Hòa Bình',
            kind: 'commune',
            parentId: u.province,
          },
        },
      ],
    },
    { skipAuthorization: true },
  );
  u.hoaBinh = merged.created[0]!;
  await recordEvent(
    ctx,
    { kind: 'abolish', effectiveDate: '2025-07-01', from: [u.district], to: [] },
    { skipAuthorization: true },
  );
  await recordEvent(
    ctx,
    { kind: 'absorb', effectiveDate: '2025-03-01', from: [u.khdt], to: [{ unitId: u.taiChinh }] },
    { skipAuthorization: true },
  );

  // Plan tasks of 2025: An's on time, Bình's never done, Hòa Bình's late; the district's own (not a commune's).
  await insertPlanWithTasks(
    ctx,
    { year: 2025, ownerUnitId: u.province, ownerKind: 'committee', title: 'Kế hoạch CCHC năm 2025' },
    [
      seed('Xã An đúng hạn', u.an, {
        status: 'verified',
        dueDate: '2025-03-14',
        reportedOn: '2025-03-13',
        verifiedOn: '2025-03-14',
      }),
      seed('Xã Bình quá hạn', u.binh, { status: 'not_started', dueDate: '2025-05-15' }),
      seed('Xã Hòa Bình trễ hạn', u.hoaBinh, {
        status: 'verified',
        dueDate: '2025-09-15',
        reportedOn: '2025-09-22',
        verifiedOn: '2025-09-23',
      }),
      seed('Huyện Thử', u.district, { status: 'not_started', dueDate: '2025-04-15' }),
    ],
  );
  // Xã Bình issued its own plan for 2025 (no decision recorded).
  await insertPlanWithTasks(
    ctx,
    { year: 2025, ownerUnitId: u.binh, ownerKind: 'unit', title: 'Kế hoạch CCHC năm 2025 của Xã Bình' },
    [],
  );
  // Dossiers: An on time (online), Bình late, Hòa Bình early.
  const writer: RequestContext = {
    ...ctx,
    actor: new Actor(
      { id: '00000000-0000-0000-0000-000000000000', email: '', fullName: 'test', unitId: null },
      [{ id: '00000000-0000-0000-0000-000000000000', role: 'admin', unitId: u.province }],
    ),
  };
  await createProcedure(writer, {
    code: '1.000001',
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'commune',
    onlineCapability: 'full',
    timeLimitDays: 5,
  });
  const dossier = (
    code: string,
    unitId: string,
    online: boolean,
    received: string,
    due: string,
    resolved: string,
  ) => ({
    code,
    procedureCode: '1.000001',
    unitId,
    channel: online ? ('online' as const) : ('in_person' as const),
    receivedAt: at(received),
    dueAt: at(due, '17:00'),
    resolvedAt: at(resolved, '15:00'),
    status: 'resolved' as const,
    suspensions: [],
    feePayable: false,
    paidOnline: false,
    digitised: false,
    eResult: false,
    complained: false,
  });
  await upsertDossiers(writer, [
    dossier('A-ON-TIME', u.an, true, '2025-02-03', '2025-02-10', '2025-02-07'),
    dossier('B-LATE', u.binh, false, '2025-05-05', '2025-05-12', '2025-05-20'),
    dossier('HB-EARLY', u.hoaBinh, false, '2025-08-04', '2025-08-11', '2025-08-08'),
  ]);

  // The framework, the 2025 campaign, and two assessments: Hòa Bình (in progress) and Tây (signed off).
  const [framework] = await database.db
    .insert(parFrameworks)
    .values({
      provinceId: u.province,
      unitGroup: 'commune',
      year: 2025,
      number: 1,
      title: 'Bộ tiêu chí thử nghiệm',
      status: 'published',
      tree: TREE,
      gradeBands: [{ code: 'A', name: name('Tốt'), minPercent: 0 }],
    })
    .returning();
  frameworkId = framework!.id;
  const [campaign] = await database.db
    .insert(parCampaigns)
    .values({
      provinceId: u.province,
      year: 2025,
      title: 'Chỉ số CCHC năm 2025',
      stage: 'self_assessment',
      frameworkIds: { commune: frameworkId },
      selfDeadline: '2026-01-31',
      appraisal1Deadline: '2026-02-28',
      explanationDeadline: '2026-03-10',
      appraisal2Deadline: '2026-03-31',
    })
    .returning();
  campaignId = campaign!.id;
  const made = await database.db
    .insert(parAssessments)
    .values([
      { campaignId, unitId: u.hoaBinh, unitGroup: 'commune', frameworkId, status: 'in_progress' },
      { campaignId, unitId: u.tay, unitGroup: 'commune', frameworkId, status: 'final' },
    ])
    .returning();
  assessment.hoaBinh = made.find((a) => a.unitId === u.hoaBinh)!.id;
  assessment.tay = made.find((a) => a.unitId === u.tay)!.id;
  // The unit proposed a score for the feedback item (stored before anything was computed) and scored 1.1.3.
  await database.db.insert(parScores).values([
    { assessmentId: assessment.hoaBinh, itemCode: '1.2.4', selfPoints: 0.5, selfNote: 'Không phát sinh' },
    { assessmentId: assessment.hoaBinh, itemCode: '1.1.3', selfPoints: 1 },
  ]);
}, 240_000);

afterAll(async () => drop?.());

describe('unitsCarriedIn: the unit and the units it carries that existed in the year', () => {
  it('a commune formed on 1/7/2025 carries the communes merged into it, not the abolished district', async () => {
    const ids = await unitsCarriedIn(database.db, u.hoaBinh, 2025);
    expect(ids[0]).toBe(u.hoaBinh);
    expect([...ids].sort()).toEqual([u.hoaBinh, u.an, u.binh].sort());
    expect(ids).not.toContain(u.district);
    // In 2026 its predecessors no longer existed; in 2024 it did not exist itself.
    expect(await unitsCarriedIn(database.db, u.hoaBinh, 2026)).toEqual([u.hoaBinh]);
    expect(await unitsCarriedIn(database.db, u.hoaBinh, 2024)).toEqual([u.hoaBinh]);
  });

  it('Sở Tài chính carries Sở Kế hoạch và Đầu tư for 2025 (absorbed on 1/3/2025), not for 2026', async () => {
    expect(await unitsCarriedIn(database.db, u.taiChinh, 2025)).toEqual([u.taiChinh, u.khdt]);
    expect(await unitsCarriedIn(database.db, u.taiChinh, 2026)).toEqual([u.taiChinh]);
    expect(await unitsCarriedIn(database.db, u.tay, 2025)).toEqual([u.tay]);
  });
});

describe('computeItems: the computed items of a unit for a year', () => {
  it('reads each source for the unit and its predecessors and turns the rate into points', async () => {
    const out = await computeItems(ctx, { year: 2025, unitId: u.hoaBinh, items: items() });
    expect([...out.keys()].sort()).toEqual(['1.1.1', '1.1.2', '1.2.1', '1.2.2', '1.2.3', '1.2.4', '1.2.5']);
    const get = (code: string): ItemComputation => out.get(code)!;
    // Tasks: An on time, Bình overdue, Hòa Bình late → 1/3 × 2 = 0.67 → 0.5.
    expect(get('1.1.1')).toMatchObject({
      source: 'plans.tasks_on_time',
      year: 2025,
      numerator: 1,
      denominator: 3,
      points: 0.5,
      noData: false,
    });
    expect(get('1.1.1').rate).toBeCloseTo(1 / 3, 10);
    expect([...get('1.1.1').unitIds].sort()).toEqual([u.hoaBinh, u.an, u.binh].sort());
    expect(get('1.1.1').ids).toHaveLength(3);
    expect(get('1.1.1').link).toMatch(/^\/plans\/[0-9a-f-]{36}\/dashboard$/);
    // Own plan: Hòa Bình began in 2025 and Bình issued its plan → 1/1 → 1.
    expect(get('1.1.2')).toMatchObject({ numerator: 1, denominator: 1, points: 1 });
    // Reports: none owed → no data, full points by default.
    expect(get('1.2.1')).toMatchObject({ numerator: 0, denominator: 0, rate: null, points: 1, noData: true });
    // Dossiers on time: 2/3 → 0.67 → 0.5; online: 1/3 → 0.33 → 0.25.
    expect(get('1.2.2')).toMatchObject({ numerator: 2, denominator: 3, points: 0.5, link: '/dossiers' });
    expect(get('1.2.3')).toMatchObject({ numerator: 1, denominator: 3, points: 0.25 });
    // Feedback: none, and this item gives nothing without data.
    expect(get('1.2.4')).toMatchObject({ denominator: 0, points: 0, noData: true, whenNoData: 'zero' });
    // Recommendations: none due → full 2 points.
    expect(get('1.2.5')).toMatchObject({
      denominator: 0,
      points: 2,
      noData: true,
      link: '/inspections/figures',
    });
  });

  it('no computed item: nothing read', async () => {
    const out = await computeItems(ctx, {
      year: 2025,
      unitId: u.hoaBinh,
      items: [item('9.9', 1, { method: 'self' })],
    });
    expect(out.size).toBe(0);
  });
});

describe('refreshComputedScores: stores the computed points, journals each change, idempotent', () => {
  const scores = async () =>
    new Map(
      (await database.db.select().from(parScores).where(eq(parScores.assessmentId, assessment.hoaBinh))).map(
        (s) => [s.itemCode, s],
      ),
    );
  const journal = async () =>
    rows<{ entity_id: string; before: unknown; after: { computedPoints: number | null } }>(
      database.db,
      sql`SELECT entity_id, before, after FROM audit_journal
           WHERE action = 'compute' AND entity = 'par_score' ORDER BY id`,
    );

  it('first run: inserts the missing rows, updates the existing one, skips the signed-off assessment', async () => {
    const counts = await refreshComputedScores(ctx, [assessment.hoaBinh, assessment.tay]);
    expect(counts).toEqual({ assessments: 1, skipped: 1, inserted: 6, updated: 1, unchanged: 0 });
    const s = await scores();
    const points = Object.fromEntries([...s].map(([code, r]) => [code, r.computedPoints]));
    expect(points).toEqual({
      '1.1.1': 0.5,
      '1.1.2': 1,
      '1.1.3': null,
      '1.2.1': 1,
      '1.2.2': 0.5,
      '1.2.3': 0.25,
      '1.2.4': 0,
      '1.2.5': 2,
    });
    // The unit's own entries stay; the row that existed got a new version.
    expect(s.get('1.2.4')).toMatchObject({ selfPoints: 0.5, selfNote: 'Không phát sinh', version: 2 });
    expect(s.get('1.1.3')).toMatchObject({ selfPoints: 1, version: 1, computation: null });
    expect(s.get('1.1.1')!.version).toBe(1);
    expect(s.get('1.1.1')!.computation).toMatchObject({
      source: 'plans.tasks_on_time',
      numerator: 1,
      denominator: 3,
      points: 0.5,
    });
    // The signed-off assessment has no computed rows.
    const tay = await database.db.select().from(parScores).where(eq(parScores.assessmentId, assessment.tay));
    expect(tay).toHaveLength(0);
    const entries = await journal();
    expect(entries).toHaveLength(7);
    const updated = entries.find((e) => e.entity_id === s.get('1.2.4')!.id)!;
    expect(updated.before).toMatchObject({ selfPoints: 0.5, computedPoints: null });
    expect(updated.after.computedPoints).toBe(0);
  });

  it('a second run changes nothing', async () => {
    const before = await scores();
    const counts = await refreshComputedScores(ctx, [assessment.hoaBinh]);
    expect(counts).toEqual({ assessments: 1, skipped: 0, inserted: 0, updated: 0, unchanged: 7 });
    const after = await scores();
    for (const [code, row] of after) expect(row.version).toBe(before.get(code)!.version);
    expect(await journal()).toHaveLength(7);
  });

  it('new records change only the items they feed', async () => {
    // Hòa Bình's second task of 2025, done on time: 2/4 tasks → 0.5 × 2 = 1 point.
    await insertPlanWithTasks(
      ctx,
      {
        year: 2025,
        ownerUnitId: u.hoaBinh,
        ownerKind: 'unit',
        title: 'Kế hoạch CCHC năm 2025 của Xã Hòa Bình',
      },
      [
        seed('Xã Hòa Bình đúng hạn', u.hoaBinh, {
          status: 'verified',
          dueDate: '2025-10-15',
          reportedOn: '2025-10-14',
          verifiedOn: '2025-10-15',
        }),
      ],
    );
    const counts = await refreshComputedScores(ctx, [assessment.hoaBinh]);
    // The tasks item changes; the own-plan item now names Hòa Bình's own plan (its records changed, not its points).
    expect(counts).toEqual({ assessments: 1, skipped: 0, inserted: 0, updated: 2, unchanged: 5 });
    const s = await scores();
    expect(s.get('1.1.1')).toMatchObject({ computedPoints: 1, version: 2 });
    expect(s.get('1.1.1')!.computation).toMatchObject({ numerator: 2, denominator: 4, link: '/plans' });
    expect(s.get('1.1.2')).toMatchObject({ computedPoints: 1, version: 2 });
    expect(await journal()).toHaveLength(9);
    expect(await refreshComputedScores(ctx, [assessment.hoaBinh])).toMatchObject({
      updated: 0,
      unchanged: 7,
    });
  });
});
