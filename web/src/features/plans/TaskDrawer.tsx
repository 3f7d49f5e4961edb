import { Badge, Button, Card, Drawer, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EventTimeline } from '../../components/workflow/EventTimeline';
import { applyServerErrors } from '../../lib/forms';
import { formatDate } from '../../lib/format';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import {
  downloadUrl,
  getPlan,
  planKeys,
  postDirection,
  postProgress,
  reviewProgress,
  taskEvents,
  type Task,
  type TaskAction,
  type TaskEvent,
} from './api';
import { ActionButtons } from '../../components/workflow/ActionButtons';
import { EditTaskModal } from './AddTaskModal';
import { StatusBadge, TimingBadge } from './badges';
import { TaskLinks } from './TaskLinks';

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
    onSuccess: async (ev) => {
      notifications.show({
        color: 'green',
        message: ev.state === 'pending' ? t('plans.progress.postedPending') : t('plans.progress.posted'),
      });
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

/** A committee leader's or following member's direction on the task (changes no status). */
function DirectionForm({ task }: { task: Task }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const post = useMutation({
    mutationFn: () => postDirection(task.id, note.trim()),
    onSuccess: async () => {
      setNote('');
      notifications.show({ color: 'green', message: t('plans.direction.posted') });
      await queryClient.invalidateQueries({ queryKey: planKeys.events(task.id) });
    },
  });
  return (
    <Card withBorder padding="md" data-testid="direction-form">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('plans.direction.title')}
        </Title>
        {post.isError && <ErrorAlert error={post.error} />}
        <Textarea
          aria-label={t('plans.direction.title')}
          placeholder={t('plans.direction.placeholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          data-testid="direction-note"
        />
        <Group justify="flex-end">
          <Button
            onClick={() => post.mutate()}
            disabled={!note.trim()}
            loading={post.isPending}
            data-testid="direction-submit"
          >
            {t('plans.direction.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The lead unit's leader approves a pending progress update, or rejects it with a reason. */
function ReviewButtons({ task, event }: { task: Task; event: TaskEvent }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const review = useMutation({
    mutationFn: (action: 'approve_progress' | 'reject_progress') =>
      reviewProgress(task.id, event.id, { action, reason: action === 'reject_progress' ? reason : null }),
    onSuccess: async (_r, action) => {
      notifications.show({
        color: action === 'approve_progress' ? 'green' : 'orange',
        message: t(action === 'approve_progress' ? 'plans.progress.approved' : 'plans.progress.rejected'),
        'data-testid': 'progress-reviewed',
      });
      await queryClient.invalidateQueries({ queryKey: planKeys.events(task.id) });
    },
  });
  return (
    <Stack gap={4} mt={4}>
      {review.isError && <ErrorAlert error={review.error} />}
      {rejecting && (
        <Textarea
          label={t('plans.progress.rejectReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          data-testid="review-reason"
        />
      )}
      <Group gap="xs">
        <Button
          size="compact-sm"
          color="green"
          loading={review.isPending}
          onClick={() => review.mutate('approve_progress')}
          data-testid="review-approve"
        >
          {t('plans.progress.approve')}
        </Button>
        <Button
          size="compact-sm"
          color="orange"
          variant="light"
          onClick={() => (rejecting ? review.mutate('reject_progress') : setRejecting(true))}
          data-testid="review-reject"
        >
          {t('plans.progress.reject')}
        </Button>
      </Group>
    </Stack>
  );
}

const STATE_COLORS = { pending: 'yellow', rejected: 'red' } as const;

/** A task's details, its history (status changes, progress, evidence) and the progress form. */
export function TaskDrawer({
  task,
  onClose,
  onAction,
}: {
  task: Task | null;
  onClose: () => void;
  /** Opens the action dialog for one of the task's allowed actions (the same as the table's buttons). */
  onAction: (task: Task, action: TaskAction) => void;
}) {
  const { t } = useTranslation();
  const events = useQuery({
    queryKey: planKeys.events(task?.id ?? ''),
    queryFn: () => taskEvents(task!.id),
    enabled: !!task,
  });
  const plan = useQuery({
    queryKey: planKeys.one(task?.planId ?? ''),
    queryFn: () => getPlan(task!.planId),
    enabled: !!task,
  });
  const manage = !!plan.data?.abilities?.manage;
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
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
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600} style={{ minWidth: 0 }} data-testid="drawer-title">
                {task.title}
              </Text>
              {manage && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  style={{ flexShrink: 0 }}
                  leftSection={<IconPencil size={14} aria-hidden />}
                  onClick={openEdit}
                  data-testid="task-edit"
                >
                  {t('common.edit')}
                </Button>
              )}
            </Group>
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
            {task.allowedActions.length > 0 && (
              <Group mt="sm" data-testid="drawer-actions">
                <ActionButtons
                  actions={task.allowedActions}
                  onAction={(a) => onAction(task, a)}
                  ns="plans"
                  testId="drawer-action"
                  size="sm"
                />
              </Group>
            )}
          </div>
          <TaskLinks task={task} manage={manage} />
          {task.abilities.progress && <ProgressForm task={task} />}
          {task.abilities.direct && <DirectionForm task={task} />}
          <Title order={3} size="h5">
            {t('plans.drawer.history')}
          </Title>
          <EventTimeline
            query={events}
            ns="plans"
            testId="task"
            fileHref={(fileId) => downloadUrl(task.id, fileId)}
            titleExtra={(e) => (
              <>
                {e.percent != null && <Badge variant="outline">{e.percent}%</Badge>}
                {e.state && e.state !== 'published' && (
                  <Badge color={STATE_COLORS[e.state]} variant="light" data-testid="progress-state">
                    {t(`plans.progress.states.${e.state}`)}
                  </Badge>
                )}
              </>
            )}
            footer={(e) => e.canReview && <ReviewButtons task={task} event={e} />}
          />
          {manage && editing && <EditTaskModal task={task} opened={editing} onClose={closeEdit} />}
        </Stack>
      )}
    </Drawer>
  );
}
