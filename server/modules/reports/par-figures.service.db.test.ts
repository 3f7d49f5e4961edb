import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type RequestContext } from '../../core/context.js';
import type { Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { mergedCommunes } from '../../test/merged-communes.js';
import { unitsCarriedIn } from '../parindex/computed.service.js';
import { ensureShippedForms, latestPublished, UNIT_FORM } from './forms.service.js';
import { reportsOnTime } from './par-figures.service.js';
import { reportRounds, reports } from './reports.table.js';

/**
 * The reports' figure for the PAR Index, on hand-made rounds of the unit form (2025's quarters, and 2024's last):
 * Xã Đông (the main cases), Xã Tây (nothing), Xã An and Xã Bình merged into Xã Hòa Bình from 1/7/2025.
 */
let database: Database;
let drop: () => Promise<void>;
let ctx: RequestContext;
const u = { province: '', an: '', binh: '', hoaBinh: '', dong: '', tay: '' };
const round = {} as Record<string, string>;
const report = {} as Record<string, string>;

const DUE: Record<string, string> = {
  '2024-Q4': '2024-12-20',
  '2025-Q1': '2025-03-20',
  '2025-Q2': '2025-06-20',
  '2025-Q3': '2025-09-20',
  '2025-Q4': '2025-12-20',
};

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  ctx = systemContext(database.db);
  Object.assign(u, await mergedCommunes(ctx));

  await ensureShippedForms(database.db);
  const version = (await latestPublished(database.db, UNIT_FORM))!;
  for (const [periodKey, dueDate] of Object.entries(DUE)) {
    const [r] = await database.db
      .insert(reportRounds)
      .values({
        formKey: UNIT_FORM,
        formVersionId: version.id,
        ownerUnitId: u.province,
        periodKey,
        periodType: 'quarter',
        windowFrom: `${periodKey.slice(0, 4)}-01-01`,
        windowTo: dueDate,
        dueDate,
        rules: {},
      })
      .returning();
    round[periodKey] = r!.id;
  }
  const add = async (
    key: string,
    unitId: string,
    periodKey: string,
    state: { status: 'draft' | 'submitted' | 'returned' | 'accepted'; first?: string },
  ) => {
    const sent = state.status === 'submitted' || state.status === 'accepted';
    const [r] = await database.db
      .insert(reports)
      .values({
        roundId: round[periodKey]!,
        unitId,
        status: state.status,
        dueDate: DUE[periodKey]!,
        firstSubmittedOn: state.first ?? null,
        submittedOn: state.first ?? null,
        snapshot: sent ? {} : null,
        acceptedOn: state.status === 'accepted' ? state.first! : null,
      })
      .returning();
    report[key] = r!.id;
  };
  // Xã Đông: first sent on time then returned; sent late; never sent (past due); not yet due on 15/11/2025.
  await add('d-q1', u.dong, '2025-Q1', { status: 'returned', first: '2025-03-19' });
  await add('d-q2', u.dong, '2025-Q2', { status: 'submitted', first: '2025-06-25' });
  await add('d-q3', u.dong, '2025-Q3', { status: 'draft' });
  await add('d-q4', u.dong, '2025-Q4', { status: 'draft' });
  await add('d-2024', u.dong, '2024-Q4', { status: 'accepted', first: '2024-12-18' });
  // Merged: An on time and Bình never sent in the first quarter; Hòa Bình's third quarter on time, fourth unsent.
  await add('a-q1', u.an, '2025-Q1', { status: 'accepted', first: '2025-03-18' });
  await add('b-q1', u.binh, '2025-Q1', { status: 'draft' });
  await add('hb-q3', u.hoaBinh, '2025-Q3', { status: 'accepted', first: '2025-09-19' });
  await add('hb-q4', u.hoaBinh, '2025-Q4', { status: 'draft' });
}, 240_000);

afterAll(async () => drop?.());

describe('reportsOnTime: reports due in the year, first sent by the deadline over sent or past due', () => {
  it('counts on-time (even if returned since), late and unsent past-due reports; not those not yet due', async () => {
    const f = await reportsOnTime(ctx, [u.dong], 2025, { today: '2025-11-15' });
    expect([f.numerator, f.denominator]).toEqual([1, 3]);
    expect(f.ids).toEqual([report['d-q1'], report['d-q2'], report['d-q3']]);
    expect(f.link).toBe('/reports');
    // Once 20/12/2025 has passed, the unsent fourth quarter is late too.
    const after = await reportsOnTime(ctx, [u.dong], 2025, { today: '2026-01-10' });
    expect([after.numerator, after.denominator]).toEqual([1, 4]);
    // 2024's report is 2024's.
    expect(await reportsOnTime(ctx, [u.dong], 2024)).toEqual({
      numerator: 1,
      denominator: 1,
      ids: [report['d-2024']],
      link: `/reports/${report['d-2024']}`,
    });
  });

  it('no report owed: 0/0', async () => {
    expect(await reportsOnTime(ctx, [u.tay], 2025)).toEqual({
      numerator: 0,
      denominator: 0,
      ids: [],
      link: '/reports',
    });
  });

  it('a commune merged on 1/7/2025 answers for its predecessors’ reports of the first half', async () => {
    const unitIds = await unitsCarriedIn(database.db, u.hoaBinh, 2025);
    const f = await reportsOnTime(ctx, unitIds, 2025, { today: '2026-01-10' });
    expect([f.numerator, f.denominator]).toEqual([2, 4]);
    expect([...f.ids].sort()).toEqual(
      [report['a-q1'], report['b-q1'], report['hb-q3'], report['hb-q4']].sort(),
    );
    // The predecessors alone: one round, linked.
    const before = await reportsOnTime(ctx, [u.an, u.binh], 2025);
    expect(before).toMatchObject({
      numerator: 1,
      denominator: 2,
      link: `/reports/rounds/${round['2025-Q1']}`,
    });
    // Its own only, on 15/11/2025: one report, linked.
    const own = await reportsOnTime(ctx, [u.hoaBinh], 2025, { today: '2025-11-15' });
    expect(own).toEqual({
      numerator: 1,
      denominator: 1,
      ids: [report['hb-q3']],
      link: `/reports/${report['hb-q3']}`,
    });
  });
});
