import type { Actor } from '../access/actor.js';
import type { Role } from '../access/roles.js';

/**
 * Every signed-in user reads the working calendar; administrators and standing-agency officers edit
 * the announced schedules (the calendar is province-wide, so the rule is a role, not a unit scope).
 */
export const CALENDAR_EDITORS: readonly Role[] = ['admin', 'standing_officer'];

export const canEditCalendar = (actor: Actor | null): boolean =>
  actor !== null && actor.hasRole(...CALENDAR_EDITORS);
