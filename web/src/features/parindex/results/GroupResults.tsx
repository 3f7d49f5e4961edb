import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Center,
  Collapse,
  Group,
  Loader,
  Progress,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconChartBar, IconChevronDown, IconChevronRight, IconFlag } from '@tabler/icons-react';
import { Component, lazy, memo, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/table';
import { formatNumber } from '../../../lib/format';
import { gradeColor, groupLabel } from '../frameworks/labels';
import type { ResultRow } from './api';
import {
  belowThreshold,
  directionOf,
  formatChange,
  formatIndex,
  summarise,
  type GroupSummary,
} from './resultsModel';

const ResultsChart = lazy(() => import('./ResultsChart').then((m) => ({ default: m.ResultsChart })));

/**
 * The chart is a picture of the table: if its code cannot be fetched (offline, a deploy in between), only the chart
 * is lost, with a line saying so — never the page.
 */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** More units than this: the chart starts folded (a group of 100 communes is a long picture). */
const CHART_OPEN_UP_TO = 40;

/** How the page names things it got as codes: a field by its framework's name, a grade by its band's. */
export type Naming = {
  field: (row: ResultRow, code: string) => string;
  grade: (row: ResultRow) => string;
};

export function GradeBadge({ row, naming }: { row: ResultRow; naming: Naming }) {
  if (!row.grade) return null;
  return (
    <Badge
      color={gradeColor(row.grade)}
      variant="light"
      tt="none"
      data-testid="grade-badge"
      data-grade={row.grade}
    >
      {naming.grade(row)}
    </Badge>
  );
}

/** The change from last year: ▲ green, ▼ red, = grey; "—" when the unit had no index last year. */
export function Change({ change, previous }: { change: number | null; previous: number | null }) {
  const { t } = useTranslation();
  const dir = directionOf(change);
  if (dir === 'none' || change === null)
    return (
      <Tooltip label={t('parResults.change.none')} withArrow>
        <Text span size="sm" c="dimmed" aria-label={t('parResults.change.none')} tabIndex={0}>
          —
        </Text>
      </Tooltip>
    );
  const color = dir === 'up' ? 'green.8' : dir === 'down' ? 'red.8' : 'dimmed';
  const mark = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '=';
  const label = t(`parResults.change.${dir}`, {
    change: formatChange(Math.abs(change)),
    previous: formatIndex(previous),
  });
  return (
    <Tooltip label={label} withArrow multiline maw={280}>
      <Text
        span
        size="sm"
        c={color}
        fw={600}
        aria-label={label}
        tabIndex={0}
        data-testid="result-change"
        data-direction={dir}
      >
        <span aria-hidden>{mark}</span> {formatChange(change)}
      </Text>
    </Tooltip>
  );
}

/** The points of each field: its name, points / maximum, and a bar of its share. */
function Breakdown({ row, naming }: { row: ResultRow; naming: Naming }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} mt={6} maw={640} data-testid="result-breakdown">
      {row.byField.map((f) => (
        <Stack key={f.code} gap={2}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs" style={{ minWidth: 0 }}>
              <Text span size="xs" fw={600}>
                {f.code}.
              </Text>{' '}
              {naming.field(row, f.code)}
            </Text>
            <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
              {t('parResults.breakdown.points', {
                points: formatNumber(f.points, 2),
                max: formatNumber(f.maxPoints, 2),
              })}
              {f.percent !== null && ` · ${formatIndex(f.percent)}`}
            </Text>
          </Group>
          <Progress
            value={f.percent ?? (f.maxPoints ? (f.points / f.maxPoints) * 100 : 0)}
            size="xs"
            color={f.percent !== null && f.percent < 50 ? 'orange' : 'blue'}
            aria-hidden
          />
        </Stack>
      ))}
    </Stack>
  );
}

function BelowBadge({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip
      label={t('parResults.below.hint', { n: formatNumber(threshold, 2) })}
      multiline
      maw={300}
      withArrow
    >
      <Badge
        size="xs"
        color="red"
        variant="light"
        tt="none"
        leftSection={<IconFlag size={10} aria-hidden />}
        tabIndex={0}
        data-testid="result-below"
      >
        {t('parResults.below.badge')}
      </Badge>
    </Tooltip>
  );
}

function RankCell({ row, tied }: { row: ResultRow; tied: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} align="flex-end">
      <Text size="sm" fw={700} data-testid="result-rank">
        {row.rank}
      </Text>
      {tied && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('parResults.tied')}
        </Text>
      )}
    </Stack>
  );
}

