import { and, eq, inArray, isNull, lte, gte, or, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { AppError, forbidden, notFound, unauthenticated, validation } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { ancestorPaths, getUnit, getUnits } from '../units/units.service.js';
import { Actor, type ActorUser, type Grant } from './actor.js';
import { grants } from './access.table.js';
import { inheritedGrants } from './lineage-follow.service.js';
import { isRole, type Role } from './roles.js';

/**
 * Builds the actor for a signed-in user: the grants in force now, and those they pass on to the ended units
 * their units carry (`lineage-follow.service`).
 */
export async function loadActor(db: Db, user: ActorUser, at = new Date()): Promise<Actor> {
  const found = await db
    .select({ id: grants.id, role: grants.role, unitId: grants.unitId })
    .from(grants)
    .where(
      and(
        eq(grants.userId, user.id),
        or(isNull(grants.validFrom), lte(grants.validFrom, at)),
        or(isNull(grants.validTo), gte(grants.validTo, at)),
      ),
    );
  const valid: Grant[] = found.flatMap((g) =>
    isRole(g.role) ? [{ id: g.id, role: g.role, unitId: g.unitId }] : [],
  );
  // Access follows lineage: grants on a successor unit reach the ended units it carries (rule as data).
  return new Actor(user, valid, await inheritedGrants(db, valid));
}

export type GrantOut = {
  id: string;
  userId: string;
  role: Role;
  unitId: string;
  unitName: string;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
  createdAt: string;
  abilities: { revoke: boolean };
};

function requireAdminOver(ctx: RequestContext, unitPath: string[]) {
  if (!ctx.actor) throw unauthenticated();
  if (!ctx.actor.hasRoleOver(['admin'], unitPath)) throw forbidden();
}

export async function listGrantsOf(ctx: RequestContext, userId: string): Promise<GrantOut[]> {
  const rows = await ctx.db.select().from(grants).where(eq(grants.userId, userId)).orderBy(grants.createdAt);
  const units = new Map(
    (
      await getUnits(
        ctx.db,
        rows.map((r) => r.unitId),
      )
    ).map((u) => [u.id, u]),
  );
  const paths = await ancestorPaths(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    role: r.role as Role,
    unitId: r.unitId,
    unitName: units.get(r.unitId)?.fullName ?? '',
    validFrom: r.validFrom?.toISOString() ?? null,
    validTo: r.validTo?.toISOString() ?? null,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    abilities: {
      revoke:
        !!ctx.actor?.hasRoleOver(['admin'], paths.get(r.unitId) ?? []) && ctx.actor.user.id !== r.userId,
    },
  }));
}

export type GrantInput = {
  userId: string;
  role: string;
  unitId: string;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  note?: string | null | undefined;
};

/**
 * Grants a role over a unit subtree. The granting administrator must hold admin over that unit; an
 * administrator never changes their own grants (another administrator must).
 */
export async function addGrant(
  ctx: RequestContext,
  input: GrantInput,
  options: { skipAuthorization?: boolean } = {},
): Promise<GrantOut> {
  if (!isRole(input.role)) throw validation('role', 'grant.unknown_role', { role: input.role });
  const unit = await getUnit(ctx.db, input.unitId);
  if (!unit) throw validation('unitId', 'grant.unit_missing');
  if (!options.skipAuthorization) {
    requireAdminOver(ctx, (await ancestorPaths(ctx.db, [unit.id])).get(unit.id) ?? []);
    if (ctx.actor!.user.id === input.userId) throw forbidden();
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(grants)
      .values({
        userId: input.userId,
        role: input.role,
        unitId: input.unitId,
        validFrom: input.validFrom ? new Date(input.validFrom) : null,
        validTo: input.validTo ? new Date(input.validTo) : null,
        note: input.note ?? null,
        createdBy: ctx.actor?.user.id ?? null,
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'grant', entityId: row!.id, after: row },
    );
    return row!.id;
  });
  const out = (await listGrantsOf(ctx, input.userId)).find((g) => g.id === id);
  if (!out) throw notFound('grant');
  return out;
}

export async function revokeGrant(ctx: RequestContext, grantId: string): Promise<void> {
  const [row] = await ctx.db.select().from(grants).where(eq(grants.id, grantId));
  if (!row) throw notFound('grant');
  requireAdminOver(ctx, (await ancestorPaths(ctx.db, [row.unitId])).get(row.unitId) ?? []);
  if (ctx.actor!.user.id === row.userId) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    if (row.role === 'admin') {
      const [n] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(grants)
        .where(eq(grants.role, 'admin'));
      if (Number(n?.n) <= 1) throw new AppError(409, 'LAST_ADMIN', 'grant.last_admin');
    }
    await tx.delete(grants).where(eq(grants.id, grantId));
    await recordChange(
      { ...ctx, db: tx },
      { action: 'delete', entity: 'grant', entityId: grantId, before: row },
    );
  });
}

/** Removes every grant of an account (demo accounts when demo mode is turned off), journalled. */
export async function revokeAllGrantsOf(ctx: RequestContext, userId: string): Promise<void> {
  const removed = await ctx.db.delete(grants).where(eq(grants.userId, userId)).returning();
  for (const row of removed)
    await recordChange(ctx, { action: 'delete', entity: 'grant', entityId: row.id, before: row });
}

/**
 * The users holding any of `roles` over a unit — granted on the unit itself or on one of its ancestors
 * (`unitPath`, root first) — at `at`. For addressing a unit's people (reminders, notifications).
 */
export async function roleHoldersOver(
  db: Db,
  unitPath: readonly string[],
  roles: readonly Role[],
  at = new Date(),
): Promise<string[]> {
  if (!unitPath.length || !roles.length) return [];
  const found = await db
    .selectDistinct({ userId: grants.userId })
    .from(grants)
    .where(
      and(
        inArray(grants.role, [...roles]),
        inArray(grants.unitId, [...unitPath]),
        or(isNull(grants.validFrom), lte(grants.validFrom, at)),
        or(isNull(grants.validTo), gte(grants.validTo, at)),
      ),
    );
  return found.map((r) => r.userId);
}

/** Read-only (the administrator's set-up view): the users holding at least one grant in force at `at`. */
export async function usersWithGrants(db: Db, at = new Date()): Promise<Set<string>> {
  const found = await db
    .selectDistinct({ userId: grants.userId })
    .from(grants)
    .where(
      and(
        or(isNull(grants.validFrom), lte(grants.validFrom, at)),
        or(isNull(grants.validTo), gte(grants.validTo, at)),
      ),
    );
  return new Set(found.map((r) => r.userId));
}

/** Read-only (the administrator's set-up view): the units one of `roles` is granted on, in force at `at`. */
export async function unitsGranted(db: Db, roles: readonly Role[], at = new Date()): Promise<Set<string>> {
  if (!roles.length) return new Set();
  const found = await db
    .selectDistinct({ unitId: grants.unitId })
    .from(grants)
    .where(
      and(
        inArray(grants.role, [...roles]),
        or(isNull(grants.validFrom), lte(grants.validFrom, at)),
        or(isNull(grants.validTo), gte(grants.validTo, at)),
      ),
    );
  return new Set(found.map((r) => r.unitId));
}
