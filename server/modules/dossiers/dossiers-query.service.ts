/**
 * Dossier dashboard reads: figures of a scope (province, a unit, a procedure) broken down by unit,
 * procedure or field, a monthly trend, and the dossiers behind any number (keyset-paginated).
 * Figures read the daily rollups only; the list reads dossiers, selecting those whose stored
 * contribution adds to the number (dossiers-query.rules.ts), so it lists exactly what was counted.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { AppError, notFound, unauthenticated, validation } from '../../core/errors.js';
import { rows as sqlRows, type Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { allow, authorize } from '../access/policy.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { carriersOn } from '../units/carriers.service.js';
import { restateMany } from '../units/lineage.service.js';
import { ancestorPaths, unitFacts, viCollator } from '../units/units.service.js';
import { classify, minDay } from './dossier-timing.js';
import { decodeCursor, encodeCursor, type Cursor } from './dossiers-query.cursor.js';
import {
  DRILL_CLASSES,
  endedBy,
  monthsOf,
  rankRows,
  RANKING_RULE,
  shownInRanking,
  trafficLight,
  type Term,
} from './dossiers-query.rules.js';
import { countCatalogue, onlineRateByLevel, type LevelFlow, type OnlineLevel } from './online-levels.js';
import type {
  BreakdownQuery,
  BreakdownResponse,
  DossierListQuery,
  DossierListResponse,
  ScopeQuery,
  TrendResponse,
} from './dossiers-query.schemas.js';
import { DOSSIER_READ_ROLES, dossierUnitPolicy } from './dossiers.policy.js';
import { dossierProcedures, dossiers } from './dossiers.table.js';
import { computeIndicators, dossierCriteria } from './indicators.js';
import { qd766Score } from './qd766.js';
import { dossierRulesFor } from './settings/dossiers-settings.service.js';
import {
  ALL_PROCEDURES,
  COUNTER_CODE,
  COUNTERS,
  emptyCounters,
  prefixSum,
  totalsFromPrefixes,
  type Counters,
  type Grain,
  type PeriodTotals,
} from './rollup.js';
import { addInto, COLUMN, emptyTotals, periodTotalsSql, prefixRowsSql, totalsOfRow } from './rollup-sql.js';
import { addDays } from '../calendar/index.js';
import {
  feedbackQd766,
  feedbackQd766ByPeriod,
  feedbackQd766ByUnit,
  paknCriteria,
  type PaknQd766,
  type PaknScope,
} from '../hotline/stats/stats.service.js';
import {
  surveySatisfaction,
  surveySatisfactionByPeriod,
  surveySatisfactionByUnit,
} from '../surveys/qd766-figures.service.js';

function reader(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  if (!ctx.actor.hasRole(...DOSSIER_READ_ROLES)) throw new AppError(403, 'FORBIDDEN', 'error.forbidden');
  return ctx.actor;
}

type Rules = Awaited<ReturnType<typeof dossierRulesFor>>;

/** Whether a version of the rules scores the survey satisfaction (the office adds it; the defaults do not). */
const usesSurveys = (rules: Rules) =>
  rules.qd766.groups.some((g) => g.criteria.some((c) => c.key === 'survey_satisfaction'));

/**
 * Indicators, QĐ 766 score and traffic lights of period totals (same formulas as `/dossiers/indicators`),
 * with the thresholds and QĐ 766 configuration in force (settings/: versions from a date).
 */
