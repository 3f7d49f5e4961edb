/**
 * Vietnamese public holidays (ngày nghỉ lễ, tết) of a solar year.
 *
 * Statutory days — Bộ luật Lao động số 45/2019/QH14 (Labour Code 2019), Điều 112 khoản 1:
 *   a) Tết Dương lịch: 1 day (1/1);                b) Tết Âm lịch: 5 days;
 *   c) Ngày Chiến thắng: 1 day (30/4);              d) Ngày Quốc tế lao động: 1 day (1/5);
 *   đ) Quốc khánh: 2 days (2/9 and 1 adjacent day before or after);
 *   e) Giỗ Tổ Hùng Vương: 1 day (10/3 lunar).
 * Điều 112 khoản 3: every year the Prime Minister fixes the actual days of b) and đ).
 * Compensation — Điều 111 khoản 3: when a holiday falls on the weekly rest day, the worker rests on the
 * next working day instead (nghỉ bù).
 * Civil servants' actual schedules (Tết block, swapped working days) are announced every year; they
 * are data — see `YearAdjustments` and ./default-adjustments.ts — not code.
 */
import { addDays, formatIsoDate, weekdayOf, type IsoDate, type Weekday } from './dates.js';
import { lunarToSolar, solarToLunar, VIETNAM_TIME_ZONE } from './lunar.js';

export type LocalizedName = { vi: string; en: string };

/**
 * - statutory: one of the 11 days of Điều 112 khoản 1 (even when it falls on a weekend);
 * - compensatory: a weekday off in place of a statutory day that fell on a weekly rest day (Điều 111
 *   khoản 3), or — inside an announced Tết block — any further weekday of the block;
 * - swap_off: a working day given off in exchange for a working weekend day (hoán đổi ngày làm việc).
 */
export type HolidayKind = 'statutory' | 'compensatory' | 'swap_off';

export type Holiday = { date: IsoDate; name: LocalizedName; kind: HolidayKind; basis: string };

/** A dated entry of an announcement, with the document (or decision) it comes from. */
export type AnnouncedDay = { date: IsoDate; name: LocalizedName; basis: string };

/** Which day joins 2/9 as the second National Day holiday: 1/9 ('before') or 3/9 ('after'). */
export type NationalDayAdjacent = 'before' | 'after';

/** One year's announced schedule for civil servants (cán bộ, công chức, viên chức). */
export type YearAdjustments = {
  year: number;
  /**
   * The whole announced Tết block, every day off from first to last (weekends included), replacing the
   * computed one. Assumed to already contain the compensation for Tết days on weekends.
   */
  tetDays?: readonly IsoDate[];
  /** The announcement the Tết block comes from; required with `tetDays`. */
  tetBasis?: string;
  /** The adjacent National Day holiday when announced; otherwise `defaultNationalDayAdjacent`. */
  nationalDayAdjacent?: NationalDayAdjacent;
  /** Extra days off, usually swapped against a working weekend day. */
  daysOff: readonly AnnouncedDay[];
  /** Weekend days that are working days (make-up days, làm bù). Any weekend day is accepted, despite the name. */
  workingSaturdays: readonly AnnouncedDay[];
};

export type HolidayOptions = {
  /** Weekly rest days (0 = Sunday … 6 = Saturday). Default Saturday and Sunday. */
  weekendDays: readonly Weekday[];
  /** Hours east of UTC for the lunar calendar. Default 7 (Vietnam). */
  lunarTimeZone: number;
  /** Apply Điều 111 khoản 3 (weekday off for a holiday on a weekly rest day). Default true. */
  compensateWeekendHolidays: boolean;
};

export const DEFAULT_HOLIDAY_OPTIONS: HolidayOptions = {
  weekendDays: [0, 6],
  lunarTimeZone: VIETNAM_TIME_ZONE,
  compensateWeekendHolidays: true,
};

