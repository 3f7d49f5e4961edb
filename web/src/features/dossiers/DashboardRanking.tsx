import { Anchor, Badge, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/table';
import { foldVi, formatDate, formatNumber } from '../../lib/format';
import { formatRate, type BreakdownRow, type DrillClass, type Figures, type LightKey } from './dashboardApi';
import { LightDot } from './DashboardLights';
import { rankValue, rowMatches } from './rankingRows';

type Row = BreakdownRow;
type Open = (row: Row, cls: DrillClass, label: string, value: string) => void;

const RATES: { key: LightKey & keyof Figures['indicators']; cls: DrillClass }[] = [
  { key: 'onTimeRate', cls: 'onTime' },
  { key: 'onlineRate', cls: 'online' },
  { key: 'digitisationRate', cls: 'digitised' },
  { key: 'satisfaction', cls: 'dissatisfied' },
];

/** Rows a page: a province has hundreds of units (and a unit hundreds of procedures). */
const PAGE_SIZE = 25;

/**
 * Units (or procedures) in the server's ranking order (QĐ 766 share, then on-time rate, then online rate;
 * equal rows share a rank, "đồng hạng"; rows without dossiers last, unranked, saying so), each rate with its
 * traffic light, 25 a page; every column sorts (in the browser: the server sends every row), a search
 * narrows the rows by name or code; a name goes one level down, a number opens its dossiers.
 */
export function DashboardRanking({
  rows,
  heading,
  onPick,
  open,
  testId,
  searchLabel,
  resetKey,
}: {
  rows: Row[];
  heading: string;
  onPick: (row: Row) => void;
  open: Open;
  testId: string;
  /** The search box's label ("Tìm đơn vị" / "Tìm thủ tục"). */
  searchLabel: string;
  /** A new value (another period or scope) goes back to the first page. */
  resetKey: string;
}) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const needle = foldVi(query);
  const shown = useMemo(() => (needle ? rows.filter((r) => rowMatches(r, needle)) : rows), [rows, needle]);

  const columns = useMemo((): Column<Row>[] => {
    const num = (row: Row, cls: DrillClass, label: string, value: string, alert = false) =>
      row.noDossiers ? (
        <Text size="sm" c="dimmed" aria-label={t('dossiers.ranking.noDossiers')}>
          —
        </Text>
      ) : (
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
    return [
      {
        key: 'rank',
        header: t('dossiers.ranking.rank'),
        headerNode: '#',
        numeric: true,
        firstDir: 'asc',
        width: 64,
        value: rankValue,
        cell: (row) =>
          row.rank === null ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : row.tied ? (
            <Tooltip label={t('dossiers.ranking.rankTied', { rank: row.rank })}>
              <Text
                size="sm"
                span
                aria-label={t('dossiers.ranking.rankTied', { rank: row.rank })}
                data-testid={`${testId}-tied`}
              >
                {row.rank}=
              </Text>
            </Tooltip>
          ) : (
            <Text size="sm" span>
              {row.rank}
            </Text>
          ),
      },
      {
        key: 'name',
        header: heading,
        value: (row) => row.name,
        cellStyle: { maxWidth: 320 },
        cell: (row) => (
          <>
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
            {row.noDossiers && (
              <Tooltip label={t('dossiers.ranking.noDossiersHint')} multiline w={280}>
                <Badge
                  variant="light"
                  color="gray"
                  size="sm"
                  tt="none"
                  mt={2}
                  data-testid={`${testId}-no-dossiers`}
                >
                  {t('dossiers.ranking.noDossiers')}
                </Badge>
              </Tooltip>
            )}
          </>
        ),
      },
      {
        key: 'toProcess',
        header: t('dossiers.class.toProcess'),
        numeric: true,
        value: (row) => row.indicators.toProcess,
        cell: (row) =>
          num(row, 'toProcess', t('dossiers.class.toProcess'), formatNumber(row.indicators.toProcess)),
      },
      {
        key: 'late',
        header: t('dossiers.class.late'),
        numeric: true,
        value: (row) => row.indicators.late,
        cell: (row) =>
          num(
            row,
            'late',
            t('dossiers.class.late'),
            formatNumber(row.indicators.late),
            row.indicators.late > 0,
          ),
      },
      ...RATES.map((r): Column<Row> => ({
        key: r.key,
        header: t(`dossiers.kpi.${r.key}`),
        numeric: true,
        value: (row) => row.indicators[r.key].value,
        cell: (row) => (
          <Group gap={6} justify="flex-end" wrap="nowrap">
            {num(
              row,
              r.cls,
              t(`dossiers.kpi.${r.key}`),
              formatRate(row.indicators[r.key].value, i18n.language),
            )}
            <LightDot light={row.lights[r.key]} />
          </Group>
        ),
      })),
      {
        key: 'qd766',
        header: t('dossiers.kpi.qd766'),
        numeric: true,
        // Scores out of different covered maxima compare as shares of them.
        value: (row) => (row.qd766.maxCovered > 0 ? row.qd766.score / row.qd766.maxCovered : null),
        cell: (row) =>
          row.qd766.maxCovered > 0 ? (
            <Group gap={6} justify="flex-end" wrap="nowrap">
              <Text size="sm">
                {formatNumber(row.qd766.score, 1)}/{formatNumber(row.qd766.maxCovered)}
                {row.qd766.provisional ? '*' : ''}
              </Text>
              <LightDot light={row.lights.qd766} />
            </Group>
          ) : (
            <Text size="sm" c="dimmed" title={t('dossiers.ranking.noScore')}>
              —
            </Text>
          ),
      },
    ];
  }, [t, i18n.language, heading, onPick, open, testId]);

  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid={`${testId}-empty`}>
        {t('dossiers.ranking.none')}
      </Text>
    );
  return (
    <>
      {rows.length > PAGE_SIZE / 2 && (
        <TextInput
          label={searchLabel}
          placeholder={t('dossiers.ranking.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          maw={360}
          mb="sm"
          data-testid={`${testId}-search`}
        />
      )}
      <DataTable
        rows={shown}
        columns={columns}
        rowKey={(row) => row.key}
        initialSort={{ key: 'rank', dir: 'asc' }}
        pageSize={PAGE_SIZE}
        resetKey={`${resetKey}|${needle}`}
        minWidth={900}
        label={heading}
        caption={t('dossiers.ranking.caption')}
        empty={t('dossiers.ranking.noMatch', { q: query.trim() })}
        testId={testId}
        rowProps={(row) => ({ 'data-key': row.key, 'data-rank': row.rank ?? '' })}
      />
    </>
  );
}
