/**
 * Where the records named in API paths live, for the generated authorization test (inside and outside a
 * grant's subtree) and the fuzzer (real records of the right kind). Every kind of record a route's path names
 * must be described here — the authorization test fails for a route whose kind is missing.
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../modules/access/roles.js';
import { RESTRICTED_READERS } from '../../modules/documents/documents.policy.js';
import { HOTLINE_ROLES } from '../../modules/hotline/hotline.policy.js';
import { SELF_INSPECTION_ROLES } from '../../modules/inspections/self-inspections.policy.js';
import { RECOMMENDATION_UNIT_READERS } from '../../modules/inspections/recommendation.work-kind.js';
import { REPORT_ROLES } from '../../modules/reports/reports.policy.js';

const PILOT_ROLES: readonly Role[] = [
  'admin',
  'standing_officer',
  'committee_leader',
  'committee_member',
  'focal_point',
  'unit_leader',
];
import type { TestApp } from '../harness.js';

type Rows = { rows: Record<string, unknown>[] };
const one = async (t: TestApp, query: ReturnType<typeof sql>): Promise<string | null> => {
  const db = t.database.db as unknown as { execute(q: unknown): Promise<Rows> };
  const { rows } = await db.execute(query);
  return rows[0] ? String(Object.values(rows[0])[0]) : null;
};

/**
 * Where each kind of record named in a path lives: a unit's own (`owned`: the record of that unit) or the
 * province's (`province`: the committee's, the register's, the system's — outside any unit's subtree).
 * `own`: the caller's own records (their notifications), checked by their own tests.
 */
type Kind =
  | {
      owned: (unitId: string) => ReturnType<typeof sql>;
      readers?: readonly Role[];
      /** A record outside the `inside` unit when the `outside` unit may own none (default: the outside unit's). */
      elsewhere?: (inside: string) => ReturnType<typeof sql>;
    }
  | { province: ReturnType<typeof sql> }
  | { own: true };
