import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import {
  conflict,
  forbidden,
  notFound,
  staleVersion,
  unauthenticated,
  validation,
} from '../../core/errors.js';
import { abilities } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { documentRefs, type DocumentRef } from '../documents/documents.service.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { ancestorPaths, getUnit, unitFacts, viCollator } from '../units/units.service.js';
import { findUserByEmail, usersByIds } from '../users/users.service.js';
import {
  canCreateFor,
  committeePolicy,
  COMMITTEE_EDITORS,
  type CommitteeSubject,
} from './committees.policy.js';
import {
  positionRank,
  BODY_POSITION,
  type AssignmentInput,
  type AssignmentOut,
  type BodyInput,
  type BodyOut,
  type BodyUpdate,
  type CommitteeInput,
  type CommitteeLevel,
  type CommitteeOut,
  type CommitteeUpdate,
  type CoverageOut,
  type EndInput,
  type FounderKind,
  type MembershipInput,
  type MembershipLinkInput,
  type MembershipOut,
  type MyMonitoringOut,
} from './committees.schemas.js';
import {
  committeeBodies,
  committeeMemberships,
  committees,
  monitoringAssignments,
} from './committees.table.js';
import {
  coverageCategories,
  defaultCoverageKind,
  isCoverageKind,
  localRecipient,
  type CoverageKind,
} from './coverage-rules.js';
import { todayInVietnam } from '../../core/dates.js';

type CommitteeRow = typeof committees.$inferSelect;
type MembershipRow = typeof committeeMemberships.$inferSelect;
type AssignmentRow = typeof monitoringAssignments.$inferSelect;
type BodyRow = typeof committeeBodies.$inferSelect;

/** Today in the province (UTC+7), as `YYYY-MM-DD`. */

