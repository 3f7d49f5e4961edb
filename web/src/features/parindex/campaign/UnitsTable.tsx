import {
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Pager } from '../../../components/Pager';
import { DataTable, type Column } from '../../../components/table';
import { formatDate, formatNumber, isoDate } from '../../../lib/format';
import {
  listAssessments,
  parKeys,
  type AssessmentQuery,
  type AssessmentRow,
  type AssessmentStatus,
  type Campaign,
  type UnitGroup,
} from './api';
import { APPRAISAL_STAGES, AssessmentStatusBadge, AWAITING_COUNCIL, GROUPS, STATUSES } from './labels';

/** Narrower than this, units are cards. */
const PHONE = '(max-width: 48em)';
/** Units per page of cards. */
const CARDS = 20;

/** The status filter: one status (the server filters), the units awaiting the council (filtered here), or all. */
export type StatusFilter = AssessmentStatus | 'awaiting' | '';

const pct = (row: AssessmentRow) => (row.toScore > 0 ? (100 * row.scored) / row.toScore : 0);

/** What the unit's assessment waits for next and by when (red once the day has passed). */
function NextStep({ row }: { row: AssessmentRow }) {
  const { t } = useTranslation();
  const n = row.next;
  if (!n) return null;
  const late = n.dueDate < isoDate();
  return (
    <Text size="xs" c={late ? 'red.9' : 'dimmed'} data-testid="par-unit-next" data-by={n.by}>
      {t(`parCampaign.next.${n.action}`, { date: formatDate(n.dueDate) })}
      {late && ` · ${t('parCampaign.next.overdue')}`}
    </Text>
  );
}

function UnitLink({ row }: { row: AssessmentRow }) {
  return (
    <Anchor
      renderRoot={(props) => <Link to="/par/assessments/$id" params={{ id: row.id }} {...props} />}
      fw={600}
      size="sm"
      style={{ overflowWrap: 'anywhere' }}
      data-testid="par-unit-link"
    >
      {row.unit.name}
    </Anchor>
  );
}

function ProgressCell({ row }: { row: AssessmentRow }) {
  const { t } = useTranslation();
  const label = t('parCampaign.units.progressValue', {
    scored: formatNumber(row.scored),
    total: formatNumber(row.toScore),
  });
  return (
    <Stack gap={2} miw={110}>
      <Text size="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {label}
      </Text>
      <Progress
        value={pct(row)}
        size="sm"
        aria-label={t('parCampaign.units.progress')}
        aria-valuetext={label}
      />
    </Stack>
  );
}

/**
 * The campaign's units: a filter by group, by status (or "awaiting the council") and a search by name (accents
 * ignored, on the server), then a table — a card per unit on a phone — each opening the unit's assessment.
 */
