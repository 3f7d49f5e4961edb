/**
 * The member cockpit (moved here from the plans module): for the units a committee member or leader
 * follows today (monitoring assignments), their tasks across plans (overdue first, then due soon), their
 * pilot items, the latest progress that reached the province, and the next periodic report owed to the
 * committee. Plans and pilots are read only through their exported functions, so neither module depends
 * on the other for it.
 */
import type { RequestContext } from '../../core/context.js';
import { unauthenticated } from '../../core/errors.js';
import { todayInVietnam } from '../../core/dates.js';
import { myMonitoring } from '../committees/committees.service.js';
import { describePeriod, periodsInYear, rulesFor } from '../periods/index.js';
import { allRuleSets, workdayHooks } from '../periods/periods.service.js';
import { pilotItemsForUnits } from '../pilots/pilots.service.js';
import { memberReportsOwedBy } from '../reports/member-reports.service.js';
import { recentPublishedProgress } from '../plans/progress.service.js';
import { byUrgency } from '../tasks/index.js';
import { feedbackAboutUnits } from '../hotline/feedback-for-units.service.js';
import { tasksLedBy } from '../plans/task-lookup.service.js';
import { unitFacts } from '../units/units.service.js';
import type { CockpitOut } from './home.schemas.js';

/**
 * The next periodic PAR report the committee expects (quarter, 6 months, year — 581/BNV-CCHC due dates
 * under the stored rule sets): a member reports then on the units they follow. When several reports fall
 * due the same day the broadest is named (the year-end report covers Q4).
 */
export async function nextCommitteeReport(
  ctx: RequestContext,
  asOf: string,
): Promise<CockpitOut['nextReport']> {
  const year = Number(asOf.slice(0, 4));
  const candidates: (NonNullable<CockpitOut['nextReport']> & { rank: number })[] = [];
  // The stored rule sets are read once; each period then takes the version in force (pure `rulesFor`).
  const ruleSets = await allRuleSets(ctx.db);
  // A rule set may count its deadline in working days: the calendar's hooks go wherever a due date is made.
  const hooks = await workdayHooks(ctx.db);
  for (const [type, rank] of [
    ['quarter', 0],
    ['half', 1],
    ['year', 2],
  ] as const)
    for (const y of [year, year + 1])
      for (const p of periodsInYear(type, y)) {
        const rules = rulesFor(ruleSets, null, `${p.year}-01-01`);
        const vi = describePeriod(p, rules, 'vi', hooks);
        if (vi.due < asOf) continue;
        candidates.push({
          key: vi.key,
          label: { vi: vi.label, en: describePeriod(p, rules, 'en', hooks).label },
          due: vi.due,
          window: vi.window,
          rank,
        });
      }
  candidates.sort((a, b) => a.due.localeCompare(b.due) || b.rank - a.rank);
  const next = candidates[0];
  return next ? { key: next.key, label: next.label, due: next.due, window: next.window } : null;
}

/**
 * The member cockpit as of `asOf` (default today), with citizens' feedback about the units followed (the
 * hotline's cases about them or handled by them).
 */
export async function cockpit(ctx: RequestContext, asOf = todayInVietnam()): Promise<CockpitOut> {
  if (!ctx.actor) throw unauthenticated();
  const following = await myMonitoring(ctx, asOf);
  const unitIds = [...new Set(following.items.map((i) => i.unitId))];
  const nextReport = await nextCommitteeReport(ctx, asOf);
  const memberReports = await memberReportsOwedBy(ctx);
  const feedback = { available: true, items: await feedbackAboutUnits(ctx, unitIds, asOf) };
  if (!unitIds.length)
    return {
      asOf,
      units: [],
      tasks: [],
      pilotItems: [],
      recentProgress: [],
      nextReport,
      memberReports,
      feedback,
    };
  const facts = await unitFacts(ctx.db, unitIds);
  const tasks = (await tasksLedBy(ctx, unitIds, asOf)).sort(byUrgency);
  const units = following.items.map((f) => {
    const mine = tasks.filter((t) => t.leadUnitId === f.unitId);
    return {
      unitId: f.unitId,
      unitName: f.unitName,
      committeeName: f.committeeName,
      total: mine.length,
      overdue: mine.filter((t) => t.timing.state === 'overdue').map((t) => t.id),
      verified: mine.filter((t) => t.status === 'verified').map((t) => t.id),
    };
  });
  const pilotItems = (await pilotItemsForUnits(ctx, unitIds, asOf)).sort(byUrgency);
  const recentProgress = await recentPublishedProgress(
    ctx,
    tasks.map((t) => t.id),
    10,
  );
  const titles = new Map(
    tasks.map((t) => [t.id, { title: t.title, leadUnitId: t.leadUnitId, planId: t.plan.id }]),
  );
  return {
    asOf,
    units,
    tasks,
    pilotItems,
    recentProgress: recentProgress.map((e) => ({
      ...e,
      at: e.at.toISOString(),
      task: titles.get(e.taskId)!,
      unitName: facts.get(titles.get(e.taskId)!.leadUnitId)?.name ?? '',
    })),
    nextReport,
    memberReports,
    feedback,
  };
}
