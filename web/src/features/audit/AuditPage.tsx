import {
  Anchor,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  JournalEntryOut,
  JournalListOut,
  JournalQueryIn,
  JournalSort,
} from '../../../../server/modules/audit/audit.schemas';
import { ChangeList } from '../../components/ChangeList';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { actionColor } from '../../components/RecordHistory';
import { DataTable, type Column, type SortState } from '../../components/table';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

const PAGE_SIZE = 50;
/** An order of the journal's pages (the server sorts, then pages). */
type JournalOrder = { key: JournalSort; dir: 'asc' | 'desc' };
/** Newest first, as a journal is read. */
const FIRST_SORT: JournalOrder = { key: 'at', dir: 'desc' };
type Filters = {
  q: string;
  entity: string | null;
  /** One record (set by a click on it): its id for the query, its name for the chip. */
  record: { id: string; name: string | null } | null;
  /** One actor (set by a click on the name). */
  actor: { id: string; name: string } | null;
  action: string | null;
  from: string | null;
  to: string | null;
};
const EMPTY: Filters = { q: '', entity: null, record: null, actor: null, action: null, from: null, to: null };

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFiltersNow] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<JournalOrder>(FIRST_SORT);
  const [debounced] = useDebouncedValue(filters, 350);
  // A new filter starts again from the first page.
  const setFilters = (next: Filters | ((f: Filters) => Filters)) => {
    setFiltersNow(next);
    setPage(1);
  };
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  // Empty values are left out of the query string.
  const query = {
    q: debounced.q.trim(),
    entity: debounced.entity ?? undefined,
    entityId: debounced.record?.id,
    actorId: debounced.actor?.id,
    action: debounced.action ?? undefined,
    from: debounced.from ?? undefined,
    to: debounced.to ?? undefined,
    sort: sort.key,
    dir: sort.dir,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  } satisfies JournalQueryIn;

  const journal = useQuery({
    // The labels come from the server in the page's language.
    queryKey: ['audit', query, i18n.language],
    queryFn: () => api.get<JournalListOut>('/api/audit', { query }),
    placeholderData: keepPreviousData,
  });
  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY);
  const vocabulary = journal.data?.vocabulary ?? { entities: [], actions: [] };
  const showRecord = (id: string, entity: string | null, name: string | null = null) =>
    setFilters((f) => ({ ...f, entity: entity ?? f.entity, record: { id, name } }));

  // Sortable: the time (the # column is the journal's order too) and the actor (the server's sorts).
  const columns: Column<JournalEntryOut>[] = [
    {
      key: 'id',
      header: '#',
      sortable: false,
      cell: (e) => (
        <Text size="xs" c="dimmed">
          {e.id}
        </Text>
      ),
    },
    {
      key: 'at',
      header: t('history.at'),
      sortable: true,
      firstDir: 'desc',
      cellStyle: { whiteSpace: 'nowrap' },
      cell: (e) => formatDateTime(e.at),
    },
    {
      key: 'actor',
      header: t('history.actor'),
      sortable: true,
      cellStyle: { minWidth: 140 },
      cell: (e) =>
        e.actorId ? (
          <UnstyledButton
            onClick={() =>
              setFilters((f) => ({
                ...f,
                actor: { id: e.actorId!, name: e.actorName ?? t('history.system') },
              }))
            }
            title={t('audit.filterByActor')}
            aria-label={t('audit.filterByActorNamed', { name: e.actorName ?? '' })}
            fz="sm"
          >
            {e.actorName ?? t('audit.value.record')}
          </UnstyledButton>
        ) : (
          t('history.system')
        ),
    },
    {
      key: 'action',
      header: t('audit.action'),
      sortable: false,
      cell: (e) => (
        <Badge variant="light" color={actionColor(e.action)} style={{ textTransform: 'none' }}>
          {e.actionLabel}
        </Badge>
      ),
    },
    {
      key: 'record',
      header: t('audit.record'),
      sortable: false,
      cellStyle: { maxWidth: 260 },
      cell: (e) => (
        <>
          <Text size="xs" c="dimmed">
            {e.entityLabel}
          </Text>
          {e.recordRef ? (
            <Anchor
              component="button"
              type="button"
              fz="sm"
              ta="left"
              onClick={() => showRecord(e.recordRef!, e.entity, e.recordName)}
              title={t('audit.filterByRecord')}
              data-testid="audit-record"
            >
              {e.recordName ?? t('audit.value.record')}
            </Anchor>
          ) : (
            <Text size="sm">{e.recordName ?? ''}</Text>
          )}
        </>
      ),
    },
    {
      key: 'changes',
      header: t('history.changes'),
      sortable: false,
      cellStyle: { minWidth: 300, maxWidth: 440 },
      cell: (e) => (
        <ChangeList changes={e.changes} max={5} onRecord={(id, entity) => showRecord(id, entity)} />
      ),
    },
    {
      key: 'origin',
      header: t('audit.origin'),
      sortable: false,
      cell: (e) => (
        <Text size="xs" c="dimmed">
          {e.ip ?? ''}
        </Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.lead')} />
      <Card withBorder padding="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            label={t('audit.search')}
            placeholder={t('audit.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={filters.q}
            onChange={(e) => set('q', e.currentTarget.value)}
            data-testid="audit-search"
          />
          <Select
            label={t('audit.entity')}
            clearable
            placeholder={t('common.all')}
            value={filters.entity}
            onChange={(v) => set('entity', v)}
            searchable
            data={vocabulary.entities}
            data-testid="audit-entity"
          />
          <Select
            label={t('audit.action')}
            clearable
            searchable
            placeholder={t('common.all')}
            value={filters.action}
            onChange={(v) => set('action', v)}
            data={vocabulary.actions}
            data-testid="audit-action"
          />
          <DateField label={t('audit.from')} value={filters.from} onChange={(v) => set('from', v)} />
          <DateField label={t('audit.to')} value={filters.to} onChange={(v) => set('to', v)} />
          <Group align="flex-end" gap="xs">
            {filters.record && (
              <Badge
                variant="light"
                size="lg"
                maw="100%"
                style={{ textTransform: 'none' }}
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={t('audit.clearRecord')}
                    onClick={() => setFilters((f) => ({ ...f, record: null }))}
                  />
                }
                data-testid="audit-record-filter"
              >
                {t('audit.onlyRecord', { name: filters.record.name ?? t('audit.value.record') })}
              </Badge>
            )}
            {filters.actor && (
              <Badge
                variant="light"
                size="lg"
                maw="100%"
                style={{ textTransform: 'none' }}
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={t('audit.clearActor')}
                    onClick={() => setFilters((f) => ({ ...f, actor: null }))}
                  />
                }
              >
                {t('audit.onlyActor', { name: filters.actor.name })}
              </Badge>
            )}
            {filtered && (
              <Button
                variant="subtle"
                leftSection={<IconFilterOff size={14} aria-hidden />}
                onClick={() => setFilters(EMPTY)}
              >
                {t('common.clearFilters')}
              </Button>
            )}
            {journal.isFetching && <Loader size="xs" aria-label={t('common.loading')} />}
          </Group>
        </SimpleGrid>
      </Card>

      {journal.isError && <ErrorAlert error={journal.error} />}

      {journal.data && (
        <Card withBorder padding="sm">
          <DataTable
            mode="server"
            rows={journal.data.items}
            total={journal.data.total ?? journal.data.items.length}
            page={page}
            pageSize={PAGE_SIZE}
            onPageChange={setPage}
            sort={sort}
            onSortChange={(next: SortState) => {
              setSort((next as JournalOrder | null) ?? FIRST_SORT);
              setPage(1);
            }}
            columns={columns}
            rowKey={(e) => String(e.id)}
            rowProps={() => ({ 'data-testid': 'audit-row' })}
            empty={t('common.nothingFound')}
            minWidth={1040}
            label={t('audit.title')}
            testId="audit-table"
          />
        </Card>
      )}
    </>
  );
}