function requireActor(ctx: RequestContext) {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/** In force on `date`: started on or before it and not ended before it. */
const inForce = (from: Column, to: Column, date: string) =>
  and(lte(from, date), or(isNull(to), gte(to, date)))!;

async function hostPaths(ctx: RequestContext, rows: { hostUnitId: string }[]) {
  const paths = await ancestorPaths(
    ctx.db,
    rows.map((r) => r.hostUnitId),
  );
  return (hostUnitId: string): CommitteeSubject => ({ hostPath: paths.get(hostUnitId) ?? [hostUnitId] });
}

const ref = (refs: Map<string, DocumentRef>, id: string | null) => (id ? (refs.get(id) ?? null) : null);

async function presentCommittees(ctx: RequestContext, rows: CommitteeRow[]): Promise<CommitteeOut[]> {
  if (!rows.length) return [];
  const facts = await unitFacts(ctx.db, [
    ...rows.map((r) => r.hostUnitId),
    ...rows.flatMap((r) => (r.standingUnitId ? [r.standingUnitId] : [])),
  ]);
  const refs = await documentRefs(
    ctx,
    rows.flatMap((r) => (r.foundingDocumentId ? [r.foundingDocumentId] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    level: r.level as CommitteeLevel,
    hostUnitId: r.hostUnitId,
    hostUnitName: facts.get(r.hostUnitId)?.name ?? '',
    standingUnitId: r.standingUnitId,
    standingUnitName: r.standingUnitId ? (facts.get(r.standingUnitId)?.name ?? '') : null,
    foundingDocumentId: r.foundingDocumentId,
    foundingDocument: ref(refs, r.foundingDocumentId),
    foundedOn: r.foundedOn,
    dissolvedOn: r.dissolvedOn,
    founderKind: r.founderKind as FounderKind,
    founderName: r.founderName,
    symbol: r.symbol,
    version: r.version,
    abilities: abilities(committeePolicy, ctx.actor, {
      hostPath: facts.get(r.hostUnitId)?.path ?? [r.hostUnitId],
    }),
  }));
}

async function loadCommittee(ctx: RequestContext, id: string): Promise<CommitteeRow> {
  const [row] = await ctx.db.select().from(committees).where(eq(committees.id, id));
  if (!row) throw notFound('committee');
  return row;
}

/** Loads a committee and checks the caller may keep it (403 otherwise). */
async function committeeToEdit(ctx: RequestContext, id: string): Promise<CommitteeRow> {
  const actor = requireActor(ctx);
  const row = await loadCommittee(ctx, id);
  const subject = (await hostPaths(ctx, [row]))(row.hostUnitId);
  if (!committeePolicy.rules.update(actor, subject)) throw forbidden();
  return row;
}

async function requireDocument(ctx: RequestContext, field: string, id: string | null | undefined) {
  if (!id) return;
  if (!(await documentRefs(ctx, [id])).has(id)) throw validation(field, 'committee.document_not_found');
}

async function requireUnit(ctx: RequestContext, field: string, id: string | null | undefined) {
  if (id && !(await getUnit(ctx.db, id))) throw validation(field, 'unit.not_found');
}

function checkRange(fromField: string, from: string, toField: string, to: string | null | undefined) {
  if (to && to < from) throw validation(toField, 'committee.date_range', { from, to, fromField });
}

export async function listCommittees(
  ctx: RequestContext,
  query: { level?: CommitteeLevel | undefined; hostUnitId?: string | undefined },
): Promise<{ items: CommitteeOut[]; abilities: { create: boolean } }> {
  const actor = requireActor(ctx);
  const c: SQL[] = [];
  if (query.level) c.push(eq(committees.level, query.level));
  if (query.hostUnitId) c.push(eq(committees.hostUnitId, query.hostUnitId));
  const rows = await ctx.db
    .select()
    .from(committees)
    .where(c.length ? and(...c) : undefined)
    .orderBy(asc(committees.foundedOn));
  const order = ['province', 'department', 'district', 'commune', 'other'];
  const items = (await presentCommittees(ctx, rows)).sort(
    (a, b) => order.indexOf(a.level) - order.indexOf(b.level) || viCollator.compare(a.name, b.name),
  );
  return { items, abilities: { create: actor.hasRole(...COMMITTEE_EDITORS) } };
}

export async function getCommittee(ctx: RequestContext, id: string): Promise<CommitteeOut> {
  requireActor(ctx);
  return (await presentCommittees(ctx, [await loadCommittee(ctx, id)]))[0]!;
}

/** Inserts a committee and its journal entry in the caller's transaction (no permission check). */
export async function createCommitteeRecord(
  ctx: RequestContext,
  input: CommitteeInput,
): Promise<CommitteeRow> {
  const [row] = await ctx.db
    .insert(committees)
    .values({
      name: input.name,
      level: input.level,
      hostUnitId: input.hostUnitId,
      standingUnitId: input.standingUnitId ?? null,
      foundingDocumentId: input.foundingDocumentId ?? null,
      foundedOn: input.foundedOn,
      dissolvedOn: input.dissolvedOn ?? null,
      founderKind: input.founderKind ?? 'state',
      founderName: input.founderName ?? null,
      ...(input.symbol ? { symbol: input.symbol } : {}),
    })
    .returning();
  await recordChange(ctx, { action: 'create', entity: 'committee', entityId: row!.id, after: row });
  return row!;
}

export async function createCommittee(ctx: RequestContext, input: CommitteeInput): Promise<CommitteeOut> {
  const actor = requireActor(ctx);
  await requireUnit(ctx, 'hostUnitId', input.hostUnitId);
  const path = (await ancestorPaths(ctx.db, [input.hostUnitId])).get(input.hostUnitId) ?? [input.hostUnitId];
  if (!canCreateFor(actor, path)) throw forbidden();
  await requireUnit(ctx, 'standingUnitId', input.standingUnitId);
  await requireDocument(ctx, 'foundingDocumentId', input.foundingDocumentId);
  checkRange('foundedOn', input.foundedOn, 'dissolvedOn', input.dissolvedOn);
  const row = await ctx.db.transaction((tx) => createCommitteeRecord({ ...ctx, db: tx }, input));
  return (await presentCommittees(ctx, [row]))[0]!;
}

export async function updateCommittee(
  ctx: RequestContext,
  id: string,
  input: CommitteeUpdate,
): Promise<CommitteeOut> {
  const current = await committeeToEdit(ctx, id);
  await requireUnit(ctx, 'standingUnitId', input.standingUnitId);
  await requireDocument(ctx, 'foundingDocumentId', input.foundingDocumentId);
  const { version, ...patch } = input;
  const foundedOn = patch.foundedOn ?? current.foundedOn;
  const dissolvedOn = patch.dissolvedOn === undefined ? current.dissolvedOn : patch.dissolvedOn;
  checkRange('foundedOn', foundedOn, 'dissolvedOn', dissolvedOn);
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(committees)
      .set({ ...patch, version: sql`${committees.version} + 1`, updatedAt: new Date() })
      .where(and(eq(committees.id, id), eq(committees.version, version)))
      .returning();
    if (!updated) throw staleVersion('committee', current.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'committee', entityId: id, before: current, after: updated },
    );
    return updated;
  });
  return (await presentCommittees(ctx, [row]))[0]!;
}

async function presentMemberships(
  ctx: RequestContext,
  committee: CommitteeRow,
  rows: MembershipRow[],
  assignments: AssignmentRow[],
): Promise<MembershipOut[]> {
  const subject = (await hostPaths(ctx, [committee]))(committee.hostUnitId);
  const can = abilities(committeePolicy, ctx.actor, subject);
  const users = new Map(
    (
      await usersByIds(
        ctx,
        rows.flatMap((r) => (r.userId ? [r.userId] : [])),
      )
    ).map((u) => [u.id, u.fullName]),
  );
  const refs = await documentRefs(
    ctx,
    [
      ...rows.flatMap((r) => [r.decisionDocumentId, r.endDecisionDocumentId]),
      ...assignments.map((a) => a.decisionDocumentId),
    ].filter((x): x is string => !!x),
  );
  const facts = await unitFacts(
    ctx.db,
    assignments.map((a) => a.unitId),
  );
  const presentAssignment = (a: AssignmentRow): AssignmentOut => ({
    id: a.id,
    membershipId: a.membershipId,
    unitId: a.unitId,
    unitName: facts.get(a.unitId)?.name ?? '',
    fromDate: a.fromDate,
    toDate: a.toDate,
    note: a.note,
    decision: ref(refs, a.decisionDocumentId),
    version: a.version,
    abilities: can,
  });
  return rows
    .map((r) => ({
      id: r.id,
      committeeId: r.committeeId,
      userId: r.userId,
      name: r.personName ?? (r.userId ? (users.get(r.userId) ?? '') : ''),
      position: r.position as MembershipOut['position'],
      office: r.office,
      fromDate: r.fromDate,
      toDate: r.toDate,
      decision: ref(refs, r.decisionDocumentId),
      endDecision: ref(refs, r.endDecisionDocumentId),
      bodyId: r.bodyId,
      assignments: assignments
        .filter((a) => a.membershipId === r.id)
        .map(presentAssignment)
        .sort((x, y) => viCollator.compare(x.unitName, y.unitName)),
      version: r.version,
      abilities: can,
    }))
    .sort(
      (a, b) =>
        positionRank(a.position) - positionRank(b.position) ||
        viCollator.compare(a.name, b.name) ||
        a.fromDate.localeCompare(b.fromDate),
    );
}

