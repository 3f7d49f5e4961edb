import { ScrollCue } from '../../../components/table';
import '@mantine/charts/styles.css';
import {
  Alert,
  Anchor,
  Badge,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate, formatNumber } from '../../../lib/format';
import { formatPct, type Kpis } from '../api';
import {
  dashboardKeys,
  getDashboard,
  getPilotFigures,
  type Dashboard,
  type DashboardView,
  type Dimension,
  type DrillTarget,
  type MetricKey,
} from './api';
import { AreaCompletionChart, TrendChart, UnitOverdueChart } from './Charts';
import { TasksDrawer } from './TasksDrawer';

type Open = (target: DrillTarget) => void;

/** A number that opens exactly the tasks it counts. */
function Num({
  value,
  label,
  onOpen,
  testId,
  strong,
  alert,
}: {
  value: string;
  label: string;
  onOpen: () => void;
  testId?: string;
  strong?: boolean;
  alert?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Anchor
      component="button"
      type="button"
      onClick={onOpen}
      fw={strong ? 700 : 500}
      c={alert ? 'red.7' : 'blue.8'}
      underline="always"
      style={{ textDecorationStyle: 'dotted', textUnderlineOffset: 3 }}
      aria-label={t('dashboard.open', { label, value })}
      data-testid={testId}
    >
      {value}
    </Anchor>
  );
}

const pct = (kpis: Kpis, lang: string) => formatPct(kpis.completionPct.value, lang);

const CARDS = ['total', 'verified', 'verifiedOnTime', 'inProgress', 'overdue', 'completion'] as const;
const MINOR = ['notStarted', 'reportedDone', 'returned', 'cancelled'] as const;

function KpiCards({ kpis, open }: { kpis: Kpis; open: Open }) {
  const { t, i18n } = useTranslation();
  const label = (key: MetricKey) =>
    key === 'completion' ? t('plans.kpi.completionPct') : t(`dashboard.metric.${key}`);
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mb="sm" data-testid="dash-kpis">
        {CARDS.map((key) => {
          const value = key === 'completion' ? pct(kpis, i18n.language) : String(kpis[key].value);
          return (
            <Card key={key} withBorder padding="md">
              <UnstyledButton
                onClick={() => open({ dimension: 'overall', metric: key, label: label(key), value })}
                aria-label={t('dashboard.open', { label: label(key), value })}
                title={t('plans.kpi.clickHint')}
                data-testid={`dash-kpi-${key}`}
                w="100%"
              >
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {label(key)}
                </Text>
                <Text
                  fz={28}
                  fw={700}
                  c={key === 'overdue' && kpis.overdue.value > 0 ? 'red.7' : undefined}
                  data-testid={`dash-kpi-${key}-value`}
                >
                  {value}
                </Text>
                {key === 'completion' && (
                  <Text size="xs" c="dimmed">
                    {formatNumber(kpis.completionPct.numerator)}/
                    {formatNumber(kpis.completionPct.denominator)}
                  </Text>
                )}
              </UnstyledButton>
            </Card>
          );
        })}
      </SimpleGrid>
      <Group gap="xs" mb="lg">
        {MINOR.map((key) => (
          <Badge
            key={key}
            variant="light"
            color="gray"
            size="lg"
            component="button"
            style={{ cursor: 'pointer' }}
            onClick={() =>
              open({
                dimension: 'overall',
                metric: key,
                label: label(key),
                value: String(kpis[key].value),
              })
            }
            data-testid={`dash-kpi-${key}`}
          >
            {label(key)}: {kpis[key].value}
          </Badge>
        ))}
      </Group>
    </>
  );
}

/** Columns shared by every group table: each number opens its tasks. */
const COLUMNS = ['total', 'verified', 'verifiedOnTime', 'inProgress', 'overdue'] as const;

