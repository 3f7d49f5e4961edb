import {
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Pager } from '../../../components/Pager';
import { DataTable, type Column } from '../../../components/table';
import { formatDate, formatNumber } from '../../../lib/format';
import {
  getProvince,
  KINDS,
  provinceXlsxHref,
  selfKeys,
  type InspectingKind,
  type ProvinceFilters,
  type ProvinceRow,
} from './api';
import { formatPercent, formatShare, StatusBadge } from './parts';

/** Narrower than this, units are cards. */
const PHONE = '(max-width: 48em)';
const PAGE_SIZE = 25;

function UnitLink({ row, year }: { row: ProvinceRow; year: number }) {
  const { t } = useTranslation();
  return (
    <Anchor
      fw={600}
      size="sm"
      style={{ overflowWrap: 'anywhere' }}
      aria-label={t('selfInspections.province.open', { unit: row.name })}
      renderRoot={(props) => (
        <Link to="/inspections/self/$unitId" params={{ unitId: row.unitId }} search={{ year }} {...props} />
      )}
      data-testid="self-province-unit"
    >
      {row.name}
    </Anchor>
  );
}

function Share({ row }: { row: ProvinceRow }) {
  const { t } = useTranslation();
  if (row.status === 'no_sub_units')
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={0} align="flex-end">
      <Text span size="sm" fw={600}>
        {formatPercent(row.percent)}
      </Text>
      <Text span size="xs" c="dimmed">
        {t('selfInspections.province.ofTotal', {
          inspected: formatNumber(row.inspected),
          total: formatNumber(row.total),
        })}
      </Text>
    </Stack>
  );
}

function Ended({ row }: { row: ProvinceRow }) {
  const { t } = useTranslation();
  return row.validTo ? (
    <Text size="xs" c="dimmed">
      {t('selfInspections.province.ended', { date: formatDate(row.validTo) })}
    </Text>
  ) : null;
}

function CountCard({
  label,
  value,
  color,
  active,
  onClick,
  testId,
}: {
  label: string;
  value: number;
  color?: string;
  active?: boolean;
  onClick?: () => void;
  testId: string;
}) {
  const body: ReactNode = (
    <Stack gap={2}>
      <Text fz={26} fw={700} lh={1.2} c={color} data-testid={`${testId}-value`}>
        {formatNumber(value)}
      </Text>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
    </Stack>
  );
  return (
    <Card
      withBorder
      padding="sm"
      data-testid={testId}
      style={active ? { borderColor: 'var(--mantine-color-orange-5)' } : undefined}
    >
      {onClick ? (
        <UnstyledButton onClick={onClick} aria-pressed={active}>
          {body}
        </UnstyledButton>
      ) : (
        body
      )}
    </Card>
  );
}

/**
 * The province's view for the standing agency and the committee: every department and commune with its coverage of
 * the year, counts, filters by kind and "not reached", each unit opening its own page, and the same as Excel.
 */
