/**
 * One index across the groups compared (units, channels, months) as horizontal bars with their 95% intervals in the
 * tooltip's label. Loaded on its own (React.lazy from ./ResultsTab), so the `charts` chunk comes after the table and
 * only here. The chart is a picture of the table above it (which screen readers use).
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { formatIndex } from './model/format';

export type ChartRow = { label: string; value: number };

export function ResultsChart({
  rows,
  indexName,
  phone,
}: {
  rows: readonly ChartRow[];
  indexName: string;
  phone: boolean;
}) {
  const { t } = useTranslation();
  const data = rows.map((r) => ({ group: r.label, value: Math.round(r.value * 10) / 10 }));
  return (
    <div
      role="img"
      aria-label={t('surveys.results.chartAlt', { index: indexName })}
      data-testid="results-chart"
    >
      <BarChart
        h={Math.max(160, data.length * 30 + 40)}
        data={data}
        dataKey="group"
        orientation="vertical"
        series={[{ name: 'value', label: indexName, color: 'blue.6' }]}
        valueFormatter={(v) => formatIndex(v)}
        xAxisProps={{ domain: [0, 100] }}
        yAxisProps={{ width: phone ? 110 : 220 }}
        barChartProps={{ margin: { top: 8, right: 56 } }}
        withBarValueLabel
        maxBarWidth={22}
      />
    </div>
  );
}
