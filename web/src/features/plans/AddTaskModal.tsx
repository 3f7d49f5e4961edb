import { Button, Checkbox, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { applyServerErrors, orNull } from '../../lib/forms';
import { addTask, planKeys, REFORM_AREAS, type ReformArea } from './api';

type Values = {
  title: string;
  reformArea: ReformArea | null;
  leadUnitId: string | null;
  dueDate: string | null;
  expectedOutput: string;
  focus: boolean;
};

export function AddTaskModal({
  planId,
  opened,
  onClose,
}: {
  planId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      title: '',
      reformArea: null,
      leadUnitId: null,
      dueDate: null,
      expectedOutput: '',
      focus: false,
    },
    validate: {
      title: (v) => (v.trim().length >= 3 ? null : t('plans.form.titleTooShort')),
      reformArea: (v) => (v ? null : t('common.required')),
      leadUnitId: (v) => (v ? null : t('common.required')),
    },
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
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('plans.form.taskAdded') });
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: planKeys.tasks(planId) });
      await queryClient.invalidateQueries({ queryKey: planKeys.kpis(planId) });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('plans.addTask')} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate data-testid="task-form">
        <Stack gap="sm">
          {add.isError && <ErrorAlert error={add.error} />}
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
            data-testid="task-lead"
          />
          <DateField
            label={t('plans.dueDate')}
            value={form.values.dueDate}
            onChange={(v) => form.setFieldValue('dueDate', v)}
            error={form.errors.dueDate}
            data-testid="task-due"
          />
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
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="task-submit">
              {t('plans.addTask')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
