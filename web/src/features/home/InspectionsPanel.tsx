import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import type { Home } from './api';
import { InAppLink } from '../../components/InAppLink';

type Panel = NonNullable<Home['inspections']>;
type Rec = Panel['toVerify'][number];
type Insp = Panel['current'][number];

/**
 * The inspector's (and the standing agency's) inspections: those running and coming up, the remediation reports
 * waiting for verification, and the overdue recommendations — each opening its inspection.
 */
export function InspectionsPanel({ inspections: p }: { inspections: Panel }) {
  const { t } = useTranslation();
  const inspection = (i: Insp) => (
    <Group key={i.id} gap={8} wrap="nowrap" align="flex-start" data-testid="home-inspection">
      <div style={{ minWidth: 0 }}>
        <InAppLink to={`/inspections/${i.id}`} size="sm">
          {i.unit.name}
        </InAppLink>
        <Text size="xs" c="dimmed">
          {formatDate(i.plannedFrom)}
          {i.plannedTo !== i.plannedFrom ? ` – ${formatDate(i.plannedTo)}` : ''} ·{' '}
          {t(`homePage.inspections.status.${i.status}`)}
        </Text>
      </div>
    </Group>
  );
  const rec = (r: Rec, bad: boolean) => (
    <div key={r.id} data-testid="home-recommendation">
      <InAppLink to={r.link} size="sm">
        {t('homePage.inspections.recommendation', { number: r.number })}: {r.text}
      </InAppLink>
      <Text size="xs" c={bad ? 'red.7' : 'dimmed'}>
        {r.unitName} · {t('homePage.inspections.due', { date: formatDate(r.dueDate) })}
      </Text>
    </div>
  );
  const blocks: { key: keyof Panel['counts']; body: React.ReactNode[] }[] = [
    { key: 'current', body: p.current.map(inspection) },
    { key: 'upcoming', body: p.upcoming.map(inspection) },
    { key: 'toVerify', body: p.toVerify.map((r) => rec(r, false)) },
    { key: 'overdue', body: p.overdue.map((r) => rec(r, true)) },
  ];
  return (
    <Card withBorder padding="md" radius="md" data-testid="panel-inspections">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('homePage.inspections.title')}
          </Title>
          <InAppLink to={p.link} size="sm">
            {t('homePage.inspections.openAll')}
          </InAppLink>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {blocks.map((b) => (
            <Paper key={b.key} withBorder radius="md" p="sm" data-testid={`inspections-${b.key}`}>
              <Group justify="space-between" mb={6}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t(`homePage.inspections.${b.key}`)}
                </Text>
                <Badge
                  variant={b.key === 'overdue' && p.counts.overdue ? 'filled' : 'light'}
                  color={b.key === 'overdue' && p.counts.overdue ? 'red' : 'gray'}
                >
                  {formatNumber(p.counts[b.key])}
                </Badge>
              </Group>
              <Stack gap={6}>
                {b.body.length ? (
                  b.body
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('homePage.inspections.none')}
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
