/**
 * Links to ended units (issue 12, point 6): live records that still point at a unit no longer in force,
 * each with the successor(s) the unit registry's one resolver proposes (`carriers.service` `carriersOn`)
 * and, for a person allowed to change that record, an "apply" that re-points it through the owning
 * module's own use-case (version-checked: 409 on a concurrent change; journalled there).
 *
 * - `monitoring`: a committee member still follows (phân công theo dõi) an ended unit. Apply ends the
 *   assignment on the unit's last day and has the member follow the chosen successors from the day after.
 * - `task` / `conclusion_task`: an open plan task (or the task a meeting conclusion became) led by an ended
 *   unit — it stays overdue with nobody named. Apply makes the chosen successor its lead unit.
 * - `untracked_conclusion`: a meeting conclusion with a lead unit and a due date that was never turned into
 *   a task (the meetings module's `untrackedConclusions`), whose lead unit has ended. Not applied here: the
 *   link opens the meeting, where the standing agency changes the conclusion's lead unit or turns it into
 *   a task for the successor (`canApply` says whether the caller may).
 * - `pilot_responsible`: a pilot unit with open items whose responsible member has left the committee
 *   (kiện toàn) or no longer follows the unit or its successors while others do. Apply names the member
 *   who follows it now.
 *
 * Scope: links about units (or their successors) under the caller's grants — inherited ones included —
 * and, for committee records, the committee's host for its leaders, members and managers; conclusions of
 * the meetings the caller may read (the meetings policy: a role over the committee's host, or a member).
 */
import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { conflict, unauthenticated, validation } from '../../core/errors.js';
import { rows } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { ROLES, type Role } from '../access/roles.js';
import {
  addAssignment,
  assignmentsInForce,
  composition,
  endAssignment,
} from '../committees/committees.service.js';
import { untrackedConclusions } from '../meetings/conclusions-unresolved.service.js';
import { getPlan, tasksByIds, updateTask } from '../plans/plans.service.js';
import { tasksLedBy } from '../plans/task-lookup.service.js';
// `displayName`: the naming rule shared with the pilot page ("Huyện Diễn Châu", "Sở Tài chính").
import { displayName, pilotUnitsWithOpenItems, reassignResponsible } from '../pilots/pilots.service.js';
import { carriersOn, type Carried } from './carriers.service.js';
import { shortText } from './stale-links.rules.js';
import type { StaleLinkApplyIn, StaleLinkOut, StaleLinksOut } from './stale-links.schemas.js';
import { ancestorPaths, subtreeSql, viCollator } from './units.service.js';

const MANAGERS: readonly Role[] = ['admin', 'standing_officer'];
const COMMITTEE_ROLES: readonly Role[] = [
  'admin',
  'standing_officer',
  'committee_leader',
  'committee_member',
];
const OPEN_TASK = new Set(['not_started', 'in_progress', 'returned', 'reported_done']);

const dayAfter = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
};
const later = (a: string, b: string) => (a > b ? a : b);

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

type Found = {
  item: StaleLinkOut;
  /** For apply: what to re-point and how. */
  apply:
    | {
        kind: 'monitoring';
        membershipId: string;
        fromDate: string;
        membershipFrom: string;
        lastDay: string;
        /** Units the member already follows (not added twice). */
        following: Set<string>;
      }
    | { kind: 'task' }
    | { kind: 'pilot_responsible' }
    /** Acted on in the owning module's page (`item.link`), not applied here. */
    | { kind: 'open' };
};

/** The ended units under the caller's grants (and inherited grants), ended by `on`. */
async function unitsInScope(ctx: RequestContext, actor: Actor, on: string): Promise<string[]> {
  const roots = actor.rootsFor(ROLES);
  if (!roots.length) return [];
  const found = await rows<{ id: string }>(
    ctx.db,
    sql`SELECT id::text AS id FROM units
         WHERE valid_to IS NOT NULL AND valid_to < ${on}::date AND id IN (${subtreeSql(roots)})`,
  );
  return found.map((r) => r.id);
}

