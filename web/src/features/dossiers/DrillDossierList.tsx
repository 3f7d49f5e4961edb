import { Alert, Badge, Button, Center, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { DataTable, type Column } from '../../components/table';
import {
  dossierKeys,
  getDossierPage,
  LIST_CLASSES,
  type DossierRow,
  type DrillClass,
  type View,
} from './dashboardApi';

const STATE_COLOR: Record<DossierRow['state'], string> = {
  early: 'teal',
  on_time: 'green',
  late: 'red',
  not_yet_due: 'blue',
  due_soon: 'yellow',
  overdue: 'red',
  suspended: 'gray',
  withdrawn: 'gray',
  not_received: 'gray',
};

/**
 * The dossiers behind one number: the server selects them with the same rule that counted them, a page at
 * a time (keyset cursor: pages stay stable while new dossiers arrive).
 */
export function DrillDossierList({
  view,
  cls,
  onClass,
  pageSize = 25,
}: {
  view: View;
  cls: DrillClass;
  /** When given, a picker lets the reader switch the class. */
  onClass?: (cls: DrillClass) => void;
  pageSize?: number;
}) {
  const { t } = useTranslation();
  // Cursors of the pages visited so far: cursors[i] opens page i (null for the first).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState(0);
  const [firstCount, setFirstCount] = useState<number | null>(null);
  const cursor = cursors[page] ?? null;
  const query = useQuery({
    queryKey: [...dossierKeys.list(view, cls), cursor, pageSize],
    queryFn: async () => {
      const r = await getDossierPage(view, cls, cursor, pageSize);
      if (r.count !== null) setFirstCount(r.count);
      return r;
    },
    placeholderData: keepPreviousData,
  });
  const reset = (next: DrillClass) => {
    setCursors([null]);
    setPage(0);
    setFirstCount(null);
    onClass?.(next);
  };
  const data = query.data;
  const count = firstCount ?? data?.count ?? null;
  const columns: Column<DossierRow>[] = [
    {
      key: 'code',
      header: t('dossiers.list.code'),
      cell: (d) => (
        <>
          <Text size="sm" fw={500} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {d.code}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`dossiers.channel.${d.channel}`)}
          </Text>
        </>
      ),
    },
    {
      key: 'procedure',
      header: t('dossiers.list.procedure'),
      cellStyle: { maxWidth: 280 },
      cell: (d) => (
        <>
          <Text size="sm">{d.procedure.name}</Text>
          <Text size="xs" c="dimmed">
            {d.procedure.code}
          </Text>
        </>
      ),
    },
    { key: 'unit', header: t('dossiers.list.unit'), cell: (d) => <Text size="sm">{d.unit.name}</Text> },
    { key: 'received', header: t('dossiers.list.received'), cell: (d) => formatDateTime(d.receivedAt) },
    { key: 'due', header: t('dossiers.list.due'), cell: (d) => formatDate(d.dueDay) },
    { key: 'resolved', header: t('dossiers.list.resolved'), cell: (d) => formatDateTime(d.resolvedAt) },
    {
      key: 'state',
      header: t('dossiers.list.class'),
      cell: (d) => (
        <>
          <Badge color={STATE_COLOR[d.state]} variant="light">
            {t(`dossiers.state.${d.state}`)}
          </Badge>
          {d.weight < 1 && (
            <Text size="xs" c="dimmed">
              {t('dossiers.drill.share', { share: formatNumber(d.weight * 100, 1) })}
            </Text>
          )}
        </>
      ),
    },
  ];
  return (
    <Stack gap="sm" data-testid="drill-list">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        {onClass ? (
          <Select
            label={t('dossiers.drill.class')}
            data={LIST_CLASSES.map((c) => ({ value: c, label: t(`dossiers.class.${c}`) }))}
            value={cls}
            onChange={(v) => v && reset(v as DrillClass)}
            allowDeselect={false}
            w={280}
            data-testid="drill-class"
          />
        ) : (
          <span />
        )}
        {count !== null && (
          <Text size="sm" c="dimmed" data-testid="drill-count">
            {t('dossiers.drill.count', { count, formatted: formatNumber(count) })}
            {data ? ` · ${t('dossiers.drill.stockDay', { date: formatDate(data.stockDay) })}` : ''}
          </Text>
        )}
      </Group>
      {query.isLoading && (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {query.isError && <ErrorAlert error={query.error} />}
      {data && data.items.length === 0 && (
        <Alert color="gray" data-testid="drill-empty">
          {t('dossiers.drill.empty')}
        </Alert>
      )}
      {data && data.items.length > 0 && (
        // One page of the server's keyset pages: in receipt order, not re-sorted here.
        <DataTable
          rows={data.items}
          columns={columns}
          rowKey={(d) => d.id}
          pageSize={0}
          minWidth={860}
          label={t('dossiers.drill.title')}
          testId="drill-table"
          tableProps={{ highlightOnHover: false }}
          rowProps={(d) => ({ 'data-testid': 'drill-row', 'data-code': d.code })}
        />
      )}
      {data && (page > 0 || data.nextCursor) && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="drill-page">
            {t('dossiers.drill.page', { page: page + 1 })}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconChevronLeft size={14} aria-hidden />}
              disabled={page === 0}
              onClick={() => setPage((p) => p - 1)}
              data-testid="drill-prev"
            >
              {t('common.previousPage')}
            </Button>
            <Button
              variant="default"
              size="xs"
              rightSection={<IconChevronRight size={14} aria-hidden />}
              disabled={!data.nextCursor || query.isPlaceholderData}
              onClick={() => {
                setCursors((list) => [...list.slice(0, page + 1), data.nextCursor]);
                setPage((p) => p + 1);
              }}
              data-testid="drill-next"
            >
              {t('common.nextPage')}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}
