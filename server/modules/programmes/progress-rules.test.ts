import { describe, expect, it } from 'vitest';
import {
  headlineOf,
  judgeTarget,
  judgeYear,
  marginOf,
  milestoneFor,
  milestoneProblems,
  summarise,
  toleranceAmount,
  YEAR_STATUS_LABELS,
  YEAR_STATUSES,
  type Comparison,
  type TargetSpec,
  type Tolerance,
  type YearJudgement,
} from './progress-rules.js';

// Resolution 76/NQ-CP: at least 80% of dossiers online by 2025; the province's own steps before.
const online: TargetSpec = {
  comparison: 'gte',
  milestones: [
    { year: 2022, value: 40 },
    { year: 2023, value: 50 },
    { year: 2024, value: 65 },
  ],
  finalValue: 80,
};
// A "no more than" target: late dossiers at most 2% (≤).
const late: TargetSpec = { comparison: 'lte', milestones: [{ year: 2024, value: 3 }], finalValue: 2 };
const points5: Tolerance = { kind: 'points', value: 5 };
const pct10: Tolerance = { kind: 'percent', value: 10 };

const judge = (
  spec: TargetSpec,
  year: number,
  value: number | null,
  currentYear = 2025,
  tolerance = points5,
) => judgeYear(spec, { year, toYear: 2025, currentYear, value, tolerance });

describe('milestoneFor', () => {
  it('takes a year’s own milestone, the final value in the last year, none otherwise', () => {
    expect(milestoneFor(online, 2023, 2025)).toBe(50);
    expect(milestoneFor(online, 2025, 2025)).toBe(80);
    expect(milestoneFor(online, 2021, 2025)).toBeNull();
  });
  it('an explicit milestone of the last year wins over the final value', () => {
    expect(milestoneFor({ ...online, milestones: [{ year: 2025, value: 75 }] }, 2025, 2025)).toBe(75);
  });
});

describe('marginOf and toleranceAmount', () => {
  it.each<[Comparison, number, number, number]>([
    ['gte', 82.4, 80, 2.4],
    ['gte', 78, 80, -2],
    ['lte', 1.5, 2, 0.5],
    ['lte', 2.5, 2, -0.5],
  ])('%s: value %d against %d → %d', (c, v, m, expected) => {
    expect(marginOf(c, v, m)).toBeCloseTo(expected, 9);
  });
  it('points as given; percent of the milestone’s size; never negative', () => {
    expect(toleranceAmount(points5, 80)).toBe(5);
    expect(toleranceAmount(pct10, 80)).toBe(8);
    expect(toleranceAmount(pct10, -50)).toBe(5);
    expect(toleranceAmount({ kind: 'points', value: -3 }, 80)).toBe(0);
    expect(toleranceAmount({ kind: 'percent', value: -3 }, 80)).toBe(0);
  });
});

describe('judgeYear', () => {
  it('a past year meeting its milestone is achieved; exactly on it too (floating slack)', () => {
    expect(judge(online, 2023, 52).status).toBe('achieved');
    expect(judge(online, 2023, 50).status).toBe('achieved');
    expect(judge(online, 2023, 49.999999999999).status).toBe('achieved');
  });
  it('a past year short of its milestone is missed, however small the gap (no tolerance for the past)', () => {
    const j = judge(online, 2024, 64.9);
    expect(j.status).toBe('missed');
    expect(j.margin).toBeCloseTo(-0.1, 9);
    expect(j.tolerance).toBeNull();
  });
  it('the current year: on track, at risk within the tolerance (boundary included), off track beyond', () => {
    expect(judge(online, 2025, 82.4).status).toBe('on_track');
    expect(judge(online, 2025, 80).status).toBe('on_track');
    expect(judge(online, 2025, 77).status).toBe('at_risk');
    expect(judge(online, 2025, 75).status).toBe('at_risk');
    expect(judge(online, 2025, 74.99).status).toBe('off_track');
    const j = judge(online, 2025, 77);
    expect(j).toMatchObject({ current: true, milestone: 80, value: 77, tolerance: 5 });
    expect(j.margin).toBeCloseTo(-3, 9);
  });
  it('a percent tolerance is a share of the milestone', () => {
    expect(judge(online, 2025, 72, 2025, pct10).status).toBe('at_risk');
    expect(judge(online, 2025, 71.9, 2025, pct10).status).toBe('off_track');
  });
  it('a zero tolerance leaves no room for "at risk"', () => {
    expect(judge(online, 2025, 79.99, 2025, { kind: 'points', value: 0 }).status).toBe('off_track');
  });
  it('≤ targets are judged the other way round', () => {
    expect(judge(late, 2024, 2.8).status).toBe('achieved');
    expect(judge(late, 2024, 3.2).status).toBe('missed');
    expect(judge(late, 2025, 1.9).status).toBe('on_track');
    expect(judge(late, 2025, 2.3, 2025, { kind: 'points', value: 0.5 }).status).toBe('at_risk');
    expect(judge(late, 2025, 2.6, 2025, { kind: 'points', value: 0.5 }).status).toBe('off_track');
  });
  it('no value: no data (past or current); no milestone: not judged; later years: upcoming', () => {
    expect(judge(online, 2023, null).status).toBe('no_data');
    expect(judge(online, 2025, null).status).toBe('no_data');
    expect(judge(online, 2021, 30).status).toBe('no_milestone');
    expect(judge(online, 2021, 30).value).toBe(30);
    expect(judge(online, 2025, 90, 2024).status).toBe('upcoming');
    expect(judge(online, 2024, 70, 2024).status).toBe('on_track');
  });
  it('every status has a label in Vietnamese and English', () => {
    for (const s of YEAR_STATUSES) {
      expect(YEAR_STATUS_LABELS[s].vi).toMatch(/\S/);
      expect(YEAR_STATUS_LABELS[s].en).toMatch(/\S/);
      expect(YEAR_STATUS_LABELS[s].vi).not.toBe(YEAR_STATUS_LABELS[s].en);
    }
  });
});

