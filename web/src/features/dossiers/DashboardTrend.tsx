import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRate, type Trend } from './dashboardApi';

/** Month by month: on-time, online and digitisation rates (percent), a picture of the figures. */
export function DashboardTrend({ trend }: { trend: Trend }) {
  const { t, i18n } = useTranslation();
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);
  const data = trend.months.map((m) => ({
    month: `${m.month.slice(5)}/${m.month.slice(0, 4)}`,
    onTimeRate: pct(m.indicators.onTimeRate.value),
    onlineRate: pct(m.indicators.onlineRate.value),
    digitisationRate: pct(m.indicators.digitisationRate.value),
  }));
  if (trend.months.every((m) => m.indicators.toProcess === 0))
    return (
      <Text c="dimmed" size="sm" data-testid="dossiers-trend-empty">
        {t('dossiers.trend.none')}
      </Text>
    );
  return (
    <div role="img" aria-label={t('dossiers.trend.alt')} data-testid="dossiers-trend">
      <LineChart
        h={260}
        data={data}
        dataKey="month"
        withLegend
        connectNulls
        curveType="linear"
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={(v) => formatRate(v / 100, i18n.language)}
        series={[
          { name: 'onTimeRate', label: t('dossiers.kpi.onTimeRate'), color: 'green.6' },
          { name: 'onlineRate', label: t('dossiers.kpi.onlineRate'), color: 'blue.6' },
          { name: 'digitisationRate', label: t('dossiers.kpi.digitisationRate'), color: 'grape.5' },
        ]}
      />
    </div>
  );
}
