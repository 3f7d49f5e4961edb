import {
  MultiSelect,
  Select,
  type ComboboxItem,
  type MultiSelectProps,
  type SelectProps,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { searchDocuments, unitKeys, unitsAsOf, type DocumentHit, type UnitAsOf } from './api';

/** The server already matched (accents ignored): show its answers as they are. */
const serverFiltered = ({ options }: { options: ComboboxItem[] | unknown[] }) => options as ComboboxItem[];

function useUnitSearch(asOf: string, search: string, kind?: string) {
  const [q] = useDebouncedValue(search.trim(), 250);
  return useQuery({
    queryKey: unitKeys.search(asOf, q, { kind: kind ?? null }),
    queryFn: () => unitsAsOf(asOf, { q, kind, limit: 50 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

const unitLabel = (u: UnitAsOf) => `${u.fullName} (${u.code})`;

type Common = {
  /** Units in force on this date (YYYY-MM-DD) are offered. */
  asOf: string;
  kind?: string;
  /** Units already known (e.g. pre-filled), so their names show before any search. */
  known?: UnitAsOf[];
};

type SingleProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> &
  Common & { value: string | null; onChange: (value: string | null, unit: UnitAsOf | null) => void };

/** Picks one unit in force on a date, searching the server (accents and case ignored). */
export function UnitPicker({ asOf, kind, known = [], value, onChange, ...rest }: SingleProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Map<string, UnitAsOf>>(() => new Map(known.map((u) => [u.id, u])));
  const selected = value ? (picked.get(value) ?? known.find((u) => u.id === value)) : undefined;
  // Once a unit is chosen the box shows its label: that is not a new search.
  const found = useUnitSearch(asOf, selected && search === unitLabel(selected) ? '' : search, kind);
  const data = useMemo(() => {
    const list = new Map<string, UnitAsOf>();
    for (const u of known) list.set(u.id, u);
    if (value && picked.has(value)) list.set(value, picked.get(value)!);
    for (const u of found.data?.items ?? []) list.set(u.id, u);
    return [...list.values()].map((u) => ({ value: u.id, label: unitLabel(u) }));
  }, [found.data, picked, value, known]);
  return (
    <Select
      searchable
      clearable
      data={data}
      value={value}
      onChange={(v) => {
        const u = (found.data?.items ?? []).find((x) => x.id === v) ?? picked.get(v ?? '') ?? null;
        if (u) setPicked((m) => new Map(m).set(u.id, u));
        onChange(v, u);
      }}
      onSearchChange={setSearch}
      filter={serverFiltered}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      placeholder={t('units.picker.placeholder')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

type MultiProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> &
  Common & { value: string[]; onChange: (value: string[]) => void };

/** Picks several units in force on a date, searching the server. */
export function UnitMultiPicker({ asOf, kind, known = [], value, onChange, ...rest }: MultiProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Map<string, UnitAsOf>>(() => new Map(known.map((u) => [u.id, u])));
  const found = useUnitSearch(asOf, search, kind);
  const data = useMemo(() => {
    const list = new Map<string, UnitAsOf>();
    for (const id of value) {
      const u = picked.get(id);
      if (u) list.set(id, u);
    }
    for (const u of found.data?.items ?? []) list.set(u.id, u);
    return [...list.values()].map((u) => ({ value: u.id, label: unitLabel(u) }));
  }, [found.data, picked, value]);
  return (
    <MultiSelect
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) => {
        const next = new Map(picked);
        for (const u of found.data?.items ?? []) if (ids.includes(u.id)) next.set(u.id, u);
        setPicked(next);
        setSearch('');
        onChange(ids);
      }}
      filter={serverFiltered}
      hidePickedOptions
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      placeholder={value.length ? undefined : t('units.picker.placeholder')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

type DocProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (value: string | null, doc: DocumentHit | null) => void;
};

/** Picks a document of the register as a legal basis (searching number, title…). */
export function DocumentPicker({ value, onChange, ...rest }: DocProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<DocumentHit | null>(null);
  const found = useQuery({
    queryKey: ['units', 'documents', q],
    queryFn: () => searchDocuments(q),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const data = useMemo(() => {
    const list = new Map<string, DocumentHit>();
    if (picked && picked.id === value) list.set(picked.id, picked);
    for (const d of found.data?.items ?? []) list.set(d.id, d);
    return [...list.values()].map((d) => ({
      value: d.id,
      label: `${d.numberSymbol} (${formatDate(d.issuedOn)}) – ${d.title}`,
    }));
  }, [found.data, picked, value]);
  return (
    <Select
      searchable
      clearable
      data={data}
      value={value}
      onSearchChange={setSearch}
      onChange={(v) => {
        const d = (found.data?.items ?? []).find((x) => x.id === v) ?? null;
        setPicked(d);
        onChange(v, d);
      }}
      filter={serverFiltered}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      placeholder={t('units.event.documentPlaceholder')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
