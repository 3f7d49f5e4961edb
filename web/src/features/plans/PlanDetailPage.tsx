import { ScrollCue } from '../../components/table';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  CloseButton,
  Group,
  Loader,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconPlus, IconStar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ActionButtons } from '../../components/workflow/ActionButtons';
import { formatDate } from '../../lib/format';
import { AddTaskModal } from './AddTaskModal';
import {
  formatPct,
  getKpis,
  getPlan,
  listTasks,
  planKeys,
  type Kpis,
  type PlanKpis,
  type Task,
  type TaskAction,
} from './api';
import { PlanPurposeBadge, StatusBadge, TimingBadge } from './badges';
import { TaskActionModal } from './TaskActionModal';
import { TaskDrawer } from './TaskDrawer';
import { ExportMenu } from './exchange/ExportMenu';

/** The KPI cards shown, each with the ids of the tasks its number counts. */
const CARDS = ['total', 'verified', 'verifiedOnTime', 'inProgress', 'overdue', 'completionPct'] as const;
type CardKey = (typeof CARDS)[number];

/** The tasks a number was computed from: the metric's own ids (for completion, the verified numerator). */
function idsOf(kpis: Kpis, key: CardKey): string[] {
  return key === 'completionPct' ? kpis.completionPct.numeratorTaskIds : kpis[key].taskIds;
}

type Selection = { label: string; ids: string[] };

