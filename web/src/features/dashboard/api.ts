/**
 * The province dashboard's API (`/api/dashboard…`). The types are the server's own (type-only imports of its Zod
 * schemas, erased from the bundle), so the two cannot drift.
 */
import type {
  DashboardOut,
  DashboardQuery,
  DrillOut,
  DrillQuery,
} from '../../../../server/modules/dashboard/dashboard.schemas';
import { api, type Query } from '../../lib/api';

export type Dashboard = DashboardOut;
export type DashboardFigure = Dashboard['figures'][number];
export type FigureDef = DashboardFigure['def'];
export type Period = Dashboard['period'];
export type StuckUnit = Dashboard['stuck']['units'][number];
export type Drill = DrillOut;
export type DrillItem = Drill['items'][number];

/** The page's choices, as they stand in its address (`?period=2026-Q4&asOf=…&restate=true&unitType=…`). */
export type Filters = {
  period?: string | undefined;
  asOf?: string | undefined;
  restate?: boolean | undefined;
  area?: NonNullable<DashboardQuery['area']> | undefined;
  unitType?: NonNullable<DashboardQuery['unitType']> | undefined;
  member?: string | undefined;
};
export type DrillFilters = Filters & {
  what: DrillQuery['what'];
  unit?: string | undefined;
  kind?: NonNullable<DrillQuery['kind']> | undefined;
};

const query = (f: Filters): Query => ({
  period: f.period,
  asOf: f.asOf,
  restate: f.restate ? 'true' : undefined,
  area: f.area,
  unitType: f.unitType,
  member: f.member,
});

export const dashboardKeys = {
  all: ['dashboard'] as const,
  dashboard: (f: Filters) => ['dashboard', 'overview', query(f)] as const,
  drill: (f: DrillFilters) =>
    ['dashboard', 'drill', { ...query(f), what: f.what, unit: f.unit, kind: f.kind }] as const,
};

export const getDashboard = (f: Filters) => api.get<Dashboard>('/api/dashboard', { query: query(f) });
export const getDrill = (f: DrillFilters) =>
  api.get<Drill>('/api/dashboard/drill', {
    query: { ...query(f), what: f.what, unit: f.unit, kind: f.kind },
  });

/** The search of a page's address (strings), read into the page's choices. */
export function filtersFrom(search: Record<string, unknown>): Filters {
  const s = (k: string) => (typeof search[k] === 'string' && search[k] ? (search[k] as string) : undefined);
  return {
    period: s('period'),
    asOf: s('asOf'),
    restate: search.restate === true || search.restate === 'true',
    area: s('area') as Filters['area'],
    unitType: s('unitType') as Filters['unitType'],
    member: s('member'),
  };
}

/** The choices as an address's query (for links to the drill page and back). */
export const filtersQuery = (f: Filters): Query => query(f);