/** A committee's memberships in force on a day and their monitoring assignments in force then (two statements). */
async function membersInForce(ctx: RequestContext, committeeId: string, date: string) {
  const members = await ctx.db
    .select()
    .from(committeeMemberships)
    .where(
      and(
        eq(committeeMemberships.committeeId, committeeId),
        inForce(committeeMemberships.fromDate, committeeMemberships.toDate, date),
      ),
    );
  const assignments = members.length
    ? await ctx.db
        .select()
        .from(monitoringAssignments)
        .where(
          and(
            inArray(
              monitoringAssignments.membershipId,
              members.map((m) => m.id),
            ),
            inForce(monitoringAssignments.fromDate, monitoringAssignments.toDate, date),
          ),
        )
    : [];
  return { members, assignments };
}

/** The members in office on `asOf` (default today), by position rank then name, with the units they follow then. */
export async function composition(
  ctx: RequestContext,
  id: string,
  asOf?: string,
): Promise<{ committee: CommitteeOut; asOf: string; members: MembershipOut[]; bodies: BodyOut[] }> {
  requireActor(ctx);
  const date = asOf ?? todayInVietnam();
  const committee = await loadCommittee(ctx, id);
  const { members, assignments } = await membersInForce(ctx, id, date);
  const bodies = await ctx.db
    .select()
    .from(committeeBodies)
    .where(
      and(
        eq(committeeBodies.committeeId, id),
        inForce(committeeBodies.foundedOn, committeeBodies.dissolvedOn, date),
      ),
    )
    .orderBy(asc(committeeBodies.foundedOn));
  return {
    committee: (await presentCommittees(ctx, [committee]))[0]!,
    asOf: date,
    members: await presentMemberships(ctx, committee, members, assignments),
    bodies: await presentBodies(ctx, committee, bodies),
  };
}

/** A member in office with the units they follow: what other modules group their figures by. */
export type RosterMember = {
  id: string;
  name: string;
  position: MembershipOut['position'];
  office: string | null;
  userId: string | null;
  assignments: { unitId: string; unitName: string }[];
};

/**
 * The committee of a unit in force on a day (its provincial committee first) and its members then, each with the
 * units they follow — names only, no documents or abilities: five statements, for dashboards that group by
 * member (the composition page uses `composition`).
 */
export async function committeeRoster(
  ctx: RequestContext,
  hostUnitId: string,
  asOf: string,
): Promise<{ committee: { id: string; name: string } | null; members: RosterMember[] }> {
  requireActor(ctx);
  const found = await ctx.db
    .select({ id: committees.id, name: committees.name, level: committees.level })
    .from(committees)
    .where(
      and(eq(committees.hostUnitId, hostUnitId), inForce(committees.foundedOn, committees.dissolvedOn, asOf)),
    )
    .orderBy(asc(committees.foundedOn));
  const committee = found.find((c) => c.level === 'province') ?? found[0];
  if (!committee) return { committee: null, members: [] };
  return {
    committee: { id: committee.id, name: committee.name },
    members: await rosterOfCommittee(ctx, committee.id, asOf),
  };
}

/** A committee's members in force on a day, each with the units they follow, Trưởng ban first (names only). */
export async function rosterOfCommittee(
  ctx: RequestContext,
  committeeId: string,
  asOf: string,
): Promise<RosterMember[]> {
  requireActor(ctx);
  const { members, assignments } = await membersInForce(ctx, committeeId, asOf);
  const users = new Map(
    (
      await usersByIds(
        ctx,
        members.flatMap((m) => (m.userId && !m.personName ? [m.userId] : [])),
      )
    ).map((u) => [u.id, u.fullName]),
  );
  const facts = await unitFacts(
    ctx.db,
    assignments.map((a) => a.unitId),
  );
  const roster = members.map((m) => ({
    id: m.id,
    name: m.personName ?? (m.userId ? (users.get(m.userId) ?? '') : ''),
    position: m.position as MembershipOut['position'],
    office: m.office,
    userId: m.userId,
    fromDate: m.fromDate,
    assignments: assignments
      .filter((a) => a.membershipId === m.id)
      .map((a) => ({ unitId: a.unitId, unitName: facts.get(a.unitId)?.name ?? '' }))
      .sort((x, y) => viCollator.compare(x.unitName, y.unitName)),
  }));
  roster.sort(
    (a, b) =>
      positionRank(a.position) - positionRank(b.position) ||
      viCollator.compare(a.name, b.name) ||
      a.fromDate.localeCompare(b.fromDate),
  );
  return roster.map(({ fromDate: _, ...m }) => m);
}

