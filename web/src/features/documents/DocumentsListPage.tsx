import {
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconPaperclip, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDate } from '../../lib/format';
import { AccessBadge } from './AccessBadge';
import { ACCESS_LEVELS, documentKeys, listDocuments, type DocumentFilters } from './api';
import { DocumentTypeSelect } from './DocumentTypeSelect';

const PAGE_SIZE = 20;
const EMPTY: DocumentFilters = { q: '', type: null, unitId: null, access: null, from: null, to: null };

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

  const list = useQuery({
    queryKey: documentKeys.list(effective, page),
    queryFn: () => listDocuments(effective, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const canCreate = list.data?.abilities?.create ?? true;
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

      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="documents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.numberSymbol')}</Table.Th>
                <Table.Th>{t('documents.issuedOn')}</Table.Th>
                <Table.Th>{t('documents.type')}</Table.Th>
                <Table.Th>{t('documents.titleField')}</Table.Th>
                <Table.Th>{t('documents.issuer')}</Table.Th>
                <Table.Th>{t('documents.unit')}</Table.Th>
                <Table.Th>{t('documents.access')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.items.map((d) => (
                <Table.Tr key={d.id} data-testid="document-row">
                  <Table.Td className="nowrap">
                    <Anchor
                      renderRoot={(props) => (
                        <Link to="/documents/$documentId" params={{ documentId: d.id }} {...props} />
                      )}
                      fw={600}
                      size="sm"
                    >
                      {d.numberSymbol}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="nowrap">{formatDate(d.issuedOn)}</Table.Td>
                  <Table.Td>{t(`documentTypes.${d.type}`, { defaultValue: d.type })}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {d.title}
                    </Text>
                    {d.files.length > 0 && (
                      <Group gap={2} c="dimmed">
                        <IconPaperclip size={12} aria-hidden />
                        <Text size="xs">{t('documents.filesCount', { count: d.files.length })}</Text>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>{d.issuer}</Table.Td>
                  <Table.Td>{d.unitName}</Table.Td>
                  <Table.Td className="nowrap">
                    <AccessBadge access={d.access} />
                  </Table.Td>
                </Table.Tr>
              ))}
              {list.data && list.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text c="dimmed" ta="center" py="lg">
                      {filtered ? t('common.nothingFound') : t('documents.empty')}
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
