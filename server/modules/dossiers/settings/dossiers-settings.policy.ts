import { definePolicy } from '../../access/policy.js';
import { DOSSIER_READ_ROLES, DOSSIER_WRITE_ROLES } from '../dossiers.policy.js';

/**
 * The dossier rules (thresholds, QĐ 766 weights) are province-wide, like the procedure catalogue: every
 * reader of dossier figures may see them; administrators and the standing agency — who keep the catalogue
 * and the import mappings — add versions.
 */
export const dossierRulesPolicy = definePolicy('dossier_rules', {
  read: (actor, _s: null) => actor.hasRole(...DOSSIER_READ_ROLES),
  create: (actor, _s: null) => actor.hasRole(...DOSSIER_WRITE_ROLES),
});
