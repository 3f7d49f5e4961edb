/**
 * Who decides what the public portal shows (issue 18, item 3). The settings belong to a province:
 * - the standing agency (admin, standing officer over the province) chooses what is published;
 * - the committee (leaders and members over the province) reads the settings.
 * The public API itself needs no one (PUBLIC routes); it shows only what the settings publish.
 */
import { Actor } from '../access/actor.js';
import { definePolicy } from '../access/policy.js';
import type { Role } from '../access/roles.js';

export const PORTAL_OFFICE: readonly Role[] = ['admin', 'standing_officer'];
export const PORTAL_READERS: readonly Role[] = [...PORTAL_OFFICE, 'committee_leader', 'committee_member'];

/** The settings of a province: its ancestor chain (itself first). */
export type PortalSubject = { provincePath: readonly string[] };

export const portalPolicy = definePolicy('portal_settings', {
  read: (actor: Actor, s: PortalSubject) => actor.hasRoleOver(PORTAL_READERS, s.provincePath),
  update: (actor: Actor, s: PortalSubject) => actor.hasRoleOver(PORTAL_OFFICE, s.provincePath),
});

const NIL = '00000000-0000-0000-0000-000000000000';

/**
 * The reader the portal asks the other modules as: a committee member of the province (they read the plans, pilot
 * units, dossier figures and PAR Index results of the whole province), never acting. What it reads is then cut down
 * to the published sets and the public fields (./public.service.ts) — the other modules' answers never go out as
 * they are.
 */
export function portalReader(provinceId: string): Actor {
  return new Actor({ id: NIL, email: '', fullName: 'Cổng công khai', unitId: null }, [
    { id: NIL, role: 'committee_member', unitId: provinceId },
  ]);
}
