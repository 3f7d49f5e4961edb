/**
 * Which parts of the reports landing a user sees, from their grants (the roles the server's policy names:
 * server/modules/reports/reports.policy.ts): the rounds of the unit over which they read reports (the
 * province), and/or the reports of the units they write for. The server still decides every button.
 */
import type { Session } from '../../lib/types';

/** Who reads every report of an owner unit (the standing agency, administrators, the committee). */
const READER_ROLES: readonly string[] = ['admin', 'standing_officer', 'committee_leader', 'committee_member'];
/** Who writes a unit's report (its PAR focal point and leader). */
const UNIT_ROLES: readonly string[] = ['focal_point', 'unit_leader'];

export type ReportScope = {
  /** The unit whose rounds the user reads (the first reader grant's unit), or null. */
  ownerUnitId: string | null;
  /** Whether the user writes reports for some unit. */
  unitPeople: boolean;
};

export function reportScope(session: Pick<Session, 'grants'> | null | undefined): ReportScope {
  const grants = session?.grants ?? [];
  return {
    ownerUnitId: grants.find((g) => READER_ROLES.includes(g.role))?.unitId ?? null,
    unitPeople: grants.some((g) => UNIT_ROLES.includes(g.role)),
  };
}
