import { describe, expect, it } from 'vitest';
import { addDays, createCalendar } from '../calendar/index.js';
import { fastCalendar } from './dashboard.service.js';

describe('fastCalendar: the same answers as the working-day calendar, faster', () => {
  const calendar = createCalendar();
  const fast = fastCalendar(calendar);

  it('is kept per calendar object', () => {
    expect(fastCalendar(calendar)).toBe(fast);
    expect(fastCalendar(createCalendar())).not.toBe(fast);
  });

  it('counts working days between any two dates exactly as the calendar does (Tết, across years, both ways)', () => {
    const dates: string[] = [];
    for (let d = '2019-12-20'; d <= '2027-01-10'; d = addDays(d, 53)) dates.push(d);
    dates.push(
      '2026-02-13',
      '2026-02-14',
      '2026-02-22',
      '2026-02-23',
      '2000-01-01',
      '1999-12-31',
      '1998-06-30',
    );
    for (const a of dates)
      for (const b of dates.filter((_, i) => i % 9 === 0 || i >= dates.length - 7))
        expect(fast.workingDaysBetween(a, b) + 0, `${a} → ${b}`).toBe(calendar.workingDaysBetween(a, b) + 0);
  });

  it('answers day questions as the calendar does', () => {
    for (let d = '2025-12-20'; d <= '2026-03-10'; d = addDays(d, 1)) {
      expect(fast.isWorkingDay(d)).toBe(calendar.isWorkingDay(d));
      expect(fast.addWorkingDays(d, 0)).toBe(calendar.addWorkingDays(d, 0));
      expect(fast.addWorkingDays(d, 3)).toBe(calendar.addWorkingDays(d, 3));
      expect(fast.nextWorkingDay(d)).toBe(calendar.nextWorkingDay(d));
    }
  });
});