async function presentBodies(
  ctx: RequestContext,
  committee: CommitteeRow,
  rows: BodyRow[],
): Promise<BodyOut[]> {
  if (!rows.length) return [];
  const subject = (await hostPaths(ctx, [committee]))(committee.hostUnitId);
  const can = abilities(committeePolicy, ctx.actor, subject);
  const refs = await documentRefs(
    ctx,
    rows.flatMap((r) => (r.foundingDocumentId ? [r.foundingDocumentId] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    committeeId: r.committeeId,
    kind: r.kind as BodyOut['kind'],
    name: r.name,
    foundingDocument: ref(refs, r.foundingDocumentId),
    foundedOn: r.foundedOn,
    dissolvedOn: r.dissolvedOn,
    headMembershipId: r.headMembershipId,
    version: r.version,
    abilities: can,
  }));
}

/** Inserts a committee body (Tổ giúp việc) and its journal entry in the caller's transaction (no permission check). */
export async function createBodyRecord(
  ctx: RequestContext,
  committeeId: string,
  input: BodyInput,
): Promise<BodyRow> {
  const [row] = await ctx.db
    .insert(committeeBodies)
    .values({
      committeeId,
      kind: input.kind ?? 'to_giup_viec',
      name: input.name,
      foundingDocumentId: input.foundingDocumentId ?? null,
      foundedOn: input.foundedOn,
      dissolvedOn: input.dissolvedOn ?? null,
    })
    .returning();
  await recordChange(ctx, { action: 'create', entity: 'committee_body', entityId: row!.id, after: row });
  return row!;
}

/** Records the committee's working group (Tổ giúp việc) founded by its own decision. */
export async function createBody(
  ctx: RequestContext,
  committeeId: string,
  input: BodyInput,
): Promise<BodyOut> {
  const committee = await committeeToEdit(ctx, committeeId);
  await requireDocument(ctx, 'foundingDocumentId', input.foundingDocumentId);
  checkRange('foundedOn', input.foundedOn, 'dissolvedOn', input.dissolvedOn);
  if (input.foundedOn < committee.foundedOn)
    throw validation('foundedOn', 'committee.before_founding', {
      date: input.foundedOn,
      founded: committee.foundedOn,
    });
  const row = await ctx.db.transaction(async (tx) => {
    await tx
      .update(committees)
      .set({ version: sql`${committees.version} + 1`, updatedAt: new Date() })
      .where(eq(committees.id, committeeId));
    return createBodyRecord({ ...ctx, db: tx }, committeeId, input);
  });
  return (await presentBodies(ctx, committee, [row]))[0]!;
}

/** Sets a body's head (one of its members), decision, dates or name (send the version you read: 409 if stale). */
export async function updateBody(
  ctx: RequestContext,
  committeeId: string,
  bodyId: string,
  input: BodyUpdate,
): Promise<BodyOut> {
  const committee = await committeeToEdit(ctx, committeeId);
  const [current] = await ctx.db
    .select()
    .from(committeeBodies)
    .where(and(eq(committeeBodies.id, bodyId), eq(committeeBodies.committeeId, committeeId)));
  if (!current) throw notFound('committee_body');
  await requireDocument(ctx, 'foundingDocumentId', input.foundingDocumentId);
  const { version, ...patch } = input;
  checkRange(
    'foundedOn',
    patch.foundedOn ?? current.foundedOn,
    'dissolvedOn',
    patch.dissolvedOn === undefined ? current.dissolvedOn : patch.dissolvedOn,
  );
  if (patch.headMembershipId) {
    const [head] = await ctx.db
      .select({ id: committeeMemberships.id })
      .from(committeeMemberships)
      .where(
        and(eq(committeeMemberships.id, patch.headMembershipId), eq(committeeMemberships.bodyId, bodyId)),
      );
    if (!head) throw validation('headMembershipId', 'committee.head_not_member');
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(committeeBodies)
      .set({ ...patch, version: sql`${committeeBodies.version} + 1`, updatedAt: new Date() })
      .where(and(eq(committeeBodies.id, bodyId), eq(committeeBodies.version, version)))
      .returning();
    if (!updated) throw staleVersion('committee_body', current.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'committee_body', entityId: bodyId, before: current, after: updated },
    );
    return updated;
  });
  return (await presentBodies(ctx, committee, [row]))[0]!;
}

/** A body of the committee in force on `date`, for a member joining it (400 naming `bodyId` otherwise). */
async function requireBody(ctx: RequestContext, committeeId: string, bodyId: string, date: string) {
  const [body] = await ctx.db
    .select()
    .from(committeeBodies)
    .where(and(eq(committeeBodies.id, bodyId), eq(committeeBodies.committeeId, committeeId)));
  if (!body) throw validation('bodyId', 'committee.body_not_found');
  if (body.foundedOn > date || (body.dissolvedOn && body.dissolvedOn < date))
    throw validation('bodyId', 'committee.body_not_in_force', { date });
  return body;
}

