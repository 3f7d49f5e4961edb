import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Collapse,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { DataTable, type Column } from '../../components/table';
import { accentInsensitiveFilter, useUnitNames } from '../../components/UnitSelect';
import { inLanguage } from '../../components/workflow/work';
import { toQueryString } from '../../lib/api';
import { formatDate, formatNumber, sortVi } from '../../lib/format';
import { useSession } from '../../lib/session';
import {
  hotlineKeys,
  listCases,
  listCategories,
  type CaseList,
  type CaseSummary,
  type Channel,
  type ListParams,
} from './api';
import { CaseDeadline, CaseStatusBadge, ReopenedBadge, SatisfactionBadge } from './badges';
import { CHANNELS, defaultView, hotlineScope, isListView, VIEWS, type ListView } from './labels';

const PAGE_SIZE = 25;
/** Narrower than this, cases are cards and the filters fold away. */
const PHONE = '(max-width: 62em)';

type Filters = {
  view: ListView;
  q: string;
  categoryId: string;
  channel: string;
  from: string;
  to: string;
  page: number;
};

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function CaseLink({ c }: { c: CaseSummary }) {
  return (
    <Anchor
      fw={600}
      size="sm"
      style={{ overflowWrap: 'anywhere' }}
      renderRoot={(props) => <Link to="/hotline/$id" params={{ id: c.id }} {...props} />}
      data-testid="case-link"
    >
      {c.title}
    </Anchor>
  );
}

