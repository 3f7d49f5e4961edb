/** The small shared pieces of the inspections pages: status badges, dates, areas, the unit's kind. */
import { Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import type { TeamMember } from './api';

const STATUS_COLOR: Record<string, string> = {
  planned: 'gray',
  in_progress: 'blue',
  minutes_signed: 'violet',
  concluded: 'green',
  cancelled: 'red',
  draft: 'gray',
  approved: 'green',
  not_started: 'gray',
  reported_done: 'blue',
  returned: 'orange',
  verified: 'green',
};

/** An inspection's, a plan's (`ns="planStatus"`) or a recommendation's (`ns="recStatus"`) status. */
export function StatusBadge({ status, ns = 'status' }: { status: string; ns?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOR[status] ?? 'gray'} tt="none" data-testid={`status-${status}`}>
      {t(`inspections.${ns}.${status}`)}
    </Badge>
  );
}

/** dd/mm/yyyy – dd/mm/yyyy (one date when both are the same day). */
export const dateRange = (from: string, to: string) =>
  from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;

/** A team member: name, role, the unit they come from, and any conflict-of-interest flag. */
export function MemberLine({ m }: { m: TeamMember }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap" data-testid="team-member">
      <Text size="sm" fw={m.role === 'head' ? 700 : 500}>
        {m.user.fullName}
      </Text>
      {m.role === 'head' && (
        <Badge size="sm" variant="filled" tt="none">
          {t('inspections.teamRole.head')}
        </Badge>
      )}
      <Text size="sm" c="dimmed">
        {m.unit.name}
      </Text>
      {m.conflicts.length > 0 && (
        <Tooltip label={m.conflicts.map((c) => t(`inspections.conflicts.${c}`)).join('; ')} multiline w={260}>
          <Badge
            size="sm"
            color="orange"
            variant="light"
            tt="none"
            leftSection={<IconAlertTriangle size={12} aria-hidden />}
            data-testid="conflict-flag"
          >
            {t('inspections.page.conflict')}:{' '}
            {m.conflicts.map((c) => t(`inspections.conflicts.${c}`)).join('; ')}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

/** Head first, then the members in Vietnamese order. */
export const teamOrder = (team: readonly TeamMember[]) =>
  [...team].sort(
    (a, b) =>
      (a.role === 'head' ? 0 : 1) - (b.role === 'head' ? 0 : 1) ||
      a.user.fullName.localeCompare(b.user.fullName, 'vi'),
  );

/** A labelled bar: done of total. */
export function Bar({ label, done, total }: { label: string; done: number; total: number }) {
  const pct = total ? (100 * done) / total : 0;
  return (
    <div>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" lineClamp={1}>
          {label}
        </Text>
        <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
          {formatNumber(done)}/{formatNumber(total)}
        </Text>
      </Group>
      <Progress value={pct} size="md" radius="sm" aria-label={label} />
    </div>
  );
}
