import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  Popover,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconInfoCircle, IconList } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { DataTable, type Column } from '../../../components/table';
import { inLanguage } from '../../../components/workflow/work';
import { formatDate, formatNumber } from '../../../lib/format';
import { StatsDrawer } from './StatsDrawer';
import {
  getStats,
  statsKeys,
  statsXlsxHref,
  type DrillTarget,
  type Figure,
  type Figures,
  type GroupBy,
  type StatsGroup,
  type StatsView,
} from './statsApi';
import {
  defaultPeriod,
  formatRate,
  PERIOD_KINDS,
  periodRange,
  todayIso,
  withKind,
  type PeriodKind,
  type StatsPeriod,
} from './statsPeriod';

const FIRST_YEAR = 2020;
/** Narrower than this, the grouping's choices stack (four do not fit side by side). */
const PHONE = '(max-width: 36em)';
const GROUP_BYS: readonly GroupBy[] = ['unit', 'category', 'channel', 'month'];

type Open = (figure: Figure, group: string | null, label: string, value: string) => void;

function PeriodPicker({ period, onChange }: { period: StatsPeriod; onChange: (p: StatsPeriod) => void }) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="stats-period-label">
          {t('hotlineStats.period.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="stats-period-label"
          value={period.kind}
          onChange={(v) => onChange(withKind(period, v as PeriodKind))}
          data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`hotlineStats.period.${k}`) }))}
          data-testid="stats-period-kind"
        />
      </Stack>
      {period.kind !== 'custom' && (
        <Select
          label={t('hotlineStats.period.yearLabel')}
          data={years}
          value={String(period.year)}
          onChange={(v) => v && onChange({ ...period, year: Number(v) })}
          allowDeselect={false}
          w={110}
          data-testid="stats-period-year"
        />
      )}
      {period.kind === 'month' && (
        <Select
          label={t('hotlineStats.period.monthOf')}
          data={Array.from({ length: 12 }, (_, i) => ({
            value: String(i + 1),
            label: t('hotlineStats.period.monthN', { n: i + 1 }),
          }))}
          value={String(period.index)}
          onChange={(v) => v && onChange({ ...period, index: Number(v) })}
          allowDeselect={false}
          w={140}
          data-testid="stats-period-month"
        />
      )}
      {period.kind === 'quarter' && (
        <Select
          label={t('hotlineStats.period.quarterOf')}
          data={[1, 2, 3, 4].map((n) => ({
            value: String(n),
            label: t('hotlineStats.period.quarterN', { n }),
          }))}
          value={String(period.index)}
          onChange={(v) => v && onChange({ ...period, index: Number(v) })}
          allowDeselect={false}
          w={120}
          data-testid="stats-period-quarter"
        />
      )}
      {period.kind === 'custom' && (
        <>
          <DateField
            label={t('hotlineStats.period.from')}
            value={period.from}
            onChange={(from) => onChange({ ...period, from })}
            w={150}
            data-testid="stats-period-from"
          />
          <DateField
            label={t('hotlineStats.period.to')}
            value={period.to}
            onChange={(to) => onChange({ ...period, to })}
            w={150}
            data-testid="stats-period-to"
          />
        </>
      )}
    </Group>
  );
}