/** One case as a card (phone width): what it is, where it stands, who handles it, by when. */
function CaseCard({ c }: { c: CaseSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="case-card" data-status={c.status}>
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <Badge variant="default" radius="sm" ff="monospace" data-testid="case-code">
            {c.code}
          </Badge>
          <CaseStatusBadge status={c.status} size="sm" />
          {c.reopened && <ReopenedBadge size="sm" />}
          {c.satisfaction && <SatisfactionBadge value={c.satisfaction} size="sm" />}
        </Group>
        <CaseLink c={c} />
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {[
            c.category ? inLanguage(c.category, i18n.language) : null,
            t(`hotline.channel.${c.channel}`),
            t('hotline.list.receivedOn', { date: formatDate(c.receivedOn) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {c.subject && (
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            {t('hotline.list.about', { unit: c.subject })}
          </Text>
        )}
        {c.handlingUnit && (
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            {t('hotline.list.handledBy', { unit: c.handlingUnit.name })}
          </Text>
        )}
        <CaseDeadline c={c} />
      </Stack>
    </Paper>
  );
}

function useColumns(): Column<CaseSummary>[] {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => [
      {
        key: 'code',
        header: t('hotline.fields.codeReceived'),
        sortable: false,
        width: 170,
        cell: (c) => (
          <Stack gap={2}>
            <Text size="xs" ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="case-code">
              {c.code}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDate(c.receivedOn)} · {t(`hotline.channel.${c.channel}`)}
            </Text>
          </Stack>
        ),
      },
      {
        key: 'title',
        header: t('hotline.fields.title'),
        sortable: false,
        cellStyle: { minWidth: 220 },
        cell: (c) => (
          <Stack gap={4}>
            <CaseLink c={c} />
            <Group gap={4}>
              <CaseStatusBadge status={c.status} size="sm" />
              {c.reopened && <ReopenedBadge size="sm" />}
              {c.satisfaction && <SatisfactionBadge value={c.satisfaction} size="sm" />}
            </Group>
          </Stack>
        ),
      },
      {
        key: 'category',
        header: t('hotline.fields.category'),
        sortable: false,
        cellStyle: { maxWidth: 140 },
        cell: (c) => (c.category ? inLanguage(c.category, i18n.language) : '—'),
      },
      {
        key: 'subject',
        header: t('hotline.fields.subject'),
        sortable: false,
        cellStyle: { maxWidth: 150 },
        cell: (c) => c.subject ?? '—',
      },
      {
        key: 'handling',
        header: t('hotline.fields.handlingUnit'),
        sortable: false,
        cellStyle: { maxWidth: 150 },
        cell: (c) => c.handlingUnit?.name ?? '—',
      },
      {
        key: 'deadline',
        header: t('hotline.fields.deadline'),
        sortable: false,
        cellStyle: { minWidth: 160 },
        cell: (c) => <CaseDeadline c={c} />,
      },
    ],
    [t, i18n.language],
  );
}

function Results({
  data,
  page,
  onPage,
  view,
  filtered,
}: {
  data: CaseList;
  page: number;
  onPage: (p: number) => void;
  view: ListView;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const columns = useColumns();
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const empty = filtered ? t('hotline.list.emptyFiltered') : t(`hotline.list.empty.${view}`);
  if (phone)
    return (
      <>
        {data.items.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="cases-empty">
            {empty}
          </Text>
        ) : (
          <Stack gap="sm" data-testid="cases-cards">
            {data.items.map((c) => (
              <CaseCard key={c.id} c={c} />
            ))}
          </Stack>
        )}
        {data.total > 0 && <Pager total={data.total} pageSize={PAGE_SIZE} page={page} onChange={onPage} />}
      </>
    );
  return (
    <DataTable
      mode="server"
      rows={data.items}
      total={data.total}
      page={page}
      pageSize={PAGE_SIZE}
      onPageChange={onPage}
      sort={null}
      onSortChange={() => undefined}
      columns={columns}
      rowKey={(c) => c.id}
      minWidth={940}
      label={t('hotline.list.tableLabel')}
      empty={empty}
      testId="cases"
      rowProps={(c) => ({ 'data-status': c.status })}
    />
  );
}

/**
 * The hotline's cases as the caller may see them: the receiving office and the committee the province's,
 * a unit's focal point and leader their unit's (the server filters). Tabs by what waits (to triage, open,
 * to review, overdue, closed) with their counts, a search (code or words, without accents) and filters;
 * the tab and filters live in the address, so the back button and the home page's links land on them.
 */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const session = useSession();
  const scope = hotlineScope(session.data);
  const unitNames = useUnitNames(scope.ownUnits);

  const filters: Filters = {
    view: isListView(search.view) ? search.view : defaultView(scope),
    q: str(search.q),
    categoryId: str(search.categoryId),
    channel: str(search.channel),
    from: str(search.from),
    to: str(search.to),
    page: Math.max(1, Number(str(search.page)) || 1),
  };
  const go = (next: Partial<Filters>) => {
    const merged = { ...filters, page: 1, ...next };
    void navigate({
      href: `/hotline${toQueryString({
        view: merged.view,
        q: merged.q,
        categoryId: merged.categoryId,
        channel: merged.channel,
        from: merged.from,
        to: merged.to,
        page: merged.page > 1 ? merged.page : undefined,
      })}`,
      replace: true,
    });
  };

  // The search box: typed freely, sent once the typing pauses.
  const [text, setText] = useState(filters.q);
  const [typed] = useDebouncedValue(text.trim(), 350);
  useEffect(() => {
    if (typed !== filters.q) go({ q: typed });
    // Only when the typing settles.
  }, [typed]);

  const params: ListParams = {
    view: filters.view,
    q: filters.q || undefined,
    categoryId: filters.categoryId || undefined,
    channel: (filters.channel || undefined) as Channel | undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
  const cases = useQuery({
    queryKey: hotlineKeys.list(params),
    queryFn: () => listCases(params),
    placeholderData: keepPreviousData,
  });
  const categories = useQuery({
    queryKey: hotlineKeys.categories,
    queryFn: listCategories,
    staleTime: 10 * 60_000,
  });
  const categoryOptions = useMemo(
    () =>
      sortVi(
        (categories.data?.items ?? []).map((c) => ({
          value: c.id,
          label: inLanguage(c.name, i18n.language),
        })),
        (o) => o.label,
      ),
    [categories.data, i18n.language],
  );
  const channelOptions = CHANNELS.map((c) => ({ value: c, label: t(`hotline.channel.${c}`) }));

  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  const activeFilters = [filters.categoryId, filters.channel, filters.from, filters.to].filter(
    Boolean,
  ).length;
  const [showFilters, setShowFilters] = useState(activeFilters > 0);
  const data = cases.data;
  const counts = data?.counts;
  const filtered = !!(filters.q || filters.categoryId || filters.channel || filters.from || filters.to);
  // The "to triage" tab is the receiving office's (a unit never sees a case before it is given one).
  const views = VIEWS.filter((v) => v !== 'triage' || scope.office || (counts?.triage ?? 0) > 0);
  const unitLabel = scope.ownUnits
    .map((id) => unitNames.byId.get(id)?.label)
    .filter(Boolean)
    .join(', ');
  const title =
    !scope.province && scope.ownUnits.length
      ? unitLabel
        ? t('hotline.list.unitTitle', { units: unitLabel })
        : t('hotline.list.unitTitleGeneric')
      : t('hotline.list.title');

  if (session.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );

  return (
    <div data-testid="hotline-page">
      <PageHeader
        title={title}
        description={
          !scope.province && scope.ownUnits.length
            ? t('hotline.list.unitDescription')
            : t('hotline.list.description')
        }
        actions={
          data?.abilities.intake && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              renderRoot={(props) => <Link to="/hotline/new" {...props} />}
              data-testid="hotline-intake"
            >
              {t('hotline.intake.open')}
            </Button>
          )
        }
      />
      <Tabs
        value={filters.view}
        onChange={(v) => isListView(v) && go({ view: v })}
        keepMounted={false}
        mb="md"
      >
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {views.map((v) => {
            const n = counts?.[v];
            return (
              <Tabs.Tab
                key={v}
                value={v}
                data-testid={`hotline-tab-${v}`}
                rightSection={
                  n !== undefined ? (
                    <Badge
                      size="sm"
                      variant={v === 'overdue' && n > 0 ? 'filled' : 'light'}
                      color={v === 'overdue' && n > 0 ? 'red' : 'gray'}
                      data-testid={`hotline-count-${v}`}
                    >
                      {formatNumber(n)}
                    </Badge>
                  ) : undefined
                }
              >
                {t(`hotline.views.${v}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      <Card withBorder padding="sm" mb="md" data-testid="hotline-filters">
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('hotline.list.search')}
            placeholder={t('hotline.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1 }}
            data-testid="hotline-search"
          />
          {phone && (
            <Button
              variant={showFilters ? 'light' : 'default'}
              leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
              onClick={() => setShowFilters((v) => !v)}
              aria-expanded={showFilters}
              data-testid="hotline-filters-toggle"
            >
              {activeFilters ? t('hotline.list.filtersN', { n: activeFilters }) : t('common.filters')}
            </Button>
          )}
        </Group>
        <Collapse expanded={!phone || showFilters}>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mt="sm">
            <Select
              label={t('hotline.fields.category')}
              placeholder={t('common.all')}
              data={categoryOptions}
              value={filters.categoryId || null}
              onChange={(v) => go({ categoryId: v ?? '' })}
              searchable
              clearable
              filter={accentInsensitiveFilter}
              comboboxProps={{ withinPortal: true }}
              data-testid="hotline-filter-category"
            />
            <Select
              label={t('hotline.fields.channel')}
              placeholder={t('common.all')}
              data={channelOptions}
              value={filters.channel || null}
              onChange={(v) => go({ channel: v ?? '' })}
              clearable
              comboboxProps={{ withinPortal: true }}
              data-testid="hotline-filter-channel"
            />
            <DateField
              label={t('hotline.list.from')}
              value={filters.from || null}
              onChange={(v) => go({ from: v ?? '' })}
              maxDate={filters.to || undefined}
              data-testid="hotline-filter-from"
            />
            <DateField
              label={t('hotline.list.to')}
              value={filters.to || null}
              onChange={(v) => go({ to: v ?? '' })}
              minDate={filters.from || undefined}
              data-testid="hotline-filter-to"
            />
          </SimpleGrid>
        </Collapse>
        {filtered && (
          <Group justify="flex-end" mt="xs">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              onClick={() => {
                setText('');
                go({ q: '', categoryId: '', channel: '', from: '', to: '' });
              }}
              data-testid="hotline-clear-filters"
            >
              {t('common.clearFilters')}
            </Button>
          </Group>
        )}
      </Card>
      {cases.isError && <ErrorAlert error={cases.error} />}
      {cases.isLoading && (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {data && (
        <Stack gap="xs" style={{ opacity: cases.isPlaceholderData ? 0.6 : 1 }}>
          <Text size="sm" c="dimmed" data-testid="hotline-total">
            {t('hotline.list.total', { count: data.total, n: formatNumber(data.total) })}
          </Text>
          <Results
            data={data}
            page={filters.page}
            onPage={(p) => go({ page: p })}
            view={filters.view}
            filtered={filtered}
          />
        </Stack>
      )}
    </div>
  );
}