function figures(t: PeriodTotals, rules: Rules, pakn?: PaknQd766, survey: number | null = null) {
  const indicators = computeIndicators(t);
  // The two feedback criteria come from the hotline, the survey satisfaction from the surveys, over the same
  // period and units; the latter counts only where a version of the rules adds `survey_satisfaction`.
  const qd766 = qd766Score(
    { ...dossierCriteria(indicators), ...paknCriteria(pakn), survey_satisfaction: survey },
    rules.qd766,
  );
  const threshold = (key: string) => rules.thresholds.find((x) => x.key === key);
  const light = (key: keyof typeof indicators) => {
    const th = threshold(key);
    return th ? trafficLight((indicators[key] as { value: number | null }).value, th) : null;
  };
  const th766 = threshold('qd766');
  return {
    totals: t,
    indicators,
    qd766,
    lights: {
      onTimeRate: light('onTimeRate'),
      lateRate: light('lateRate'),
      onlineRate: light('onlineRate'),
      onlinePaymentRate: light('onlinePaymentRate'),
      digitisationRate: light('digitisationRate'),
      eResultRate: light('eResultRate'),
      satisfaction: light('satisfaction'),
      qd766: th766 ? trafficLight(qd766.maxCovered > 0 ? qd766.score / qd766.maxCovered : null, th766) : null,
    },
  };
}

type Share = { unitId: string; weight: number; name: string; code: string | null; validTo: string | null };

/**
 * The units that carry each receiving unit's facts in a period: each unit as on the period's last day, or
 * — restated — today's units, walking the lineage from the period's start. A unit that had ended before
 * the period starts is walked from its own last day instead: the events that ended it lie before the
 * period, and its dossiers still open in the period count for its successors like the rest of its facts.
 * (Walking every unit from an earlier day would wrongly apply the events of units still in force then.)
 */
export async function periodCarriers(
  db: Db,
  unitIds: readonly string[],
  q: { from: string; to: string; restate: boolean },
  today: string,
) {
  if (!q.restate) return restateMany(db, unitIds, q.to, q.to);
  const carriers = await restateMany(db, unitIds, q.from, today);
  const endedBefore = new Map<string, string[]>();
  for (const [id, list] of carriers) {
    const [only] = list;
    const validTo = only?.unit?.validTo;
    if (list.length === 1 && only!.unitId === id && validTo && validTo < q.from)
      endedBefore.set(validTo, [...(endedBefore.get(validTo) ?? []), id]);
  }
  for (const [lastDay, ids] of endedBefore)
    for (const [id, list] of await restateMany(db, ids, lastDay, today)) carriers.set(id, list);
  // A unit still carried by nobody but itself although it has ended — a district abolished on 1/7/2025 —
  // is carried by its communes' successors: the registry's one resolver (units/carriers.service), so
  // the dossiers, the plan dashboard and the pilots restate it alike.
  const stranded = [...carriers]
    .filter(([id, list]) => list.length === 1 && list[0]!.unitId === id && !!list[0]!.unit?.validTo)
    .map(([id]) => id);
  if (stranded.length)
    for (const [id, c] of await carriersOn(db, stranded, today))
      if (c.via === 'children') carriers.set(id, c.carriers);
  return carriers;
}

/**
 * The receiving units that feed a scope, each with its shares in it: restated (from the period's start to
 * today) or as on the period's last day, only the carriers the reader may see, and — with a unit — only
 * that unit (or its subtree).
 */
