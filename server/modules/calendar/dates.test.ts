import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateRange,
  daysBetween,
  fromEpochDay,
  parseIsoDate,
  toEpochDay,
  weekdayOf,
} from './dates.js';

describe('YYYY-MM-DD arithmetic', () => {
  it('parses valid dates and rejects impossible or malformed ones', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-1', '2024-01-01T00:00', ''])
      expect(() => parseIsoDate(bad)).toThrow(RangeError);
  });
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(fromEpochDay(toEpochDay('1968-01-29'))).toBe('1968-01-29');
  });
  it('knows the weekday (0 = Sunday): 2/9/2025 is a Tuesday, 17/2/2026 a Tuesday, 1/1/2023 a Sunday', () => {
    expect(weekdayOf('2025-09-02')).toBe(2);
    expect(weekdayOf('2026-02-17')).toBe(2);
    expect(weekdayOf('2023-01-01')).toBe(0);
  });
  it('lists a closed range', () => {
    expect(dateRange('2025-12-30', '2026-01-02')).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
    expect(dateRange('2026-01-02', '2026-01-01')).toEqual([]);
  });
});
