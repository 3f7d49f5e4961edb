import {
  Box,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  type ComboboxItem,
  type ComboboxLikeRenderOptionInput,
  type MultiSelectProps,
  type OptionsFilter,
  type SelectProps,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  SearchScope as UnitScope,
  UnitHitOut as UnitHit,
  UnitSearchOut as SearchResult,
} from '../../../server/modules/units/units.schemas';
import { api } from '../lib/api';
import { foldVi, formatDate } from '../lib/format';

/**
 * `UnitHit`: a unit as the search endpoint (`GET /api/units/search`) returns it, as of a date, with its
 * parent's name. `UnitScope`: whose units a picker offers — `mine` (the subtrees of the user's grants and own
 * unit; the whole province for the standing agency and administrators), `province` (the whole province),
 * `all` (the country, administrators only).
 */
export type { UnitHit, UnitScope };

/** What narrows a picker besides the words typed. */
type SearchOptions = {
  /** The date the units are read on (YYYY-MM-DD): names and parents then, only units in force then. */
  asOf?: string | null | undefined;
  scope?: UnitScope | undefined;
  /** Only these kinds (province, department, commune, …). */
  kinds?: readonly string[] | undefined;
  /** Offer units that had ended by the date too (marked "đến dd/mm/yyyy"). */
  includeEnded?: boolean | undefined;
  /** Only this unit's subtree. */
  within?: string | undefined;
};

const PAGE = 50;
const MAX_IDS = 200;

const searchKey = (q: string, o: SearchOptions) =>
  [
    'units',
    'search',
    q,
    o.asOf ?? null,
    o.scope ?? 'mine',
    o.kinds?.join(',') ?? '',
    !!o.includeEnded,
    o.within ?? null,
  ] as const;

/** The units with these ids as of a date (e.g. to name a value chosen earlier), whatever the user's scope. */
async function resolveUnits(ids: readonly string[], asOf?: string | null): Promise<UnitHit[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_IDS) chunks.push(ids.slice(i, i + MAX_IDS));
  const pages = await Promise.all(
    chunks.map((chunk) =>
      api.get<SearchResult>('/api/units/search', {
        query: { ids: chunk.join(','), asOf: asOf ?? undefined },
      }),
    ),
  );
  return pages.flatMap((p) => p.items);
}

/**
 * Names of units by id (as of a date, today by default), for pages that show a unit or two: `byId.get(id)`
 * gives the unit with its `label` and `parentName`.
 */
export function useUnitNames(ids: readonly (string | null | undefined)[], asOf?: string | null) {
  const list = useMemo(() => [...new Set(ids.filter((id): id is string => !!id))].sort(), [ids]);
  const query = useQuery({
    queryKey: ['units', 'ids', asOf ?? null, list],
    queryFn: () => resolveUnits(list, asOf),
    enabled: list.length > 0,
    staleTime: 10 * 60_000,
  });
  const byId = useMemo(() => new Map((query.data ?? []).map((u) => [u.id, u])), [query.data]);
  return { ...query, byId };
}

/** Accent- and case-insensitive matching in the browser ("so tu phap" finds "Sở Tư pháp"), for short lists. */
export const accentInsensitiveFilter: OptionsFilter = ({ options, search }) => {
  const needle = foldVi(search);
  if (!needle) return options;
  return (options as ComboboxItem[]).filter((o) => foldVi(o.label).includes(needle));
};

/** Options come ranked from the server: nothing is filtered here. */
const serverFiltered: OptionsFilter = ({ options }) => options;

/** The value of the "more units: type to narrow" line at the end of a long list (never selectable). */
const MORE = 'more:type-to-narrow'; // never a unit id (those are UUIDs)

/**
 * The server search behind both pickers: debounced, keeping the previous options while the next arrive,
 * with the chosen units (resolved by id as of the date) among the options. When the box shows the
 * chosen unit's name (a single select), that name is not searched for: the list opens with the first units.
 */
