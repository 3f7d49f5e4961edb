import { Badge, Card, Group, Loader, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useUnits } from '../../components/UnitSelect';
import { api } from '../../lib/api';
import { formatDate, formatNumber, sortVi } from '../../lib/format';
import type { Unit } from '../../lib/types';

const KINDS = [
  'province',
  'department',
  'district',
  'commune',
  'management_board',
  'party_body',
  'mass_organisation',
  'other',
] as const;

export function UnitsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [asOf, setAsOf] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);

  const units = useQuery({
    queryKey: ['units', 'list', debouncedQ, asOf, kind],
    queryFn: () =>
      api.get<{ items: Unit[] }>('/api/units', { query: { q: debouncedQ, asOf, kind, limit: 2000 } }),
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => sortVi(units.data?.items ?? [], (u) => u.name), [units.data]);
  const all = useUnits();
  const parents = useMemo(
    () => new Map([...(all.data?.items ?? []), ...(units.data?.items ?? [])].map((u) => [u.id, u.name])),
    [all.data, units.data],
  );

  return (
    <>
      <PageHeader title={t('units.title')} description={t('units.lead')} />
      <Card withBorder padding="md" mb="md">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('units.search')}
            placeholder={t('units.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={320}
            data-testid="units-search"
          />
          <DateField
            label={t('units.asOf')}
            value={asOf}
            onChange={setAsOf}
            w={200}
            data-testid="units-asof"
          />
          <Select
            label={t('units.kind')}
            clearable
            w={240}
            value={kind}
            onChange={setKind}
            data={KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
            placeholder={t('common.all')}
          />
          {units.isFetching && <Loader size="sm" aria-label={t('common.loading')} />}
        </Group>
      </Card>
      {units.isError && <ErrorAlert error={units.error} />}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="units-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('units.code')}</Table.Th>
                <Table.Th>{t('units.name')}</Table.Th>
                <Table.Th>{t('units.kind')}</Table.Th>
                <Table.Th>{t('units.parent')}</Table.Th>
                <Table.Th>{t('units.validity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td className="nowrap">
                    <Text size="sm" ff="monospace">
                      {u.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {u.name}
                    </Text>
                    {u.fullName !== u.name && (
                      <Text size="xs" c="dimmed">
                        {u.fullName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {t(`unitKinds.${u.kind}`, { defaultValue: u.kind })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{u.parentId ? (parents.get(u.parentId) ?? '') : ''}</Table.Td>
                  <Table.Td className="nowrap">
                    {formatDate(u.validFrom)} – {u.validTo ? formatDate(u.validTo) : t('units.now')}
                  </Table.Td>
                </Table.Tr>
              ))}
              {units.data && items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('common.nothingFound')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {units.data && (
        <Text size="sm" c="dimmed" mt="sm" data-testid="units-count">
          {t('units.count', { count: items.length, total: formatNumber(items.length) })}
        </Text>
      )}
    </>
  );
}
