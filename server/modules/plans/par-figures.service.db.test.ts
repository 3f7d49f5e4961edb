import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { systemContext, type RequestContext } from '../../core/context.js';
import { rows, type Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { mergedCommunes } from '../../test/merged-communes.js';
import { Actor } from '../access/actor.js';
import { createDocumentRecord } from '../documents/documents.service.js';
import { unitsCarriedIn } from '../parindex/computed.service.js';
import { remediationFor, remediationPlanFor } from '../parindex/remediation.service.js';
import { ownPlanIssued, planTasksOnTime } from './par-figures.service.js';
import { createPlan, insertPlanWithTasks, listPlans, type SeedTask } from './plans.service.js';
import { unitPlanCoverage } from './unit-plans.service.js';

/**
 * The plans' figures for the PAR Index, on hand-made records: a province, communes An and Bình merged into Xã Hòa
 * Bình from 1/7/2025, Xã Đông (untouched, the main cases), Xã Tây (nothing), Xã Nam (a plan decided too late) and
 * Xã Bắc (a remediation and an improvement plan, then its yearly PAR plan).
 * Dates avoid the 2025 holidays; "today" is pinned where a record is not yet due.
 */
let database: Database;
let drop: () => Promise<void>;
let ctx: RequestContext;
const u = { province: '', an: '', binh: '', hoaBinh: '', dong: '', tay: '', nam: '', bac: '' };
const task = {} as Record<string, string>;
let committeePlan = '';
let dongPlan = '';
let binhPlan = '';

const seed = (title: string, leadUnitId: string, over: Partial<SeedTask>): SeedTask => ({
  title,
  reformArea: 'direction',
  leadUnitId,
  status: 'not_started',
  ...over,
});

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  ctx = systemContext(database.db);
  const f = await mergedCommunes(ctx, ['Nam', 'Bắc']);
  Object.assign(u, f, { nam: f.extra[0]!, bac: f.extra[1]! });

  const tasks: [string, SeedTask][] = [
    // Xã Đông: on time, late, overdue, reported (not verified) after its due date, not yet due on 15/11/2025,
    // cancelled, done early though due after 15/11/2025, and one without a due date.
    [
      'd-on-time',
      seed('Đúng hạn', u.dong, {
        status: 'verified',
        dueDate: '2025-03-14',
        reportedOn: '2025-03-12',
        verifiedOn: '2025-03-17',
      }),
    ],
    [
      'd-late',
      seed('Trễ hạn', u.dong, {
        status: 'verified',
        dueDate: '2025-03-14',
        reportedOn: '2025-03-20',
        verifiedOn: '2025-03-21',
      }),
    ],
    [
      'd-overdue',
      seed('Quá hạn chưa xong', u.dong, {
        status: 'in_progress',
        startDate: '2025-02-03',
        dueDate: '2025-04-15',
      }),
    ],
    [
      'd-reported',
      seed('Báo cáo xong, chưa xác nhận', u.dong, {
        status: 'reported_done',
        dueDate: '2025-05-15',
        reportedOn: '2025-05-14',
      }),
    ],
    ['d-not-yet', seed('Chưa đến hạn', u.dong, { status: 'not_started', dueDate: '2025-12-15' })],
    ['d-cancelled', seed('Đã hủy', u.dong, { status: 'cancelled', dueDate: '2025-06-16' })],
    [
      'd-early',
      seed('Xong sớm', u.dong, {
        status: 'verified',
        dueDate: '2025-12-19',
        reportedOn: '2025-11-10',
        verifiedOn: '2025-11-12',
      }),
    ],
    ['d-open-ended', seed('Thường xuyên', u.dong, { status: 'in_progress', dueDate: null })],
    // The merged communes: An's first half (on time), Bình's overdue task, Hòa Bình's own (late).
    [
      'a-on-time',
      seed('Xã An đúng hạn', u.an, {
        status: 'verified',
        dueDate: '2025-03-14',
        reportedOn: '2025-03-13',
        verifiedOn: '2025-03-14',
      }),
    ],
    ['b-overdue', seed('Xã Bình quá hạn', u.binh, { status: 'not_started', dueDate: '2025-05-15' })],
    [
      'hb-late',
      seed('Xã Hòa Bình trễ hạn', u.hoaBinh, {
        status: 'verified',
        dueDate: '2025-09-15',
        reportedOn: '2025-09-22',
        verifiedOn: '2025-09-23',
      }),
    ],
  ];
  committeePlan = await insertPlanWithTasks(
    ctx,
    { year: 2025, ownerUnitId: u.province, ownerKind: 'committee', title: 'Kế hoạch CCHC năm 2025' },
    tasks.map(([, t]) => t),
  );
  const found = await rows<{ id: string; title: string }>(
    database.db,
    sql`SELECT id::text AS id, title FROM plan_tasks WHERE plan_id = ${committeePlan}::uuid`,
  );
  const byTitle = new Map(found.map((r) => [r.title, r.id]));
  for (const [key, t] of tasks) task[key] = byTitle.get(t.title)!;

  // Other years' plans: never counted for 2025.
  await insertPlanWithTasks(
    ctx,
    { year: 2024, ownerUnitId: u.province, ownerKind: 'committee', title: 'Kế hoạch CCHC năm 2024' },
    [
      seed('Năm trước', u.dong, {
        status: 'verified',
        dueDate: '2024-12-20',
        reportedOn: '2024-12-18',
        verifiedOn: '2024-12-19',
      }),
      seed('Năm trước, Xã An', u.an, {
        status: 'verified',
        dueDate: '2024-12-20',
        reportedOn: '2024-12-18',
        verifiedOn: '2024-12-19',
      }),
    ],
  );
  // Xã Đông's own plan (issued, no decision recorded) with a task of its own, done on time.
  dongPlan = await insertPlanWithTasks(
    ctx,
    { year: 2025, ownerUnitId: u.dong, ownerKind: 'unit', title: 'Kế hoạch CCHC năm 2025 của Xã Đông' },
    [
      seed('Nhiệm vụ của xã', u.dong, {
        status: 'verified',
        dueDate: '2025-08-15',
        reportedOn: '2025-08-14',
        verifiedOn: '2025-08-15',
      }),
    ],
  );
  // Xã Bình's plan, decided on 10/2/2025 (a restricted register record); Xã Nam's decided only on 5/1/2026.
  const decision = (unitId: string, numberSymbol: string, issuedOn: string) =>
    createDocumentRecord(ctx, {
      numberSymbol,
      type: 'ke_hoach',
      issuer: 'UBND xã',
      issuedOn,
      title: 'Kế hoạch cải cách hành chính năm 2025',
      unitId,
      access: 'restricted',
    });
  binhPlan = await insertPlanWithTasks(
    ctx,
    {
      year: 2025,
      ownerUnitId: u.binh,
      ownerKind: 'unit',
      title: 'Kế hoạch CCHC năm 2025 của Xã Bình',
      documentId: (await decision(u.binh, '12/KH-UBND', '2025-02-10')).id,
    },
    [],
  );
  await insertPlanWithTasks(
    ctx,
    {
      year: 2025,
      ownerUnitId: u.nam,
      ownerKind: 'unit',
      title: 'Kế hoạch CCHC năm 2025 của Xã Nam',
      documentId: (await decision(u.nam, '01/KH-UBND', '2026-01-05')).id,
    },
    [],
  );
}, 240_000);

