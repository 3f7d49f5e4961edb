import { Alert, Anchor, Badge, Center, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Pager } from '../../../components/Pager';
import { ScrollCue } from '../../../components/table';
import { inLanguage } from '../../../components/workflow/work';
import { formatDate, formatNumber } from '../../../lib/format';
import { CaseStatusBadge, SatisfactionBadge } from '../badges';
import { getStatsCases, statsKeys, type DrillTarget, type StatsView } from './statsApi';

const PAGE_SIZE = 50;

/**
 * The cases behind one number: the server counts again and lists exactly the cases of that figure, as they
 * stood on the as-of day; each opens its page.
 */
export function StatsDrawer({
  view,
  target,
  onClose,
}: {
  view: StatsView;
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState(target);
  if (shown !== target) {
    // A new number opened: back to its first page.
    setShown(target);
    setPage(1);
  }
  const cases = useQuery({
    queryKey: statsKeys.cases(view, target, page),
    queryFn: () => getStatsCases(view, target!, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    enabled: !!target,
    placeholderData: keepPreviousData,
  });
  const data = cases.data;
  return (
    <Drawer
      opened={!!target}
      onClose={onClose}
      position="right"
      size={880}
      title={
        target && (
          <Stack gap={0}>
            <Text fw={700} data-testid="stats-drill-title">
              {target.label}: {target.value}
            </Text>
            {data && (
              <Text size="sm" c="dimmed">
                {t('hotlineStats.drawer.subtitle', {
                  count: formatNumber(data.count),
                  date: formatDate(data.asOf),
                })}
              </Text>
            )}
          </Stack>
        )
      }
      data-testid="stats-drawer"
    >
      {cases.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {cases.isError && <ErrorAlert error={cases.error} />}
      {data && data.count === 0 && (
        <Alert color="gray" data-testid="stats-drill-empty">
          {t('hotlineStats.drawer.empty')}
        </Alert>
      )}
      {data && data.count > 0 && (
        <>
          <ScrollCue minWidth={720} label={t('hotlineStats.drawer.label')} testId="stats-drill-scroll">
            <Table striped verticalSpacing="xs" data-testid="stats-drill-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('hotlineStats.drawer.code')}</Table.Th>
                  <Table.Th>{t('hotlineStats.drawer.case')}</Table.Th>
                  <Table.Th>{t('hotlineStats.drawer.unit')}</Table.Th>
                  <Table.Th>{t('hotlineStats.drawer.due')}</Table.Th>
                  <Table.Th>{t('hotlineStats.drawer.answered')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((c) => (
                  <Table.Tr key={c.id} data-testid="stats-drill-row" data-case-id={c.id}>
                    <Table.Td>
                      <Text size="xs" ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
                        {c.code}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(c.receivedOn)} · {t(`hotline.channel.${c.channel}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={300}>
                      <Anchor
                        size="sm"
                        fw={500}
                        style={{ overflowWrap: 'anywhere' }}
                        renderRoot={(props) => <Link to="/hotline/$id" params={{ id: c.id }} {...props} />}
                        data-testid="stats-drill-link"
                      >
                        {c.title}
                      </Anchor>
                      <Group gap={4} mt={4}>
                        <CaseStatusBadge status={c.status} size="sm" />
                        {c.satisfaction && <SatisfactionBadge value={c.satisfaction} size="sm" />}
                      </Group>
                      {c.category && (
                        <Text size="xs" c="dimmed">
                          {inLanguage(c.category, i18n.language)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.unit ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(c.dueDate)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.answeredOn ? formatDate(c.answeredOn) : '—'}</Text>
                      {c.onTime !== null && (
                        <Badge
                          size="sm"
                          variant="light"
                          color={c.onTime ? 'green' : 'red'}
                          data-testid="stats-drill-ontime"
                        >
                          {c.onTime ? t('hotlineStats.drawer.onTime') : t('hotlineStats.drawer.late')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollCue>
          <Pager total={data.count} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Drawer>
  );
}