export const KINDS: Record<string, Kind> = {
  units: { owned: (u) => sql`select ${u}::uuid` },
  tasks: { owned: (u) => sql`select id from plan_tasks where lead_unit_id = ${u} order by id limit 1` },
  plans: { owned: (u) => sql`select id from plans where owner_unit_id = ${u} order by id limit 1` },
  // Pilot direction's records: its roles held over the unit read them; appraisers, inspectors and hotline
  // officers do not (server/modules/pilots/pilots.policy.ts).
  'pilot-units': {
    readers: PILOT_ROLES,
    owned: (u) => sql`select id from pilot_units where unit_id = ${u} order by id limit 1`,
  },
  'pilot-items': {
    readers: PILOT_ROLES,
    owned: (u) =>
      sql`select i.id from pilot_items i join pilot_units p on p.id = i.pilot_unit_id where p.unit_id = ${u} order by i.id limit 1`,
  },
  'pilot-reports': {
    readers: PILOT_ROLES,
    owned: (u) =>
      sql`select r.id from pilot_reports r join pilot_units p on p.id = r.pilot_unit_id where p.unit_id = ${u} order by r.id limit 1`,
  },
  // Accounts are personal data: read by administrators (and the person, through their session), not colleagues.
  users: {
    readers: ['admin'],
    owned: (u) =>
      sql`select id from users where unit_id = ${u} and email not like 'scope.%' order by id limit 1`,
  },
  'pilot-programmes': { province: sql`select id from pilot_programmes order by id limit 1` },
  committees: { province: sql`select id from committees order by id limit 1` },
  'committee-memberships': { province: sql`select id from committee_memberships order by id limit 1` },
  'monitoring-assignments': { province: sql`select id from monitoring_assignments order by id limit 1` },
  meetings: { province: sql`select id from meetings order by id limit 1` },
  conclusions: { province: sql`select id from meeting_conclusions order by id limit 1` },
  // A document belongs to the unit that issued or holds it (its access is judged on that unit's subtree); a
  // restricted one first, read by the roles of server/modules/documents/documents.policy.ts.
  documents: {
    readers: RESTRICTED_READERS,
    owned: (u) =>
      sql`select id from documents where unit_id = ${u} order by (access = 'restricted') desc, id limit 1`,
    elsewhere: (u) => sql`select id from documents where unit_id <> ${u} order by id limit 1`,
  },
  files: { province: sql`select id from files order by id limit 1` },
  grants: {
    province: sql`select g.id from grants g join users u on u.id = g.user_id where u.email = 'daumoi.xaydung@chidao.demo'`,
  },
  lineage: { province: sql`select id from lineage_unresolved order by id limit 1` },
  periods: { province: sql`select id from reporting_rules order by id limit 1` },
  years: { province: sql`select 2026` },
  dossiers: { province: sql`select id from dossier_import_jobs order by id limit 1` },
  notifications: { own: true },
  // Periodic reports: the forms, assignments and rounds are the province's; a report is its unit's, read by
  // the roles of server/modules/reports/reports.policy.ts.
  'report-forms': { province: sql`select key from report_forms order by key limit 1` },
  'report-form-versions': { province: sql`select id from report_form_versions order by id limit 1` },
  'report-assignments': { province: sql`select id from report_assignments order by id limit 1` },
  'report-rounds': { province: sql`select id from report_rounds order by id limit 1` },
  reports: {
    readers: REPORT_ROLES,
    owned: (u) => sql`select id from reports where unit_id = ${u} order by id limit 1`,
  },
  // Hotline cases: a case handled by a unit is read by the hotline's roles over that unit
  // (server/modules/hotline/hotline.policy.ts); the public's routes name a case by its tracking code.
  hotline: {
    readers: HOTLINE_ROLES,
    owned: (u) => sql`select id from feedback_cases where handling_unit_id = ${u} order by id limit 1`,
  },
  public: { province: sql`select code from feedback_cases order by code limit 1` },
  // An inspection's recommendations: owed by their unit (its focal point and leader report the remediation),
  // read by the roles over that unit and the province's readers (server/modules/inspections/recommendation.work-kind.ts).
  'inspection-recommendations': {
    readers: RECOMMENDATION_UNIT_READERS,
    owned: (u) => sql`select id from inspection_recommendations where unit_id = ${u} order by id limit 1`,
  },
  // Inspections (server/modules/inspections/inspections.policy.ts): an inspection is read, of the roles held over
  // the inspected unit, by its focal point and leader (the office and the committee over the province, and its own
  // team, read it too); plans and checklist templates are the province's.
  inspections: {
    readers: ['focal_point', 'unit_leader'],
    owned: (u) => sql`select id from inspections where unit_id = ${u} order by id limit 1`,
  },
  'inspection-plans': { province: sql`select id from inspection_plans order by id limit 1` },
  'inspection-checklists': {
    province: sql`select area from inspection_checklist_templates order by area limit 1`,
  },
  // A unit's self-inspections: its own focal point and leader change them; they and the province's readers
  // read them (server/modules/inspections/self-inspections.service.ts).
  'self-inspections': {
    readers: SELF_INSPECTION_ROLES,
    owned: (u) => sql`select id from self_inspections where inspector_unit_id = ${u} order by id limit 1`,
  },
  // The province's standing in the national indices (server/modules/standings): results and targets are the
  // province's (edited by its standing agency); an improvement is also its lead unit's, whose focal point and leader
  // read it. Paths name improvements (`/api/standings/improvements/:id`) and results or targets by id; the records
  // given are improvements — led by the unit, or elsewhere the demo's (Sở Nội vụ's).
  // The PAR Index (server/modules/parindex/parindex.policy.ts): frameworks and campaigns are the province's
  // (its standing agency keeps them, everyone in the section reads them); an assessment is its unit's, read by the
  // unit's focal point and leader (and the province's office, committee and appraisers, held over the province).
  'par-frameworks': { province: sql`select id from par_frameworks order by id limit 1` },
  'par-campaigns': { province: sql`select id from par_campaigns order by id limit 1` },
  'par-assessments': {
    readers: ['focal_point', 'unit_leader'],
    owned: (u) => sql`select id from par_assessments where unit_id = ${u} order by id limit 1`,
  },
  // Surveys (server/modules/surveys/surveys.policy.ts): a survey is the province's (its standing agency runs it, the
  // committee reads it); the focal point and leader of a unit it targets read it and their own unit's results.
  surveys: { province: sql`select id from surveys order by id limit 1` },
  // Reform programmes (server/modules/programmes/programmes.policy.ts): the committee's (its host unit, the
  // province): its standing agency keeps them, the committee reads them; paths name the programme first.
  programmes: { province: sql`select id from reform_programmes order by id limit 1` },
  standings: {
    readers: ['focal_point', 'unit_leader'],
    owned: (u) => sql`select id from standing_improvements where lead_unit_id = ${u} order by id limit 1`,
    elsewhere: (u) =>
      sql`select id from standing_improvements where lead_unit_id <> ${u} order by id limit 1`,
  },
};

/** The kind of record a route's path names: the segment before its first parameter (`/api/work/:kind/…` by kind). */
export function kindOf(url: string): string | null {
  const m = /^\/api\/(.+?)\/:\w+/.exec(url);
  if (!m) return null;
  const before = m[1]!.split('/');
  if (before[0] === 'work') return 'work';
  // The PAR Index's records: `/api/par/<records>/:id` (frameworks, campaigns, assessments).
  if (before[0] === 'par' && before[1]) return `par-${before[1]}`;
  return before[0] === 'dossiers' || before[0] === 'calendar'
    ? before[0] === 'calendar'
      ? 'years'
      : 'dossiers'
    : before[0]!;
}

export const WORK_KINDS: Record<string, string> = {
  plan_task: 'tasks',
  pilot_item: 'pilot-items',
  pilot_report: 'pilot-reports',
  periodic_report: 'reports',
  feedback_case: 'hotline',
  inspection_recommendation: 'inspection-recommendations',
  par_assessment: 'par-assessments',
};

/**
 * The record of a kind inside the unit `inside` and outside it (the unit `outside`'s, or the province's).
 * Throws for a kind nobody has described yet: add it to KINDS.
 */
export async function records(
  t: TestApp,
  kind: string,
  inside: string,
  outside: string,
): Promise<{ inside: string | null; outside: string | null; readers?: readonly Role[] } | 'own'> {
  const k = KINDS[kind];
  if (!k) throw new Error(`no way to find a record for "${kind}": add it to KINDS`);
  if ('own' in k) return 'own';
  if ('province' in k) return { inside: null, outside: await one(t, k.province) };
  return {
    inside: await one(t, k.owned(inside)),
    outside: await one(t, k.elsewhere ? k.elsewhere(inside) : k.owned(outside)),
    readers: k.readers,
  };
}
