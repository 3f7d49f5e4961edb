import { ScrollCue } from '../../components/table';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  List,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconChecklist,
  IconEdit,
  IconFileCertificate,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { MemberReports } from './MemberReports';
import { BriefingPack } from './BriefingPack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeList } from '../../components/ChangeList';
import { AttachmentsCard } from '../../components/AttachmentsCard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { actionColor } from '../../components/RecordHistory';
import { StatusBadge, TimingBadge } from '../../components/workflow/badges';
import { formatDate, formatDateTime } from '../../lib/format';
import {
  deleteConclusion,
  downloadUrl,
  getMeeting,
  meetingHistory,
  meetingKeys,
  removeFile,
  uploadFile,
  type Conclusion,
  type Meeting,
  type MemberSnapshot,
} from './api';
import { ConclusionStateBadge, MeetingKindBadge, MeetingStatusBadge } from './badges';
import { ConclusionModal, NoticeModal, TaskModal } from './modals';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={180} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function MemberList({ members, withReason }: { members: MemberSnapshot[]; withReason?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      {members.map((m) => (
        <Group key={m.membershipId} gap="xs" wrap="nowrap" align="flex-start" data-testid="attendee">
          <Badge variant="light" color="red" style={{ flexShrink: 0 }}>
            {t(`committees.positions.${m.position}`, { defaultValue: m.position })}
          </Badge>
          <div>
            <Text size="sm" fw={500}>
              {m.name}
            </Text>
            <Text size="xs" c="dimmed">
              {[m.office, withReason && m.reason ? t('meetings.reasonIs', { reason: m.reason }) : null]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
        </Group>
      ))}
    </Stack>
  );
}

function ConclusionCard({
  c,
  onEdit,
  onTask,
  onDelete,
  deleting,
}: {
  c: Conclusion;
  onEdit: () => void;
  onTask: () => void;
  onDelete: () => void;
  deleting: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="conclusion" data-ordinal={c.ordinal}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <strong>{c.ordinal}.</strong> {c.text}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {[
              c.leadUnitName ? t('meetings.leadUnitIs', { unit: c.leadUnitName }) : null,
              c.dueDate ? t('meetings.dueOn', { date: formatDate(c.dueDate) }) : null,
              c.reformArea ? t(`plans.areas.${c.reformArea}`) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <Group gap={4} wrap="nowrap">
          <ConclusionStateBadge state={c.state} />
          {c.abilities.update && (
            <Tooltip label={t('common.edit')}>
              <ActionIcon
                variant="subtle"
                onClick={onEdit}
                aria-label={t('meetings.conclusion.edit', { n: c.ordinal })}
                data-testid="conclusion-edit"
              >
                <IconEdit size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
          {c.abilities.delete && (
            <Tooltip label={t('common.delete')}>
              <ActionIcon
                variant="subtle"
                color="red"
                loading={deleting}
                onClick={onDelete}
                aria-label={t('meetings.conclusion.delete', { n: c.ordinal })}
                data-testid="conclusion-delete"
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
      {c.tasks.length > 0 && (
        <Stack gap={6} mt="sm" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
          {c.tasks.map((task) => (
            <Group key={task.id} justify="space-between" wrap="wrap" gap="xs" data-testid="conclusion-task">
              <div style={{ minWidth: 0 }}>
                <Anchor
                  size="sm"
                  renderRoot={(props) => (
                    <Link
                      to="/plans/$planId"
                      params={{ planId: task.planId }}
                      search={{ task: task.id } as never}
                      {...props}
                    />
                  )}
                  data-testid="conclusion-task-link"
                >
                  <IconChecklist size={14} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
                  {task.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[
                    task.planTitle,
                    task.leadUnitName,
                    task.dueDate ? t('meetings.dueOn', { date: formatDate(task.dueDate) }) : null,
                    task.verifiedOn ? t('meetings.verifiedOn', { date: formatDate(task.verifiedOn) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </div>
              <Group gap={4}>
                <StatusBadge status={task.status} />
                <TimingBadge timing={task.timing} />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {c.abilities.createTask && (
        <Group mt="sm">
          <Button
            size="xs"
            variant={c.tasks.length ? 'subtle' : 'light'}
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={onTask}
            data-testid="conclusion-create-task"
          >
            {c.tasks.length ? t('meetings.task.another') : t('meetings.task.create')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function History({ id }: { id: string }) {
  const { t } = useTranslation();
  const history = useQuery({ queryKey: meetingKeys.history(id), queryFn: () => meetingHistory(id) });
  return (
    <Card withBorder padding="md" data-testid="record-history">
      <Title order={2} size="h4" mb="sm">
        {t('history.title')}
      </Title>
      {history.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {history.isError && <ErrorAlert error={history.error} />}
      {history.data && (
        <ScrollCue minWidth={600}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.at')}</Table.Th>
                <Table.Th>{t('history.actor')}</Table.Th>
                <Table.Th>{t('history.action')}</Table.Th>
                <Table.Th>{t('history.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td className="nowrap">{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.actorName ?? t('history.system')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={actionColor(e.action)}>
                      {e.actionLabel}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <ChangeList changes={e.changes} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollCue>
      )}
    </Card>
  );
}

function Files({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <AttachmentsCard
      title={t('meetings.files')}
      files={meeting.files}
      downloadUrl={(fileId) => downloadUrl(meeting.id, fileId)}
      canEdit={meeting.abilities.update}
      hint={t('meetings.filesHint')}
      onUpload={(f) => uploadFile(meeting.id, f)}
      onRemove={(fileId) => removeFile(meeting.id, fileId, meeting.version)}
      onChanged={async (updated: Meeting) => {
        queryClient.setQueryData(meetingKeys.one(meeting.id), updated);
        await queryClient.invalidateQueries({ queryKey: meetingKeys.history(meeting.id) });
      }}
      testId="meeting-files"
    />
  );
}

/** One meeting: who sat, what was on the agenda, what was decided, and whether each decision was done. */
export function MeetingDetailPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams({ strict: false });
  const queryClient = useQueryClient();
  const meeting = useQuery({ queryKey: meetingKeys.one(meetingId), queryFn: () => getMeeting(meetingId) });
  const [editing, setEditing] = useState<Conclusion | null>(null);
  const [adding, setAdding] = useState(false);
  const [tasking, setTasking] = useState<Conclusion | null>(null);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const remove = useMutation({
    mutationFn: (c: Conclusion) => deleteConclusion(c.id, c.version),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('meetings.conclusion.deleted') });
      await queryClient.invalidateQueries({ queryKey: meetingKeys.all });
    },
  });

  if (meeting.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (meeting.isError || !meeting.data) return <ErrorAlert error={meeting.error} />;
  const m = meeting.data;
  const back = { committee: m.committeeId };
  const canNotice = m.abilities.update && m.status === 'held' && !m.notice && m.conclusions.length > 0;

  return (
    <div data-testid="meeting-page">
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/meetings" search={back} {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('meetings.backToList')}
      </Anchor>
      <PageHeader
        title={<span data-testid="meeting-title">{m.title}</span>}
        documentTitle={m.title}
        description={m.committeeName}
        actions={
          <>
            {m.abilities.update && (
              <Button
                variant="light"
                leftSection={<IconEdit size={16} aria-hidden />}
                renderRoot={(props) => (
                  <Link to="/meetings/$meetingId/edit" params={{ meetingId: m.id }} {...props} />
                )}
                data-testid="meeting-edit"
              >
                {t('common.edit')}
              </Button>
            )}
            {canNotice && (
              <Button
                leftSection={<IconFileCertificate size={16} aria-hidden />}
                onClick={() => setNoticeOpen(true)}
                data-testid="notice-issue"
              >
                {t('meetings.notice.issue')}
              </Button>
            )}
          </>
        }
      />
      {remove.isError && (
        <Stack mb="md">
          <ErrorAlert error={remove.error} onReload={() => void meeting.refetch()} />
        </Stack>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder padding="lg" h="100%">
            <Table variant="vertical" withTableBorder={false} data-testid="meeting-fields">
              <Table.Tbody>
                <Field label={t('meetings.kind')}>
                  <Group gap={6}>
                    <MeetingKindBadge meeting={m} />
                    <MeetingStatusBadge status={m.status} />
                    {m.number && (
                      <Text size="sm" c="dimmed">
                        {t('meetings.numberN', { n: m.number })}
                      </Text>
                    )}
                  </Group>
                </Field>
                {m.unitName && <Field label={t('meetings.unit')}>{m.unitName}</Field>}
                <Field label={t('meetings.date')}>
                  {formatDate(m.date)}
                  {m.startTime ? ` · ${m.startTime}` : ''}
                </Field>
                <Field label={t('meetings.place')}>{m.place ?? '—'}</Field>
                <Field label={t('meetings.chair')}>
                  {m.chair ? `${m.chair.name}${m.chair.office ? ` — ${m.chair.office}` : ''}` : '—'}
                </Field>
                <Field label={t('meetings.noticeLabel')}>
                  {m.notice ? (
                    <Anchor
                      size="sm"
                      renderRoot={(props) => (
                        <Link to="/documents/$documentId" params={{ documentId: m.notice!.id }} {...props} />
                      )}
                      data-testid="meeting-notice"
                    >
                      {m.notice.numberSymbol} ({formatDate(m.notice.issuedOn)})
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('meetings.notice.none')}
                    </Text>
                  )}
                </Field>
                <Field label={t('common.updatedAt')}>
                  {formatDateTime(m.updatedAt)}{' '}
                  <Badge variant="outline" color="gray" size="sm">
                    {t('common.versionN', { version: m.version })}
                  </Badge>
                </Field>
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card withBorder padding="lg" h="100%" data-testid="meeting-attendance">
            <Title order={2} size="h4" mb="sm">
              {t('meetings.attendees', { count: m.attendees.length })}
            </Title>
            {m.attendees.length === 0 ? <Text c="dimmed">—</Text> : <MemberList members={m.attendees} />}
            {m.absentees.length > 0 && (
              <>
                <Title order={3} size="h5" mt="md" mb="xs">
                  {t('meetings.absentees', { count: m.absentees.length })}
                </Title>
                <MemberList members={m.absentees} withReason />
              </>
            )}
            {m.guests.length > 0 && (
              <>
                <Title order={3} size="h5" mt="md" mb="xs">
                  {t('meetings.guests')}
                </Title>
                <List size="sm">
                  {m.guests.map((g) => (
                    <List.Item key={g}>{g}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder padding="lg" h="100%">
            <Title order={2} size="h4" mb="sm">
              {t('meetings.agenda')}
            </Title>
            {m.agenda.length === 0 ? (
              <Text c="dimmed">—</Text>
            ) : (
              <List type="ordered" size="sm" spacing={4}>
                {m.agenda.map((a, i) => (
                  <List.Item key={i}>{a}</List.Item>
                ))}
              </List>
            )}
            <Title order={2} size="h4" mt="lg" mb="sm">
              {t('meetings.minutes')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="meeting-minutes-text">
              {m.minutes || '—'}
            </Text>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <BriefingPack meeting={m} />
            <Files meeting={m} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={12}>
          <Card withBorder padding="lg" data-testid="conclusions">
            <Group justify="space-between" mb="sm">
              <div>
                <Title order={2} size="h4">
                  {t('meetings.conclusions')}
                </Title>
                <Text size="sm" c="dimmed">
                  {m.conclusionCount
                    ? t('meetings.doneOf', { done: m.conclusionStates.done, total: m.conclusionCount })
                    : t('meetings.noConclusions')}
                  {m.status === 'planned' && m.abilities.update ? ` · ${t('meetings.task.afterHeld')}` : ''}
                </Text>
              </div>
              {m.abilities.update && (
                <Button
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setAdding(true)}
                  data-testid="conclusion-add"
                >
                  {t('meetings.conclusion.add')}
                </Button>
              )}
            </Group>
            <Stack gap="sm">
              {m.conclusions.map((c) => (
                <ConclusionCard
                  key={c.id}
                  c={c}
                  onEdit={() => setEditing(c)}
                  onTask={() => setTasking(c)}
                  onDelete={() => remove.mutate(c)}
                  deleting={remove.isPending && remove.variables?.id === c.id}
                />
              ))}
            </Stack>
          </Card>
        </Grid.Col>
        {m.kind === 'session' && (
          <Grid.Col span={12}>
            <MemberReports meeting={m} />
          </Grid.Col>
        )}
        <Grid.Col span={12}>
          <History id={m.id} />
        </Grid.Col>
      </Grid>
      {m.abilities.update && (
        <>
          <ConclusionModal
            meeting={m}
            conclusion={editing}
            opened={adding || !!editing}
            onClose={() => {
              setAdding(false);
              setEditing(null);
            }}
          />
          <TaskModal meeting={m} conclusion={tasking} onClose={() => setTasking(null)} />
          <NoticeModal meeting={m} opened={noticeOpen} onClose={() => setNoticeOpen(false)} />
        </>
      )}
    </div>
  );
}