const unitOut = (c: Carried) => ({
  id: c.unitId,
  name: c.unit ? displayName(c.unit) : '',
  validTo: c.unit?.validTo ?? null,
});

const proposalsOf = (c: Carried) =>
  c.carriers.map((s) => ({
    id: s.unitId,
    name: displayName(s.unit),
    weight: s.weight,
    kind: 'unit' as const,
  }));

async function collect(ctx: RequestContext, on: string): Promise<Found[]> {
  const actor = requireActor(ctx);
  const [assignments, endedInScope, pilots, conclusions] = [
    await assignmentsInForce(ctx.db, on),
    await unitsInScope(ctx, actor, on),
    await pilotUnitsWithOpenItems(ctx.db),
    // Few (conclusions nobody followed up, of the meetings the caller reads): whether the lead unit has
    // ended is the resolver's answer below.
    await untrackedConclusions(ctx, { asOf: on }),
  ];
  const tasks = (await tasksLedBy(ctx, endedInScope, on)).filter((t) => OPEN_TASK.has(t.status));
  // One resolver call for every unit any link points at (and the pilot units' units).
  const carried = await carriersOn(
    ctx.db,
    [
      ...assignments.map((a) => a.unitId),
      ...tasks.map((t) => t.leadUnitId),
      ...conclusions.map((k) => k.leadUnitId),
      ...pilots.map((p) => p.unitId),
    ],
    on,
  );
  const ended = (id: string) => {
    const c = carried.get(id);
    return c && c.status !== 'in_force' && c.unit?.validTo && c.unit.validTo < on ? c : null;
  };
  // Unit paths for the scope check: the ended units, their successors and the committees' hosts.
  const pathIds = new Set<string>();
  for (const c of carried.values()) {
    pathIds.add(c.unitId);
    for (const s of c.carriers) pathIds.add(s.unitId);
  }
  for (const a of assignments) pathIds.add(a.committee.hostUnitId);
  const paths = await ancestorPaths(ctx.db, [...pathIds]);
  const pathOf = (id: string) => paths.get(id) ?? [id];
  const readsUnit = (c: Carried) =>
    actor.hasRoleOver(ROLES, pathOf(c.unitId)) ||
    c.carriers.some((s) => actor.hasRoleOver(ROLES, pathOf(s.unitId)));

  const out: Found[] = [];
  for (const a of assignments) {
    const c = ended(a.unitId);
    if (!c) continue;
    const host = pathOf(a.committee.hostUnitId);
    if (!readsUnit(c) && !actor.hasRoleOver(COMMITTEE_ROLES, host) && a.userId !== actor.user.id) continue;
    const lastDay = c.unit!.validTo!;
    out.push({
      item: {
        id: `monitoring:${a.id}`,
        kind: 'monitoring',
        recordId: a.id,
        version: a.version,
        subject: a.personName ?? '',
        context: a.committee.name,
        unit: unitOut(c),
        via: c.via === 'children' || c.via === 'lineage' ? c.via : null,
        proposals: proposalsOf(c),
        since: a.fromDate,
        overdue: null,
        link: `/committees/${a.committee.id}`,
        canApply: c.carriers.length > 0 && actor.hasRoleOver(MANAGERS, host),
      },
      apply: {
        kind: 'monitoring',
        membershipId: a.membershipId,
        fromDate: a.fromDate,
        membershipFrom: a.membershipFrom,
        lastDay,
        following: new Set(assignments.filter((x) => x.membershipId === a.membershipId).map((x) => x.unitId)),
      },
    });
  }

  const plans = new Map<string, boolean>();
  for (const planId of new Set(tasks.map((t) => t.plan.id)))
    plans.set(planId, (await getPlan(ctx, planId)).abilities.manage);
  const versions = new Map(
    (
      await tasksByIds(
        ctx,
        tasks.map((t) => t.id),
      )
    ).map((t) => [t.id, t]),
  );
  for (const t of tasks) {
    const c = ended(t.leadUnitId);
    const row = versions.get(t.id);
    if (!c || !row || !readsUnit(c)) continue;
    const fromConclusion = row.source === 'conclusion';
    out.push({
      item: {
        id: `task:${t.id}`,
        kind: fromConclusion ? 'conclusion_task' : 'task',
        recordId: t.id,
        version: row.version,
        subject: t.title,
        context: t.plan.title,
        unit: unitOut(c),
        via: c.via === 'children' || c.via === 'lineage' ? c.via : null,
        proposals: proposalsOf(c),
        since: t.dueDate,
        overdue: t.timing.state === 'overdue',
        link: `/plans/${t.plan.id}?task=${t.id}`,
        canApply: c.carriers.length > 0 && !!plans.get(t.plan.id),
      },
      apply: { kind: 'task' },
    });
  }

  // Conclusions never turned into a task, led by an ended unit: the meeting page is where they are fixed.
  for (const k of conclusions) {
    const c = ended(k.leadUnitId);
    if (!c) continue;
    out.push({
      item: {
        id: `untracked_conclusion:${k.id}`,
        kind: 'untracked_conclusion',
        recordId: k.id,
        version: k.version,
        subject: shortText(k.text),
        context: k.meeting.title,
        unit: unitOut(c),
        via: c.via === 'children' || c.via === 'lineage' ? c.via : null,
        proposals: proposalsOf(c),
        since: k.dueDate,
        overdue: k.timing.state === 'overdue',
        link: `/meetings/${k.meeting.id}`,
        canApply: k.abilities.update,
        meeting: {
          id: k.meeting.id,
          title: k.meeting.title,
          date: k.meeting.date,
          held: k.meeting.status === 'held',
          ordinal: k.ordinal,
        },
      },
      apply: { kind: 'open' },
    });
  }

  // Pilot units: the members who follow each unit (or the units carrying it) today.
  const followers = new Map<string, Map<string, string>>();
  for (const a of assignments) {
    const m = followers.get(a.unitId) ?? new Map<string, string>();
    m.set(a.membershipId, a.personName ?? '');
    followers.set(a.unitId, m);
  }
  const inForce = new Map<string, Map<string, string>>();
  const hosts = new Map<string, string>();
  for (const committeeId of new Set(pilots.map((p) => p.committeeId))) {
    const now = await composition(ctx, committeeId, on);
    inForce.set(committeeId, new Map(now.members.map((m) => [m.id, m.name])));
    hosts.set(committeeId, now.committee.hostUnitId);
  }
  const hostPaths = await ancestorPaths(ctx.db, [...new Set(hosts.values())]);
  for (const p of pilots) {
    const c = carried.get(p.unitId);
    if (!c || !readsUnit(c)) continue;
    const members = inForce.get(p.committeeId) ?? new Map<string, string>();
    const following = new Map<string, string>();
    for (const id of [p.unitId, ...c.carriers.map((s) => s.unitId)])
      for (const [mid, name] of followers.get(id) ?? []) if (members.has(mid)) following.set(mid, name);
    const current = p.responsibleMembershipId;
    const left = !!current && !members.has(current);
    const elsewhere = !!current && following.size > 0 && !following.has(current);
    if (!left && !elsewhere) continue;
    const hostId = hosts.get(p.committeeId) ?? '';
    const hostPath = hostPaths.get(hostId) ?? [hostId];
    out.push({
      item: {
        id: `pilot_responsible:${p.id}`,
        kind: 'pilot_responsible',
        recordId: p.id,
        version: p.version,
        subject: c.unit ? displayName(c.unit) : '',
        context: String(p.year),
        unit: unitOut(c),
        via: c.via === 'children' || c.via === 'lineage' ? c.via : null,
        proposals: [...following]
          .map(([id, name]) => ({ id, name, weight: null, kind: 'member' as const }))
          .sort((a, b) => viCollator.compare(a.name, b.name)),
        since: null,
        overdue: null,
        link: `/pilots/units/${p.id}`,
        canApply: following.size > 0 && actor.hasRoleOver(MANAGERS, hostPath),
        responsible: current ? { id: current, name: members.get(current) ?? null, left } : null,
      },
      apply: { kind: 'pilot_responsible' },
    });
  }
  return out;
}

