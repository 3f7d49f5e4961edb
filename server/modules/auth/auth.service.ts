import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { RequestContext } from '../../core/context.js';
import { AppError, unauthenticated } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { loadActor } from '../access/access.service.js';
import { recordChange } from '../audit/audit.service.js';
import {
  findUserByEmail,
  findUserById,
  getUserRow,
  noteFailedLogin,
  noteSuccessfulLogin,
  setPassword,
  type UserRow,
} from '../users/users.service.js';
import { endSessionsOf } from './sessions.service.js';
import { verifyPassword } from './password-hash.js';
import { sessions } from './auth.table.js';

export const SESSION_COOKIE = 'chidao_session';

export type SessionPolicy = Config['session'] & Config['login'];

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export type Session = { id: string; csrfToken: string; expiresAt: Date };

export type LoginResult = { token: string; session: Session; user: UserRow };

function locked(user: UserRow, now: Date) {
  return !!user.lockedUntil && user.lockedUntil.getTime() > now.getTime();
}

/** The one answer to an unknown account, a wrong password and a locked account alike. */
const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'auth.invalid_credentials');

/**
 * Signs a user in with e-mail and password. After `maxFailures` wrong passwords in a row the next wrong
 * one locks the account for `lockMinutes` (so the 6th wrong password locks it with the default 5); while
 * locked even the right password is refused. An unknown account, a wrong password and a locked account
 * get the same 401 (and the same password-hashing work), so the answer tells nobody which accounts exist
 * or are locked; the per-address rate limit of the route bounds guessing. Failures are counted by one
 * atomic UPDATE, so concurrent wrong passwords cannot slip past the lock. A new session is created on
 * every login (the old one, if the browser sent one, is deleted) so a session id planted before login is
 * useless.
 */
export async function login(
  ctx: RequestContext,
  policy: SessionPolicy,
  email: string,
  password: string,
  meta: { userAgent: string | null; previousToken: string | null },
): Promise<LoginResult> {
  const now = new Date();
  const user = await findUserByEmail(ctx, email);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || locked(user, now)) throw invalidCredentials();
  if (!ok) {
    await ctx.db.transaction(async (tx) => {
      const counted = await noteFailedLogin(tx, user.id, policy, now);
      if (counted?.lockedNow) {
        await recordChange(
          { ...ctx, db: tx },
          {
            action: 'lock',
            entity: 'user',
            entityId: user.id,
            after: { reason: 'failed_logins', failures: policy.maxFailures + 1 },
          },
        );
        // A locked account keeps no open session either.
        await endSessionsOf(tx, user.id);
      }
    });
    throw invalidCredentials();
  }
  if (!user.active) throw new AppError(403, 'ACCOUNT_INACTIVE', 'auth.inactive');

  const raw = token();
  const session: Session = {
    id: sha256(raw),
    csrfToken: token(),
    expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
  };
  await ctx.db.transaction(async (tx) => {
    // Locked by a concurrent wrong password since it was read: refused like any locked account.
    if (!(await noteSuccessfulLogin(tx, user.id, now))) throw invalidCredentials();
    if (meta.previousToken) await tx.delete(sessions).where(eq(sessions.id, sha256(meta.previousToken)));
    await tx.insert(sessions).values({
      id: session.id,
      userId: user.id,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      // The idle window is judged by the server's clock (resolveSession), so it starts by that clock too — not the
      // database's `now()`, which may run on another host (or, in a test, not under a faked clock).
      lastSeenAt: now,
      ip: ctx.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
  });
  return { token: raw, session, user };
}

export type ResolvedSession = { session: Session; actor: Actor; user: UserRow };

/**
 * The session behind a cookie token, if it is still valid: not past its absolute expiry and used within
 * the idle window. Every use restarts the idle window — also in the session's first minute — to the
 * second: `lastSeenAt` is written at most once a second per session.
 */
export async function resolveSession(
  db: Db,
  policy: SessionPolicy,
  raw: string,
): Promise<ResolvedSession | null> {
  const id = sha256(raw);
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  if (!row) return null;
  const now = Date.now();
  const idleLimit = row.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (row.expiresAt.getTime() <= now || idleLimit <= now) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const user = await findUserById(db, row.userId);
  if (!user || !user.active) return null;
  if (now - row.lastSeenAt.getTime() >= 1_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, new Date(now))));
  }
  const actor = await loadActor(db, {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    unitId: user.unitId,
  });
  return { session: { id, csrfToken: row.csrfToken, expiresAt: row.expiresAt }, actor, user };
}

export async function logout(db: Db, raw: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256(raw)));
}

/** The signed-in user changes their own password; other sessions end, this one stays. */
export async function changeOwnPassword(
  ctx: RequestContext,
  sessionId: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  if (!ctx.actor) throw unauthenticated();
  const user = await getUserRow(ctx, ctx.actor.user.id);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      'auth.wrong_current_password',
      { field: 'currentPassword' },
      [{ field: 'currentPassword', message: 'auth.wrong_current_password' }],
    );
  }
  if (currentPassword === newPassword) {
    throw new AppError(400, 'VALIDATION_FAILED', 'password.same_as_old', { field: 'newPassword' }, [
      { field: 'newPassword', message: 'password.same_as_old' },
    ]);
  }
  await setPassword(ctx, user.id, newPassword, { field: 'newPassword', keepSessionId: sessionId });
}

/** Removes expired sessions (run at start-up and hourly). */
export async function purgeExpiredSessions(db: Db, policy: SessionPolicy): Promise<void> {
  await db.execute(
    sql`DELETE FROM sessions WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(mins => ${policy.idleMinutes})`,
  );
}
