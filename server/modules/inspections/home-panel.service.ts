/**
 * The inspections panel of the landing page (../home): for an inspector, the inspections whose team they are on
 * that are running or coming up, the remediation reports of their inspections' recommendations waiting for their
 * verification, and the recommendations overdue; for the standing agency, the same over the province's
 * inspections. Read only; the records and access rules are this module's (./inspections.policy.ts).
 */
import { and, asc, inArray, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { unitFacts } from '../units/units.service.js';
import { officeProvinces, requireActor, visibleInspectionsSql } from './inspection-records.service.js';
import { listInspections } from './inspections.service.js';
import { inspectionRecommendations, inspections, inspectionTeamMembers } from './inspections.table.js';
import { recommendationLink } from './recommendation.work-kind.js';
import type { InspectionSummaryOut } from './inspections.schemas.js';

export type InspectionsPanelRecommendation = {
  id: string;
  inspectionId: string;
  number: number;
  text: string;
  unitName: string;
  dueDate: string;
  status: string;
  link: string;
};

export type InspectionsPanel = {
  /** Running (in progress) or signed and awaiting the conclusion: the caller's team's, or the province's for the office. */
  current: InspectionSummaryOut[];
  /** Planned, soonest first (at most 5). */
  upcoming: InspectionSummaryOut[];
  /** Remediation reported, waiting for the team's (or the office's) verification, oldest due first. */
  toVerify: InspectionsPanelRecommendation[];
  /** Still owed and past the due date, the oldest due first. */
  overdue: InspectionsPanelRecommendation[];
  counts: { current: number; upcoming: number; toVerify: number; overdue: number };
  link: string;
};

const LIMIT = 5;

/** The panel of an inspector or a standing officer, as of a day. */
export async function inspectionsHomePanel(ctx: RequestContext, asOf: string): Promise<InspectionsPanel> {
  const actor = requireActor(ctx);
  const office = (await officeProvinces(ctx, actor)).length > 0;
  const mine = office ? undefined : ('true' as const);
  const list = await listInspections(ctx, { mine, limit: 500, offset: 0 });
  const byDate = (a: InspectionSummaryOut, b: InspectionSummaryOut) =>
    a.plannedFrom.localeCompare(b.plannedFrom);
  const current = list.items
    .filter((i) => i.status === 'in_progress' || i.status === 'minutes_signed')
    .sort(byDate);
  const upcoming = list.items.filter((i) => i.status === 'planned').sort(byDate);

  // The recommendations of the inspections the caller reviews: their team's, or every visible one for the office.
  const scope: SQL = office
    ? visibleInspectionsSql(actor)
    : sql`${inspections.id} IN (SELECT ${inspectionTeamMembers.inspectionId} FROM ${inspectionTeamMembers} WHERE ${inspectionTeamMembers.userId} = ${actor.user.id}::uuid AND ${inspectionTeamMembers.inspectionId} IS NOT NULL)`;
  const ids = (await ctx.db.select({ id: inspections.id }).from(inspections).where(scope)).map((r) => r.id);
  const rows = ids.length
    ? await ctx.db
        .select()
        .from(inspectionRecommendations)
        .where(
          and(
            inArray(inspectionRecommendations.inspectionId, ids),
            inArray(inspectionRecommendations.status, [
              'not_started',
              'in_progress',
              'returned',
              'reported_done',
            ]),
          ),
        )
        .orderBy(asc(inspectionRecommendations.dueDate), asc(inspectionRecommendations.number))
    : [];
  const names = await unitFacts(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  const present = (r: (typeof rows)[number]): InspectionsPanelRecommendation => ({
    id: r.id,
    inspectionId: r.inspectionId,
    number: r.number,
    text: r.text,
    unitName: names.get(r.unitId)?.name ?? '',
    dueDate: r.dueDate,
    status: r.status,
    link: recommendationLink(r),
  });
  const toVerify = rows.filter((r) => r.status === 'reported_done');
  // Overdue: still owed after its due date (the due date is a working day; the day after it is late).
  const overdue = rows.filter((r) => r.status !== 'reported_done' && r.dueDate < asOf);
  return {
    current: current.slice(0, LIMIT),
    upcoming: upcoming.slice(0, LIMIT),
    toVerify: toVerify.slice(0, LIMIT).map(present),
    overdue: overdue.slice(0, LIMIT).map(present),
    counts: {
      current: current.length,
      upcoming: upcoming.length,
      toVerify: toVerify.length,
      overdue: overdue.length,
    },
    link: '/inspections',
  };
}
