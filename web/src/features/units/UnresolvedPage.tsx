import { ScrollCue } from '../../components/table';
import { Anchor, Box, Card, Group, Loader, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { listUnresolved, unitKeys } from './api';
import { UnitLink } from './parts';
import { SettleUnresolved } from './SettleUnresolved';

const PAGE_SIZE = 25;

/**
 * `/units/unresolved`: predecessors the source data named but no code matched, and units that ended 2017–2025
 * without a known successor, still open.
 */
export function UnresolvedPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const list = useQuery({
    queryKey: unitKeys.unresolved(debouncedQ, page),
    queryFn: () => listUnresolved(debouncedQ, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/units" {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('units.backToList')}
      </Anchor>
      <PageHeader title={t('units.unresolved.title')} description={t('units.unresolved.pageLead')} />
      <Card withBorder padding="md" mb="md" component="section" aria-label={t('common.filters')}>
        <Group align="flex-end">
          <TextInput
            label={t('units.unresolved.search')}
            placeholder={t('units.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            w={360}
            data-testid="unresolved-search"
          />
          {list.isFetching && <Loader size="sm" aria-label={t('common.loading')} />}
        </Group>
      </Card>
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && (
        <Card withBorder padding={0}>
          <ScrollCue minWidth={800}>
            <Table striped verticalSpacing="sm" data-testid="unresolved-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('units.name')}</Table.Th>
                  <Table.Th>{t('units.unresolved.text')}</Table.Th>
                  <Table.Th>{t('units.unresolved.sourceLine')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((r) => (
                  <Table.Tr key={r.id} data-testid="unresolved-row">
                    <Table.Td>
                      {r.successor ? (
                        <>
                          <UnitLink id={r.successor.id} size="sm" fw={500}>
                            {r.successor.fullName}
                          </UnitLink>
                          <Text size="xs" c="dimmed">
                            {t('units.unresolved.successor')} ·{' '}
                            <Text span ff="monospace" size="xs">
                              {r.successor.code}
                            </Text>
                          </Text>
                        </>
                      ) : r.predecessor ? (
                        <>
                          <UnitLink id={r.predecessor.id} size="sm" fw={500}>
                            {r.predecessor.fullName}
                          </UnitLink>
                          <Text size="xs" c="dimmed">
                            {t('units.unresolved.endedUnit')} ·{' '}
                            <Text span ff="monospace" size="xs">
                              {r.predecessor.code}
                            </Text>
                          </Text>
                        </>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {r.sourceText}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={420}>
                      <Text size="xs" c="dimmed">
                        {r.sourceLine}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.successor ? (
                        <SettleUnresolved item={r} successor={r.successor} />
                      ) : r.predecessor ? (
                        <SettleUnresolved item={r} ended={r.predecessor} />
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollCue>
          {list.data.items.length === 0 && (
            <Text c="dimmed" ta="center" py="md">
              {t('units.unresolved.none')}
            </Text>
          )}
          <Box px="md" pb="md">
            <Pager total={list.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
          </Box>
        </Card>
      )}
    </>
  );
}
