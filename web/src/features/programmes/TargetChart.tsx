/**
 * A target's small chart: the value each year (computed or entered by hand) against its milestones (recharts through
 * @mantine/charts, in the `charts` vendor chunk): loaded lazily by ./ProgrammePage.tsx so the table shows first.
 */
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { Target } from './api';

export function TargetChart({ target }: { target: Target }) {
  const { t } = useTranslation();
  const data = target.years.map((y) => ({
    year: String(y.year),
    value: y.value,
    milestone: y.milestone,
  }));
  const described = target.years
    .map((y) => `${y.year}: ${formatNumber(y.value, 2) || '—'} / ${formatNumber(y.milestone, 2) || '—'}`)
    .join('; ');
  return (
    <div role="img" aria-label={t('programmes.chartAlt', { target: target.name, values: described })}>
      <LineChart
        h={160}
        data={data}
        dataKey="year"
        withLegend
        connectNulls
        curveType="linear"
        valueFormatter={(v) => formatNumber(v, 2)}
        series={[
          { name: 'value', label: t('programmes.series.value'), color: 'blue.6' },
          {
            name: 'milestone',
            label: t('programmes.series.milestone'),
            color: 'green.6',
            strokeDasharray: '4 4',
          },
        ]}
      />
    </div>
  );
}