/** The group's line of figures: units, mean index, units per grade, units below the threshold. */
function SummaryLine({
  s,
  naming,
  threshold,
}: {
  s: GroupSummary;
  naming: Naming;
  threshold: number | null;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap" data-testid="results-summary">
      <Text size="sm" c="dimmed">
        {t('parResults.summary.units', { count: s.units })}
        {s.mean !== null && ` · ${t('parResults.summary.mean', { mean: formatIndex(s.mean) })}`}
      </Text>
      {s.grades.map((g) => (
        <Badge key={g.code} color={gradeColor(g.code)} variant="dot" tt="none" size="sm">
          {t('parResults.summary.grade', { grade: naming.grade(g.row), count: g.count })}
        </Badge>
      ))}
      {threshold !== null && s.below > 0 && (
        <Badge color="red" variant="light" tt="none" size="sm">
          {t('parResults.summary.below', { count: s.below, n: formatNumber(threshold, 2) })}
        </Badge>
      )}
    </Group>
  );
}

/** A unit on a phone: rank, name, index, grade, change; its fields on demand. */
const UnitCard = memo(function UnitCard({
  row,
  tied,
  below,
  threshold,
  naming,
}: {
  row: ResultRow;
  tied: boolean;
  below: boolean;
  threshold: number | null;
  naming: Naming;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="result-card"
      data-below={below || undefined}
      style={
        below
          ? { background: 'var(--mantine-color-red-0)', borderColor: 'var(--mantine-color-red-3)' }
          : undefined
      }
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
            <Badge variant="filled" color="dark" size="lg" radius="sm" tt="none" style={{ flexShrink: 0 }}>
              {t('parResults.rankShort', { rank: row.rank })}
            </Badge>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={600} size="sm">
                {row.unitName}
              </Text>
              <Text size="xs" c="dimmed">
                {t('parResults.rankOf', { rank: row.rank, of: row.rankOf })}
                {tied ? ` · ${t('parResults.tied')}` : ''}
              </Text>
            </Stack>
          </Group>
          <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }} data-testid="result-index">
            {formatIndex(row.percent)}
          </Text>
        </Group>
        <Group justify="space-between" gap="xs">
          <Group gap={6}>
            <GradeBadge row={row} naming={naming} />
            {below && threshold !== null && <BelowBadge threshold={threshold} />}
          </Group>
          <Change change={row.change} previous={row.previousPercent} />
        </Group>
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {t('parResults.breakdown.points', {
              points: formatNumber(row.points, 2),
              max: formatNumber(row.maxPoints, 2),
            })}
          </Text>
          {row.byField.length > 0 && (
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              rightSection={
                open ? <IconChevronDown size={12} aria-hidden /> : <IconChevronRight size={12} aria-hidden />
              }
            >
              {t('parResults.breakdown.toggle')}
            </Button>
          )}
        </Group>
        <Collapse expanded={open}>{open && <Breakdown row={row} naming={naming} />}</Collapse>
      </Stack>
    </Card>
  );
});

