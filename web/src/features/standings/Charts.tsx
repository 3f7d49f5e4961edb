/**
 * The charts of the standings page (recharts through @mantine/charts, in the `charts` vendor chunk): loaded lazily by
 * ./StandingsPage.tsx, so the page and its tables show before the chart library arrives.
 */
import '@mantine/charts/styles.css';
import { LineChart, Sparkline } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DimensionRow } from './api';
import { formatValue } from './labels';

/** One line per series over the years: the province's value, the national average, the target. */
export function TrendChart({ row }: { row: DimensionRow }) {
  const { t } = useTranslation();
  const data = row.cells.map((c) => ({
    year: String(c.year),
    value: c.result?.value ?? null,
    average: c.result?.nationalAverage ?? null,
    target: c.target?.targetValue ?? null,
  }));
  if (!data.some((d) => d.value !== null))
    return (
      <Text c="dimmed" size="sm">
        {t('standings.noResults')}
      </Text>
    );
  const values = data.flatMap((d) => [d.value, d.average, d.target]).filter((v): v is number => v !== null);
  const min = Math.max(0, Math.floor(Math.min(...values) - 2));
  const max = Math.min(row.scaleMax, Math.ceil(Math.max(...values) + 2));
  return (
    <div role="img" aria-label={t('standings.trendAlt')} data-testid="standings-trend">
      <LineChart
        h={240}
        data={data}
        dataKey="year"
        withLegend
        connectNulls
        curveType="linear"
        yAxisProps={{ domain: [min, max] }}
        valueFormatter={(v) => formatValue(v)}
        series={[
          { name: 'value', label: t('standings.series.value'), color: 'blue.6' },
          { name: 'average', label: t('standings.series.average'), color: 'gray.6', strokeDasharray: '5 5' },
          { name: 'target', label: t('standings.series.target'), color: 'green.6', strokeDasharray: '2 4' },
        ]}
      />
    </div>
  );
}

/** A small line of a dimension's values over the years (a year without a result is left out). */
export function DimensionSparkline({ row }: { row: DimensionRow }) {
  const { t } = useTranslation();
  const values = row.cells.flatMap((c) => (c.result ? [c.result.value] : []));
  if (values.length < 2) return null;
  const falling = values.at(-1)! < values.at(-2)!;
  return (
    <div role="img" aria-label={t('standings.sparklineAlt', { values: values.map(formatValue).join('; ') })}>
      <Sparkline
        w={90}
        h={28}
        data={values}
        curveType="linear"
        color={falling ? 'red.6' : 'blue.6'}
        fillOpacity={0.2}
        strokeWidth={1.5}
      />
    </div>
  );
}
