import { ScrollCue } from '../../components/table';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Grid,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { applyServerErrors, orNull } from '../../lib/forms';
import { formatDate, isoDate } from '../../lib/format';
import {
  createMeeting,
  getMeeting,
  meetingKeys,
  membersOn,
  updateMeeting,
  type Meeting,
  type MeetingInput,
  type MeetingKind,
  type MeetingStatus,
} from './api';

type Presence = 'present' | 'absent' | 'none';

type Values = {
  kind: MeetingKind;
  extraordinary: boolean;
  unitId: string | null;
  number: number | string;
  title: string;
  date: string | null;
  startTime: string;
  place: string;
  status: MeetingStatus;
  chairMembershipId: string | null;
  presence: Record<string, Presence>;
  reasons: Record<string, string>;
  guests: string;
  agenda: string;
  minutes: string;
  /** Server messages about the attendance as a whole. */
  attendeeMembershipIds: string;
  absentees: string;
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function initialValues(m: Meeting | null): Values {
  const presence: Record<string, Presence> = {};
  const reasons: Record<string, string> = {};
  for (const a of m?.attendees ?? []) presence[a.membershipId] = 'present';
  for (const a of m?.absentees ?? []) {
    presence[a.membershipId] = 'absent';
    reasons[a.membershipId] = a.reason ?? '';
  }
  return {
    kind: m?.kind ?? 'session',
    extraordinary: m?.extraordinary ?? false,
    unitId: m?.unitId ?? null,
    number: m?.number ?? '',
    title: m?.title ?? '',
    date: m?.date ?? isoDate(),
    startTime: m?.startTime ?? '',
    place: m?.place ?? '',
    status: m?.status ?? 'planned',
    chairMembershipId: m?.chairMembershipId ?? null,
    presence,
    reasons,
    guests: (m?.guests ?? []).join('\n'),
    agenda: (m?.agenda ?? []).join('\n'),
    minutes: m?.minutes ?? '',
    attendeeMembershipIds: '',
    absentees: '',
  };
}

function toInput(v: Values, memberIds: string[], fallback: Presence): MeetingInput {
  const known = new Set(memberIds);
  const status = (id: string) => v.presence[id] ?? fallback;
  return {
    kind: v.kind,
    extraordinary: v.kind === 'session' && v.extraordinary,
    unitId: v.kind === 'working_session' ? v.unitId : null,
    number: v.kind === 'session' && typeof v.number === 'number' ? v.number : null,
    title: v.title.trim(),
    date: v.date!,
    startTime: orNull(v.startTime),
    place: orNull(v.place),
    status: v.status,
    chairMembershipId: v.chairMembershipId && known.has(v.chairMembershipId) ? v.chairMembershipId : null,
    attendeeMembershipIds: memberIds.filter((id) => id !== v.chairMembershipId && status(id) === 'present'),
    absentees: memberIds
      .filter((id) => id !== v.chairMembershipId && status(id) === 'absent')
      .map((id) => ({ membershipId: id, reason: orNull(v.reasons[id]) })),
    guests: lines(v.guests),
    agenda: lines(v.agenda),
    minutes: orNull(v.minutes),
  };
}

function MeetingForm({ committeeId, meeting }: { committeeId: string; meeting: Meeting | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const attendanceId = useId();
  const form = useForm<Values>({
    initialValues: initialValues(meeting),
    validate: {
      title: (v) => (v.trim().length >= 3 ? null : t('meetings.form.titleTooShort')),
      date: (v) => (v ? null : t('common.required')),
      unitId: (v, values) => (values.kind === 'working_session' && !v ? t('common.required') : null),
    },
  });
  const date = form.values.date ?? isoDate();
  const members = useQuery({
    queryKey: meetingKeys.members(committeeId, date),
    queryFn: () => membersOn(committeeId, date),
    placeholderData: keepPreviousData,
  });
  const list = members.data?.members ?? [];
  const memberIds = list.map((m) => m.id);
  // A new meeting starts with everyone present; an edited one keeps members it never recorded unrecorded.
  const fallback: Presence = meeting ? 'none' : 'present';

  // A new meeting's chair defaults to the committee's head on that date.
  useEffect(() => {
    if (meeting || form.values.chairMembershipId || !list.length) return;
    const head = list.find((m) => m.position === 'truong_ban');
    if (head) form.setFieldValue('chairMembershipId', head.id);
  }, [list, meeting, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const input = toInput(v, memberIds, fallback);
      return meeting ? updateMeeting(meeting.id, meeting.version, input) : createMeeting(committeeId, input);
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(meetingKeys.one(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      notifications.show({
        color: 'green',
        message: meeting ? t('common.saved') : t('meetings.form.created'),
      });
      await navigate({ to: '/meetings/$meetingId', params: { meetingId: saved.id } });
    },
    onError: (e) => applyServerErrors(form, e),
  });

  const presenceOf = (id: string): Presence => form.values.presence[id] ?? fallback;
  const setPresence = (id: string, p: Presence) => form.setFieldValue(`presence.${id}`, p as never);
  const attendanceError =
    form.errors.attendeeMembershipIds ?? form.errors.absentees ?? form.errors.chairMembershipId;

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="meeting-form">
      <Stack gap="md">
        {save.isError && <ErrorAlert error={save.error} onReload={() => window.location.reload()} />}
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('meetings.form.general')}
          </Title>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Stack gap={4}>
                <Text size="sm" fw={500} id={`${attendanceId}-kind`}>
                  {t('meetings.kind')}
                </Text>
                <SegmentedControl
                  aria-labelledby={`${attendanceId}-kind`}
                  value={form.values.kind}
                  onChange={(v) => form.setFieldValue('kind', v as MeetingKind)}
                  data={[
                    { value: 'session', label: t('meetings.kinds.session') },
                    { value: 'working_session', label: t('meetings.kinds.working_session') },
                    { value: 'internal', label: t('meetings.kinds.internal') },
                  ]}
                  data-testid="meeting-kind"
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              {form.values.kind === 'session' ? (
                <Checkbox
                  mt={{ base: 0, md: 28 }}
                  label={t('meetings.form.extraordinary')}
                  {...form.getInputProps('extraordinary', { type: 'checkbox' })}
                />
              ) : form.values.kind === 'internal' ? (
                <Text size="sm" c="dimmed" mt={{ base: 0, md: 28 }} data-testid="meeting-internal-note">
                  {t('meetings.form.internalNote')}
                </Text>
              ) : (
                <UnitSelect
                  label={t('meetings.unit')}
                  withAsterisk
                  asOf={date}
                  value={form.values.unitId}
                  onChange={(v) => form.setFieldValue('unitId', v)}
                  error={form.errors.unitId}
                  data-testid="meeting-unit"
                />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: form.values.kind === 'session' ? 9 : 12 }}>
              <TextInput
                label={t('meetings.form.title')}
                withAsterisk
                placeholder={t('meetings.form.titlePlaceholder')}
                {...form.getInputProps('title')}
                data-testid="meeting-title"
              />
            </Grid.Col>
            {form.values.kind === 'session' && (
              <Grid.Col span={{ base: 12, md: 3 }}>
                <NumberInput
                  label={t('meetings.form.number')}
                  min={1}
                  allowDecimal={false}
                  {...form.getInputProps('number')}
                />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <DateField
                label={t('meetings.date')}
                withAsterisk
                clearable={false}
                value={form.values.date}
                onChange={(v) => form.setFieldValue('date', v)}
                error={form.errors.date}
                data-testid="meeting-date"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <TextInput
                type="time"
                label={t('meetings.form.startTime')}
                {...form.getInputProps('startTime')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('meetings.place')}
                {...form.getInputProps('place')}
                data-testid="meeting-place"
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Stack gap={4}>
                <Text size="sm" fw={500} id={`${attendanceId}-status`}>
                  {t('meetings.statusLabel')}
                </Text>
                <SegmentedControl
                  aria-labelledby={`${attendanceId}-status`}
                  value={form.values.status}
                  onChange={(v) => form.setFieldValue('status', v as MeetingStatus)}
                  data={[
                    { value: 'planned', label: t('meetings.status.planned') },
                    { value: 'held', label: t('meetings.status.held') },
                  ]}
                  w="fit-content"
                  data-testid="meeting-status-input"
                />
                {form.errors.status && (
                  <Text size="xs" c="red">
                    {form.errors.status}
                  </Text>
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        </Card>

        <Card withBorder padding="lg">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4" id={attendanceId}>
              {t('meetings.form.attendance')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('meetings.form.membersOn', { date: formatDate(date), count: list.length })}
            </Text>
          </Group>
          {members.isError && <ErrorAlert error={members.error} />}
          {attendanceError && (
            <Text c="red" size="sm" mb="sm" role="alert" data-testid="attendance-error">
              {attendanceError}
            </Text>
          )}
          <Select
            label={t('meetings.chair')}
            data={list.map((m) => ({
              value: m.id,
              label: `${m.name} — ${t(`committees.positions.${m.position}`)}`,
            }))}
            value={form.values.chairMembershipId}
            onChange={(v) => form.setFieldValue('chairMembershipId', v)}
            clearable
            maw={520}
            mb="md"
            comboboxProps={{ withinPortal: true }}
            data-testid="meeting-chair"
          />
          <ScrollCue minWidth={760}>
            <Table verticalSpacing="xs" aria-labelledby={attendanceId} data-testid="attendance-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('committees.member')}</Table.Th>
                  <Table.Th>{t('committees.position')}</Table.Th>
                  <Table.Th>{t('meetings.form.presence')}</Table.Th>
                  <Table.Th>{t('meetings.form.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((m) => {
                  const isChair = m.id === form.values.chairMembershipId;
                  const p = isChair ? 'present' : presenceOf(m.id);
                  return (
                    <Table.Tr key={m.id} data-testid="attendance-row">
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {m.name}
                        </Text>
                        {m.office && (
                          <Text size="xs" c="dimmed">
                            {m.office}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="red">
                          {t(`committees.positions.${m.position}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {isChair ? (
                          <Text size="sm">{t('meetings.chair')}</Text>
                        ) : (
                          <SegmentedControl
                            size="xs"
                            value={p}
                            onChange={(v) => setPresence(m.id, v as Presence)}
                            aria-label={t('meetings.form.presenceOf', { name: m.name })}
                            data={[
                              { value: 'present', label: t('meetings.form.present') },
                              { value: 'absent', label: t('meetings.form.absent') },
                              { value: 'none', label: t('meetings.form.notRecorded') },
                            ]}
                          />
                        )}
                      </Table.Td>
                      <Table.Td>
                        {p === 'absent' && (
                          <TextInput
                            size="xs"
                            aria-label={t('meetings.form.reasonOf', { name: m.name })}
                            placeholder={t('meetings.form.reasonPlaceholder')}
                            value={form.values.reasons[m.id] ?? ''}
                            onChange={(e) =>
                              form.setFieldValue(`reasons.${m.id}`, e.currentTarget.value as never)
                            }
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollCue>
          <Textarea
            mt="md"
            label={t('meetings.guests')}
            description={t('meetings.form.onePerLine')}
            autosize
            minRows={2}
            {...form.getInputProps('guests')}
          />
        </Card>

        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Textarea
              label={t('meetings.agenda')}
              description={t('meetings.form.onePerLine')}
              autosize
              minRows={3}
              {...form.getInputProps('agenda')}
              data-testid="meeting-agenda"
            />
            <Textarea
              label={t('meetings.minutes')}
              autosize
              minRows={5}
              {...form.getInputProps('minutes')}
              data-testid="meeting-minutes"
            />
          </Stack>
        </Card>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="meeting-submit">
            {meeting ? t('common.save') : t('meetings.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function MeetingCreatePage() {
  const { t } = useTranslation();
  const { committeeId = '' } = useParams({ strict: false });
  const back = { committee: committeeId };
  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/meetings" search={back} {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('meetings.backToList')}
      </Anchor>
      <PageHeader title={t('meetings.create')} />
      <MeetingForm committeeId={committeeId} meeting={null} />
    </>
  );
}

export function MeetingEditPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams({ strict: false });
  const meeting = useQuery({ queryKey: meetingKeys.one(meetingId), queryFn: () => getMeeting(meetingId) });
  if (meeting.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (meeting.isError || !meeting.data) return <ErrorAlert error={meeting.error} />;
  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link to="/meetings/$meetingId" params={{ meetingId }} {...props} />}
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {meeting.data.title}
      </Anchor>
      <PageHeader title={t('meetings.edit')} description={meeting.data.title} />
      <MeetingForm committeeId={meeting.data.committeeId} meeting={meeting.data} />
    </>
  );
}
