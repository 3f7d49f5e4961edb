import { describe, expect, it } from 'vitest';
import { dateRange, parseIsoDate } from './dates.js';
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar.js';

const solar = (lunarYear: number, month: number, day: number, leap = false, tz = 7) => {
  const { year, month: m, day: d } = lunarToSolar(lunarYear, month, day, leap, tz);
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};
const lunarOf = (date: string, tz = 7) => {
  const { year, month, day } = parseIsoDate(date);
  return solarToLunar(year, month, day, tz);
};

describe('Tết Nguyên đán (1/1 lunar) at UTC+7', () => {
  // Published Vietnamese calendars (lịch Vạn Niên / Hồ Ngọc Đức's tables); the same as the Chinese
  // dates in these years except 2007 and 2030 (see below).
  const TET: Record<number, string> = {
    2000: '2000-02-05',
    2001: '2001-01-24',
    2002: '2002-02-12',
    2003: '2003-02-01',
    2004: '2004-01-22',
    2005: '2005-02-09',
    2006: '2006-01-29',
    2007: '2007-02-17',
    2008: '2008-02-07',
    2009: '2009-01-26',
    2010: '2010-02-14',
    2011: '2011-02-03',
    2012: '2012-01-23',
    2013: '2013-02-10',
    2014: '2014-01-31',
    2015: '2015-02-19',
    2016: '2016-02-08',
    2017: '2017-01-28',
    2018: '2018-02-16',
    2019: '2019-02-05',
    2020: '2020-01-25',
    2021: '2021-02-12',
    2022: '2022-02-01',
    2023: '2023-01-22',
    2024: '2024-02-10',
    2025: '2025-01-29',
    2026: '2026-02-17',
    2027: '2027-02-06',
    2028: '2028-01-26',
    2029: '2029-02-13',
    2030: '2030-02-02',
  };
  for (const [year, date] of Object.entries(TET))
    it(`Tết ${year} is ${date}`, () => {
      expect(solar(Number(year), 1, 1)).toBe(date);
      expect(lunarOf(date)).toEqual({ year: Number(year), month: 1, day: 1, leap: false });
    });
});

describe('UTC+7 (Vietnam) differs from UTC+8 (China)', () => {
  it('Tết Mậu Thân 1968: 29/1/1968 in Vietnam, 30/1/1968 in China (new moon 29/1 16:29 UTC)', () => {
    expect(solar(1968, 1, 1, false, 7)).toBe('1968-01-29');
    expect(solar(1968, 1, 1, false, 8)).toBe('1968-01-30');
  });
  it('Tết Ất Sửu 1985: 21/1/1985 in Vietnam, a whole month before China (20/2/1985)', () => {
    expect(solar(1985, 1, 1, false, 7)).toBe('1985-01-21');
    expect(solar(1985, 1, 1, false, 8)).toBe('1985-02-20');
    // China had leap month 10 in 1984, Vietnam leap month 2 in 1985.
    expect(leapMonthOf(1984, 8)).toBe(10);
    expect(leapMonthOf(1984, 7)).toBeNull();
    expect(leapMonthOf(1985, 7)).toBe(2);
  });
  it('Tết Đinh Hợi 2007: 17/2/2007 in Vietnam, 18/2/2007 in China (new moon 17/2 16:14 UTC)', () => {
    expect(solar(2007, 1, 1, false, 7)).toBe('2007-02-17');
    expect(solar(2007, 1, 1, false, 8)).toBe('2007-02-18');
  });
  it('Tết Canh Tuất 2030: 2/2/2030 in Vietnam, 3/2/2030 in China (new moon 2/2 16:07 UTC)', () => {
    expect(solar(2030, 1, 1, false, 7)).toBe('2030-02-02');
    expect(solar(2030, 1, 1, false, 8)).toBe('2030-02-03');
  });
  it('Tết 2024 (10/2) is the same in both', () => {
    expect(solar(2024, 1, 1, false, 8)).toBe('2024-02-10');
  });
});

describe('Giỗ Tổ Hùng Vương, 10/3 lunar (Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e)', () => {
  const GIO_TO: Record<number, string> = {
    2020: '2020-04-02',
    2021: '2021-04-21',
    2022: '2022-04-10',
    2023: '2023-04-29',
    2024: '2024-04-18',
    2025: '2025-04-07',
    2026: '2026-04-26',
  };
  for (const [year, date] of Object.entries(GIO_TO))
    it(`${year}: ${date}`, () => expect(solar(Number(year), 3, 10)).toBe(date));
});

