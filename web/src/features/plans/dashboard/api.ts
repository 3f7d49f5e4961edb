import { api } from '../../../lib/api';
import type { CompletionMethod, Kpis, Metric, PctMetric, TaskStatus, Timing } from '../api';

export type Dimension = 'area' | 'unit' | 'member' | 'trend' | 'pilot';

/** The numbers a drill-down can open: Kpis' counts, the completion numerator and its denominator. */
export type MetricKey =
  | 'total'
  | 'notStarted'
  | 'inProgress'
  | 'reportedDone'
  | 'returned'
  | 'verified'
  | 'cancelled'
  | 'verifiedOnTime'
  | 'overdue'
  | 'completion'
  | 'owed';

export type UnitGroup = {
  key: string;
  name: string;
  fullName: string;
  inForce: boolean;
  restatedFrom: { unitId: string; name: string; weight: number }[];
  shares: Record<string, number>;
  kpis: Kpis;
};

export type MemberGroup = {
  key: string;
  name: string;
  position: string;
  office: string | null;
  userId: string | null;
  followedUnits: { unitId: string; name: string }[];
  directedTaskIds: string[];
  kpis: Kpis;
};

export type TrendPoint = {
  month: string;
  on: string;
  verified: Metric;
  verifiedOnTime: Metric;
  overdue: Metric;
  completionPct: PctMetric;
};

export type PilotGroup = {
  programmeId: string;
  committeeName: string;
  year: number;
  overall: Kpis;
  units: { pilotUnitId: string; unitId: string; unitName: string; kpis: Kpis }[];
};

export type Dashboard = {
  plan: { id: string; title: string; year: number; ownerUnitId: string };
  asOf: string;
  today: string;
  restate: boolean;
  method: { kind: CompletionMethod; unweightedTaskIds: string[] };
  memberBasis: 'directed_or_followed';
  committee: { id: string; name: string } | null;
  overall: Kpis;
  byArea: { key: string; kpis: Kpis }[] | null;
  byUnit: UnitGroup[] | null;
  byMember: MemberGroup[] | null;
  trend: TrendPoint[] | null;
  /** Only when asked for (`groupBy=pilot`): the pilot programmes of the plan's committee and year. */
  pilots: PilotGroup[] | null;
};

export type DrillTask = {
  id: string;
  title: string;
  reformArea: string;
  focus: boolean;
  leadUnitId: string;
  leadUnitName: string;
  restatedUnits: { unitId: string; name: string; weight: number }[];
  existed: boolean;
  status: TaskStatus | null;
  dueDate: string | null;
  originalDueDate: string | null;
  extended: boolean;
  reportedOn: string | null;
  verifiedOn: string | null;
  weight: number | null;
  timing: Pick<Timing, 'state' | 'daysOverdue' | 'daysLeft' | 'effectiveDueDate'> | null;
};

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
  api.get<{ asOf: string; restate: boolean; count: number; items: DrillTask[] }>(
    `/api/plans/${planId}/dashboard/tasks`,
    {
      query: {
        asOf: view.asOf,
        restate: view.restate ? 'true' : undefined,
        dimension: target.dimension,
        group: target.group,
        metric: target.metric,
      },
    },
  );

/** The ids behind a metric of a KPI block (same rule as the server's drill-down). */
export function idsOf(kpis: Kpis, metric: MetricKey): string[] {
  if (metric === 'completion') return kpis.completionPct.numeratorTaskIds;
  if (metric === 'owed') return kpis.completionPct.taskIds;
  return kpis[metric].taskIds;
}
