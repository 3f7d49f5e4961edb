import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import type { CaseStatus, CaseSummary, Timing } from './api';
import { deadlineOf, STATUS_COLORS, TIMING_COLORS, timingText } from './labels';

/** Where a case stands, in words (Chờ phân loại, Đang xử lý, Chờ duyệt trả lời, Đã trả lời…). */
export function CaseStatusBadge({ status, size = 'md' }: { status: CaseStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      size={size}
      data-testid="case-status"
      data-status={status}
    >
      {t(`hotline.status.${status}`)}
    </Badge>
  );
}

/** How the case stands against its deadline, in working days ("còn 3 ngày làm việc", "quá hạn 2 ngày…"). */
export function CaseTimingBadge({ timing, size = 'md' }: { timing: Timing; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const text = timingText(timing);
  return (
    <Badge
      color={TIMING_COLORS[timing.state]}
      variant={timing.state === 'overdue' ? 'filled' : 'light'}
      size={size}
      data-testid="case-timing"
      data-timing={timing.state}
    >
      {t(text.key, text.values)}
    </Badge>
  );
}

export function SatisfactionBadge({
  value,
  size = 'md',
}: {
  value: NonNullable<CaseSummary['satisfaction']>;
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={value === 'satisfied' ? 'green' : 'red'}
      variant="outline"
      size={size}
      data-testid="case-satisfaction"
      data-satisfaction={value}
    >
      {t(`hotline.satisfaction.${value}`)}
    </Badge>
  );
}

export function ReopenedBadge({ size = 'md' }: { size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="outline" size={size} data-testid="case-reopened">
      {t('hotline.reopened')}
    </Badge>
  );
}

/** The deadline the case runs against now, with what it is for and the timing ("Hạn trả lời 12/12/2026"). */
export function CaseDeadline({
  c,
  size = 'sm',
}: {
  c: Pick<CaseSummary, 'status' | 'triageDueDate' | 'dueDate' | 'timing'>;
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  const due = deadlineOf(c);
  if (!due.date)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap" data-testid="case-deadline">
      <Text
        size="sm"
        c={c.timing?.state === 'overdue' ? 'red.7' : undefined}
        style={{ whiteSpace: 'nowrap' }}
      >
        {t(`hotline.deadline.${due.kind}`, { date: formatDate(due.date) })}
      </Text>
      {c.timing && <CaseTimingBadge timing={c.timing} size={size} />}
    </Group>
  );
}