afterAll(async () => drop?.());

describe('planTasksOnTime: tasks due in the year, done on time over done or past due', () => {
  it('counts on-time, late, overdue and reported tasks; leaves out those not yet due, cancelled, open-ended', async () => {
    const f = await planTasksOnTime(ctx, [u.dong], 2025, { today: '2025-11-15' });
    // On time: d-on-time, d-early and the own plan's task; late: d-late; past due, not verified: d-overdue,
    // d-reported. Not yet due (15/12/2025): d-not-yet.
    expect(f.numerator).toBe(3);
    expect(f.denominator).toBe(6);
    expect(f.ids).toHaveLength(6);
    expect(f.ids).toEqual(
      expect.arrayContaining([
        task['d-on-time'],
        task['d-late'],
        task['d-overdue'],
        task['d-reported'],
        task['d-early'],
      ]),
    );
    for (const left of ['d-not-yet', 'd-cancelled', 'd-open-ended']) expect(f.ids).not.toContain(task[left]);
    // Two plans hold them: the plans list.
    expect(f.link).toBe('/plans');
  });

  it('a task not yet due counts once its due date has passed', async () => {
    const f = await planTasksOnTime(ctx, [u.dong], 2025, { today: '2026-01-10' });
    expect([f.numerator, f.denominator]).toEqual([3, 7]);
    expect(f.ids).toContain(task['d-not-yet']);
  });

  it('no task: 0/0, no records', async () => {
    const f = await planTasksOnTime(ctx, [u.tay], 2025, { today: '2026-01-10' });
    expect(f).toEqual({ numerator: 0, denominator: 0, ids: [], link: '/plans' });
    expect((await planTasksOnTime(ctx, [u.dong], 2023)).denominator).toBe(0);
  });

  it('a commune merged on 1/7/2025 answers for its predecessors’ tasks of 2025', async () => {
    const unitIds = await unitsCarriedIn(database.db, u.hoaBinh, 2025);
    expect(unitIds[0]).toBe(u.hoaBinh);
    expect([...unitIds].sort()).toEqual([u.hoaBinh, u.an, u.binh].sort());
    const f = await planTasksOnTime(ctx, unitIds, 2025, { today: '2026-01-10' });
    // An's task on time, Bình's overdue, Hòa Bình's late (2024's task of An is another year's).
    expect([f.numerator, f.denominator]).toEqual([1, 3]);
    expect([...f.ids].sort()).toEqual([task['a-on-time'], task['b-overdue'], task['hb-late']].sort());
    expect(f.link).toBe(`/plans/${committeePlan}/dashboard`);
    // Without the lineage, only its own task.
    const own = await planTasksOnTime(ctx, [u.hoaBinh], 2025, { today: '2026-01-10' });
    expect([own.numerator, own.denominator]).toEqual([0, 1]);
  });
});

