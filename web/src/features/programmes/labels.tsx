/** Small pieces of the programme pages: values in their unit, a year's status chip with its reasoning, summaries. */
import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { Headline, Summary, Target, TargetYear, YearStatus } from './api';
import { reasoning } from './reasoning';

export { formatMeasure, reasoning } from './reasoning';

/** The reader's half of a bilingual name. */
export const pick = (b: { vi: string; en: string }, lang: string) => (lang === 'en' ? b.en || b.vi : b.vi);

export const STATUS_COLORS: Record<YearStatus, string> = {
  achieved: 'green',
  missed: 'red',
  on_track: 'teal',
  at_risk: 'orange',
  off_track: 'red',
  no_data: 'gray',
  no_milestone: 'gray',
  upcoming: 'blue',
};

export function YearChip({ target, year }: { target: Target; year: TargetYear }) {
  const { t } = useTranslation();
  const reason = reasoning(t, target, year);
  return (
    <Tooltip label={reason} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge
        color={STATUS_COLORS[year.status]}
        variant={year.current ? 'filled' : 'light'}
        tabIndex={0}
        aria-label={`${year.year}: ${reason}`}
        data-testid="year-chip"
        data-status={year.status}
      >
        {year.year}:{' '}
        {year.value === null ? t(`programmes.status.${year.status}`) : formatNumber(year.value, 2)}
      </Badge>
    </Tooltip>
  );
}

export function HeadlineBadge({ status }: { status: Headline }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="headline" data-status={status}>
      {t(`programmes.status.${status}`)}
    </Badge>
  );
}

const SUMMARY_ORDER: Headline[] = ['achieved', 'on_track', 'at_risk', 'off_track', 'missed', 'no_data'];

/** "3 đạt · 1 có nguy cơ · 1 không đạt" as chips (the statuses with none left out). */
export function SummaryChips({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap" data-testid="summary">
      {SUMMARY_ORDER.filter((s) => summary[s] > 0).map((s) => (
        <Badge key={s} color={STATUS_COLORS[s]} variant="light" size="sm">
          {t(`programmes.summary.${s}`, { count: summary[s] })}
        </Badge>
      ))}
      {summary.total === 0 && (
        <Badge color="gray" variant="outline" size="sm">
          {t('programmes.summary.none')}
        </Badge>
      )}
    </Group>
  );
}
