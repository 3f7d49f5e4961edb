import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.js';
import { isIsoDate } from './days.js';
import { effectiveDue, workingDaysBefore } from './index.js';

const calendar = createCalendar();

describe('effectiveDue (BLDS 2015, Điều 148 khoản 5)', () => {
  it('keeps a working day, moves a day off to the next working day', () => {
    expect(effectiveDue(calendar, '2026-02-13')).toBe('2026-02-13');
    expect(effectiveDue(calendar, '2026-02-14')).toBe('2026-02-23');
    expect(effectiveDue(calendar, '2026-01-10')).toBe('2026-01-10'); // make-up Saturday
  });
});

describe('workingDaysBefore', () => {
  it('is the inverse of addWorkingDays, over Tết and weekends', () => {
    for (const due of ['2026-02-23', '2026-02-13', '2026-03-02', '2026-01-12'])
      for (let n = 0; n <= 12; n++) {
        const d = workingDaysBefore(calendar, due, n);
        expect(calendar.isWorkingDay(d)).toBe(true);
        expect(calendar.addWorkingDays(d, n)).toBe(effectiveDue(calendar, due));
        expect(calendar.workingDaysBetween(d, effectiveDue(calendar, due))).toBe(n);
      }
  });
  it('counts from the effective due date: 1 before Sun 22/2/2026 (Tết) is Fri 13/2', () => {
    expect(workingDaysBefore(calendar, '2026-02-22', 0)).toBe('2026-02-23');
    expect(workingDaysBefore(calendar, '2026-02-22', 1)).toBe('2026-02-13');
  });
  it('a make-up Saturday counts: 1 before Mon 12/1/2026 is Sat 10/1', () => {
    expect(workingDaysBefore(calendar, '2026-01-12', 1)).toBe('2026-01-10');
  });
  it('rejects a negative or fractional n', () => {
    expect(() => workingDaysBefore(calendar, '2026-02-23', -1)).toThrow(RangeError);
    expect(() => workingDaysBefore(calendar, '2026-02-23', 0.5)).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('23/02/2026')).toBe(false);
    expect(isIsoDate(20260223)).toBe(false);
  });
});