describe('ownPlanIssued: the unit’s own yearly PAR plan, issued by the year’s end', () => {
  it('a plan recorded without a decision is issued', async () => {
    expect(await ownPlanIssued(ctx, [u.dong], 2025)).toEqual({
      numerator: 1,
      denominator: 1,
      ids: [dongPlan],
      link: `/plans/${dongPlan}`,
    });
  });

  it('a decision dated within the year counts (even a restricted one); one dated after it does not', async () => {
    expect((await ownPlanIssued(ctx, [u.binh], 2025)).ids).toEqual([binhPlan]);
    const late = await ownPlanIssued(ctx, [u.nam], 2025);
    expect(late).toEqual({ numerator: 0, denominator: 1, ids: [], link: '/plans' });
    // While 2025 ran (on 1/12/2025), Xã Bình's was issued already.
    expect((await ownPlanIssued(ctx, [u.binh], 2025, { today: '2025-12-01' })).numerator).toBe(1);
  });

  it('no plan: 0/1', async () => {
    expect(await ownPlanIssued(ctx, [u.tay], 2025)).toEqual({
      numerator: 0,
      denominator: 1,
      ids: [],
      link: '/plans',
    });
    expect((await ownPlanIssued(ctx, [u.dong], 2024)).numerator).toBe(0);
  });

  it('a commune formed during the year counts a plan its predecessors issued for it', async () => {
    const unitIds = await unitsCarriedIn(database.db, u.hoaBinh, 2025);
    expect(await ownPlanIssued(ctx, unitIds, 2025)).toMatchObject({ numerator: 1, ids: [binhPlan] });
    // A unit that existed the whole year answers for its own plan only.
    expect((await ownPlanIssued(ctx, [u.tay, u.binh], 2025)).numerator).toBe(0);
  });
});

