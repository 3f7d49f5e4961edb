/**
 * The province dashboard's pure rules (issue 18, item 1): which window a chosen period reads, the previous
 * comparable window and the trend's windows, a figure's change and whether it is adverse, the worst-moving figures,
 * and where work is stuck (overdue items by unit and kind). No I/O and no clock: every date is a parameter.
 *
 * Windows are the reporting periods' data windows (Decree 09/2019/NĐ-CP art. 12 under the default rules: a quarter
 * from the 15th of the month before it to the 14th of its last month; the year 15/12–14/12), taken from the `periods`
 * module's versioned rule sets — the rule set is a parameter. "Year to date" (`2026-YTD`) is the year's data window
 * up to today. The previous comparable window is the period before (2026-Q4 → 2026-Q3, 2026-H1 → 2025-H2,
 * 2026-9M → 2025-9M, 2026-Y → 2025-Y), and for year to date the same stretch of the year before (1 year earlier
 * day for day, 29/02 read as 28/02).
 */
import {
  dueDate,
  parsePeriodKey,
  periodKey,
  periodLabel,
  periodWindow,
  shiftPeriod,
  type Period,
  type ReportingRules,
  type WorkdayHooks,
} from '../periods/index.js';

/** A period of the dashboard: a reporting period other than a month, or a year to date. */
export type DashboardPeriod = { kind: 'period'; period: Period } | { kind: 'ytd'; year: number };

export type Bilingual = { vi: string; en: string };

const YTD = /^(\d{4})-YTD$/;

/** `2026-Q4`, `2026-H1`, `2026-9M`, `2026-Y` or `2026-YTD`; null for anything else (months are too short here). */
export function parseDashboardPeriod(key: string): DashboardPeriod | null {
  const ytd = YTD.exec(key);
  if (ytd) {
    const year = Number(ytd[1]);
    return year >= 1900 && year <= 2199 ? { kind: 'ytd', year } : null;
  }
  const period = parsePeriodKey(key);
  if (!period || period.type === 'month' || period.year < 1900 || period.year > 2199) return null;
  return { kind: 'period', period };
}

export function dashboardPeriodKey(p: DashboardPeriod): string {
  return p.kind === 'ytd' ? `${p.year}-YTD` : periodKey(p.period);
}

export function dashboardPeriodLabel(p: DashboardPeriod): Bilingual {
  if (p.kind === 'ytd') return { vi: `Từ đầu năm ${p.year} đến nay`, en: `${p.year} year to date` };
  return { vi: periodLabel(p.period, 'vi'), en: periodLabel(p.period, 'en') };
}

/** The same kind of period `steps` later (negative: earlier). */
export function shiftDashboardPeriod(p: DashboardPeriod, steps: number): DashboardPeriod {
  return p.kind === 'ytd'
    ? { kind: 'ytd', year: p.year + steps }
    : { kind: 'period', period: shiftPeriod(p.period, steps) };
}

/** The same day `years` later (29/02 → 28/02 in a year without it). */
export function shiftYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

/**
 * The data window of a period. A year to date runs from the start of the year's data window to `today`; that of
 * another year runs the same stretch of its own window (`today` moved by the difference between the years of the
 * windows, so 20/12/2026 — in the 2027 window — reads 20/12/2025 in the 2026 one).
 */
export function windowOf(
  p: DashboardPeriod,
  rules: ReportingRules,
  today: string,
): { from: string; to: string } {
  if (p.kind === 'period') return periodWindow(p.period, rules);
  const yearWindow = (y: number) => periodWindow({ type: 'year', year: y, index: 1 }, rules);
  // The reporting year today lies in (from 15/12 under the defaults, next year's).
  const calendarYear = Number(today.slice(0, 4));
  const todayYear = today > yearWindow(calendarYear).to ? calendarYear + 1 : calendarYear;
  const year = yearWindow(p.year);
  const day = shiftYears(today, p.year - todayYear);
  return { from: year.from, to: minDay(maxDay(day, year.from), year.to) };
}

/** The next day. */
export function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The deadlines that belong to a period (a period's reports are due after its data window closes: 581/BNV-CCHC's
 * 20th of the last month against the window's 14th): the day after the previous period's due date up to the
 * period's own. A year to date: from the day after last year's annual report was due up to the window's end.
 */
export function dueWindowOf(
  p: DashboardPeriod,
  rules: ReportingRules,
  today: string,
  hooks: WorkdayHooks = {},
): { from: string; to: string } {
  if (p.kind === 'ytd') {
    const lastYear: Period = { type: 'year', year: p.year - 1, index: 1 };
    return { from: dayAfter(dueDate(lastYear, rules, hooks)), to: windowOf(p, rules, today).to };
  }
  return {
    from: dayAfter(dueDate(shiftPeriod(p.period, -1), rules, hooks)),
    to: dueDate(p.period, rules, hooks),
  };
}

/** The previous comparable period (see the module comment). */
export function previousDashboardPeriod(p: DashboardPeriod): DashboardPeriod {
  return shiftDashboardPeriod(p, -1);
}

/** The trend's periods: the `n` periods ending with `p`, oldest first (n ≥ 1). */
export function trendPeriods(p: DashboardPeriod, n: number): DashboardPeriod[] {
  const count = Math.max(1, Math.floor(n));
  return Array.from({ length: count }, (_, i) => shiftDashboardPeriod(p, i - count + 1));
}

/** The period whose window holds `today` (quarters by default) — the dashboard's default. */
export function currentQuarterKey(today: string, rules: ReportingRules): string {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1])
    for (let q = 1; q <= 4; q++) {
      const w = periodWindow({ type: 'quarter', year: y, index: q }, rules);
      if (w.from <= today && today <= w.to) return `${y}-Q${q}`;
    }
  return `${year}-Q4`;
}

