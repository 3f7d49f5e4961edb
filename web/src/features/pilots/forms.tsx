import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { DecisionHint, DecisionSelect } from '../../components/DecisionSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { applyServerErrors, orNull } from '../../lib/forms';
import {
  addItem,
  addPilotUnit,
  createProgramme,
  listCommittees,
  pilotKeys,
  programmeMembers,
  REFORM_AREAS,
  type Programme,
  type ReformArea,
} from './api';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));

type ProgrammeValues = {
  committeeId: string | null;
  year: string;
  decisionDocumentId: string | null;
  note: string;
};

/** A year's pilot programme of a committee (standing agency). */
export function CreateProgrammeModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (year: number) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const committees = useQuery({
    queryKey: ['pilots', 'committees'],
    queryFn: listCommittees,
    enabled: opened,
  });
  const form = useForm<ProgrammeValues>({
    initialValues: { committeeId: null, year: String(thisYear), decisionDocumentId: null, note: '' },
    validate: { committeeId: (v) => (v ? null : t('common.required')) },
  });
  // Pilot units are chosen by the province's committee as a rule: it is chosen already when there is one.
  const provincial = (committees.data?.items ?? []).filter((c) => c.level === 'province');
  const only = provincial.length === 1 ? provincial[0]!.id : null;
  const { setFieldValue } = form;
  const chosen = form.values.committeeId;
  useEffect(() => {
    if (opened && only && !chosen) setFieldValue('committeeId', only);
  }, [opened, only, chosen, setFieldValue]);
  const create = useMutation({
    mutationFn: (v: ProgrammeValues) =>
      createProgramme({
        committeeId: v.committeeId!,
        year: Number(v.year),
        decisionDocumentId: v.decisionDocumentId,
        note: orNull(v.note),
      }),
    onSuccess: async (p) => {
      notifications.show({ color: 'green', message: t('pilots.form.programmeCreated') });
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: pilotKeys.all });
      onCreated(p.year);
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('pilots.createProgramme')} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate data-testid="programme-form">
        <Stack gap="sm">
          {create.isError && <ErrorAlert error={create.error} />}
          <Select
            label={t('pilots.form.committee')}
            withAsterisk
            data={(committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            comboboxProps={{ withinPortal: true }}
            searchable
            {...form.getInputProps('committeeId')}
            data-testid="programme-committee"
          />
          <Select
            label={t('pilots.year')}
            withAsterisk
            data={YEARS}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('year')}
            data-testid="programme-year"
          />
          <Stack gap={4}>
            <DecisionSelect
              label={t('pilots.form.decision')}
              value={form.values.decisionDocumentId}
              onChange={(v) => form.setFieldValue('decisionDocumentId', v)}
              data-testid="programme-decision"
            />
            <DecisionHint />
          </Stack>
          <TextInput label={t('pilots.form.note')} {...form.getInputProps('note')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="programme-submit">
              {t('pilots.createProgramme')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type UnitValues = { unitId: string | null; responsibleMembershipId: string | null; note: string };

/** Adds a unit, as it was in the programme's year, with the member responsible for it. */
export function AddPilotUnitModal({
  programme,
  opened,
  onClose,
}: {
  programme: Programme;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const members = useQuery({
    queryKey: pilotKeys.members(programme.id),
    queryFn: () => programmeMembers(programme.id),
    enabled: opened,
  });
  const form = useForm<UnitValues>({
    initialValues: { unitId: null, responsibleMembershipId: null, note: '' },
    validate: { unitId: (v) => (v ? null : t('common.required')) },
  });
  const add = useMutation({
    mutationFn: (v: UnitValues) =>
      addPilotUnit(programme.id, {
        unitId: v.unitId!,
        responsibleMembershipId: v.responsibleMembershipId,
        note: orNull(v.note),
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('pilots.form.unitAdded') });
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: pilotKeys.all });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('pilots.addUnitTo', { year: programme.year })}
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate data-testid="pilot-unit-form">
        <Stack gap="sm">
          {add.isError && !form.errors.unitId && !form.errors.responsibleMembershipId && (
            <ErrorAlert error={add.error} />
          )}
          <UnitSelect
            label={t('pilots.form.unit')}
            description={t('pilots.form.unitHint', { year: programme.year })}
            withAsterisk
            asOf={`${programme.year}-01-01`}
            value={form.values.unitId}
            onChange={(v) => form.setFieldValue('unitId', v)}
            error={form.errors.unitId}
            data-testid="pilot-unit-unit"
          />
          <Select
            label={t('pilots.form.responsible')}
            data={(members.data?.items ?? []).map((m) => ({
              value: m.membershipId,
              label: `${m.name} — ${t(`pilots.positions.${m.position}`, { defaultValue: m.position })}${m.office ? `, ${m.office}` : ''}`,
            }))}
            clearable
            searchable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('responsibleMembershipId')}
            data-testid="pilot-unit-member"
          />
          <TextInput label={t('pilots.form.note')} {...form.getInputProps('note')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="pilot-unit-submit">
              {t('pilots.addUnit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type ItemValues = {
  title: string;
  description: string;
  reformArea: ReformArea | null;
  dueDate: string | null;
};

/** A content item the pilot unit must achieve, due within the year. */
export function AddItemModal({
  pilotUnitId,
  year,
  opened,
  onClose,
}: {
  pilotUnitId: string;
  year: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<ItemValues>({
    initialValues: { title: '', description: '', reformArea: null, dueDate: null },
    validate: {
      title: (v) => (v.trim().length >= 3 ? null : t('pilots.form.titleTooShort')),
      reformArea: (v) => (v ? null : t('common.required')),
      dueDate: (v) => (v ? null : t('common.required')),
    },
  });
  const add = useMutation({
    mutationFn: (v: ItemValues) =>
      addItem(pilotUnitId, {
        title: v.title.trim(),
        description: orNull(v.description),
        reformArea: v.reformArea!,
        dueDate: v.dueDate!,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('pilots.form.itemAdded') });
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: pilotKeys.all });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('pilots.addItem')} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate data-testid="item-form">
        <Stack gap="sm">
          {add.isError && !Object.keys(form.errors).length && <ErrorAlert error={add.error} />}
          <Textarea
            label={t('pilots.item')}
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('title')}
            data-testid="item-title"
          />
          <Textarea
            label={t('pilots.form.description')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Select
            label={t('pilots.reformArea')}
            withAsterisk
            data={REFORM_AREAS.map((a) => ({ value: a, label: t(`pilots.areas.${a}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('reformArea')}
            data-testid="item-area"
          />
          <DateField
            label={t('pilots.dueDate')}
            description={t('pilots.form.dueHint', { year })}
            withAsterisk
            value={form.values.dueDate}
            onChange={(v) => form.setFieldValue('dueDate', v)}
            error={form.errors.dueDate}
            data-testid="item-due"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="item-submit">
              {t('pilots.addItem')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
