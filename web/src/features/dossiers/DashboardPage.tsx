import {
  Button,
  Anchor,
  Breadcrumbs,
  Card,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import {
  dossierKeys,
  getBreakdown,
  getReportingPeriods,
  getTrend,
  type Breakdown,
  type DrillClass,
  type GroupBy,
  type View,
} from './dashboardApi';
import { DashboardKpis } from './DashboardKpis';
import { DashboardLevels } from './DashboardLevels';
import { LightLegend } from './DashboardLights';
import {
  defaultIndex,
  PERIOD_KINDS,
  periodRange,
  REPORT_TYPE,
  reportingPeriodOf,
  type Period,
  type PeriodKind,
} from './DashboardPeriod';
import { DashboardRanking } from './DashboardRanking';
import { DashboardTrend } from './DashboardTrend';
import { DrillDossierList } from './DrillDossierList';
import { DrillDrawer, type DrillTarget } from './DrillDrawer';
import { ExportButton } from './ExportButton';

const FIRST_YEAR = 2023;

function PeriodPicker({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const setKind = (kind: PeriodKind) => onChange({ ...period, kind, index: defaultIndex(kind, period.year) });
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="dossiers-period-label">
          {t('dossiers.period.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="dossiers-period-label"
          value={period.kind}
          onChange={(v) => setKind(v as PeriodKind)}
          data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`dossiers.period.${k}`) }))}
          data-testid="dossiers-period-kind"
        />
      </Stack>
      <Select
        label={t('dossiers.period.yearLabel')}
        data={years}
        value={String(period.year)}
        onChange={(v) => v && onChange({ ...period, year: Number(v) })}
        allowDeselect={false}
        w={110}
        data-testid="dossiers-period-year"
      />
      {period.kind === 'month' && (
        <Select
          label={t('dossiers.period.monthOf')}
          data={Array.from({ length: 12 }, (_, i) => ({
            value: String(i + 1),
            label: t('dossiers.period.monthN', { n: i + 1 }),
          }))}
          value={String(period.index)}
          onChange={(v) => v && onChange({ ...period, index: Number(v) })}
          allowDeselect={false}
          w={140}
          data-testid="dossiers-period-month"
        />
      )}
      {period.kind === 'quarter' && (
        <Select
          label={t('dossiers.period.quarterOf')}
          data={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('dossiers.period.quarterN', { n }) }))}
          value={String(period.index)}
          onChange={(v) => v && onChange({ ...period, index: Number(v) })}
          allowDeselect={false}
          w={120}
          data-testid="dossiers-period-quarter"
        />
      )}
    </Group>
  );
}

