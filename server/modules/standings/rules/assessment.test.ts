import { describe, expect, it } from 'vitest';
import {
  changeFrom,
  DEFAULT_STANDING_RULES,
  STANDING_RULE_VERSIONS,
  standingRulesFor,
  standingRulesProblems,
  targetStatus,
  weakReasons,
  type Figure,
  type StandingRules,
} from './assessment.js';

const f = (
  value: number,
  rank: number | null = null,
  rankOf: number | null = 63,
  avg: number | null = null,
): Figure => ({
  value,
  rank,
  rankOf,
  nationalAverage: avg,
});

describe('change from last year', () => {
  it('gives the value difference as published and the places climbed', () => {
    expect(changeFrom(f(87.91, 34), f(86.52, 27))).toEqual({ value: 1.39, rank: -7, direction: 'up' });
    expect(changeFrom(f(85.2, 20), f(87.6, 25))).toEqual({ value: -2.4, rank: 5, direction: 'down' });
    expect(changeFrom(f(80, 10), f(80, 10))).toEqual({ value: 0, rank: 0, direction: 'same' });
  });
  it('has no rank change without both ranks, and nothing without last year', () => {
    expect(changeFrom(f(80, null), f(79, 3))!.rank).toBeNull();
    expect(changeFrom(f(80, 3), f(79, null))!.rank).toBeNull();
    expect(changeFrom(f(80), null)).toBeNull();
    expect(changeFrom(f(80), undefined)).toBeNull();
  });
});

describe('weak results', () => {
  it('below the national average', () => {
    expect(weakReasons(f(87.91, null, null, 88.37), null, 100)).toEqual(['below_average']);
    expect(weakReasons(f(88.37, null, null, 88.37), null, 100)).toEqual([]);
    expect(weakReasons(f(90, null, null, null), null, 100)).toEqual([]);
  });

  it('falling: any fall of the value by default, or a drop of 5 places', () => {
    expect(weakReasons(f(85.2), f(87.6), 100)).toEqual(['falling']);
    expect(weakReasons(f(87.6), f(87.6), 100)).toEqual([]);
    expect(weakReasons(f(90, 30), f(89, 25), 100)).toEqual(['falling']);
    expect(weakReasons(f(90, 29), f(89, 25), 100)).toEqual([]);
    expect(weakReasons(f(90, 20), f(89, 25), 100)).toEqual([]);
  });

  it('falling by more than a share of the scale when the rules say so (data, not constants)', () => {
    const rules: StandingRules = {
      ...DEFAULT_STANDING_RULES,
      weak: { ...DEFAULT_STANDING_RULES.weak, fallBy: 0.01, rankDrop: 0 },
    };
    expect(weakReasons(f(86.8), f(87.6), 100, rules)).toEqual([]);
    expect(weakReasons(f(86.5), f(87.6), 100, rules)).toEqual(['falling']);
    // PAPI dimensions are on a 10-point scale: 1% of it is 0.1.
    expect(weakReasons(f(5.15), f(5.2), 10, rules)).toEqual([]);
    expect(weakReasons(f(5.05), f(5.2), 10, rules)).toEqual(['falling']);
    expect(weakReasons(f(90, 60), f(89, 1), 100, rules)).toEqual(['bottom_third']);
  });

  it('in the bottom third of the provinces ranked (below 42nd of 63)', () => {
    expect(weakReasons(f(90, 42, 63), null, 100)).toEqual([]);
    expect(weakReasons(f(90, 43, 63), null, 100)).toEqual(['bottom_third']);
    expect(weakReasons(f(90, 63, 63), null, 100)).toEqual(['bottom_third']);
    expect(weakReasons(f(90, 23, 34), null, 100)).toEqual(['bottom_third']);
    expect(weakReasons(f(90, 22, 34), null, 100)).toEqual([]);
    expect(weakReasons(f(90, 60, null), null, 100)).toEqual([]);
    const off: StandingRules = {
      ...DEFAULT_STANDING_RULES,
      weak: { ...DEFAULT_STANDING_RULES.weak, bottomShare: 0 },
    };
    expect(weakReasons(f(90, 60, 63), null, 100, off)).toEqual([]);
  });

  it('every reason at once, in order', () => {
    expect(weakReasons(f(80, 50, 63, 85), f(82, 30), 100)).toEqual([
      'below_average',
      'falling',
      'bottom_third',
    ]);
    const none: StandingRules = {
      ...DEFAULT_STANDING_RULES,
      weak: { belowAverage: false, fallBy: 0, rankDrop: 0, bottomShare: 0 },
    };
    expect(weakReasons(f(80, 50, 63, 85), f(82, 30), 100, none)).toEqual(['falling']);
  });
});

