/**
 * The hotline statistics' API (`/api/hotline/stats…`). The types are the server's own (type-only imports of
 * its Zod schemas), so the page and the server cannot drift.
 */
import type { z } from 'zod';
import type {
  StatsCasesOut,
  StatsFiguresOut,
  StatsGroupBy,
  StatsGroupOut,
  StatsOut,
  statsFigure,
} from '../../../../../server/modules/hotline/stats/stats.schemas';
import { api, toQueryString } from '../../../lib/api';

export type Stats = StatsOut;
export type StatsGroup = StatsGroupOut;
export type Figures = StatsFiguresOut;
export type GroupBy = StatsGroupBy;
export type Figure = z.infer<typeof statsFigure>;
export type StatsCases = StatsCasesOut;
export type StatsCase = StatsCasesOut['items'][number];

/** What the page asks: a period, a grouping, the as-of day (none: today), restated units. */
export type StatsView = {
  from: string;
  to: string;
  groupBy: GroupBy;
  asOf: string | null;
  restated: boolean;
};

/** A number opened into its cases: the figure, of a group (its key; `none`: the group without one) or the total. */
export type DrillTarget = { figure: Figure; group: string | null; label: string; value: string };

const query = (v: StatsView) => ({
  from: v.from,
  to: v.to,
  groupBy: v.groupBy,
  asOf: v.asOf ?? undefined,
  restated: v.groupBy === 'unit' && v.restated ? 'true' : undefined,
});

export const statsKeys = {
  stats: (v: StatsView) => ['hotline', 'stats', v] as const,
  cases: (v: StatsView, target: DrillTarget | null, page: number) =>
    ['hotline', 'stats', 'cases', v, target?.figure, target?.group, page] as const,
};

export const getStats = (v: StatsView) => api.get<Stats>('/api/hotline/stats', { query: query(v) });

export const getStatsCases = (v: StatsView, target: DrillTarget, limit: number, offset: number) =>
  api.get<StatsCases>('/api/hotline/stats/cases', {
    query: { ...query(v), figure: target.figure, group: target.group ?? undefined, limit, offset },
  });

/** The Excel file of the same figures (a plain link: the browser downloads it with its Vietnamese name). */
export const statsXlsxHref = (v: StatsView) => `/api/hotline/stats.xlsx${toQueryString(query(v))}`;
