import { describe, expect, it } from 'vitest';
import { dateRange } from './dates.js';
import type { YearAdjustments } from './holidays.js';
import { createCalendar } from './working-days.js';

const cal = createCalendar();
/** An instant given as Vietnam local time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('isWorkingDay', () => {
  it('Monday–Friday work, Saturday and Sunday rest (Quyết định 188/1999/QĐ-TTg)', () => {
    expect(dateRange('2025-03-10', '2025-03-16').map(cal.isWorkingDay)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  it('a make-up Saturday is a working day (26/4/2025), a holiday is not (30/4/2025)', () => {
    expect(cal.isWorkingDay('2025-04-26')).toBe(true);
    expect(cal.isWorkingDay('2025-04-30')).toBe(false);
  });
  it('rejects malformed dates', () => {
    expect(() => cal.isWorkingDay('2025-02-29')).toThrow(RangeError);
  });
});

describe('addWorkingDays / nextWorkingDay (Bộ luật Dân sự 2015, Điều 147: counting starts the day after)', () => {
  it('Fri 13/2/2026 + 1 → Mon 23/2/2026, over the 9-day Tết break', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
  });
  it('3 working days over Tết 2026: Fri 13/2 + 3 → Wed 25/2; Thu 12/2 + 3 → Tue 24/2', () => {
    expect(cal.addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
    expect(cal.addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
  });
  it('a working Saturday counts: Fri 25/4/2025 + 1 → Sat 26/4; + 4 → Mon 5/5/2025', () => {
    expect(cal.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(cal.addWorkingDays('2025-04-25', 2)).toBe('2025-04-28');
    expect(cal.addWorkingDays('2025-04-25', 4)).toBe('2025-05-05');
  });
  it('n = 0 returns the day itself when it is a working day, else the next working day', () => {
    expect(cal.addWorkingDays('2025-03-12', 0)).toBe('2025-03-12');
    expect(cal.addWorkingDays('2025-03-15', 0)).toBe('2025-03-17');
    expect(cal.addWorkingDays('2026-02-17', 0)).toBe('2026-02-23');
  });
  it('from a day off, the first working day is day 1: Sat 15/3/2025 + 1 → Mon 17/3', () => {
    expect(cal.addWorkingDays('2025-03-15', 1)).toBe('2025-03-17');
    expect(cal.nextWorkingDay('2025-03-15')).toBe('2025-03-17');
  });
  it('nextWorkingDay is strictly after the date', () => {
    expect(cal.nextWorkingDay('2025-03-12')).toBe('2025-03-13');
    expect(cal.nextWorkingDay('2024-12-31')).toBe('2025-01-02');
  });
  it('rejects a negative or fractional n', () => {
    expect(() => cal.addWorkingDays('2025-03-12', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-03-12', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween (working days after a, up to and including b)', () => {
  it('Fri 13/2/2026 → Mon 23/2/2026 is 1 working day; the same day is 0; reversed is negative', () => {
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
    expect(cal.workingDaysBetween('2026-02-23', '2026-02-13')).toBe(-1);
  });
  it('2025 has 250 working days: 365 − 104 weekend days − 12 weekday holidays + 1 make-up Saturday', () => {
    expect(cal.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(250);
  });
  it('is the inverse of addWorkingDays for every start day of Q1 2026 and n = 1…40', () => {
    for (const start of dateRange('2026-01-01', '2026-03-31'))
      for (let n = 1; n <= 40; n++)
        expect(cal.workingDaysBetween(start, cal.addWorkingDays(start, n))).toBe(n);
  });
});

describe('holidaysOf', () => {
  it('2025: sorted, with compensatory days, swaps and the make-up Saturday', () => {
    const list = cal.holidaysOf(2025);
    expect(list.map((e) => e.date)).toEqual([...list.map((e) => e.date)].sort());
    expect(list.find((e) => e.date === '2025-04-26')).toMatchObject({ kind: 'working_weekend' });
    expect(list.find((e) => e.date === '2025-05-02')).toMatchObject({ kind: 'swap_off' });
    expect(list.find((e) => e.date === '2025-01-27')).toMatchObject({ kind: 'compensatory' });
    expect(list.find((e) => e.date === '2025-01-29')).toMatchObject({
      kind: 'statutory',
      name: { vi: 'Tết Âm lịch (mùng 1)', en: 'Lunar New Year (day 1)' },
    });
  });
  it('a year far from the shipped data (2031) still gets the statutory holidays and compensation (Điều 111–112)', () => {
    const list = cal.holidaysOf(2031);
    expect(list.filter((e) => e.kind === 'statutory')).toHaveLength(11);
    expect(list.map((e) => e.date)).toEqual(
      expect.arrayContaining([
        '2031-01-01',
        '2031-01-23',
        '2031-04-01',
        '2031-04-30',
        '2031-05-01',
        '2031-09-02',
      ]),
    );
    // Tết Tân Hợi: 29 Chạp Wed 22/1 – mùng 4 Sun 26/1, the weekend days compensated on Mon 27 and Tue 28/1.
    expect(dateRange('2031-01-21', '2031-01-29').map(cal.isWorkingDay)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });
});

describe('effectiveReceiptDay (office hours 07:30–17:00 UTC+7; after hours or on a day off → next working day)', () => {
  it('Friday 17:30 counts from Monday (Nghị định 61/2018/NĐ-CP; Nghị định 45/2020/NĐ-CP for online dossiers)', () => {
    expect(cal.effectiveReceiptDay(vn('2025-03-14T17:30'))).toBe('2025-03-17');
  });
  it('Friday 16:59 counts that Friday; 17:00 sharp is already after hours', () => {
    expect(cal.effectiveReceiptDay(vn('2025-03-14T16:59:59'))).toBe('2025-03-14');
    expect(cal.effectiveReceiptDay(vn('2025-03-14T17:00'))).toBe('2025-03-17');
  });
  it('before opening on a working day counts that day', () => {
    expect(cal.effectiveReceiptDay(vn('2025-03-17T06:00'))).toBe('2025-03-17');
  });
  it('uses Vietnam time, not UTC: Sunday 23:30 UTC is Monday 06:30 in Hà Nội', () => {
    expect(cal.effectiveReceiptDay(new Date('2025-03-16T23:30:00Z'))).toBe('2025-03-17');
    expect(cal.localDateOf(new Date('2025-03-16T23:30:00Z'))).toBe('2025-03-17');
  });
  it('on a weekend, a holiday or a working Saturday', () => {
    expect(cal.effectiveReceiptDay(vn('2025-03-15T10:00'))).toBe('2025-03-17');
    expect(cal.effectiveReceiptDay(vn('2026-02-18T10:00'))).toBe('2026-02-23');
    expect(cal.effectiveReceiptDay(vn('2026-01-10T09:00'))).toBe('2026-01-10');
  });
  it('Friday 24/4/2026 17:30 skips the compensatory Monday 27/4 (Giỗ Tổ on Sunday) → Tuesday 28/4', () => {
    expect(cal.effectiveReceiptDay(vn('2026-04-24T17:30'))).toBe('2026-04-28');
  });
  it('rejects an invalid Date', () => {
    expect(() => cal.effectiveReceiptDay(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('dueDate', () => {
  it('received Fri 13/2/2026 10:00, 3 working days → Wed 25/2/2026', () => {
    expect(cal.dueDate(vn('2026-02-13T10:00'), 3)).toBe('2026-02-25');
  });
  it('received Fri 13/2/2026 17:30 (after hours → Mon 23/2), 3 working days → Thu 26/2/2026', () => {
    expect(cal.dueDate(vn('2026-02-13T17:30'), 3)).toBe('2026-02-26');
  });
  it('0 working days → the receipt day itself', () => {
    expect(cal.dueDate(vn('2025-03-14T17:30'), 0)).toBe('2025-03-17');
  });
});

describe('options', () => {
  it('custom office hours: 08:00–16:30, so 16:45 is after hours', () => {
    const c = createCalendar(undefined, { officeHours: { open: '08:00', close: '16:30' } });
    expect(c.effectiveReceiptDay(vn('2025-03-12T16:45'))).toBe('2025-03-13');
    expect(cal.effectiveReceiptDay(vn('2025-03-12T16:45'))).toBe('2025-03-12');
  });
  it('afterHoursCountsNextDay: false keeps the calendar day', () => {
    const c = createCalendar(undefined, { afterHoursCountsNextDay: false });
    expect(c.effectiveReceiptDay(vn('2025-03-14T22:00'))).toBe('2025-03-14');
  });
  it('an office that works Saturdays (weekendDays: [0])', () => {
    const c = createCalendar(undefined, { weekendDays: [0] });
    expect(c.isWorkingDay('2025-03-15')).toBe(true);
    expect(c.addWorkingDays('2025-03-14', 1)).toBe('2025-03-15');
  });
  it('compensateWeekendHolidays: false makes 2/1/2023 a working day', () => {
    expect(createCalendar(undefined, { compensateWeekendHolidays: false }).isWorkingDay('2023-01-02')).toBe(
      true,
    );
    expect(cal.isWorkingDay('2023-01-02')).toBe(false);
  });
  it('no announced data at all: law only', () => {
    const c = createCalendar({});
    expect(c.isWorkingDay('2025-04-26')).toBe(false); // no make-up Saturday
    expect(c.isWorkingDay('2025-05-02')).toBe(true); // no swap
  });
  it('UTC offset is configurable (utcOffsetMinutes)', () => {
    const c = createCalendar(undefined, { utcOffsetMinutes: 8 * 60 });
    expect(c.effectiveReceiptDay(new Date('2025-03-14T09:30:00Z'))).toBe('2025-03-17'); // 17:30 at UTC+8
    expect(cal.effectiveReceiptDay(new Date('2025-03-14T09:30:00Z'))).toBe('2025-03-14'); // 16:30 at UTC+7
  });
  it('rejects impossible options', () => {
    expect(() => createCalendar(undefined, { officeHours: { open: '17:00', close: '07:30' } })).toThrow(
      RangeError,
    );
    expect(() => createCalendar(undefined, { officeHours: { open: '7:30', close: '17:00' } })).toThrow(
      RangeError,
    );
    expect(() => createCalendar(undefined, { weekendDays: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
  });
});

describe('invalid adjustments fail when the calendar is built', () => {
  const base: YearAdjustments = { year: 2031, daysOff: [], workingSaturdays: [] };
  const day = (date: string) => ({ date, name: { vi: 'x', en: 'x' }, basis: 'test' });
  it.each([
    [
      'a make-up day that is not a weekend day',
      { ...base, workingSaturdays: [day('2031-05-05')] },
      /not a weekly rest day/,
    ],
    ['a make-up day on a holiday', { ...base, workingSaturdays: [day('2031-01-25')] }, /also a day off/],
    ['a day off on a weekend', { ...base, daysOff: [day('2031-05-03')] }, /already a weekly rest day/],
    ['a day off on a statutory holiday', { ...base, daysOff: [day('2031-04-30')] }, /already a holiday/],
    ['a date in another year', { ...base, daysOff: [day('2030-05-02')] }, /is not in 2031/],
    ['a malformed date', { ...base, daysOff: [day('2031-5-2')] }, /not a YYYY-MM-DD date/],
    ['a Tết block without its basis', { ...base, tetDays: ['2031-01-23'] }, /without tetBasis/],
    [
      'a Tết block that misses Tết',
      { ...base, tetDays: ['2031-02-23'], tetBasis: 'x' },
      /does not contain Tết/,
    ],
  ] as const)('%s', (_what, adj, message) => {
    expect(() => createCalendar({ 2031: adj })).toThrow(message);
  });
  it('an entry filed under the wrong year', () => {
    expect(() => createCalendar({ 2030: base })).toThrow(/key 2030 holds the adjustments of 2031/);
  });
});
