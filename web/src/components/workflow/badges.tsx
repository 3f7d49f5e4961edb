import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<string, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  reported_done: 'violet',
  returned: 'orange',
  verified: 'green',
  cancelled: 'dark',
};

type Labels = {
  /** The translation block with `<ns>.status.*` / `<ns>.timing.*` (plans by default; pilots keep their own). */
  ns?: string;
  /** Prefix of the data-testid: `<testId>-status`, `<testId>-timing`. */
  testId?: string;
};

/** A workflow status (server/modules/tasks) of a task or pilot item. */
export function StatusBadge({ status, ns = 'plans', testId = 'task' }: { status: string } & Labels) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status] ?? 'gray'}
      variant="light"
      data-testid={`${testId}-status`}
      data-status={status}
    >
      {t(`${ns}.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

const TIMING_COLORS: Record<string, string> = {
  overdue: 'red',
  due_soon: 'yellow',
  done_on_time: 'green',
  done_late: 'orange',
};

/** A late submission's words: the kind's own (`work.reportedLateByKind.<kind>`) if it has them, else the shared. */
const lateKeys = (kind: string | undefined) =>
  kind ? [`work.reportedLateByKind.${kind}`, 'work.timing.reported_late'] : ['work.timing.reported_late'];

export type TimingLike = { state: string; daysOverdue: number; daysLeft: number | null };

/** Overdue, due soon, done on time or late — derived on the server from the calendar; nothing otherwise. */
export function TimingBadge({
  timing,
  ns = 'plans',
  testId = 'task',
  awaitingReview = false,
  kind,
}: {
  timing: TimingLike;
  /** The unit has reported and a reviewer decides: a late report reads "reported N days late", not overdue. */
  awaitingReview?: boolean;
  /**
   * The kind of work (`work.kinds.*`), when it words a late submission its own way: `work.reportedLateByKind.<kind>`
   * (a hotline case's answer "Trả lời trễ N ngày làm việc"), else the shared "Báo cáo trễ N ngày làm việc".
   */
  kind?: string;
} & Labels) {
  const { t } = useTranslation();
  const color = TIMING_COLORS[timing.state];
  if (!color) return null;
  if (awaitingReview && timing.state === 'overdue')
    return (
      <Badge color="orange" variant="light" data-testid={`${testId}-timing`} data-timing="reported_late">
        {t(lateKeys(kind), { count: timing.daysOverdue })}
      </Badge>
    );
  return (
    <Badge
      color={color}
      variant={timing.state === 'overdue' ? 'filled' : 'light'}
      data-testid={`${testId}-timing`}
      data-timing={timing.state}
    >
      {t(`${ns}.timing.${timing.state}`, { count: timing.daysOverdue, days: timing.daysLeft ?? 0 })}
    </Badge>
  );
}