describe('status against a target', () => {
  it('met or missed once the year is published', () => {
    expect(targetStatus({ targetValue: 88, targetRank: null }, f(88), null, 100)).toBe('met');
    expect(targetStatus({ targetValue: 88, targetRank: null }, f(87.99), null, 100)).toBe('missed');
    expect(targetStatus({ targetValue: null, targetRank: 25 }, f(80, 25), null, 100)).toBe('met');
    expect(targetStatus({ targetValue: null, targetRank: 25 }, f(80, 26), null, 100)).toBe('missed');
    expect(targetStatus({ targetValue: 88, targetRank: 25 }, f(89, 26), null, 100)).toBe('missed');
    expect(targetStatus({ targetValue: 88, targetRank: 25 }, f(89, 20), null, 100)).toBe('met');
    expect(targetStatus({ targetValue: null, targetRank: 25 }, f(89, null), null, 100)).toBe('missed');
  });

  it('on track or at risk from the latest earlier result, within the tolerance', () => {
    // 2% of a 100 scale: 87.0 is within 2 of 89.
    expect(targetStatus({ targetValue: 89, targetRank: null }, null, f(87.0), 100)).toBe('on_track');
    expect(targetStatus({ targetValue: 89, targetRank: null }, null, f(86.9), 100)).toBe('at_risk');
    expect(targetStatus({ targetValue: 89, targetRank: null }, null, f(90), 100)).toBe('on_track');
    // 3 places of a rank target.
    expect(targetStatus({ targetValue: null, targetRank: 25 }, null, f(80, 28), 100)).toBe('on_track');
    expect(targetStatus({ targetValue: null, targetRank: 25 }, null, f(80, 29), 100)).toBe('at_risk');
    expect(targetStatus({ targetValue: 44, targetRank: 25 }, null, f(43.5, 30), 80)).toBe('at_risk');
    expect(targetStatus({ targetValue: 44, targetRank: 25 }, null, f(43.5, 27), 80)).toBe('on_track');
  });

  it('no data without a result or a baseline, or without any part', () => {
    expect(targetStatus({ targetValue: 89, targetRank: null }, null, null, 100)).toBe('no_data');
    expect(targetStatus({ targetValue: null, targetRank: null }, f(90), f(90), 100)).toBe('no_data');
    expect(targetStatus({ targetValue: null, targetRank: 20 }, null, f(90, null), 100)).toBe('no_data');
  });

  it('follows the tolerance of the rules given', () => {
    const strict: StandingRules = { ...DEFAULT_STANDING_RULES, target: { onTrackGap: 0, onTrackRanks: 0 } };
    expect(targetStatus({ targetValue: 89, targetRank: null }, null, f(88.99), 100, strict)).toBe('at_risk');
    expect(targetStatus({ targetValue: null, targetRank: 25 }, null, f(80, 26), 100, strict)).toBe('at_risk');
  });
});

describe('the thresholds as versions', () => {
  it('ships valid defaults for every year', () => {
    for (const v of STANDING_RULE_VERSIONS) expect(standingRulesProblems(v.rules)).toEqual([]);
    expect(standingRulesFor(2024).rules).toEqual(DEFAULT_STANDING_RULES);
    expect(standingRulesFor(1990).rules).toEqual(DEFAULT_STANDING_RULES);
  });

  it('picks the latest version starting on or before the year', () => {
    const later: StandingRules = {
      ...DEFAULT_STANDING_RULES,
      weak: { ...DEFAULT_STANDING_RULES.weak, rankDrop: 3 },
    };
    const versions = [
      { fromYear: 2025, basis: 'QĐ tỉnh', rules: later },
      { fromYear: 2000, basis: 'chidao', rules: DEFAULT_STANDING_RULES },
    ];
    expect(standingRulesFor(2024, versions).basis).toBe('chidao');
    expect(standingRulesFor(2025, versions).basis).toBe('QĐ tỉnh');
    expect(standingRulesFor(2030, versions).rules.weak.rankDrop).toBe(3);
    expect(standingRulesFor(1999, versions).basis).toBe('chidao');
    expect(standingRulesFor(2024, []).rules).toEqual(DEFAULT_STANDING_RULES);
  });

  it('refuses shares outside [0, 1) and places that are not whole', () => {
    expect(
      standingRulesProblems({
        weak: { belowAverage: true, fallBy: -0.1, rankDrop: 2.5, bottomShare: 1 },
        target: { onTrackGap: Number.NaN, onTrackRanks: 101 },
      }),
    ).toEqual([
      'weak.fallBy: a share from 0 to below 1',
      'weak.bottomShare: a share from 0 to below 1',
      'target.onTrackGap: a share from 0 to below 1',
      'weak.rankDrop: whole places from 0 to 100',
      'target.onTrackRanks: whole places from 0 to 100',
    ]);
  });
});
