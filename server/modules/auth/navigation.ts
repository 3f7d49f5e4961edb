import type { Actor } from '../access/actor.js';
import type { Role } from '../access/roles.js';

/**
 * The sections of the web UI a user sees, computed from their roles here so the web never repeats a
 * rule. Later modules add their sections to this table.
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
  // Committee members follow units (monitoring assignments): their cockpit.
  { id: 'cockpit', roles: ['committee_leader', 'committee_member'] },
  { id: 'calendar', roles: 'all' },
  { id: 'notifications', roles: 'all' },
  { id: 'profile', roles: 'all' },
];

export function navigationFor(actor: Actor): string[] {
  return SECTIONS.filter((s) => s.roles === 'all' || actor.hasRole(...s.roles)).map((s) => s.id);
}