export function UnitsTable({
  campaign,
  status,
  onStatus,
  title,
}: {
  campaign: Campaign;
  status: StatusFilter;
  onStatus: (s: StatusFilter) => void;
  title: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const [group, setGroup] = useState<UnitGroup | ''>('');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [cardPage, setCardPage] = useState(1);
  const filterKey = `${group}|${status}|${q}`;
  const [seenKey, setSeenKey] = useState(filterKey);
  if (seenKey !== filterKey) {
    setSeenKey(filterKey);
    setCardPage(1);
  }
  const query: AssessmentQuery = {
    group: group || undefined,
    status: status && status !== 'awaiting' ? status : undefined,
    q: q || undefined,
  };
  const list = useQuery({
    queryKey: parKeys.assessments(campaign.id, query),
    queryFn: () => listAssessments(campaign.id, query),
    placeholderData: keepPreviousData,
    enabled: campaign.stage !== 'preparing',
  });
  const rows = useMemo(
    () =>
      (list.data?.items ?? []).filter((r) => status !== 'awaiting' || AWAITING_COUNCIL.includes(r.status)),
    [list.data, status],
  );
  const groups = GROUPS.filter((g) => campaign.frameworks.some((f) => f.group === g));
  const appraising = APPRAISAL_STAGES.includes(campaign.stage);
  const filtered = !!(group || status || q);

  const columns = useMemo<Column<AssessmentRow>[]>(() => {
    const cols: Column<AssessmentRow>[] = [
      {
        key: 'unit',
        header: t('parCampaign.units.unit'),
        value: (r) => r.unit.name,
        cell: (r) => <UnitLink row={r} />,
      },
      {
        key: 'group',
        header: t('parCampaign.units.group'),
        value: (r) => t(`parCampaign.groups.${r.group}`),
      },
      {
        key: 'status',
        header: t('parCampaign.units.status'),
        value: (r) => STATUSES.indexOf(r.status),
        cell: (r) => (
          <Stack gap={2} align="flex-start">
            <AssessmentStatusBadge status={r.status} />
            <NextStep row={r} />
          </Stack>
        ),
        firstDir: 'asc',
      },
      {
        key: 'progress',
        header: t('parCampaign.units.progress'),
        value: (r) => pct(r),
        numeric: true,
        align: 'left',
        cell: (r) => <ProgressCell row={r} />,
      },
      { key: 'evidence', header: t('parCampaign.units.evidence'), value: (r) => r.evidence, numeric: true },
      { key: 'points', header: t('parCampaign.units.points'), value: (r) => r.points, numeric: true },
      {
        key: 'percent',
        header: t('parCampaign.units.percent'),
        value: (r) => r.percent,
        numeric: true,
        cell: (r) => `${formatNumber(r.percent)}%`,
      },
    ];
    if (appraising)
      cols.push({
        key: 'contested',
        header: t('parCampaign.units.contested'),
        value: (r) => r.contested,
        numeric: true,
      });
    cols.push({
      key: 'submitted',
      header: t('parCampaign.units.submittedAt'),
      value: (r) => r.submittedAt,
      cell: (r) => (r.submittedAt ? formatDate(r.submittedAt) : '—'),
      firstDir: 'desc',
    });
    return cols;
  }, [t, appraising]);

  const statusOptions = [
    { value: '', label: t('parCampaign.units.allStatuses') },
    { value: 'awaiting', label: t('parCampaign.units.awaiting') },
    ...STATUSES.map((s) => ({ value: s, label: t(`work.status.${s}`) })),
  ];

  if (campaign.stage === 'preparing')
    return (
      <Card withBorder radius="md" padding="md" data-testid="par-units">
        <Title order={2} size="h4" mb={4}>
          {title}
        </Title>
        <Text size="sm" c="dimmed" data-testid="par-units-preparing">
          {t('parCampaign.units.preparing')}
        </Text>
      </Card>
    );

  return (
    <Card withBorder radius="md" padding="md" data-testid="par-units">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="wrap">
          <Title order={2} size="h4">
            {title}
          </Title>
          {list.data && (
            <Text size="sm" c="dimmed" data-testid="par-units-count">
              {t('parCampaign.units.shown', {
                n: formatNumber(rows.length),
                total: formatNumber(campaign.counts.units),
              })}
            </Text>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('parCampaign.units.search')}
            placeholder={t('parCampaign.units.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={100}
            data-testid="par-units-search"
          />
          <Select
            label={t('parCampaign.units.group')}
            data={[
              { value: '', label: t('parCampaign.units.allGroups') },
              ...groups.map((g) => ({ value: g, label: t(`parCampaign.groups.${g}`) })),
            ]}
            value={group}
            onChange={(v) => setGroup((v ?? '') as UnitGroup | '')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="par-units-group"
          />
          <Select
            label={t('parCampaign.units.status')}
            data={statusOptions}
            value={status}
            onChange={(v) => onStatus((v ?? '') as StatusFilter)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="par-units-status"
          />
        </SimpleGrid>
        {filtered && (
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              onClick={() => {
                setGroup('');
                setText('');
                onStatus('');
              }}
              data-testid="par-units-clear"
            >
              {t('common.clearFilters')}
            </Button>
          </Group>
        )}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.isLoading ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : phone ? (
          rows.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="par-units-empty">
              {filtered ? t('parCampaign.units.emptyFiltered') : t('parCampaign.units.empty')}
            </Text>
          ) : (
            <Stack gap="sm" data-testid="par-units-cards">
              {rows.slice((cardPage - 1) * CARDS, cardPage * CARDS).map((r) => (
                <UnitCard key={r.id} row={r} appraising={appraising} />
              ))}
              {rows.length > CARDS && (
                <Pager total={rows.length} pageSize={CARDS} page={cardPage} onChange={setCardPage} />
              )}
            </Stack>
          )
        ) : (
          <DataTable
            rows={rows}
            columns={columns}
            rowKey={(r) => r.id}
            pageSize={50}
            minWidth={appraising ? 980 : 900}
            label={title}
            testId="par-units-table"
            resetKey={filterKey}
            empty={filtered ? t('parCampaign.units.emptyFiltered') : t('parCampaign.units.empty')}
            rowProps={(r) => ({
              'data-status': r.status,
              style: { cursor: 'pointer' },
              onClick: (e) => {
                if ((e.target as HTMLElement).closest('a,button')) return;
                void navigate({ to: '/par/assessments/$id', params: { id: r.id } });
              },
            })}
          />
        )}
      </Stack>
    </Card>
  );
}

/** One unit as a card (phone width): status, progress, evidence, points. */
function UnitCard({ row: r, appraising }: { row: AssessmentRow; appraising: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="par-unit-card" data-status={r.status}>
      <Stack gap={6}>
        <UnitLink row={r} />
        <Group gap="xs" wrap="wrap">
          <AssessmentStatusBadge status={r.status} />
          <Text size="xs" c="dimmed">
            {t(`parCampaign.groups.${r.group}`)}
          </Text>
        </Group>
        <NextStep row={r} />
        <ProgressCell row={r} />
        <Text size="sm">
          {[
            t('parCampaign.units.pointsValue', {
              points: formatNumber(r.points),
              percent: formatNumber(r.percent),
            }),
            t('parCampaign.units.evidenceValue', { n: formatNumber(r.evidence) }),
            appraising && r.contested > 0
              ? t('parCampaign.units.contestedValue', { n: formatNumber(r.contested) })
              : null,
            r.submittedAt ? t('parCampaign.units.submittedOn', { date: formatDate(r.submittedAt) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}