async function resolveScope(ctx: RequestContext, actor: Actor, q: ScopeQuery) {
  if (q.from > q.to) throw validation('from', 'dossiers.period_order');
  const today = todayInVietnam();
  let unit: { id: string; name: string; code: string | null } | null = null;
  if (q.unitId) {
    const facts = (await unitFacts(ctx.db, [q.unitId])).get(q.unitId);
    if (!facts) throw notFound('unit');
    authorize(dossierUnitPolicy, actor, 'read', { path: facts.path });
    unit = { id: q.unitId, name: facts.fullName, code: null };
  }
  let procedure: { id: string; code: string; name: string; field: string } | null = null;
  if (q.procedureId) {
    const [p] = await ctx.db
      .select({
        id: dossierProcedures.id,
        code: dossierProcedures.code,
        name: dossierProcedures.name,
        field: dossierProcedures.field,
      })
      .from(dossierProcedures)
      .where(eq(dossierProcedures.id, q.procedureId));
    if (!p) throw notFound('procedure');
    procedure = p;
  }
  const sourceIds = (
    await sqlRows<{ unit_id: string }>(
      ctx.db,
      sql`SELECT DISTINCT unit_id FROM dossier_rollups
           WHERE procedure_id = ${q.procedureId ?? ALL_PROCEDURES}::uuid AND grain = 'y' AND day <= ${q.to}::date`,
    )
  ).map((r) => String(r.unit_id));
  const carriers = await periodCarriers(ctx.db, sourceIds, q, today);
  const carrierIds = [...new Set([...carriers.values()].flatMap((list) => list.map((s) => s.unitId)))];
  const paths = await ancestorPaths(ctx.db, carrierIds);
  const inScope = (carrierId: string) => {
    const path = paths.get(carrierId) ?? [carrierId];
    if (!allow(dossierUnitPolicy, actor, 'read', { path })) return false;
    if (!q.unitId) return true;
    return q.subtree ? path.includes(q.unitId) : carrierId === q.unitId;
  };
  const sources = new Map<string, Share[]>();
  for (const [sourceId, list] of carriers) {
    const kept = list
      .filter((s) => inScope(s.unitId))
      .map((s) => ({
        unitId: s.unitId,
        weight: s.weight,
        name: s.unit?.fullName ?? s.unitId,
        code: s.unit?.code ?? null,
        validTo: s.unit?.validTo ?? null,
      }));
    if (kept.length) sources.set(sourceId, kept);
  }
  if (unit) {
    const shown = [...sources.values()].flat().find((s) => s.unitId === unit!.id);
    if (shown) unit = { id: unit.id, name: shown.name, code: shown.code };
  }
  return { today, stockDay: minDay(q.to, today), sources, scope: { unit, procedure } };
}

/**
 * The hotline cases of a scope, for the QĐ 766 feedback criteria: those handled by the unit (and below it,
 * with `subtree`; by its predecessors too when restated), else by the units of the reader's grants.
 */
function paknScope(actor: Actor, q: ScopeQuery): PaknScope {
  if (q.unitId) return { unitIds: [q.unitId], subtree: q.subtree, restated: q.restate };
  return { unitIds: actor.rootsFor(DOSSIER_READ_ROLES), subtree: true };
}

const idList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * Whose figures a reader sees without choosing a unit: the whole province when a read grant covers a unit
 * at the top of the registry, else the units of their grants (a focal point: their own unit) — the pages
 * name them instead of "Toàn tỉnh".
 */
async function readerScope(ctx: RequestContext, actor: Actor) {
  const roots = actor.rootsFor(DOSSIER_READ_ROLES);
  const facts = await unitFacts(ctx.db, roots);
  const whole = [...facts.values()].some((f) => f.path.length === 1);
  return {
    whole,
    units: whole
      ? []
      : [...facts.entries()]
          .map(([id, f]) => ({ id, name: f.fullName }))
          .sort((a, b) => viCollator.compare(a.name, b.name)),
  };
}

/** The catalogue counted by online level and publication (province-wide: the catalogue is). */
export async function catalogueCounts(db: Db) {
  const found = await db
    .select({ onlineCapability: dossierProcedures.onlineCapability, published: dossierProcedures.published })
    .from(dossierProcedures);
  return countCatalogue(found);
}

/**
 * Dossiers received in the period, and received online, by receiving unit × online level of the procedure
 * (with the procedures that received any), for the units feeding a scope; each unit's row is weighted by its
 * shares in the scope, as every other figure (a split unit's dossiers are shared by its successors).
 */
