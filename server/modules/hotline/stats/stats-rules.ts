/**
 * The hotline's statistics (issue 14, point 7) — pure: what a case was on a day, the figures of a period with
 * the cases behind each, grouping, month windows. The service loads the facts; these rules count them, on top
 * of the QĐ 766 formulas of ../rules/indicators.ts (never a second copy of them).
 *
 * Two cohorts, as a report reads them:
 * - **received in the period** (`received`), split by where each case stood on the as-of day: in triage,
 *   in progress (a unit handles it, or its answer awaits review), answered and published, not accepted,
 *   forwarded, merged into another case — the split adds up to `received`;
 * - **answered in the period** (QĐ 766/QĐ-TTg of 23/6/2022): the cases within authority whose answer was
 *   published in it (`answered`, the denominator of both rates), on time or late, rated satisfied, not
 *   satisfied or not rated; the two rates with numerator, denominator and value (null when 0/0); the average
 *   working days from receipt to the published answer.
 * `overdue` is the stock of cases still open and past their deadline on the period's last day (or the as-of
 * day, if earlier), whenever they were received, so a late backlog is seen.
 *
 * The as-of day (default today) is the day the figures are read as of: a case received later is not there, a
 * step taken later is not taken yet (the case's status steps, by the day each took effect), a rating given
 * later is not given. The deadline is the case's current one (an extension recorded after the as-of day
 * already counts — the work events keep the old one only in words).
 */
import type { Calendar, IsoDate } from '../../calendar/index.js';
import type { CaseStatus, Classification } from '../case-rules.js';
import type { Channel } from '../hotline.table.js';
import { summarise, type Period, type TracedRatio } from '../rules/indicators.js';
import type { HotlineSlaRules } from '../rules/sla.js';

/** A case as it stood on the as-of day: what the figures count. */
export type StatsCase = {
  id: string;
  channel: Channel;
  categoryId: string | null;
  /** The unit that handles it (as it was; null while in triage, refused, forwarded or merged). */
  handlingUnitId: string | null;
  receivedOn: IsoDate;
  status: CaseStatus;
  /** Null while unclassified. */
  classification: Classification | null;
  /** The deadline it is held to: the triage deadline while unclassified, else the answer's. */
  dueDate: IsoDate;
  /** The day it was closed (answer published, refused, forwarded, merged); null while open. */
  answeredOn: IsoDate | null;
  rating: 'satisfied' | 'not_satisfied' | null;
};

/** A case as stored, without any personal data (the service never selects the submitter's columns). */
export type StoredCase = {
  id: string;
  channel: Channel;
  categoryId: string | null;
  handlingUnitId: string | null;
  receivedOn: IsoDate;
  status: CaseStatus;
  classification: Classification | null;
  triageDueDate: IsoDate;
  dueDate: IsoDate | null;
  publishedOn: IsoDate | null;
  closedOn: IsoDate | null;
  satisfaction: 'satisfied' | 'not_satisfied' | null;
  /** The day (Vietnam) of the rating, when rated. */
  ratedOn: IsoDate | null;
  /** Written to after the as-of day: its state then comes from its status steps. */
  changedAfter: boolean;
};

/** One status step of a case (the work engine's events), in effective order; the receipt has no `fromStatus`. */
export type StatusStep = { on: IsoDate; fromStatus: string | null; toStatus: string | null };

const CLOSED: readonly CaseStatus[] = ['published', 'not_accepted', 'forwarded', 'merged'];
const ANSWERED: readonly Classification[] = ['within_authority', 'behaviour'];

/**
 * What a case was on `asOf` (null when it was not yet received). A case untouched since then is what it is
 * now; otherwise its status is that of its last step on or before `asOf` (none: still in triage) and it closed
 * on the day of the step that moved it into that status.
 */
export function caseAsOf(row: StoredCase, steps: readonly StatusStep[], asOf: IsoDate): StatsCase | null {
  if (row.receivedOn > asOf) return null;
  let status: CaseStatus = row.status;
  let closedOn: IsoDate | null =
    row.status === 'published'
      ? (row.publishedOn ?? row.closedOn)
      : CLOSED.includes(row.status)
        ? row.closedOn
        : null;
  if (row.changedAfter && steps.length) {
    // By the day each took effect; on one day the receipt comes first, whatever time the others were noted.
    const taken = steps
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.on <= asOf && s.toStatus)
      .sort((a, b) =>
        a.s.on !== b.s.on
          ? a.s.on < b.s.on
            ? -1
            : 1
          : Number(a.s.fromStatus !== null) - Number(b.s.fromStatus !== null) || a.i - b.i,
      )
      .map(({ s }) => s);
    const last = taken[taken.length - 1];
    status = (last?.toStatus as CaseStatus | undefined) ?? 'received';
    const into = [...taken].reverse().find((s) => s.toStatus === status && s.fromStatus !== status);
    closedOn = CLOSED.includes(status) ? (into?.on ?? last?.on ?? null) : null;
  }
  const classified = status !== 'received';
  const classification = classified ? row.classification : null;
  const answers = classification !== null && ANSWERED.includes(classification);
  const rated = row.satisfaction !== null && (row.ratedOn === null || row.ratedOn <= asOf);
  return {
    id: row.id,
    channel: row.channel,
    categoryId: row.categoryId,
    handlingUnitId: classified ? row.handlingUnitId : null,
    receivedOn: row.receivedOn,
    status,
    classification,
    dueDate: answers && row.dueDate ? row.dueDate : row.triageDueDate,
    answeredOn: closedOn,
    rating: status === 'published' && rated ? row.satisfaction : null,
  };
}

