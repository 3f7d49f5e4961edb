import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Drawer,
  Group,
  Loader,
  NumberInput,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors } from '../../lib/forms';
import { formatDate, formatDateTime } from '../../lib/format';
import { downloadUrl, planKeys, postProgress, taskEvents, type Task } from './api';
import { StatusBadge, TimingBadge } from './badges';

type ProgressValues = { note: string; percent: number | string };

function ProgressForm({ task }: { task: Task }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<ProgressValues>({
    initialValues: { note: '', percent: '' },
    validate: { note: (v) => (v.trim() ? null : t('common.required')) },
  });
  const post = useMutation({
    mutationFn: (v: ProgressValues) =>
      postProgress(task.id, { note: v.note.trim(), percent: v.percent === '' ? null : Number(v.percent) }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('plans.progress.posted') });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: planKeys.events(task.id) });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Card withBorder padding="md">
      <form onSubmit={form.onSubmit((v) => post.mutate(v))} noValidate data-testid="progress-form">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('plans.progress.title')}
          </Title>
          {post.isError && <ErrorAlert error={post.error} />}
          <Textarea
            label={t('plans.progress.note')}
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('note')}
            data-testid="progress-note"
          />
          <NumberInput
            label={t('plans.progress.percent')}
            min={0}
            max={100}
            suffix="%"
            w={160}
            {...form.getInputProps('percent')}
            data-testid="progress-percent"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={post.isPending} data-testid="progress-submit">
              {t('plans.progress.title')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** A task's details, its history (status changes, progress, evidence) and the progress form. */
export function TaskDrawer({ task, onClose }: { task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  const events = useQuery({
    queryKey: planKeys.events(task?.id ?? ''),
    queryFn: () => taskEvents(task!.id),
    enabled: !!task,
  });
  return (
    <Drawer
      opened={!!task}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('plans.drawer.title')}
      data-testid="task-drawer"
    >
      {task && (
        <Stack gap="md">
          <div>
            <Text fw={600} data-testid="drawer-title">
              {task.title}
            </Text>
            <Group gap="xs" mt={4}>
              <StatusBadge status={task.status} />
              <TimingBadge timing={task.timing} />
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {t(`plans.areas.${task.reformArea}`)} · {task.leadUnitName}
              {task.dueDate ? ` · ${t('plans.dueDate')}: ${formatDate(task.dueDate)}` : ''}
            </Text>
            {task.expectedOutput && (
              <Text size="sm" mt={4}>
                <strong>{t('plans.expectedOutput')}:</strong> {task.expectedOutput}
              </Text>
            )}
            {task.output && (
              <Text size="sm" mt={4}>
                <strong>{t('plans.actions.output')}:</strong> {task.output}
              </Text>
            )}
            {task.lastReason && ['returned', 'cancelled', 'in_progress'].includes(task.status) && (
              <Text size="sm" mt={4}>
                <strong>{t('plans.drawer.lastReason')}:</strong> {task.lastReason}
              </Text>
            )}
          </div>
          {task.abilities.progress && <ProgressForm task={task} />}
          <Title order={3} size="h5">
            {t('plans.drawer.history')}
          </Title>
          {events.isLoading ? (
            <Center>
              <Loader size="sm" aria-label={t('common.loading')} />
            </Center>
          ) : events.isError ? (
            <ErrorAlert error={events.error} />
          ) : (events.data?.items.length ?? 0) === 0 ? (
            <Text c="dimmed" size="sm">
              {t('plans.drawer.noEvents')}
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2} data-testid="task-events">
              {events.data!.items.map((e) => (
                <Timeline.Item
                  key={e.id}
                  data-testid="task-event"
                  data-action={e.action}
                  title={
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {t(`plans.actionNames.${e.action}`)}
                      </Text>
                      {e.toStatus && <StatusBadge status={e.toStatus} />}
                      {e.percent != null && <Badge variant="outline">{e.percent}%</Badge>}
                    </Group>
                  }
                >
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.at)}
                    {e.actorName ? ` · ${e.actorName}` : ''}
                  </Text>
                  {e.note && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {e.note}
                    </Text>
                  )}
                  {(e.files ?? e.fileIds.map((id) => ({ id, originalName: '' }))).map((f, i) => (
                    <Anchor
                      key={f.id}
                      href={downloadUrl(task.id, f.id)}
                      size="sm"
                      display="flex"
                      style={{ alignItems: 'center', gap: 4 }}
                    >
                      <IconPaperclip size={14} aria-hidden />{' '}
                      {f.originalName || t('plans.drawer.evidenceN', { n: i + 1 })}
                    </Anchor>
                  ))}
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
