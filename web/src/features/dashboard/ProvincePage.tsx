/**
 * The province overview (`/province`, issue 18): how the province is doing in a reporting window — every module's
 * key figure with its change since the previous window and its trend — and where it is stuck: the units with the
 * most overdue work, the figures that moved the wrong way, the inspections' recommendations overdue. Every figure
 * and count opens its records. The choices (period, as-of day, restated, filters) live in the address, so a view can
 * be shared. One screen on a laptop; cards stack on a phone.
 */
import {
  Alert,
  Badge,
  Card,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { toQueryString } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import {
  dashboardKeys,
  filtersFrom,
  filtersQuery,
  getDashboard,
  type Dashboard,
  type DashboardFigure,
  type Filters,
  type Period,
} from './api';
import { ChangeLine, formatChange, formatValue, pick, Sparkline } from './figures';
import { InAppLink } from '../../components/InAppLink';

/** The as-of picker (Mantine's date input, 16 KB gzip) is fetched after the figures are on screen. */
const DateField = lazy(() => import('../../components/DateField').then((m) => ({ default: m.DateField })));

/** Its children (a lazy part) once the page has painted; until then (and while they load) the fallback. */
function AfterFirstPaint({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
    return () => cancelAnimationFrame(id);
  }, []);
  return painted ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}

const REFORM_AREAS = [
  'direction',
  'institutions',
  'procedures',
  'apparatus',
  'civil_service',
  'public_finance',
  'digital_government',
] as const;
const UNIT_TYPES = ['department', 'commune', 'other'] as const;

/** "Quý IV/2026 (15/09–14/12/2026)". */
export function periodText(p: Period, language: string): string {
  const from = formatDate(p.from);
  const to = formatDate(p.to);
  return `${pick(p.label, language)} (${from.slice(0, 5)}–${to})`;
}

export const drillHref = (f: Filters, extra: Record<string, string | undefined>) =>
  `/province/drill${toQueryString({ ...filtersQuery(f), ...extra })}`;

function FilterBar({ data, filters, set }: { data: Dashboard; filters: Filters; set: (f: Filters) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" mb="md" data-testid="province-filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm">
        <Select
          label={t('province.period')}
          data={data.periods.map((p) => ({ value: p.key, label: periodText(p, i18n.language) }))}
          value={data.period.key}
          onChange={(v) => v && set({ ...filters, period: v })}
          allowDeselect={false}
          data-testid="province-period"
        />
        <AfterFirstPaint
          fallback={
            <TextInput label={t('province.asOf')} placeholder={t('common.datePlaceholder')} disabled />
          }
        >
          <DateField
            label={t('province.asOf')}
            value={filters.asOf ?? null}
            onChange={(v) => set({ ...filters, asOf: v ?? undefined })}
            maxDate={data.today}
            data-testid="province-as-of"
          />
        </AfterFirstPaint>
        <Select
          label={t('province.unitType')}
          placeholder={t('province.allUnits')}
          data={UNIT_TYPES.map((u) => ({ value: u, label: t(`province.unitTypes.${u}`) }))}
          value={filters.unitType ?? null}
          onChange={(v) => set({ ...filters, unitType: (v ?? undefined) as Filters['unitType'] })}
          clearable
          data-testid="province-unit-type"
        />
        <Select
          label={t('province.member')}
          placeholder={t('province.allMembers')}
          data={data.members.map((m) => ({
            value: m.id,
            label: t('province.memberOption', { name: m.name, count: m.units }),
          }))}
          value={filters.member ?? null}
          onChange={(v) => set({ ...filters, member: v ?? undefined })}
          clearable
          searchable
          data-testid="province-member"
        />
        <Select
          label={t('province.area')}
          placeholder={t('province.allAreas')}
          data={REFORM_AREAS.map((a) => ({ value: a, label: t(`province.areas.${a}`) }))}
          value={filters.area ?? null}
          onChange={(v) => set({ ...filters, area: (v ?? undefined) as Filters['area'] })}
          clearable
          data-testid="province-area"
        />
        <Stack justify="flex-end">
          <Switch
            label={t('province.restate')}
            checked={!!filters.restate}
            onChange={(e) => set({ ...filters, restate: e.currentTarget.checked })}
            data-testid="province-restate"
          />
        </Stack>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {filters.restate ? t('province.restateHint') : t('province.asWasHint')}
        {data.filters.units !== null && ` ${t('province.unitsChosen', { count: data.filters.units })}`}
      </Text>
    </Paper>
  );
}

