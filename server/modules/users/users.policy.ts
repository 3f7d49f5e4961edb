import type { Actor } from '../access/actor.js';
import { definePolicy } from '../access/policy.js';

export type UserSubject = { id: string; unitPath: readonly string[] };

const adminOver = (actor: Actor, u: UserSubject) =>
  u.unitPath.length === 0 ? actor.isAdmin : actor.hasRoleOver(['admin'], u.unitPath);

/** Who may see and manage accounts: administrators over the account's unit; everyone sees themselves. */
export const userPolicy = definePolicy<UserSubject, 'read' | 'update' | 'manage' | 'grant'>('user', {
  read: (actor, u) => actor.user.id === u.id || adminOver(actor, u),
  /** Profile fields (name, phone, position). */
  update: (actor, u) => actor.user.id === u.id || adminOver(actor, u),
  /** Unit, e-mail, activation, password reset. */
  manage: (actor, u) => adminOver(actor, u),
  grant: (actor, u) => adminOver(actor, u) && actor.user.id !== u.id,
});
