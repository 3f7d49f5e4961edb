import { Anchor, Badge, Button, Card, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { ScrollCue } from '../../components/table';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TimingBadge } from '../../components/workflow/badges';
import { formatDate } from '../../lib/format';
import {
  getFollowUp,
  listMeetingCommittees,
  listMeetings,
  meetingKeys,
  type Conclusion,
  type FollowUp,
  type MeetingSummary,
} from './api';
import { ConclusionStateBadge, MeetingKindBadge, MeetingStatusBadge } from './badges';

function MeetingLink({ meeting }: { meeting: Pick<MeetingSummary, 'id' | 'title'> }) {
  return (
    <Anchor
      fw={600}
      size="sm"
      renderRoot={(props) => <Link to="/meetings/$meetingId" params={{ meetingId: meeting.id }} {...props} />}
      data-testid="meeting-open"
    >
      {meeting.title}
    </Anchor>
  );
}

/** One conclusion as a line: number, text, lead unit and deadline, its follow-up and its tasks' status. */
export function ConclusionLine({ c }: { c: Conclusion }) {
  const { t } = useTranslation();
  return (
    <Group
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      gap="sm"
      data-testid="followup-conclusion"
    >
      <div style={{ minWidth: 0 }}>
        <Text size="sm">
          <strong>{c.ordinal}.</strong> {c.text}
        </Text>
        <Text size="xs" c="dimmed">
          {[
            c.leadUnitName ? t('meetings.leadUnitIs', { unit: c.leadUnitName }) : null,
            c.dueDate ? t('meetings.dueOn', { date: formatDate(c.dueDate) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </div>
      <Group gap={4} wrap="nowrap" justify="flex-end">
        {c.tasks.slice(0, 1).map((task) => (
          <TimingBadge key={task.id} timing={task.timing} />
        ))}
        <ConclusionStateBadge state={c.state} />
      </Group>
    </Group>
  );
}

function FollowUpCard({ data }: { data: FollowUp }) {
  const { t } = useTranslation();
  if (!data.previous)
    return (
      <Card withBorder padding="lg">
        <Text c="dimmed">{t('meetings.followUp.none')}</Text>
      </Card>
    );
  const p = data.previous;
  return (
    <Card withBorder padding="lg" data-testid="follow-up">
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <div>
          <Title order={2} size="h4">
            {t('meetings.followUp.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {formatDate(p.date)} · <MeetingLink meeting={p} />
          </Text>
        </div>
        <Group gap={6}>
          <Badge color="green" variant="light">
            {t('meetings.followUp.done', { count: p.conclusionStates.done, total: p.conclusionCount })}
          </Badge>
          {p.conclusionStates.overdue > 0 && (
            <Badge color="red" variant="light">
              {t('meetings.followUp.overdue', { count: p.conclusionStates.overdue })}
            </Badge>
          )}
        </Group>
      </Group>
      <Stack gap="xs">
        {p.conclusions.length === 0 && <Text c="dimmed">{t('meetings.noConclusions')}</Text>}
        {p.conclusions.map((c) => (
          <ConclusionLine key={c.id} c={c} />
        ))}
      </Stack>
      {data.outstanding.length > 0 && (
        <>
          <Title order={3} size="h5" mt="lg" mb="xs">
            {t('meetings.followUp.outstanding', { count: data.outstanding.length })}
          </Title>
          <Stack gap="xs">
            {data.outstanding.map((c) => (
              <div key={c.id}>
                <Text size="xs" c="dimmed">
                  {formatDate(c.meetingDate)} — {c.meetingTitle}
                </Text>
                <ConclusionLine c={c} />
              </div>
            ))}
          </Stack>
        </>
      )}
    </Card>
  );
}

/** Phiên họp, cuộc làm việc: a committee's meetings, newest first, and what the last one decided. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { committee?: string };
  const committees = useQuery({ queryKey: meetingKeys.committees, queryFn: listMeetingCommittees });
  const committeeId = search.committee ?? committees.data?.items[0]?.id ?? null;
  const meetings = useQuery({
    queryKey: meetingKeys.list(committeeId ?? ''),
    queryFn: () => listMeetings(committeeId!),
    enabled: !!committeeId,
  });
  const followUp = useQuery({
    queryKey: meetingKeys.followUp(committeeId ?? ''),
    queryFn: () => getFollowUp(committeeId!),
    enabled: !!committeeId,
  });
  const canCreate = meetings.data?.abilities.create ?? false;

  return (
    <div data-testid="meetings-page">
      <PageHeader
        title={t('meetings.title')}
        description={t('meetings.lead')}
        actions={
          canCreate && committeeId ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              renderRoot={(props) => (
                <Link to="/meetings/new/$committeeId" params={{ committeeId }} {...props} />
              )}
              data-testid="meeting-create"
            >
              {t('meetings.create')}
            </Button>
          ) : null
        }
      />
      {committees.isError && <ErrorAlert error={committees.error} />}
      {committees.isLoading && <Loader aria-label={t('common.loading')} />}
      {committees.data && committees.data.items.length === 0 && (
        <Text c="dimmed">{t('meetings.noCommittees')}</Text>
      )}
      {committees.data && committees.data.items.length > 0 && (
        <Stack gap="md">
          <Card withBorder padding="md">
            <Select
              label={t('meetings.committee')}
              data={committees.data.items.map((c) => ({
                value: c.id,
                label: `${c.name} (${t('meetings.meetingCount', { count: c.meetingCount })})`,
              }))}
              value={committeeId}
              onChange={(v) => v && void navigate({ href: `/meetings?committee=${v}`, replace: true })}
              searchable
              allowDeselect={false}
              maw={640}
              comboboxProps={{ withinPortal: true }}
              data-testid="meetings-committee"
            />
          </Card>
          {followUp.isError && <ErrorAlert error={followUp.error} />}
          {followUp.data && <FollowUpCard data={followUp.data} />}
          {meetings.isError && <ErrorAlert error={meetings.error} />}
          <Card withBorder padding={0}>
            <ScrollCue minWidth={900}>
              <Table striped highlightOnHover verticalSpacing="sm" data-testid="meetings-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('meetings.date')}</Table.Th>
                    <Table.Th>{t('meetings.meeting')}</Table.Th>
                    <Table.Th>{t('meetings.chair')}</Table.Th>
                    <Table.Th>{t('meetings.statusLabel')}</Table.Th>
                    <Table.Th>{t('meetings.conclusions')}</Table.Th>
                    <Table.Th>{t('meetings.noticeLabel')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {meetings.data?.items.map((m) => (
                    <Table.Tr key={m.id} data-testid="meeting-row">
                      <Table.Td className="nowrap">
                        <Text size="sm">{formatDate(m.date)}</Text>
                        {m.startTime && (
                          <Text size="xs" c="dimmed">
                            {m.startTime}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td miw={320}>
                        <MeetingLink meeting={m} />
                        <Group gap={6} mt={4}>
                          <MeetingKindBadge meeting={m} />
                          {m.unitName && (
                            <Text size="xs" c="dimmed">
                              {m.unitName}
                            </Text>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{m.chair?.name ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <MeetingStatusBadge status={m.status} />
                      </Table.Td>
                      <Table.Td className="nowrap">
                        {m.conclusionCount === 0 ? (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        ) : (
                          <Group gap={4}>
                            <Text size="sm">
                              {t('meetings.doneOf', {
                                done: m.conclusionStates.done,
                                total: m.conclusionCount,
                              })}
                            </Text>
                            {m.conclusionStates.overdue > 0 && (
                              <Badge color="red" size="sm">
                                {t('meetings.followUp.overdue', { count: m.conclusionStates.overdue })}
                              </Badge>
                            )}
                          </Group>
                        )}
                      </Table.Td>
                      <Table.Td className="nowrap">
                        {m.notice ? (
                          <Anchor
                            size="sm"
                            renderRoot={(props) => (
                              <Link
                                to="/documents/$documentId"
                                params={{ documentId: m.notice!.id }}
                                {...props}
                              />
                            )}
                          >
                            {m.notice.numberSymbol}
                          </Anchor>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {meetings.data && meetings.data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <Text c="dimmed" ta="center" py="lg">
                          {t('meetings.none')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </ScrollCue>
          </Card>
        </Stack>
      )}
    </div>
  );
}