describe('leap months (tháng nhuận)', () => {
  it('2020 has a leap 4th month: 23/5/2020 is 1/4 nhuận', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(lunarOf('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true });
    expect(lunarOf('2020-04-23')).toEqual({ year: 2020, month: 4, day: 1, leap: false });
  });
  it('2023 has a leap 2nd month: 22/3/2023 is 1/2 nhuận', () => {
    expect(leapMonthOf(2023)).toBe(2);
    expect(lunarOf('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(solar(2023, 2, 1)).toBe('2023-02-20');
    expect(solar(2023, 3, 1)).toBe('2023-04-20');
  });
  it('2025 has a leap 6th month: 25/7/2025 is 1/6 nhuận', () => {
    expect(leapMonthOf(2025)).toBe(6);
    expect(lunarOf('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
  });
  it('years without one: 2024, 2026', () => {
    expect(leapMonthOf(2024)).toBeNull();
    expect(leapMonthOf(2026)).toBeNull();
  });
  it('asking for a leap month the year does not have is a RangeError', () => {
    expect(() => lunarToSolar(2024, 2, 1, true)).toThrow(RangeError);
    expect(() => lunarToSolar(2023, 3, 1, true)).toThrow(RangeError);
  });
});

describe('month lengths and the end of the lunar year', () => {
  it('tháng Chạp Ất Tỵ has 29 days: 16/2/2026 is 29 tháng Chạp, so 30 does not exist', () => {
    expect(lunarMonthLength(2025, 12)).toBe(29);
    expect(lunarOf('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(() => lunarToSolar(2025, 12, 30)).toThrow(RangeError);
  });
  it('the announced Tết blocks start on the lunar days they say: 20/1/2023 = 29 Chạp, 25/1/2025 = 26 Chạp, 14/2/2026 = 27 Chạp', () => {
    expect(lunarOf('2023-01-20')).toMatchObject({ year: 2022, month: 12, day: 29 });
    expect(lunarOf('2025-01-25')).toMatchObject({ year: 2024, month: 12, day: 26 });
    expect(lunarOf('2026-02-14')).toMatchObject({ year: 2025, month: 12, day: 27 });
    expect(lunarOf('2026-02-22')).toMatchObject({ year: 2026, month: 1, day: 6 });
  });
  it('months 11 and 12 belong to the lunar year that began the previous Tết: 1/1/2025 is 2/12 Giáp Thìn (2024)', () => {
    expect(lunarOf('2025-01-01')).toEqual({ year: 2024, month: 12, day: 2, leap: false });
  });
  it('rejects out-of-range input', () => {
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 1, 0)).toThrow(RangeError);
    expect(() => solarToLunar(1700, 1, 1)).toThrow(RangeError);
  });
});

describe('round trips', () => {
  it('every day of 2024–2026: solar → lunar → solar is the identity, and lunar days run 1, 2, … without gaps', () => {
    let previous: ReturnType<typeof solarToLunar> | null = null;
    for (const date of dateRange('2024-01-01', '2026-12-31')) {
      const { year, month, day } = parseIsoDate(date);
      const lunar = solarToLunar(year, month, day);
      expect(lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.leap)).toEqual({ year, month, day });
      if (previous && lunar.day !== 1) expect(lunar.day).toBe(previous.day + 1);
      if (previous && lunar.day === 1) expect([29, 30]).toContain(previous.day);
      previous = lunar;
    }
  });
  it('every lunar month start of 1901–2099, leap months included, round-trips (both time zones)', () => {
    for (const tz of [7, 8])
      for (let y = 1901; y <= 2099; y++) {
        const leapMonth = leapMonthOf(y, tz);
        for (let m = 1; m <= 12; m++)
          for (const leap of m === leapMonth ? [false, true] : [false]) {
            const { year, month, day } = lunarToSolar(y, m, 1, leap, tz);
            expect(solarToLunar(year, month, day, tz)).toEqual({ year: y, month: m, day: 1, leap });
          }
      }
  });
  it('a lunar year has 12 months, or 13 with its leap month: 353–355 or 383–385 days', () => {
    for (let y = 1901; y <= 2099; y++) {
      const { year, month, day } = lunarToSolar(y, 1, 1);
      const next = lunarToSolar(y + 1, 1, 1);
      const days = Math.round(
        (Date.UTC(next.year, next.month - 1, next.day) - Date.UTC(year, month - 1, day)) / 86_400_000,
      );
      expect(leapMonthOf(y) === null ? [353, 354, 355] : [383, 384, 385]).toContain(days);
    }
  });
});
