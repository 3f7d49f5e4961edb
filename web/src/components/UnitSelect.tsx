import {
  MultiSelect,
  Select,
  type ComboboxItem,
  type MultiSelectProps,
  type OptionsFilter,
  type SelectProps,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import { foldVi, formatDate, sortVi } from '../lib/format';
import type { Unit } from '../lib/types';

export function useUnits(asOf?: string | null) {
  return useQuery({
    queryKey: ['units', 'all', asOf ?? null],
    queryFn: () =>
      api.get<{ items: Unit[] }>('/api/units', { query: { limit: 2000, asOf: asOf ?? undefined } }),
    staleTime: 10 * 60_000,
  });
}

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
  /** Only units valid on this date (YYYY-MM-DD). Dissolved units are otherwise marked. */
  asOf?: string;
};

/** Accent- and case-insensitive matching ("so tu phap" finds "Sở Tư pháp"). */
export const accentInsensitiveFilter: OptionsFilter = ({ options, search }) => {
  const needle = foldVi(search);
  if (!needle) return options;
  return (options as ComboboxItem[]).filter((o) => foldVi(o.label).includes(needle));
};

export function UnitSelect({ value, onChange, asOf, error, ...rest }: Props) {
  const { t } = useTranslation();
  const units = useUnits(asOf);
  const data = useMemo(
    () =>
      sortVi(units.data?.items ?? [], (u) => u.name).map((u) => ({
        value: u.id,
        label: u.validTo ? `${u.name} (${t('units.until', { date: formatDate(u.validTo) })})` : u.name,
      })),
    [units.data, t],
  );
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={units.isLoading ? t('common.loading') : t('common.nothingFound')}
      placeholder={t('units.pick')}
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      limit={200}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      filter={accentInsensitiveFilter}
      error={units.isError ? t('units.loadFailed') : error}
      {...rest}
    />
  );
}

type MultiProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: string[];
  onChange: (value: string[]) => void;
  asOf?: string;
};

/** Several units (e.g. a task's supporting units), with the same data and matching as `UnitSelect`. */
export function UnitMultiSelect({ value, onChange, asOf, error, ...rest }: MultiProps) {
  const { t } = useTranslation();
  const units = useUnits(asOf);
  const data = useMemo(
    () => sortVi(units.data?.items ?? [], (u) => u.name).map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );
  return (
    <MultiSelect
      searchable
      clearable
      nothingFoundMessage={units.isLoading ? t('common.loading') : t('common.nothingFound')}
      placeholder={value.length ? undefined : t('units.pick')}
      data={data}
      value={value}
      onChange={onChange}
      limit={200}
      comboboxProps={{ withinPortal: true }}
      filter={accentInsensitiveFilter}
      error={units.isError ? t('units.loadFailed') : error}
      {...rest}
    />
  );
}