function FigureCard({ figure, filtered }: { figure: DashboardFigure; filtered: boolean }) {
  const { t, i18n } = useTranslation();
  const { def, current } = figure;
  const value = formatValue(def.unit, current.value);
  const label = pick(def.label, i18n.language);
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`figure-${def.key}`}>
      <Stack gap={4} h="100%" justify="space-between">
        <div>
          <Text size="xs" c="dimmed" fw={600} lh={1.3}>
            {label}
          </Text>
          <Group justify="space-between" align="flex-end" wrap="nowrap" gap="xs">
            <div>
              <Text
                fz={26}
                fw={700}
                lh={1.2}
                c={value === null ? 'dimmed' : undefined}
                data-testid="figure-value"
              >
                {value ?? t('province.noData')}
              </Text>
              {current.numerator !== null && current.denominator !== null && (
                <Text size="xs" c="dimmed" data-testid="figure-ratio">
                  {def.unit === 'count'
                    ? t('province.countOf', {
                        count: current.numerator,
                        value: formatNumber(current.numerator),
                        total: formatNumber(current.denominator),
                      })
                    : `${formatNumber(current.numerator)}/${formatNumber(current.denominator)}`}
                </Text>
              )}
            </div>
            <Sparkline
              values={figure.trend.map((p) => p.value)}
              label={t('province.trendOf', {
                name: label,
                values: figure.trend
                  .map(
                    (p) => `${pick(p.period.label, i18n.language)}: ${formatValue(def.unit, p.value) ?? '—'}`,
                  )
                  .join('; '),
              })}
            />
          </Group>
          {current.value !== null && current.to < (figure.trend.at(-1)?.period.from ?? current.to) && (
            // A yearly figure published later (the national PAR Index): the latest is of an earlier year.
            <Text size="xs" c="dimmed" data-testid="figure-of-year">
              {t('province.ofYear', { year: current.to.slice(0, 4) })}
            </Text>
          )}
          <ChangeLine figure={figure} />
          <Text size="xs" c="dimmed">
            {figure.previous
              ? t('province.comparedWith', {
                  value: formatValue(def.unit, figure.previous.value) ?? t('province.noData'),
                })
              : null}
          </Text>
          {filtered && !figure.narrowed && (
            <Text size="xs" c="orange.8">
              {t('province.notFiltered')}
            </Text>
          )}
        </div>
        {current.link && (
          <InAppLink to={current.link} size="xs" data-testid="figure-link">
            {t('province.openRecords')}
          </InAppLink>
        )}
      </Stack>
    </Paper>
  );
}

