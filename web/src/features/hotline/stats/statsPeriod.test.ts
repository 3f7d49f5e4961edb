import { describe, expect, it } from 'vitest';
import {
  defaultIndex,
  defaultPeriod,
  formatRate,
  periodRange,
  withKind,
  type StatsPeriod,
} from './statsPeriod';

const today = new Date(2026, 11, 7); // 7/12/2026
const p = (over: Partial<StatsPeriod>): StatsPeriod => ({ ...defaultPeriod(today), ...over });

describe('the statistics page’s periods', () => {
  it('opens on this year', () => {
    expect(periodRange(defaultPeriod(today))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('gives months (leap years too) and quarters', () => {
    expect(periodRange(p({ kind: 'month', year: 2028, index: 2 }))).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(periodRange(p({ kind: 'quarter', index: 4 }))).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange(p({ kind: 'quarter', index: 1 }))).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('takes two dates in order, not more than ten years apart', () => {
    expect(periodRange(p({ kind: 'custom', from: '2026-11-15', to: '2026-12-14' }))).toEqual({
      from: '2026-11-15',
      to: '2026-12-14',
    });
    expect(periodRange(p({ kind: 'custom', from: '2026-12-14', to: '2026-11-15' }))).toBeNull();
    expect(periodRange(p({ kind: 'custom', from: '2026-12-14', to: null }))).toBeNull();
    expect(periodRange(p({ kind: 'custom', from: '2000-01-01', to: '2026-01-01' }))).toBeNull();
  });

  it('switches kind sensibly: today’s month or quarter this year, the current range as custom dates', () => {
    expect(defaultIndex('month', 2026, today)).toBe(12);
    expect(defaultIndex('quarter', 2026, today)).toBe(4);
    expect(defaultIndex('month', 2025, today)).toBe(1);
    expect(withKind(defaultPeriod(today), 'quarter', today)).toMatchObject({ kind: 'quarter', index: 4 });
    expect(withKind(p({ kind: 'quarter', index: 2 }), 'custom', today)).toMatchObject({
      kind: 'custom',
      from: '2026-04-01',
      to: '2026-06-30',
    });
  });

  it('writes rates the Vietnamese way, and no data as a dash', () => {
    expect(formatRate(1 / 3)).toBe('33,3%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(null)).toBe('—');
  });
});
