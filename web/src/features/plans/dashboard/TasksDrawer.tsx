import { ScrollCue } from '../../../components/table';
import { Alert, Badge, Center, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconStar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate, formatNumber } from '../../../lib/format';
import { StatusBadge, TimingBadge } from '../badges';
import { dashboardKeys, getDashboardTasks, type DashboardView, type DrillTarget } from './api';

/**
 * The tasks behind one number, as they stood on the as-of day: the server recomputes the same number and
 * returns exactly its tasks, so what the drawer lists is what was counted.
 */
export function TasksDrawer({
  planId,
  view,
  target,
  onClose,
}: {
  planId: string;
  view: DashboardView;
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tasks = useQuery({
    queryKey: dashboardKeys.tasks(planId, view, target),
    queryFn: () => getDashboardTasks(planId, view, target!),
    enabled: !!target,
  });
  return (
    <Drawer
      opened={!!target}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        target && (
          <Stack gap={0}>
            <Text fw={700} data-testid="drill-title">
              {target.label}: {target.value}
            </Text>
            {tasks.data && (
              <Text size="sm" c="dimmed">
                {t('dashboard.drill.subtitle', {
                  count: tasks.data.count,
                  date: formatDate(tasks.data.asOf),
                })}
                {tasks.data.restate ? ` · ${t('dashboard.restate.short')}` : ''}
              </Text>
            )}
          </Stack>
        )
      }
      data-testid="drill-drawer"
    >
      {tasks.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {tasks.isError && <ErrorAlert error={tasks.error} />}
      {tasks.data && tasks.data.count === 0 && (
        <Alert color="gray" data-testid="drill-empty">
          {t('dashboard.drill.empty')}
        </Alert>
      )}
      {tasks.data && tasks.data.count > 0 && (
        <ScrollCue minWidth={720}>
          <Table striped verticalSpacing="xs" data-testid="drill-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.task')}</Table.Th>
                <Table.Th>{t('plans.leadUnit')}</Table.Th>
                <Table.Th>{t('plans.dueDate')}</Table.Th>
                <Table.Th>{t('dashboard.drill.statusThen')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.data.items.map((task) => (
                <Table.Tr key={task.id} data-testid="drill-row" data-task-id={task.id}>
                  <Table.Td maw={320}>
                    <Text size="sm" fw={500}>
                      {task.focus && <IconStar size={12} aria-label={t('plans.focus')} color="orange" />}{' '}
                      {task.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {task.reformArea === 'pilot'
                        ? t('dashboard.pilot.item')
                        : t(`plans.areas.${task.reformArea}`, { defaultValue: task.reformArea })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{task.leadUnitName}</Text>
                    {task.restatedUnits.length > 0 &&
                      !(
                        task.restatedUnits.length === 1 && task.restatedUnits[0]!.unitId === task.leadUnitId
                      ) && (
                        <Text size="xs" c="dimmed" data-testid="drill-restated">
                          {t('dashboard.drill.nowUnder', {
                            units: task.restatedUnits
                              .map((u) =>
                                u.weight < 1 ? `${u.name} (${formatNumber(u.weight * 100, 1)}%)` : u.name,
                              )
                              .join(', '),
                          })}
                        </Text>
                      )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(task.dueDate)}</Text>
                    {task.extended && task.originalDueDate && (
                      <Text size="xs" c="dimmed">
                        {t('plans.extendedFrom', { date: formatDate(task.originalDueDate) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {task.status ? (
                      <Group gap={4}>
                        <StatusBadge status={task.status} />
                        {task.timing && <TimingBadge timing={task.timing} />}
                      </Group>
                    ) : (
                      <Badge color="gray" variant="outline">
                        {t('dashboard.drill.notYet')}
                      </Badge>
                    )}
                    {task.verifiedOn && (
                      <Text size="xs" c="dimmed">
                        {t('dashboard.drill.verifiedOn', { date: formatDate(task.verifiedOn) })}
                      </Text>
                    )}
                    {!task.verifiedOn && task.reportedOn && (
                      <Text size="xs" c="dimmed">
                        {t('dashboard.drill.reportedOn', { date: formatDate(task.reportedOn) })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollCue>
      )}
    </Drawer>
  );
}