const LAW = 'Bộ luật Lao động 2019 (45/2019/QH14)';
export const BASIS = {
  newYear: `${LAW}, Điều 112 khoản 1 điểm a`,
  tet: `${LAW}, Điều 112 khoản 1 điểm b`,
  victory: `${LAW}, Điều 112 khoản 1 điểm c`,
  labour: `${LAW}, Điều 112 khoản 1 điểm d`,
  nationalDay: `${LAW}, Điều 112 khoản 1 điểm đ`,
  hungKings: `${LAW}, Điều 112 khoản 1 điểm e`,
  compensation: `${LAW}, Điều 111 khoản 3`,
} as const;

const iso = (ymd: { year: number; month: number; day: number }) =>
  formatIsoDate(ymd.year, ymd.month, ymd.day);

/**
 * The five statutory Tết days of the lunar year starting in solar `year`, by this module's default
 * rule: the last day of the old lunar year and days 1–4 (mùng 1–4) of the new one. The law only says
 * "5 days"; the Prime Minister picks them each year (Điều 112 khoản 3), usually like this.
 */
export function tetStatutoryDays(year: number, tz = VIETNAM_TIME_ZONE): IsoDate[] {
  const newYear = iso(lunarToSolar(year, 1, 1, false, tz));
  return [-1, 0, 1, 2, 3].map((offset) => addDays(newYear, offset));
}

function tetName(date: IsoDate, tz: number): LocalizedName {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lunar = solarToLunar(y, m, d, tz);
  if (lunar.month === 12)
    return {
      vi: `Tết Âm lịch (${lunar.day} tháng Chạp)`,
      en: `Lunar New Year (day ${lunar.day} of the 12th lunar month)`,
    };
  if (lunar.month === 1 && lunar.day <= 10)
    return { vi: `Tết Âm lịch (mùng ${lunar.day})`, en: `Lunar New Year (day ${lunar.day})` };
  return { vi: 'Nghỉ Tết Âm lịch', en: 'Lunar New Year break' };
}

/**
 * Default adjacent National Day holiday, from the weekday of 2/9. Prefer a weekday that joins the
 * holiday to a weekend, as in the announced schedules:
 *   Mon → 3/9 (2024) · Tue → 1/9 (2025) · Wed → 1/9 (2026) · Thu → 3/9 (2021) · Fri → 1/9 (2022) ·
 *   Sat → 1/9 (2023) · Sun → 3/9 (a weekday; 2/9 itself is then compensated on 4/9).
 * Wednesday has no such neighbour; 1/9 follows the 2026 decision. Override per year with
 * `YearAdjustments.nationalDayAdjacent`.
 */
export function defaultNationalDayAdjacent(year: number): NationalDayAdjacent {
  const byWeekday: readonly NationalDayAdjacent[] = [
    'after',
    'after',
    'before',
    'before',
    'after',
    'before',
    'before',
  ];
  return byWeekday[weekdayOf(formatIsoDate(year, 9, 2))] as NationalDayAdjacent;
}

/**
 * The 11 statutory holidays of Điều 112 khoản 1 in solar `year`, sorted, without compensation.
 * Tết uses `tetStatutoryDays`.
 */