function GroupTable({
  rows,
  dimension,
  heading,
  open,
  testId,
}: {
  rows: { key: string; name: ReactNode; label: string; kpis: Kpis }[];
  dimension: Dimension;
  heading: string;
  open: Open;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('dashboard.noGroups')}
      </Text>
    );
  const cell = (row: (typeof rows)[number], metric: MetricKey, value: string) => (
    <Num
      value={value}
      label={`${row.label} — ${metric === 'completion' ? t('plans.kpi.completionPct') : t(`dashboard.metric.${metric}`)}`}
      onOpen={() =>
        open({
          dimension,
          group: row.key,
          metric,
          label: `${row.label} — ${metric === 'completion' ? t('plans.kpi.completionPct') : t(`dashboard.metric.${metric}`)}`,
          value,
        })
      }
      testId={`${testId}-${metric}`}
      alert={metric === 'overdue' && value !== '0'}
    />
  );
  return (
    <ScrollCue minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={testId}>
        <Table.Caption>{t('dashboard.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{heading}</Table.Th>
            {COLUMNS.map((c) => (
              <Table.Th key={c} ta="right">
                {t(`dashboard.metric.${c}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('plans.kpi.completionPct')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} data-testid={`${testId}-row`} data-key={row.key}>
              <Table.Td>{row.name}</Table.Td>
              {COLUMNS.map((c) => (
                <Table.Td key={c} ta="right">
                  {cell(row, c, String(row.kpis[c].value))}
                </Table.Td>
              ))}
              <Table.Td ta="right">
                {cell(row, 'completion', pct(row.kpis, i18n.language))}
                <Text size="xs" c="dimmed">
                  {formatNumber(row.kpis.completionPct.numerator)}/
                  {formatNumber(row.kpis.completionPct.denominator)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollCue>
  );
}

function TrendTable({ points, open }: { points: NonNullable<Dashboard['trend']>; open: Open }) {
  const { t, i18n } = useTranslation();
  const metrics = ['verified', 'verifiedOnTime', 'overdue'] as const;
  return (
    <ScrollCue minWidth={600}>
      <Table striped verticalSpacing="xs" data-testid="dash-trend-table">
        <Table.Caption>{t('dashboard.trend.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.trend.month')}</Table.Th>
            {metrics.map((m) => (
              <Table.Th key={m} ta="right">
                {t(`dashboard.trend.${m}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('plans.kpi.completionPct')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((p) => {
            const month = `${p.month.slice(5)}/${p.month.slice(0, 4)}`;
            const num = (metric: MetricKey, name: string, value: string) => (
              <Num
                value={value}
                label={`${month} — ${name}`}
                onOpen={() =>
                  open({ dimension: 'trend', group: p.month, metric, label: `${month} — ${name}`, value })
                }
              />
            );
            return (
              <Table.Tr key={p.month}>
                <Table.Td>
                  {month}
                  <Text size="xs" c="dimmed">
                    {t('dashboard.trend.on', { date: formatDate(p.on) })}
                  </Text>
                </Table.Td>
                {metrics.map((m) => (
                  <Table.Td key={m} ta="right">
                    {num(m, t(`dashboard.trend.${m}`), String(p[m].value))}
                  </Table.Td>
                ))}
                <Table.Td ta="right">
                  {num(
                    'completion',
                    t('plans.kpi.completionPct'),
                    formatPct(p.completionPct.value, i18n.language),
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollCue>
  );
}

/** Pilot programmes (chỉ đạo điểm) of the plan's committee and year: the pilots module's figures. */
function PilotPanel({ planId, view, open }: { planId: string; view: DashboardView; open: Open }) {
  const { t } = useTranslation();
  const pilots = useQuery({
    queryKey: dashboardKeys.pilots(planId, view),
    queryFn: () => getPilotFigures(planId, view),
  });
  if (pilots.isLoading)
    return (
      <Center py="md">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (pilots.isError) return <ErrorAlert error={pilots.error} />;
  const programmes = pilots.data?.pilots ?? [];
  if (programmes.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="dash-pilots-none">
        {t('dashboard.pilot.none')}
      </Text>
    );
  return (
    <Stack gap="lg">
      {programmes.map((p) => (
        <div key={p.programmeId}>
          <Text size="sm" c="dimmed" mb="xs">
            {t('dashboard.pilot.programme', { committee: p.committeeName, year: p.year })}
          </Text>
          <GroupTable
            rows={[
              {
                key: p.programmeId,
                label: t('dashboard.pilot.all'),
                name: <Text fw={600}>{t('dashboard.pilot.all')}</Text>,
                kpis: p.overall,
              },
              ...p.units.map((u) => ({
                key: `${p.programmeId}:${u.pilotUnitId}`,
                label: u.unitName,
                kpis: u.kpis,
                name: (
                  <Anchor
                    size="sm"
                    renderRoot={(props) => (
                      <Link
                        to="/pilots/units/$pilotUnitId"
                        params={{ pilotUnitId: u.pilotUnitId }}
                        {...props}
                      />
                    )}
                  >
                    {u.unitName}
                  </Anchor>
                ),
              })),
            ]}
            dimension="pilot"
            heading={t('dashboard.pilot.unit')}
            open={open}
            testId="dash-pilot-table"
          />
        </div>
      ))}
    </Stack>
  );
}

function MethodNote({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  return (
    <Alert
      variant="light"
      color={data.method.unweightedTaskIds.length ? 'yellow' : 'blue'}
      icon={<IconInfoCircle size={18} aria-hidden />}
      mb="md"
      data-testid="dash-method"
    >
      <Text size="sm">
        {t(`dashboard.method.${data.method.kind}`)} {t('dashboard.method.rules')}
      </Text>
      {data.method.unweightedTaskIds.length > 0 && (
        <Text size="sm" mt={4}>
          {t('dashboard.method.unweighted', { count: data.method.unweightedTaskIds.length })}
        </Text>
      )}
    </Alert>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams({ strict: false });
  const [asOf, setAsOf] = useState<string | null>(null);
  const [restate, setRestate] = useState(false);
  const [target, setTarget] = useState<DrillTarget | null>(null);
  const [tab, setTab] = useState<string | null>('area');
  const view: DashboardView = { asOf, restate };
  const query = useQuery({
    queryKey: dashboardKeys.one(planId, view),
    queryFn: () => getDashboard(planId, view),
    placeholderData: keepPreviousData,
  });
  const d = query.data;

  const unitRows = (d?.byUnit ?? []).map((u) => ({
    key: u.key,
    label: u.name,
    kpis: u.kpis,
    name: (
      <Stack gap={0}>
        <Text size="sm">{u.name}</Text>
        {!u.inForce && (
          <Text size="xs" c="dimmed">
            {restate ? t('dashboard.unit.notInForceToday') : t('dashboard.unit.notInForceThen')}
          </Text>
        )}
        {u.restatedFrom.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="dash-unit-restated-from">
            {t('dashboard.unit.from', {
              units: u.restatedFrom
                .map((f) => (f.weight < 1 ? `${f.name} (${formatNumber(f.weight * 100, 1)}%)` : f.name))
                .join(', '),
            })}
          </Text>
        )}
      </Stack>
    ),
  }));
  const memberRows = (d?.byMember ?? []).map((m) => ({
    key: m.key,
    label: m.name,
    kpis: m.kpis,
    name: (
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {m.name}
        </Text>
        <Text size="xs" c="dimmed">
          {[t(`committees.positions.${m.position}`, { defaultValue: m.position }), m.office]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {m.followedUnits.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('dashboard.member.follows', { units: m.followedUnits.map((u) => u.name).join(', ') })}
          </Text>
        )}
        {m.directedTaskIds.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('dashboard.member.directs', { count: m.directedTaskIds.length })}
          </Text>
        )}
      </Stack>
    ),
  }));
  const openGroup = (dimension: Dimension, key: string, metric: MetricKey, label: string, value: string) =>
    setTarget({ dimension, group: key, metric, label, value });

  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/plans/$planId" params={{ planId }} {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
        data-testid="dash-back"
      >
        <IconArrowLeft size={14} aria-hidden /> {t('dashboard.backToPlan')}
      </Anchor>
      <PageHeader
        title={t('dashboard.title')}
        documentTitle={d ? `${t('dashboard.title')} · ${d.plan.title}` : t('dashboard.title')}
        description={d ? `${d.plan.title} · ${t('plans.year')} ${d.plan.year}` : undefined}
      />
      <Card withBorder padding="md" mb="md">
        <Group align="flex-end" gap="lg" wrap="wrap">
          <DateField
            label={t('dashboard.asOf')}
            description={t('dashboard.asOfHint')}
            value={asOf}
            onChange={setAsOf}
            maxDate={d?.today}
            w={220}
            data-testid="dash-as-of"
          />
          <Stack gap={4} maw={560}>
            <Switch
              label={t('dashboard.restate.label')}
              checked={restate}
              onChange={(e) => setRestate(e.currentTarget.checked)}
              data-testid="dash-restate"
            />
            <Text size="xs" c="dimmed">
              {t('dashboard.restate.explain')}
            </Text>
          </Stack>
          {query.isFetching && <Loader size="sm" aria-label={t('common.loading')} />}
        </Group>
        {d && (
          <Text size="sm" mt="sm" data-testid="dash-as-of-shown">
            {t('dashboard.showing', { date: formatDate(d.asOf) })}
            {d.asOf !== d.today ? ` ${t('dashboard.pastNote')}` : ''}
          </Text>
        )}
      </Card>
      {query.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {query.isError && <ErrorAlert error={query.error} />}
      {d && (
        <>
          <MethodNote data={d} />
          <KpiCards kpis={d.overall} open={setTarget} />
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="area" data-testid="dash-tab-area">
                {t('dashboard.tabs.area')}
              </Tabs.Tab>
              <Tabs.Tab value="unit" data-testid="dash-tab-unit">
                {t('dashboard.tabs.unit')}
              </Tabs.Tab>
              <Tabs.Tab value="member" data-testid="dash-tab-member">
                {t('dashboard.tabs.member')}
              </Tabs.Tab>
              <Tabs.Tab value="trend" data-testid="dash-tab-trend">
                {t('dashboard.tabs.trend')}
              </Tabs.Tab>
              <Tabs.Tab value="pilot" data-testid="dash-tab-pilot">
                {t('dashboard.tabs.pilot')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="area">
              <Card withBorder padding="lg">
                <Title order={2} size="h4" mb="sm">
                  {t('dashboard.charts.area')}
                </Title>
                <AreaCompletionChart
                  items={d.byArea ?? []}
                  onBar={(key) => {
                    const a = d.byArea?.find((x) => x.key === key);
                    if (a)
                      openGroup(
                        'area',
                        key,
                        'owed',
                        `${t(`plans.areas.${key}`, { defaultValue: key })} — ${t('dashboard.metric.owed')}`,
                        String(a.kpis.completionPct.taskIds.length),
                      );
                  }}
                />
                <GroupTable
                  rows={(d.byArea ?? []).map((a) => {
                    const label = t(`plans.areas.${a.key}`, { defaultValue: a.key });
                    return { key: a.key, label, name: label, kpis: a.kpis };
                  })}
                  dimension="area"
                  heading={t('plans.reformArea')}
                  open={setTarget}
                  testId="dash-area-table"
                />
              </Card>
            </Tabs.Panel>
            <Tabs.Panel value="unit">
              <Card withBorder padding="lg">
                <Title order={2} size="h4" mb={4}>
                  {t('dashboard.charts.unit')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {restate ? t('dashboard.unit.restatedNote') : t('dashboard.unit.asOfNote')}
                </Text>
                <UnitOverdueChart
                  items={d.byUnit ?? []}
                  onBar={(key) => {
                    const u = d.byUnit?.find((x) => x.key === key);
                    if (u)
                      openGroup(
                        'unit',
                        key,
                        'overdue',
                        `${u.name} — ${t('dashboard.metric.overdue')}`,
                        String(u.kpis.overdue.value),
                      );
                  }}
                />
                <GroupTable
                  rows={unitRows}
                  dimension="unit"
                  heading={t('plans.leadUnit')}
                  open={setTarget}
                  testId="dash-unit-table"
                />
              </Card>
            </Tabs.Panel>
            <Tabs.Panel value="member">
              <Card withBorder padding="lg">
                <Title order={2} size="h4" mb={4}>
                  {t('dashboard.member.title')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {d.committee
                    ? t('dashboard.member.basis', { committee: d.committee.name, date: formatDate(d.asOf) })
                    : t('dashboard.member.noCommittee')}
                </Text>
                <GroupTable
                  rows={memberRows}
                  dimension="member"
                  heading={t('dashboard.member.heading')}
                  open={setTarget}
                  testId="dash-member-table"
                />
              </Card>
            </Tabs.Panel>
            <Tabs.Panel value="trend">
              <Card withBorder padding="lg">
                <Title order={2} size="h4" mb={4}>
                  {t('dashboard.charts.trend', { year: d.plan.year })}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('dashboard.trend.explain')}
                </Text>
                {(d.trend ?? []).length > 0 ? (
                  <>
                    <TrendChart points={d.trend ?? []} />
                    <TrendTable points={d.trend ?? []} open={setTarget} />
                  </>
                ) : (
                  <Text c="dimmed" size="sm">
                    {t('dashboard.trend.none')}
                  </Text>
                )}
              </Card>
            </Tabs.Panel>
            <Tabs.Panel value="pilot">
              <Card withBorder padding="lg">
                <Title order={2} size="h4" mb={4}>
                  {t('dashboard.pilot.title')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('dashboard.pilot.explain')}
                </Text>
                <PilotPanel planId={planId} view={view} open={setTarget} />
              </Card>
            </Tabs.Panel>
          </Tabs>
          <Text size="xs" c="dimmed" mt="md">
            {t('dashboard.footnote')}
          </Text>
        </>
      )}
      <TasksDrawer planId={planId} view={view} target={target} onClose={() => setTarget(null)} />
    </>
  );
}