/** Inserts a membership and its journal entry in the caller's transaction (no permission check). */
export async function addMembershipRecord(
  ctx: RequestContext,
  committeeId: string,
  input: MembershipInput & { personName: string | null; endDecisionDocumentId?: string | null },
): Promise<MembershipRow> {
  const [row] = await ctx.db
    .insert(committeeMemberships)
    .values({
      committeeId,
      userId: input.userId ?? null,
      personName: input.personName,
      position: input.position,
      office: input.office ?? null,
      fromDate: input.fromDate,
      toDate: input.toDate ?? null,
      decisionDocumentId: input.decisionDocumentId ?? null,
      endDecisionDocumentId: input.endDecisionDocumentId ?? null,
      bodyId: input.bodyId ?? null,
    })
    .returning();
  await recordChange(ctx, {
    action: 'create',
    entity: 'committee_membership',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

export async function addMembership(
  ctx: RequestContext,
  committeeId: string,
  input: MembershipInput,
): Promise<MembershipOut> {
  const committee = await committeeToEdit(ctx, committeeId);
  let personName = input.personName?.trim() || null;
  if (input.userId) {
    const [user] = await usersByIds(ctx, [input.userId]);
    if (!user) throw validation('userId', 'committee.user_not_found');
    personName ??= user.fullName;
  }
  if (!personName) throw validation('personName', 'committee.person_required');
  if (input.fromDate < committee.foundedOn)
    throw validation('fromDate', 'committee.before_founding', {
      date: input.fromDate,
      founded: committee.foundedOn,
    });
  checkRange('fromDate', input.fromDate, 'toDate', input.toDate);
  await requireDocument(ctx, 'decisionDocumentId', input.decisionDocumentId);
  // The working group's members belong to one of its bodies (Tổ giúp việc), and only they do.
  if (input.position === BODY_POSITION) {
    if (!input.bodyId) throw validation('bodyId', 'committee.body_required');
    await requireBody(ctx, committeeId, input.bodyId, input.fromDate);
  } else if (input.bodyId) throw validation('bodyId', 'committee.body_position_only');
  const row = await ctx.db.transaction(async (tx) => {
    // Adding a member changes the committee's composition: its version goes up (others editing it are told).
    await tx
      .update(committees)
      .set({ version: sql`${committees.version} + 1`, updatedAt: new Date() })
      .where(eq(committees.id, committeeId));
    return addMembershipRecord({ ...ctx, db: tx }, committeeId, { ...input, personName });
  });
  return (await presentMemberships(ctx, committee, [row], []))[0]!;
}

async function membershipToEdit(ctx: RequestContext, id: string) {
  const [membership] = await ctx.db
    .select()
    .from(committeeMemberships)
    .where(eq(committeeMemberships.id, id));
  if (!membership) throw notFound('committee_membership');
  const committee = await committeeToEdit(ctx, membership.committeeId);
  return { membership, committee };
}

/** Ends a membership on `toDate` (its last day) by a decision (kiện toàn). */
export async function endMembership(
  ctx: RequestContext,
  id: string,
  input: EndInput,
): Promise<MembershipOut> {
  const { membership, committee } = await membershipToEdit(ctx, id);
  if (membership.toDate) throw conflict('committee.already_ended', { date: membership.toDate });
  checkRange('fromDate', membership.fromDate, 'toDate', input.toDate);
  await requireDocument(ctx, 'decisionDocumentId', input.decisionDocumentId);
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(committeeMemberships)
      .set({
        toDate: input.toDate,
        endDecisionDocumentId: input.decisionDocumentId ?? null,
        version: sql`${committeeMemberships.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(committeeMemberships.id, id), eq(committeeMemberships.version, input.version)))
      .returning();
    if (!updated) throw staleVersion('committee_membership', membership.version);
    // Assignments still open past the last day end with the membership.
    const closed = await tx
      .update(monitoringAssignments)
      .set({
        toDate: input.toDate,
        version: sql`${monitoringAssignments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(monitoringAssignments.membershipId, id),
          or(isNull(monitoringAssignments.toDate), sql`${monitoringAssignments.toDate} > ${input.toDate}`),
          lte(monitoringAssignments.fromDate, input.toDate),
        ),
      )
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'end',
        entity: 'committee_membership',
        entityId: id,
        before: membership,
        after: { ...updated, closedAssignments: closed.map((a) => a.id) },
      },
    );
    return updated;
  });
  const assignments = await ctx.db
    .select()
    .from(monitoringAssignments)
    .where(eq(monitoringAssignments.membershipId, id));
  return (await presentMemberships(ctx, committee, [row], assignments))[0]!;
}

/**
 * Links a membership recorded by name (as printed in the decision) to the person's account: from then on
 * their landing page and cockpit show the units they follow. The name as printed is kept. A membership
 * already linked to another account is a 409 (end it and record the right one instead).
 */
