/** Small pieces of the standings page: figures, the change from last year, a target's status, weakness. */
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { Change, TargetStatus, WeakReason } from './api';

/** A published figure as the Ministry writes it: two decimals at most, Vietnamese style (87,91). */
export const formatValue = (v: number | null | undefined) => formatNumber(v, 2);

/** The reader's half of a bilingual name. */
export const pick = (b: { vi: string; en: string }, lang: string) => (lang === 'en' ? b.en || b.vi : b.vi);

const STATUS_COLORS: Record<TargetStatus, string> = {
  met: 'green',
  on_track: 'teal',
  at_risk: 'orange',
  missed: 'red',
  no_data: 'gray',
};

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`standings.targetStatusHelp.${status}`)} multiline w={260} withArrow>
      <Badge color={STATUS_COLORS[status]} variant="light" data-testid="target-status" data-status={status}>
        {t(`standings.targetStatus.${status}`)}
      </Badge>
    </Tooltip>
  );
}

/** ▲ / ▼ and the difference in value, and the places climbed or lost. */
export function ChangeText({ change }: { change: Change | null }) {
  const { t } = useTranslation();
  if (!change)
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  const color = change.direction === 'up' ? 'green.7' : change.direction === 'down' ? 'red.7' : 'dimmed';
  const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '＝';
  const sign = change.value > 0 ? '+' : change.value < 0 ? '−' : '';
  return (
    <Group gap={6} wrap="nowrap" data-testid="change" data-direction={change.direction}>
      <Text span size="sm" c={color} fw={600} aria-label={t(`standings.direction.${change.direction}`)}>
        {arrow} {sign}
        {formatValue(Math.abs(change.value))}
      </Text>
      {change.rank !== null && change.rank !== 0 && (
        <Text span size="xs" c={change.rank > 0 ? 'green.7' : 'red.7'}>
          {change.rank > 0
            ? t('standings.rankUp', { count: change.rank })
            : t('standings.rankDown', { count: -change.rank })}
        </Text>
      )}
    </Group>
  );
}

export function WeakBadges({ weak }: { weak: readonly WeakReason[] }) {
  const { t } = useTranslation();
  if (!weak.length) return null;
  return (
    <Group gap={4}>
      {weak.map((w) => (
        <Badge key={w} color="red" variant="outline" size="sm" data-testid="weak" data-reason={w}>
          {t(`standings.weak.${w}`)}
        </Badge>
      ))}
    </Group>
  );
}
