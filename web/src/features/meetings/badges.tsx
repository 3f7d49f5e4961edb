import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConclusionState, MeetingStatus, MeetingSummary } from './api';

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
    meeting.kind === 'session' ? (meeting.extraordinary ? 'extraordinary' : 'session') : meeting.kind;
  return (
    <Badge
      color={meeting.kind === 'session' ? 'red' : meeting.kind === 'internal' ? 'gray' : 'indigo'}
      variant="outline"
    >
      {t(`meetings.kinds.${key}`)}
    </Badge>
  );
}
