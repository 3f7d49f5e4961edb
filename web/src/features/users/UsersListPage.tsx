import { Anchor, Button, Card, Group, Loader, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { formatDateTime } from '../../lib/format';
import { listUsers, userKeys } from './api';
import { UserStatus } from './UserStatus';

const PAGE_SIZE = 25;

export function UsersListPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const list = useQuery({
    queryKey: userKeys.list(debouncedQ, page),
    queryFn: () => listUsers(debouncedQ, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.lead')}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            renderRoot={(props) => <Link to="/users/new" {...props} />}
            data-testid="user-new"
          >
            {t('users.new')}
          </Button>
        }
      />
      <Card withBorder padding="md" mb="md">
        <Group align="flex-end">
          <TextInput
            label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            w={360}
            data-testid="users-search"
          />
          {list.isFetching && <Loader size="xs" aria-label={t('common.loading')} />}
        </Group>
      </Card>
      {list.isError && <ErrorAlert error={list.error} />}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.fullName')}</Table.Th>
                <Table.Th>{t('users.email')}</Table.Th>
                <Table.Th>{t('users.unit')}</Table.Th>
                <Table.Th>{t('users.position')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th>{t('users.lastLogin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.items.map((u) => (
                <Table.Tr key={u.id} data-testid="user-row">
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link to="/users/$userId" params={{ userId: u.id }} {...props} />
                      )}
                      fw={600}
                      size="sm"
                    >
                      {u.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{u.unitName ?? ''}</Table.Td>
                  <Table.Td>{u.position ?? ''}</Table.Td>
                  <Table.Td>
                    <UserStatus user={u} />
                  </Table.Td>
                  <Table.Td className="nowrap">
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.never')}
                  </Table.Td>
                </Table.Tr>
              ))}
              {list.data && list.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
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
      {list.data && <Pager total={list.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />}
    </>
  );
}
