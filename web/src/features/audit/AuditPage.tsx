import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeList } from '../../components/ChangeList';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { actionColor } from '../../components/RecordHistory';
import { api } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { JournalEntry } from '../../lib/types';

const PAGE_SIZE = 50;
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
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [debounced] = useDebouncedValue(filters, 350);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const actorIdInvalid = debounced.actorId.trim() !== '' && !UUID.test(debounced.actorId.trim());

  const query = {
    q: debounced.q.trim(),
    entity: debounced.entity,
    entityId: debounced.entityId.trim(),
    actorId: actorIdInvalid ? '' : debounced.actorId.trim(),
    action: debounced.action,
    from: debounced.from,
    to: debounced.to,
    limit: PAGE_SIZE,
  };

  const journal = useInfiniteQuery({
    queryKey: ['audit', query],
    queryFn: ({ pageParam }) =>
      api.get<{ items: JournalEntry[]; nextBefore: number | null }>('/api/audit', {
        query: { ...query, before: pageParam ?? undefined },
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
  const entries = journal.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY);

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

      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="xs" data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('history.at')}</Table.Th>
                <Table.Th>{t('history.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.record')}</Table.Th>
                <Table.Th>{t('history.changes')}</Table.Th>
                <Table.Th>{t('audit.origin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id} data-testid="audit-row">
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {e.id}
                    </Text>
                  </Table.Td>
                  <Table.Td className="nowrap">{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>
                    {e.actorId ? (
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
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={actionColor(e.action)}>
                      {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`audit.entities.${e.entity}`, { defaultValue: e.entity })}</Text>
                    <UnstyledButton
                      onClick={() => setFilters((f) => ({ ...f, entity: e.entity, entityId: e.entityId }))}
                      aria-label={t('audit.filterByRecord', { id: e.entityId })}
                      title={t('audit.filterByRecord', { id: e.entityId })}
                    >
                      <Code fz="xs">{e.entityId.slice(0, 8)}</Code>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td maw={420}>
                    <ChangeList before={e.before} after={e.after} max={4} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {e.ip ?? ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
              {journal.data && entries.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text c="dimmed" ta="center" py="lg">
                      {t('common.nothingFound')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Group justify="space-between" mt="md">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="audit-count">
          {journal.data
            ? t('audit.shown', { count: entries.length, total: formatNumber(entries.length) })
            : ''}
        </Text>
        {journal.hasNextPage && (
          <Button
            variant="light"
            onClick={() => void journal.fetchNextPage()}
            loading={journal.isFetchingNextPage}
            data-testid="audit-load-more"
          >
            {t('audit.loadMore')}
          </Button>
        )}
      </Group>
    </>
  );
}