/** How the figures are counted: QĐ 766's two formulas, the counting rules, the stock of overdue cases. */
function Method() {
  const { t } = useTranslation();
  return (
    <Popover width={420} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button
          variant="subtle"
          leftSection={<IconInfoCircle size={16} aria-hidden />}
          data-testid="stats-method"
        >
          {t('hotlineStats.method.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="stats-method-text">
        <Stack gap="xs">
          <Text fw={700} size="sm">
            {t('hotlineStats.method.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('hotlineStats.method.basis')}
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('hotlineStats.method.onTime')}</List.Item>
            <List.Item>{t('hotlineStats.method.satisfaction')}</List.Item>
            <List.Item>{t('hotlineStats.method.counting')}</List.Item>
            <List.Item>{t('hotlineStats.method.overdue')}</List.Item>
            <List.Item>{t('hotlineStats.method.noData')}</List.Item>
          </List>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A number that opens its cases (a plain 0 opens nothing). */
function Num({
  value,
  text,
  label,
  onOpen,
  testId,
}: {
  value: number;
  text?: string;
  label: string;
  onOpen: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const shown = text ?? formatNumber(value);
  if (value === 0)
    return (
      <Text span size="sm" c="dimmed" data-testid={testId}>
        {shown}
      </Text>
    );
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={onOpen}
      aria-label={t('hotlineStats.open', { label, value: shown })}
      data-testid={testId}
    >
      {shown}
    </Anchor>
  );
}

function KeyCard({
  label,
  value,
  detail,
  hint,
  onOpen,
  testId,
  extra,
}: {
  label: string;
  value: string;
  detail: string;
  hint?: string;
  onOpen?: () => void;
  testId: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const body = (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={`${testId}-value`}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Stack>
  );
  return (
    <Card withBorder padding="md" data-testid={testId}>
      {hint ? (
        <Tooltip label={hint} multiline maw={320} withArrow>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            pos="absolute"
            top={8}
            right={8}
            aria-label={hint}
            data-testid={`${testId}-hint`}
          >
            <IconInfoCircle size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : null}
      {onOpen ? (
        <UnstyledButton onClick={onOpen} aria-label={t('hotlineStats.open', { label, value })}>
          {body}
        </UnstyledButton>
      ) : (
        body
      )}
      {extra}
    </Card>
  );
}

/** The province's (or the unit's) key figures: received, on time, overdue, satisfaction. */
function KeyFigures({ f, stockDay, open }: { f: Figures; stockDay: string; open: Open }) {
  const { t } = useTranslation();
  const rate = (figure: Figure, label: string, value: number | null) =>
    value === null ? undefined : () => open(figure, null, label, formatRate(value));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="md">
      <KeyCard
        label={t('hotlineStats.cards.received')}
        value={formatNumber(f.received)}
        detail={t('hotlineStats.cards.receivedDetail', {
          triage: formatNumber(f.inTriage),
          progress: formatNumber(f.inProgress),
          published: formatNumber(f.published),
        })}
        onOpen={
          f.received
            ? () => open('received', null, t('hotlineStats.cards.received'), formatNumber(f.received))
            : undefined
        }
        testId="stats-card-received"
      />
      <KeyCard
        label={`${t('hotlineStats.cards.onTime')} · ${t('hotlineStats.cards.qd766')}`}
        value={formatRate(f.onTimeRate.value)}
        detail={
          f.onTimeRate.value === null
            ? t('hotlineStats.cards.noData')
            : t('hotlineStats.cards.onTimeDetail', {
                numerator: formatNumber(f.onTimeRate.numerator),
                denominator: formatNumber(f.onTimeRate.denominator),
              })
        }
        hint={t('hotlineStats.method.onTime')}
        onOpen={rate('answered', t('hotlineStats.cards.onTime'), f.onTimeRate.value)}
        testId="stats-card-ontime"
      />
      <KeyCard
        label={t('hotlineStats.cards.overdue')}
        value={formatNumber(f.overdue)}
        detail={t('hotlineStats.cards.overdueDetail', { date: formatDate(stockDay) })}
        hint={t('hotlineStats.method.overdue')}
        onOpen={
          f.overdue
            ? () => open('overdue', null, t('hotlineStats.cards.overdue'), formatNumber(f.overdue))
            : undefined
        }
        testId="stats-card-overdue"
      />
      <KeyCard
        label={`${t('hotlineStats.cards.satisfaction')} · ${t('hotlineStats.cards.qd766')}`}
        value={formatRate(f.satisfactionRate.value)}
        detail={
          f.satisfactionRate.value === null
            ? t('hotlineStats.cards.noData')
            : t('hotlineStats.cards.satisfactionDetail', {
                numerator: formatNumber(f.satisfactionRate.numerator),
                denominator: formatNumber(f.satisfactionRate.denominator),
                unhappy: formatNumber(f.notSatisfied),
                late: formatNumber(f.late),
              })
        }
        hint={t('hotlineStats.method.satisfaction')}
        onOpen={rate('answered', t('hotlineStats.cards.satisfaction'), f.satisfactionRate.value)}
        testId="stats-card-satisfaction"
      />
    </SimpleGrid>
  );
}

/** Every other figure of the total, each opening its cases, in the two cohorts. */
function Counts({ f, open }: { f: Figures; open: Open }) {
  const { t } = useTranslation();
  const item = (figure: Figure, value: number) => (
    <Group gap={4} key={figure} wrap="nowrap">
      <Text size="sm">{t(`hotlineStats.figures.${figure}`)}:</Text>
      <Num
        value={value}
        label={t(`hotlineStats.figures.${figure}`)}
        onOpen={() => open(figure, null, t(`hotlineStats.figures.${figure}`), formatNumber(value))}
        testId={`stats-total-${figure}`}
      />
    </Group>
  );
  return (
    <Card withBorder padding="md" mb="md">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('hotlineStats.cohorts.received')}
        </Text>
        <Group gap="lg" wrap="wrap">
          {item('received', f.received)}
          {item('inTriage', f.inTriage)}
          {item('inProgress', f.inProgress)}
          {item('published', f.published)}
          {item('notAccepted', f.notAccepted)}
          {item('forwarded', f.forwarded)}
          {item('merged', f.merged)}
        </Group>
        <Text size="sm" fw={600} mt="xs">
          {t('hotlineStats.cohorts.answered')}
        </Text>
        <Group gap="lg" wrap="wrap">
          {item('answered', f.answered)}
          {item('onTime', f.onTime)}
          {item('late', f.late)}
          {item('satisfied', f.satisfied)}
          {item('notSatisfied', f.notSatisfied)}
          {item('notRated', f.notRated)}
        </Group>
        {f.avgWorkingDays !== null && (
          <Text size="sm" c="dimmed" data-testid="stats-avg-days">
            {t('hotlineStats.cards.avgDays', { days: formatNumber(f.avgWorkingDays, 1) })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** A group's name as the table shows it. */
function useGroupLabel(groupBy: GroupBy) {
  const { t, i18n } = useTranslation();
  return useCallback(
    (g: StatsGroup): string => {
      if (g.key === null) return t(`hotlineStats.none.${groupBy}`);
      if (groupBy === 'channel') return t(`hotline.channel.${g.key}`);
      if (groupBy === 'month')
        return t('hotlineStats.month', { month: g.key.slice(5, 7), year: g.key.slice(0, 4) });
      return g.name ? inLanguage(g.name, i18n.language) : g.key;
    },
    [t, i18n.language, groupBy],
  );
}

const COUNT_COLUMNS: readonly Exclude<Figure, 'satisfactionNumerator'>[] = [
  'received',
  'inTriage',
  'inProgress',
  'published',
  'answered',
  'onTime',
  'late',
];
const LATER_COLUMNS: readonly Exclude<Figure, 'satisfactionNumerator'>[] = [
  'satisfied',
  'notSatisfied',
  'notRated',
  'notAccepted',
  'forwarded',
  'merged',
];

function GroupTable({ stats, open }: { stats: { groupBy: GroupBy; groups: StatsGroup[] }; open: Open }) {
  const { t } = useTranslation();
  const label = useGroupLabel(stats.groupBy);
  const columns = useMemo((): Column<StatsGroup>[] => {
    const count = (figure: Exclude<Figure, 'satisfactionNumerator'>): Column<StatsGroup> => ({
      key: figure,
      header: t(`hotlineStats.figures.${figure}`),
      numeric: true,
      value: (g) => g.figures[figure],
      cell: (g) => (
        <Num
          value={g.figures[figure]}
          label={`${label(g)} — ${t(`hotlineStats.figures.${figure}`)}`}
          onOpen={() =>
            open(
              figure,
              g.key ?? 'none',
              `${label(g)} — ${t(`hotlineStats.figures.${figure}`)}`,
              formatNumber(g.figures[figure]),
            )
          }
        />
      ),
    });
    const rate = (key: 'onTimeRate' | 'satisfactionRate'): Column<StatsGroup> => ({
      key,
      header: t(`hotlineStats.figures.${key}`),
      numeric: true,
      value: (g) => g.figures[key].value ?? undefined,
      cell: (g) => {
        const r = g.figures[key];
        if (r.value === null)
          return (
            <Text span size="sm" c="dimmed">
              —
            </Text>
          );
        return (
          <Stack gap={0} align="flex-end">
            <Num
              value={r.denominator}
              text={formatRate(r.value)}
              label={`${label(g)} — ${t(`hotlineStats.figures.${key}`)}`}
              onOpen={() =>
                open(
                  'answered',
                  g.key ?? 'none',
                  `${label(g)} — ${t(`hotlineStats.figures.${key}`)}`,
                  formatRate(r.value),
                )
              }
            />
            <Text size="xs" c="dimmed">
              {formatNumber(r.numerator)}/{formatNumber(r.denominator)}
            </Text>
          </Stack>
        );
      },
    });
    return [
      {
        key: 'name',
        header: t(`hotlineStats.groupBy.${stats.groupBy}`),
        value: (g) => (stats.groupBy === 'month' ? (g.key ?? '') : label(g)),
        cellStyle: { minWidth: 200 },
        cell: (g) => (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {label(g)}
              {g.ended ? ` (${t('hotlineStats.ended')})` : ''}
            </Text>
            {g.key === null && stats.groupBy === 'unit' && (
              <Text size="xs" c="dimmed">
                {t('hotlineStats.noneHint')}
              </Text>
            )}
            {g.restatedFrom.length > 0 && (
              <Text size="xs" c="dimmed" data-testid="stats-restated-from">
                {t('hotlineStats.restatedFrom', { units: g.restatedFrom.join(', ') })}
              </Text>
            )}
          </Stack>
        ),
      },
      ...COUNT_COLUMNS.map(count),
      rate('onTimeRate'),
      count('overdue'),
      rate('satisfactionRate'),
      ...LATER_COLUMNS.map(count),
      {
        key: 'avgWorkingDays',
        header: t('hotlineStats.figures.avgWorkingDays'),
        numeric: true,
        value: (g) => g.figures.avgWorkingDays ?? undefined,
        cell: (g) => (g.figures.avgWorkingDays === null ? '—' : formatNumber(g.figures.avgWorkingDays, 1)),
      },
    ];
  }, [t, label, open, stats.groupBy]);
  return (
    <DataTable
      rows={stats.groups}
      columns={columns}
      rowKey={(g) => g.key ?? 'none'}
      pageSize={0}
      minWidth={1500}
      label={t('hotlineStats.table.label')}
      empty={t('hotlineStats.empty')}
      testId="stats-groups"
      resetKey={stats.groupBy}
      rowProps={(g) => ({ 'data-group': g.key ?? 'none' })}
    />
  );
}

/**
 * The hotline's statistics (issue 14): a period (month, quarter, year or two dates; this year at first) and a
 * grouping; the key figures with QĐ 766's two feedback indicators, the other counts, a table by group sortable
 * by any column — every number opens the cases it counts — and the same as an Excel file.
 */
export function StatsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<StatsPeriod>(() => defaultPeriod());
  const [groupBy, setGroupBy] = useState<GroupBy>('unit');
  const [restated, setRestated] = useState(false);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [target, setTarget] = useState<DrillTarget | null>(null);
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const range = periodRange(period);
  const today = todayIso();
  const validAsOf = asOf && asOf <= today ? asOf : null;
  const view: StatsView | null = range ? { ...range, groupBy, restated, asOf: validAsOf } : null;
  const stats = useQuery({
    queryKey: statsKeys.stats(view!),
    queryFn: () => getStats(view!),
    enabled: !!view,
    placeholderData: keepPreviousData,
  });
  const s = stats.data;
  const open: Open = useMemo(
    () => (figure, group, label, value) => setTarget({ figure, group, label, value }),
    [],
  );

  return (
    <>
      <PageHeader
        title={t('hotlineStats.title')}
        description={t('hotlineStats.description')}
        actions={
          <>
            <Method />
            <Button
              variant="default"
              leftSection={<IconList size={16} aria-hidden />}
              renderRoot={(props) => <Link to="/hotline" {...props} />}
            >
              {t('hotlineStats.backToList')}
            </Button>
            <Button
              component="a"
              href={view ? statsXlsxHref(view) : undefined}
              download
              disabled={!view}
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="stats-excel"
            >
              {t('hotlineStats.excel')}
            </Button>
          </>
        }
      />
      <Card withBorder padding="md" mb="md">
        <Stack gap="sm">
          <Group align="flex-end" gap="lg" wrap="wrap">
            <PeriodPicker period={period} onChange={setPeriod} />
            <DateField
              label={t('hotlineStats.asOf.label')}
              description={t('hotlineStats.asOf.hint')}
              value={asOf}
              onChange={setAsOf}
              maxDate={today}
              w={220}
              data-testid="stats-asof"
            />
          </Group>
          <Group align="flex-end" gap="lg" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="stats-groupby-label">
                {t('hotlineStats.groupBy.label')}
              </Text>
              <SegmentedControl
                aria-labelledby="stats-groupby-label"
                orientation={phone ? 'vertical' : 'horizontal'}
                fullWidth={phone}
                value={groupBy}
                onChange={(v) => setGroupBy(v as GroupBy)}
                data={GROUP_BYS.map((g) => ({ value: g, label: t(`hotlineStats.groupBy.${g}`) }))}
                data-testid="stats-groupby"
              />
            </Stack>
            {groupBy === 'unit' && (
              <Switch
                label={t('hotlineStats.restated.label')}
                description={t('hotlineStats.restated.hint')}
                checked={restated}
                onChange={(e) => setRestated(e.currentTarget.checked)}
                maw={460}
                data-testid="stats-restated"
              />
            )}
          </Group>
          {!range && (
            <Alert color="yellow" data-testid="stats-period-invalid">
              {t('hotlineStats.period.invalid')}
            </Alert>
          )}
        </Stack>
      </Card>
      {stats.isError && <ErrorAlert error={stats.error} />}
      {view && stats.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {s && view && (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="stats-summary">
            {t('hotlineStats.summary', {
              from: formatDate(s.from),
              to: formatDate(s.to),
              asOf: formatDate(s.asOf),
            })}
          </Text>
          <KeyFigures f={s.total} stockDay={s.stockDay} open={open} />
          <Counts f={s.total} open={open} />
          <Title order={2} size="h4" mb="xs">
            {t('hotlineStats.table.title', {
              by: t(`hotlineStats.groupBy.${s.groupBy}`).toLocaleLowerCase('vi'),
            })}
          </Title>
          <GroupTable stats={s} open={open} />
          <StatsDrawer view={view} target={target} onClose={() => setTarget(null)} />
        </>
      )}
    </>
  );
}
