/**
 * Keeping the criteria computed from chidao's records current (issue 16: "criteria computed from system data"),
 * without a request waiting for it. Reading a year of plans, reports, dossiers, feedback and recommendations for
 * every unit of a campaign is background work: the worker recomputes each open campaign once a day; opening a
 * campaign or the office's "recompute" asks for it now, and the request returns at once (202) while this process
 * runs it in the background (`scheduleComputations`). Within a process, runs never overlap (one chain); across
 * processes a second run finds nothing changed (./computed.service.ts writes only what changed, version-checked).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { systemContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { refreshComputedScores } from './computed.service.js';
import { parAssessments, parCampaigns } from './parindex.table.js';
import { COMPUTING_STAGES, computationDue, requestedSince } from './rules/stages.js';

export type ComputeSweep = { campaigns: number; assessments: number; updated: number };

type Log = { error(obj: unknown, msg: string): void };

/** Recomputes every open campaign whose computation is due (./rules/stages.ts `computationDue`). Idempotent. */
export async function refreshDueComputations(db: Db, now: Date = new Date()): Promise<ComputeSweep> {
  const today = todayInVietnam(now);
  const open = await db
    .select({
      id: parCampaigns.id,
      stage: parCampaigns.stage,
      criteriaComputedAt: parCampaigns.criteriaComputedAt,
      computeRequestedAt: parCampaigns.computeRequestedAt,
    })
    .from(parCampaigns)
    .where(inArray(parCampaigns.stage, [...COMPUTING_STAGES]));
  const sweep: ComputeSweep = { campaigns: 0, assessments: 0, updated: 0 };
  for (const c of open) {
    const requestedAfterLast = requestedSince(c.criteriaComputedAt, c.computeRequestedAt);
    const computedOn = c.criteriaComputedAt ? todayInVietnam(c.criteriaComputedAt) : null;
    if (!computationDue(c.stage, today, computedOn, requestedAfterLast)) continue;
    const startedAt = new Date();
    const ids = await db
      .select({ id: parAssessments.id })
      .from(parAssessments)
      .where(and(eq(parAssessments.campaignId, c.id), sql`${parAssessments.status} <> 'final'`));
    const counts = await refreshComputedScores(
      systemContext(db),
      ids.map((i) => i.id),
    );
    // Stamped with the start: a request made while this ran is newer, and is run again.
    await db.update(parCampaigns).set({ criteriaComputedAt: startedAt }).where(eq(parCampaigns.id, c.id));
    sweep.campaigns += 1;
    sweep.assessments += counts.assessments;
    sweep.updated += counts.inserted + counts.updated;
  }
  return sweep;
}

let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs the due computations in the background of this process, after any run in progress; the caller does not
 * wait (a failure is logged; the worker's daily pass runs it again).
 */
export function scheduleComputations(db: Db, log?: Log): void {
  chain = chain
    .then(() => refreshDueComputations(db))
    .catch((err: unknown) => log?.error({ err }, 'PAR Index computation failed'));
}

/** Resolves once the background runs scheduled so far are over (tests; a graceful stop). */
export const computationsIdle = (): Promise<unknown> => chain;

/** The worker's pass: the same chain, so that a pass and a request never compute the same campaign at once. */
export async function computeSweepJob(db: Db, now: Date = new Date()): Promise<ComputeSweep> {
  const run = chain.then(() => refreshDueComputations(db, now));
  chain = run.catch(() => undefined);
  return run;
}
