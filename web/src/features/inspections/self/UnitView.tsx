import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Flex,
  Group,
  Loader,
  Paper,
  RingProgress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconInfoCircle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DataTable, type Column } from '../../../components/table';
import { formatDate, formatNumber } from '../../../lib/format';
import {
  deleteRecord,
  getCoverage,
  listRecords,
  selfKeys,
  type Coverage,
  type SelfInspection,
  type SubUnit,
} from './api';
import { formatPercent } from './parts';
import { RecordModal } from './RecordModal';

/** Narrower than this, records are cards. */
const PHONE = '(max-width: 48em)';

/** The gauge: x of y, the share against the threshold, met or how many more. */
function Gauge({ c }: { c: Coverage }) {
  const { t } = useTranslation();
  const reached = c.status === 'reached';
  const color = c.status === 'no_sub_units' ? 'gray' : reached ? 'teal' : 'orange';
  const thresholdPct = c.threshold * 100;
  return (
    <Card withBorder padding="lg" data-testid="self-gauge" data-status={c.status}>
      <Flex gap="lg" direction={{ base: 'column', xs: 'row' }} align={{ base: 'flex-start', xs: 'center' }}>
        <RingProgress
          size={124}
          thickness={13}
          roundCaps
          style={{ flexShrink: 0 }}
          sections={[{ value: Math.min(100, c.percent ?? 0), color }]}
          label={
            <Center>
              <Stack gap={0} align="center">
                {reached && <IconCheck size={20} color="var(--mantine-color-teal-7)" aria-hidden />}
                <Text fw={700} size="lg" data-testid="self-percent">
                  {formatPercent(c.percent)}
                </Text>
              </Stack>
            </Center>
          }
          aria-label={t('selfInspections.gauge.label')}
        />
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Text fw={700} size="lg" data-testid="self-counts">
            {t('selfInspections.gauge.counts', {
              inspected: formatNumber(c.inspected),
              total: formatNumber(c.total),
            })}
          </Text>
          {c.status !== 'no_sub_units' && (
            <Group gap="xs">
              <Badge
                color={reached ? 'teal' : 'orange'}
                variant="filled"
                style={{ textTransform: 'none' }}
                data-testid="self-reached"
              >
                {reached ? t('selfInspections.gauge.reached') : t('selfInspections.gauge.notReached')}
              </Badge>
              {!reached && (
                <Text size="sm" data-testid="self-missing">
                  {t('selfInspections.gauge.missing', { count: c.missing })}
                </Text>
              )}
            </Group>
          )}
          <Text size="sm" c="dimmed">
            {t('selfInspections.gauge.requirement', {
              threshold: `${formatNumber(thresholdPct, 2)}%`,
              needed: formatNumber(c.needed),
              total: formatNumber(c.total),
              year: c.year,
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('selfInspections.gauge.asOf', { date: formatDate(c.asOf) })}
          </Text>
        </Stack>
      </Flex>
      {c.status === 'no_sub_units' && (
        <Alert
          color="gray"
          mt="md"
          icon={<IconInfoCircle size={18} aria-hidden />}
          data-testid="self-no-subunits"
        >
          {t('selfInspections.gauge.noSubUnits', { unit: c.unit.name, date: formatDate(c.asOf) })}
        </Alert>
      )}
    </Card>
  );
}

/** The sub-units, inspected or not yet, with the dates. */
function SubUnits({ units }: { units: SubUnit[] }) {
  const { t } = useTranslation();
  if (!units.length) return null;
  return (
    <Card withBorder padding="md" data-testid="self-subunits">
      <Text fw={600} mb="xs">
        {t('selfInspections.subUnits.title')} ({formatNumber(units.length)})
      </Text>
      <Stack gap={0}>
        {units.map((u, i) => (
          <Group
            key={u.id}
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            py={6}
            style={{ borderTop: i ? '1px solid var(--mantine-color-gray-2)' : undefined }}
            data-testid="self-subunit"
            data-inspected={u.inspected}
          >
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {u.name}
              </Text>
              {u.inspectedOn.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('selfInspections.subUnits.on', { dates: u.inspectedOn.map(formatDate).join(', ') })}
                </Text>
              )}
              {u.via.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('selfInspections.subUnits.via', { units: u.via.join(', ') })}
                </Text>
              )}
            </Stack>
            <Badge
              color={u.inspected ? 'teal' : 'gray'}
              variant={u.inspected ? 'light' : 'outline'}
              style={{ textTransform: 'none', flexShrink: 0 }}
            >
              {u.inspected ? t('selfInspections.subUnits.inspected') : t('selfInspections.subUnits.notYet')}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** Edit and delete, when the server says the caller may. */
function RecordActions({ r, onEdit }: { r: SelfInspection; onEdit: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteRecord(r.id, r.version),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('selfInspections.records.deleted') });
      await queryClient.invalidateQueries({ queryKey: selfKeys.all });
    },
    onError: (e) => notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) }),
  });
  const named = { unit: r.inspectedUnit.name, date: formatDate(r.inspectedOn) };
  return (
    <Group gap={4} wrap="nowrap">
      {r.abilities.update && (
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={onEdit}
          aria-label={t('selfInspections.records.editLabel', named)}
          data-testid="self-edit"
        >
          {t('selfInspections.records.edit')}
        </Button>
      )}
      {r.abilities.delete && (
        <ConfirmButton
          size="compact-sm"
          variant="subtle"
          leftSection={<IconTrash size={14} aria-hidden />}
          title={t('selfInspections.records.deleteTitle')}
          message={t('selfInspections.records.deleteMessage', named)}
          confirmLabel={t('selfInspections.records.delete')}
          onConfirm={() => remove.mutateAsync().catch(() => undefined)}
          aria-label={t('selfInspections.records.deleteLabel', named)}
          data-testid="self-delete"
        >
          {t('selfInspections.records.delete')}
        </ConfirmButton>
      )}
    </Group>
  );
}

