import { and, asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import {
  AppError,
  conflict,
  forbidden,
  notFound,
  staleVersion,
  unauthenticated,
  validation,
} from '../../core/errors.js';
import type { Actor } from '../access/actor.js';
import { abilities, authorize } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { checkPassword } from '../auth/password-policy.js';
import { endSessionsOf } from '../auth/sessions.service.js';
import { revokeAllGrantsOf } from '../access/access.service.js';
import { hashPassword } from '../auth/password-hash.js';
import { queryWords } from '../units/unit-search.service.js';
import {
  ancestorPaths,
  getUnit,
  getUnits,
  subtreeSql,
  unitNameSortSql,
  viCollator,
} from '../units/units.service.js';
import { userPolicy, type UserSubject } from './users.policy.js';
import type { UserOut, UserSort } from './users.schemas.js';
import { users } from './users.table.js';

export type UserRow = typeof users.$inferSelect;

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

async function subjects(ctx: RequestContext, rows: UserRow[]): Promise<Map<string, UserSubject>> {
  const paths = await ancestorPaths(
    ctx.db,
    rows.flatMap((r) => (r.unitId ? [r.unitId] : [])),
  );
  return new Map(
    rows.map((r) => [r.id, { id: r.id, unitPath: r.unitId ? (paths.get(r.unitId) ?? []) : [] }]),
  );
}

async function present(ctx: RequestContext, rows: UserRow[]): Promise<UserOut[]> {
  const unitNames = new Map(
    (
      await getUnits(
        ctx.db,
        rows.flatMap((r) => (r.unitId ? [r.unitId] : [])),
      )
    ).map((u) => [u.id, u.name]),
  );
  const subs = await subjects(ctx, rows);
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    fullName: r.fullName,
    phone: r.phone,
    unitId: r.unitId,
    unitName: r.unitId ? (unitNames.get(r.unitId) ?? null) : null,
    position: r.position,
    active: r.active,
    locked: !!r.lockedUntil && r.lockedUntil.getTime() > now,
    demo: r.demo,
    locale: r.locale,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    abilities: abilities(userPolicy, ctx.actor, subs.get(r.id)!),
  }));
}

/** What the journal keeps of an account (never the password hash). */
function journalView(r: UserRow) {
  const { passwordHash: _hash, ...rest } = r;
  return rest;
}

export async function findUserByEmail(ctx: RequestContext, email: string): Promise<UserRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row;
}

export async function findUserById(db: RequestContext['db'], id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function getUserRow(ctx: RequestContext, id: string): Promise<UserRow> {
  const [row] = await ctx.db.select().from(users).where(eq(users.id, id));
  if (!row) throw notFound('user');
  return row;
}

export async function getUser(ctx: RequestContext, id: string): Promise<UserOut> {
  const row = await getUserRow(ctx, id);
  const subject = (await subjects(ctx, [row])).get(row.id)!;
  authorize(userPolicy, requireActor(ctx), 'read', subject);
  return (await present(ctx, [row]))[0]!;
}

/** Accounts the caller administers (admins see the accounts of units in their subtree). */
export async function listUsers(
  ctx: RequestContext,
  query: {
    q?: string | undefined;
    unitId?: string | undefined;
    sort?: UserSort | undefined;
    dir?: 'asc' | 'desc' | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: UserOut[]; total: number }> {
  const actor = requireActor(ctx);
  if (!actor.isAdmin) throw forbidden();
  const c: SQL[] = [
    sql`(${users.unitId} IS NULL OR ${users.unitId} IN (${subtreeSql(actor.rootsFor(['admin']))}))`,
  ];
  if (query.unitId) c.push(eq(users.unitId, query.unitId));
  if (query.q?.trim()) {
    const needle = `%${query.q.trim().toLowerCase()}%`;
    c.push(sql`f_unaccent(lower(${users.fullName} || ' ' || ${users.email})) LIKE f_unaccent(${needle})`);
  }
  const where = and(...c);
  const [countRow] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(where);
  const sort = query.sort ?? 'fullName';
  const dir = query.dir ?? (sort === 'lastLoginAt' ? 'desc' : 'asc');
  const d = dir === 'desc' ? sql`DESC` : sql`ASC`;
  const text = (col: SQLWrapper) => sql`f_unaccent(lower(${col})) ${d} NULLS LAST`;
  const key: Record<UserSort, SQL> = {
    fullName: text(users.fullName),
    // Byte order: the same on every database collation (e-mail addresses are ASCII).
    email: sql`lower(${users.email}) COLLATE "C" ${d}`,
    unit: sql`${unitNameSortSql(users.unitId)} ${d} NULLS LAST`,
    position: text(users.position),
    lastLoginAt: sql`${users.lastLoginAt} ${d} NULLS LAST`,
  };
  const rows = await ctx.db
    .select()
    .from(users)
    .where(where)
    .orderBy(key[sort], asc(users.fullName), asc(users.id))
    .limit(query.limit)
    .offset(query.offset);
  if (sort === 'fullName') {
    // Within the page, names in Vietnamese order (tones after the letters; the SQL key ignores them).
    const collator = new Intl.Collator('vi');
    rows.sort((a, b) => (dir === 'desc' ? -1 : 1) * collator.compare(a.fullName, b.fullName));
  }
  return { items: await present(ctx, rows), total: Number(countRow?.n ?? 0) };
}

async function requireUnit(ctx: RequestContext, unitId: string | null | undefined): Promise<string[]> {
  if (!unitId) return [];
  const unit = await getUnit(ctx.db, unitId);
  if (!unit) throw validation('unitId', 'unit.not_found');
  return (await ancestorPaths(ctx.db, [unitId])).get(unitId) ?? [unitId];
}

function assertPassword(password: string, email: string, field = 'password') {
  const problem = checkPassword(password, email);
  if (problem) throw validation(field, problem.key, problem.params);
}

export type CreateUserInput = {
  email: string;
  fullName: string;
  phone?: string | null | undefined;
  unitId?: string | null | undefined;
  position?: string | null | undefined;
  password?: string | undefined;
  locale?: 'vi' | 'en';
  demo?: boolean;
};

/**
 * Creates an account. With `skipAuthorization` (the CLI's `admin create` and the demo seed) no actor is
 * needed; otherwise the caller must administer the account's unit.
 */
export async function createUser(
  ctx: RequestContext,
  input: CreateUserInput,
  options: { skipAuthorization?: boolean; passwordHash?: string } = {},
): Promise<UserOut> {
  const unitPath = await requireUnit(ctx, input.unitId);
  if (!options.skipAuthorization) {
    const actor = requireActor(ctx);
    if (!(unitPath.length === 0 ? actor.isAdmin : actor.hasRoleOver(['admin'], unitPath))) throw forbidden();
  }
  if (input.password !== undefined) assertPassword(input.password, input.email);
  if (await findUserByEmail(ctx, input.email)) {
    throw new AppError(409, 'EMAIL_TAKEN', 'error.email_taken', { email: input.email }, [
      { field: 'email', message: 'error.email_taken' },
    ]);
  }
  const passwordHash =
    options.passwordHash ?? (input.password !== undefined ? await hashPassword(input.password) : null);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email.trim().toLowerCase(),
        fullName: input.fullName,
        phone: input.phone ?? null,
        unitId: input.unitId ?? null,
        position: input.position ?? null,
        passwordHash,
        passwordChangedAt: passwordHash ? new Date() : null,
        locale: input.locale ?? 'vi',
        demo: input.demo ?? false,
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'user', entityId: created!.id, after: journalView(created!) },
    );
    return created!;
  });
  return (await present(ctx, [row]))[0]!;
}

