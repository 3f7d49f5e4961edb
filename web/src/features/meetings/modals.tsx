import {
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { applyServerErrors, orNull } from '../../lib/forms';
import { formatDate, isoDate } from '../../lib/format';
import {
  addConclusion,
  createTask,
  issueNotice,
  meetingKeys,
  nextNoticeNumber,
  REFORM_AREAS,
  updateConclusion,
  type Conclusion,
  type Meeting,
  type NoticeNumber,
  type ReformArea,
} from './api';

const useRefresh = (meetingId: string) => {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: meetingKeys.one(meetingId) });
    await queryClient.invalidateQueries({ queryKey: meetingKeys.history(meetingId) });
    await queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['meetings', 'follow-up'] });
    await queryClient.invalidateQueries({ queryKey: ['plans'] });
  };
};

function AreaSelect(props: {
  value: ReformArea | null;
  onChange: (v: ReformArea | null) => void;
  error?: React.ReactNode;
  required?: boolean;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('plans.reformArea')}
      withAsterisk={props.required}
      data={REFORM_AREAS.map((a) => ({ value: a, label: t(`plans.areas.${a}`) }))}
      value={props.value}
      onChange={(v) => props.onChange(v as ReformArea | null)}
      error={props.error}
      clearable={!props.required}
      comboboxProps={{ withinPortal: true }}
      data-testid={props['data-testid']}
    />
  );
}

type ConclusionValues = {
  text: string;
  leadUnitId: string | null;
  dueDate: string | null;
  reformArea: ReformArea | null;
};

