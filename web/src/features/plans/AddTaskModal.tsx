import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitMultiSelect, UnitSelect } from '../../components/UnitSelect';
import { applyServerErrors, orNull } from '../../lib/forms';
import { unitsDayOfYear } from '../../lib/format';
import {
  addTask,
  getPlan,
  planKeys,
  provincialMembers,
  REFORM_AREAS,
  updateTask,
  type ReformArea,
  type Task,
} from './api';

type Values = {
  title: string;
  reformArea: ReformArea | null;
  leadUnitId: string | null;
  dueDate: string | null;
  expectedOutput: string;
  focus: boolean;
  supportingUnitIds: string[];
  directingMemberId: string | null;
};

/** The task's fields, shared by the add and edit forms. The due date is set once: it moves only by extension. */
function TaskFields({
  form,
  withDueDate,
  planId,
}: {
  form: UseFormReturnType<Values>;
  withDueDate: boolean;
  planId: string;
}) {
  const { t } = useTranslation();
  // Units are picked as they stood in the plan's year (its last day for a past year, today otherwise).
  const plan = useQuery({ queryKey: planKeys.one(planId), queryFn: () => getPlan(planId) });
  const unitsOn = unitsDayOfYear(plan.data?.year);
  const members = useQuery({
    queryKey: ['committees', 'provincial-members'],
    queryFn: provincialMembers,
    staleTime: 300_000,
  });
  return (
    <>
      <Textarea
        label={t('plans.task')}
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('title')}
        data-testid="task-title"
      />
      <Select
        label={t('plans.reformArea')}
        withAsterisk
        data={REFORM_AREAS.map((a) => ({ value: a, label: t(`plans.areas.${a}`) }))}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('reformArea')}
        data-testid="task-area"
      />
      <UnitSelect
        label={t('plans.leadUnit')}
        withAsterisk
        value={form.values.leadUnitId}
        onChange={(v) => form.setFieldValue('leadUnitId', v)}
        error={form.errors.leadUnitId}
        asOf={unitsOn}
        data-testid="task-lead"
      />
      <UnitMultiSelect
        asOf={unitsOn}
        label={t('plans.supportingUnits')}
        value={form.values.supportingUnitIds}
        onChange={(v) => form.setFieldValue('supportingUnitIds', v)}
        data-testid="task-supporting"
      />
      <Select
        label={t('plans.directingMember')}
        clearable
        searchable
        data={(members.data ?? []).map((m) => ({
          value: m.id,
          label: `${m.name} — ${t(`committees.positions.${m.position}`, { defaultValue: m.position })}`,
        }))}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('directingMemberId')}
        data-testid="task-directing"
      />
      {withDueDate && (
        <DateField
          label={t('plans.dueDate')}
          value={form.values.dueDate}
          onChange={(v) => form.setFieldValue('dueDate', v)}
          error={form.errors.dueDate}
          data-testid="task-due"
        />
      )}
      <TextInput
        label={t('plans.expectedOutput')}
        {...form.getInputProps('expectedOutput')}
        data-testid="task-output"
      />
      <Checkbox
        label={t('plans.focus')}
        {...form.getInputProps('focus', { type: 'checkbox' })}
        data-testid="task-focus"
      />
    </>
  );
}

function useTaskForm(initial: Values) {
  const { t } = useTranslation();
  return useForm<Values>({
    initialValues: initial,
    validate: {
      title: (v) => (v.trim().length >= 3 ? null : t('plans.form.titleTooShort')),
      reformArea: (v) => (v ? null : t('common.required')),
      leadUnitId: (v) => (v ? null : t('common.required')),
    },
  });
}

function useRefreshPlan(planId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: planKeys.tasks(planId) });
    await queryClient.invalidateQueries({ queryKey: planKeys.kpis(planId) });
  };
}

function FormModal({
  opened,
  onClose,
  title,
  intro,
  form,
  onSubmit,
  pending,
  error,
  withDueDate,
  submitLabel,
  planId,
}: {
  planId: string;
  opened: boolean;
  onClose: () => void;
  title: string;
  intro?: string | undefined;
  form: UseFormReturnType<Values>;
  onSubmit: (v: Values) => void;
  pending: boolean;
  error: unknown;
  withDueDate: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={form.onSubmit(onSubmit)} noValidate data-testid="task-form">
        <Stack gap="sm">
          {intro && (
            <Text size="sm" c="dimmed" data-testid="task-form-intro">
              {intro}
            </Text>
          )}
          {error ? <ErrorAlert error={error} /> : null}
          <TaskFields form={form} withDueDate={withDueDate} planId={planId} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} data-testid="task-submit">
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Adds a task to a plan, or a sub-task under `parent`. */
export function AddTaskModal({
  planId,
  opened,
  onClose,
  parent,
}: {
  planId: string;
  opened: boolean;
  onClose: () => void;
  parent?: Pick<Task, 'id' | 'title' | 'reformArea' | 'leadUnitId'> | undefined;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshPlan(planId);
  const form = useTaskForm({
    title: '',
    reformArea: parent?.reformArea ?? null,
    leadUnitId: parent?.leadUnitId ?? null,
    dueDate: null,
    expectedOutput: '',
    focus: false,
    supportingUnitIds: [],
    directingMemberId: null,
  });
  const add = useMutation({
    mutationFn: (v: Values) =>
      addTask(planId, {
        title: v.title.trim(),
        reformArea: v.reformArea!,
        leadUnitId: v.leadUnitId!,
        dueDate: v.dueDate,
        expectedOutput: orNull(v.expectedOutput),
        focus: v.focus,
        supportingUnitIds: v.supportingUnitIds,
        directingMemberId: v.directingMemberId,
        parentTaskId: parent?.id ?? null,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('plans.form.taskAdded') });
      form.reset();
      onClose();
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <FormModal
      planId={planId}
      opened={opened}
      onClose={onClose}
      title={parent ? t('plans.links.addSubtask') : t('plans.addTask')}
      intro={parent ? t('plans.links.subtaskOf', { title: parent.title }) : undefined}
      form={form}
      onSubmit={(v) => add.mutate(v)}
      pending={add.isPending}
      error={add.isError ? add.error : null}
      withDueDate
      submitLabel={parent ? t('plans.links.addSubtask') : t('plans.addTask')}
    />
  );
}

/** Edits a task's fields (plan managers); the due date changes only through an extension. */
export function EditTaskModal({
  task,
  opened,
  onClose,
}: {
  task: Task;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshPlan(task.planId);
  const form = useTaskForm({
    title: task.title,
    reformArea: task.reformArea,
    leadUnitId: task.leadUnitId,
    dueDate: task.dueDate,
    expectedOutput: task.expectedOutput ?? '',
    focus: task.focus,
    supportingUnitIds: task.supportingUnitIds,
    directingMemberId: task.directingMemberId,
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      updateTask(task.id, {
        title: v.title.trim(),
        reformArea: v.reformArea!,
        leadUnitId: v.leadUnitId!,
        expectedOutput: orNull(v.expectedOutput),
        focus: v.focus,
        supportingUnitIds: v.supportingUnitIds,
        directingMemberId: v.directingMemberId,
        version: task.version,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('common.saved') });
      onClose();
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <FormModal
      planId={task.planId}
      opened={opened}
      onClose={onClose}
      title={t('plans.links.editTask')}
      intro={t('plans.links.dueDateByExtension')}
      form={form}
      onSubmit={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.isError ? save.error : null}
      withDueDate={false}
      submitLabel={t('common.save')}
    />
  );
}
