import { Anchor, Badge, Button, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScrollCue } from '../../components/table';
import { formatDate } from '../../lib/format';
import { askMemberReports, memberReportsOf, type Meeting } from './api';

const STATUS_COLORS: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

/**
 * The members' reports to a session (`/api/meetings/:id/member-reports`): who has sent theirs, or — for the
 * standing agency, before the session — a button asking every member who follows units for theirs.
 */
export function MemberReports({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['meetings', meeting.id, 'member-reports'];
  const data = useQuery({ queryKey: key, queryFn: () => memberReportsOf(meeting.id) });
  const [dueDate, setDueDate] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: () =>
      askMemberReports(meeting.id, { dueDate: dueDate ?? data.data?.suggestedDueDate ?? null }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('meetings.memberReports.asked') });
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  if (data.isError) return <ErrorAlert error={data.error} />;
  const d = data.data;
  if (!d) return null;
  const round = d.round;
  if (!round && !d.abilities.open) return null;
  return (
    <Card withBorder padding="lg" data-testid="member-reports">
      <Title order={2} size="h4" mb="xs">
        {t('meetings.memberReports.title')}
      </Title>
      {!round ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('meetings.memberReports.explain')}
          </Text>
          <Group align="flex-end">
            <DateField
              label={t('meetings.memberReports.dueDate')}
              value={dueDate ?? d.suggestedDueDate}
              onChange={setDueDate}
              data-testid="member-reports-due"
            />
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              loading={ask.isPending}
              onClick={() => ask.mutate()}
              data-testid="member-reports-ask"
            >
              {t('meetings.memberReports.ask')}
            </Button>
          </Group>
          {ask.isError && <ErrorAlert error={ask.error} />}
        </Stack>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" data-testid="member-reports-progress">
              {t('meetings.memberReports.progress', {
                submitted: round.rates.submitted,
                expected: round.rates.expected,
                due: formatDate(round.dueDate),
              })}
            </Text>
            <Anchor component={Link} to={`/reports/rounds/${round.id}`} size="sm">
              {t('meetings.memberReports.openRound')}
            </Anchor>
          </Group>
          <Progress
            value={round.rates.expected ? (100 * round.rates.submitted) / round.rates.expected : 0}
            aria-label={t('meetings.memberReports.title')}
          />
          <ScrollCue minWidth={420}>
            <Table striped data-testid="member-reports-table">
              <Table.Tbody>
                {round.units.map((u) => (
                  <Table.Tr key={u.reportId} data-testid="member-report-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/reports/${u.reportId}`}>
                        {u.unitName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[u.status] ?? 'gray'} variant="light">
                        {t(`meetings.memberReports.status.${u.status}`)}
                      </Badge>
                      {u.late && (
                        <Badge color="red" variant="outline" ml="xs">
                          {t('meetings.memberReports.late')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{u.submittedOn ? formatDate(u.submittedOn) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollCue>
        </Stack>
      )}
    </Card>
  );
}