const KIND_ORDER = [
  'conclusion_task',
  'untracked_conclusion',
  'task',
  'monitoring',
  'pilot_responsible',
] as const;

/** The links to ended units the caller may see, overdue tasks first, then by unit name. */
export async function staleLinks(ctx: RequestContext, on = todayInVietnam()): Promise<StaleLinksOut> {
  const found = (await collect(ctx, on)).map((f) => f.item);
  found.sort(
    (a, b) =>
      Number(b.overdue === true) - Number(a.overdue === true) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      viCollator.compare(a.unit.name, b.unit.name) ||
      viCollator.compare(a.subject, b.subject),
  );
  const counts = {
    monitoring: 0,
    task: 0,
    conclusion_task: 0,
    untracked_conclusion: 0,
    pilot_responsible: 0,
  };
  for (const i of found) counts[i.kind]++;
  return { asOf: on, total: found.length, counts, items: found };
}

/** How many links to ended units the caller sees (for a landing-page count). */
export async function staleLinkCount(ctx: RequestContext, on = todayInVietnam()): Promise<number> {
  return (await collect(ctx, on)).length;
}

/**
 * Re-points one link to the chosen successor(s) through the owning module's use-case. 409 when the link
 * changed meanwhile (its version) or is no longer stale; 400 when a choice is not among the proposals.
 */
