import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type RequestContext } from '../../core/context.js';
import type { Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { loadShippedSurvey } from './data/index.js';
import { flattenItems, scaleCells, type NormalisedAnswers } from './rules/index.js';
import { surveyResponses, surveys, surveyTargets, surveyVersions } from './surveys.table.js';
import { insertUnits } from '../units/units.service.js';
import { computeItems, describeComputation, type ScoredItem } from '../parindex/computed.service.js';

/**
 * The PAR Index's items of method `survey` take their points from the year's survey (issue 17): the shipped SIPAS
 * template's `par-department` config scores 3.6.1 (access, procedure, civil servants) and 3.6.2 (result, feedback)
 * of the departments' frameworks. Hand-computed: Sở Tư pháp has 8 respondents, 6 answer every criterion 4
 * ("hài lòng") and 2 answer 2 → share satisfied 6/8 = 75% → 0,75 × 3 = 2,25 points. Sở Xây dựng has 3 respondents:
 * under the minimum of 5, nothing is counted and the council scores it.
 */
let database: Database;
let drop: () => Promise<void>;
let ctx: RequestContext;
const u = { province: '', tuPhap: '', xayDung: '', congThuong: '', yTe: '' };

const survey = (code: string, maxPoints: number): ScoredItem => ({
  code,
  name: { vi: `Tiêu chí ${code}`, en: '' },
  maxPoints,
  method: 'survey',
});

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  ctx = systemContext(database.db);
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
    ['Sở Tư pháp', 'Sở Xây dựng', 'Sở Công Thương', 'Sở Y tế'].map((name, i) => ({
      code: `S${i}`,
      name,
      fullName: name,
      kind: 'department' as const,
      parentId: u.province,
      validFrom: '1900-01-01',
    })),
  );
  [u.tuPhap, u.xayDung, u.congThuong, u.yTe] = depts.map((d) => d.id) as [string, string, string, string];

  const sipas = loadShippedSurvey('sipas');
  const [s] = await database.db
    .insert(surveys)
    .values({
      provinceId: u.province,
      kind: 'satisfaction',
      year: 2026,
      title: 'Khảo sát SIPAS 2026',
      status: 'open',
      parYear: 2026,
    })
    .returning();
  const [v] = await database.db
    .insert(surveyVersions)
    .values({
      surveyId: s!.id,
      number: 1,
      definition: sipas.definition,
      indices: sipas.indices,
      definitionHash: 'test',
      templateKey: 'sipas',
      publishedAt: new Date(),
    })
    .returning();
  const targets = await database.db
    .insert(surveyTargets)
    .values([
      { surveyId: s!.id, unitId: u.tuPhap, targetGroup: 'citizen', quota: 10, publicCode: 'TPTEST01' },
      { surveyId: s!.id, unitId: u.xayDung, targetGroup: 'citizen', quota: 10, publicCode: 'XDTEST01' },
      { surveyId: s!.id, unitId: u.yTe, targetGroup: 'citizen', quota: 20, publicCode: 'YTTEST01' },
    ])
    .returning();
  // Every satisfaction criterion (the five SIPAS elements) answered with one level.
  const cells = flattenItems(sipas.definition).flatMap(({ item }) => scaleCells(item));
  const answers = (level: 1 | 2 | 3 | 4 | 5): NormalisedAnswers => {
    const out: Record<string, number | Record<string, number>> = {};
    for (const c of cells) {
      if (!c.element) continue;
      if (c.row === null) out[c.item] = level;
      else out[c.item] = { ...((out[c.item] as Record<string, number>) ?? {}), [c.row]: level };
    }
    return out as NormalisedAnswers;
  };
  const rows = [
    ...[4, 4, 4, 4, 4, 4, 2, 2].map((l, i) => ({ target: targets[0]!.id, level: l as 2 | 4, i })),
    ...[5, 5, 5].map((l, i) => ({ target: targets[1]!.id, level: l as 5, i: 10 + i })),
    ...[4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2].map((l, i) => ({
      target: targets[2]!.id,
      level: l as 2 | 4,
      i: 20 + i,
    })),
  ];
  await database.db.insert(surveyResponses).values(
    rows.map((r) => ({
      surveyId: s!.id,
      versionId: v!.id,
      targetId: r.target,
      channel: 'qr' as const,
      submittedOn: '2026-11-02',
      answers: answers(r.level),
      clientKey: `client-key-${String(r.i).padStart(8, '0')}`,
    })),
  );
}, 900_000);

afterAll(async () => {
  await drop();
});

describe('survey criteria of the PAR Index', () => {
  it('scores a department from its respondents: 75% satisfied × 3 = 2,25 points, and says how', async () => {
    const out = await computeItems(ctx, {
      year: 2026,
      unitId: u.tuPhap,
      unitGroup: 'department',
      items: [survey('3.6.1', 3), survey('3.6.2', 3)],
    });
    expect(out.get('3.6.1')).toMatchObject({ source: 'survey', rate: 0.75, points: 2.25, noData: false });
    expect(out.get('3.6.2')).toMatchObject({ source: 'survey', rate: 0.75, points: 2.25 });
    expect(out.get('3.6.1')!.link).toMatch(/^\/surveys\/[0-9a-f-]{36}\?tab=results&unitId=/);
    expect(describeComputation(out.get('3.6.1')!)).toEqual({
      vi: 'Khảo sát «Khảo sát SIPAS 2026»: 75,00% hài lòng (8 phiếu) → 2,25/3 điểm',
      en: 'Survey “Khảo sát SIPAS 2026”: 75.00% satisfied (8 responses) → 2.25/3 points',
    });
  });

  it('points from the unrounded share: 10 of 12 satisfied × 3 = 2,5 points (83,33% × 3 would snap to 2,25)', async () => {
    const out = await computeItems(ctx, {
      year: 2026,
      unitId: u.yTe,
      unitGroup: 'department',
      items: [survey('3.6.1', 3)],
    });
    expect(out.get('3.6.1')).toMatchObject({ points: 2.5 });
    expect(describeComputation(out.get('3.6.1')!).vi).toBe(
      'Khảo sát «Khảo sát SIPAS 2026»: 83,33% hài lòng (12 phiếu) → 2,5/3 điểm',
    );
  });

  it('fewer than 5 respondents: nothing counted, the council scores it', async () => {
    const out = await computeItems(ctx, {
      year: 2026,
      unitId: u.xayDung,
      unitGroup: 'department',
      items: [survey('3.6.1', 3)],
    });
    expect(out.get('3.6.1')).toMatchObject({ rate: null, points: null, noData: true });
    expect(describeComputation(out.get('3.6.1')!).vi).toBe(
      'Khảo sát «Khảo sát SIPAS 2026»: 3 phiếu, dưới 5 phiếu nên không tính → Hội đồng thẩm định chấm',
    );
  });

  it('a unit the survey did not reach, another year or another group: no survey figure at all', async () => {
    const items = [survey('3.6.1', 3)];
    expect(
      (await computeItems(ctx, { year: 2026, unitId: u.congThuong, unitGroup: 'department', items })).size,
    ).toBe(0);
    expect(
      (await computeItems(ctx, { year: 2025, unitId: u.tuPhap, unitGroup: 'department', items })).size,
    ).toBe(0);
    expect(
      (await computeItems(ctx, { year: 2026, unitId: u.tuPhap, unitGroup: 'commune', items })).size,
    ).toBe(0);
  });
});
