import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../lib/format';
import { getCockpit } from './api';
import { StatusBadge, TimingBadge } from './badges';

/** A committee member's cockpit: the units I follow and their tasks, overdue first. */
export function CockpitPage() {
  const { t, i18n } = useTranslation();
  const cockpit = useQuery({ queryKey: ['cockpit'], queryFn: getCockpit });
  const units = new Map((cockpit.data?.units ?? []).map((u) => [u.unitId, u.unitName]));
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('plans.cockpit.title')}
        </Title>
        <Text c="dimmed">{t('plans.cockpit.description')}</Text>
      </div>
      {cockpit.isError && <ErrorAlert error={cockpit.error} />}
      {cockpit.data?.nextReport && (
        <Alert
          color="blue"
          variant="light"
          data-testid="cockpit-next-report"
          title={t('plans.cockpit.nextReport')}
        >
          {t('plans.cockpit.nextReportText', {
            label: i18n.language.startsWith('en')
              ? cockpit.data.nextReport.label.en
              : cockpit.data.nextReport.label.vi,
            due: formatDate(cockpit.data.nextReport.due),
            from: formatDate(cockpit.data.nextReport.window.from),
            to: formatDate(cockpit.data.nextReport.window.to),
          })}
        </Alert>
      )}
      {cockpit.data && cockpit.data.units.length === 0 && <Text>{t('plans.cockpit.none')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {cockpit.data?.units.map((u) => (
          <Card key={u.unitId} withBorder data-testid="cockpit-unit">
            <Text fw={600}>{u.unitName}</Text>
            <Text size="xs" c="dimmed">
              {u.committeeName}
            </Text>
            <Group gap="xs" mt="xs">
              <Badge variant="light">{t('plans.cockpit.tasks', { count: u.total })}</Badge>
              <Badge color={u.overdue.length ? 'red' : 'gray'} variant="light">
                {t('plans.cockpit.overdue', { count: u.overdue.length })}
              </Badge>
              <Badge color="green" variant="light">
                {t('plans.cockpit.verified', { count: u.verified.length })}
              </Badge>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {!!cockpit.data?.tasks.length && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={800}>
            <Table striped verticalSpacing="sm" data-testid="cockpit-tasks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.cockpit.task')}</Table.Th>
                  <Table.Th>{t('plans.cockpit.unit')}</Table.Th>
                  <Table.Th>{t('plans.cockpit.due')}</Table.Th>
                  <Table.Th>{t('plans.cockpit.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cockpit.data.tasks.map((task) => (
                  <Table.Tr key={task.id} data-testid="cockpit-task">
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link
                            to="/plans/$planId"
                            params={{ planId: task.plan.id }}
                            search={{ task: task.id } as never}
                            {...props}
                          />
                        )}
                      >
                        {task.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {task.plan.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>{units.get(task.leadUnitId) ?? ''}</Table.Td>
                    <Table.Td>{formatDate(task.dueDate)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <StatusBadge status={task.status} />
                        <TimingBadge timing={task.timing} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {!!cockpit.data?.pilotItems.length && (
        <Card withBorder padding="md" data-testid="cockpit-pilots">
          <Title order={2} size="h4" mb="sm">
            {t('plans.cockpit.pilotItems')}
          </Title>
          <Table striped>
            <Table.Tbody>
              {cockpit.data.pilotItems.slice(0, 15).map((item) => (
                <Table.Tr key={item.id} data-testid="cockpit-pilot-item">
                  <Table.Td>
                    <Anchor
                      size="sm"
                      renderRoot={(props) => (
                        <Link
                          to="/pilots/units/$pilotUnitId"
                          params={{ pilotUnitId: item.pilotUnitId }}
                          {...props}
                        />
                      )}
                    >
                      {item.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {item.unitName} · {item.year}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDate(item.dueDate)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <StatusBadge status={item.status} />
                      <TimingBadge timing={item.timing} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {!!cockpit.data?.recentProgress.length && (
        <Card withBorder padding="md" data-testid="cockpit-progress">
          <Title order={2} size="h4" mb="sm">
            {t('plans.cockpit.recentProgress')}
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
      {cockpit.data && cockpit.data.units.length > 0 && !cockpit.data.feedback.available && (
        <Text size="sm" c="dimmed" data-testid="cockpit-feedback">
          {t('plans.cockpit.feedbackLater')}
        </Text>
      )}
    </Stack>
  );
}
