import { Alert, Badge, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge, TimingBadge } from '../../components/workflow/badges';
import { formatDate, formatDateTime } from '../../lib/format';
import { getCockpit, homeKeys } from './api';
import { InAppLink } from '../../components/InAppLink';
import { ScrollCue } from '../../components/table';

/**
 * A committee member's cockpit (`GET /api/home/cockpit`): the units I follow and their tasks, overdue
 * first, their pilot items, the latest progress that reached the province and the next report I owe.
 */
export function CockpitPage() {
  const { t, i18n } = useTranslation();
  const cockpit = useQuery({ queryKey: homeKeys.cockpit, queryFn: getCockpit });
  // At phone width the lists are cards, not wide tables.
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const units = new Map((cockpit.data?.units ?? []).map((u) => [u.unitId, u.unitName]));
  return (
    <Stack gap="md">
      <PageHeader title={t('homePage.cockpit.title')} description={t('homePage.cockpit.description')} />
      {cockpit.isError && <ErrorAlert error={cockpit.error} />}
      {cockpit.data?.nextReport && (
        <Alert
          color="blue"
          variant="light"
          data-testid="cockpit-next-report"
          title={t('homePage.cockpit.nextReport')}
        >
          {t('homePage.cockpit.nextReportText', {
            label: i18n.language.startsWith('en')
              ? cockpit.data.nextReport.label.en
              : cockpit.data.nextReport.label.vi,
            due: formatDate(cockpit.data.nextReport.due),
            from: formatDate(cockpit.data.nextReport.window.from),
            to: formatDate(cockpit.data.nextReport.window.to),
          })}
        </Alert>
      )}
      {cockpit.data?.memberReports.map((r) => (
        <Alert
          key={r.id}
          color={r.status === 'returned' ? 'orange' : 'indigo'}
          variant="light"
          data-testid="cockpit-member-report"
          title={t('homePage.cockpit.memberReport')}
        >
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              {t(
                r.status === 'returned'
                  ? 'homePage.cockpit.memberReportReturned'
                  : 'homePage.cockpit.memberReportText',
                {
                  due: formatDate(r.dueDate),
                },
              )}
            </Text>
            <InAppLink to={`/reports/${r.id}`}>{t('homePage.cockpit.memberReportOpen')}</InAppLink>
          </Group>
        </Alert>
      ))}
      {cockpit.data && cockpit.data.units.length === 0 && <Text>{t('homePage.cockpit.none')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {cockpit.data?.units.map((u) => (
          <Card key={u.unitId} withBorder data-testid="cockpit-unit">
            <Text fw={600}>{u.unitName}</Text>
            <Text size="xs" c="dimmed">
              {u.committeeName}
            </Text>
            <Group gap="xs" mt="xs">
              <Badge variant="light">{t('homePage.cockpit.tasks', { count: u.total })}</Badge>
              <Badge color={u.overdue.length ? 'red' : 'gray'} variant="light">
                {t('homePage.cockpit.overdue', { count: u.overdue.length })}
              </Badge>
              <Badge color="green" variant="light">
                {t('homePage.cockpit.verified', { count: u.verified.length })}
              </Badge>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {!!cockpit.data?.tasks.length && phone && (
        <Stack gap="xs" data-testid="cockpit-tasks">
          {cockpit.data.tasks.map((task) => (
            <Paper key={task.id} withBorder radius="md" p="sm" data-testid="cockpit-task">
              <InAppLink to={`/plans/${task.plan.id}?task=${task.id}`} fw={600} size="sm">
                {task.title}
              </InAppLink>
              <Text size="xs" c="dimmed">
                {task.plan.title} · {units.get(task.leadUnitId) ?? ''} ·{' '}
                {t('work.due', { date: formatDate(task.dueDate) })}
              </Text>
              <Group gap={4} mt={4}>
                <StatusBadge status={task.status} ns="work" />
                <TimingBadge timing={task.timing} ns="work" />
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {!!cockpit.data?.tasks.length && !phone && (
        <Card withBorder padding={0}>
          <ScrollCue minWidth={800} testId="cockpit-tasks-scroll">
            <Table striped verticalSpacing="sm" data-testid="cockpit-tasks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('homePage.cockpit.task')}</Table.Th>
                  <Table.Th>{t('homePage.cockpit.unit')}</Table.Th>
                  <Table.Th>{t('homePage.cockpit.due')}</Table.Th>
                  <Table.Th>{t('homePage.cockpit.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cockpit.data.tasks.map((task) => (
                  <Table.Tr key={task.id} data-testid="cockpit-task">
                    <Table.Td>
                      <InAppLink to={`/plans/${task.plan.id}?task=${task.id}`}>{task.title}</InAppLink>
                      <Text size="xs" c="dimmed">
                        {task.plan.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>{units.get(task.leadUnitId) ?? ''}</Table.Td>
                    <Table.Td>{formatDate(task.dueDate)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <StatusBadge status={task.status} ns="work" />
                        <TimingBadge timing={task.timing} ns="work" />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollCue>
        </Card>
      )}
      {!!cockpit.data?.pilotItems.length && (
        <Card withBorder padding="md" data-testid="cockpit-pilots">
          <Title order={2} size="h4" mb="sm">
            {t('homePage.cockpit.pilotItems')}
          </Title>
          {phone ? (
            <Stack gap="xs">
              {cockpit.data.pilotItems.slice(0, 15).map((item) => (
                <div key={item.id} data-testid="cockpit-pilot-item">
                  <InAppLink to={`/pilots/units/${item.pilotUnitId}`} size="sm">
                    {item.title}
                  </InAppLink>
                  <Text size="xs" c="dimmed">
                    {item.unitName} · {item.year} · {t('work.due', { date: formatDate(item.dueDate) })}
                  </Text>
                  <Group gap={4} mt={2}>
                    <StatusBadge status={item.status} ns="work" />
                    <TimingBadge timing={item.timing} ns="work" />
                  </Group>
                </div>
              ))}
            </Stack>
          ) : (
            <ScrollCue minWidth={560} testId="cockpit-followed-scroll">
              <Table striped>
                <Table.Tbody>
                  {cockpit.data.pilotItems.slice(0, 15).map((item) => (
                    <Table.Tr key={item.id} data-testid="cockpit-pilot-item">
                      <Table.Td>
                        <InAppLink to={`/pilots/units/${item.pilotUnitId}`} size="sm">
                          {item.title}
                        </InAppLink>
                        <Text size="xs" c="dimmed">
                          {item.unitName} · {item.year}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatDate(item.dueDate)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <StatusBadge status={item.status} ns="work" />
                          <TimingBadge timing={item.timing} ns="work" />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollCue>
          )}
        </Card>
      )}
      {!!cockpit.data?.recentProgress.length && (
        <Card withBorder padding="md" data-testid="cockpit-progress">
          <Title order={2} size="h4" mb="sm">
            {t('homePage.cockpit.recentProgress')}
          </Title>
          <Stack gap="xs">
            {cockpit.data.recentProgress.map((e) => (
              <div key={e.id} data-testid="cockpit-progress-item">
                <Text size="sm">
                  <strong>{e.unitName}</strong> · {e.task.title}
                  {e.percent != null ? ` · ${e.percent}%` : ''}
                </Text>
                <Text size="sm">{e.note}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(e.at)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </Text>
              </div>
            ))}
          </Stack>
        </Card>
      )}
      {cockpit.data && cockpit.data.units.length > 0 && cockpit.data.feedback.available && (
        <Card withBorder padding="md" radius="md" data-testid="cockpit-feedback">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('homePage.cockpit.feedbackTitle')}
            </Title>
            {cockpit.data.feedback.items.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('homePage.cockpit.feedbackNone')}
              </Text>
            )}
            {cockpit.data.feedback.items.map((f) => (
              <div key={f.id} data-testid="cockpit-feedback-item">
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {f.unitName}
                  </Text>
                  <Badge variant="light" color={f.overdue ? 'red' : 'gray'} size="sm">
                    {f.overdue
                      ? t('homePage.cockpit.feedbackOverdue')
                      : t(`homePage.cockpit.feedbackStatus.${f.status}`)}
                  </Badge>
                  {f.satisfaction === 'not_satisfied' && (
                    <Badge variant="light" color="orange" size="sm">
                      {t('homePage.cockpit.notSatisfied')}
                    </Badge>
                  )}
                </Group>
                <InAppLink to={`/hotline/${f.id}`} size="sm">
                  {f.code} · {f.title}
                </InAppLink>
                <Text size="xs" c="dimmed">
                  {f.category ? `${i18n.language === 'en' ? f.category.en : f.category.vi} · ` : ''}
                  {formatDate(f.receivedOn)}
                </Text>
              </div>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