function KpiCards({
  kpis,
  onPick,
  picked,
}: {
  kpis: Kpis;
  onPick: (s: Selection) => void;
  picked: string | null;
}) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mb="lg" data-testid="kpi-cards">
      {CARDS.map((key) => {
        const value =
          key === 'completionPct'
            ? formatPct(kpis.completionPct.value, i18n.language)
            : String(kpis[key].value);
        const label = t(`plans.kpi.${key}`);
        return (
          <Card
            key={key}
            withBorder
            padding="md"
            bg={picked === label ? 'blue.0' : undefined}
            style={{ borderColor: picked === label ? 'var(--mantine-color-blue-5)' : undefined }}
          >
            <UnstyledButton
              onClick={() => onPick({ label, ids: idsOf(kpis, key) })}
              data-testid={`kpi-${key}`}
              aria-label={t('plans.kpi.showTasks', { label, value })}
              title={t('plans.kpi.clickHint')}
              w="100%"
            >
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {label}
              </Text>
              <Text
                fz={28}
                fw={700}
                c={key === 'overdue' && kpis.overdue.value > 0 ? 'red.7' : undefined}
                data-testid={`kpi-${key}-value`}
              >
                {value}
              </Text>
              {key === 'completionPct' && (
                <Text size="xs" c="dimmed">
                  {kpis.completionPct.numerator}/{kpis.completionPct.denominator}
                </Text>
              )}
            </UnstyledButton>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

function AreaBars({ items, onPick }: { items: PlanKpis['byReformArea']; onPick: (s: Selection) => void }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Card withBorder padding="lg" mb="lg" data-testid="area-bars">
      <Title order={2} size="h4" mb="sm">
        {t('plans.byArea')}
      </Title>
      <Stack gap="sm">
        {items.map(({ key, kpis }) => {
          const label = key ? t(`plans.areas.${key}`, { defaultValue: key }) : '—';
          const pct = kpis.completionPct.value;
          return (
            <UnstyledButton
              key={key ?? 'none'}
              onClick={() => onPick({ label, ids: kpis.total.taskIds })}
              data-testid="area-bar"
            >
              <Group justify="space-between" mb={2}>
                <Text size="sm">{label}</Text>
                <Text size="sm" fw={600}>
                  {formatPct(pct, i18n.language)} ({kpis.verified.value}/{kpis.completionPct.denominator})
                </Text>
              </Group>
              <Progress value={pct ?? 0} color={pct != null && pct >= 100 ? 'green' : 'blue'} />
            </UnstyledButton>
          );
        })}
      </Stack>
    </Card>
  );
}

function TaskTable({
  tasks,
  onAction,
  onOpen,
}: {
  tasks: Task[];
  onAction: (task: Task, action: TaskAction) => void;
  onOpen: (task: Task) => void;
}) {
  const { t } = useTranslation();
  if (tasks.length === 0)
    return (
      <Text c="dimmed" data-testid="tasks-empty">
        {t('plans.noTasks')}
      </Text>
    );
  return (
    <ScrollCue minWidth={900}>
      <Table striped highlightOnHover data-testid="tasks-table" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.task')}</Table.Th>
            <Table.Th>{t('plans.reformArea')}</Table.Th>
            <Table.Th>{t('plans.leadUnit')}</Table.Th>
            <Table.Th>{t('plans.dueDate')}</Table.Th>
            <Table.Th>{t('plans.statusLabel')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id} data-testid="task-row" data-task-id={task.id}>
              <Table.Td maw={360}>
                <Anchor
                  component="button"
                  type="button"
                  fw={500}
                  ta="left"
                  onClick={() => onOpen(task)}
                  data-testid="task-open"
                >
                  {task.focus && <IconStar size={14} aria-label={t('plans.focus')} color="orange" />}{' '}
                  {task.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`plans.areas.${task.reformArea}`, { defaultValue: task.reformArea })}</Table.Td>
              <Table.Td>{task.leadUnitName}</Table.Td>
              <Table.Td>
                {formatDate(task.dueDate)}
                {task.originalDueDate && task.dueDate !== task.originalDueDate && (
                  <Text size="xs" c="dimmed">
                    {t('plans.extendedFrom', { date: formatDate(task.originalDueDate) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <StatusBadge status={task.status} />
                  <TimingBadge timing={task.timing} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <ActionButtons
                  actions={task.allowedActions}
                  onAction={(a) => onAction(task, a)}
                  ns="plans"
                  testId="task-action"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollCue>
  );
}

export function PlanDetailPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams({ strict: false });
  const plan = useQuery({ queryKey: planKeys.one(planId), queryFn: () => getPlan(planId) });
  const tasks = useQuery({ queryKey: planKeys.tasks(planId), queryFn: () => listTasks(planId) });
  const kpis = useQuery({ queryKey: planKeys.kpis(planId), queryFn: () => getKpis(planId) });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const [action, setAction] = useState<{ task: Task; action: TaskAction } | null>(null);
  // `?task=<id>` (links in notifications and elsewhere) opens that task's drawer.
  const search = useSearch({ strict: false }) as { task?: unknown };
  const linkedTask = typeof search.task === 'string' ? search.task : null;
  const [openTaskId, setOpenTaskId] = useState<string | null>(linkedTask);
  useEffect(() => {
    if (linkedTask) setOpenTaskId(linkedTask);
  }, [linkedTask]);

  if (plan.isLoading) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (plan.isError || !plan.data) return <ErrorAlert error={plan.error} />;
  const p = plan.data;
  const all = tasks.data?.items ?? [];
  const shown = selection ? all.filter((task) => selection.ids.includes(task.id)) : all;
  const openTask = all.find((task) => task.id === openTaskId) ?? null;

  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/plans" {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('plans.backToList')}
      </Anchor>
      <PageHeader
        title={<span data-testid="plan-title-heading">{p.title}</span>}
        documentTitle={p.title}
        description={
          <>
            {t('plans.year')} {p.year} · {t(`plans.methods.${p.method}`)}{' '}
            <PlanPurposeBadge purpose={p.purpose} />
          </>
        }
        actions={
          <>
            <Button
              variant="light"
              renderRoot={(props) => <Link to="/plans/$planId/dashboard" params={{ planId }} {...props} />}
              data-testid="plan-dashboard-link"
            >
              {t('dashboard.openDashboard')}
            </Button>
            {p.abilities?.manage && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={openAdd}
                data-testid="task-new"
              >
                {t('plans.addTask')}
              </Button>
            )}
          </>
        }
      />
      {kpis.isError && <ErrorAlert error={kpis.error} />}
      {kpis.data && (
        <>
          <KpiCards kpis={kpis.data.overall} onPick={setSelection} picked={selection?.label ?? null} />
          <AreaBars items={kpis.data.byReformArea} onPick={setSelection} />
        </>
      )}
      <Card withBorder padding="lg">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('plans.tasks')}
          </Title>
          {selection && (
            <Badge
              size="lg"
              variant="light"
              data-testid="task-filter"
              rightSection={
                <CloseButton
                  size="xs"
                  onClick={() => setSelection(null)}
                  aria-label={t('plans.clearFilter')}
                  data-testid="task-filter-clear"
                />
              }
            >
              {t('plans.filteredBy', { label: selection.label, count: selection.ids.length })}
            </Badge>
          )}
          <ExportMenu plan={p} />
        </Group>
        {tasks.isLoading ? (
          <Center py="md">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : tasks.isError ? (
          <ErrorAlert error={tasks.error} />
        ) : (
          <TaskTable
            tasks={shown}
            onAction={(task, a) => setAction({ task, action: a })}
            onOpen={(task) => setOpenTaskId(task.id)}
          />
        )}
      </Card>
      <AddTaskModal planId={planId} opened={adding} onClose={closeAdd} />
      <TaskActionModal target={action} planId={planId} onClose={() => setAction(null)} />
      <TaskDrawer
        task={openTask}
        onClose={() => setOpenTaskId(null)}
        onAction={(task, a) => setAction({ task, action: a })}
      />
    </>
  );
}
