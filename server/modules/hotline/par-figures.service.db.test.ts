import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type RequestContext } from '../../core/context.js';
import type { Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { mergedCommunes } from '../../test/merged-communes.js';
import { unitsCarriedIn } from '../parindex/computed.service.js';
import { feedbackCases } from './hotline.table.js';
import { feedbackHandledOnTime } from './par-figures.service.js';

/**
 * The hotline's figure for the PAR Index, on hand-made cases: Xã Đông (the main cases), Xã Tây (nothing), Xã An and
 * Xã Bình merged into Xã Hòa Bình from 1/7/2025. Dates avoid the 2025 holidays.
 */
let database: Database;
let drop: () => Promise<void>;
let ctx: RequestContext;
const u = { province: '', an: '', binh: '', hoaBinh: '', dong: '', tay: '' };
const id = {} as Record<string, string>;

type Case = {
  unit: string | null;
  status: 'assigned' | 'answered' | 'published' | 'forwarded' | 'not_accepted';
  classification: 'within_authority' | 'behaviour' | 'outside_authority' | 'not_accepted';
  receivedOn: string;
  due: string | null;
  published?: string;
};

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  ctx = systemContext(database.db);
  Object.assign(u, await mergedCommunes(ctx));

  const cases: Record<string, Case> = {
    // Xã Đông.
    'd-on-time': {
      unit: u.dong,
      status: 'published',
      classification: 'within_authority',
      receivedOn: '2025-02-28',
      due: '2025-03-14',
      published: '2025-03-12',
    },
    'd-late': {
      unit: u.dong,
      status: 'published',
      classification: 'within_authority',
      receivedOn: '2025-02-28',
      due: '2025-03-14',
      published: '2025-03-20',
    },
    'd-behaviour': {
      unit: u.dong,
      status: 'published',
      classification: 'behaviour',
      receivedOn: '2025-04-22',
      due: '2025-05-15',
      published: '2025-05-14',
    },
    'd-overdue': {
      unit: u.dong,
      status: 'assigned',
      classification: 'within_authority',
      receivedOn: '2025-04-01',
      due: '2025-04-15',
    },
    'd-awaiting-review': {
      unit: u.dong,
      status: 'answered',
      classification: 'within_authority',
      receivedOn: '2025-06-02',
      due: '2025-06-16',
    },
    'd-not-yet': {
      unit: u.dong,
      status: 'assigned',
      classification: 'within_authority',
      receivedOn: '2025-11-03',
      due: '2025-12-15',
    },
    // Answered in 2024, due in 2025: a case of 2025's deadlines.
    'd-across': {
      unit: u.dong,
      status: 'published',
      classification: 'within_authority',
      receivedOn: '2024-12-26',
      due: '2025-01-09',
      published: '2024-12-30',
    },
    'd-2024': {
      unit: u.dong,
      status: 'published',
      classification: 'within_authority',
      receivedOn: '2024-12-05',
      due: '2024-12-19',
      published: '2024-12-18',
    },
    // Not the unit's to answer: forwarded, not accepted.
    'd-forwarded': {
      unit: null,
      status: 'forwarded',
      classification: 'outside_authority',
      receivedOn: '2025-03-03',
      due: null,
    },
    'd-refused': {
      unit: null,
      status: 'not_accepted',
      classification: 'not_accepted',
      receivedOn: '2025-03-03',
      due: null,
    },
    // The merged communes: An on time, Bình never answered, Hòa Bình late.
    'a-on-time': {
      unit: u.an,
      status: 'published',
      classification: 'within_authority',
      receivedOn: '2025-03-03',
      due: '2025-03-14',
      published: '2025-03-10',
    },
    'b-overdue': {
      unit: u.binh,
      status: 'assigned',
      classification: 'within_authority',
      receivedOn: '2025-06-02',
      due: '2025-06-16',
    },
    'hb-late': {
      unit: u.hoaBinh,
      status: 'published',
      classification: 'within_authority',
      receivedOn: '2025-09-01',
      due: '2025-09-15',
      published: '2025-09-19',
    },
  };
  let n = 0;
  for (const [key, c] of Object.entries(cases)) {
    n += 1;
    const [row] = await database.db
      .insert(feedbackCases)
      .values({
        code: `PA-TEST-${String(n).padStart(4, '0')}`,
        channel: 'web',
        provinceId: u.province,
        title: key,
        description: 'Phản ánh thử nghiệm',
        submitterKeyHash: `hash-${n}`,
        receivedAt: new Date(`${c.receivedOn}T09:00:00+07:00`),
        receivedOn: c.receivedOn,
        triageDueDate: c.receivedOn,
        classification: c.classification,
        handlingUnitId: c.unit,
        status: c.status,
        dueDate: c.due,
        publishedAnswer: c.published ? 'Trả lời' : null,
        publishedOn: c.published ?? null,
        closedOn: c.published ?? (c.unit ? null : c.receivedOn),
      })
      .returning();
    id[key] = row!.id;
  }
}, 240_000);

afterAll(async () => drop?.());

describe('feedbackHandledOnTime: cases due in the year, published on time over published or overdue', () => {
  it('counts on-time, late and overdue cases (also those due in the year but answered before it)', async () => {
    const f = await feedbackHandledOnTime(ctx, [u.dong], 2025, { today: '2025-11-15' });
    expect([f.numerator, f.denominator]).toEqual([3, 6]);
    expect([...f.ids].sort()).toEqual(
      ['d-on-time', 'd-late', 'd-behaviour', 'd-overdue', 'd-awaiting-review', 'd-across']
        .map((k) => id[k])
        .sort(),
    );
    expect(f.link).toBe('/hotline/stats');
    // Once its deadline (15/12/2025) has passed, the open case counts as late too.
    const after = await feedbackHandledOnTime(ctx, [u.dong], 2025, { today: '2026-01-10' });
    expect([after.numerator, after.denominator]).toEqual([3, 7]);
    expect(after.ids).toContain(id['d-not-yet']);
    // 2024's case is 2024's.
    expect(await feedbackHandledOnTime(ctx, [u.dong], 2024)).toMatchObject({
      numerator: 1,
      denominator: 1,
      ids: [id['d-2024']],
    });
  });

  it('no case: 0/0', async () => {
    expect(await feedbackHandledOnTime(ctx, [u.tay], 2025)).toEqual({
      numerator: 0,
      denominator: 0,
      ids: [],
      link: '/hotline/stats',
    });
  });

  it('a commune merged on 1/7/2025 answers for its predecessors’ cases of the first half', async () => {
    const unitIds = await unitsCarriedIn(database.db, u.hoaBinh, 2025);
    const f = await feedbackHandledOnTime(ctx, unitIds, 2025, { today: '2026-01-10' });
    expect([f.numerator, f.denominator]).toEqual([1, 3]);
    expect([...f.ids].sort()).toEqual([id['a-on-time'], id['b-overdue'], id['hb-late']].sort());
    expect((await feedbackHandledOnTime(ctx, [u.hoaBinh], 2025)).denominator).toBe(1);
  });
});
