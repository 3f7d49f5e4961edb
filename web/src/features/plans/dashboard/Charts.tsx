import { BarChart, LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { formatPct } from '../api';
import type { AreaGroup, TrendPoint, UnitGroup } from './api';

/**
 * The charts are pictures of the tables below them (the tables are the source of truth and what screen
 * readers use); clicking a bar opens the same tasks as the table's number.
 */
type OnBar = (key: string) => void;

const clickable = (onBar: OnBar) => ({
  cursor: 'pointer',
  onClick: (entry: unknown) => {
    const key = (entry as { payload?: { key?: string } })?.payload?.key;
    if (key) onBar(key);
  },
});

/** Completion % by reform area (horizontal bars, 0–100). */
export function AreaCompletionChart({ items, onBar }: { items: AreaGroup[]; onBar: OnBar }) {
  const { t, i18n } = useTranslation();
  const data = items.map((a) => ({
    key: a.key,
    area: t(`plans.areas.${a.key}`, { defaultValue: a.key }),
    pct: a.kpis.completionPct.value === null ? 0 : Math.round(a.kpis.completionPct.value * 100) / 100,
  }));
  return (
    <div role="img" aria-label={t('dashboard.charts.areaAlt')} data-testid="chart-area">
      <BarChart
        h={Math.max(220, data.length * 44)}
        data={data}
        dataKey="area"
        orientation="vertical"
        series={[{ name: 'pct', label: t('plans.kpi.completionPct'), color: 'blue.6' }]}
        valueFormatter={(v) => formatPct(v, i18n.language)}
        xAxisProps={{ domain: [0, 100] }}
        yAxisProps={{ width: 230 }}
        barChartProps={{ margin: { right: 56 } }}
        withBarValueLabel
        barProps={clickable(onBar)}
      />
    </div>
  );
}

/** Overdue tasks by lead unit: the 15 units with the most. */
export function UnitOverdueChart({ items, onBar }: { items: UnitGroup[]; onBar: OnBar }) {
  const { t } = useTranslation();
  const data = items
    .filter((u) => u.kpis.overdue.value > 0)
    .sort((a, b) => b.kpis.overdue.value - a.kpis.overdue.value || a.name.localeCompare(b.name, 'vi'))
    .slice(0, 15)
    .map((u) => ({ key: u.key, unit: u.name, overdue: u.kpis.overdue.value }));
  if (data.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="chart-unit-empty">
        {t('dashboard.charts.noOverdue')}
      </Text>
    );
  return (
    <div role="img" aria-label={t('dashboard.charts.unitAlt')} data-testid="chart-unit">
      <BarChart
        h={Math.max(200, data.length * 34)}
        data={data}
        dataKey="unit"
        orientation="vertical"
        series={[{ name: 'overdue', label: t('plans.kpi.overdue'), color: 'red.6' }]}
        valueFormatter={(v) => formatNumber(v, 0)}
        yAxisProps={{ width: 230 }}
        xAxisProps={{ allowDecimals: false }}
        barChartProps={{ margin: { right: 32 } }}
        withBarValueLabel
        barProps={clickable(onBar)}
      />
    </div>
  );
}

/** Month by month: cumulative verified, verified on time, overdue at month end. */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  const data = points.map((p) => ({
    month: `${p.month.slice(5)}/${p.month.slice(0, 4)}`,
    verified: p.verified.value,
    verifiedOnTime: p.verifiedOnTime.value,
    overdue: p.overdue.value,
  }));
  return (
    <div role="img" aria-label={t('dashboard.charts.trendAlt')} data-testid="chart-trend">
      <LineChart
        h={280}
        data={data}
        dataKey="month"
        withLegend
        curveType="linear"
        valueFormatter={(v) => formatNumber(v, 0)}
        yAxisProps={{ allowDecimals: false }}
        series={[
          { name: 'verified', label: t('dashboard.trend.verified'), color: 'green.6' },
          { name: 'verifiedOnTime', label: t('dashboard.trend.verifiedOnTime'), color: 'teal.4' },
          { name: 'overdue', label: t('dashboard.trend.overdue'), color: 'red.6' },
        ]}
      />
    </div>
  );
}
