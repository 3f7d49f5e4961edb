/**
 * The dossier dashboard's API (`/api/dossiers/breakdown`, `/trend`, `/list`): the server's own types
 * (dossiers-query.schemas.ts), under the names the pages use.
 */
import type {
  BreakdownBy,
  BreakdownResponse,
  DossierListResponse,
  DrillClassKey,
  LightKeyOut,
  TrendResponse,
} from '../../../../server/modules/dossiers/dossiers-query.schemas';
import type { PeriodsOut } from '../../../../server/modules/periods/periods.schemas';
import { api } from '../../lib/api';

export type { RatioOut as Ratio } from '../../../../server/modules/dossiers/dossiers.schemas';
export type {
  BreakdownBy as GroupBy,
  BreakdownGroupOut as BreakdownRow,
  BreakdownResponse as Breakdown,
  DossierListItem as DossierRow,
  DossierListResponse as DossierPage,
  DrillClassKey as DrillClass,
  FiguresOut as Figures,
  LightKeyOut as LightKey,
  LightOut as Light,
  ScopeOut as Scope,
  ThresholdOut as Threshold,
  TrendResponse as Trend,
} from '../../../../server/modules/dossiers/dossiers-query.schemas';

/** The indicators with a traffic light, in the order the legend and settings show them. */
export const LIGHT_KEYS = [
  'onTimeRate',
  'lateRate',
  'onlineRate',
  'onlinePaymentRate',
  'digitisationRate',
  'eResultRate',
  'satisfaction',
  'qd766',
] as const satisfies readonly LightKeyOut[];

export const LIST_CLASSES: DrillClassKey[] = [
  'toProcess',
  'onTime',
  'late',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'processing',
  'overdue',
  'dueSoon',
  'notYetDue',
  'suspended',
  'carriedOver',
  'received',
  'withdrawn',
  'online',
  'paidOnline',
  'digitised',
  'eResult',
  'dissatisfied',
];

/** What the dashboard shows: a period, units as they were or restated, and where the drill-down is. */
export type View = {
  from: string;
  to: string;
  restate: boolean;
  unitId: string | null;
  procedureId: string | null;
};

const scopeQuery = (v: View) => ({
  from: v.from,
  to: v.to,
  restate: v.restate ? 'true' : undefined,
  unitId: v.unitId,
  procedureId: v.procedureId,
});

export const dossierKeys = {
  breakdown: (v: View, groupBy: BreakdownBy, ended: Ended = 'hide') =>
    ['dossiers', 'breakdown', v, groupBy, ended] as const,
  trend: (v: View) => ['dossiers', 'trend', v] as const,
  list: (v: View, cls: DrillClassKey) => ['dossiers', 'list', v, cls] as const,
  periods: (type: string, year: number) => ['periods', type, year] as const,
};

/** By unit: the units ended by the stock day left out (default) or listed. */
export type Ended = 'hide' | 'show';

export const getBreakdown = (v: View, groupBy: BreakdownBy, ended: Ended = 'hide') =>
  api.get<BreakdownResponse>('/api/dossiers/breakdown', {
    query: { ...scopeQuery(v), groupBy, ended: ended === 'show' ? 'show' : undefined },
  });

export const getTrend = (v: View) => api.get<TrendResponse>('/api/dossiers/trend', { query: scopeQuery(v) });

export const getDossierPage = (v: View, cls: DrillClassKey, cursor: string | null, limit = 25) =>
  api.get<DossierListResponse>('/api/dossiers/list', {
    query: { ...scopeQuery(v), class: cls, cursor, limit },
  });

/** `0.98765` → `98,77%` (Vietnamese) or `98.77%`: two decimals, whatever the language's separator. */
export function formatRate(value: number | null | undefined, language: string): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const text = (Math.round(value * 10000) / 100).toFixed(2);
  return `${language.startsWith('en') ? text : text.replace('.', ',')}%`;
}

/** The reporting periods of a year and type, with their data windows (periods module). */
export const getReportingPeriods = (type: string, year: number) =>
  api.get<PeriodsOut>('/api/periods', { query: { type, year } });