export async function linkMembership(
  ctx: RequestContext,
  id: string,
  input: MembershipLinkInput,
): Promise<MembershipOut> {
  const { membership, committee } = await membershipToEdit(ctx, id);
  const email = input.email?.trim().toLowerCase();
  const user = input.userId
    ? (await usersByIds(ctx, [input.userId]))[0]
    : email
      ? await findUserByEmail(ctx, email)
      : undefined;
  if (!user) throw validation(input.userId ? 'userId' : 'email', 'committee.user_not_found');
  if (membership.userId && membership.userId !== user.id) {
    const [linked] = await usersByIds(ctx, [membership.userId]);
    throw conflict('committee.already_linked', { name: linked?.fullName ?? '' });
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(committeeMemberships)
      .set({
        userId: user.id,
        personName: membership.personName ?? user.fullName,
        version: sql`${committeeMemberships.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(committeeMemberships.id, id), eq(committeeMemberships.version, input.version)))
      .returning();
    if (!updated) throw staleVersion('committee_membership', membership.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'link_account',
        entity: 'committee_membership',
        entityId: id,
        before: { userId: membership.userId },
        after: { userId: user.id, personName: updated.personName },
      },
    );
    return updated;
  });
  const assignments = await ctx.db
    .select()
    .from(monitoringAssignments)
    .where(eq(monitoringAssignments.membershipId, id));
  return (await presentMemberships(ctx, committee, [row], assignments))[0]!;
}

/** Links a membership to an account in the caller's transaction (seeding: no permission check). */
export async function linkMembershipRecord(ctx: RequestContext, id: string, userId: string): Promise<void> {
  const [before] = await ctx.db.select().from(committeeMemberships).where(eq(committeeMemberships.id, id));
  if (!before) throw notFound('committee_membership');
  await ctx.db
    .update(committeeMemberships)
    .set({ userId, version: sql`${committeeMemberships.version} + 1`, updatedAt: new Date() })
    .where(eq(committeeMemberships.id, id));
  await recordChange(ctx, {
    action: 'link_account',
    entity: 'committee_membership',
    entityId: id,
    before: { userId: before.userId },
    after: { userId, personName: before.personName },
  });
}

/** Inserts an assignment and its journal entry in the caller's transaction (no permission check). */
export async function addAssignmentRecord(
  ctx: RequestContext,
  membershipId: string,
  input: AssignmentInput,
): Promise<AssignmentRow> {
  const [row] = await ctx.db
    .insert(monitoringAssignments)
    .values({
      membershipId,
      unitId: input.unitId,
      fromDate: input.fromDate,
      toDate: input.toDate ?? null,
      note: input.note ?? null,
      decisionDocumentId: input.decisionDocumentId ?? null,
    })
    .returning();
  await recordChange(ctx, {
    action: 'create',
    entity: 'monitoring_assignment',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/** A member follows a unit from `fromDate` (phân công theo dõi), within their membership. */
export async function addAssignment(
  ctx: RequestContext,
  membershipId: string,
  input: AssignmentInput,
): Promise<AssignmentOut> {
  const { membership, committee } = await membershipToEdit(ctx, membershipId);
  await requireUnit(ctx, 'unitId', input.unitId);
  checkRange('fromDate', input.fromDate, 'toDate', input.toDate);
  if (input.fromDate < membership.fromDate || (membership.toDate && input.fromDate > membership.toDate))
    throw validation('fromDate', 'committee.outside_membership', {
      from: membership.fromDate,
      to: membership.toDate ?? '…',
    });
  if (membership.toDate && (!input.toDate || input.toDate > membership.toDate))
    throw validation('toDate', 'committee.outside_membership', {
      from: membership.fromDate,
      to: membership.toDate,
    });
  await requireDocument(ctx, 'decisionDocumentId', input.decisionDocumentId);
  const row = await ctx.db.transaction(async (tx) => {
    await tx
      .update(committeeMemberships)
      .set({ version: sql`${committeeMemberships.version} + 1`, updatedAt: new Date() })
      .where(eq(committeeMemberships.id, membershipId));
    return addAssignmentRecord({ ...ctx, db: tx }, membershipId, input);
  });
  const [presented] = await presentMemberships(ctx, committee, [membership], [row]);
  return presented!.assignments[0]!;
}

export async function endAssignment(
  ctx: RequestContext,
  id: string,
  input: EndInput,
): Promise<AssignmentOut> {
  const [assignment] = await ctx.db
    .select()
    .from(monitoringAssignments)
    .where(eq(monitoringAssignments.id, id));
  if (!assignment) throw notFound('monitoring_assignment');
  const { membership, committee } = await membershipToEdit(ctx, assignment.membershipId);
  if (assignment.toDate) throw conflict('committee.already_ended', { date: assignment.toDate });
  checkRange('fromDate', assignment.fromDate, 'toDate', input.toDate);
  await requireDocument(ctx, 'decisionDocumentId', input.decisionDocumentId);
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(monitoringAssignments)
      .set({
        toDate: input.toDate,
        ...(input.decisionDocumentId ? { decisionDocumentId: input.decisionDocumentId } : {}),
        version: sql`${monitoringAssignments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(monitoringAssignments.id, id), eq(monitoringAssignments.version, input.version)))
      .returning();
    if (!updated) throw staleVersion('monitoring_assignment', assignment.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'end', entity: 'monitoring_assignment', entityId: id, before: assignment, after: updated },
    );
    return updated;
  });
  const [presented] = await presentMemberships(ctx, committee, [membership], [row]);
  return presented!.assignments[0]!;
}