/** The reform areas inspected, as words ("Cải cách thể chế; Cải cách chế độ công vụ"). */
function Areas({ r, prefix = false }: { r: SelfInspection; prefix?: boolean }) {
  const { t } = useTranslation();
  if (!r.areas.length) return null;
  const text = r.areas.map((a) => t(`selfInspections.areas.${a}`)).join('; ');
  return (
    <Text size={prefix ? 'xs' : 'sm'} c={prefix ? 'dimmed' : undefined} data-testid="self-areas-text">
      {prefix ? `${t('selfInspections.records.areas')}: ${text}` : text}
    </Text>
  );
}

function Details({ r, asOf }: { r: SelfInspection; asOf: string }) {
  const { t } = useTranslation();
  const lines: ReactNode[] = [];
  if (r.note)
    lines.push(
      <Text key="note" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {r.note}
      </Text>,
    );
  if (r.document)
    lines.push(
      <Text key="doc" size="xs" c="dimmed">
        {t('selfInspections.records.document')}: {r.document.numberSymbol} — {r.document.title}
      </Text>,
    );
  if (!r.counted)
    lines.push(
      <Text key="counted" size="xs" c="orange.8" data-testid="self-not-counted">
        {t('selfInspections.records.notCounted', { date: formatDate(asOf) })}
      </Text>,
    );
  if (r.createdByName)
    lines.push(
      <Text key="by" size="xs" c="dimmed">
        {t('selfInspections.records.recordedBy', { name: r.createdByName })}
      </Text>,
    );
  return <Stack gap={4}>{lines}</Stack>;
}