/** One group's ranking table: sortable columns, a unit's fields opened under its name, low units highlighted. */
function RankingTable({
  rows,
  tied,
  threshold,
  naming,
  group,
}: {
  rows: readonly ResultRow[];
  tied: ReadonlySet<string>;
  threshold: number | null;
  naming: Naming;
  group: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string) =>
      setOpen((o) => {
        const next = new Set(o);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const C = (k: string) => t(`parResults.columns.${k}`);
  const columns = useMemo(
    (): Column<ResultRow>[] => [
      {
        key: 'open',
        header: C('fields'),
        sortable: false,
        width: 44,
        headerNode: <span />,
        cell: (r) =>
          r.byField.length ? (
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => toggle(r.assessmentId)}
              aria-expanded={open.has(r.assessmentId)}
              aria-label={t(
                open.has(r.assessmentId) ? 'parResults.breakdown.hide' : 'parResults.breakdown.show',
                {
                  unit: r.unitName,
                },
              )}
              data-testid="result-toggle"
            >
              {open.has(r.assessmentId) ? (
                <IconChevronDown size={16} aria-hidden />
              ) : (
                <IconChevronRight size={16} aria-hidden />
              )}
            </ActionIcon>
          ) : null,
      },
      {
        key: 'rank',
        header: C('rank'),
        numeric: true,
        firstDir: 'asc',
        width: 100,
        value: (r) => r.rank,
        cell: (r) => <RankCell row={r} tied={tied.has(r.assessmentId)} />,
      },
      {
        key: 'unit',
        header: C('unit'),
        value: (r) => r.unitName,
        cellStyle: { minWidth: 280 },
        cell: (r) => (
          <Stack gap={2}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={500}>
                {r.unitName}
              </Text>
              {threshold !== null && belowThreshold(r, threshold) && <BelowBadge threshold={threshold} />}
            </Group>
            {open.has(r.assessmentId) && <Breakdown row={r} naming={naming} />}
          </Stack>
        ),
      },
      {
        key: 'points',
        header: C('points'),
        numeric: true,
        width: 130,
        value: (r) => r.points,
        cell: (r) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatNumber(r.points, 2)}
            <Text span size="xs" c="dimmed">
              {' / '}
              {formatNumber(r.maxPoints, 2)}
            </Text>
          </Text>
        ),
      },
      {
        key: 'index',
        header: C('index'),
        numeric: true,
        width: 110,
        value: (r) => r.percent,
        cell: (r) => (
          <Text size="sm" fw={700} data-testid="result-index">
            {formatIndex(r.percent)}
          </Text>
        ),
      },
      {
        key: 'grade',
        header: C('grade'),
        width: 130,
        compare: (a, b) => a.percent - b.percent,
        firstDir: 'desc',
        cell: (r) => <GradeBadge row={r} naming={naming} />,
      },
      {
        key: 'change',
        header: C('change'),
        numeric: true,
        width: 150,
        value: (r) => r.change,
        cell: (r) => <Change change={r.change} previous={r.previousPercent} />,
      },
    ],
    [t, open, tied, threshold, naming, toggle],
  );
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(r) => r.assessmentId}
      initialSort={{ key: 'rank', dir: 'asc' }}
      pageSize={0}
      minWidth={820}
      label={t('parResults.tableLabel', { group })}
      empty={t('parResults.noMatch')}
      testId="results-table"
      rowProps={(r) => {
        const below = threshold !== null && belowThreshold(r, threshold);
        return {
          'data-unit': r.unitId,
          'data-below': below || undefined,
          style: below ? { background: 'var(--mantine-color-red-0)' } : undefined,
        };
      }}
    />
  );
}

/**
 * One group's results: its heading and figures, the bar chart of its units (loaded on demand), and the ranking —
 * a table, or on a phone a card per unit.
 */
export function GroupResults({
  group,
  rows,
  allRows,
  tied,
  threshold,
  naming,
  phone,
  searching,
}: {
  group: ResultRow['group'];
  /** The rows shown (after the search). */
  rows: readonly ResultRow[];
  /** All the group's rows (the figures and the chart are the group's, whatever the search). */
  allRows: readonly ResultRow[];
  tied: ReadonlySet<string>;
  threshold: number | null;
  naming: Naming;
  phone: boolean;
  searching: boolean;
}) {
  const { t } = useTranslation();
  const [chart, setChart] = useState(allRows.length <= CHART_OPEN_UP_TO);
  const name = groupLabel(t, group);
  const summary = useMemo(() => summarise(allRows, threshold), [allRows, threshold]);
  return (
    <Stack gap="sm" data-testid="results-group" data-group={group}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Stack gap={4}>
          <Title order={2} size="h3">
            {name}
          </Title>
          <SummaryLine s={summary} naming={naming} threshold={threshold} />
        </Stack>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconChartBar size={14} aria-hidden />}
          onClick={() => setChart((c) => !c)}
          aria-expanded={chart}
          data-testid="results-chart-toggle"
        >
          {chart ? t('parResults.chart.hide') : t('parResults.chart.show')}
        </Button>
      </Group>
      {chart && (
        <Card withBorder padding="sm">
          <ChartBoundary
            fallback={
              <Text size="sm" c="dimmed" data-testid="results-chart-failed">
                {t('parResults.chart.failed')}
              </Text>
            }
          >
            <Suspense
              fallback={
                <Center py="lg">
                  <Loader size="sm" aria-label={t('common.loading')} />
                </Center>
              }
            >
              <ResultsChart rows={allRows} threshold={threshold} groupName={name} phone={phone} />
            </Suspense>
          </ChartBoundary>
        </Card>
      )}
      {searching && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('parResults.noMatch')}
        </Text>
      ) : phone ? (
        <Stack gap="xs" data-testid="results-cards">
          {rows.map((r) => (
            <UnitCard
              key={r.assessmentId}
              row={r}
              tied={tied.has(r.assessmentId)}
              below={threshold !== null && belowThreshold(r, threshold)}
              threshold={threshold}
              naming={naming}
            />
          ))}
        </Stack>
      ) : (
        <RankingTable rows={rows} tied={tied} threshold={threshold} naming={naming} group={name} />
      )}
    </Stack>
  );
}
