import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import type { ReportStatus } from './api';

const STATUS_COLORS: Record<ReportStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

/** Where a unit's report stands: Chưa gửi, Đã gửi, Bị trả lại, Đã tiếp nhận. */
export function ReportStatusBadge({ status, size = 'md' }: { status: ReportStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={status === 'draft' ? 'outline' : 'light'}
      size={size}
      data-testid="report-status"
      data-status={status}
    >
      {t(`reports.status.${status}`)}
    </Badge>
  );
}

/** The first submission came after the deadline (kept even once accepted). */
export function LateBadge({ size = 'md' }: { size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="light" size={size} data-testid="report-late">
      {t('reports.late')}
    </Badge>
  );
}

/** Still owed after the deadline. */
export function OverdueBadge({ size = 'md' }: { size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" size={size} data-testid="report-overdue">
      {t('reports.overdue')}
    </Badge>
  );
}

/** A deadline, marked when it was extended for this unit (the reason in a tooltip). */
export function Deadline({
  date,
  extended,
  reason,
  overdue = false,
}: {
  date: string;
  extended: boolean;
  reason: string | null;
  overdue?: boolean;
}) {
  const { t } = useTranslation();
  const text = (
    <Text span size="sm" c={overdue ? 'red.7' : undefined} fw={overdue ? 600 : undefined}>
      {formatDate(date)}
    </Text>
  );
  if (!extended) return text;
  return (
    <Tooltip
      label={reason ? t('reports.extendedBecause', { reason }) : t('reports.extended')}
      multiline
      maw={320}
      withArrow
      events={{ hover: true, focus: true, touch: true }}
    >
      <Group gap={4} wrap="nowrap" component="span" tabIndex={0} data-testid="deadline-extended">
        {text}
        <IconCalendarPlus size={16} color="var(--mantine-color-teal-7)" aria-hidden />
        <span className="visually-hidden">
          {reason ? t('reports.extendedBecause', { reason }) : t('reports.extended')}
        </span>
      </Group>
    </Tooltip>
  );
}