async function levelFlows(
  ctx: RequestContext,
  q: { from: string; to: string; procedureId?: string | undefined },
  stockDay: string,
  sources: Map<string, Share[]>,
): Promise<LevelFlow[]> {
  if (!sources.size) return [];
  const found = await sqlRows<{
    unit_id: string;
    level: string;
    received: number | string;
    received_online: number | string;
    procedure_ids: string[] | null;
  }>(
    ctx.db,
    sql`SELECT r.unit_id::text AS unit_id, p.online_capability AS level,
               SUM(r.received)::float8 AS received, SUM(r.received_online)::float8 AS received_online,
               array_agg(r.procedure_id::text) FILTER (WHERE r.received <> 0) AS procedure_ids
          FROM (${periodTotalsSql({
            from: q.from,
            to: q.to,
            stockDay,
            keys: ['unit_id', 'procedure_id'],
            scope: and(
              q.procedureId
                ? sql`procedure_id = ${q.procedureId}::uuid`
                : sql`procedure_id <> ${ALL_PROCEDURES}::uuid`,
              sql`unit_id IN (${idList([...sources.keys()])})`,
            )!,
          })}) AS r
          JOIN dossier_procedures p ON p.id = r.procedure_id
         GROUP BY 1, 2`,
  );
  return found.map((r) => {
    const weight = (sources.get(String(r.unit_id)) ?? []).reduce((n, s) => n + s.weight, 0);
    return {
      level: r.level as OnlineLevel,
      received: Number(r.received) * weight,
      receivedOnline: Number(r.received_online) * weight,
      procedureIds: weight > 0 ? (r.procedure_ids ?? []) : [],
    };
  });
}

/**
 * Figures of a scope and period, by unit, procedure, field or in total (rollups only). Rows are ranked
 * (`RANKING_RULE`: QĐ 766 share, then on-time rate, then online rate; ties share a rank; rows without
 * dossiers last, unranked) and, by unit, the units ended by the stock day are left out unless
 * `ended=show` (their figures stay in the total). The online rate is also split by the online level of
 * the procedures, and the catalogue counted by level and publication.
 */