/** The periods offered by the picker: this year's and last year's, most recent first, none starting after today. */
export function periodChoices(today: string, rules: ReportingRules, years = 2): DashboardPeriod[] {
  const current = Number(today.slice(0, 4));
  const out: DashboardPeriod[] = [];
  for (let y = current + 1; y > current - years; y--) {
    const candidates: DashboardPeriod[] = [
      { kind: 'ytd', year: y },
      { kind: 'period', period: { type: 'year', year: y, index: 1 } },
      { kind: 'period', period: { type: 'nine_months', year: y, index: 1 } },
      { kind: 'period', period: { type: 'half', year: y, index: 2 } },
      { kind: 'period', period: { type: 'half', year: y, index: 1 } },
      ...[4, 3, 2, 1].map((q): DashboardPeriod => ({
        kind: 'period',
        period: { type: 'quarter', year: y, index: q },
      })),
    ];
    for (const c of candidates) {
      const w = windowOf(c, rules, today);
      if (w.from > today) continue;
      // A year to date only while today lies in the year's data window (afterwards it is the year).
      const year = periodWindow({ type: 'year', year: y, index: 1 }, rules);
      if (c.kind === 'ytd' && !(year.from <= today && today <= year.to)) continue;
      out.push(c);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Change and worst-moving figures

export type Better = 'higher' | 'lower';

/** The change from the previous window, null when either value is unknown. */
export function changeOf(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

/**
 * How bad a change is, as a positive number (0 when it is not adverse or unknown): for percentages and points the
 * change in points against the good direction; for counts the change relative to the previous count in percent (a
 * count from 0 to 3 is +300%), so that counts and rates compare.
 */
export function adverseScore(
  unit: 'percent' | 'count' | 'points',
  better: Better,
  current: number | null,
  previous: number | null,
): number {
  const change = changeOf(current, previous);
  if (change === null || change === 0) return 0;
  const against = better === 'higher' ? -change : change;
  if (against <= 0) return 0;
  return unit === 'count' ? (against * 100) / Math.max(previous ?? 0, 1) : against;
}

/** The direction of a change as the card shows it: up, down or flat; null when unknown. */
export function direction(change: number | null): 'up' | 'down' | 'flat' | null {
  if (change === null) return null;
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}

/** Whether a change is good, bad or neither for a figure whose `better` direction is given. */
export function verdict(change: number | null, better: Better): 'good' | 'bad' | 'neutral' | null {
  if (change === null) return null;
  if (change === 0) return 'neutral';
  return change > 0 === (better === 'higher') ? 'good' : 'bad';
}

export type Moving<K extends string> = {
  key: K;
  unit: 'percent' | 'count' | 'points';
  better: Better;
  current: number | null;
  previous: number | null;
};

/** The `n` figures that moved most against their good direction, worst first (ties: the order given). */
export function worstMoving<K extends string>(
  figures: readonly Moving<K>[],
  n: number,
): (Moving<K> & { change: number; score: number })[] {
  return figures
    .map((f, i) => ({ f, i, score: adverseScore(f.unit, f.better, f.current, f.previous) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, Math.max(0, n))
    .map(({ f, score }) => ({ ...f, change: changeOf(f.current, f.previous)!, score }));
}

// ---------------------------------------------------------------------------------------------------
// Where work is stuck

export type OverdueFact<Kind extends string> = { kind: Kind; unitId: string; daysOverdue: number };

export type UnitOverdue<Kind extends string> = {
  unitId: string;
  total: number;
  byKind: Partial<Record<Kind, number>>;
  /** The longest overdue of the unit's items, in the kinds' own days. */
  maxDaysOverdue: number;
};

/**
 * Overdue items by unit and kind, the units with the most first (then the longest overdue, then the unit's order
 * in `names`, Vietnamese collation of their names).
 */
export function overdueByUnit<Kind extends string>(
  items: readonly OverdueFact<Kind>[],
  names: ReadonlyMap<string, string> = new Map(),
): UnitOverdue<Kind>[] {
  const by = new Map<string, UnitOverdue<Kind>>();
  for (const i of items) {
    const u: UnitOverdue<Kind> = by.get(i.unitId) ?? {
      unitId: i.unitId,
      total: 0,
      byKind: {},
      maxDaysOverdue: 0,
    };
    u.total += 1;
    const byKind: Partial<Record<Kind, number>> = u.byKind;
    byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
    u.maxDaysOverdue = Math.max(u.maxDaysOverdue, i.daysOverdue);
    by.set(i.unitId, u);
  }
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  return [...by.values()].sort(
    (a, b) =>
      b.total - a.total ||
      b.maxDaysOverdue - a.maxDaysOverdue ||
      collator.compare(names.get(a.unitId) ?? '', names.get(b.unitId) ?? '') ||
      a.unitId.localeCompare(b.unitId),
  );
}
