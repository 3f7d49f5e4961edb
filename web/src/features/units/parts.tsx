import { Anchor, Badge, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import { BEFORE_RECORDS } from './api';

const KIND_COLORS: Record<string, string> = {
  province: 'red',
  department: 'blue',
  district: 'grape',
  commune: 'teal',
  management_board: 'orange',
  party_body: 'red',
  mass_organisation: 'pink',
  other: 'gray',
};

export function KindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={KIND_COLORS[kind] ?? 'gray'} size="sm" style={{ flexShrink: 0 }}>
      {t(`units.kinds.${kind}`, { defaultValue: kind })}
    </Badge>
  );
}

export function UnitLink({ id, children, ...rest }: AnchorProps & { id: string; children: ReactNode }) {
  return (
    <Anchor
      renderRoot={(props) => <Link to="/units/$unitId" params={{ unitId: id }} {...props} />}
      data-testid="unit-link"
      {...rest}
    >
      {children}
    </Anchor>
  );
}

/**
 * A validity start: dd/mm/yyyy, or — when the founding date is unknown (the open start 1900-01-01) — "Có trước
 * 15/10/2017 (chưa rõ ngày thành lập)" with the date since which the unit is attested; never "since 1900".
 */
export function useFromDate() {
  const { t } = useTranslation();
  return (date: string, knownSince?: string | null) =>
    date !== BEFORE_RECORDS
      ? formatDate(date)
      : knownSince
        ? t('units.existedBefore', { date: formatDate(knownSince) })
        : t('units.beforeRecords');
}

/** "01/01/2008 – nay", with an unknown start spelled out. */
export function usePeriod() {
  const { t } = useTranslation();
  const from = useFromDate();
  return (validFrom: string, validTo: string | null, knownSince?: string | null) =>
    `${from(validFrom, knownSince)} – ${validTo ? formatDate(validTo) : t('units.now')}`;
}

/** An event's date: dd/mm/yyyy, or the window it lies in when the exact day is unknown. */
export function useEventDate() {
  const { t } = useTranslation();
  return (e: { effectiveDate: string; earliestDate?: string | null }) =>
    e.earliestDate
      ? t('units.between', { from: formatDate(e.earliestDate), to: formatDate(e.effectiveDate) })
      : formatDate(e.effectiveDate);
}

/** A share as a percentage: 1 → 100 %, 0.333333 → 33,33 %. */
export function formatShare(weight: number): string {
  return `${formatNumber(weight * 100, 2)} %`;
}