export async function dossierBreakdown(ctx: RequestContext, q: BreakdownQuery): Promise<BreakdownResponse> {
  const actor = reader(ctx);
  const { stockDay, sources, scope } = await resolveScope(ctx, actor, q);
  const total = emptyTotals();
  const groups = new Map<
    string,
    { key: string; name: string; code: string | null; validTo: string | null; t: PeriodTotals }
  >();
  const byProcedure = q.groupBy === 'field' || q.groupBy === 'procedure';
  const rules = await dossierRulesFor(ctx.db, q.to);
  if (sources.size) {
    const buckets = await sqlRows<Record<string, number | string>>(
      ctx.db,
      periodTotalsSql({
        from: q.from,
        to: q.to,
        stockDay,
        keys: byProcedure ? ['unit_id', 'procedure_id'] : ['unit_id'],
        scope: and(
          q.procedureId
            ? sql`procedure_id = ${q.procedureId}::uuid`
            : byProcedure
              ? sql`procedure_id <> ${ALL_PROCEDURES}::uuid`
              : sql`procedure_id = ${ALL_PROCEDURES}::uuid`,
          sql`unit_id IN (${idList([...sources.keys()])})`,
        )!,
      }),
    );
    const procedures = new Map<string, typeof dossierProcedures.$inferSelect>();
    const procedureIds = byProcedure ? [...new Set(buckets.map((b) => String(b.procedure_id)))] : [];
    for (let i = 0; i < procedureIds.length; i += 500)
      for (const p of await ctx.db
        .select()
        .from(dossierProcedures)
        .where(inArray(dossierProcedures.id, procedureIds.slice(i, i + 500))))
        procedures.set(p.id, p);
    for (const b of buckets) {
      const t = totalsOfRow(b);
      const procedure = byProcedure ? procedures.get(String(b.procedure_id))! : null;
      for (const share of sources.get(String(b.unit_id)) ?? []) {
        addInto(total, t, share.weight);
        if (q.groupBy === 'total') continue;
        const g =
          q.groupBy === 'unit'
            ? { key: share.unitId, name: share.name, code: share.code, validTo: share.validTo }
            : q.groupBy === 'field'
              ? { key: procedure!.field, name: procedure!.field, code: null, validTo: null }
              : { key: procedure!.id, name: procedure!.name, code: procedure!.code, validTo: null };
        const entry = groups.get(g.key) ?? { ...g, t: emptyTotals() };
        addInto(entry.t, t, share.weight);
        groups.set(g.key, entry);
      }
    }
  }
  const listed = [...groups.values()].filter((g) => q.groupBy !== 'unit' || shownInRanking(g, q.from, g.t));
  const ended = q.groupBy === 'unit' ? listed.filter((g) => endedBy(g, stockDay)) : [];
  const kept = q.ended === 'show' ? listed : listed.filter((g) => !ended.includes(g));
  const pakn = paknScope(actor, q);
  // Survey answers are read only when the rules in force score them.
  const surveyed = usesSurveys(rules);
  const [paknTotal, paknByUnit, surveyTotal, surveyByUnit] = await Promise.all([
    feedbackQd766(ctx.db, { from: q.from, to: q.to, ...pakn }),
    q.groupBy === 'unit'
      ? feedbackQd766ByUnit(ctx.db, {
          from: q.from,
          to: q.to,
          unitIds: kept.map((g) => g.key),
          subtree: false,
          restated: q.restate,
        })
      : new Map<string, PaknQd766>(),
    surveyed ? surveySatisfaction(ctx.db, { from: q.from, to: q.to, ...pakn }) : null,
    surveyed && q.groupBy === 'unit'
      ? surveySatisfactionByUnit(ctx.db, {
          from: q.from,
          to: q.to,
          unitIds: kept.map((g) => g.key),
          subtree: false,
          restated: q.restate,
        })
      : new Map<string, number | null>(),
  ]);
  const rows = kept.map(({ t, ...g }) => {
    const f = figures(t, rules, paknByUnit.get(g.key), surveyByUnit.get(g.key) ?? null);
    return {
      ...g,
      ...f,
      received: t.received,
      toProcess: f.indicators.toProcess,
      qd766Share: f.qd766.maxCovered > 0 ? f.qd766.score / f.qd766.maxCovered : null,
      onTimeRate: f.indicators.onTimeRate.value,
      onlineRate: f.indicators.onlineRate.value,
    };
  });
  const [flows, catalogue, readerOf] = await Promise.all([
    levelFlows(ctx, q, stockDay, sources),
    catalogueCounts(ctx.db),
    readerScope(ctx, actor),
  ]);
  return {
    from: q.from,
    to: q.to,
    stockDay,
    restated: q.restate,
    groupBy: q.groupBy,
    scope,
    reader: readerOf,
    thresholds: [...rules.thresholds],
    total: figures(total, rules, paknTotal, surveyTotal),
    ranking: {
      rule: RANKING_RULE.version,
      ended: q.ended,
      endedUnits: ended.length,
    },
    byLevel: onlineRateByLevel(flows),
    catalogue,
    groups: rankRows(rows).map(
      ({ received: _r, toProcess: _p, qd766Share: _q, onTimeRate: _o, onlineRate: _n, ...g }) => g,
    ),
  };
}

/**
 * Month by month over the period (each month clipped to it): flows of the month, stocks at its end (or
 * today), carried over from before it — prefix sums over one read of the buckets those prefixes need.
 */
