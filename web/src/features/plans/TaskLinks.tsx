import { ActionIcon, Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink, IconPlus, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AddTaskModal } from './AddTaskModal';
import { addDependency, listTasks, planKeys, removeDependency, type Task } from './api';
import { StatusBadge } from './badges';

function TaskLine({
  task,
  onRemove,
  testId,
}: {
  task: Task;
  onRemove?: (() => void) | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" data-testid={testId}>
      <Text size="sm" style={{ flex: 1 }}>
        {task.title}
      </Text>
      <StatusBadge status={task.status} />
      {onRemove && (
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={onRemove}
          aria-label={t('plans.links.remove')}
          data-testid="dependency-remove"
        >
          <IconX size={14} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  );
}

/**
 * A task's place among the plan's tasks: its parent, its sub-tasks (with the roll-up), the tasks it waits
 * for and those waiting for it. Managers add sub-tasks and dependencies here.
 */
export function TaskLinks({ task, manage }: { task: Task; manage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [adding, { open, close }] = useDisclosure(false);
  const [pick, setPick] = useState<string | null>(null);
  const all = useQuery({ queryKey: planKeys.tasks(task.planId), queryFn: () => listTasks(task.planId) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: planKeys.tasks(task.planId) });
  const link = useMutation({
    mutationFn: (other: string) => addDependency(task.id, other),
    onSuccess: async () => {
      setPick(null);
      await refresh();
    },
  });
  const unlink = useMutation({
    mutationFn: (other: string) => removeDependency(task.id, other),
    onSuccess: refresh,
  });
  const tasks = all.data?.items ?? [];
  const byId = new Map(tasks.map((x) => [x.id, x]));
  const current = byId.get(task.id) ?? task;
  const parent = current.parentTaskId ? byId.get(current.parentTaskId) : undefined;
  const subtasks = tasks.filter((x) => x.parentTaskId === task.id);
  const dependsOn = current.links.dependsOn.flatMap((id) => byId.get(id) ?? []);
  const dependedOnBy = current.links.dependedOnBy.flatMap((id) => byId.get(id) ?? []);
  const candidates = tasks
    .filter((x) => x.id !== task.id && !current.links.dependsOn.includes(x.id))
    .map((x) => ({ value: x.id, label: x.title }));
  const empty = !parent && !subtasks.length && !dependsOn.length && !dependedOnBy.length;
  if (empty && !manage) return null;
  return (
    <Stack gap="xs" data-testid="task-links">
      <Title order={3} size="h5">
        {t('plans.links.title')}
      </Title>
      {current.links.blockedBy.length > 0 && (
        <Alert color="orange" variant="light" data-testid="task-blocked">
          {t('plans.links.blocked', { count: current.links.blockedBy.length })}
        </Alert>
      )}
      {parent && (
        <div>
          <Text size="xs" c="dimmed">
            {t('plans.links.parent')}
          </Text>
          <TaskLine task={parent} testId="task-parent" />
        </div>
      )}
      {(subtasks.length > 0 || manage) && (
        <div>
          <Group justify="space-between">
            <Text size="xs" c="dimmed" data-testid="subtask-rollup">
              {t('plans.links.subtasks', {
                finished: current.links.subtasks.finished,
                total: current.links.subtasks.total,
              })}
            </Text>
            {manage && (
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconPlus size={12} aria-hidden />}
                onClick={open}
                data-testid="subtask-add"
              >
                {t('plans.links.addSubtask')}
              </Button>
            )}
          </Group>
          {subtasks.map((s) => (
            <TaskLine key={s.id} task={s} testId="subtask" />
          ))}
        </div>
      )}
      {(dependsOn.length > 0 || manage) && (
        <div>
          <Text size="xs" c="dimmed">
            {t('plans.links.dependsOn')}
          </Text>
          {dependsOn.map((d) => (
            <TaskLine
              key={d.id}
              task={d}
              testId="dependency"
              onRemove={manage ? () => unlink.mutate(d.id) : undefined}
            />
          ))}
          {manage && (
            <Group gap="xs" mt={4} align="flex-end">
              <Select
                aria-label={t('plans.links.pick')}
                placeholder={t('plans.links.pick')}
                data={candidates}
                value={pick}
                onChange={setPick}
                searchable
                size="xs"
                style={{ flex: 1 }}
                comboboxProps={{ withinPortal: true }}
                data-testid="dependency-pick"
              />
              <Button
                size="xs"
                variant="light"
                leftSection={<IconLink size={12} aria-hidden />}
                disabled={!pick}
                loading={link.isPending}
                onClick={() => pick && link.mutate(pick)}
                data-testid="dependency-add"
              >
                {t('plans.links.add')}
              </Button>
            </Group>
          )}
          {link.isError && <ErrorAlert error={link.error} />}
          {unlink.isError && <ErrorAlert error={unlink.error} />}
        </div>
      )}
      {dependedOnBy.length > 0 && (
        <div>
          <Text size="xs" c="dimmed">
            {t('plans.links.dependedOnBy')}
          </Text>
          {dependedOnBy.map((d) => (
            <TaskLine key={d.id} task={d} testId="dependent" />
          ))}
        </div>
      )}
      {manage && <AddTaskModal planId={task.planId} opened={adding} onClose={close} parent={task} />}
    </Stack>
  );
}
