/**
 * The records behind a count of the province overview (`/province/drill?what=overdue&unit=…&kind=…`, issue 18): the
 * same computation as the count, listed with each record's own page — a task opens on its plan, a report on the
 * reports page, a recommendation on its inspection. The choices of the overview travel in the address.
 */
import { Badge, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { DataTable, type Column } from '../../components/table';
import { toQueryString } from '../../lib/api';
import { formatDate, formatNumber, viCollator } from '../../lib/format';
import { dashboardKeys, filtersFrom, filtersQuery, getDrill, type DrillFilters, type DrillItem } from './api';
import { pick } from './figures';
import { InAppLink } from '../../components/InAppLink';
import { periodText } from './ProvincePage';

const WHATS = ['overdue', 'recommendations'] as const;

export function DrillPage() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const what = WHATS.find((w) => w === search.what) ?? 'overdue';
  const filters: DrillFilters = {
    ...filtersFrom(search),
    what,
    unit: typeof search.unit === 'string' ? search.unit : undefined,
    kind: typeof search.kind === 'string' ? (search.kind as DrillFilters['kind']) : undefined,
  };
  const drill = useQuery({ queryKey: dashboardKeys.drill(filters), queryFn: () => getDrill(filters) });
  const data = drill.data;
  const titleOf = (i: DrillItem) => (i.titles ? pick(i.titles, i18n.language) : i.title);
  const columns: Column<DrillItem>[] = [
    {
      key: 'title',
      header: t('drill.record'),
      value: titleOf,
      compare: (a, b) => viCollator.compare(titleOf(a), titleOf(b)),
      cell: (i) => (
        <div>
          <InAppLink to={i.link} size="sm" fw={600} data-testid="drill-link">
            {titleOf(i)}
          </InAppLink>
          {i.context && (
            <Text size="xs" c="dimmed">
              {pick(i.context, i18n.language)}
            </Text>
          )}
        </div>
      ),
      cellStyle: { minWidth: 220 },
    },
    {
      key: 'kind',
      header: t('drill.kind'),
      value: (i) => (i.kind === 'recommendation' ? t('drill.recommendation') : t(`work.kinds.${i.kind}`)),
      cell: (i) => (
        <Badge variant="light" color="gray" size="sm">
          {i.kind === 'recommendation' ? t('drill.recommendation') : t(`work.kinds.${i.kind}`)}
        </Badge>
      ),
    },
    {
      key: 'unit',
      header: t('drill.unit'),
      value: (i) => i.unit.name,
      compare: (a, b) => viCollator.compare(a.unit.name, b.unit.name),
    },
    {
      key: 'due',
      header: t('drill.due'),
      value: (i) => i.dueDate ?? '',
      cell: (i) => formatDate(i.dueDate),
    },
    {
      key: 'late',
      header: t('drill.daysOverdue'),
      numeric: true,
      value: (i) => i.daysOverdue,
      cell: (i) => (
        <Text size="sm" c="red.9" fw={600}>
          {formatNumber(i.daysOverdue)}
        </Text>
      ),
    },
  ];
  const back = `/province${toQueryString(filtersQuery(filters))}`;
  return (
    <>
      <PageHeader
        title={what === 'overdue' ? t('drill.titleOverdue') : t('drill.titleRecommendations')}
        description={
          data
            ? t('drill.lead', {
                period: periodText(data.period, i18n.language),
                date: formatDate(data.asOf),
              })
            : undefined
        }
        actions={<InAppLink to={back}>{t('drill.back')}</InAppLink>}
      />
      {drill.error && <ErrorAlert error={drill.error} />}
      {!data && !drill.error && <Loader />}
      {data && (
        <>
          <Group gap="xs" mb="sm">
            <Text fw={700} data-testid="drill-count">
              {t('drill.count', { count: data.count, value: formatNumber(data.count) })}
            </Text>
            {data.unit && <Badge variant="outline">{data.unit.name}</Badge>}
            {data.kind && <Badge variant="outline">{t(`work.kinds.${data.kind}`)}</Badge>}
          </Group>
          <DataTable
            rows={data.items}
            columns={columns}
            rowKey={(i) => `${i.kind}:${i.id}`}
            initialSort={{ key: 'late', dir: 'desc' }}
            label={t('drill.tableLabel')}
            testId="drill-table"
            empty={t('drill.empty')}
            minWidth={640}
          />
        </>
      )}
    </>
  );
}
