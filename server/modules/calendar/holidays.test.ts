import { describe, expect, it } from 'vitest';
import { weekdayOf } from './dates.js';
import {
  BASIS,
  defaultNationalDayAdjacent,
  holidaysForYear,
  statutoryHolidays,
  tetStatutoryDays,
  type Holiday,
} from './holidays.js';

const dates = (list: Holiday[], kind?: Holiday['kind']) =>
  list.filter((h) => !kind || h.kind === kind).map((h) => h.date);

describe('statutory holidays — Bộ luật Lao động 2019, Điều 112 khoản 1', () => {
  it('2031 (no announcement needed): 11 days — 1/1, five Tết days, 10/3 lunar, 30/4, 1/5, 2/9 and an adjacent day', () => {
    const list = statutoryHolidays(2031);
    expect(list.map((h) => [h.date, h.basis])).toEqual([
      ['2031-01-01', BASIS.newYear],
      ['2031-01-22', BASIS.tet], // 29 tháng Chạp, the last day of the lunar year
      ['2031-01-23', BASIS.tet], // mùng 1 Tết Tân Hợi
      ['2031-01-24', BASIS.tet],
      ['2031-01-25', BASIS.tet],
      ['2031-01-26', BASIS.tet],
      ['2031-04-01', BASIS.hungKings], // 10/3 lunar
      ['2031-04-30', BASIS.victory],
      ['2031-05-01', BASIS.labour],
      ['2031-09-01', BASIS.nationalDay], // 2/9/2031 is a Tuesday → Monday 1/9
      ['2031-09-02', BASIS.nationalDay],
    ]);
    expect(list.every((h) => h.kind === 'statutory')).toBe(true);
  });

  it('Tết (điểm b, 5 days): by default the last day of the lunar year and mùng 1–4', () => {
    expect(tetStatutoryDays(2026)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(tetStatutoryDays(2023)).toEqual([
      '2023-01-21',
      '2023-01-22',
      '2023-01-23',
      '2023-01-24',
      '2023-01-25',
    ]);
    const names = statutoryHolidays(2026)
      .filter((h) => h.basis === BASIS.tet)
      .map((h) => h.name.vi);
    expect(names).toEqual([
      'Tết Âm lịch (29 tháng Chạp)',
      'Tết Âm lịch (mùng 1)',
      'Tết Âm lịch (mùng 2)',
      'Tết Âm lịch (mùng 3)',
      'Tết Âm lịch (mùng 4)',
    ]);
  });

  it('every year 1900–2150 has 11 statutory days, each with a Vietnamese and an English name, on distinct dates but in 1947', () => {
    for (let year = 1900; year <= 2150; year++) {
      const list = statutoryHolidays(year);
      expect(list).toHaveLength(11);
      expect(new Set(list.map((h) => h.date)).size).toBe(year === 1947 ? 10 : 11);
      expect(list.every((h) => h.date.startsWith(`${year}-`) && h.name.vi && h.name.en)).toBe(true);
    }
  });

  it('1947: Giỗ Tổ (10/3 lunar) fell on 30/4 — one merged entry, no extra day (the law is silent)', () => {
    const day = holidaysForYear(1947).filter((h) => h.date === '1947-04-30');
    expect(day).toHaveLength(1);
    expect(day[0]?.name.vi).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Chiến thắng');
  });
});

describe('Quốc khánh adjacent day (điểm đ: "2/9 and one adjacent day before or after")', () => {
  it.each([
    [2021, 'Thursday', 'after'], // off Thu 2/9 – Sun 5/9/2021
    [2022, 'Friday', 'before'], // off Thu 1/9 – Sun 4/9/2022
    [2023, 'Saturday', 'before'], // off Fri 1/9 – Mon 4/9/2023
    [2024, 'Monday', 'after'], // off Sat 31/8 – Tue 3/9/2024
    [2025, 'Tuesday', 'before'], // off Sat 30/8 – Tue 2/9/2025
    [2026, 'Wednesday', 'before'], // 1/9 + 2/9/2026, as decided for 2026
    [2029, 'Sunday', 'after'],
  ] as const)('%i (2/9 is a %s) → %s', (year, _weekday, expected) => {
    expect(defaultNationalDayAdjacent(year)).toBe(expected);
  });

  it('can be overridden per year', () => {
    const list = statutoryHolidays(2026, { nationalDayAdjacent: 'after' });
    expect(dates(list)).toContain('2026-09-03');
    expect(dates(list)).not.toContain('2026-09-01');
  });
});

describe('compensation — Bộ luật Lao động 2019, Điều 111 khoản 3 (holiday on a weekly rest day → next working day)', () => {
  it('1/1/2023 was a Sunday → Monday 2/1/2023 off', () => {
    expect(dates(holidaysForYear(2023), 'compensatory')).toContain('2023-01-02');
  });

  it('Giỗ Tổ on Saturday 29/4/2023 and 30/4 on Sunday → Tuesday 2/5 and Wednesday 3/5/2023 (Monday 1/5 is itself a holiday)', () => {
    const comp = holidaysForYear(2023).filter(
      (h) => h.kind === 'compensatory' && h.date.startsWith('2023-05'),
    );
    expect(comp.map((h) => [h.date, h.name.vi])).toEqual([
      ['2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2023-05-03', 'Nghỉ bù Ngày Chiến thắng'],
    ]);
    expect(comp.every((h) => h.basis === BASIS.compensation)).toBe(true);
  });

  it('without the announcement, the law alone puts Tết 2023 on Sat 21/1 – Fri 27/1 (the announced block was 20/1 – 26/1)', () => {
    const tet = holidaysForYear(2023).filter((h) => h.date >= '2023-01-15' && h.date <= '2023-01-31');
    expect(dates(tet)).toEqual([
      '2023-01-21',
      '2023-01-22',
      '2023-01-23',
      '2023-01-24',
      '2023-01-25',
      '2023-01-26',
      '2023-01-27',
    ]);
  });

  it('1/1/2028 is a Saturday → Monday 3/1/2028', () => {
    expect(dates(holidaysForYear(2028), 'compensatory')).toContain('2028-01-03');
  });

  it('2/9/2029 is a Sunday → 3/9 (adjacent) and 4/9 (compensation) off', () => {
    const sept = holidaysForYear(2029).filter((h) => h.date.startsWith('2029-09'));
    expect(sept.map((h) => [h.date, h.kind])).toEqual([
      ['2029-09-02', 'statutory'],
      ['2029-09-03', 'statutory'],
      ['2029-09-04', 'compensatory'],
    ]);
  });

  it('every compensatory day of 2000–2100 is a weekday, and there is one per statutory day on a weekend', () => {
    for (let year = 2000; year <= 2100; year++) {
      const list = holidaysForYear(year);
      const comp = list.filter((h) => h.kind === 'compensatory');
      const onWeekend = list.filter((h) => h.kind === 'statutory' && [0, 6].includes(weekdayOf(h.date)));
      expect(comp.every((h) => ![0, 6].includes(weekdayOf(h.date)))).toBe(true);
      expect(comp.length).toBe(onWeekend.length);
    }
  });

  it('can be switched off (compensateWeekendHolidays: false)', () => {
    expect(
      dates(holidaysForYear(2023, undefined, { compensateWeekendHolidays: false }), 'compensatory'),
    ).toEqual([]);
  });

  it('follows the configured weekly rest days: with Sunday only, Saturday 29/4/2023 needs no compensation', () => {
    const comp = dates(holidaysForYear(2023, undefined, { weekendDays: [0] }), 'compensatory');
    expect(comp).toEqual(['2023-01-02', '2023-01-26', '2023-05-02']); // for 1/1 (Sun), mùng 1 Tết (Sun), 30/4 (Sun)
  });
});

describe('announced adjustments', () => {
  const adj = {
    year: 2031,
    tetDays: [
      '2031-01-21',
      '2031-01-22',
      '2031-01-23',
      '2031-01-24',
      '2031-01-25',
      '2031-01-26',
      '2031-01-27',
    ],
    tetBasis: 'Thông báo giả định (test)',
    daysOff: [{ date: '2031-05-02', name: { vi: 'Nghỉ hoán đổi', en: 'Swapped day off' }, basis: 'test' }],
    workingSaturdays: [{ date: '2031-05-10', name: { vi: 'Làm bù', en: 'Make-up day' }, basis: 'test' }],
  };

  it('an announced Tết block replaces the computed Tết days; its extra weekdays are listed as compensatory with the announcement as basis', () => {
    const tet = holidaysForYear(2031, adj).filter((h) => h.date < '2031-02-01' && h.date > '2031-01-01');
    expect(tet.map((h) => [h.date, h.kind])).toEqual([
      ['2031-01-21', 'compensatory'],
      ['2031-01-22', 'statutory'],
      ['2031-01-23', 'statutory'],
      ['2031-01-24', 'statutory'],
      ['2031-01-25', 'statutory'],
      ['2031-01-26', 'statutory'],
      ['2031-01-27', 'compensatory'],
    ]);
    expect(tet[0]?.basis).toBe('Thông báo giả định (test)');
    expect(dates(holidaysForYear(2031, adj))).not.toContain('2031-01-28'); // no second compensation for Tết
  });

  it('swapped days off are listed as swap_off with their basis', () => {
    expect(holidaysForYear(2031, adj).find((h) => h.date === '2031-05-02')).toMatchObject({
      kind: 'swap_off',
      basis: 'test',
    });
  });
});
