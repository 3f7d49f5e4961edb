import { describe, expect, it } from 'vitest';
import { DEFAULT_INSPECTION_RULES } from './inspection-rules.js';
import { keyOfRef, signalKey, signalRef, signalsFrom } from './signals.js';

const t = DEFAULT_INSPECTION_RULES.signals;
const none = { dossiers: null, plans: null, recommendations: null };

describe('data signals', () => {
  it('dossiers on time below 90% out of at least 20 dossiers, weakest first', () => {
    const s = signalsFrom(
      {
        ...none,
        dossiers: {
          year: 2026,
          units: [
            { unitId: 'a', onTime: 85, toProcess: 100 },
            { unitId: 'b', onTime: 90, toProcess: 100 }, // exactly 90%: no signal
            { unitId: 'c', onTime: 10, toProcess: 19 }, // too few dossiers
            { unitId: 'd', onTime: 14, toProcess: 20 },
            { unitId: 'e', onTime: 0, toProcess: 0 },
          ],
        },
      },
      t,
    );
    expect(s.map((x) => [x.unitId, x.figure])).toEqual([
      ['d', 0.7],
      ['a', 0.85],
    ]);
    expect(s[0]).toEqual({
      key: 'dossiers_on_time:d:2026',
      kind: 'dossiers_on_time',
      unitId: 'd',
      figure: 0.7,
      threshold: 0.9,
      numerator: 14,
      denominator: 20,
      year: 2026,
    });
  });
  it("a unit's plan tasks completed below 50% at the year's end", () => {
    const s = signalsFrom(
      {
        ...none,
        plans: {
          year: 2025,
          units: [
            { unitId: 'a', completed: 4, owed: 10 },
            { unitId: 'b', completed: 5, owed: 10 },
            { unitId: 'c', completed: 0, owed: 0 },
          ],
        },
      },
      t,
    );
    expect(s).toEqual([
      {
        key: 'plan_completion:a:2025',
        kind: 'plan_completion',
        unitId: 'a',
        figure: 0.4,
        threshold: 0.5,
        numerator: 4,
        denominator: 10,
        year: 2025,
      },
    ]);
  });
  it('two or more overdue recommendations, most first', () => {
    const s = signalsFrom(
      {
        ...none,
        recommendations: {
          year: 2026,
          units: [
            { unitId: 'a', overdue: 1 },
            { unitId: 'b', overdue: 2 },
            { unitId: 'c', overdue: 5 },
          ],
        },
      },
      t,
    );
    expect(s.map((x) => [x.key, x.figure, x.threshold, x.numerator])).toEqual([
      ['overdue_recommendations:c:2026', 5, 2, null],
      ['overdue_recommendations:b:2026', 2, 2, null],
    ]);
  });
  it('follows the thresholds of the rules in force', () => {
    const units = [{ unitId: 'a', onTime: 95, toProcess: 100 }];
    expect(signalsFrom({ ...none, dossiers: { year: 2026, units } }, t)).toEqual([]);
    expect(
      signalsFrom({ ...none, dossiers: { year: 2026, units } }, { ...t, dossiersOnTimeBelow: 0.96 }),
    ).toHaveLength(1);
  });
  it('no figures, no signals', () => {
    expect(signalsFrom(none, t)).toEqual([]);
  });
  it("keeps the signal's key, figure and threshold in an inspection's source reference", () => {
    const [s] = signalsFrom(
      { ...none, dossiers: { year: 2026, units: [{ unitId: 'u', onTime: 2, toProcess: 30 }] } },
      t,
    );
    expect(signalRef(s!)).toBe('dossiers_on_time:u:2026 0.0667/0.9000');
    expect(keyOfRef(signalRef(s!))).toBe(signalKey('dossiers_on_time', 'u', 2026));
    expect(keyOfRef('a-hotline-escalation-id')).toBeNull();
    expect(keyOfRef(null)).toBeNull();
  });
});
