import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import type { Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { insertUnits } from '../units/units.service.js';
import { loadShippedSurvey } from './data/index.js';
import {
  satisfactionIndexOf,
  surveySatisfaction,
  surveySatisfactionByPeriod,
  surveySatisfactionByUnit,
} from './qd766-figures.service.js';
import { flattenItems, scaleCells, type NormalisedAnswers } from './rules/index.js';
import { surveyResponses } from './surveys.table.js';
import { createTestSurvey, type TestSurvey } from './test-support.js';

/**
 * The survey satisfaction QĐ 766 reads (criterion `survey_satisfaction`): SIPAS's overall index (`sipas_chung`, the
 * mean of its 5 elements) / 100. Every response answers every element's criteria with one level, so each element —
 * and the overall index — is the share of respondents answering 4 or 5. Hand-computed, March 2026:
 * - Sở Tư pháp: 6 × "hài lòng" (4), 2 × "không hài lòng" (2) → 6/8 = 0,75; and 3 × 5 in May (outside March);
 * - Phòng Công chứng (under Sở Tư pháp): 5 × 5 → 1;
 * - Sở Xây dựng: 4 × 5 → under 5 respondents: null;
 * - the province: 6 + 5 + 4 = 15 satisfied of 17 → 15/17; Sở Tư pháp with the unit below it: 11/13.
 * A closed 2025 SIPAS survey answers for Sở Tư pháp in May with 12 respondents, all 1: it has more respondents than
 * the open survey's 6 there, so it counts (0), never mixed with the other. A draft survey's answers never count.
 */
let database: Database;
let drop: () => Promise<void>;
const u = { province: '', tuPhap: '', congChung: '', xayDung: '', yTe: '' };
let open: TestSurvey;
let closed: TestSurvey;
let draft: TestSurvey;

const sipas = loadShippedSurvey('sipas');
const cells = flattenItems(sipas.definition).flatMap(({ item }) => scaleCells(item));
/** Every criterion of the five SIPAS elements answered with one level. */
function answers(level: 1 | 2 | 3 | 4 | 5): NormalisedAnswers {
  const out: Record<string, number | Record<string, number>> = {};
  for (const c of cells) {
    if (!c.element) continue;
    if (c.row === null) out[c.item] = level;
    else out[c.item] = { ...((out[c.item] as Record<string, number>) ?? {}), [c.row]: level };
  }
  return out as NormalisedAnswers;
}

let key = 0;
async function answer(s: TestSurvey, unitId: string, day: string, levels: (1 | 2 | 3 | 4 | 5)[]) {
  const target = s.targets.find((x) => x.unitId === unitId)!;
  await database.db.insert(surveyResponses).values(
    levels.map((level) => ({
      surveyId: s.surveyId,
      versionId: s.version.id,
      targetId: target.id,
      channel: 'qr' as const,
      submittedOn: day,
      answers: answers(level),
      clientKey: `qd766-${String(++key).padStart(8, '0')}`,
    })),
  );
}

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  const ctx = systemContext(database.db);
  const [province] = await insertUnits(ctx, [
    {
      code: '98',
      name: 'Thử',
      fullName: 'Tỉnh Thử',
      kind: 'province',
      parentId: null,
      validFrom: '1900-01-01',
    },
  ]);
  u.province = province!.id;
  const depts = await insertUnits(
    ctx,
    ['Sở Tư pháp', 'Sở Xây dựng', 'Sở Y tế'].map((name, i) => ({
      code: `S${i}`,
      name,
      fullName: name,
      kind: 'department' as const,
      parentId: u.province,
      validFrom: '1900-01-01',
    })),
  );
  [u.tuPhap, u.xayDung, u.yTe] = depts.map((d) => d.id) as [string, string, string];
  const [below] = await insertUnits(ctx, [
    {
      code: 'S0-1',
      name: 'Phòng Công chứng số 1',
      fullName: 'Phòng Công chứng số 1',
      kind: 'other' as const,
      parentId: u.tuPhap,
      validFrom: '1900-01-01',
    },
  ]);
  u.congChung = below!.id;

  const places = { provinceId: u.province, unitIds: [u.tuPhap, u.congChung, u.xayDung] };
  open = await createTestSurvey(database.db, { ...places, status: 'open', year: 2026 });
  closed = await createTestSurvey(database.db, { ...places, status: 'closed', year: 2025 });
  draft = await createTestSurvey(database.db, { ...places, status: 'draft', published: true, year: 2026 });

  await answer(open, u.tuPhap, '2026-03-10', [4, 4, 4, 4, 4, 4, 2, 2]);
  await answer(open, u.tuPhap, '2026-05-04', [5, 5, 5, 5, 5, 5]);
  await answer(open, u.congChung, '2026-03-31', [5, 5, 5, 5, 5]);
  await answer(open, u.xayDung, '2026-03-01', [5, 5, 5, 5]);
  await answer(
    closed,
    u.tuPhap,
    '2026-05-20',
    Array.from({ length: 12 }, () => 1 as const),
  );
  await answer(
    draft,
    u.tuPhap,
    '2026-03-10',
    Array.from({ length: 20 }, () => 1 as const),
  );
}, 900_000);

