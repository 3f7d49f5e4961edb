import type { Actor } from '../access/actor.js';
import type { Role } from '../access/roles.js';
import { DOSSIER_WRITE_ROLES } from '../dossiers/dossiers.policy.js';

/**
 * The sections of the web UI a user sees, computed from their roles here so the web never repeats a
 * rule. Later modules add their sections to this table. A page inside a section has the id
 * `<section>.<page>` and the web lists it under its section; its roles are those of the API it uses.
 */
const SECTIONS: { id: string; roles: readonly Role[] | 'all' }[] = [
  { id: 'home', roles: 'all' },
  { id: 'documents', roles: 'all' },
  { id: 'units', roles: 'all' },
  { id: 'users', roles: ['admin'] },
  { id: 'audit', roles: ['admin'] },
  { id: 'committees', roles: 'all' },
  // Committee meetings and their conclusions: readable wherever the committees are (the API checks each).
  { id: 'meetings', roles: 'all' },
  { id: 'plans', roles: 'all' },
  // Pilot direction (chỉ đạo điểm): the standing agency, the committee, and the pilot units' own people.
  {
    id: 'pilots',
    roles: [
      'admin',
      'standing_officer',
      'committee_leader',
      'committee_member',
      'focal_point',
      'unit_leader',
    ],
  },
  // Administrative-procedure dossiers (hồ sơ TTHC): the province's figures; a unit's own people their subtree.
  {
    id: 'dossiers',
    roles: [
      'admin',
      'standing_officer',
      'committee_leader',
      'committee_member',
      'focal_point',
      'unit_leader',
    ],
  },
  // Its pages for the people who feed the figures: file import and column mappings (admin, standing
  // agency: dossiers-import requireManager), API tokens (administrators), the thresholds and QĐ 766
  // weights (adding a version: admin, standing agency — dossiers-settings.policy).
  { id: 'dossiers.import', roles: DOSSIER_WRITE_ROLES },
  { id: 'dossiers.mappings', roles: DOSSIER_WRITE_ROLES },
  { id: 'dossiers.tokens', roles: ['admin'] },
  { id: 'dossiers.settings', roles: DOSSIER_WRITE_ROLES },
  // Committee members follow units (monitoring assignments): their cockpit.
  { id: 'cockpit', roles: ['committee_leader', 'committee_member'] },
  { id: 'calendar', roles: 'all' },
  { id: 'notifications', roles: 'all' },
  { id: 'profile', roles: 'all' },
];

export function navigationFor(actor: Actor): string[] {
  return SECTIONS.filter((s) => s.roles === 'all' || actor.hasRole(...s.roles)).map((s) => s.id);
}