export async function dossierTrend(ctx: RequestContext, q: ScopeQuery): Promise<TrendResponse> {
  const actor = reader(ctx);
  const { today, sources, scope } = await resolveScope(ctx, actor, q);
  const windows = monthsOf(q.from, q.to).map((w) => ({
    ...w,
    before: addDays(w.from, -1),
    stockDay: minDay(w.to, today),
  }));
  // The buckets of every prefix needed, weighted by the units' shares and added up across units.
  const rows = new Map<string, { grain: Grain; day: string; counters: Counters }>();
  if (sources.size) {
    const days = [...new Set(windows.flatMap((w) => [w.before, w.to, w.stockDay]))];
    const scope = sql`procedure_id = ${q.procedureId ?? ALL_PROCEDURES}::uuid
                      AND unit_id IN (${idList([...sources.keys()])})`;
    const found = await sqlRows<Record<string, number | string>>(
      ctx.db,
      sql`SELECT unit_id, grain, to_char(day, 'YYYY-MM-DD') AS day,
                 ${sql.raw(COUNTERS.map((c) => `SUM(${COLUMN[c]})::float8 AS "${COLUMN[c]}"`).join(', '))}
            FROM (${prefixRowsSql(scope, days, `unit_id, grain, day, ${COUNTERS.map((c) => COLUMN[c]).join(', ')}`)}) AS r
           GROUP BY 1, 2, 3`,
    );
    for (const r of found) {
      const weight = (sources.get(String(r.unit_id)) ?? []).reduce((n, s) => n + s.weight, 0);
      const key = `${r.grain}|${r.day}`;
      const entry = rows.get(key) ?? {
        grain: r.grain as Grain,
        day: String(r.day),
        counters: emptyCounters(),
      };
      for (const c of COUNTERS) entry.counters[c] += Number(r[COLUMN[c]]) * weight;
      rows.set(key, entry);
    }
  }
  const buckets = [...rows.values()];
  const rules = new Map<string, Rules>();
  for (const w of windows) rules.set(w.to, await dossierRulesFor(ctx.db, w.to));
  const pakn = await feedbackQd766ByPeriod(ctx.db, { periods: windows, ...paknScope(actor, q) });
  const survey = [...rules.values()].some(usesSurveys)
    ? await surveySatisfactionByPeriod(ctx.db, { periods: windows, ...paknScope(actor, q) })
    : windows.map(() => null);
  return {
    from: q.from,
    to: q.to,
    restated: q.restate,
    scope,
    months: windows.map((w, i) => {
      const t = totalsFromPrefixes({
        before: prefixSum(buckets, w.before),
        to: prefixSum(buckets, w.to),
        stock: prefixSum(buckets, w.stockDay),
      });
      return {
        month: w.month,
        from: w.from,
        to: w.to,
        stockDay: w.stockDay,
        ...figures(t, rules.get(w.to)!, pakn[i], survey[i]),
      };
    }),
  };
}

/** SQL of a dossier's value in a class: its stored contribution summed the way the figures are. */
export function classValueSql(terms: readonly Term[], from: string, to: string, stockDay: string): SQL {
  const when = (kind: Term['kind']) =>
    kind === 'flow'
      ? sql`e.day >= ${from} AND e.day <= ${to}`
      : kind === 'stock'
        ? sql`e.day <= ${stockDay}`
        : sql`e.day < ${from}`;
  const parts = terms.map(
    (t) =>
      sql`CASE WHEN e.counter = ${sql.raw(String(COUNTER_CODE[t.counter]))} AND ${when(t.kind)} THEN ${sql.raw(String(t.sign))} * e.value ELSE 0 END`,
  );
  return sql`(SELECT COALESCE(SUM(${sql.join(parts, sql` + `)}), 0)
                FROM unnest(${dossiers.contribDay}, ${dossiers.contribCounter}, ${dossiers.contribValue})
                  AS e(day, counter, value))`;
}

/**
 * The dossiers behind one number of a scope and period, as a list to read page by page (the Excel export reads
 * all of it): the scope is resolved once; `count()` is the number of them; `page(cursor, limit)` is the next
 * `limit` in receipt order (receipt time, code) after the cursor — a range of the index on those columns.
 * Each item carries its share in the number and its state as of the stock day.
 */
