/**
 * The announced civil-servant schedules of 2023–2026, checked as the runs of consecutive days off they
 * produce. Provenance of each fact is noted in ./default-adjustments.ts.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.js';
import { adjustmentProblems } from './adjustment-checks.js';
import { DEFAULT_ADJUSTMENTS } from './default-adjustments.js';
import { DEFAULT_HOLIDAY_OPTIONS } from './holidays.js';
import { createCalendar, type Calendar } from './working-days.js';

const cal = createCalendar();

/** First and last day of the run of consecutive non-working days that contains `date`. */
function offRun(calendar: Calendar, date: string): [string, string] {
  expect(calendar.isWorkingDay(date), `${date} should be a day off`).toBe(false);
  let first = date;
  let last = date;
  while (!calendar.isWorkingDay(addDays(first, -1))) first = addDays(first, -1);
  while (!calendar.isWorkingDay(addDays(last, 1))) last = addDays(last, 1);
  return [first, last];
}

describe('shipped data is consistent', () => {
  it('every year passes adjustmentProblems', () => {
    for (const adj of Object.values(DEFAULT_ADJUSTMENTS))
      expect(adjustmentProblems(adj, DEFAULT_HOLIDAY_OPTIONS)).toEqual([]);
  });
  it('every announced entry cites a basis', () => {
    for (const adj of Object.values(DEFAULT_ADJUSTMENTS)) {
      expect(adj.tetBasis).toBeTruthy();
      for (const d of [...adj.daysOff, ...adj.workingSaturdays]) expect(d.basis.length).toBeGreaterThan(20);
    }
  });
});

describe('2023', () => {
  it('Tết Dương lịch: 1/1 on Sunday → Sat 31/12/2022 – Mon 2/1/2023 (Điều 111 khoản 3)', () => {
    expect(offRun(cal, '2023-01-01')).toEqual(['2022-12-31', '2023-01-02']);
  });
  it('Tết Quý Mão: Fri 20/1 – Thu 26/1/2023, 7 days (announcement of the Ministry of Labour)', () => {
    expect(offRun(cal, '2023-01-22')).toEqual(['2023-01-20', '2023-01-26']);
  });
  it('Giỗ Tổ, 30/4, 1/5: Sat 29/4 – Wed 3/5/2023 by compensation alone; Saturday 6/5/2023 is an ordinary rest day', () => {
    expect(offRun(cal, '2023-04-29')).toEqual(['2023-04-29', '2023-05-03']);
    expect(cal.isWorkingDay('2023-05-06')).toBe(false);
  });
  it('Quốc khánh: Fri 1/9 – Mon 4/9/2023 (1/9 + 2/9, compensation for Saturday 2/9 on Monday 4/9)', () => {
    expect(offRun(cal, '2023-09-02')).toEqual(['2023-09-01', '2023-09-04']);
  });
});

describe('2024', () => {
  it('Tết Giáp Thìn: Thu 8/2 – Wed 14/2/2024, 7 days; Saturday 17/2/2024 is not a working day', () => {
    expect(offRun(cal, '2024-02-10')).toEqual(['2024-02-08', '2024-02-14']);
    expect(cal.isWorkingDay('2024-02-17')).toBe(false);
  });
  it('Giỗ Tổ: Thursday 18/4/2024, one day', () => {
    expect(offRun(cal, '2024-04-18')).toEqual(['2024-04-18', '2024-04-18']);
  });
  it('30/4–1/5: Sat 27/4 – Wed 1/5/2024, Monday 29/4 swapped with Saturday 4/5/2024 (Công văn 2450/VPCP-KGVX)', () => {
    expect(offRun(cal, '2024-04-30')).toEqual(['2024-04-27', '2024-05-01']);
    expect(cal.isWorkingDay('2024-05-04')).toBe(true);
  });
  it('Quốc khánh: Sat 31/8 – Tue 3/9/2024', () => {
    expect(offRun(cal, '2024-09-02')).toEqual(['2024-08-31', '2024-09-03']);
  });
});

describe('2025', () => {
  it('Tết Dương lịch: Wednesday 1/1/2025 only', () => {
    expect(offRun(cal, '2025-01-01')).toEqual(['2025-01-01', '2025-01-01']);
  });
  it('Tết Ất Tỵ: Sat 25/1 – Sun 2/2/2025, 9 days (Thông báo 6150/TB-LĐTBXH); Saturday 8/2/2025 is not a working day', () => {
    expect(offRun(cal, '2025-01-29')).toEqual(['2025-01-25', '2025-02-02']);
    expect(cal.isWorkingDay('2025-02-08')).toBe(false);
  });
  it('Giỗ Tổ: Monday 7/4/2025 → Sat 5/4 – Mon 7/4', () => {
    expect(offRun(cal, '2025-04-07')).toEqual(['2025-04-05', '2025-04-07']);
  });
  it('30/4–1/5: Wed 30/4 – Sun 4/5/2025, Friday 2/5 swapped with Saturday 26/4/2025', () => {
    expect(offRun(cal, '2025-04-30')).toEqual(['2025-04-30', '2025-05-04']);
    expect(cal.isWorkingDay('2025-04-26')).toBe(true);
  });
  it('Quốc khánh: Sat 30/8 – Tue 2/9/2025 (1/9 is the adjacent day)', () => {
    expect(offRun(cal, '2025-09-02')).toEqual(['2025-08-30', '2025-09-02']);
  });
});

describe('2026', () => {
  it('Tết Dương lịch: Thu 1/1 – Sun 4/1/2026, Friday 2/1 swapped with Saturday 10/1/2026 (Công văn 12729/VPCP-KGVX)', () => {
    expect(offRun(cal, '2026-01-01')).toEqual(['2026-01-01', '2026-01-04']);
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
  });
  it('Tết Bính Ngọ: Sat 14/2 (27 Chạp) – Sun 22/2/2026 (mùng 6), 9 days', () => {
    expect(offRun(cal, '2026-02-17')).toEqual(['2026-02-14', '2026-02-22']);
  });
  it('Giỗ Tổ on Sunday 26/4/2026 → compensation Monday 27/4 (computed from Điều 111 khoản 3, not from an announcement)', () => {
    expect(offRun(cal, '2026-04-26')).toEqual(['2026-04-25', '2026-04-27']);
  });
  it('30/4–1/5: Thu 30/4 – Sun 3/5/2026', () => {
    expect(offRun(cal, '2026-04-30')).toEqual(['2026-04-30', '2026-05-03']);
  });
  it('Quốc khánh: Sat 29/8 – Wed 2/9/2026, Monday 31/8 swapped with Saturday 22/8/2026', () => {
    expect(offRun(cal, '2026-09-02')).toEqual(['2026-08-29', '2026-09-02']);
    expect(cal.isWorkingDay('2026-08-22')).toBe(true);
  });
});
