/**
 * The plan and pilot pages without React: the status filter from the address, the search over tasks and their
 * lead units, tasks grouped by reform area in the plan's order, and the completion bar's width.
 */
import type { PlanArea, PlanTaskPublicOut, PublicTaskStatus } from './portal-types';
import { filterBySearch } from './search';

/** The public statuses, in the order of the filter (the record's type refuses a missing or an unknown one). */
const STATUS_ORDER: Record<PublicTaskStatus, number> = { done: 0, in_progress: 1, overdue: 2 };
export const TASK_STATUSES = Object.keys(STATUS_ORDER) as PublicTaskStatus[];

/** `status=overdue` → 'overdue'; anything else → null (all). */
export function parseStatus(value: string): PublicTaskStatus | null {
  return (TASK_STATUSES as readonly string[]).includes(value) ? (value as PublicTaskStatus) : null;
}

type Task = Pick<PlanTaskPublicOut, 'title' | 'leadUnitName' | 'status' | 'area'>;

export function filterTasks<T extends Task>(
  tasks: readonly T[],
  { status, q }: { status: PublicTaskStatus | null; q: string },
): T[] {
  const kept = status ? tasks.filter((t) => t.status === status) : tasks;
  return filterBySearch(kept, q, (t) => `${t.title} ${t.leadUnitName}`);
}

export type AreaGroup<T> = {
  area: string;
  areaName: PlanArea['areaName'];
  figures: PlanArea['figures'];
  tasks: T[];
};

/** The tasks under their areas, in the order of the plan's areas; an area left without tasks is dropped. */
export function groupByArea<T extends Task>(tasks: readonly T[], areas: readonly PlanArea[]): AreaGroup<T>[] {
  return areas
    .map((a) => ({
      area: a.area,
      areaName: a.areaName,
      figures: a.figures,
      tasks: tasks.filter((t) => t.area === a.area),
    }))
    .filter((g) => g.tasks.length > 0);
}

/** A completion percentage as a bar's width (0–100; none → 0). */
export function barPercent(value: number | null | undefined): number {
  if (value == null || !Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, value));
}
