import type { Role } from '../access/roles.js';
import { definePolicy } from '../access/policy.js';

export type DocumentSubject = { access: 'public' | 'internal' | 'restricted'; unitPath: readonly string[] };

/** Roles that edit the register for the units they hold the role over. */
export const DOCUMENT_EDITORS: readonly Role[] = ['admin', 'standing_officer', 'focal_point', 'unit_leader'];
/** Roles that may also read restricted documents of the units they hold the role over. */
export const RESTRICTED_READERS: readonly Role[] = [
  ...DOCUMENT_EDITORS,
  'committee_leader',
  'committee_member',
  'appraiser',
  'inspector',
];

/**
 * Public and internal documents are readable by every signed-in user; restricted ones only within the
 * owning unit's scope (a focal point of Sở Tư pháp reads Sở Tư pháp's restricted drafts, not Sở Xây
 * dựng's). Editing is for editors over the owning unit.
 */
export const documentPolicy = definePolicy<DocumentSubject, 'read' | 'update' | 'delete'>('document', {
  read: (actor, d) => d.access !== 'restricted' || actor.hasRoleOver(RESTRICTED_READERS, d.unitPath),
  update: (actor, d) => actor.hasRoleOver(DOCUMENT_EDITORS, d.unitPath),
  delete: (actor, d) => actor.hasRoleOver(['admin', 'standing_officer'], d.unitPath),
});

/** Creating a document for a unit: same as editing that unit's documents. */
export const canCreateFor = (
  actor: Parameters<typeof documentPolicy.rules.update>[0],
  unitPath: readonly string[],
) => actor.hasRoleOver(DOCUMENT_EDITORS, unitPath);