describe("only the unit's yearly PAR plan counts: not a remediation or an improvement plan it owns", () => {
  /** The province's administrator (the coverage answers a signed-in reader). */
  const admin = () => ({
    ...ctx,
    actor: new Actor(
      { id: '00000000-0000-0000-0000-000000000000', email: '', fullName: 'test', unitId: null },
      [{ id: '00000000-0000-0000-0000-000000000000', role: 'admin', unitId: u.province }],
    ),
  });
  const coverageOf = async (unitId: string) => {
    const c = await unitPlanCoverage(admin(), 2025, u.province);
    return { issued: c.issued.includes(unitId), row: c.units.find((x) => x.unitId === unitId)! };
  };

  it('a remediation plan (as the PAR Index makes it) and an improvement plan count in neither figure', async () => {
    // The remediation plan exactly as parindex/remediation.service makes it for a unit below the threshold.
    const { plan } = remediationFor(
      { year: 2024, remediationBelow: 70 },
      { assessmentId: '00000000-0000-0000-0000-000000000001', unitId: u.bac, percent: 61.5 },
      2025,
      '2025-06-16',
    );
    expect(plan).toMatchObject({ ownerKind: 'unit', ownerUnitId: u.bac, purpose: 'remediation' });
    const remediation = await createPlan(admin(), plan);
    expect(remediation.purpose).toBe('remediation');
    const improvement = await insertPlanWithTasks(
      ctx,
      {
        year: 2025,
        ownerUnitId: u.bac,
        ownerKind: 'unit',
        purpose: 'improvement',
        title: 'Kế hoạch cải thiện Chỉ số PAPI năm 2025 (Xã Bắc)',
      },
      [],
    );

    expect(await ownPlanIssued(ctx, [u.bac], 2025)).toEqual({
      numerator: 0,
      denominator: 1,
      ids: [],
      link: '/plans',
    });
    const c = await coverageOf(u.bac);
    expect(c.issued).toBe(false);
    expect(c.row.plan).toBeNull();
    // Listed beside the unit, with what they are for.
    expect(c.row.otherPlans).toEqual([
      { id: remediation.id, title: plan.title, purpose: 'remediation' },
      { id: improvement, title: 'Kế hoạch cải thiện Chỉ số PAPI năm 2025 (Xã Bắc)', purpose: 'improvement' },
    ]);
    // Xã Đông's yearly plan still counts, with nothing beside it.
    expect(await coverageOf(u.dong)).toMatchObject({
      issued: true,
      row: { plan: { id: dongPlan }, otherPlans: [] },
    });

    // The PAR Index's next remediation task of the year goes into the remediation plan, never the improvement one.
    const ofYear = await listPlans(admin(), 2025, 'unit', { purpose: ['reform', 'remediation'] });
    expect(ofYear.map((p) => p.purpose).sort()).toEqual(['reform', 'reform', 'reform', 'remediation']);
    expect(remediationPlanFor(ofYear, u.bac)).toBe(remediation.id);
    expect(remediationPlanFor(ofYear, u.tay)).toBeNull();
    expect((await listPlans(admin(), 2025, 'unit', { purpose: 'improvement' })).map((p) => p.id)).toEqual([
      improvement,
    ]);
  });

  it('once the unit registers its yearly PAR plan, that one counts and holds the next remediation task', async () => {
    const reform = await createPlan(admin(), {
      year: 2025,
      ownerUnitId: u.bac,
      ownerKind: 'unit',
      title: 'Kế hoạch CCHC năm 2025 của Xã Bắc',
    });
    expect(reform.purpose).toBe('reform');
    expect(await ownPlanIssued(ctx, [u.bac], 2025)).toMatchObject({ numerator: 1, ids: [reform.id] });
    const c = await coverageOf(u.bac);
    expect(c.issued).toBe(true);
    expect(c.row.plan?.id).toBe(reform.id);
    expect(c.row.otherPlans.map((p) => p.purpose)).toEqual(['remediation', 'improvement']);
    expect(remediationPlanFor(await listPlans(admin(), 2025, 'unit'), u.bac)).toBe(reform.id);
  });
});
