import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import { formatRate, type Breakdown, type DrillClass, type Figures, type LightKey } from './dashboardApi';
import { LightDot } from './DashboardLights';

type Row = Breakdown['groups'][number];
type Open = (row: Row, cls: DrillClass, label: string, value: string) => void;

/** Best on-time rate first; rows without dossiers to process last; then Vietnamese order. */
export function ranked(rows: readonly Row[]): Row[] {
  const v = (r: Row) => r.indicators.onTimeRate.value;
  return [...rows].sort((a, b) => {
    const x = v(a);
    const y = v(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return y - x;
  });
}

const RATES: { key: LightKey & keyof Figures['indicators']; cls: DrillClass }[] = [
  { key: 'onTimeRate', cls: 'onTime' },
  { key: 'onlineRate', cls: 'online' },
  { key: 'digitisationRate', cls: 'digitised' },
  { key: 'satisfaction', cls: 'dissatisfied' },
];

/**
 * Units (or procedures) ranked by on-time rate, each rate with its traffic light; a name goes one level
 * down, a number opens its dossiers.
 */
export function DashboardRanking({
  rows,
  heading,
  onPick,
  open,
  testId,
}: {
  rows: Row[];
  heading: string;
  onPick: (row: Row) => void;
  open: Open;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid={`${testId}-empty`}>
        {t('dossiers.ranking.none')}
      </Text>
    );
  const num = (row: Row, cls: DrillClass, label: string, value: string, alert = false) => (
    <Anchor
      component="button"
      type="button"
      size="sm"
      c={alert ? 'red.7' : 'blue.8'}
      underline="always"
      style={{ textDecorationStyle: 'dotted', textUnderlineOffset: 3 }}
      onClick={() => open(row, cls, `${row.name} — ${label}`, value)}
      aria-label={t('dossiers.open', { label: `${row.name} — ${label}`, value })}
      data-testid={`${testId}-${cls}`}
    >
      {value}
    </Anchor>
  );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={testId}>
        <Table.Caption>{t('dossiers.ranking.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>{heading}</Table.Th>
            <Table.Th ta="right">{t('dossiers.class.toProcess')}</Table.Th>
            <Table.Th ta="right">{t('dossiers.class.late')}</Table.Th>
            {RATES.map((r) => (
              <Table.Th key={r.key} ta="right">
                {t(`dossiers.kpi.${r.key}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('dossiers.kpi.qd766')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ranked(rows).map((row, i) => (
            <Table.Tr key={row.key} data-testid={`${testId}-row`} data-key={row.key}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td maw={320}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={500}
                  ta="left"
                  onClick={() => onPick(row)}
                  data-testid={`${testId}-pick`}
                >
                  {row.name}
                </Anchor>
                {row.code && (
                  <Text size="xs" c="dimmed">
                    {row.code}
                  </Text>
                )}
                {row.validTo && (
                  <Text size="xs" c="dimmed">
                    {t('dossiers.ranking.ended', { date: formatDate(row.validTo) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {num(row, 'toProcess', t('dossiers.class.toProcess'), formatNumber(row.indicators.toProcess))}
              </Table.Td>
              <Table.Td ta="right">
                {num(
                  row,
                  'late',
                  t('dossiers.class.late'),
                  formatNumber(row.indicators.late),
                  row.indicators.late > 0,
                )}
              </Table.Td>
              {RATES.map((r) => {
                const value = formatRate(row.indicators[r.key].value, i18n.language);
                return (
                  <Table.Td key={r.key} ta="right">
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      {num(row, r.cls, t(`dossiers.kpi.${r.key}`), value)}
                      <LightDot light={row.lights[r.key]} />
                    </Group>
                  </Table.Td>
                );
              })}
              <Table.Td ta="right">
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <Text size="sm">
                    {formatNumber(row.qd766.score, 1)}/{formatNumber(row.qd766.maxCovered)}
                    {row.qd766.provisional ? '*' : ''}
                  </Text>
                  <LightDot light={row.lights.qd766} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
