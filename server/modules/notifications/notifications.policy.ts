import type { Actor } from '../access/actor.js';

/**
 * Who may change the reminder rule, see the job queue and run a pass on demand: administrators. Every
 * signed-in user reads and manages only their own inbox and preferences (checked by user id).
 */
export const canAdministerNotifications = (actor: Actor) => actor.hasRole('admin');
