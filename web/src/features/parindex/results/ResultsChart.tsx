/**
 * The units' indices of one group as horizontal bars, best first, the remediation threshold as a line. Loaded on
 * its own (React.lazy from ./ResultsPage), so the `charts` vendor chunk comes after the table, and only here. The
 * chart is a picture of the table beside it (which screen readers use).
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { ResultRow } from './api';
import { belowThreshold, formatIndex, round2 } from './resultsModel';

export function ResultsChart({
  rows,
  threshold,
  groupName,
  phone,
}: {
  rows: readonly ResultRow[];
  threshold: number | null;
  groupName: string;
  phone: boolean;
}) {
  const { t } = useTranslation();
  const data = rows.map((r) => ({ unit: r.unitName, percent: round2(r.percent) }));
  return (
    <div role="img" aria-label={t('parResults.chart.alt', { group: groupName })} data-testid="results-chart">
      <BarChart
        h={Math.max(200, data.length * 30 + 40)}
        data={data}
        dataKey="unit"
        orientation="vertical"
        series={[{ name: 'percent', label: t('parResults.columns.index'), color: 'blue.6' }]}
        getBarColor={(value) => (belowThreshold({ percent: value }, threshold) ? 'red.6' : 'blue.6')}
        valueFormatter={(v) => formatIndex(v)}
        xAxisProps={{ domain: [0, 100] }}
        yAxisProps={{ width: phone ? 120 : 240 }}
        barChartProps={{ margin: { top: 18, right: 64 } }}
        referenceLines={
          threshold
            ? [
                {
                  x: threshold,
                  color: 'red.6',
                  label: t('parResults.chart.threshold', { n: threshold }),
                  labelPosition: 'top',
                },
              ]
            : []
        }
        withBarValueLabel
        maxBarWidth={22}
      />
    </div>
  );
}