export function DossiersDashboardPage() {
  const session = useSession();
  const canImport = !!session.data?.roles.some((r) => r === 'admin' || r === 'standing_officer');
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>({ kind: 'year', year: new Date().getFullYear(), index: 1 });
  const [restate, setRestate] = useState(false);
  const [unit, setUnit] = useState<{ id: string; name: string } | null>(null);
  const [procedure, setProcedure] = useState<{ id: string; name: string } | null>(null);
  const [listClass, setListClass] = useState<DrillClass>('toProcess');
  const [target, setTarget] = useState<DrillTarget | null>(null);
  const [useWindow, setUseWindow] = useState(false);
  const [showEnded, setShowEnded] = useState(false);
  const reporting = useQuery({
    queryKey: dossierKeys.periods(REPORT_TYPE[period.kind], period.year),
    queryFn: () => getReportingPeriods(REPORT_TYPE[period.kind], period.year),
    enabled: useWindow,
    staleTime: 3_600_000,
  });
  const report = useWindow && reporting.data ? reportingPeriodOf(period, reporting.data.items) : null;
  const range = report ? report.window : periodRange(period);
  const view: View = { ...range, restate, unitId: unit?.id ?? null, procedureId: procedure?.id ?? null };
  const groupBy: GroupBy = procedure ? 'total' : unit ? 'procedure' : 'unit';
  const ended = groupBy === 'unit' && showEnded ? 'show' : 'hide';
  const breakdown = useQuery({
    queryKey: dossierKeys.breakdown(view, groupBy, ended),
    queryFn: () => getBreakdown(view, groupBy, ended),
    placeholderData: keepPreviousData,
  });
  const trend = useQuery({
    queryKey: dossierKeys.trend(view),
    queryFn: () => getTrend(view),
    placeholderData: keepPreviousData,
  });
  const b = breakdown.data;
  const level = procedure ? 'procedure' : unit ? 'unit' : 'province';

  const openTotal = (cls: DrillClass, label: string, value: string) => setTarget({ view, cls, label, value });
  const openRow = (row: Breakdown['groups'][number], cls: DrillClass, label: string, value: string) =>
    setTarget({
      view: unit ? { ...view, procedureId: row.key } : { ...view, unitId: row.key },
      cls,
      label,
      value,
    });
  const toProvince = () => {
    setUnit(null);
    setProcedure(null);
  };
  // Whose figures the top level shows: the province, or (a focal point…) the units of the reader's grants.
  const readerUnits = b && !b.reader.whole ? b.reader.units : [];
  const rootLabel = readerUnits.length
    ? readerUnits.map((u) => u.name).join(', ')
    : t('dossiers.crumb.province');

  return (
    <>
      <PageHeader
        title={t('dossiers.title')}
        description={t('dossiers.description')}
        actions={
          <>
            <ExportButton
              view={view}
              groupBy={groupBy}
              ended={ended}
              scopeName={procedure?.name ?? (unit ? (b?.scope.unit?.name ?? unit.name) : rootLabel)}
            />
            {canImport && (
              <Button
                variant="light"
                leftSection={<IconUpload size={16} aria-hidden />}
                renderRoot={(props) => <Link to="/dossiers/import" {...props} />}
                data-testid="dossiers-import-link"
              >
                {t('dossiers.importLink')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder padding="md" mb="md">
        <Group align="flex-end" gap="lg" wrap="wrap">
          <PeriodPicker period={period} onChange={setPeriod} />
          <Stack gap={4} maw={460}>
            <Switch
              label={t('dossiers.restate.label')}
              checked={restate}
              onChange={(e) => {
                setRestate(e.currentTarget.checked);
                toProvince();
              }}
              data-testid="dossiers-restate"
            />
            <Text size="xs" c="dimmed">
              {restate ? t('dossiers.restate.on') : t('dossiers.restate.off')}
            </Text>
          </Stack>
          <Stack gap={4} maw={460}>
            <Switch
              label={t('dossiers.period.window.label')}
              checked={useWindow}
              onChange={(e) => setUseWindow(e.currentTarget.checked)}
              data-testid="dossiers-report-window"
            />
            {useWindow && reporting.data && (
              <Text size="xs" c="dimmed" data-testid="dossiers-report-window-note">
                {report
                  ? t('dossiers.period.window.on', { window: report.windowLabel })
                  : t('dossiers.period.window.none')}
              </Text>
            )}
          </Stack>
          {(breakdown.isFetching || trend.isFetching) && (
            <Loader size="sm" aria-label={t('common.loading')} />
          )}
        </Group>
        <Text size="sm" mt="sm" data-testid="dossiers-period-shown">
          {t('dossiers.period.shown', { from: formatDate(range.from), to: formatDate(range.to) })}
          {b && b.stockDay < b.to
            ? ` ${t('dossiers.period.stockDay', { date: formatDate(b.stockDay) })}`
            : ''}
        </Text>
      </Card>

      <Breadcrumbs mb="md" data-testid="dossiers-crumbs">
        <Anchor component="button" type="button" onClick={toProvince} data-testid="dossiers-crumb-province">
          {rootLabel}
        </Anchor>
        {unit && (
          <Anchor
            component="button"
            type="button"
            onClick={() => setProcedure(null)}
            data-testid="dossiers-crumb-unit"
          >
            {b?.scope.unit?.name ?? unit.name}
          </Anchor>
        )}
        {procedure && (
          <Text size="sm" data-testid="dossiers-crumb-procedure">
            {procedure.name}
          </Text>
        )}
      </Breadcrumbs>

      {breakdown.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {breakdown.isError && <ErrorAlert error={breakdown.error} />}
      {b && (
        <>
          <Text size="sm" fw={500} mb="xs" data-testid="dossiers-scope-label">
            {unit || procedure
              ? (procedure?.name ?? b.scope.unit?.name ?? unit?.name)
              : readerUnits.length
                ? t('dossiers.scope.mine', { names: rootLabel })
                : t('dossiers.scope.province')}
          </Text>
          <DashboardKpis figures={b.total} open={openTotal} />
          {level !== 'procedure' && <DashboardLevels b={b} />}
          <Card withBorder padding="lg" mb="md">
            <Title order={2} size="h4" mb="sm">
              {t('dossiers.trend.title')}
            </Title>
            {trend.isError && <ErrorAlert error={trend.error} />}
            {trend.data && <DashboardTrend trend={trend.data} />}
          </Card>
          <Card withBorder padding="lg" mb="md">
            {level === 'procedure' ? (
              <>
                <Title order={2} size="h4" mb="sm">
                  {t('dossiers.drill.title')}
                </Title>
                <DrillDossierList
                  key={`${JSON.stringify(view)}:${listClass}`}
                  view={view}
                  cls={listClass}
                  onClass={setListClass}
                />
              </>
            ) : (
              <>
                <Title order={2} size="h4" mb={4}>
                  {level === 'unit' ? t('dossiers.ranking.procedures') : t('dossiers.ranking.units')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {level === 'unit'
                    ? t('dossiers.ranking.proceduresHint')
                    : restate
                      ? t('dossiers.ranking.restatedHint')
                      : t('dossiers.ranking.asWasHint')}
                </Text>
                {level === 'province' && b.ranking.endedUnits > 0 && (
                  <Stack gap={4} mb="sm">
                    <Switch
                      label={t('dossiers.ranking.endedSwitch', { count: b.ranking.endedUnits })}
                      checked={showEnded}
                      onChange={(e) => setShowEnded(e.currentTarget.checked)}
                      data-testid="dossiers-show-ended"
                    />
                    <Text size="xs" c="dimmed" data-testid="dossiers-ended-note">
                      {showEnded
                        ? t('dossiers.ranking.endedShown', { count: b.ranking.endedUnits })
                        : t('dossiers.ranking.endedHidden', { count: b.ranking.endedUnits })}
                    </Text>
                  </Stack>
                )}
                <DashboardRanking
                  key={level === 'unit' ? `unit:${unit?.id ?? ''}` : 'province'}
                  rows={b.groups}
                  heading={level === 'unit' ? t('dossiers.list.procedure') : t('dossiers.list.unit')}
                  onPick={(row) => {
                    if (level === 'unit') {
                      setProcedure({ id: row.key, name: row.name });
                      setListClass('toProcess');
                    } else setUnit({ id: row.key, name: row.name });
                  }}
                  open={openRow}
                  testId={level === 'unit' ? 'dossiers-procedure-table' : 'dossiers-unit-table'}
                  searchLabel={
                    level === 'unit'
                      ? t('dossiers.ranking.searchProcedures')
                      : t('dossiers.ranking.searchUnits')
                  }
                  resetKey={`${view.from}|${view.to}|${view.restate}|${view.unitId ?? ''}|${ended}`}
                />
                <LightLegend thresholds={b.thresholds} />
              </>
            )}
          </Card>
          <Text size="xs" c="dimmed">
            {t('dossiers.footnote')}
          </Text>
        </>
      )}
      <DrillDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
