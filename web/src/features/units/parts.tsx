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

/** A validity start: dd/mm/yyyy, or "before records begin" for the registry's 1900-01-01 sentinel. */
export function useFromDate() {
  const { t } = useTranslation();
  return (date: string) => (date === BEFORE_RECORDS ? t('units.beforeRecords') : formatDate(date));
}

/** "01/01/2008 – nay", with the sentinel start spelled out. */
export function usePeriod() {
  const { t } = useTranslation();
  const from = useFromDate();
  return (validFrom: string, validTo: string | null) =>
    `${from(validFrom)} – ${validTo ? formatDate(validTo) : t('units.now')}`;
}

/** A share as a percentage: 1 → 100 %, 0.333333 → 33,33 %. */
export function formatShare(weight: number): string {
  return `${formatNumber(weight * 100, 2)} %`;
}