describe('judgeTarget and headlineOf', () => {
  const values = (entries: [number, number][]) => new Map(entries);
  it('judges every year of the period in order', () => {
    const years = judgeTarget(online, {
      fromYear: 2021,
      toYear: 2025,
      currentYear: 2025,
      values: values([
        [2021, 28.8],
        [2022, 41.2],
        [2023, 48],
        [2025, 77],
      ]),
      tolerance: points5,
    });
    expect(years.map((y) => [y.year, y.status])).toEqual([
      [2021, 'no_milestone'],
      [2022, 'achieved'],
      [2023, 'missed'],
      [2024, 'no_data'],
      [2025, 'at_risk'],
    ]);
    expect(headlineOf(years)).toEqual({ status: 'at_risk', year: 2025 });
  });
  it('an ended programme without its final year’s figure has no verdict, never an earlier year’s', () => {
    const years = judgeTarget(online, {
      fromYear: 2021,
      toYear: 2025,
      currentYear: 2026,
      values: values([
        [2022, 41],
        [2024, 60],
      ]),
      tolerance: points5,
    });
    expect(headlineOf(years)).toEqual({ status: 'no_data', year: null });
    // (2022 alone achieved its milestone: still no verdict on what was promised for 2025.)
    const early = judgeTarget(online, {
      fromYear: 2021,
      toYear: 2025,
      currentYear: 2026,
      values: values([[2022, 41.2]]),
      tolerance: points5,
    });
    expect(early.find((y) => y.year === 2022)!.status).toBe('achieved');
    expect(headlineOf(early)).toEqual({ status: 'no_data', year: null });
  });
  it('an ended programme reads by its final year', () => {
    const years = judgeTarget(online, {
      fromYear: 2021,
      toYear: 2025,
      currentYear: 2026,
      values: values([
        [2024, 60],
        [2025, 81],
      ]),
      tolerance: points5,
    });
    expect(headlineOf(years)).toEqual({ status: 'achieved', year: 2025 });
  });
  it('the current year without data falls back to the past; nothing judged: no data', () => {
    const current: YearJudgement = {
      year: 2026,
      status: 'no_data',
      value: null,
      milestone: 82,
      margin: null,
      tolerance: null,
      current: true,
    };
    const past: YearJudgement = { ...current, year: 2025, status: 'achieved', value: 80, current: false };
    expect(headlineOf([past, current])).toEqual({ status: 'achieved', year: 2025 });
    expect(headlineOf([current])).toEqual({ status: 'no_data', year: null });
    expect(headlineOf([])).toEqual({ status: 'no_data', year: null });
    expect(headlineOf([{ ...current, status: 'upcoming', current: false }])).toEqual({
      status: 'no_data',
      year: null,
    });
  });
});

describe('summarise', () => {
  it('counts each target once by its headline', () => {
    expect(
      summarise(['achieved', 'achieved', 'missed', 'at_risk', 'on_track', 'off_track', 'no_data']),
    ).toEqual({
      total: 7,
      achieved: 2,
      missed: 1,
      on_track: 1,
      at_risk: 1,
      off_track: 1,
      no_data: 1,
    });
    expect(summarise([])).toMatchObject({ total: 0, achieved: 0, no_data: 0 });
  });
});

describe('milestoneProblems', () => {
  const period = { fromYear: 2021, toYear: 2025 };
  it('accepts milestones inside the period and a baseline before or at its start', () => {
    expect(
      milestoneProblems(period, { milestones: [{ year: 2021 }, { year: 2025 }], baselineYear: 2020 }),
    ).toEqual([]);
    expect(milestoneProblems(period, { milestones: [], baselineYear: 2021 })).toEqual([]);
    expect(milestoneProblems(period, { milestones: [], baselineYear: null })).toEqual([]);
  });
  it('names a milestone outside the period, a year given twice, a baseline after the start', () => {
    expect(
      milestoneProblems(period, {
        milestones: [{ year: 2020 }, { year: 2023 }, { year: 2023 }, { year: 2026 }],
        baselineYear: 2022,
      }),
    ).toEqual([
      { key: 'programmes.milestone_outside', year: 2020 },
      { key: 'programmes.milestone_twice', year: 2023 },
      { key: 'programmes.milestone_outside', year: 2026 },
      { key: 'programmes.baseline_after_start', year: 2022 },
    ]);
  });
});
