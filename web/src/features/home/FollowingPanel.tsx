import { Alert, Badge, Card, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TimingBadge } from '../../components/workflow/badges';
import { formatDate, formatNumber } from '../../lib/format';
import { getCockpit, homeKeys } from './api';
import { InAppLink } from '../../components/InAppLink';

const TOP = 5;

/**
 * A committee member's first question: how are the units I follow doing — each unit with its overdue
 * tasks, the most overdue tasks, and the next report owed to the committee; the whole cockpit one click on.
 */
export function FollowingPanel() {
  const { t, i18n } = useTranslation();
  const cockpit = useQuery({ queryKey: homeKeys.cockpit, queryFn: getCockpit });
  const data = cockpit.data;
  const overdueTasks = (data?.tasks ?? []).filter((x) => x.timing.state === 'overdue');
  const overdueTotal = overdueTasks.length;
  const units = new Map((data?.units ?? []).map((u) => [u.unitId, u.unitName]));
  const pilotOverdue = (unitId: string) =>
    (data?.pilotItems ?? []).filter((i) => i.unitId === unitId && i.timing.state === 'overdue').length;
  return (
    <Card withBorder padding="md" radius="md" data-testid="panel-following">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4">
          {t('homePage.following.title')}
        </Title>
        {data && data.units.length > 0 && (
          <Group gap={6}>
            <Badge variant="light" color="gray" size="lg">
              {t('homePage.following.units', { count: data.units.length })}
            </Badge>
            {overdueTotal > 0 && (
              <Badge color="red" size="lg" data-testid="panel-following-overdue">
                {t('homePage.overdueCount', { count: overdueTotal, n: formatNumber(overdueTotal) })}
              </Badge>
            )}
          </Group>
        )}
      </Group>
      {cockpit.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {cockpit.isError && <ErrorAlert error={cockpit.error} />}
      {data && data.units.length === 0 && (
        <Text size="sm" data-testid="panel-following-empty">
          {t('homePage.following.none')}
        </Text>
      )}
      {data && data.units.length > 0 && (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="sm">
            {data.units.map((u) => (
              <Paper key={u.unitId} withBorder radius="md" p="sm" data-testid="followed-unit">
                <Text fw={600}>{u.unitName}</Text>
                <Group gap={6} mt={6}>
                  <Badge
                    color={u.overdue.length ? 'red' : 'green'}
                    variant={u.overdue.length ? 'filled' : 'light'}
                  >
                    {t('homePage.overdueCount', {
                      count: u.overdue.length,
                      n: formatNumber(u.overdue.length),
                    })}
                  </Badge>
                  <Badge variant="light" color="gray">
                    {t('homePage.following.verifiedOf', {
                      verified: formatNumber(u.verified.length),
                      total: formatNumber(u.total),
                    })}
                  </Badge>
                  {pilotOverdue(u.unitId) > 0 && (
                    <Badge variant="light" color="grape">
                      {t('homePage.following.pilotOverdue', { count: pilotOverdue(u.unitId) })}
                    </Badge>
                  )}
                </Group>
              </Paper>
            ))}
          </SimpleGrid>
          {overdueTasks.length > 0 && (
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t('homePage.following.mostOverdue')}
              </Text>
              <Stack gap={6}>
                {[...overdueTasks]
                  .sort((a, b) => b.timing.daysOverdue - a.timing.daysOverdue)
                  .slice(0, TOP)
                  .map((task) => (
                    <div key={task.id} data-testid="followed-task">
                      <InAppLink
                        to={`/plans/${task.plan.id}?task=${task.id}`}
                        size="sm"
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {task.title}
                      </InAppLink>
                      <Group gap={6}>
                        <Text size="xs" c="dimmed">
                          {units.get(task.leadUnitId)} · {t('work.due', { date: formatDate(task.dueDate) })}
                        </Text>
                        <TimingBadge timing={task.timing} ns="work" testId="followed-task" />
                      </Group>
                    </div>
                  ))}
              </Stack>
            </div>
          )}
        </Stack>
      )}
      {data?.nextReport && data.units.length > 0 && (
        <Alert color="blue" variant="light" mt="sm" p="xs" data-testid="following-next-report">
          <Text size="sm">
            {t('homePage.following.nextReport', {
              label: i18n.language.startsWith('en') ? data.nextReport.label.en : data.nextReport.label.vi,
              due: formatDate(data.nextReport.due),
            })}
          </Text>
        </Alert>
      )}
      {data && data.units.length > 0 && (
        <InAppLink to="/cockpit" size="sm" mt="sm" display="inline-block" data-testid="open-cockpit">
          {t('homePage.following.open')}
        </InAppLink>
      )}
    </Card>
  );
}
