import { describe, expect, it } from 'vitest';
import {
  classValue,
  DEFAULT_THRESHOLDS,
  DRILL_CLASS_KEYS,
  hasFigures,
  monthsOf,
  shownInRanking,
  sumsOf,
  thresholdProblems,
  trafficLight,
  type Threshold,
} from './dossiers-query.rules.js';
import { decodeCursor, encodeCursor } from './dossiers-query.cursor.js';
import { emptyTotals } from './rollup-sql.js';

const onTime = DEFAULT_THRESHOLDS.find((t) => t.key === 'onTimeRate')!;
const late = DEFAULT_THRESHOLDS.find((t) => t.key === 'lateRate')!;

describe('traffic lights', () => {
  it('higher is better: green from 98%, amber from 95%, red below; unknown has no light', () => {
    expect(trafficLight(0.98, onTime)).toBe('green');
    expect(trafficLight(0.979, onTime)).toBe('amber');
    expect(trafficLight(0.95, onTime)).toBe('amber');
    expect(trafficLight(0.9499, onTime)).toBe('red');
    expect(trafficLight(null, onTime)).toBeNull();
    expect(trafficLight(Number.NaN, onTime)).toBeNull();
  });
  it('lower is better for the late rate', () => {
    expect(trafficLight(0.02, late)).toBe('green');
    expect(trafficLight(0.03, late)).toBe('amber');
    expect(trafficLight(0.06, late)).toBe('red');
  });
  it('the defaults are consistent; a reversed threshold or a duplicate is reported', () => {
    expect(thresholdProblems(DEFAULT_THRESHOLDS)).toEqual([]);
    const bad: Threshold[] = [
      { ...onTime, amber: 0.99 },
      { ...late, amber: 0.01 },
      { ...late, amber: 0.01 },
    ];
    expect(thresholdProblems(bad)).toEqual([
      'onTimeRate: amber above green',
      'lateRate: amber below green',
      'lateRate: amber below green',
      'an indicator is listed twice',
    ]);
  });
});

describe('drill-down classes', () => {
  // Received 20/12 (carried over into January), overdue from 30/12, resolved late on 10/1.
  const carried = {
    '2024-12-20': { received: 1, notYetDue: 1 },
    '2024-12-27': { notYetDue: -1, dueSoon: 1 },
    '2024-12-30': { dueSoon: -1, overdue: 1 },
    '2025-01-10': { overdue: -1, resolvedLate: 1, processingDaysSum: 14, uncollected: 1, dissatisfied: 1 },
  };
  // Received online 28/3, still not yet due on 31/3.
  const open = {
    '2025-03-28': { received: 1, receivedOnline: 1, notYetDue: 1 },
    '2025-04-04': { notYetDue: -1, overdue: 1 },
  };
  const Q1 = ['2025-01-01', '2025-03-31', '2025-03-31'] as const;

  it('a carried-over dossier resolved late is to process, carried over, resolved, late — not on time', () => {
    const s = sumsOf(carried, ...Q1);
    const inClass = DRILL_CLASS_KEYS.filter((c) => classValue(s, c) > 0);
    expect(inClass).toEqual([
      'toProcess',
      'carriedOver',
      'resolved',
      'resolvedLate',
      'late',
      'uncollected',
      'dissatisfied',
    ]);
  });
  it('an open dossier is counted by its state on the stock day, not a later one', () => {
    const s = sumsOf(open, ...Q1);
    expect(DRILL_CLASS_KEYS.filter((c) => classValue(s, c) > 0)).toEqual([
      'toProcess',
      'received',
      'onTime',
      'processing',
      'notYetDue',
      'online',
    ]);
    const april = sumsOf(open, '2025-04-01', '2025-04-30', '2025-04-30');
    expect(DRILL_CLASS_KEYS.filter((c) => classValue(april, c) > 0)).toEqual([
      'toProcess',
      'carriedOver',
      'late',
      'processing',
      'overdue',
    ]);
  });
  it('no class value is ever negative or above one for a single dossier', () => {
    for (const days of [carried, open])
      for (const [from, to] of [
        ['2024-12-01', '2024-12-31'],
        ['2025-01-01', '2025-01-31'],
        ['2025-03-01', '2025-04-30'],
      ] as const)
        for (const c of DRILL_CLASS_KEYS) {
          const v = classValue(sumsOf(days, from, to, to), c);
          expect(v === 0 || v === 1, `${c} ${from}`).toBe(true);
        }
  });
});

describe('months of a period', () => {
  it('clips the first and last month to the period and crosses the year', () => {
    expect(monthsOf('2024-11-15', '2025-02-10')).toEqual([
      { month: '2024-11', from: '2024-11-15', to: '2024-11-30' },
      { month: '2024-12', from: '2024-12-01', to: '2024-12-31' },
      { month: '2025-01', from: '2025-01-01', to: '2025-01-31' },
      { month: '2025-02', from: '2025-02-01', to: '2025-02-10' },
    ]);
    expect(monthsOf('2024-02-01', '2024-02-29')).toEqual([
      { month: '2024-02', from: '2024-02-01', to: '2024-02-29' },
    ]);
    expect(monthsOf('2025-01-01', '2025-12-31')).toHaveLength(12);
  });
});

describe('cursor', () => {
  it('round-trips and rejects what it did not make', () => {
    const c = { receivedAt: '2025-04-01T02:00:00.000Z', code: 'HS-Đ/1' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor('nonsense')).toBeNull();
    expect(decodeCursor(Buffer.from('["x","y"]').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeNull();
  });
});

describe('which units a ranking shows', () => {
  const Q3 = '2025-07-01';
  const zero = emptyTotals();
  const carried = { ...emptyTotals(), carriedOver: 1, overdue: 1 };
  it('a unit that ended before the period with nothing in it is left out', () => {
    expect(hasFigures(zero)).toBe(false);
    expect(shownInRanking({ validTo: '2025-06-30' }, Q3, zero)).toBe(false);
    expect(shownInRanking({ validTo: '2025-02-28' }, Q3, { ...zero, received: 1e-12 })).toBe(false);
  });
  it('results of long ago still waiting to be collected do not keep it (the ranking shows none)', () => {
    expect(hasFigures({ ...zero, uncollected: 3 })).toBe(false);
    expect(shownInRanking({ validTo: '2025-06-30' }, Q3, { ...zero, uncollected: 3 })).toBe(false);
  });
  it('keeps an ended unit that still has figures: dossiers carried over or still processing', () => {
    expect(shownInRanking({ validTo: '2025-06-30' }, Q3, carried)).toBe(true);
    expect(shownInRanking({ validTo: '2025-06-30' }, Q3, { ...zero, suspended: 1 })).toBe(true);
    // A split unit's share of a dossier.
    expect(shownInRanking({ validTo: '2025-06-30' }, Q3, { ...zero, received: 0.5 })).toBe(true);
  });
  it('keeps every unit in force during the period, even without a dossier', () => {
    expect(shownInRanking({ validTo: null }, Q3, zero)).toBe(true);
    expect(shownInRanking({ validTo: Q3 }, Q3, zero)).toBe(true);
    expect(shownInRanking({ validTo: '2025-08-31' }, Q3, zero)).toBe(true);
  });
});
