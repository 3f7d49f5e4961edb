import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { StatusBadge, TimingBadge as SharedTimingBadge } from '../../components/workflow/badges';
import { formatDate } from '../../lib/format';
import type { ItemStatus, ReportStatus, Timing, UnitAsItWas } from './api';

/** An item's workflow status, with the pilots' labels. */
export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  return <StatusBadge status={status} ns="pilots" testId="item" />;
}

/** An item's timing (overdue, due soon, done on time or late), with the pilots' labels. */
export function TimingBadge({ timing }: { timing: Timing }) {
  return <SharedTimingBadge timing={timing} ns="pilots" testId="item" />;
}

const REPORT_COLORS: Record<ReportStatus, string> = {
  draft: 'gray',
  submitted: 'violet',
  accepted: 'green',
  returned: 'orange',
};

export function ReportStatusBadge({ status }: { status: ReportStatus | null }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={status ? REPORT_COLORS[status] : 'gray'}
      variant={status ? 'light' : 'outline'}
      data-testid="report-status"
      data-status={status ?? 'none'}
    >
      {t(`pilots.reportStatus.${status ?? 'none'}`)}
    </Badge>
  );
}

/** "Ended dd/mm/yyyy" for a unit that no longer exists, and the units that continue it, linked. */
export function EndedUnit({ unit, compact = false }: { unit: UnitAsItWas; compact?: boolean }) {
  const { t } = useTranslation();
  if (!unit.ended) return null;
  const shown = compact ? unit.successors.slice(0, 6) : unit.successors;
  return (
    <div data-testid="ended-unit">
      <Badge color="gray" variant="filled" data-testid="ended-badge">
        {t('pilots.ended', { date: formatDate(unit.validTo) })}
      </Badge>
      {unit.successors.length > 0 && (
        <Group gap={4} mt={4} wrap="wrap" data-testid="successors">
          <Text size="xs" c="dimmed">
            {t('pilots.continuedBy')}
          </Text>
          {shown.map((s, i) => (
            <Text size="xs" key={s.id} span>
              <Anchor
                size="xs"
                renderRoot={(props) => <Link to="/units/$unitId" params={{ unitId: s.id }} {...props} />}
                data-testid="successor"
              >
                {s.name}
              </Anchor>
              {i < shown.length - 1 ? ',' : ''}
            </Text>
          ))}
          {shown.length < unit.successors.length && (
            <Text size="xs" c="dimmed">
              {t('pilots.andMore', { count: unit.successors.length - shown.length })}
            </Text>
          )}
        </Group>
      )}
    </div>
  );
}