export function statutoryHolidays(
  year: number,
  options: { lunarTimeZone?: number; nationalDayAdjacent?: NationalDayAdjacent } = {},
): Holiday[] {
  const tz = options.lunarTimeZone ?? VIETNAM_TIME_ZONE;
  const adjacent = options.nationalDayAdjacent ?? defaultNationalDayAdjacent(year);
  const day = (month: number, d: number) => formatIsoDate(year, month, d);
  const list: Holiday[] = [
    {
      date: day(1, 1),
      name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
      kind: 'statutory',
      basis: BASIS.newYear,
    },
    ...tetStatutoryDays(year, tz).map((date): Holiday => ({
      date,
      name: tetName(date, tz),
      kind: 'statutory',
      basis: BASIS.tet,
    })),
    {
      date: iso(lunarToSolar(year, 3, 10, false, tz)),
      name: {
        vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
        en: "Hung Kings' Commemoration Day (10th day of the 3rd lunar month)",
      },
      kind: 'statutory',
      basis: BASIS.hungKings,
    },
    {
      date: day(4, 30),
      name: { vi: 'Ngày Chiến thắng', en: 'Victory Day (Reunification Day)' },
      kind: 'statutory',
      basis: BASIS.victory,
    },
    {
      date: day(5, 1),
      name: { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' },
      kind: 'statutory',
      basis: BASIS.labour,
    },
    {
      date: day(9, 2),
      name: { vi: 'Quốc khánh', en: 'National Day' },
      kind: 'statutory',
      basis: BASIS.nationalDay,
    },
    {
      date: day(9, adjacent === 'before' ? 1 : 3),
      name: { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' },
      kind: 'statutory',
      basis: BASIS.nationalDay,
    },
  ];
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Every day off of solar `year` other than ordinary weekends, sorted by date: statutory days, the
 * announced Tết block if any, compensatory days (Điều 111 khoản 3) and swapped days off.
 *
 * Compensation: each statutory day on a weekly rest day, in date order, moves to the first later day
 * that is neither a rest day nor already off. With an announced Tết block the block is taken as given
 * (its weekdays outside the five statutory Tết days are listed as compensatory) and Tết days are not
 * compensated again.
 */
export function holidaysForYear(
  year: number,
  adjustments?: YearAdjustments,
  options: Partial<HolidayOptions> = {},
): Holiday[] {
  const opts = { ...DEFAULT_HOLIDAY_OPTIONS, ...options };
  const tz = opts.lunarTimeZone;
  const isRestDay = (date: IsoDate) => opts.weekendDays.includes(weekdayOf(date));
  const statutory = statutoryHolidays(year, {
    lunarTimeZone: tz,
    nationalDayAdjacent: adjustments?.nationalDayAdjacent,
  });
  const tetBlock = adjustments?.tetDays;
  const byDate = new Map<IsoDate, Holiday>();
  const add = (h: Holiday) => {
    const existing = byDate.get(h.date);
    if (!existing) byDate.set(h.date, h);
    // Two holidays on one date (Giỗ Tổ fell on 30/4 in 1947): one entry, both names; the law grants no extra day.
    else if (existing.kind === 'statutory' && h.kind === 'statutory')
      byDate.set(h.date, {
        ...existing,
        name: { vi: `${existing.name.vi}; ${h.name.vi}`, en: `${existing.name.en}; ${h.name.en}` },
        basis: `${existing.basis}; ${h.basis}`,
      });
  };

  const tetStatutory = new Set(tetStatutoryDays(year, tz));
  if (tetBlock) {
    const basis = adjustments?.tetBasis ?? BASIS.tet;
    for (const date of tetBlock) {
      if (tetStatutory.has(date)) add({ date, name: tetName(date, tz), kind: 'statutory', basis: BASIS.tet });
      else if (!isRestDay(date)) add({ date, name: tetName(date, tz), kind: 'compensatory', basis });
    }
  }
  const compensable: Holiday[] = [];
  for (const h of statutory) {
    if (tetBlock && tetStatutory.has(h.date)) continue; // the announced block replaces the computed Tết days
    add(h);
    compensable.push(h);
  }
  for (const d of adjustments?.daysOff ?? []) add({ ...d, kind: 'swap_off' });

  if (opts.compensateWeekendHolidays) {
    const working = new Set((adjustments?.workingSaturdays ?? []).map((d) => d.date));
    const offOn = (date: IsoDate) => byDate.has(date) || (isRestDay(date) && !working.has(date));
    for (const h of compensable) {
      if (!isRestDay(h.date) || working.has(h.date)) continue;
      let date = addDays(h.date, 1);
      while (offOn(date)) date = addDays(date, 1);
      add({
        date,
        name: { vi: `Nghỉ bù ${h.name.vi}`, en: `Compensatory day off for ${h.name.en}` },
        kind: 'compensatory',
        basis: BASIS.compensation,
      });
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
