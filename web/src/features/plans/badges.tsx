import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskStatus, Timing } from './api';

const STATUS_COLORS: Record<TaskStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  reported_done: 'violet',
  returned: 'orange',
  verified: 'green',
  cancelled: 'dark',
};

export function StatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="task-status" data-status={status}>
      {t(`plans.status.${status}`)}
    </Badge>
  );
}

const TIMING_COLORS: Record<string, string> = {
  overdue: 'red',
  due_soon: 'yellow',
  done_on_time: 'green',
  done_late: 'orange',
};

export function TimingBadge({ timing }: { timing: Timing }) {
  const { t } = useTranslation();
  const color = TIMING_COLORS[timing.state];
  if (!color) return null;
  return (
    <Badge
      color={color}
      variant={timing.state === 'overdue' ? 'filled' : 'light'}
      data-testid="task-timing"
      data-timing={timing.state}
    >
      {t(`plans.timing.${timing.state}`, { count: timing.daysOverdue, days: timing.daysLeft ?? 0 })}
    </Badge>
  );
}
