import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions } from './auth.table.js';

/** Ends every session of an account (deactivation, lock, password change), except `keepId` if given. */
export async function endSessionsOf(db: Db, userId: string, keepId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(keepId ? and(eq(sessions.userId, userId), ne(sessions.id, keepId)) : eq(sessions.userId, userId));
}