export async function scopeDossierList(ctx: RequestContext, q: Omit<DossierListQuery, 'cursor' | 'limit'>) {
  const actor = reader(ctx);
  const { stockDay, sources, scope } = await resolveScope(ctx, actor, q);
  const base = {
    from: q.from,
    to: q.to,
    stockDay,
    restated: q.restate,
    class: q.class,
    scope,
  };
  const where = sources.size
    ? and(
        inArray(dossiers.unitId, [...sources.keys()]),
        q.procedureId ? eq(dossiers.procedureId, q.procedureId) : undefined,
        // Every counter falls on or after the receipt day, which is never before the local receipt date.
        sql`${dossiers.receivedAt} < (${q.to}::date + 2)::timestamptz`,
        sql`${classValueSql(DRILL_CLASSES[q.class], q.from, q.to, stockDay)} > 0`,
      )
    : null;
  /** Units' full names, kept from page to page (a long list meets the same units again and again). */
  const names = new Map<string, string>();
  const count = async () =>
    where
      ? Number(
          (
            await sqlRows<{ n: number | string }>(
              ctx.db,
              sql`SELECT count(*)::int AS n FROM ${dossiers} WHERE ${where}`,
            )
          )[0]?.n ?? 0,
        )
      : 0;
  const page = async (
    cursor: Cursor | null,
    limit: number,
  ): Promise<{ items: DossierListResponse['items']; nextCursor: string | null }> => {
    if (!where) return { items: [], nextCursor: null };
    const found = await ctx.db
      .select({ d: dossiers, p: dossierProcedures })
      .from(dossiers)
      .innerJoin(dossierProcedures, eq(dossierProcedures.id, dossiers.procedureId))
      .where(
        and(
          where,
          cursor
            ? sql`(${dossiers.receivedAt}, ${dossiers.code}) > (${cursor.receivedAt}::timestamptz, ${cursor.code})`
            : undefined,
        ),
      )
      .orderBy(dossiers.receivedAt, dossiers.code)
      .limit(limit + 1);
    const more = found.length > limit;
    const rows = found.slice(0, limit);
    const calendar = await loadCalendar(ctx.db);
    const unnamed = [...new Set(rows.map((r) => r.d.unitId))].filter((id) => !names.has(id));
    for (const [id, facts] of await unitFacts(ctx.db, unnamed)) names.set(id, facts.fullName);
    const last = rows.at(-1);
    return {
      items: rows.map(({ d, p }) => {
        const c = classify(calendar, { ...d, timeLimitDays: p.timeLimitDays }, stockDay);
        return {
          id: d.id,
          code: d.code,
          procedure: { id: p.id, code: p.code, name: p.name },
          unit: { id: d.unitId, name: names.get(d.unitId) ?? d.unitId },
          channel: d.channel as DossierListResponse['items'][number]['channel'],
          status: d.status as DossierListResponse['items'][number]['status'],
          receivedAt: d.receivedAt.toISOString(),
          dueDay: 'dueDay' in c ? c.dueDay : null,
          resolvedAt: d.resolvedAt?.toISOString() ?? null,
          state: c.state === 'resolved' ? c.timing : c.state,
          weight: (sources.get(d.unitId) ?? []).reduce((n, s) => n + s.weight, 0),
        };
      }),
      nextCursor:
        more && last
          ? encodeCursor({ receivedAt: last.d.receivedAt.toISOString(), code: last.d.code })
          : null,
    };
  };
  return { base, count, page };
}

/**
 * The dossiers behind one number of a scope and period, oldest receipt first, `limit` at a time with a
 * keyset cursor (stable while dossiers are added); the first page carries their count.
 */
export async function listScopeDossiers(
  ctx: RequestContext,
  q: DossierListQuery,
): Promise<DossierListResponse> {
  const list = await scopeDossierList(ctx, q);
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  if (q.cursor && !cursor)
    throw validation('cursor', 'error.validation', { field: 'cursor', issue: 'not a cursor of this list' });
  const count = cursor ? null : await list.count();
  return { ...list.base, count, ...(await list.page(cursor, q.limit)) };
}
