import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../calendar/index.js';
import {
  DEFAULT_INSPECTION_RULES,
  describeInspectionRulesProblem,
  MAX_COUNT,
  MAX_WORKING_DAYS,
  recommendationDueDate,
  validateInspectionRules,
  type InspectionRules,
} from './inspection-rules.js';

// Domain notes §2.6: remediation deadline typically 15–30 days [? practice]; self-inspection ≥ 50% a year.
const rules = DEFAULT_INSPECTION_RULES;
const calendar = createCalendar();
const withRules = (patch: Partial<InspectionRules>, signals: Partial<InspectionRules['signals']> = {}) =>
  ({ ...rules, ...patch, signals: { ...rules.signals, ...signals } }) as InspectionRules;
const paths = (r: InspectionRules) => validateInspectionRules(r).map((p) => `${p.path}:${p.problem}`);

describe('DEFAULT_INSPECTION_RULES', () => {
  it('is sound, with the numbers the brief names', () => {
    expect(validateInspectionRules(rules)).toEqual([]);
    expect(rules.recommendationWorkingDays).toBe(20);
    expect(rules.dueSoonWorkingDays).toBe(3);
    expect(rules.selfInspectionCoverage).toBe(0.5);
    expect(rules.signals).toEqual({
      dossiersOnTimeBelow: 0.9,
      dossiersMinimum: 20,
      planCompletionBelow: 0.5,
      overdueRecommendationsAtLeast: 2,
    });
  });
  it('cites its sources in both languages and says which numbers are practice', () => {
    expect(rules.basis.length).toBeGreaterThanOrEqual(2);
    for (const b of rules.basis) {
      expect(b.vi.trim()).not.toBe('');
      expect(b.en.trim()).not.toBe('');
    }
    expect(rules.basis[0]!.vi).toContain('50%');
    expect(rules.basis[1]!.vi).toContain('15–30');
    expect(rules.basis[1]!.vi).toContain('thực tiễn');
  });
});

describe('validateInspectionRules', () => {
  it('needs a version name and a bilingual basis', () => {
    expect(paths(withRules({ version: ' ' }))).toEqual(['version:required']);
    expect(paths(withRules({ basis: [] }))).toEqual(['basis:basis_missing']);
    expect(paths(withRules({ basis: [{ vi: 'Căn cứ', en: '' }] }))).toEqual(['basis:basis_bilingual']);
    expect(paths(withRules({ basis: [{ vi: '', en: 'Basis' }] }))).toEqual(['basis:basis_missing']);
  });
  it('takes working days as whole numbers within range', () => {
    for (const bad of [0, -1, 2.5, MAX_WORKING_DAYS + 1, Number.NaN])
      expect(validateInspectionRules(withRules({ recommendationWorkingDays: bad }))).toContainEqual({
        path: 'recommendationWorkingDays',
        problem: 'days_range',
        min: 1,
        max: MAX_WORKING_DAYS,
      });
    for (const good of [1, 15, 30, MAX_WORKING_DAYS])
      expect(paths(withRules({ recommendationWorkingDays: good, dueSoonWorkingDays: 0 }))).toEqual([]);
    expect(paths(withRules({ dueSoonWorkingDays: -1 }))).toEqual(['dueSoonWorkingDays:days_range']);
    expect(paths(withRules({ dueSoonWorkingDays: 0 }))).toEqual([]);
  });
  it('keeps "due soon" shorter than the deadline', () => {
    expect(
      validateInspectionRules(withRules({ recommendationWorkingDays: 5, dueSoonWorkingDays: 5 })),
    ).toEqual([{ path: 'dueSoonWorkingDays', problem: 'due_soon_too_long', max: 4 }]);
    expect(paths(withRules({ recommendationWorkingDays: 5, dueSoonWorkingDays: 4 }))).toEqual([]);
  });
  it('takes shares above 0 and at most 1', () => {
    for (const bad of [0, -0.1, 1.01, 50, Number.NaN]) {
      expect(paths(withRules({ selfInspectionCoverage: bad }))).toEqual([
        'selfInspectionCoverage:share_range',
      ]);
      expect(paths(withRules({}, { dossiersOnTimeBelow: bad }))).toEqual([
        'signals.dossiersOnTimeBelow:share_range',
      ]);
      expect(paths(withRules({}, { planCompletionBelow: bad }))).toEqual([
        'signals.planCompletionBelow:share_range',
      ]);
    }
    for (const good of [0.01, 0.5, 1]) expect(paths(withRules({ selfInspectionCoverage: good }))).toEqual([]);
  });
  it('takes counts as whole numbers from 1', () => {
    for (const bad of [0, 1.5, MAX_COUNT + 1]) {
      expect(paths(withRules({}, { dossiersMinimum: bad }))).toEqual(['signals.dossiersMinimum:count_range']);
      expect(paths(withRules({}, { overdueRecommendationsAtLeast: bad }))).toEqual([
        'signals.overdueRecommendationsAtLeast:count_range',
      ]);
    }
    expect(paths(withRules({}, { dossiersMinimum: 1, overdueRecommendationsAtLeast: MAX_COUNT }))).toEqual(
      [],
    );
  });
  it('names every problem of an empty rule set, and missing signals', () => {
    expect(paths({} as InspectionRules)).toEqual([
      'version:required',
      'basis:basis_missing',
      'recommendationWorkingDays:days_range',
      'dueSoonWorkingDays:days_range',
      'selfInspectionCoverage:share_range',
      'signals.dossiersOnTimeBelow:share_range',
      'signals.dossiersMinimum:count_range',
      'signals.planCompletionBelow:share_range',
      'signals.overdueRecommendationsAtLeast:count_range',
    ]);
  });
  it('describes each problem in English for logs', () => {
    expect(describeInspectionRulesProblem({ path: 'x', problem: 'days_range', min: 1, max: 250 })).toBe(
      'x must be a whole number of working days from 1 to 250',
    );
    expect(describeInspectionRulesProblem({ path: 'y', problem: 'due_soon_too_long', max: 4 })).toContain(
      'at most 4',
    );
    for (const problem of [
      'required',
      'basis_missing',
      'basis_bilingual',
      'share_range',
      'count_range',
    ] as const)
      expect(describeInspectionRulesProblem({ path: 'p', problem })).toMatch(/^p \w/);
  });
});

describe('recommendationDueDate', () => {
  it('is 20 working days after the conclusion, counted from the next day (BLDS 2015, Điều 147)', () => {
    // Monday 2/11/2026 + 20 working days (no holidays in November) → Monday 30/11/2026.
    expect(recommendationDueDate('2026-11-02', rules, calendar)).toBe('2026-11-30');
  });
  it('runs across Tết 2026 (off Sat 14/2 – Sun 22/2)', () => {
    // Mon 2/2/2026: 9 working days to Fri 13/2, then 11 more from Mon 23/2 → Mon 9/3.
    expect(recommendationDueDate('2026-02-02', rules, calendar)).toBe('2026-03-09');
  });
  it('a conclusion on a day off counts from the next working day', () => {
    expect(recommendationDueDate('2026-11-07', rules, calendar)).toBe(
      recommendationDueDate('2026-11-09', rules, calendar),
    );
  });
  it("follows the province's number", () => {
    expect(recommendationDueDate('2026-11-02', withRules({ recommendationWorkingDays: 15 }), calendar)).toBe(
      '2026-11-23',
    );
  });
});
