import type { Role } from '../access/roles.js';
import { definePolicy } from '../access/policy.js';
import { INSPECTION_READERS, INSPECTION_UNIT_ROLES } from './inspections.policy.js';

/**
 * Who does what with self-inspections (tự kiểm tra CCHC; ./README.md "Who"). A unit's records are judged by the
 * inspecting unit's ancestor chain (as the unit was — access follows lineage through inherited grants).
 */

/** A unit's focal point and leader record its self-inspections. */
export const SELF_INSPECTION_UNIT_ROLES: readonly Role[] = INSPECTION_UNIT_ROLES;
/** The standing agency and the committee read every unit's (holding their role on the province: its view). */
export const SELF_INSPECTION_READERS: readonly Role[] = INSPECTION_READERS;
/** Everyone who sees self-inspections (the routes' first gate, the navigation's section). */
export const SELF_INSPECTION_ROLES: readonly Role[] = [
  ...SELF_INSPECTION_READERS,
  ...SELF_INSPECTION_UNIT_ROLES,
];

export const selfInspectionPolicy = definePolicy<{ unitPath: readonly string[] }, 'read' | 'record'>(
  'self_inspection',
  {
    read: (actor, s) => actor.hasRoleOver(SELF_INSPECTION_ROLES, s.unitPath),
    // Acting: a grant inherited for reading only (access follows lineage, rule `read`) does not record.
    record: (actor, s) => actor.acting().hasRoleOver(SELF_INSPECTION_UNIT_ROLES, s.unitPath),
  },
);
