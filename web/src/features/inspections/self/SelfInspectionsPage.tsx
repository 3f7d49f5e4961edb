import { Alert, Button, Center, Loader, Select, Tabs } from '@mantine/core';
import { IconArrowLeft, IconBuildingCommunity, IconMap } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { toQueryString } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { getMyUnits, selfKeys, type Coverage } from './api';
import { YearSelect, yearFrom } from './parts';
import { ProvinceView } from './ProvinceView';
import { UnitView } from './UnitView';

type View = 'mine' | 'province';

const threshold = (c: Coverage) => `${formatNumber(c.threshold * 100, 2)}%`;

/**
 * "Tự kiểm tra CCHC": a unit's focal point or leader sees their unit's year (the gauge, its sub-units, the
 * records); the standing agency and the committee see the province's view. Someone with both sees both, in tabs.
 * The year (and the unit, the tab) live in the address.
 */
export function SelfInspectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const year = yearFrom(search);
  const mine = useQuery({ queryKey: selfKeys.mine(year), queryFn: () => getMyUnits(year) });
  const units = mine.data?.items ?? [];
  const unitId = units.find((u) => u.id === search.unit)?.id ?? units[0]?.id ?? null;
  const view: View =
    search.view === 'province' && mine.data?.province ? 'province' : units.length ? 'mine' : 'province';
  const go = (next: { year?: number; unit?: string | null; view?: View }) =>
    void navigate({
      href: `/inspections/self${toQueryString({
        year: next.year ?? year,
        unit: next.unit === undefined ? (search.unit as string | undefined) : next.unit,
        view: next.view ?? (search.view as string | undefined),
      })}`,
      replace: true,
    });

  if (mine.isError) return <ErrorAlert error={mine.error} />;
  if (!mine.data)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );

  const yearSelect = <YearSelect value={year} onChange={(y) => go({ year: y })} />;
  const unitSelect =
    units.length > 1 ? (
      <Select
        label={t('selfInspections.unit')}
        data={units.map((u) => ({ value: u.id, label: u.name }))}
        value={unitId}
        onChange={(v) => v && go({ unit: v })}
        allowDeselect={false}
        w={260}
        comboboxProps={{ withinPortal: true }}
        data-testid="self-unit-choice"
      />
    ) : null;
  const unitHeader = (c: Coverage) => (
    <PageHeader
      title={t('selfInspections.title')}
      documentTitle={t('selfInspections.title')}
      description={t('selfInspections.unitDescription', { unit: c.unit.name, threshold: threshold(c) })}
      actions={
        <>
          {unitSelect}
          {yearSelect}
        </>
      }
    />
  );
  const provinceHeader = (actions: ReactNode) => (
    <PageHeader
      title={t('selfInspections.provinceTitle')}
      description={t('selfInspections.provinceDescription')}
      actions={
        <>
          {yearSelect}
          {actions}
        </>
      }
    />
  );

  if (!units.length && !mine.data.province)
    return (
      <>
        <PageHeader title={t('selfInspections.title')} actions={yearSelect} />
        <Alert color="gray" data-testid="self-no-units">
          {t('selfInspections.noUnits', { year })}
        </Alert>
      </>
    );
  if (!units.length) return <ProvinceView year={year} header={provinceHeader} />;
  if (!mine.data.province)
    return <UnitView key={`${unitId}|${year}`} unitId={unitId!} year={year} header={unitHeader} />;
  return (
    <Tabs value={view} onChange={(v) => v && go({ view: v as View })} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab
          value="mine"
          leftSection={<IconBuildingCommunity size={16} aria-hidden />}
          data-testid="self-tab-mine"
        >
          {t('selfInspections.tabs.mine')}
        </Tabs.Tab>
        <Tabs.Tab
          value="province"
          leftSection={<IconMap size={16} aria-hidden />}
          data-testid="self-tab-province"
        >
          {t('selfInspections.tabs.province')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="mine">
        <UnitView key={`${unitId}|${year}`} unitId={unitId!} year={year} header={unitHeader} />
      </Tabs.Panel>
      <Tabs.Panel value="province">
        <ProvinceView year={year} header={provinceHeader} />
      </Tabs.Panel>
    </Tabs>
  );
}

/** One unit's page, opened from the province's view (or a link): the same unit view, read as the caller may. */
export function UnitSelfInspectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { unitId } = useParams({ strict: false }) as { unitId: string };
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const year = yearFrom(search);
  const header = (c: Coverage) => (
    <PageHeader
      title={t('selfInspections.unitTitle', { unit: c.unit.name })}
      description={t('selfInspections.unitDescription', { unit: c.unit.name, threshold: threshold(c) })}
      actions={
        <>
          <YearSelect
            value={year}
            onChange={(y) =>
              void navigate({
                href: `/inspections/self/${unitId}${toQueryString({ year: y })}`,
                replace: true,
              })
            }
          />
          <Button
            variant="default"
            mt={24}
            leftSection={<IconArrowLeft size={16} aria-hidden />}
            renderRoot={(props) => (
              <Link to="/inspections/self" search={{ year, view: 'province' }} {...props} />
            )}
            data-testid="self-back"
          >
            {t('selfInspections.backToProvince')}
          </Button>
        </>
      }
    />
  );
  return <UnitView key={`${unitId}|${year}`} unitId={unitId} year={year} header={header} />;
}
