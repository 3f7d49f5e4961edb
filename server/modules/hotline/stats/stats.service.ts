/**
 * The hotline's statistics (issue 14, point 7): received, in triage, in progress, answered on time or late,
 * overdue, not accepted, forwarded, satisfaction — by handling unit (as it was, or restated onto today's
 * units), category, channel or month — with the two QĐ 766/QĐ-TTg feedback rates, every number openable into
 * its cases, and the Excel file. Also the public surface the dossier dashboard's QĐ 766 score reads
 * (`feedbackQd766…`): the same formulas over the same cases, for a period and units.
 *
 * Reads: one query for the cases (their facts only — never the submitter's columns), one for the status steps
 * of those changed after the as-of day (none when reading as of today), the calendar, one resolver call for
 * the units' names or carriers, one for the categories.
 */
import { and, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../../core/context.js';
import { todayInVietnam } from '../../../core/dates.js';
import { unauthenticated } from '../../../core/errors.js';
import type { Db } from '../../../db/client.js';
import { allow } from '../../access/policy.js';
import { addDays, type Calendar, type IsoDate } from '../../calendar/index.js';
import { loadCalendar } from '../../calendar/calendar.service.js';
import { carriersOn } from '../../units/carriers.service.js';
import { ancestorPaths, subtreeSql, unitDisplayName, viCollator } from '../../units/units.service.js';
import { listEvents } from '../../work/work.service.js';
import type { CaseStatus, Classification } from '../case-rules.js';
import { casePolicy, HOTLINE_READERS, HOTLINE_ROLES } from '../hotline.policy.js';
import { CHANNELS, feedbackCases } from '../hotline.table.js';
import type { Period } from '../rules/indicators.js';
import { DEFAULT_HOTLINE_SLA } from '../rules/sla.js';
import { categoriesByIds } from '../settings.service.js';
import {
  caseAsOf,
  countedIds,
  countsOf,
  figuresOf,
  groupCases,
  monthWindows,
  onTimeOf,
  type FigureKey,
  type Ratio,
  type StatsCase,
  type StatusStep,
  type StoredCase,
  type TracedFigures,
} from './stats-rules.js';
import type {
  StatsCaseOut,
  StatsCasesOut,
  StatsCasesQuery,
  StatsGroupOut,
  StatsOut,
  StatsQuery,
} from './stats.schemas.js';
import { statsWorkbook } from './stats-workbook.js';

const minDay = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/** The midnight (Vietnam) that ends a day: a case written at or after it changed after that day. */
const endOf = (day: IsoDate) => new Date(`${addDays(day, 1)}T00:00:00+07:00`);

/**
 * The indicator rules only tell "due soon" from "on time" among open cases, which no figure asks; the
 * deadlines themselves are each case's own (set from the version it was received under).
 */
const RULES = DEFAULT_HOTLINE_SLA;

type Row = StoredCase & { code: string; title: string; provinceId: string };

const COLUMNS = {
  id: feedbackCases.id,
  code: feedbackCases.code,
  title: feedbackCases.title,
  channel: feedbackCases.channel,
  provinceId: feedbackCases.provinceId,
  categoryId: feedbackCases.categoryId,
  handlingUnitId: feedbackCases.handlingUnitId,
  receivedOn: feedbackCases.receivedOn,
  status: feedbackCases.status,
  classification: feedbackCases.classification,
  triageDueDate: feedbackCases.triageDueDate,
  dueDate: feedbackCases.dueDate,
  publishedOn: feedbackCases.publishedOn,
  closedOn: feedbackCases.closedOn,
  satisfaction: feedbackCases.satisfaction,
  ratedAt: feedbackCases.ratedAt,
  updatedAt: feedbackCases.updatedAt,
};

/**
 * The cases that can count in a period read as of `asOf`: received by the stock day, and received in the
 * period, or not closed before it, or changed since the as-of day (then perhaps open on it).
 */
async function loadRows(db: Db, where: SQL | undefined, period: Period, asOf: IsoDate): Promise<Row[]> {
  const stockDay = minDay(period.to, asOf);
  const after = endOf(asOf);
  const found = await db
    .select(COLUMNS)
    .from(feedbackCases)
    .where(
      and(
        where,
        lte(feedbackCases.receivedOn, stockDay),
        or(
          gte(feedbackCases.receivedOn, period.from),
          isNull(feedbackCases.closedOn),
          gte(feedbackCases.closedOn, period.from),
          gte(feedbackCases.publishedOn, period.from),
          gte(feedbackCases.updatedAt, after),
        ),
      ),
    );
  return found.map(({ ratedAt, updatedAt, ...r }) => ({
    ...r,
    status: r.status as CaseStatus,
    classification: r.classification as Classification | null,
    ratedOn: ratedAt ? todayInVietnam(ratedAt) : null,
    changedAfter: updatedAt.getTime() >= after.getTime(),
  }));
}

/** The status steps of the cases changed after the as-of day (the others are as they are now). */
async function stepsOf(db: Db, rows: readonly Row[]): Promise<Map<string, StatusStep[]>> {
  const ids = rows.filter((r) => r.changedAfter).map((r) => r.id);
  const out = new Map<string, StatusStep[]>();
  for (let i = 0; i < ids.length; i += 5000) {
    const events = await listEvents(db, 'feedback_case', ids.slice(i, i + 5000), {
      statusChangesOnly: true,
      withFiles: false,
    });
    for (const e of events) {
      const list = out.get(e.itemId) ?? [];
      list.push({ on: e.on, fromStatus: e.fromStatus, toStatus: e.toStatus });
      out.set(e.itemId, list);
    }
  }
  return out;
}

function asOfCases(rows: readonly Row[], steps: Map<string, StatusStep[]>, asOf: IsoDate): StatsCase[] {
  return rows.flatMap((r) => {
    const c = caseAsOf(r, steps.get(r.id) ?? [], asOf);
    return c ? [c] : [];
  });
}

function requireActor(ctx: RequestContext) {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/**
 * The cases the caller may read, as the case list finds them (../cases.service.ts): the province's for the
 * office and the committee, a unit's (and below) for its people — candidates in SQL from the grants' roots,
 * then each confirmed by the case policy (an inherited grant over an abolished district alone covers no
 * commune of it).
 */
async function visibleRows(ctx: RequestContext, period: Period, asOf: IsoDate): Promise<Row[]> {
  const actor = requireActor(ctx);
  const province = actor.rootsFor(HOTLINE_READERS);
  const units = actor.rootsFor(HOTLINE_ROLES);
  const parts: SQL[] = [];
  if (province.length) parts.push(sql`${feedbackCases.provinceId} IN (${subtreeSql(province)})`);
  if (units.length) parts.push(sql`${feedbackCases.handlingUnitId} IN (${subtreeSql(units)})`);
  if (!parts.length) return [];
  const rows = await loadRows(ctx.db, or(...parts), period, asOf);
  const paths = await ancestorPaths(ctx.db, [
    ...new Set(rows.flatMap((r) => [r.provinceId, ...(r.handlingUnitId ? [r.handlingUnitId] : [])])),
  ]);
  return rows.filter((r) =>
    allow(casePolicy, actor, 'read', {
      provincePath: paths.get(r.provinceId) ?? [r.provinceId],
      unitPath: r.handlingUnitId ? (paths.get(r.handlingUnitId) ?? [r.handlingUnitId]) : null,
    }),
  );
}

type UnitName = { name: string; ended: boolean };

/** Units' names as they were on `day` (a unit ended before it: as on its last day), by the units' resolver. */
async function unitNamesOn(db: Db, ids: readonly string[], day: IsoDate, today: IsoDate) {
  const out = new Map<string, UnitName>();
  for (const [id, c] of await carriersOn(db, ids, day))
    if (c.unit)
      out.set(id, { name: unitDisplayName(c.unit), ended: !!c.unit.validTo && c.unit.validTo < today });
  return out;
}

type Group = {
  key: string | null;
  name: { vi: string; en: string } | null;
  ended: boolean;
  restatedFrom: string[];
  cases: StatsCase[];
  period: Period;
};

const NONE = 'none';

async function groupsOf(
  db: Db,
  cases: readonly StatsCase[],
  q: Pick<StatsQuery, 'from' | 'to' | 'groupBy' | 'restated'>,
  days: { asOf: IsoDate; stockDay: IsoDate; today: IsoDate },
): Promise<Group[]> {
  const period = { from: q.from, to: q.to };
  const plain = (key: string | null, list: StatsCase[], p: Period = period): Group => ({
    key,
    name: null,
    ended: false,
    restatedFrom: [],
    cases: list,
    period: p,
  });
  switch (q.groupBy) {
    case 'month':
      // Each month is a period of its own: received, answered in it, overdue at its end.
      return monthWindows(period, days.asOf).map((w) => plain(w.key, [...cases], w));
    case 'channel': {
      const by = groupCases(cases, (c) => [c.channel]);
      return CHANNELS.filter((ch) => by.has(ch)).map((ch) => plain(ch, by.get(ch)!));
    }
    case 'category': {
      const by = groupCases(cases, (c) => [c.categoryId]);
      const names = await categoriesByIds(
        db,
        [...by.keys()].filter((k): k is string => !!k),
      );
      return [...by.entries()]
        .map(([key, list]) => {
          const c = key ? names.get(key) : undefined;
          return { ...plain(key, list), name: c ? { vi: c.nameVi, en: c.nameEn } : null };
        })
        .sort(byName);
    }
    case 'unit': {
      const ids = [...new Set(cases.map((c) => c.handlingUnitId).filter((x): x is string => !!x))];
      if (!q.restated) {
        const names = await unitNamesOn(db, ids, days.stockDay, days.today);
        const by = groupCases(cases, (c) => [c.handlingUnitId]);
        return [...by.entries()]
          .map(([key, list]) => {
            const n = key ? names.get(key) : undefined;
            return {
              ...plain(key, list),
              name: key ? { vi: n?.name ?? key, en: n?.name ?? key } : null,
              ended: n?.ended ?? false,
            };
          })
          .sort(byName);
      }
      // Restated: each case counts for every unit that carries its handling unit today (whole in each).
      const carried = await carriersOn(db, ids, days.today);
      const carriersOf = new Map<string, string[]>();
      const names = new Map<string, UnitName>();
      const from = new Map<string, Set<string>>();
      for (const id of ids) {
        const c = carried.get(id);
        const list = c && c.status === 'carried' ? c.carriers : [];
        if (c?.unit)
          names.set(id, {
            name: unitDisplayName(c.unit),
            ended: !!c.unit.validTo && c.unit.validTo < days.today,
          });
        carriersOf.set(id, list.length ? list.map((s) => s.unitId) : [id]);
        for (const s of list) {
          names.set(s.unitId, { name: unitDisplayName(s.unit), ended: false });
          from.set(s.unitId, (from.get(s.unitId) ?? new Set()).add(id));
        }
      }
      const by = groupCases(cases, (c) => (c.handlingUnitId ? carriersOf.get(c.handlingUnitId)! : [null]));
      return [...by.entries()]
        .map(([key, list]) => {
          const n = key ? names.get(key) : undefined;
          return {
            ...plain(key, list),
            name: key ? { vi: n?.name ?? key, en: n?.name ?? key } : null,
            ended: n?.ended ?? false,
            restatedFrom: key
              ? [...(from.get(key) ?? [])]
                  .filter((id) => id !== key)
                  .map((id) => names.get(id)?.name ?? id)
                  .sort(viCollator.compare)
              : [],
          };
        })
        .sort(byName);
    }
  }
}

/** Named groups in Vietnamese order, the group without a key last. */
function byName(a: Pick<Group, 'key' | 'name'>, b: Pick<Group, 'key' | 'name'>): number {
  if (a.key === null || b.key === null) return a.key === null ? (b.key === null ? 0 : 1) : -1;
  return viCollator.compare(a.name?.vi ?? a.key, b.name?.vi ?? b.key) || (a.key < b.key ? -1 : 1);
}

type Computed = {
  asOf: IsoDate;
  stockDay: IsoDate;
  today: IsoDate;
  rows: Map<string, Row>;
  cases: StatsCase[];
  total: TracedFigures;
  groups: (Omit<Group, 'cases' | 'period'> & { figures: TracedFigures })[];
  calendar: Calendar;
};

async function compute(
  ctx: RequestContext,
  q: Pick<StatsQuery, 'from' | 'to' | 'groupBy' | 'restated' | 'asOf'>,
): Promise<Computed> {
  const today = todayInVietnam();
  const asOf = q.asOf ?? today;
  const period = { from: q.from, to: q.to };
  const stockDay = minDay(q.to, asOf);
  const rows = await visibleRows(ctx, period, asOf);
  const steps = await stepsOf(ctx.db, rows);
  const cases = asOfCases(rows, steps, asOf);
  const calendar = await loadCalendar(ctx.db);
  const context = { rules: RULES, calendar, asOf };
  const groups = await groupsOf(ctx.db, cases, q, { asOf, stockDay, today });
  return {
    asOf,
    stockDay,
    today,
    rows: new Map(rows.map((r) => [r.id, r])),
    cases,
    calendar,
    total: figuresOf(cases, period, context),
    // A group whose cases count in no figure (e.g. open since before the period, not yet late) is left out;
    // every month is shown, even an empty one.
    groups: groups
      .map(({ cases: list, period: p, ...g }) => ({ ...g, figures: figuresOf(list, p, context) }))
      .filter((g) => q.groupBy === 'month' || countedIds(g.figures).length > 0),
  };
}

/** The figures of a period for the caller's cases: in total and by unit, category, channel or month. */
export async function hotlineStats(ctx: RequestContext, q: StatsQuery): Promise<StatsOut> {
  return present(await compute(ctx, q), q);
}

function present(c: Computed, q: StatsQuery): StatsOut {
  return {
    from: q.from,
    to: q.to,
    asOf: c.asOf,
    stockDay: c.stockDay,
    groupBy: q.groupBy,
    restated: q.groupBy === 'unit' && q.restated,
    total: countsOf(c.total),
    groups: c.groups.map((g): StatsGroupOut => ({
      key: g.key,
      name: g.name,
      ended: g.ended,
      restatedFrom: g.restatedFrom,
      figures: countsOf(g.figures),
    })),
  };
}

/** Cases in the order lists show them: received last first, then by code. */
function newestFirst(rows: Map<string, Row>) {
  return (a: string, b: string) => {
    const x = rows.get(a)!;
    const y = rows.get(b)!;
    return x.receivedOn !== y.receivedOn ? (x.receivedOn < y.receivedOn ? 1 : -1) : x.code < y.code ? 1 : -1;
  };
}

/** The rows of cases as the drawer and the Excel file show them (names as they were). */
async function presentCases(db: Db, c: Computed, ids: readonly string[]): Promise<StatsCaseOut[]> {
  const byId = new Map(c.cases.map((x) => [x.id, x]));
  const chosen = ids.map((id) => byId.get(id)!);
  const units = await unitNamesOn(
    db,
    [...new Set(chosen.map((x) => x.handlingUnitId).filter((u): u is string => !!u))],
    c.stockDay,
    c.today,
  );
  const categories = await categoriesByIds(
    db,
    chosen.map((x) => x.categoryId ?? ''),
  );
  const onTime = onTimeOf(c.total);
  return chosen.map((x) => {
    const row = c.rows.get(x.id)!;
    const category = x.categoryId ? categories.get(x.categoryId) : undefined;
    return {
      id: x.id,
      code: row.code,
      title: row.title,
      channel: x.channel,
      category: category ? { vi: category.nameVi, en: category.nameEn } : null,
      unit: x.handlingUnitId ? (units.get(x.handlingUnitId)?.name ?? null) : null,
      receivedOn: x.receivedOn,
      status: x.status,
      dueDate: x.dueDate,
      answeredOn: x.answeredOn,
      onTime: onTime(x.id),
      satisfaction: x.rating,
    };
  });
}

/**
 * The cases behind one number (a figure of the total or of a group): the same computation as the figures,
 * so the list is exactly what was counted; a page of them, received last first.
 */
export async function hotlineStatsCases(ctx: RequestContext, q: StatsCasesQuery): Promise<StatsCasesOut> {
  const c = await compute(ctx, q);
  const wanted = q.group === undefined ? undefined : q.group === NONE ? null : q.group;
  const figures = wanted === undefined ? c.total : c.groups.find((g) => g.key === wanted)?.figures;
  const ids = figures ? [...figures.ids[q.figure as FigureKey]].sort(newestFirst(c.rows)) : [];
  return {
    figure: q.figure,
    group: wanted === undefined ? null : (wanted ?? NONE),
    asOf: c.asOf,
    count: ids.length,
    items: await presentCases(ctx.db, c, ids.slice(q.offset, q.offset + q.limit)),
  };
}

/**
 * The Excel file: the figures by group with the formulas' basis (QĐ 766/QĐ-TTg of 23/6/2022), and every case
 * counted (code, dates, category, unit, channel, status, on time, satisfaction — never who sent it).
 */
export async function hotlineStatsFile(ctx: RequestContext, q: StatsQuery) {
  const c = await compute(ctx, q);
  const ids = countedIds(c.total).sort((a, b) => -newestFirst(c.rows)(a, b));
  return statsWorkbook(present(c, q), await presentCases(ctx.db, c, ids));
}

// ---------------------------------------------------------------------------------------------------
// For the dossier dashboard's QĐ 766 score (other modules: through these functions only)

/** The two QĐ 766 feedback criteria, with their numerator and denominator (value null when 0/0). */
export type PaknQd766 = { pakn_on_time: Ratio; pakn_satisfaction: Ratio };

/**
 * Which cases count: those handled by these units (and, with `subtree` — the default — by the units below
 * them); with `restated`, by the units that carry the handling units today. No `unitIds` (null): every case.
 */
export type PaknScope = { unitIds?: readonly string[] | null; subtree?: boolean; restated?: boolean };

/** The cases answered within authority in a window (only those count in the two rates), as of today. */
async function answeredCases(db: Db, from: IsoDate, to: IsoDate) {
  const today = todayInVietnam();
  const rows = await loadRows(
    db,
    and(
      sql`${feedbackCases.status} = 'published'`,
      inArray(feedbackCases.classification, ['within_authority', 'behaviour']),
      gte(feedbackCases.publishedOn, from),
      lte(feedbackCases.publishedOn, to),
    ),
    { from, to },
    today,
  );
  return { today, cases: asOfCases(rows, new Map(), today), calendar: await loadCalendar(db) };
}

/** For each handling unit, the asked units it counts for (the scope's rule). */
async function scopeOf(
  db: Db,
  handlingIds: readonly string[],
  scope: PaknScope & { unitIds: readonly string[] },
  today: IsoDate,
): Promise<Map<string, string[]>> {
  const asked = new Set(scope.unitIds);
  const ids = [...new Set(handlingIds)];
  const identities = new Map<string, string[]>(ids.map((id) => [id, [id]]));
  if (scope.restated)
    for (const [id, c] of await carriersOn(db, ids, today))
      if (c.status === 'carried')
        identities.set(
          id,
          c.carriers.map((s) => s.unitId),
        );
  const paths =
    scope.subtree === false ? null : await ancestorPaths(db, [...new Set([...identities.values()].flat())]);
  const out = new Map<string, string[]>();
  for (const [id, list] of identities) {
    const reach = paths ? list.flatMap((u) => paths.get(u) ?? [u]) : list;
    out.set(id, [...new Set(reach.filter((u) => asked.has(u)))]);
  }
  return out;
}

const ratioOf = (r: { numerator: number; denominator: number; value: number | null }): Ratio => ({
  numerator: r.numerator,
  denominator: r.denominator,
  value: r.value,
});

function qd766Of(cases: readonly StatsCase[], period: Period, calendar: Calendar, today: IsoDate): PaknQd766 {
  const f = figuresOf(cases, period, { rules: RULES, calendar, asOf: today });
  return { pakn_on_time: ratioOf(f.onTimeRate), pakn_satisfaction: ratioOf(f.satisfactionRate) };
}

/**
 * QĐ 766/QĐ-TTg's two feedback criteria for a period (answers published in it) and units: PAKN handled on
 * time / handled within authority, and (handled − rated not satisfied or late) / handled.
 */
export async function feedbackQd766(
  db: Db,
  q: { from: IsoDate; to: IsoDate } & PaknScope,
): Promise<PaknQd766> {
  const { today, cases, calendar } = await answeredCases(db, q.from, q.to);
  let kept = cases;
  if (q.unitIds) {
    const scope = await scopeOf(
      db,
      cases.map((c) => c.handlingUnitId!).filter(Boolean),
      { ...q, unitIds: q.unitIds },
      today,
    );
    kept = cases.filter((c) => !!c.handlingUnitId && (scope.get(c.handlingUnitId)?.length ?? 0) > 0);
  }
  return qd766Of(kept, { from: q.from, to: q.to }, calendar, today);
}

/** `feedbackQd766` for each of these units (a ranking's rows), from one read of the cases. */
export async function feedbackQd766ByUnit(
  db: Db,
  q: { from: IsoDate; to: IsoDate; unitIds: readonly string[]; subtree?: boolean; restated?: boolean },
): Promise<Map<string, PaknQd766>> {
  const out = new Map<string, PaknQd766>();
  if (!q.unitIds.length) return out;
  const { today, cases, calendar } = await answeredCases(db, q.from, q.to);
  const scope = await scopeOf(db, cases.map((c) => c.handlingUnitId!).filter(Boolean), q, today);
  const by = groupCases(cases, (c) => (c.handlingUnitId ? (scope.get(c.handlingUnitId) ?? []) : []));
  for (const id of new Set(q.unitIds))
    out.set(id, qd766Of(by.get(id) ?? [], { from: q.from, to: q.to }, calendar, today));
  return out;
}

/** `feedbackQd766` for each of several periods (a trend's months), from one read of the cases. */
export async function feedbackQd766ByPeriod(
  db: Db,
  q: { periods: readonly Period[] } & PaknScope,
): Promise<PaknQd766[]> {
  if (!q.periods.length) return [];
  const from = q.periods.reduce((d, p) => minDay(d, p.from), q.periods[0]!.from);
  const to = q.periods.reduce((d, p) => (p.to > d ? p.to : d), q.periods[0]!.to);
  const { today, cases, calendar } = await answeredCases(db, from, to);
  let kept = cases;
  if (q.unitIds) {
    const scope = await scopeOf(
      db,
      cases.map((c) => c.handlingUnitId!).filter(Boolean),
      { ...q, unitIds: q.unitIds },
      today,
    );
    kept = cases.filter((c) => !!c.handlingUnitId && (scope.get(c.handlingUnitId)?.length ?? 0) > 0);
  }
  return q.periods.map((p) => qd766Of(kept, p, calendar, today));
}

/** The criterion values a QĐ 766 score takes (`qd766Score({ ...dossierCriteria(i), ...paknCriteria(p) })`). */
export function paknCriteria(p: PaknQd766 | undefined): {
  pakn_on_time: number | null;
  pakn_satisfaction: number | null;
} {
  return {
    pakn_on_time: p?.pakn_on_time.value ?? null,
    pakn_satisfaction: p?.pakn_satisfaction.value ?? null,
  };
}
