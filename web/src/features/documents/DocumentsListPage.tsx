import { Anchor, Button, Card, Group, Loader, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconPaperclip, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { DataTable, type Column, type SortState } from '../../components/table';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDate } from '../../lib/format';
import { AccessBadge } from './AccessBadge';
import {
  ACCESS_LEVELS,
  documentKeys,
  listDocuments,
  type Document,
  type DocumentFilters,
  type DocumentListSort,
} from './api';
import { DocumentTypeSelect } from './DocumentTypeSelect';

const PAGE_SIZE = 20;
const EMPTY: DocumentFilters = { q: '', type: null, unitId: null, access: null, from: null, to: null };
/** Newest first, as the register is read. */
const FIRST_SORT: DocumentListSort = { key: 'issuedOn', dir: 'desc' };

export function DocumentsListPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<DocumentFilters>(EMPTY);
  const [page, setPage] = useState(1);
  const [debouncedQ] = useDebouncedValue((filters.q ?? '').trim(), 300);
  const effective = { ...filters, q: debouncedQ };

  const set = <K extends keyof DocumentFilters>(key: K, value: DocumentFilters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };

  const [sort, setSort] = useState<DocumentListSort>(FIRST_SORT);
  const list = useQuery({
    queryKey: documentKeys.list(effective, page, sort),
    queryFn: () => listDocuments(effective, PAGE_SIZE, (page - 1) * PAGE_SIZE, sort),
    placeholderData: keepPreviousData,
  });
  // The sortable columns' keys are the server's sorts (`DOCUMENT_SORTS`); the server sorts, then pages.
  const columns: Column<Document>[] = [
    {
      key: 'numberSymbol',
      header: t('documents.numberSymbol'),
      sortable: true,
      cellStyle: { whiteSpace: 'nowrap' },
      cell: (d) => (
        <Anchor
          renderRoot={(props) => (
            <Link to="/documents/$documentId" params={{ documentId: d.id }} {...props} />
          )}
          fw={600}
          size="sm"
        >
          {d.numberSymbol}
        </Anchor>
      ),
    },
    {
      key: 'issuedOn',
      header: t('documents.issuedOn'),
      sortable: true,
      firstDir: 'desc',
      cellStyle: { whiteSpace: 'nowrap' },
      cell: (d) => formatDate(d.issuedOn),
    },
    {
      key: 'type',
      header: t('documents.type'),
      sortable: false,
      cell: (d) => t(`documentTypes.${d.type}`, { defaultValue: d.type }),
    },
    {
      key: 'title',
      header: t('documents.titleField'),
      sortable: true,
      cell: (d) => (
        <>
          <Text size="sm" lineClamp={2}>
            {d.title}
          </Text>
          {d.files.length > 0 && (
            <Group gap={2} c="dimmed">
              <IconPaperclip size={12} aria-hidden />
              <Text size="xs">{t('documents.filesCount', { count: d.files.length })}</Text>
            </Group>
          )}
        </>
      ),
    },
    { key: 'issuer', header: t('documents.issuer'), sortable: true, cell: (d) => d.issuer },
    { key: 'unit', header: t('documents.unit'), sortable: true, cell: (d) => d.unitName },
    {
      key: 'access',
      header: t('documents.access'),
      sortable: true,
      cellStyle: { whiteSpace: 'nowrap' },
      cell: (d) => <AccessBadge access={d.access} />,
    },
  ];
  // Shown only once the server says so (not while the list loads): a button offered then refused is worse than none.
  const canCreate = list.data?.abilities?.create ?? false;
  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY);

  return (
    <>
      <PageHeader
        title={t('documents.title')}
        description={t('documents.lead')}
        actions={
          canCreate && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              renderRoot={(props) => <Link to="/documents/new" {...props} />}
              data-testid="document-new"
            >
              {t('documents.new')}
            </Button>
          )
        }
      />
      <Card withBorder padding="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('documents.search')}
            placeholder={t('documents.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={filters.q ?? ''}
            onChange={(e) => set('q', e.currentTarget.value)}
            data-testid="documents-search"
          />
          <DocumentTypeSelect
            label={t('documents.type')}
            clearable
            placeholder={t('common.all')}
            value={filters.type ?? null}
            onChange={(v) => set('type', v)}
            data-testid="documents-filter-type"
          />
          <UnitSelect
            label={t('documents.unit')}
            scope="province"
            includeEnded
            placeholder={t('common.all')}
            value={filters.unitId ?? null}
            onChange={(v) => set('unitId', v)}
            data-testid="documents-filter-unit"
          />
          <Select
            label={t('documents.access')}
            clearable
            placeholder={t('common.all')}
            value={filters.access ?? null}
            onChange={(v) => set('access', v)}
            data={ACCESS_LEVELS.map((a) => ({ value: a, label: t(`access.${a}`) }))}
            data-testid="documents-filter-access"
          />
          <DateField
            label={t('documents.issuedFrom')}
            value={filters.from ?? null}
            onChange={(v) => set('from', v)}
          />
          <DateField
            label={t('documents.issuedTo')}
            value={filters.to ?? null}
            onChange={(v) => set('to', v)}
          />
        </SimpleGrid>
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {list.data ? t('documents.found', { count: list.data.total }) : ''}
          </Text>
          <Group gap="xs">
            {list.isFetching && <Loader size="xs" aria-label={t('common.loading')} />}
            {filtered && (
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconFilterOff size={14} aria-hidden />}
                onClick={() => {
                  setFilters(EMPTY);
                  setPage(1);
                }}
              >
                {t('common.clearFilters')}
              </Button>
            )}
          </Group>
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
              setSort((next as DocumentListSort | null) ?? FIRST_SORT);
              setPage(1);
            }}
            columns={columns}
            rowKey={(d) => d.id}
            rowProps={() => ({ 'data-testid': 'document-row' })}
            empty={filtered ? t('common.nothingFound') : t('documents.empty')}
            minWidth={900}
            label={t('documents.title')}
            testId="documents-table"
            tableProps={{ verticalSpacing: 'sm' }}
          />
        </Card>
      )}
    </>
  );
}
