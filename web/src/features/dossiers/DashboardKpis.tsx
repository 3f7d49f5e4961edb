import { Badge, Card, Group, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { formatRate, type DrillClass, type Figures, type Light, type Ratio } from './dashboardApi';
import { LightDot } from './DashboardLights';

type Open = (cls: DrillClass, label: string, value: string) => void;

/** Each rate card opens the dossiers of its numerator. */
const RATE_CARDS: { key: keyof Figures['indicators']; light?: keyof Figures['lights']; cls: DrillClass }[] = [
  { key: 'onTimeRate', light: 'onTimeRate', cls: 'onTime' },
  { key: 'lateRate', light: 'lateRate', cls: 'late' },
  { key: 'onlineRate', light: 'onlineRate', cls: 'online' },
  { key: 'onlinePaymentRate', light: 'onlinePaymentRate', cls: 'paidOnline' },
  { key: 'digitisationRate', light: 'digitisationRate', cls: 'digitised' },
  { key: 'eResultRate', light: 'eResultRate', cls: 'eResult' },
  { key: 'satisfaction', light: 'satisfaction', cls: 'dissatisfied' },
  { key: 'averageProcessingDays', cls: 'resolved' },
];

/** Counts under the cards, each opening its dossiers. */
const COUNTS: { cls: DrillClass; value: (f: Figures) => number }[] = [
  { cls: 'toProcess', value: (f) => f.indicators.toProcess },
  { cls: 'received', value: (f) => f.totals.received ?? 0 },
  { cls: 'carriedOver', value: (f) => f.totals.carriedOver ?? 0 },
  { cls: 'resolved', value: (f) => f.indicators.resolved },
  { cls: 'processing', value: (f) => f.indicators.processing },
  { cls: 'overdue', value: (f) => f.totals.overdue ?? 0 },
  { cls: 'withdrawn', value: (f) => f.totals.withdrawn ?? 0 },
];

function Card_({
  label,
  value,
  detail,
  light,
  onOpen,
  testId,
  extra,
}: {
  label: string;
  value: string;
  detail?: string;
  light?: Light;
  onOpen?: () => void;
  testId: string;
  extra?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const body = (
    <>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        {light !== undefined && <LightDot light={light} />}
      </Group>
      <Text fz={26} fw={700} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
      {extra}
    </>
  );
  return (
    <Card withBorder padding="md" data-testid={testId}>
      {onOpen ? (
        <UnstyledButton
          onClick={onOpen}
          w="100%"
          aria-label={t('dossiers.open', { label, value })}
          title={t('dossiers.openHint')}
        >
          {body}
        </UnstyledButton>
      ) : (
        body
      )}
    </Card>
  );
}

export function DashboardKpis({ figures, open }: { figures: Figures; open: Open }) {
  const { t, i18n } = useTranslation();
  const rate = (r: Ratio) => formatRate(r.value, i18n.language);
  const q = figures.qd766;
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} mb="sm" data-testid="dossiers-kpis">
        {RATE_CARDS.map(({ key, light, cls }) => {
          const r = figures.indicators[key] as Ratio;
          const label = t(`dossiers.kpi.${key}`);
          const value = key === 'averageProcessingDays' ? formatNumber(r.value, 1) || '—' : rate(r);
          return (
            <Card_
              key={key}
              label={label}
              value={value}
              detail={
                key === 'averageProcessingDays'
                  ? t('dossiers.kpi.days', {
                      days: formatNumber(r.numerator),
                      resolved: formatNumber(r.denominator),
                    })
                  : `${formatNumber(r.numerator)} / ${formatNumber(r.denominator)}`
              }
              light={light ? figures.lights[light] : undefined}
              onOpen={() => open(cls, label, value)}
              testId={`dossiers-kpi-${key}`}
            />
          );
        })}
        <Card_
          label={t('dossiers.kpi.qd766')}
          value={q.maxCovered > 0 ? `${formatNumber(q.score, 1)} / ${formatNumber(q.maxCovered)}` : '—'}
          detail={t('dossiers.kpi.qd766Detail', {
            edition: q.edition.isDefault
              ? t('dossiers.kpi.editionDefault', { year: q.edition.basisYear })
              : t('dossiers.kpi.edition', { year: q.edition.basisYear, n: q.edition.number }),
          })}
          light={figures.lights.qd766}
          testId="dossiers-kpi-qd766"
          extra={
            <Group gap={4} mt={4}>
              {q.provisional && (
                <Badge color="orange" variant="light" size="sm" data-testid="dossiers-qd766-provisional">
                  {t('dossiers.kpi.provisional')}
                </Badge>
              )}
              {!q.complete && (
                <Badge color="gray" variant="light" size="sm">
                  {t('dossiers.kpi.partial')}
                </Badge>
              )}
            </Group>
          }
        />
      </SimpleGrid>
      <Group gap="xs" mb="lg">
        {COUNTS.map(({ cls, value }) => {
          const label = t(`dossiers.class.${cls}`);
          const v = formatNumber(value(figures));
          return (
            <Badge
              key={cls}
              variant="light"
              color={cls === 'overdue' && value(figures) > 0 ? 'red' : 'gray'}
              size="lg"
              component="button"
              style={{ cursor: 'pointer', textTransform: 'none' }}
              onClick={() => open(cls, label, v)}
              data-testid={`dossiers-count-${cls}`}
            >
              {label}: {v}
            </Badge>
          );
        })}
      </Group>
      {q.provisional && (
        <Text size="xs" c="dimmed" mb="md">
          {t('dossiers.kpi.provisionalNote')}
        </Text>
      )}
    </>
  );
}