/** The figures a number on the page can be opened into (each lists exactly the cases it counts). */
export const FIGURES = [
  'received',
  'inTriage',
  'inProgress',
  'published',
  'notAccepted',
  'forwarded',
  'merged',
  'answered',
  'onTime',
  'late',
  'overdue',
  'satisfied',
  'notSatisfied',
  'notRated',
  /** The numerator of the satisfaction rate: answered on time and not rated "not satisfied". */
  'satisfactionNumerator',
] as const;
export type FigureKey = (typeof FIGURES)[number];

/** A period's figures, each with the ids of its cases. */
export type TracedFigures = {
  ids: Record<FigureKey, string[]>;
  onTimeRate: TracedRatio;
  satisfactionRate: TracedRatio;
  /** Mean working days from receipt to the published answer, over `answered`; null when none. */
  avgWorkingDays: number | null;
};

/** The same, as numbers (what a response carries). */
export type Figures = Record<Exclude<FigureKey, 'satisfactionNumerator'>, number> & {
  onTimeRate: Ratio;
  satisfactionRate: Ratio;
  avgWorkingDays: number | null;
};
export type Ratio = { numerator: number; denominator: number; value: number | null };

export type StatsContext = { rules: HotlineSlaRules; calendar: Calendar; asOf: IsoDate };

const IN_PROGRESS: readonly CaseStatus[] = ['assigned', 'answered'];

/** The figures of `period` over these cases (as they stood on `context.asOf`). */
export function figuresOf(cases: readonly StatsCase[], period: Period, context: StatsContext): TracedFigures {
  const known = cases.filter((c) => c.receivedOn <= context.asOf);
  const { total } = summarise(known, period, { ...context, today: context.asOf });
  const byId = new Map(known.map((c) => [c.id, c]));
  const received = total.received.ids;
  const withStatus = (...statuses: CaseStatus[]) =>
    received.filter((id) => statuses.includes(byId.get(id)!.status));
  const answered = total.onTimeRate.denominatorIds;
  const rated = new Set([...total.satisfied.ids, ...total.notSatisfied.ids]);
  const days = answered.map((id) => {
    const c = byId.get(id)!;
    return Math.max(0, context.calendar.workingDaysBetween(c.receivedOn, c.answeredOn!));
  });
  return {
    ids: {
      received,
      inTriage: withStatus('received'),
      inProgress: withStatus(...IN_PROGRESS),
      published: withStatus('published'),
      notAccepted: withStatus('not_accepted'),
      forwarded: withStatus('forwarded'),
      merged: withStatus('merged'),
      answered,
      onTime: total.onTime.ids,
      late: total.late.ids,
      overdue: total.overdue.ids,
      satisfied: total.satisfied.ids,
      notSatisfied: total.notSatisfied.ids,
      notRated: answered.filter((id) => !rated.has(id)),
      satisfactionNumerator: total.satisfaction.numeratorIds,
    },
    onTimeRate: total.onTimeRate,
    satisfactionRate: total.satisfaction,
    avgWorkingDays: days.length ? days.reduce((n, d) => n + d, 0) / days.length : null,
  };
}

const ratio = (r: TracedRatio): Ratio => ({
  numerator: r.numerator,
  denominator: r.denominator,
  value: r.value,
});

/** The figures as numbers. */
export function countsOf(f: TracedFigures): Figures {
  const n = (k: FigureKey) => f.ids[k].length;
  return {
    received: n('received'),
    inTriage: n('inTriage'),
    inProgress: n('inProgress'),
    published: n('published'),
    notAccepted: n('notAccepted'),
    forwarded: n('forwarded'),
    merged: n('merged'),
    answered: n('answered'),
    onTime: n('onTime'),
    late: n('late'),
    overdue: n('overdue'),
    satisfied: n('satisfied'),
    notSatisfied: n('notSatisfied'),
    notRated: n('notRated'),
    onTimeRate: ratio(f.onTimeRate),
    satisfactionRate: ratio(f.satisfactionRate),
    avgWorkingDays: f.avgWorkingDays,
  };
}

/** Every case some figure counts (the cases sheet of the export), in the order first counted. */
export function countedIds(f: TracedFigures): string[] {
  return [...new Set(FIGURES.flatMap((k) => f.ids[k]))];
}

/**
 * Cases by group key: `keysOf` gives each case's keys — one, or several when its unit is carried by several
 * today (restated: the case counts whole in each) — and null for "no group" (e.g. not yet given to a unit).
 */
export function groupCases<C>(
  cases: readonly C[],
  keysOf: (c: C) => readonly (string | null)[],
): Map<string | null, C[]> {
  const out = new Map<string | null, C[]>();
  for (const c of cases)
    for (const key of new Set(keysOf(c))) {
      const list = out.get(key);
      if (list) list.push(c);
      else out.set(key, [c]);
    }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The calendar months of a period, each clipped to it, up to the month of `until` (months not begun on the
 * as-of day have nothing to show): `key` is `YYYY-MM`.
 */
export function monthWindows(period: Period, until: IsoDate): (Period & { key: string })[] {
  const out: (Period & { key: string })[] = [];
  const end = until < period.to ? until : period.to;
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  for (;;) {
    const first = `${year}-${pad(month)}-01`;
    if (first > end) break;
    const last = `${year}-${pad(month)}-${pad(lastDayOf(year, month))}`;
    out.push({
      key: `${year}-${pad(month)}`,
      from: first < period.from ? period.from : first,
      to: last > period.to ? period.to : last,
    });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/** For each case counted as answered: whether on time (true) or late (false); null for the others. */
export function onTimeOf(f: TracedFigures): (id: string) => boolean | null {
  const onTime = new Set(f.ids.onTime);
  const late = new Set(f.ids.late);
  return (id) => (onTime.has(id) ? true : late.has(id) ? false : null);
}
