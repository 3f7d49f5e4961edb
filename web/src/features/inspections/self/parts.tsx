import { Badge, Select, Text, type BadgeProps } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { CoverageStatus } from './api';

/** The first year a unit's self-inspections can be looked at. */
const FIRST_YEAR = 2020;

/** `37.5` → `37,5%`; empty (—) without a share. */
export const formatPercent = (percent: number | null | undefined) =>
  percent === null || percent === undefined ? '—' : `${formatNumber(percent, 2)}%`;

/** A threshold share `0.5` → `50%`. */
export const formatShare = (share: number) => `${formatNumber(share * 100, 2)}%`;

/** The years offered: this year back to 2020 (and the one shown, if older). */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const years = [
    ...new Set([...Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i), value]),
  ]
    .sort((a, b) => b - a)
    .map((y) => ({ value: String(y), label: String(y) }));
  return (
    <Select
      label={t('selfInspections.year')}
      data={years}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={110}
      comboboxProps={{ withinPortal: true }}
      data-testid="self-year"
    />
  );
}

const STATUS_STYLE: Record<
  Exclude<CoverageStatus, 'no_sub_units'>,
  { color: string; icon: typeof IconCircleCheck }
> = {
  reached: { color: 'green', icon: IconCircleCheck },
  not_reached: { color: 'orange', icon: IconAlertTriangle },
};

/** Met / not met (a badge); no sub-units in the registry (quiet text: most communes, until it is filled). */
export function StatusBadge({ status, ...rest }: { status: CoverageStatus } & BadgeProps) {
  const { t } = useTranslation();
  if (status === 'no_sub_units')
    return (
      <Text size="xs" c="dimmed" data-testid="self-status" data-status={status} mt={rest.mt}>
        {t(`selfInspections.status.${status}`)}
      </Text>
    );
  const { color, icon: Icon } = STATUS_STYLE[status];
  return (
    <Badge
      color={color}
      variant="light"
      leftSection={<Icon size={12} aria-hidden />}
      style={{ textTransform: 'none' }}
      data-testid="self-status"
      data-status={status}
      {...rest}
    >
      {t(`selfInspections.status.${status}`)}
    </Badge>
  );
}

/** The year in the address (`?year=`), else this year. */
export function yearFrom(search: Record<string, unknown>): number {
  const y = Number(search.year);
  return Number.isInteger(y) && y >= FIRST_YEAR && y <= 2100 ? y : new Date().getFullYear();
}
