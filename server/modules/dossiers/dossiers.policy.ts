import type { Role } from '../access/roles.js';
import { definePolicy } from '../access/policy.js';

/** Who reads dossier figures: the province's standing agency, committee and administrators over the
 *  province; a unit's focal point and leader over their own subtree. */
export const DOSSIER_READ_ROLES: readonly Role[] = [
  'admin',
  'standing_officer',
  'committee_leader',
  'committee_member',
  'focal_point',
  'unit_leader',
];
/** Who writes dossiers (the HTTP ingest) and the procedure catalogue. */
export const DOSSIER_WRITE_ROLES: readonly Role[] = ['admin', 'standing_officer'];

/** A receiving unit, by its ancestor chain (the unit itself first). */
export type DossierUnitSubject = { path: readonly string[] };

export const dossierUnitPolicy = definePolicy('dossier_unit', {
  read: (actor, s: DossierUnitSubject) => actor.hasRoleOver(DOSSIER_READ_ROLES, s.path),
  write: (actor, s: DossierUnitSubject) => actor.hasRoleOver(DOSSIER_WRITE_ROLES, s.path),
});

/** The procedure catalogue is province-wide: readers read it, the standing agency and admins keep it. */
export const procedureCatalogPolicy = definePolicy('dossier_procedure', {
  read: (actor, _s: null) => actor.hasRole(...DOSSIER_READ_ROLES),
  create: (actor, _s: null) => actor.hasRole(...DOSSIER_WRITE_ROLES),
});