afterAll(async () => {
  await drop();
});

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

describe('the survey satisfaction of QĐ 766', () => {
  it('per unit: the share satisfied of its own targets, null under 5 respondents or without answers', async () => {
    const by = await surveySatisfactionByUnit(database.db, {
      ...MARCH,
      unitIds: [u.tuPhap, u.congChung, u.xayDung, u.yTe],
    });
    expect(by.get(u.tuPhap)).toBeCloseTo(0.75, 12);
    expect(by.get(u.congChung)).toBe(1);
    expect(by.get(u.xayDung)).toBeNull(); // 4 respondents: suppressed
    expect(by.get(u.yTe)).toBeNull(); // not surveyed
    expect([...by.keys()]).toHaveLength(4);
    // With the units below: Sở Tư pháp and Phòng Công chứng, 11 of 13.
    const subtree = await surveySatisfactionByUnit(database.db, {
      ...MARCH,
      unitIds: [u.tuPhap],
      subtree: true,
    });
    expect(subtree.get(u.tuPhap)).toBeCloseTo(11 / 13, 12);
  });

  it('a scope in total: the whole province, a unit with or without the units below it', async () => {
    expect(await surveySatisfaction(database.db, MARCH)).toBeCloseTo(15 / 17, 12);
    expect(await surveySatisfaction(database.db, { ...MARCH, unitIds: [u.province] })).toBeCloseTo(
      15 / 17,
      12,
    );
    expect(await surveySatisfaction(database.db, { ...MARCH, unitIds: [u.tuPhap] })).toBeCloseTo(11 / 13, 12);
    expect(
      await surveySatisfaction(database.db, { ...MARCH, unitIds: [u.tuPhap], subtree: false }),
    ).toBeCloseTo(0.75, 12);
    expect(await surveySatisfaction(database.db, { ...MARCH, unitIds: [u.xayDung] })).toBeNull();
    expect(await surveySatisfaction(database.db, { ...MARCH, unitIds: [] })).toBeNull();
  });

  it('only the answers submitted in the window; two surveys are not mixed: the one with more respondents counts', async () => {
    expect(
      await surveySatisfaction(database.db, { from: '2026-03-11', to: '2026-03-30', unitIds: [u.tuPhap] }),
    ).toBeNull();
    expect(await surveySatisfaction(database.db, { from: '2026-04-01', to: '2026-04-30' })).toBeNull();
    // May, Sở Tư pháp: the open survey 6 × 5 (would be 1), the closed one 12 × 1 → the closed one, 0.
    expect(
      await surveySatisfaction(database.db, { from: '2026-05-01', to: '2026-05-31', unitIds: [u.tuPhap] }),
    ).toBe(0);
    expect(
      await surveySatisfaction(database.db, { from: '2026-05-01', to: '2026-05-10', unitIds: [u.tuPhap] }),
    ).toBe(1);
  });

  it('by period (a trend’s months), from one read', async () => {
    const months = [
      MARCH,
      { from: '2026-04-01', to: '2026-04-30' },
      { from: '2026-05-01', to: '2026-05-31' },
    ];
    const all = await surveySatisfactionByPeriod(database.db, { periods: months });
    expect(all[0]).toBeCloseTo(15 / 17, 12);
    expect(all.slice(1)).toEqual([null, 0]);
    const own = await surveySatisfactionByPeriod(database.db, {
      periods: months,
      unitIds: [u.tuPhap],
      subtree: false,
    });
    expect(own[0]).toBeCloseTo(0.75, 12);
    expect(own.slice(1)).toEqual([null, 0]);
    expect(await surveySatisfactionByPeriod(database.db, { periods: [] })).toEqual([]);
  });

  it('the index read: the overall index of the first config having one, else the first index', () => {
    expect(satisfactionIndexOf(sipas.indices)).toMatchObject({
      key: 'sipas_chung',
      config: { key: 'sipas' },
    });
    const parSurvey = loadShippedSurvey('par-survey');
    expect(satisfactionIndexOf(parSurvey.indices)).toMatchObject({
      key: '3.6.1',
      config: { key: 'par-department-nghean' },
    });
    expect(satisfactionIndexOf([])).toBeNull();
  });
});