/** The units I follow on `asOf` (default today), through my memberships — for the member's cockpit. */
export async function myMonitoring(ctx: RequestContext, asOf?: string): Promise<MyMonitoringOut> {
  const actor = requireActor(ctx);
  const date = asOf ?? todayInVietnam();
  const found = await ctx.db
    .select({ a: monitoringAssignments, m: committeeMemberships, c: committees })
    .from(monitoringAssignments)
    .innerJoin(committeeMemberships, eq(committeeMemberships.id, monitoringAssignments.membershipId))
    .innerJoin(committees, eq(committees.id, committeeMemberships.committeeId))
    .where(
      and(
        eq(committeeMemberships.userId, actor.user.id),
        inForce(committeeMemberships.fromDate, committeeMemberships.toDate, date),
        inForce(monitoringAssignments.fromDate, monitoringAssignments.toDate, date),
      ),
    );
  const facts = await unitFacts(
    ctx.db,
    found.map((f) => f.a.unitId),
  );
  // A unit followed through several assignments (e.g. also as a pilot unit's responsible member) is one
  // unit followed: the earliest assignment stands for it.
  const byUnit = new Map<string, (typeof found)[number]>();
  for (const f of [...found].sort((x, y) => x.a.fromDate.localeCompare(y.a.fromDate))) {
    const key = `${f.c.id}:${f.a.unitId}`;
    if (!byUnit.has(key)) byUnit.set(key, f);
  }
  return {
    asOf: date,
    items: [...byUnit.values()]
      .map((f) => ({
        assignmentId: f.a.id,
        unitId: f.a.unitId,
        unitName: facts.get(f.a.unitId)?.name ?? '',
        fromDate: f.a.fromDate,
        toDate: f.a.toDate,
        note: f.a.note,
        committeeId: f.c.id,
        committeeName: f.c.name,
        position: f.m.position as MyMonitoringOut['items'][number]['position'],
      }))
      .sort((a, b) => viCollator.compare(a.unitName, b.unitName)),
  };
}

/** The top unit (the province) of a unit's ancestry. */
async function topUnitOf(db: Db, unitId: string): Promise<string> {
  return (await ancestorPaths(db, [unitId])).get(unitId)?.at(-1) ?? unitId;
}

/**
 * A province's coverage on `asOf` (default today): its units in force then — counted only within the
 * province (the committee's top unit, or `withinId`), by kind (departments, management boards, Party
 * bodies, mass organisations, districts, communes: the unit registry's kinds, coverage-rules.ts) — which
 * have founded a committee of their own by then (not dissolved), and which a member of the provincial
 * committee follows then. The items are those of one kind.
 */
export async function coverage(
  ctx: RequestContext,
  query: {
    kind?: CoverageKind | undefined;
    asOf?: string | undefined;
    committeeId?: string | undefined;
    withinId?: string | undefined;
  },
): Promise<CoverageOut> {
  const actor = requireActor(ctx);
  const date = query.asOf ?? todayInVietnam();
  const committee = query.committeeId ? await loadCommittee(ctx, query.committeeId) : undefined;
  // The province counted: the unit asked for, the committee's top unit, else the caller's own province.
  const anchor = query.withinId ?? committee?.hostUnitId ?? actor.grants[0]?.unitId ?? actor.user.unitId;
  const empty: CoverageOut = {
    kind: null,
    asOf: date,
    scope: null,
    categories: [],
    total: 0,
    founded: 0,
    followed: 0,
    items: [],
  };
  if (!anchor) return empty;
  const scopeId = query.withinId ?? (await topUnitOf(ctx.db, anchor));
  const inScope = await unitsAsOf(ctx.db, { date, withinId: scopeId });
  const scopeUnit = inScope.find((u) => u.id === scopeId);
  const counted = inScope.filter((u) => u.id !== scopeId && isCoverageKind(u.kind));
  const ids = counted.map((u) => u.id);
  // Lower-level committees in force on the date, hosted by the counted units.
  const found = ids.length
    ? await ctx.db
        .select()
        .from(committees)
        .where(
          and(
            inArray(committees.hostUnitId, ids),
            lte(committees.foundedOn, date),
            or(isNull(committees.dissolvedOn), gte(committees.dissolvedOn, date)),
          ),
        )
        .orderBy(asc(committees.foundedOn))
    : [];
  const byUnit = new Map<string, CommitteeRow>();
  for (const c of found) if (!byUnit.has(c.hostUnitId)) byUnit.set(c.hostUnitId, c);
  // Who follows whom: the provincial committee's members in office then and their assignments then.
  const provincial =
    committee ??
    (
      await ctx.db
        .select()
        .from(committees)
        .where(and(eq(committees.hostUnitId, scopeId), eq(committees.level, 'province')))
        .orderBy(asc(committees.foundedOn))
    )[0];
  const follows =
    provincial && ids.length
      ? await ctx.db
          .select({ unitId: monitoringAssignments.unitId, m: committeeMemberships })
          .from(monitoringAssignments)
          .innerJoin(committeeMemberships, eq(committeeMemberships.id, monitoringAssignments.membershipId))
          .where(
            and(
              eq(committeeMemberships.committeeId, provincial.id),
              inForce(committeeMemberships.fromDate, committeeMemberships.toDate, date),
              inForce(monitoringAssignments.fromDate, monitoringAssignments.toDate, date),
              inArray(monitoringAssignments.unitId, ids),
            ),
          )
      : [];
  const users = new Map(
    (
      await usersByIds(
        ctx,
        follows.flatMap((f) => (f.m.userId ? [f.m.userId] : [])),
      )
    ).map((u) => [u.id, u.fullName]),
  );
  const followersOf = new Map<string, { membershipId: string; name: string }[]>();
  for (const f of follows) {
    const list = followersOf.get(f.unitId) ?? [];
    if (!list.some((x) => x.membershipId === f.m.id))
      list.push({
        membershipId: f.m.id,
        name: f.m.personName ?? (f.m.userId ? (users.get(f.m.userId) ?? '') : ''),
      });
    followersOf.set(f.unitId, list);
  }
  const categories = coverageCategories(counted, new Set(byUnit.keys()), new Set(followersOf.keys()));
  const kind = defaultCoverageKind(categories, query.kind);
  const listed = counted.filter((u) => u.kind === kind);
  const refs = await documentRefs(
    ctx,
    listed.flatMap((u) => {
      const id = byUnit.get(u.id)?.foundingDocumentId;
      return id ? [id] : [];
    }),
  );
  const items = [...listed]
    .sort((a, b) => viCollator.compare(a.name, b.name))
    .map((u) => {
      const c = byUnit.get(u.id);
      return {
        unitId: u.id,
        code: u.code,
        unitName: u.name,
        committee: c
          ? {
              id: c.id,
              name: c.name,
              foundedOn: c.foundedOn,
              foundingDocument: ref(refs, c.foundingDocumentId),
            }
          : null,
        followedBy: (followersOf.get(u.id) ?? []).sort((a, b) => viCollator.compare(a.name, b.name)),
      };
    });
  return {
    kind,
    asOf: date,
    scope: scopeUnit ? { id: scopeUnit.id, name: scopeUnit.name } : null,
    categories,
    total: items.length,
    founded: items.filter((i) => i.committee).length,
    followed: items.filter((i) => i.followedBy.length).length,
    items,
  };
}