export type UpdateUserInput = {
  version: number;
  fullName?: string | undefined;
  phone?: string | null | undefined;
  position?: string | null | undefined;
  locale?: 'vi' | 'en' | undefined;
  email?: string | undefined;
  unitId?: string | null | undefined;
  active?: boolean | undefined;
};

/** Applies an edit if `version` is still current; otherwise 409 and nothing changes. */
export async function updateUser(ctx: RequestContext, id: string, input: UpdateUserInput): Promise<UserOut> {
  const actor = requireActor(ctx);
  const current = await getUserRow(ctx, id);
  const subject = (await subjects(ctx, [current])).get(id)!;
  const managed = input.email !== undefined || input.unitId !== undefined || input.active !== undefined;
  authorize(userPolicy, actor, managed ? 'manage' : 'update', subject);
  if (input.unitId !== undefined) {
    const newPath = await requireUnit(ctx, input.unitId);
    if (newPath.length && !actor.hasRoleOver(['admin'], newPath)) throw forbidden();
  }
  if (input.active === false && actor.user.id === id) throw forbidden();
  if (input.email && input.email !== current.email) {
    const other = await findUserByEmail(ctx, input.email);
    if (other && other.id !== id) throw conflict('error.email_taken', { email: input.email });
  }
  const patch: Partial<typeof users.$inferInsert> = {};
  if (input.fullName !== undefined) patch.fullName = input.fullName;
  if (input.phone !== undefined) patch.phone = input.phone;
  if (input.position !== undefined) patch.position = input.position;
  if (input.locale !== undefined) patch.locale = input.locale;
  if (input.email !== undefined) patch.email = input.email;
  if (input.unitId !== undefined) patch.unitId = input.unitId;
  if (input.active !== undefined) patch.active = input.active;
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning();
    if (!updated) throw staleVersion('user', current.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'update',
        entity: 'user',
        entityId: id,
        before: journalView(current),
        after: journalView(updated),
      },
    );
    if (input.active === false) await endSessionsOf(tx, id);
    return updated;
  });
  return (await present(ctx, [row]))[0]!;
}

/** Sets a new password (admin reset or the user's own change, already verified) and unlocks. */
export async function setPassword(
  ctx: RequestContext,
  id: string,
  password: string,
  options: { field?: string; keepSessionId?: string | undefined } = {},
): Promise<void> {
  const current = await getUserRow(ctx, id);
  assertPassword(password, current.email, options.field);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: new Date(),
        failedLogins: 0,
        lockedUntil: null,
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    await recordChange({ ...ctx, db: tx }, { action: 'password_change', entity: 'user', entityId: id });
    // Every other session of this account ends: a stolen session does not survive a password change.
    await endSessionsOf(tx, id, options.keepSessionId);
  });
}

