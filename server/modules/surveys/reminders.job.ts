import type { Db } from '../../db/client.js';

/** Reminders to invitees who have not answered yet. */
export async function remindInvitationsJob(_db: Db, _now: Date): Promise<number> {
  return 0;
}