/**
 * How a provincial document names the localities it goes to on `date`: "UBND cấp huyện" while the
 * province has districts in force, "UBND cấp xã" after (coverage-rules.ts `localRecipient`).
 */
export async function localRecipientAsOf(db: Db, unitId: string, date: string): Promise<string | null> {
  const provinceId = await topUnitOf(db, unitId);
  const kinds = new Set<string>();
  for (const kind of ['district', 'commune'])
    if ((await unitsAsOf(db, { date, kind, withinId: provinceId, limit: 1 })).length) kinds.add(kind);
  return localRecipient(kinds);
}

/** Committees (and their records) are readable by every signed-in user; 404 when missing. */
export async function assertCommitteeExists(ctx: RequestContext, id: string): Promise<void> {
  requireActor(ctx);
  await loadCommittee(ctx, id);
}

/** The committee of a level hosted by a unit, founded on a date — for seeding (idempotence). */
export async function findCommittee(
  ctx: RequestContext,
  hostUnitId: string,
  level: CommitteeLevel,
): Promise<CommitteeRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(committees)
    .where(and(eq(committees.hostUnitId, hostUnitId), eq(committees.level, level)));
  return row;
}

/** Committees' names by id, for background work that names them (reminders): no access check. */
export async function committeeNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: committees.id, name: committees.name })
    .from(committees)
    .where(inArray(committees.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Read-only, for the units' stale-links report: the monitoring assignments in force on `on` whose
 * membership is in force then too, with the member's name (as printed in the decision, else the account's),
 * the membership's dates and the committee (id, name, host unit). No access check: the caller filters.
 */
export async function assignmentsInForce(db: Db, on: string) {
  const found = await db
    .select({ a: monitoringAssignments, m: committeeMemberships, c: committees })
    .from(monitoringAssignments)
    .innerJoin(committeeMemberships, eq(committeeMemberships.id, monitoringAssignments.membershipId))
    .innerJoin(committees, eq(committees.id, committeeMemberships.committeeId))
    .where(
      and(
        lte(monitoringAssignments.fromDate, on),
        or(isNull(monitoringAssignments.toDate), gte(monitoringAssignments.toDate, on)),
        lte(committeeMemberships.fromDate, on),
        or(isNull(committeeMemberships.toDate), gte(committeeMemberships.toDate, on)),
      ),
    );
  return found.map(({ a, m, c }) => ({
    id: a.id,
    version: a.version,
    unitId: a.unitId,
    fromDate: a.fromDate,
    toDate: a.toDate,
    membershipId: m.id,
    userId: m.userId,
    personName: m.personName,
    membershipFrom: m.fromDate,
    membershipTo: m.toDate,
    committee: { id: c.id, name: c.name, hostUnitId: c.hostUnitId },
  }));
}

/** Memberships by id with the account and printed name (other modules name a member): no access check. */
export async function membershipsByIds(
  db: Db,
  ids: readonly string[],
): Promise<
  Map<string, { id: string; userId: string | null; personName: string | null; committeeId: string }>
> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: committeeMemberships.id,
      userId: committeeMemberships.userId,
      personName: committeeMemberships.personName,
      committeeId: committeeMemberships.committeeId,
    })
    .from(committeeMemberships)
    .where(inArray(committeeMemberships.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The ids of a user's memberships (any committee, any date). */
export async function membershipIdsOfUser(db: Db, userId: string): Promise<string[]> {
  return (
    await db
      .select({ id: committeeMemberships.id })
      .from(committeeMemberships)
      .where(eq(committeeMemberships.userId, userId))
  ).map((r) => r.id);
}