/** The year's records: a table on a wide screen, cards on a phone. */
function Records({
  records,
  asOf,
  year,
  onEdit,
}: {
  records: SelfInspection[];
  asOf: string;
  year: number;
  onEdit: (r: SelfInspection) => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const columns = useMemo(
    (): Column<SelfInspection>[] => [
      {
        key: 'date',
        header: t('selfInspections.records.date'),
        value: (r) => r.inspectedOn,
        cell: (r) => formatDate(r.inspectedOn),
        width: 110,
      },
      {
        key: 'unit',
        header: t('selfInspections.records.inspected'),
        value: (r) => r.inspectedUnit.name,
        cellStyle: { minWidth: 200 },
        cell: (r) => (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {r.inspectedUnit.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`selfInspections.forms.${r.form}`)}
            </Text>
          </Stack>
        ),
      },
      {
        key: 'areas',
        header: t('selfInspections.records.areas'),
        sortable: false,
        cellStyle: { minWidth: 180, maxWidth: 260 },
        cell: (r) => <Areas r={r} />,
      },
      {
        key: 'note',
        header: t('selfInspections.records.note'),
        sortable: false,
        cellStyle: { minWidth: 220 },
        cell: (r) => <Details r={r} asOf={asOf} />,
      },
      {
        key: 'actions',
        header: t('common.actions'),
        sortable: false,
        cell: (r) => <RecordActions r={r} onEdit={() => onEdit(r)} />,
      },
    ],
    [t, asOf, onEdit],
  );
  const empty = (
    <Text c="dimmed" size="sm" data-testid="self-records-empty">
      {t('selfInspections.records.empty', { year })}
    </Text>
  );
  if (phone)
    return records.length === 0 ? (
      empty
    ) : (
      <Stack gap="sm" data-testid="self-records-cards">
        {records.map((r) => (
          <Paper key={r.id} withBorder radius="md" p="sm" data-testid="self-record">
            <Stack gap={6}>
              <Stack gap={0}>
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {r.inspectedUnit.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDate(r.inspectedOn)} · {t(`selfInspections.forms.${r.form}`)}
                </Text>
              </Stack>
              <Areas r={r} prefix />
              <Details r={r} asOf={asOf} />
              {(r.abilities.update || r.abilities.delete) && (
                <Group justify="flex-end">
                  <RecordActions r={r} onEdit={() => onEdit(r)} />
                </Group>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  return (
    <DataTable
      rows={records}
      columns={columns}
      rowKey={(r) => r.id}
      pageSize={0}
      minWidth={860}
      label={t('selfInspections.records.tableLabel')}
      empty={empty}
      testId="self-records"
      rowProps={() => ({ 'data-testid': 'self-record' })}
    />
  );
}

/**
 * One unit's self-inspections of a year: the gauge against the threshold, its sub-units inspected or not yet,
 * the records with "record an inspection", edit and delete (the buttons the server's abilities allow).
 */
export function UnitView({
  unitId,
  year,
  header,
}: {
  unitId: string;
  year: number;
  header: (c: Coverage) => ReactNode;
}) {
  const { t } = useTranslation();
  const coverage = useQuery({
    queryKey: selfKeys.coverage(unitId, year),
    queryFn: () => getCoverage(unitId, year),
  });
  const records = useQuery({
    queryKey: selfKeys.list(unitId, year),
    queryFn: () => listRecords(unitId, year),
  });
  const [editing, setEditing] = useState<SelfInspection | 'new' | null>(null);
  const c = coverage.data;
  if (coverage.isError) return <ErrorAlert error={coverage.error} />;
  if (!c)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  return (
    <>
      {header(c)}
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg" spacing="md" style={{ alignItems: 'start' }}>
        <Gauge c={c} />
        <SubUnits units={c.subUnits} />
      </SimpleGrid>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t('selfInspections.records.title', { year })}
        </Title>
        {c.abilities.record && c.total > 0 && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing('new')}
            data-testid="self-add"
          >
            {t('selfInspections.records.add')}
          </Button>
        )}
      </Group>
      {records.isError && <ErrorAlert error={records.error} />}
      {records.data && (
        <Records records={records.data.items} asOf={c.asOf} year={year} onEdit={(r) => setEditing(r)} />
      )}
      {editing && (
        <RecordModal
          key={editing === 'new' ? 'new' : editing.id}
          opened
          onClose={() => setEditing(null)}
          coverage={c}
          record={editing === 'new' ? null : editing}
        />
      )}
    </>
  );
}
