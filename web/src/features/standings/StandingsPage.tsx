/**
 * The province in the national indices (`/standings`), for the leaders and the standing agency: each index's overall
 * trend over the years and its fields, elements or dimensions in a year — value, rank, change from last year (▲▼),
 * national average, target and its status, weakness — with a small trend per dimension and the source of each
 * figure; the standing agency enters, imports and exports results, sets targets and gives a weak dimension to a lead
 * unit ("Giao cải thiện"). The improvements, with their plan's progress, are listed for everyone who may see them (a
 * lead unit's focal point and leader see only theirs). Every button comes from the server's abilities.
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Menu,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconDots,
  IconDownload,
  IconFileText,
  IconInfoCircle,
  IconPlus,
  IconTarget,
  IconUpload,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge, TimingBadge } from '../../components/workflow/badges';
import { formatDate } from '../../lib/format';
import {
  exportHref,
  getOverview,
  INDEX_CODES,
  listImprovements,
  standingKeys,
  type Cell,
  type DimensionRow,
  type Improvement,
  type IndexView,
  type Result,
} from './api';
import { ImportModal } from './ImportModal';
import { AddTasksModal, ImprovementModal, ReasonModal } from './ImprovementModal';
import { ChangeText, formatValue, pick, TargetStatusBadge, WeakBadges } from './labels';
import { ResultModal } from './ResultModal';
import { TargetModal } from './TargetModal';

// The chart library (recharts) comes with the charts only, after the tables.
const TrendChart = lazy(() => import('./Charts').then((m) => ({ default: m.TrendChart })));
const DimensionSparkline = lazy(() => import('./Charts').then((m) => ({ default: m.DimensionSparkline })));

type Dialog =
  | { kind: 'result'; index: IndexView; year: number; code: string }
  | { kind: 'target'; index: IndexView; year: number; code: string }
  | { kind: 'improve'; index: IndexView; row: DimensionRow; cell: Cell }
  | { kind: 'import' }
  | { kind: 'tasks'; improvement: Improvement }
  | { kind: 'reason'; improvement: Improvement }
  | null;

const cellOf = (row: DimensionRow, year: number) => row.cells.find((c) => c.year === year);

/** The link to the figure's source: the register document, else the citation (in a tooltip). */
function SourceLink({ result }: { result: Result }) {
  const { t } = useTranslation();
  if (result.sourceDocument)
    return (
      <Tooltip
        label={`${result.sourceDocument.numberSymbol} — ${result.sourceDocument.title}`}
        multiline
        w={300}
      >
        <Anchor
          renderRoot={(props) => (
            <Link to="/documents/$documentId" params={{ documentId: result.sourceDocument!.id }} {...props} />
          )}
          aria-label={t('standings.openSource')}
          data-testid="source-document"
        >
          <IconFileText size={16} aria-hidden />
        </Anchor>
      </Tooltip>
    );
  if (!result.source && !result.note) return null;
  return (
    <Tooltip
      label={[result.source, result.note].filter(Boolean).join(' — ')}
      multiline
      w={320}
      events={{ hover: true, focus: true, touch: true }}
    >
      <ActionIcon variant="subtle" size="sm" color="gray" aria-label={t('standings.sourceAndNote')}>
        <IconInfoCircle size={16} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

function ValueText({ result, scaleMax }: { result: Result | null; scaleMax: number }) {
  const { t } = useTranslation();
  if (!result)
    return (
      <Text span c="dimmed" size="sm">
        {t('standings.notEntered')}
      </Text>
    );
  return (
    <Text span fw={600} size="sm">
      {formatValue(result.value)}
      <Text span c="dimmed" size="xs">
        {' '}
        / {formatValue(result.maxValue ?? scaleMax)}
      </Text>
    </Text>
  );
}

const rankText = (r: Result | null) => (r?.rank ? `${r.rank}${r.rankOf ? `/${r.rankOf}` : ''}` : '—');

function TargetText({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  if (!cell.target)
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  const parts = [
    cell.target.targetValue !== null ? formatValue(cell.target.targetValue) : null,
    cell.target.targetRank !== null ? t('standings.rankN', { rank: cell.target.targetRank }) : null,
  ].filter(Boolean);
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm">
        {parts.join(' · ')}
      </Text>
      {cell.targetStatus && <TargetStatusBadge status={cell.targetStatus} />}
    </Group>
  );
}

/** The actions on one dimension and year (the standing agency). */
function RowMenu({
  index,
  row,
  cell,
  onOpen,
}: {
  index: IndexView;
  row: DimensionRow;
  cell: Cell;
  onOpen: (d: Dialog) => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={t('common.actions')} data-testid="row-actions">
          <IconDots size={16} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onOpen({ kind: 'result', index, year: cell.year, code: row.code })}>
          {cell.result ? t('standings.editResult') : t('standings.enterResult')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconTarget size={14} aria-hidden />}
          onClick={() => onOpen({ kind: 'target', index, year: cell.year, code: row.code })}
        >
          {t('standings.setTarget')}
        </Menu.Item>
        {cell.result && (
          <Menu.Item
            color={cell.weak.length ? 'red' : undefined}
            onClick={() => onOpen({ kind: 'improve', index, row, cell })}
            data-testid="give-improvement"
          >
            {t('standings.giveImprovement')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function DimensionName({ row, cell }: { row: DimensionRow; cell: Cell }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={row.code ? 500 : 700}>
        {row.code ? pick(row.name, i18n.language) : t('standings.overall')}
      </Text>
      <Group gap={4}>
        <WeakBadges weak={cell.weak} />
        {cell.improvementIds.length > 0 && (
          <Badge size="sm" variant="light" color="violet">
            {t('standings.improvementGiven')}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

/** One index: its methodology, the overall's trend, and the dimensions in the chosen year. */
function IndexPanel({
  index,
  years,
  edit,
  onOpen,
}: {
  index: IndexView;
  years: number[];
  edit: boolean;
  onOpen: (d: Dialog) => void;
}) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const latest =
    [...years].reverse().find((y) => index.rows.some((r) => cellOf(r, y)?.result)) ??
    years[years.length - 1]!;
  const [year, setYear] = useState<number>(latest);
  const overall = index.rows[0]!;
  const overallCell = cellOf(overall, year)!;
  const rows = index.rows.filter((r) => cellOf(r, year)?.applies);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {pick(index.name, i18n.language)} — {pick(index.publisher, i18n.language)}
          </Text>
          {index.methodologies.map((m) => (
            <Text key={m.fromYear} size="xs" c="dimmed">
              {m.toYear === null
                ? t('standings.methodologyFrom', { from: m.fromYear })
                : t('standings.methodologyRange', { from: m.fromYear, to: m.toYear })}
              : {pick(m.basis, i18n.language)}{' '}
              {!m.confirmed && (
                <Badge size="xs" color="yellow" variant="light">
                  {t('standings.unconfirmed')}
                </Badge>
              )}
            </Text>
          ))}
        </Stack>
        <Group gap="xs">
          <Select
            aria-label={t('standings.year')}
            data={years.map(String)}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            w={100}
            allowDeselect={false}
            data-testid="index-year"
          />
          {edit && (
            <Button
              size="sm"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() =>
                onOpen({ kind: 'result', index, year: Math.min(year, new Date().getFullYear()), code: '' })
              }
              data-testid="enter-result"
            >
              {t('standings.enterResult')}
            </Button>
          )}
        </Group>
      </Group>

      <Card withBorder radius="md" padding="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} size="h5">
                {t('standings.overallIn', { index: pick(index.shortName, i18n.language), year })}
              </Title>
              {overallCell.result && <SourceLink result={overallCell.result} />}
            </Group>
            <SimpleGrid cols={2} spacing="xs">
              <Figure label={t('standings.value')}>
                <ValueText result={overallCell.result} scaleMax={overall.scaleMax} />
              </Figure>
              <Figure label={t('standings.rank')}>
                <Text fw={600} size="sm">
                  {rankText(overallCell.result)}
                </Text>
              </Figure>
              <Figure label={t('standings.changeFromLastYear')}>
                <ChangeText change={overallCell.change} />
              </Figure>
              <Figure label={t('standings.nationalAverage')}>
                <Text size="sm">{formatValue(overallCell.result?.nationalAverage) || '—'}</Text>
              </Figure>
              <Figure label={t('standings.target')}>
                <TargetText cell={overallCell} />
              </Figure>
            </SimpleGrid>
            <WeakBadges weak={overallCell.weak} />
            {edit && (
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconTarget size={14} aria-hidden />}
                  onClick={() => onOpen({ kind: 'target', index, year, code: '' })}
                >
                  {t('standings.setTarget')}
                </Button>
              </Group>
            )}
          </Stack>
          <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
            <TrendChart row={overall} />
          </Suspense>
        </SimpleGrid>
      </Card>

      <Title order={3} size="h5">
        {t(`standings.dimensionsOf.${index.code}`, { year })}
      </Title>
      {phone ? (
        <Stack gap="xs" data-testid="dimension-cards">
          {rows.slice(1).map((row) => {
            const cell = cellOf(row, year)!;
            return (
              <Paper
                key={row.code}
                withBorder
                p="sm"
                radius="md"
                data-testid="dimension-row"
                data-code={row.code}
              >
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <DimensionName row={row} cell={cell} />
                  {edit && <RowMenu index={index} row={row} cell={cell} onOpen={onOpen} />}
                </Group>
                <SimpleGrid cols={2} spacing={6} mt={6}>
                  <Figure label={t('standings.value')}>
                    <ValueText result={cell.result} scaleMax={row.scaleMax} />
                  </Figure>
                  <Figure label={t('standings.rank')}>
                    <Text size="sm">{rankText(cell.result)}</Text>
                  </Figure>
                  <Figure label={t('standings.changeFromLastYear')}>
                    <ChangeText change={cell.change} />
                  </Figure>
                  <Figure label={t('standings.nationalAverage')}>
                    <Text size="sm">{formatValue(cell.result?.nationalAverage) || '—'}</Text>
                  </Figure>
                  <Figure label={t('standings.target')}>
                    <TargetText cell={cell} />
                  </Figure>
                  <Figure label={t('standings.trend')}>
                    <Suspense fallback={null}>
                      <DimensionSparkline row={row} />
                    </Suspense>
                  </Figure>
                </SimpleGrid>
              </Paper>
            );
          })}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="dimension-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('standings.dimension')}</Table.Th>
                <Table.Th w={110}>{t('standings.value')}</Table.Th>
                <Table.Th w={80}>{t('standings.rank')}</Table.Th>
                <Table.Th w={150}>{t('standings.changeFromLastYear')}</Table.Th>
                <Table.Th w={100}>{t('standings.nationalAverage')}</Table.Th>
                <Table.Th w={180}>{t('standings.target')}</Table.Th>
                <Table.Th w={100}>{t('standings.trend')}</Table.Th>
                <Table.Th w={70} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(1).map((row) => {
                const cell = cellOf(row, year)!;
                return (
                  <Table.Tr key={row.code} data-testid="dimension-row" data-code={row.code}>
                    <Table.Td>
                      <DimensionName row={row} cell={cell} />
                    </Table.Td>
                    <Table.Td>
                      <ValueText result={cell.result} scaleMax={row.scaleMax} />
                    </Table.Td>
                    <Table.Td>{rankText(cell.result)}</Table.Td>
                    <Table.Td>
                      <ChangeText change={cell.change} />
                    </Table.Td>
                    <Table.Td>{formatValue(cell.result?.nationalAverage) || '—'}</Table.Td>
                    <Table.Td>
                      <TargetText cell={cell} />
                    </Table.Td>
                    <Table.Td>
                      <Suspense fallback={null}>
                        <DimensionSparkline row={row} />
                      </Suspense>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        {cell.result && <SourceLink result={cell.result} />}
                        {edit && <RowMenu index={index} row={row} cell={cell} onOpen={onOpen} />}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {rows.length <= 1 && (
        <Text size="sm" c="dimmed">
          {t('standings.noDimensions', { year })}
        </Text>
      )}
    </Stack>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** The improvements, each with its weak result, lead unit, plan, tasks and progress. */
function ImprovementsPanel({ items, onOpen }: { items: Improvement[]; onOpen: (d: Dialog) => void }) {
  const { t, i18n } = useTranslation();
  if (!items.length)
    return (
      <Text c="dimmed" size="sm" data-testid="no-improvements">
        {t('standings.noImprovements')}
      </Text>
    );
  return (
    <Stack gap="md">
      {items.map((i) => (
        <Card key={i.id} withBorder radius="md" padding="md" data-testid="improvement">
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={2}>
                <Text fw={700}>
                  {pick(i.indexName, i18n.language)} {i.year} —{' '}
                  {i.dimensionCode ? pick(i.dimensionName, i18n.language) : t('standings.overall')}
                </Text>
                <Text size="sm">
                  {t('standings.leadUnit')}: <strong>{i.leadUnit.name}</strong>
                </Text>
              </Stack>
              <Group gap="xs">
                {i.abilities.update && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => onOpen({ kind: 'reason', improvement: i })}
                  >
                    {t('standings.improvementForm.editReason')}
                  </Button>
                )}
                {i.abilities.addTasks && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => onOpen({ kind: 'tasks', improvement: i })}
                  >
                    {t('standings.improvementForm.moreTasks')}
                  </Button>
                )}
              </Group>
            </Group>
            {i.result && (
              <Group gap="md" wrap="wrap">
                <Text size="sm">
                  {t('standings.value')}: <ValueText result={i.result} scaleMax={i.result.maxValue} />
                </Text>
                <Text size="sm">
                  {t('standings.rank')}: {rankText(i.result)}
                </Text>
                <ChangeText change={i.change} />
                <WeakBadges weak={i.weak} />
              </Group>
            )}
            <Text size="sm" c="dimmed">
              {i.reason}
            </Text>
            {i.plan && (
              <Group gap="xs" wrap="wrap">
                <Text size="sm">{t('standings.plan')}:</Text>
                <Anchor
                  size="sm"
                  renderRoot={(props) => (
                    <Link to="/plans/$planId" params={{ planId: i.plan!.id }} {...props} />
                  )}
                  data-testid="improvement-plan"
                >
                  {i.plan.title}
                </Anchor>
              </Group>
            )}
            <Group gap="sm" wrap="nowrap">
              <Progress
                value={i.progress.percent ?? 0}
                color={i.progress.overdue ? 'orange' : 'green'}
                style={{ flex: 1 }}
                aria-label={t('standings.progress')}
              />
              <Text size="sm" fw={600} w={170} ta="right">
                {t('standings.progressText', {
                  verified: i.progress.verified,
                  total: i.progress.total - i.progress.cancelled,
                })}
              </Text>
            </Group>
            {i.progress.overdue > 0 && (
              <Text size="xs" c="red.7">
                {t('standings.overdueTasks', { count: i.progress.overdue })}
              </Text>
            )}
            <Stack gap={4}>
              {i.tasks.map((task) => (
                <Group
                  key={task.id}
                  justify="space-between"
                  wrap="nowrap"
                  gap="xs"
                  data-testid="improvement-task-row"
                >
                  <Text size="sm" style={{ flex: 1 }}>
                    {task.title}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    {task.dueDate && (
                      <Text size="xs" c="dimmed">
                        {formatDate(task.dueDate)}
                      </Text>
                    )}
                    <StatusBadge status={task.status} />
                    <TimingBadge timing={task.timing} />
                  </Group>
                </Group>
              ))}
            </Stack>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

export function StandingsPage() {
  const { t, i18n } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [fromYear, setFromYear] = useState(thisYear - 4);
  const [toYear, setToYear] = useState(thisYear);
  const [tab, setTab] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const improvements = useQuery({ queryKey: standingKeys.improvements, queryFn: listImprovements });
  const readResults = improvements.data?.abilities.readResults ?? false;
  const overview = useQuery({
    queryKey: standingKeys.overview(fromYear, toYear),
    queryFn: () => getOverview(fromYear, toYear),
    enabled: readResults,
  });
  const o = overview.data;
  const edit = o?.abilities.edit ?? false;
  const yearOptions = useMemo(
    () => Array.from({ length: 16 }, (_, k) => String(thisYear + 2 - k)),
    [thisYear],
  );
  const current = tab ?? (readResults ? INDEX_CODES[0] : 'improvements');
  const close = () => setDialog(null);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('standings.title')}
        description={
          o ? t('standings.description', { province: o.province.name }) : t('standings.descriptionUnit')
        }
        actions={
          readResults && (
            <>
              <Select
                aria-label={t('standings.fromYear')}
                data={yearOptions}
                value={String(fromYear)}
                onChange={(v) => v && setFromYear(Math.min(Number(v), toYear))}
                w={96}
                allowDeselect={false}
              />
              <Text size="sm">–</Text>
              <Select
                aria-label={t('standings.toYear')}
                data={yearOptions}
                value={String(toYear)}
                onChange={(v) => v && setToYear(Math.max(Number(v), fromYear))}
                w={96}
                allowDeselect={false}
              />
              <Button
                component="a"
                href={exportHref(fromYear, toYear)}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                data-testid="export"
              >
                {t('standings.export')}
              </Button>
              {edit && (
                <Button
                  leftSection={<IconUpload size={16} aria-hidden />}
                  onClick={() => setDialog({ kind: 'import' })}
                  data-testid="import"
                >
                  {t('standings.importButton')}
                </Button>
              )}
            </>
          )
        }
      />
      {(improvements.isLoading || overview.isLoading) && <Loader aria-label={t('common.loading')} />}
      {improvements.isError && <ErrorAlert error={improvements.error} />}
      {overview.isError && <ErrorAlert error={overview.error} />}
      {readResults && o && o.indices.some((i) => i.methodologies.some((m) => !m.confirmed)) && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('standings.unconfirmedNote')}
        </Alert>
      )}
      {improvements.data && (
        <Tabs value={current} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            {o?.indices.map((index) => (
              <Tabs.Tab key={index.code} value={index.code} data-testid={`tab-${index.code}`}>
                {pick(index.shortName, i18n.language)}
              </Tabs.Tab>
            ))}
            <Tabs.Tab value="improvements" data-testid="tab-improvements">
              {t('standings.improvements')} ({improvements.data.items.length})
            </Tabs.Tab>
          </Tabs.List>
          {o?.indices.map((index) => (
            <Tabs.Panel key={index.code} value={index.code} pt="md">
              <IndexPanel
                key={`${o.fromYear}-${o.toYear}`}
                index={index}
                years={o.years}
                edit={edit}
                onOpen={setDialog}
              />
            </Tabs.Panel>
          ))}
          <Tabs.Panel value="improvements" pt="md">
            <ImprovementsPanel items={improvements.data.items} onOpen={setDialog} />
          </Tabs.Panel>
        </Tabs>
      )}
      {dialog?.kind === 'result' && o && (
        <ResultModal onClose={close} index={dialog.index} years={o.years} initial={dialog} />
      )}
      {dialog?.kind === 'target' && o && (
        <TargetModal onClose={close} index={dialog.index} years={o.years} initial={dialog} />
      )}
      {dialog?.kind === 'improve' && (
        <ImprovementModal onClose={close} index={dialog.index} row={dialog.row} cell={dialog.cell} />
      )}
      {dialog?.kind === 'import' && <ImportModal onClose={close} fromYear={fromYear} toYear={toYear} />}
      {dialog?.kind === 'tasks' && <AddTasksModal onClose={close} improvement={dialog.improvement} />}
      {dialog?.kind === 'reason' && <ReasonModal onClose={close} improvement={dialog.improvement} />}
    </Stack>
  );
}
