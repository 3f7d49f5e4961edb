import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConclusionState, MeetingStatus, MeetingSummary, Timing } from './api';

const STATE_COLORS: Record<ConclusionState, string> = {
  untracked: 'gray',
  in_progress: 'blue',
  overdue: 'red',
  reported: 'violet',
  done: 'green',
  cancelled: 'dark',
};

/** How a conclusion's follow-up stands ("was it done"). */
export function ConclusionStateBadge({ state }: { state: ConclusionState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATE_COLORS[state]}
      variant={state === 'overdue' || state === 'done' ? 'filled' : 'light'}
      data-testid="conclusion-state"
      data-state={state}
    >
      {t(`meetings.state.${state}`)}
    </Badge>
  );
}

const STATUS_COLORS: Record<string, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  reported_done: 'violet',
  returned: 'orange',
  verified: 'green',
  cancelled: 'dark',
};

/** A task's workflow status (the plan's own labels). */
export function TaskStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status] ?? 'gray'}
      variant="light"
      data-testid="task-status"
      data-status={status}
    >
      {t(`plans.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

const TIMING_COLORS: Record<string, string> = {
  overdue: 'red',
  due_soon: 'yellow',
  done_on_time: 'green',
  done_late: 'orange',
};

/** Overdue, due soon, done on time or late — derived on the server from the calendar. */
export function TaskTimingBadge({ timing }: { timing: Timing }) {
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

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'held' ? 'teal' : 'yellow'} variant="light" data-testid="meeting-status">
      {t(`meetings.status.${status}`)}
    </Badge>
  );
}

export function MeetingKindBadge({ meeting }: { meeting: Pick<MeetingSummary, 'kind' | 'extraordinary'> }) {
  const { t } = useTranslation();
  const key =
    meeting.kind === 'session' ? (meeting.extraordinary ? 'extraordinary' : 'session') : 'working_session';
  return (
    <Badge color={meeting.kind === 'session' ? 'red' : 'indigo'} variant="outline">
      {t(`meetings.kinds.${key}`)}
    </Badge>
  );
}