function Stuck({ data, filters }: { data: Dashboard; filters: Filters }) {
  const { t, i18n } = useTranslation();
  const s = data.stuck;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" data-testid="province-stuck">
      <Card withBorder radius="md" padding="sm" data-testid="stuck-units">
        <Title order={3} size="h5" mb={4}>
          {t('province.stuckUnits')}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {t('province.stuckUnitsLead', { date: formatDate(data.asOf) })}
        </Text>
        {s.units.length === 0 ? (
          <Text size="sm">{t('province.noOverdue')}</Text>
        ) : (
          <Stack gap={6}>
            {s.units.map((u) => (
              <div key={u.unit.id} data-testid="stuck-unit">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={600} lineClamp={2}>
                    {u.unit.name}
                  </Text>
                  <InAppLink
                    to={drillHref(filters, { what: 'overdue', unit: u.unit.id })}
                    fw={700}
                    c="red.9"
                    data-testid="stuck-unit-total"
                    aria-label={t('province.overdueOf', { count: u.total, unit: u.unit.name })}
                  >
                    {formatNumber(u.total)}
                  </InAppLink>
                </Group>
                <Group gap={4}>
                  {u.byKind.map((k) => (
                    <InAppLink
                      key={k.kind}
                      to={drillHref(filters, { what: 'overdue', unit: u.unit.id, kind: k.kind })}
                      size="xs"
                    >
                      <Badge variant="light" color="gray" size="sm" style={{ cursor: 'pointer' }}>
                        {t(`work.kinds.${k.kind}`)}: {formatNumber(k.count)}
                      </Badge>
                    </InAppLink>
                  ))}
                </Group>
              </div>
            ))}
          </Stack>
        )}
        {s.overdueTotal > 0 && (
          <InAppLink to={drillHref(filters, { what: 'overdue' })} size="sm" mt="xs" data-testid="stuck-all">
            {t('province.allOverdue', { count: s.overdueTotal, units: s.unitCount })}
          </InAppLink>
        )}
      </Card>
      <Card withBorder radius="md" padding="sm" data-testid="stuck-worst">
        <Title order={3} size="h5" mb={4}>
          {t('province.worst')}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {t('province.worstLead', { period: pick(data.previousPeriod.label, i18n.language) })}
        </Text>
        {s.worst.length === 0 ? (
          <Text size="sm">{t('province.noWorse')}</Text>
        ) : (
          <Stack gap={6}>
            {s.worst.map((w) => (
              <div key={w.key}>
                <Text size="sm" fw={600}>
                  {pick(w.label, i18n.language)}
                </Text>
                <Text size="xs" c="red.9">
                  {formatValue(w.unit, w.previous)} → {formatValue(w.unit, w.current)} (
                  {formatChange(w.unit, w.change)}
                  {w.unit === 'percent' ? ` ${t('province.percentPoints')}` : ''})
                </Text>
                {w.link && (
                  <InAppLink to={w.link} size="xs">
                    {t('province.openRecords')}
                  </InAppLink>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder radius="md" padding="sm" data-testid="stuck-recommendations">
        <Title order={3} size="h5" mb={4}>
          {t('province.recommendations')}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {t('province.recommendationsLead', { count: s.recommendationsTotal })}
        </Text>
        {s.recommendations.length === 0 ? (
          <Text size="sm">{t('province.noRecommendations')}</Text>
        ) : (
          <Stack gap={6}>
            {s.recommendations.map((r) => (
              <div key={r.id}>
                <InAppLink to={r.link} size="sm" fw={600} lineClamp={2}>
                  {t('province.recommendationNumber', { number: r.number })} — {r.text}
                </InAppLink>
                <Text size="xs" c="dimmed">
                  {r.unit.name} · {t('province.dueOn', { date: formatDate(r.dueDate) })} ·{' '}
                  <Text span c="red.9" size="xs">
                    {t('province.daysOverdue', { count: r.daysOverdue })}
                  </Text>
                </Text>
              </div>
            ))}
          </Stack>
        )}
        {s.recommendationsTotal > 0 && (
          <InAppLink to={drillHref(filters, { what: 'recommendations' })} size="sm" mt="xs">
            {t('province.allRecommendations', { count: s.recommendationsTotal })}
          </InAppLink>
        )}
      </Card>
    </SimpleGrid>
  );
}

export function ProvincePage() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const filters = filtersFrom(search);
  const navigate = useNavigate();
  const set = (next: Filters) =>
    void navigate({ href: `/province${toQueryString(filtersQuery(next))}`, replace: true });
  const dashboard = useQuery({
    queryKey: dashboardKeys.dashboard(filters),
    queryFn: () => getDashboard(filters),
    placeholderData: (previous) => previous,
  });
  const data = dashboard.data;
  const filtered = !!(filters.area || filters.unitType || filters.member);
  return (
    <>
      <PageHeader title={t('province.title')} description={t('province.description')} />
      {dashboard.error && <ErrorAlert error={dashboard.error} />}
      {!data && !dashboard.error && <Loader />}
      {data && (
        <Stack gap="md" data-testid="province-dashboard">
          <FilterBar data={data} filters={filters} set={set} />
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={2} size="h4" data-testid="province-window">
              {periodText(data.period, i18n.language)}
            </Title>
            <Group gap="xs">
              {dashboard.isFetching && <Loader size="xs" />}
              <Text size="sm" c="dimmed">
                {t('province.readOn', { date: formatDate(data.asOf) })}
                {data.restate ? ` · ${t('province.restated')}` : ''}
              </Text>
            </Group>
          </Group>
          {data.filters.member && (
            <Alert color="blue" variant="light" p="xs">
              {t('province.memberShown', { name: data.filters.member.name })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 5 }} spacing="sm" data-testid="province-figures">
            {data.figures.map((f) => (
              <FigureCard key={f.def.key} figure={f} filtered={filtered} />
            ))}
          </SimpleGrid>
          <Title order={2} size="h4" mt="sm">
            {t('province.stuck')}
          </Title>
          <Stuck data={data} filters={filters} />
        </Stack>
      )}
    </>
  );
}
