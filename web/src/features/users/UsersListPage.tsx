import { Anchor, Button, Card, Group, Loader, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { DataTable, type Column, type SortState } from '../../components/table';
import { formatDateTime } from '../../lib/format';
import { listUsers, userKeys, type User, type UserListSort } from './api';
import { UserStatus } from './UserStatus';

const PAGE_SIZE = 25;
const FIRST_SORT: UserListSort = { key: 'fullName', dir: 'asc' };

export function UsersListPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<UserListSort>(FIRST_SORT);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const list = useQuery({
    queryKey: userKeys.list(debouncedQ, page, sort),
    queryFn: () => listUsers(debouncedQ, PAGE_SIZE, (page - 1) * PAGE_SIZE, sort),
    placeholderData: keepPreviousData,
  });
  // The sortable columns' keys are the server's sorts (`USER_SORTS`); the server sorts, then pages.
  const columns: Column<User>[] = [
    {
      key: 'fullName',
      header: t('users.fullName'),
      sortable: true,
      cellStyle: { minWidth: 160 },
      cell: (u) => (
        <Anchor
          renderRoot={(props) => <Link to="/users/$userId" params={{ userId: u.id }} {...props} />}
          fw={600}
          size="sm"
        >
          {u.fullName}
        </Anchor>
      ),
    },
    { key: 'email', header: t('users.email'), sortable: true, cell: (u) => u.email },
    { key: 'unit', header: t('users.unit'), sortable: true, cell: (u) => u.unitName ?? '' },
    { key: 'position', header: t('users.position'), sortable: true, cell: (u) => u.position ?? '' },
    { key: 'status', header: t('users.status'), sortable: false, cell: (u) => <UserStatus user={u} /> },
    {
      key: 'lastLoginAt',
      header: t('users.lastLogin'),
      sortable: true,
      firstDir: 'desc',
      cellStyle: { whiteSpace: 'nowrap' },
      cell: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.never')),
    },
  ];

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
      {list.data && (
        <Card withBorder padding="sm">
          <DataTable
            mode="server"
            rows={list.data.items}
            total={list.data.total}
            page={page}
            pageSize={PAGE_SIZE}
            onPageChange={setPage}
            sort={sort}
            onSortChange={(next: SortState) => {
              setSort((next as UserListSort | null) ?? FIRST_SORT);
              setPage(1);
            }}
            columns={columns}
            rowKey={(u) => u.id}
            rowProps={() => ({ 'data-testid': 'user-row' })}
            empty={t('common.nothingFound')}
            minWidth={800}
            label={t('users.title')}
            testId="users-table"
            tableProps={{ verticalSpacing: 'sm' }}
          />
        </Card>
      )}
    </>
  );
}
