import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconBell, IconReportAnalytics, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { DataTable, type Column } from '../../components/table';
import { foldVi, formatDate, formatNumber } from '../../lib/format';
import { getRound, inLanguage, reportKeys, remindRound, type RoundDetail, type RoundUnit } from './api';
import { Deadline, LateBadge, OverdueBadge, ReportStatusBadge } from './badges';
import { ConfirmModal } from './ConfirmModal';
import { MiniRate, RateFigures, shownRate } from './rates';

type Filter = 'all' | 'notSubmitted';
const notSubmitted = (u: RoundUnit) => u.status === 'draft' || u.status === 'returned';

function ByKind({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  if (round.byKind.length < 1) return null;
  const metrics = [
    { key: 'submitted', color: 'blue', part: 'submitted', rate: 'submittedRate' },
    { key: 'onTime', color: 'teal', part: 'onTime', rate: 'onTimeRate' },
    { key: 'accepted', color: 'green', part: 'accepted', rate: 'acceptedRate' },
  ] as const;
  return (
    <Card withBorder padding="lg" mb="lg" data-testid="round-by-kind">
      <Title order={2} size="h4" mb="sm">
        {t('reports.round.byKind')}
      </Title>
      <SimpleGrid cols={4} spacing="xs" visibleFrom="sm" mb={4}>
        <Text size="xs" c="dimmed" fw={600}>
          {t('reports.round.kind')}
        </Text>
        {metrics.map((m) => (
          <Text key={m.key} size="xs" c="dimmed" fw={600}>
            {t(`reports.rates.${m.key}`)}
          </Text>
        ))}
      </SimpleGrid>
      <Stack gap="sm">
        {round.byKind.map((k) => (
          <SimpleGrid
            key={k.kind}
            cols={{ base: 1, sm: 4 }}
            spacing="xs"
            verticalSpacing={4}
            data-testid="round-kind"
          >
            <Text size="sm" fw={600}>
              {t(`unitKinds.${k.kind}`, { defaultValue: t('unitKinds.other') })}
            </Text>
            {metrics.map((m) => (
              <Group key={m.key} gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed" w={96} hiddenFrom="sm">
                  {t(`reports.rates.${m.key}`)}
                </Text>
                <MiniRate part={k.rates[m.part]} whole={k.rates.expected} color={m.color} />
                <Text size="sm" c="dimmed">
                  {shownRate(k.rates[m.rate])}
                </Text>
              </Group>
            ))}
          </SimpleGrid>
        ))}
      </Stack>
    </Card>
  );
}

function UnitsTable({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  // One unit reminded now (its focal points and leader; once a day per report, the server decides).
  const remindOne = useMutation({
    mutationFn: (unitId: string) => remindRound(round.id, [unitId]),
    onSuccess: (r, unitId) =>
      notifications.show({
        color: 'green',
        message: t('reports.round.remindedOne', {
          unit: round.units.find((u) => u.unitId === unitId)?.unitName ?? '',
          people: formatNumber(r.recipients),
        }),
      }),
    onError: (e) => notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) }),
  });
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    const needle = foldVi(q);
    return round.units.filter(
      (u) => (filter === 'all' || notSubmitted(u)) && (!needle || foldVi(u.unitName).includes(needle)),
    );
  }, [round.units, filter, q]);
  const owed = round.units.filter(notSubmitted).length;
  const columns: Column<RoundUnit>[] = [
    {
      key: 'unit',
      header: t('reports.round.unit'),
      value: (u) => u.unitName,
      cell: (u) => (
        <Stack gap={0}>
          <Anchor
            size="sm"
            fw={500}
            renderRoot={(props) => (
              <Link to="/reports/$reportId" params={{ reportId: u.reportId }} {...props} />
            )}
            data-testid="round-unit-link"
          >
            {u.unitName}
          </Anchor>
          {u.unitEnded && (
            <Text size="xs" c="dimmed">
              {t('reports.round.unitEnded')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('reports.round.status'),
      value: (u) => t(`reports.status.${u.status}`),
      cell: (u) => (
        <Group gap={4} wrap="wrap">
          <ReportStatusBadge status={u.status} size="sm" />
          {u.late && <LateBadge size="sm" />}
          {u.overdue && <OverdueBadge size="sm" />}
        </Group>
      ),
    },
    {
      key: 'due',
      header: t('reports.round.deadline'),
      value: (u) => u.dueDate,
      cell: (u) => (
        <Deadline date={u.dueDate} extended={u.extended} reason={u.extensionReason} overdue={u.overdue} />
      ),
    },
    {
      key: 'sent',
      header: t('reports.round.sentOn'),
      value: (u) => u.firstSubmittedOn,
      cell: (u) =>
        u.firstSubmittedOn ? (
          <Stack gap={0}>
            <Text size="sm">{formatDate(u.firstSubmittedOn)}</Text>
            {u.submittedOn && u.submittedOn !== u.firstSubmittedOn && (
              <Text size="xs" c="dimmed">
                {t('reports.round.resentOn', { date: formatDate(u.submittedOn) })}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
    {
      key: 'accepted',
      header: t('reports.round.acceptedOn'),
      value: (u) => u.acceptedOn,
      cell: (u) => (u.acceptedOn ? formatDate(u.acceptedOn) : ''),
    },
    ...(round.abilities.remind
      ? [
          {
            key: 'remindOne',
            header: t('reports.round.remindOne'),
            sortable: false,
            align: 'center' as const,
            cell: (u: RoundUnit) =>
              notSubmitted(u) ? (
                <Tooltip label={t('reports.round.remindOneHint', { unit: u.unitName })}>
                  <ActionIcon
                    variant="subtle"
                    color="orange"
                    aria-label={t('reports.round.remindOneHint', { unit: u.unitName })}
                    loading={remindOne.isPending && remindOne.variables === u.unitId}
                    onClick={() => remindOne.mutate(u.unitId)}
                    data-testid="round-remind-one"
                  >
                    <IconBell size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Card withBorder padding="lg" data-testid="round-units">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <Title order={2} size="h4">
          {t('reports.round.units')}
        </Title>
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            value={filter}
            onChange={(v) => setFilter(v as Filter)}
            data={[
              { value: 'all', label: t('reports.round.filterAll', { count: round.units.length }) },
              { value: 'notSubmitted', label: t('reports.round.filterOwed', { count: owed }) },
            ]}
            data-testid="round-filter"
          />
          <TextInput
            placeholder={t('reports.round.search')}
            aria-label={t('reports.round.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={{ base: '100%', xs: 240 }}
            data-testid="round-search"
          />
        </Group>
      </Group>
      <DataTable
        rows={rows}
        columns={columns}
        rowKey={(u) => u.reportId}
        initialSort={{ key: 'unit', dir: 'asc' }}
        pageSize={50}
        minWidth={760}
        label={t('reports.round.units')}
        testId="round-units-table"
        resetKey={`${filter}|${q}`}
        empty={t('reports.round.noUnits')}
        rowProps={(u) => ({ 'data-status': u.status })}
      />
    </Card>
  );
}

/**
 * A round's reporting rates: how many units must report, have, on time, and were accepted (never above
 * 100%), by kind of unit, and each unit's report with its deadline; the standing agency reminds the units
 * that have not sent theirs and goes on to the consolidation.
 */
export function RoundPage() {
  const { t, i18n } = useTranslation();
  const { roundId = '' } = useParams({ strict: false });
  const queryClient = useQueryClient();
  const round = useQuery({ queryKey: reportKeys.round(roundId), queryFn: () => getRound(roundId) });
  const [confirming, setConfirming] = useState(false);
  const remind = useMutation({
    mutationFn: () => remindRound(roundId),
    onSuccess: async (r) => {
      setConfirming(false);
      notifications.show({
        color: r.reminded > 0 ? 'green' : 'blue',
        message:
          r.reminded > 0
            ? t('reports.round.reminded', {
                count: r.reminded,
                units: formatNumber(r.reminded),
                people: formatNumber(r.recipients),
              })
            : t('reports.round.nobodyReminded'),
        'data-testid': 'round-reminded',
      });
      await queryClient.invalidateQueries({ queryKey: reportKeys.round(roundId) });
    },
  });

  if (round.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (round.isError || !round.data) return <ErrorAlert error={round.error} />;
  const r = round.data;
  const period = inLanguage(r.periodLabel, i18n.language);
  const owed = r.units.filter(notSubmitted).length;

  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/reports" {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('reports.backToList')}
      </Anchor>
      <PageHeader
        title={<span data-testid="round-heading">{t('reports.round.title', { period })}</span>}
        documentTitle={t('reports.round.title', { period })}
        description={
          <>
            {inLanguage(r.formName, i18n.language)} · {r.ownerUnitName}
            <br />
            {t('reports.window', { from: formatDate(r.windowFrom), to: formatDate(r.windowTo) })} ·{' '}
            {t('reports.dueOn')} {formatDate(r.dueDate)}{' '}
            <Badge component="span" color={r.status === 'open' ? 'blue' : 'gray'} variant="light" ml={4}>
              {t(`reports.roundStatus.${r.status}`)}
            </Badge>
          </>
        }
        actions={
          <>
            {r.abilities.remind && (
              <Button
                variant="light"
                color="orange"
                leftSection={<IconBell size={16} aria-hidden />}
                disabled={owed === 0}
                onClick={() => setConfirming(true)}
                data-testid="round-remind"
              >
                {t('reports.round.remind')}
              </Button>
            )}
            {r.abilities.consolidate ? (
              <Button
                leftSection={<IconReportAnalytics size={16} aria-hidden />}
                renderRoot={(props) => (
                  <Link to="/reports/rounds/$roundId/consolidation" params={{ roundId: r.id }} {...props} />
                )}
                data-testid="round-consolidate"
              >
                {t('reports.round.consolidate')}
              </Button>
            ) : (
              <Button
                variant="default"
                leftSection={<IconReportAnalytics size={16} aria-hidden />}
                renderRoot={(props) => (
                  <Link to="/reports/rounds/$roundId/consolidation" params={{ roundId: r.id }} {...props} />
                )}
                data-testid="round-consolidation-view"
              >
                {t('reports.round.viewConsolidation')}
              </Button>
            )}
          </>
        }
      />
      {r.note && (
        <Text size="sm" mb="md" style={{ whiteSpace: 'pre-wrap' }}>
          {r.note}
        </Text>
      )}
      <RateFigures rates={r.rates} />
      <ByKind round={r} />
      <UnitsTable round={r} />
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('reports.round.remind')}
        message={t('reports.round.remindConfirm', { count: owed })}
        confirmLabel={t('reports.round.remindOk')}
        color="orange"
        loading={remind.isPending}
        onConfirm={() => remind.mutate()}
        testId="round-remind"
      >
        {remind.isError && <ErrorAlert error={remind.error} />}
      </ConfirmModal>
    </>
  );
}
