import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRate, type Trend } from './dashboardApi';
import { trendIsEmpty, trendPoints } from './trendData';

/**
 * Month by month: on-time, online and digitisation rates (percent), a picture of the figures. A month
 * without dossiers is a gap: no point, and no line drawn across it.
 */
export function DashboardTrend({ trend }: { trend: Trend }) {
  const { t, i18n } = useTranslation();
  const data = trendPoints(trend);
  if (trendIsEmpty(data))
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
        connectNulls={false}
        curveType="linear"
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={(v) => formatRate(v == null ? null : v / 100, i18n.language)}
        series={[
          { name: 'onTimeRate', label: t('dossiers.kpi.onTimeRate'), color: 'green.6' },
          { name: 'onlineRate', label: t('dossiers.kpi.onlineRate'), color: 'blue.6' },
          { name: 'digitisationRate', label: t('dossiers.kpi.digitisationRate'), color: 'grape.5' },
        ]}
      />
    </div>
  );
}
