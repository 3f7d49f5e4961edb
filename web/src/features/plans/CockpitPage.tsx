import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { getCockpit } from './api';
import { StatusBadge, TimingBadge } from './badges';

/** A committee member's cockpit: the units I follow and their tasks, overdue first. */
export function CockpitPage() {
  const { t } = useTranslation();
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
                          <Link to="/plans/$planId" params={{ planId: task.plan.id }} {...props} />
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
    </Stack>
  );
}