/** Adds a conclusion, or edits one (`conclusion` given). */
export function ConclusionModal({
  meeting,
  conclusion,
  opened,
  onClose,
}: {
  meeting: Meeting;
  conclusion: Conclusion | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(meeting.id);
  const form = useForm<ConclusionValues>({
    initialValues: { text: '', leadUnitId: null, dueDate: null, reformArea: null },
    validate: { text: (v) => (v.trim().length >= 3 ? null : t('meetings.form.textTooShort')) },
  });
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      text: conclusion?.text ?? '',
      leadUnitId: conclusion?.leadUnitId ?? null,
      dueDate: conclusion?.dueDate ?? null,
      reformArea: conclusion?.reformArea ?? null,
    });
    form.resetDirty();
  }, [opened, conclusion?.id]);
  const save = useMutation({
    mutationFn: (v: ConclusionValues) => {
      const input = { ...v, text: v.text.trim() };
      return conclusion
        ? updateConclusion(conclusion.id, conclusion.version, input)
        : addConclusion(meeting.id, input);
    },
    onSuccess: async () => {
      notifications.show({
        color: 'green',
        message: conclusion ? t('common.saved') : t('meetings.conclusion.added'),
      });
      form.reset();
      onClose();
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        conclusion ? t('meetings.conclusion.edit', { n: conclusion.ordinal }) : t('meetings.conclusion.add')
      }
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="conclusion-form">
        <Stack gap="sm">
          {save.isError && <ErrorAlert error={save.error} />}
          <Textarea
            label={t('meetings.conclusion.text')}
            withAsterisk
            autosize
            minRows={3}
            {...form.getInputProps('text')}
            data-testid="conclusion-text"
          />
          <UnitSelect
            label={t('meetings.conclusion.leadUnit')}
            asOf={meeting.date}
            value={form.values.leadUnitId}
            onChange={(v) => form.setFieldValue('leadUnitId', v)}
            error={form.errors.leadUnitId}
            allowDeselect
            data-testid="conclusion-lead"
          />
          <Group grow align="flex-start">
            <DateField
              label={t('meetings.conclusion.dueDate')}
              value={form.values.dueDate}
              onChange={(v) => form.setFieldValue('dueDate', v)}
              error={form.errors.dueDate}
              data-testid="conclusion-due"
            />
            <AreaSelect
              value={form.values.reformArea}
              onChange={(v) => form.setFieldValue('reformArea', v)}
              error={form.errors.reformArea}
              data-testid="conclusion-area"
            />
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="conclusion-submit">
              {conclusion ? t('common.save') : t('meetings.conclusion.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type TaskValues = {
  planId: string | null;
  title: string;
  leadUnitId: string | null;
  dueDate: string | null;
  reformArea: ReformArea | null;
  expectedOutput: string;
};

/** Turns a conclusion into a tracked task in a plan (the committee's plan of the meeting's year by default). */
export function TaskModal({
  meeting,
  conclusion,
  onClose,
}: {
  meeting: Meeting;
  conclusion: Conclusion | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(meeting.id);
  const form = useForm<TaskValues>({
    initialValues: {
      planId: null,
      title: '',
      leadUnitId: null,
      dueDate: null,
      reformArea: null,
      expectedOutput: '',
    },
    validate: {
      planId: (v) => (v ? null : t('common.required')),
      title: (v) => (v.trim().length >= 3 ? null : t('meetings.form.textTooShort')),
      leadUnitId: (v) => (v ? null : t('common.required')),
      reformArea: (v) => (v ? null : t('common.required')),
    },
  });
  useEffect(() => {
    if (!conclusion) return;
    form.setValues({
      planId: meeting.taskPlans.find((p) => p.isDefault)?.id ?? meeting.taskPlans[0]?.id ?? null,
      title: conclusion.text.replace(/\s+/g, ' ').trim().slice(0, 1000),
      leadUnitId: conclusion.leadUnitId,
      dueDate: conclusion.dueDate,
      reformArea: conclusion.reformArea,
      expectedOutput: '',
    });
    form.resetDirty();
  }, [conclusion?.id]);
  const create = useMutation({
    mutationFn: (v: TaskValues) =>
      createTask(conclusion!.id, {
        planId: v.planId,
        title: v.title.trim(),
        leadUnitId: v.leadUnitId,
        dueDate: v.dueDate,
        reformArea: v.reformArea,
        expectedOutput: orNull(v.expectedOutput),
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('meetings.task.created') });
      onClose();
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal
      opened={!!conclusion}
      onClose={onClose}
      title={conclusion ? t('meetings.task.title', { n: conclusion.ordinal }) : ''}
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate data-testid="task-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('meetings.task.lead')}
          </Text>
          {create.isError && <ErrorAlert error={create.error} />}
          <Select
            label={t('meetings.task.plan')}
            withAsterisk
            data={meeting.taskPlans.map((p) => ({
              value: p.id,
              label: p.isDefault ? `${p.title} (${t('meetings.task.default')})` : p.title,
            }))}
            nothingFoundMessage={t('meetings.task.noPlans')}
            {...form.getInputProps('planId')}
            comboboxProps={{ withinPortal: true }}
            data-testid="task-plan"
          />
          <Textarea
            label={t('plans.task')}
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('title')}
            data-testid="task-title"
          />
          <UnitSelect
            label={t('plans.leadUnit')}
            withAsterisk
            value={form.values.leadUnitId}
            onChange={(v) => form.setFieldValue('leadUnitId', v)}
            error={form.errors.leadUnitId}
            data-testid="task-lead"
          />
          <Group grow align="flex-start">
            <DateField
              label={t('plans.dueDate')}
              value={form.values.dueDate}
              onChange={(v) => form.setFieldValue('dueDate', v)}
              error={form.errors.dueDate}
              data-testid="task-due"
            />
            <AreaSelect
              required
              value={form.values.reformArea}
              onChange={(v) => form.setFieldValue('reformArea', v)}
              error={form.errors.reformArea}
              data-testid="task-area"
            />
          </Group>
          <TextInput label={t('plans.expectedOutput')} {...form.getInputProps('expectedOutput')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="task-submit">
              {t('meetings.task.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type NoticeValues = { numberSymbol: string; issuedOn: string | null; issuer: string; title: string };

/** Issues the conclusion notice: a thông báo in the register, with the .docx attached. */
export function NoticeModal({
  meeting,
  opened,
  onClose,
}: {
  meeting: Meeting;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(meeting.id);
  const queryClient = useQueryClient();
  const form = useForm<NoticeValues>({
    initialValues: { numberSymbol: '', issuedOn: isoDate(), issuer: meeting.committeeName, title: '' },
    validate: {
      numberSymbol: (v) => (v.trim() ? null : t('common.required')),
      issuedOn: (v) => (v ? null : t('common.required')),
    },
  });
  // The number starts as the next free one for the notice's date (the server counts it: from 01 each year,
  // or through the Party term); a later suggestion (another date, another year) replaces it only while the
  // field is empty or still holds the previous suggestion — never a number the user wrote.
  const issuedOn = form.values.issuedOn;
  const suggestion = useQuery({
    queryKey: meetingKeys.noticeNumber(meeting.id, issuedOn ?? ''),
    queryFn: () => nextNoticeNumber(meeting.id, issuedOn!),
    enabled: opened && !!issuedOn,
    retry: false,
  });
  const suggested = useRef('');
  const next = suggestion.data?.numberSymbol;
  useEffect(() => {
    if (!next) return;
    const current = form.values.numberSymbol.trim();
    if (current === '' || current === suggested.current) form.setFieldValue('numberSymbol', next);
    suggested.current = next;
  }, [next]);
  const issue = useMutation({
    mutationFn: (v: NoticeValues) =>
      issueNotice(meeting.id, {
        version: meeting.version,
        numberSymbol: v.numberSymbol.trim(),
        issuedOn: v.issuedOn!,
        issuer: orNull(v.issuer),
        title: orNull(v.title),
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(meetingKeys.one(meeting.id), updated);
      notifications.show({ color: 'green', message: t('meetings.notice.issued') });
      onClose();
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
      await queryClient.invalidateQueries({ queryKey: ['meetings', 'notice-number'] });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('meetings.notice.issue')} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => issue.mutate(v))} noValidate data-testid="notice-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('meetings.notice.lead', {
              count: meeting.conclusions.length,
              date: formatDate(meeting.date),
              basis: meeting.noticeFormat.basis,
            })}
          </Text>
          {issue.isError && <ErrorAlert error={issue.error} />}
          <Group grow align="flex-start">
            <TextInput
              label={t('documents.numberSymbol')}
              withAsterisk
              placeholder={meeting.noticeFormat.example}
              description={
                suggestion.data ? (
                  <NumberSuggestion suggestion={suggestion.data} />
                ) : (
                  t('meetings.notice.numberHint', { example: meeting.noticeFormat.example })
                )
              }
              {...form.getInputProps('numberSymbol')}
              data-testid="notice-number"
            />
            <DateField
              label={t('documents.issuedOn')}
              withAsterisk
              value={form.values.issuedOn}
              onChange={(v) => form.setFieldValue('issuedOn', v)}
              error={form.errors.issuedOn}
              data-testid="notice-date"
            />
          </Group>
          <TextInput label={t('documents.issuer')} {...form.getInputProps('issuer')} />
          <NoticeHeaderPreview
            meeting={meeting}
            numberSymbol={form.values.numberSymbol}
            issuer={form.values.issuer}
          />
          <TextInput
            label={t('documents.titleField')}
            placeholder={t('meetings.notice.titlePlaceholder')}
            {...form.getInputProps('title')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={issue.isPending} data-testid="notice-submit">
              {t('meetings.notice.issue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Where the suggested number comes from: the number it follows, and how the committee's numbers run. */
function NumberSuggestion({ suggestion: s }: { suggestion: NoticeNumber }) {
  const { t } = useTranslation();
  return (
    <span data-testid="notice-number-suggestion">
      {s.previous
        ? t('meetings.notice.nextAfter', {
            next: s.numberSymbol,
            previous: s.previous.numberSymbol,
            date: formatDate(s.previous.issuedOn),
          })
        : t('meetings.notice.nextFirst', { next: s.numberSymbol })}{' '}
      {s.numbering === 'calendar_year'
        ? t('meetings.notice.numberingYear', { year: s.issuedOn.slice(0, 4) })
        : t('meetings.notice.numberingTerm')}
    </span>
  );
}

/**
 * How the notice's header will print, in the committee's layout (the server's `noticeFormat`): a Party
 * document (Hướng dẫn 36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT NAM", a star, "Số 01-TB/BCĐ") or an administrative
 * one (Decree 30/2020: the national motto, "Số: 01/TB-BCĐ").
 */
function NoticeHeaderPreview({
  meeting,
  numberSymbol,
  issuer,
}: {
  meeting: Meeting;
  numberSymbol: string;
  issuer: string;
}) {
  const { t } = useTranslation();
  const f = meeting.noticeFormat;
  const upper = (v: string) => v.toLocaleUpperCase('vi');
  return (
    <Paper withBorder p="sm" data-testid="notice-preview" data-layout={f.layout}>
      <Text size="xs" c="dimmed" mb={6}>
        {t('meetings.notice.preview', { basis: f.basis })}
      </Text>
      <SimpleGrid cols={2} spacing="xs" style={{ fontFamily: '"Times New Roman", Liberation Serif, serif' }}>
        <Stack gap={0} align="center">
          {f.parentBody && <Text size="xs">{upper(f.parentBody)}</Text>}
          <Text size="xs" fw={700} ta="center">
            {upper(issuer || meeting.committeeName)}
          </Text>
          <Text size="xs">{f.layout === 'party' ? '*' : '———'}</Text>
          <Text size="xs" data-testid="notice-preview-number">
            {f.numberPrefix}
            {numberSymbol.trim() || f.example}
          </Text>
        </Stack>
        <Stack gap={0} align="center">
          {f.heading.map((h) => (
            <Text key={h} size="xs" fw={700} ta="center" data-testid="notice-preview-heading">
              {h}
            </Text>
          ))}
          <Text size="xs">———</Text>
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