/** Administrator: reset a password (and unlock). */
export async function resetPassword(ctx: RequestContext, id: string, password: string): Promise<void> {
  const current = await getUserRow(ctx, id);
  const subject = (await subjects(ctx, [current])).get(id)!;
  authorize(userPolicy, requireActor(ctx), 'manage', subject);
  await setPassword(ctx, id, password);
}

export async function usersByIds(ctx: RequestContext, ids: string[]): Promise<UserRow[]> {
  if (!ids.length) return [];
  return ctx.db.select().from(users).where(inArray(users.id, ids));
}

export type UserHit = { id: string; fullName: string; position: string | null; unitId: string | null };

/**
 * People to pick among accounts another module has already narrowed (`ids`; e.g. who may join an inspection
 * team): the active ones whose name has a word starting with each word of `q` (accents and case ignored: "nguyen"
 * finds Nguyễn), in Vietnamese order, at most `limit`, with how many match in all. No authorization here: the
 * caller decides who may see whom.
 */
export async function searchActiveUsers(
  ctx: RequestContext,
  input: { ids: readonly string[]; q?: string | undefined; limit: number },
): Promise<{ items: UserHit[]; total: number }> {
  if (!input.ids.length) return { items: [], total: 0 };
  const c: SQL[] = [inArray(users.id, [...new Set(input.ids)]), eq(users.active, true)];
  const name = sql`' ' || regexp_replace(f_unaccent(lower(${users.fullName})), '[^[:alnum:]]+', ' ', 'g')`;
  for (const w of queryWords(input.q)) c.push(sql`${name} LIKE '% ' || f_unaccent(${w}) || '%'`);
  const where = and(...c);
  const [countRow] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(where);
  const rows = await ctx.db
    .select({ id: users.id, fullName: users.fullName, position: users.position, unitId: users.unitId })
    .from(users)
    .where(where)
    .orderBy(sql`f_unaccent(lower(${users.fullName}))`, asc(users.id))
    .limit(input.limit);
  // Within the page, names in Vietnamese order (tones after the letters; the SQL key ignores them).
  rows.sort((a, b) => viCollator.compare(a.fullName, b.fullName) || a.id.localeCompare(b.id));
  return { items: rows, total: Number(countRow?.n ?? 0) };
}

/** Removes demo accounts (demo mode off). Their journal entries stay. */
export async function removeDemoUsers(ctx: RequestContext): Promise<number> {
  const demoUsers = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.demo, true), eq(users.active, true)));
  if (!demoUsers.length) return 0;
  await ctx.db.transaction(async (tx) => {
    for (const u of demoUsers) {
      await revokeAllGrantsOf({ ...ctx, db: tx }, u.id);
      await endSessionsOf(tx, u.id);
      await tx.update(users).set({ active: false, passwordHash: null }).where(eq(users.id, u.id));
      await recordChange(
        { ...ctx, db: tx },
        { action: 'deactivate_demo', entity: 'user', entityId: u.id, before: journalView(u) },
      );
    }
  });
  return demoUsers.length;
}

const notLockedAt = (now: Date) =>
  sql`(${users.lockedUntil} IS NULL OR ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`;

/**
 * A wrong password, counted atomically in one statement (concurrent attempts each count once, none is
 * lost): the one that makes the count exceed `maxFailures` locks the account for `lockMinutes` and resets
 * the count. Returns whether this attempt locked the account, or `null` when it was already locked (then
 * nothing is counted).
 */
export async function noteFailedLogin(
  db: RequestContext['db'],
  userId: string,
  policy: { maxFailures: number; lockMinutes: number },
  now = new Date(),
): Promise<{ lockedNow: boolean } | null> {
  const until = new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString();
  const exceeds = sql`${users.failedLogins} + 1 > ${policy.maxFailures}`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`CASE WHEN ${exceeds} THEN 0 ELSE ${users.failedLogins} + 1 END`,
      lockedUntil: sql`CASE WHEN ${exceeds} THEN ${until}::timestamptz ELSE ${users.lockedUntil} END`,
    })
    .where(and(eq(users.id, userId), notLockedAt(now)))
    .returning({ lockedUntil: users.lockedUntil });
  if (!row) return null;
  return { lockedNow: !!row.lockedUntil && row.lockedUntil.getTime() > now.getTime() };
}

/**
 * Login bookkeeping: a successful sign-in clears the failure count — unless the account was locked in the
 * meantime (a concurrent wrong password): then nothing changes and it returns false.
 */
export async function noteSuccessfulLogin(
  db: RequestContext['db'],
  userId: string,
  now = new Date(),
): Promise<boolean> {
  const [row] = await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
    .where(and(eq(users.id, userId), notLockedAt(now)))
    .returning({ id: users.id });
  return !!row;
}