export function ProvinceView({ year, header }: { year: number; header: (actions: ReactNode) => ReactNode }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<InspectingKind | null>(null);
  const [notReached, setNotReached] = useState(false);
  const [page, setPage] = useState(1);
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const filters: ProvinceFilters = { year, kind, notReached };
  const view = useQuery({
    queryKey: selfKeys.province(filters),
    queryFn: () => getProvince(filters),
    placeholderData: keepPreviousData,
  });
  const p = view.data;
  const columns = useMemo(
    (): Column<ProvinceRow>[] => [
      {
        key: 'name',
        header: t('selfInspections.province.columns.unit'),
        value: (r) => r.name,
        cellStyle: { minWidth: 240 },
        cell: (r) => (
          <Stack gap={0}>
            <UnitLink row={r} year={year} />
            <Ended row={r} />
          </Stack>
        ),
      },
      {
        key: 'kind',
        header: t('selfInspections.province.columns.kind'),
        value: (r) => t(`selfInspections.kinds.${r.kind}`),
      },
      {
        key: 'inspected',
        header: t('selfInspections.province.columns.share'),
        numeric: true,
        value: (r) => r.percent ?? undefined,
        cell: (r) => <Share row={r} />,
      },
      {
        key: 'status',
        header: t('selfInspections.province.columns.status'),
        value: (r) => t(`selfInspections.status.${r.status}`),
        cell: (r) => <StatusBadge status={r.status} />,
      },
    ],
    [t, year],
  );
  const reset = `${year}|${kind}|${notReached}`;
  const actions = (
    <Button
      component="a"
      href={provinceXlsxHref(filters)}
      download
      variant="default"
      leftSection={<IconDownload size={16} aria-hidden />}
      data-testid="self-excel"
    >
      {t('selfInspections.province.excel')}
    </Button>
  );
  return (
    <>
      {header(actions)}
      {view.isError && <ErrorAlert error={view.error} />}
      {!p && !view.isError && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {p && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md" spacing="sm">
            <CountCard
              label={t('selfInspections.province.counts.units')}
              value={p.counts.units}
              testId="self-count-units"
            />
            <CountCard
              label={t('selfInspections.province.counts.reached')}
              value={p.counts.reached}
              color="teal.8"
              testId="self-count-reached"
            />
            <CountCard
              label={t('selfInspections.province.counts.notReached')}
              value={p.counts.notReached}
              color="orange.8"
              active={notReached}
              onClick={() => {
                setNotReached(!notReached);
                setPage(1);
              }}
              testId="self-count-not-reached"
            />
            <CountCard
              label={t('selfInspections.province.counts.noSubUnits')}
              value={p.counts.noSubUnits}
              color="dimmed"
              testId="self-count-no-subunits"
            />
          </SimpleGrid>
          <Group align="flex-end" gap="lg" mb="xs" wrap="wrap">
            <Select
              label={t('selfInspections.province.kind')}
              data={[
                { value: '', label: t('selfInspections.province.allKinds') },
                ...KINDS.filter((k) => p.kinds.some((x) => x.kind === k)).map((k) => ({
                  value: k,
                  label: `${t(`selfInspections.kinds.${k}`)} (${formatNumber(p.kinds.find((x) => x.kind === k)!.units)})`,
                })),
              ]}
              value={kind ?? ''}
              onChange={(v) => {
                setKind((v || null) as InspectingKind | null);
                setPage(1);
              }}
              allowDeselect={false}
              w={260}
              comboboxProps={{ withinPortal: true }}
              data-testid="self-kind"
            />
            <Switch
              label={t('selfInspections.province.notReachedOnly')}
              checked={notReached}
              onChange={(e) => {
                setNotReached(e.currentTarget.checked);
                setPage(1);
              }}
              mb={6}
              data-testid="self-not-reached"
            />
          </Group>
          <Text size="xs" c="dimmed" mb="sm">
            {t('selfInspections.province.asOf', {
              date: formatDate(p.asOf),
              threshold: formatShare(p.threshold),
            })}
          </Text>
          {phone ? (
            p.items.length === 0 ? (
              <Text c="dimmed" size="sm" data-testid="self-province-empty">
                {t('selfInspections.province.empty')}
              </Text>
            ) : (
              <>
                <Stack gap="sm" data-testid="self-province-cards">
                  {p.items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => (
                    <Paper
                      key={`${r.unitId}|${r.asOf}`}
                      withBorder
                      radius="md"
                      p="sm"
                      data-testid="self-province-card"
                    >
                      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                        <Stack gap={2} style={{ minWidth: 0 }}>
                          <UnitLink row={r} year={year} />
                          <Text size="xs" c="dimmed">
                            {t(`selfInspections.kinds.${r.kind}`)}
                          </Text>
                          <Ended row={r} />
                          <StatusBadge status={r.status} mt={4} />
                        </Stack>
                        <Share row={r} />
                      </Group>
                    </Paper>
                  ))}
                </Stack>
                <Pager total={p.items.length} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
              </>
            )
          ) : (
            <DataTable
              rows={p.items}
              columns={columns}
              rowKey={(r) => `${r.unitId}|${r.asOf}`}
              pageSize={PAGE_SIZE}
              page={page}
              onPageChange={setPage}
              minWidth={720}
              label={t('selfInspections.province.tableLabel')}
              empty={t('selfInspections.province.empty')}
              testId="self-province"
              resetKey={reset}
              rowProps={(r) => ({ 'data-status': r.status })}
            />
          )}
        </>
      )}
    </>
  );
}
