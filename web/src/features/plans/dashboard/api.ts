/** The plan dashboard's API (`/api/plans/:id/dashboard…`): the server's own types (its Zod schemas). */
import { api } from '../../../lib/api';
import type {
  DashboardOut as Dashboard,
  Dimension,
  DrillOut,
  MetricKey,
} from '../../../../../server/modules/plans/plans.schemas';
import type { Kpis } from '../api';

export type {
  DashboardOut as Dashboard,
  Dimension,
  MetricKey,
} from '../../../../../server/modules/plans/plans.schemas';
export type UnitGroup = NonNullable<Dashboard['byUnit']>[number];
export type MemberGroup = NonNullable<Dashboard['byMember']>[number];
export type TrendPoint = NonNullable<Dashboard['trend']>[number];
export type PilotGroup = NonNullable<Dashboard['pilots']>[number];
export type AreaGroup = NonNullable<Dashboard['byArea']>[number];
export type DrillTask = DrillOut['items'][number];

export type DashboardView = { asOf: string | null; restate: boolean };

/** Which number was opened: the whole plan's, or one group's (area, unit, member, month). */
export type DrillTarget = {
  dimension: 'overall' | Dimension;
  group?: string;
  metric: MetricKey;
  /** What the drawer's heading says, e.g. "Sở Tư pháp — Quá hạn". */
  label: string;
  /** The number as shown, to repeat in the drawer. */
  value: string;
};

export const dashboardKeys = {
  one: (planId: string, view: DashboardView) => ['plans', 'dashboard', planId, view] as const,
  pilots: (planId: string, view: DashboardView) => ['plans', 'dashboard', planId, 'pilots', view] as const,
  tasks: (planId: string, view: DashboardView, target: DrillTarget | null) =>
    ['plans', 'dashboard', planId, 'tasks', view, target?.dimension, target?.group, target?.metric] as const,
};

export const getDashboard = (planId: string, view: DashboardView) =>
  api.get<Dashboard>(`/api/plans/${planId}/dashboard`, {
    query: { asOf: view.asOf, restate: view.restate ? 'true' : undefined },
  });

/** The pilot programmes' figures (another module's numbers: fetched when their tab opens). */
export const getPilotFigures = (planId: string, view: DashboardView) =>
  api.get<Dashboard>(`/api/plans/${planId}/dashboard`, {
    query: { asOf: view.asOf, groupBy: 'pilot' },
  });

export const getDashboardTasks = (planId: string, view: DashboardView, target: DrillTarget) =>
  api.get<DrillOut>(`/api/plans/${planId}/dashboard/tasks`, {
    query: {
      asOf: view.asOf,
      restate: view.restate ? 'true' : undefined,
      dimension: target.dimension,
      group: target.group,
      metric: target.metric,
    },
  });

/** The ids behind a metric of a KPI block (same rule as the server's drill-down). */
export function idsOf(kpis: Kpis, metric: MetricKey): string[] {
  if (metric === 'completion') return kpis.completionPct.numeratorTaskIds;
  if (metric === 'owed') return kpis.completionPct.taskIds;
  return kpis[metric].taskIds;
}