function useUnitOptions(search: string, selected: readonly string[], o: SearchOptions) {
  const { t } = useTranslation();
  const chosen = useUnitNames(selected, o.asOf);
  // Units picked from the list, known before their resolution by id comes back.
  const [picked, setPicked] = useState<ReadonlyMap<string, UnitHit>>(new Map());
  const text = useCallback(
    (u: UnitHit) =>
      `${u.label}${u.parentName ? ` — ${u.parentName}` : ''}${
        u.ended && u.validTo ? ` (${t('units.until', { date: formatDate(u.validTo) })})` : ''
      }`,
    [t],
  );
  const chosenLabels = selected.flatMap((id) => {
    const u = chosen.byId.get(id) ?? picked.get(id);
    return u ? [text(u)] : [];
  });
  const [q] = useDebouncedValue(chosenLabels.includes(search) ? '' : search.trim(), 250);
  const results = useQuery({
    queryKey: searchKey(q, o),
    queryFn: () =>
      api.get<SearchResult>('/api/units/search', {
        query: {
          q: q || undefined,
          asOf: o.asOf ?? undefined,
          scope: o.scope && o.scope !== 'mine' ? o.scope : undefined,
          kinds: o.kinds?.length ? o.kinds.join(',') : undefined,
          includeEnded: o.includeEnded ? 'true' : undefined,
          within: o.within,
          limit: PAGE,
        },
      }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const { data, hits } = useMemo(() => {
    const found = results.data?.items ?? [];
    const hits = new Map<string, UnitHit>(picked);
    for (const u of found) hits.set(u.id, u);
    for (const u of chosen.data ?? []) hits.set(u.id, u);
    // The chosen units head the list until something is typed (the pickers keep showing them meanwhile).
    const extra = q
      ? []
      : selected.flatMap((id) => {
          const u = hits.get(id);
          return u && !found.some((f) => f.id === id) ? [u] : [];
        });
    const data: ComboboxItem[] = [...extra, ...found].map((u) => ({ value: u.id, label: text(u) }));
    const total = results.data?.total ?? 0;
    if (total > found.length)
      data.push({ value: MORE, label: t('units.more', { shown: found.length, total }), disabled: true });
    return { data, hits };
  }, [results.data, chosen.data, picked, selected, q, text, t]);

  /** Keeps the units just picked at hand (their names show at once). */
  const remember = (ids: readonly string[]) =>
    setPicked((prev) => {
      const next = new Map(prev);
      for (const id of ids) {
        const u = hits.get(id);
        if (u) next.set(id, u);
      }
      return next;
    });

  const renderOption = ({ option, checked }: ComboboxLikeRenderOptionInput<ComboboxItem>) => {
    const u = hits.get(option.value);
    if (!u)
      return (
        <Text size="xs" c="dimmed" fs="italic">
          {option.label}
        </Text>
      );
    return (
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box w={14} pt={3} style={{ flexShrink: 0 }}>
          {checked && <IconCheck size={14} aria-hidden />}
        </Box>
        <Stack gap={0}>
          <Text size="sm" c={u.ended ? 'dimmed' : undefined}>
            {option.label}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`units.kinds.${u.kind}`, { defaultValue: t('units.kinds.other') })}
          </Text>
        </Stack>
      </Group>
    );
  };

  return {
    data,
    renderOption,
    remember,
    loading: results.isFetching,
    error: results.isError || chosen.isError,
  };
}

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> &
  SearchOptions & {
    value: string | null;
    onChange: (value: string | null) => void;
    /** The date the units are read on (YYYY-MM-DD); today when omitted. Ended units are left out. */
    asOf?: string;
  };

/**
 * One unit, searched on the server as the user types ("so tu phap" finds Sở Tư pháp among the whole
 * country's units), shown as "Xã Anh Sơn — Nghệ An" with its kind; by default within the user's own scope.
 */
export function UnitSelect({
  value,
  onChange,
  asOf,
  scope,
  kinds,
  includeEnded,
  within,
  error,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const selected = useMemo(() => (value ? [value] : []), [value]);
  const options = useUnitOptions(search, selected, { asOf, scope, kinds, includeEnded, within });
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={options.loading ? t('common.loading') : t('common.nothingFound')}
      placeholder={t('units.pick')}
      data={options.data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v) => {
        const next = v === MORE ? null : v;
        if (next) options.remember([next]);
        onChange(next);
      }}
      filter={serverFiltered}
      renderOption={options.renderOption}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
      error={options.error ? t('units.loadFailed') : error}
      {...rest}
    />
  );
}

type MultiProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> &
  SearchOptions & {
    value: string[];
    onChange: (value: string[]) => void;
    asOf?: string;
  };

/**
 * Several units (e.g. a task's supporting units), searched like `UnitSelect`. By default among the whole
 * province: the units that support a task are often outside one's own subtree.
 */
export function UnitMultiSelect({
  value,
  onChange,
  asOf,
  scope = 'province',
  kinds,
  includeEnded,
  within,
  error,
  ...rest
}: MultiProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const options = useUnitOptions(search, value, { asOf, scope, kinds, includeEnded, within });
  return (
    <MultiSelect
      searchable
      clearable
      nothingFoundMessage={options.loading ? t('common.loading') : t('common.nothingFound')}
      placeholder={value.length ? undefined : t('units.pick')}
      data={options.data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v) => {
        const next = v.filter((id) => id !== MORE);
        options.remember(next);
        onChange(next);
      }}
      filter={serverFiltered}
      renderOption={options.renderOption}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
      error={options.error ? t('units.loadFailed') : error}
      {...rest}
    />
  );
}
