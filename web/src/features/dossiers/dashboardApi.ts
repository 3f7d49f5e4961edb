import { api } from '../../lib/api';
import type { ReportingPeriod } from './DashboardPeriod';

/** A rate as the server gives it: the value (0–1, null without a denominator) and how it was derived. */
export type Ratio = { numerator: number; denominator: number; value: number | null };
export type Light = 'green' | 'amber' | 'red' | null;

export const LIGHT_KEYS = [
  'onTimeRate',
  'lateRate',
  'onlineRate',
  'onlinePaymentRate',
  'digitisationRate',
  'eResultRate',
  'satisfaction',
  'qd766',
] as const;
export type LightKey = (typeof LIGHT_KEYS)[number];

export type Figures = {
  totals: Record<string, number>;
  indicators: {
    toProcess: number;
    resolved: number;
    processing: number;
    late: number;
    lateRate: Ratio;
    onTimeRate: Ratio;
    resolvedEarlyOrOnTimeRate: Ratio;
    onlineRate: Ratio;
    onlinePaymentRate: Ratio;
    digitisationRate: Ratio;
    eResultRate: Ratio;
    averageProcessingDays: Ratio;
    satisfaction: Ratio;
  };
  qd766: {
    version: string;
    score: number;
    maxCovered: number;
    complete: boolean;
    provisional: boolean;
    groups: { key: string; max: number; confirmed: boolean; score: number | null }[];
  };
  lights: Record<LightKey, Light>;
};

export type Threshold = {
  key: LightKey;
  direction: 'higher' | 'lower';
  green: number;
  amber: number;
  source: string | null;
};

export type Scope = {
  unit: { id: string; name: string; code: string | null } | null;
  procedure: { id: string; code: string; name: string; field: string } | null;
};

export type GroupBy = 'unit' | 'procedure' | 'field' | 'total';

export type Breakdown = {
  from: string;
  to: string;
  stockDay: string;
  restated: boolean;
  groupBy: GroupBy;
  scope: Scope;
  thresholds: Threshold[];
  total: Figures;
  groups: (Figures & { key: string; name: string; code: string | null; validTo: string | null })[];
};

export type Trend = {
  months: (Figures & { month: string; from: string; to: string; stockDay: string })[];
};

/** The classes a number can be opened into (server: dossiers-query.rules.ts). */
export type DrillClass =
  | 'toProcess'
  | 'received'
  | 'carriedOver'
  | 'resolved'
  | 'resolvedEarly'
  | 'resolvedOnTime'
  | 'resolvedLate'
  | 'onTime'
  | 'late'
  | 'processing'
  | 'notYetDue'
  | 'dueSoon'
  | 'overdue'
  | 'suspended'
  | 'uncollected'
  | 'withdrawn'
  | 'online'
  | 'feePayable'
  | 'paidOnline'
  | 'digitised'
  | 'eResult'
  | 'dissatisfied';

export const LIST_CLASSES: DrillClass[] = [
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

export type DossierRow = {
  id: string;
  code: string;
  procedure: { id: string; code: string; name: string };
  unit: { id: string; name: string };
  channel: 'online' | 'in_person' | 'post';
  status: string;
  receivedAt: string;
  dueDay: string | null;
  resolvedAt: string | null;
  state: string;
  weight: number;
};

export type DossierPage = {
  stockDay: string;
  count: number | null;
  items: DossierRow[];
  nextCursor: string | null;
};

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
  breakdown: (v: View, groupBy: GroupBy) => ['dossiers', 'breakdown', v, groupBy] as const,
  trend: (v: View) => ['dossiers', 'trend', v] as const,
  list: (v: View, cls: DrillClass) => ['dossiers', 'list', v, cls] as const,
  periods: (type: string, year: number) => ['periods', type, year] as const,
};

export const getBreakdown = (v: View, groupBy: GroupBy) =>
  api.get<Breakdown>('/api/dossiers/breakdown', { query: { ...scopeQuery(v), groupBy } });

export const getTrend = (v: View) => api.get<Trend>('/api/dossiers/trend', { query: scopeQuery(v) });

export const getDossierPage = (v: View, cls: DrillClass, cursor: string | null, limit = 25) =>
  api.get<DossierPage>('/api/dossiers/list', {
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
  api.get<{ items: ReportingPeriod[] }>('/api/periods', { query: { type, year } });