export async function applyStaleLink(
  ctx: RequestContext,
  input: StaleLinkApplyIn,
  on = todayInVietnam(),
): Promise<StaleLinksOut> {
  requireActor(ctx);
  const found = (await collect(ctx, on)).find(
    (f) => f.item.kind === input.kind && f.item.recordId === input.recordId,
  );
  if (!found) throw conflict('stale_links.gone');
  const { item, apply } = found;
  if (apply.kind === 'open') throw validation('kind', 'stale_links.open_record');
  if (item.version !== input.version) throw conflict('stale_links.changed');
  const chosen = [...new Set(input.targetIds)];
  const offered = new Set(item.proposals.map((p) => p.id));
  if (!chosen.length || chosen.some((id) => !offered.has(id)))
    throw validation('targetIds', 'stale_links.not_proposed');
  if (apply.kind === 'monitoring') {
    await endAssignment(ctx, item.recordId, {
      version: item.version,
      toDate: later(apply.fromDate, apply.lastDay),
    });
    for (const unitId of chosen.filter((u) => !apply.following.has(u)))
      await addAssignment(ctx, apply.membershipId, {
        unitId,
        fromDate: later(dayAfter(apply.lastDay), apply.membershipFrom),
        note: `Theo dõi đơn vị kế thừa ${item.unit.name} (kết thúc ${apply.lastDay.split('-').reverse().join('/')})`,
      });
  } else if (apply.kind === 'task') {
    if (chosen.length !== 1) throw validation('targetIds', 'stale_links.one_lead_unit');
    await updateTask(ctx, item.recordId, { leadUnitId: chosen[0]!, version: item.version });
  } else {
    if (chosen.length !== 1) throw validation('targetIds', 'stale_links.one_member');
    await reassignResponsible(ctx, item.recordId, {
      responsibleMembershipId: chosen[0]!,
      version: item.version,
    });
  }
  return staleLinks(ctx, on);
}
