import {
  Badge,
  Button,
  Card,
  Code,
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
const ENTITIES = ['user', 'grant', 'document', 'file', 'unit', 'session'] as const;
const ACTIONS = [
  'create',
  'update',
  'delete',
  'attach_file',
  'detach_file',
  'password_change',
  'lock',
  'read',
  'legal_basis',
  'deactivate_demo',
] as const;

type Filters = {
  q: string;
  entity: string | null;
  entityId: string;
  actorId: string;
  action: string | null;
  from: string | null;
  to: string | null;
};
const EMPTY: Filters = { q: '', entity: null, entityId: '', actorId: '', action: null, from: null, to: null };

const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AuditPage() {
  const { t } = useTranslation();
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
  const actorIdInvalid = debounced.actorId.trim() !== '' && !UUID.test(debounced.actorId.trim());

  // Empty values are left out of the query string.
  const query = {
    q: debounced.q.trim(),
    entity: debounced.entity ?? undefined,
    entityId: debounced.entityId.trim(),
    actorId: actorIdInvalid ? '' : debounced.actorId.trim(),
    action: debounced.action ?? undefined,
    from: debounced.from ?? undefined,
    to: debounced.to ?? undefined,
    sort: sort.key,
    dir: sort.dir,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  } satisfies JournalQueryIn;

  const journal = useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<JournalListOut>('/api/audit', { query }),
    placeholderData: keepPreviousData,
  });
  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY);

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
            onClick={() => setFilters((f) => ({ ...f, actorId: e.actorId ?? '' }))}
            title={t('audit.filterByActor')}
            aria-label={t('audit.filterByActorNamed', { name: e.actorName ?? e.actorId })}
            fz="sm"
          >
            {e.actorName ?? e.actorId}
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
        <Badge variant="light" color={actionColor(e.action)}>
          {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
        </Badge>
      ),
    },
    {
      key: 'record',
      header: t('audit.record'),
      sortable: false,
      cell: (e) => (
        <>
          <Text size="sm">{t(`audit.entities.${e.entity}`, { defaultValue: e.entity })}</Text>
          <UnstyledButton
            onClick={() => setFilters((f) => ({ ...f, entity: e.entity, entityId: e.entityId }))}
            aria-label={t('audit.filterByRecord', { id: e.entityId })}
            title={t('audit.filterByRecord', { id: e.entityId })}
          >
            <Code fz="xs">{e.entityId.slice(0, 8)}</Code>
          </UnstyledButton>
        </>
      ),
    },
    {
      key: 'changes',
      header: t('history.changes'),
      sortable: false,
      cellStyle: { maxWidth: 420 },
      cell: (e) => <ChangeList before={e.before} after={e.after} max={4} />,
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
            data={ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
            data-testid="audit-entity"
          />
          <Select
            label={t('audit.action')}
            clearable
            searchable
            placeholder={t('common.all')}
            value={filters.action}
            onChange={(v) => set('action', v)}
            data={ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
            data-testid="audit-action"
          />
          <TextInput
            label={t('audit.entityId')}
            value={filters.entityId}
            onChange={(e) => set('entityId', e.currentTarget.value)}
            styles={MONO}
            data-testid="audit-entity-id"
          />
          <TextInput
            label={t('audit.actorId')}
            value={filters.actorId}
            onChange={(e) => set('actorId', e.currentTarget.value)}
            error={actorIdInvalid ? t('audit.actorIdInvalid') : undefined}
            styles={MONO}
          />
          <DateField label={t('audit.from')} value={filters.from} onChange={(v) => set('from', v)} />
          <DateField label={t('audit.to')} value={filters.to} onChange={(v) => set('to', v)} />
          <Group align="flex-end">
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
            minWidth={960}
            label={t('audit.title')}
            testId="audit-table"
          />
        </Card>
      )}
    </>
  );
}
