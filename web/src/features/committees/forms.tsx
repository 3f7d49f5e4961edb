import { Button, Group, Modal, Select, Stack, TextInput, type SelectProps } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { accentInsensitiveFilter, UnitSelect } from '../../components/UnitSelect';
import { applyServerErrors, orNull } from '../../lib/forms';
import { formatDate, isoDate } from '../../lib/format';
import {
  addAssignment,
  addMembership,
  committeeKeys,
  endAssignment,
  endMembership,
  listDecisions,
  POSITIONS,
  type Position,
} from './api';

type DecisionProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/** A decision from the register, searched by number/symbol or title (accents ignored). */
export function DecisionSelect({ value, onChange, ...rest }: DecisionProps) {
  const { t } = useTranslation();
  const docs = useQuery({ queryKey: ['documents', 'decisions'], queryFn: listDecisions, staleTime: 60_000 });
  const data = useMemo(
    () =>
      (docs.data?.items ?? []).map((d) => ({
        value: d.id,
        label: `${d.numberSymbol} (${formatDate(d.issuedOn)}) — ${d.title}`,
      })),
    [docs.data],
  );
  return (
    <Select
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      filter={accentInsensitiveFilter}
      nothingFoundMessage={docs.isLoading ? t('common.loading') : t('common.nothingFound')}
      placeholder={t('committees.form.decisionPlaceholder')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

/** Value, change handler and error of a nullable string field (dates, pickers) of a Mantine form. */
function field<V extends Record<string, unknown>>(form: UseFormReturnType<V>, key: keyof V & string) {
  return {
    value: form.values[key] as string | null,
    onChange: (v: string | null) => form.setFieldValue(key, v as never),
    error: form.errors[key],
  };
}

const useRefresh = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: committeeKeys.all });
};

type MemberValues = {
  personName: string;
  position: Position | null;
  office: string;
  fromDate: string | null;
  toDate: string | null;
  decisionDocumentId: string | null;
};

export function AddMemberModal({
  committeeId,
  opened,
  onClose,
}: {
  committeeId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useForm<MemberValues>({
    initialValues: {
      personName: '',
      position: 'uy_vien',
      office: '',
      fromDate: isoDate(),
      toDate: null,
      decisionDocumentId: null,
    },
    validate: {
      personName: (v) => (v.trim() ? null : t('common.required')),
      position: (v) => (v ? null : t('common.required')),
      fromDate: (v) => (v ? null : t('common.required')),
    },
  });
  const add = useMutation({
    mutationFn: (v: MemberValues) =>
      addMembership(committeeId, {
        personName: orNull(v.personName),
        position: v.position!,
        office: orNull(v.office),
        fromDate: v.fromDate!,
        toDate: v.toDate,
        decisionDocumentId: v.decisionDocumentId,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('committees.form.memberAdded') });
      form.reset();
      onClose();
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('committees.form.addMember')} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate data-testid="member-form">
        <Stack gap="sm">
          {add.isError && <ErrorAlert error={add.error} />}
          <TextInput
            label={t('committees.form.personName')}
            withAsterisk
            {...form.getInputProps('personName')}
            data-testid="member-name"
          />
          <Select
            label={t('committees.position')}
            withAsterisk
            data={POSITIONS.map((p) => ({ value: p, label: t(`committees.positions.${p}`) }))}
            allowDeselect={false}
            {...form.getInputProps('position')}
            data-testid="member-position"
          />
          <TextInput
            label={t('committees.office')}
            placeholder={t('committees.form.officePlaceholder')}
            {...form.getInputProps('office')}
            data-testid="member-office"
          />
          <Group grow>
            <DateField
              label={t('committees.from')}
              withAsterisk
              {...field(form, 'fromDate')}
              data-testid="member-from"
            />
            <DateField label={t('committees.to')} {...field(form, 'toDate')} data-testid="member-to" />
          </Group>
          <DecisionSelect
            label={t('committees.decision')}
            {...field(form, 'decisionDocumentId')}
            data-testid="member-decision"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="member-submit">
              {t('committees.form.addMember')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type EndValues = { toDate: string | null; decisionDocumentId: string | null };

/** Ends a membership or an assignment: its last day and the deciding document. */
export function EndModal({
  target,
  onClose,
}: {
  target: { kind: 'membership' | 'assignment'; id: string; version: number; label: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useForm<EndValues>({
    initialValues: { toDate: isoDate(), decisionDocumentId: null },
    validate: { toDate: (v) => (v ? null : t('common.required')) },
  });
  const end = useMutation({
    mutationFn: (v: EndValues): Promise<unknown> => {
      const input = { version: target!.version, toDate: v.toDate!, decisionDocumentId: v.decisionDocumentId };
      return target!.kind === 'membership'
        ? endMembership(target!.id, input)
        : endAssignment(target!.id, input);
    },
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('committees.form.ended') });
      form.reset();
      onClose();
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal
      opened={!!target}
      onClose={onClose}
      title={
        target?.kind === 'assignment'
          ? t('committees.form.endAssignment')
          : t('committees.form.endMembership')
      }
      centered
    >
      <form onSubmit={form.onSubmit((v) => end.mutate(v))} noValidate data-testid="end-form">
        <Stack gap="sm">
          <div>{target?.label}</div>
          {end.isError && <ErrorAlert error={end.error} onReload={() => void refresh().then(onClose)} />}
          <DateField
            label={t('committees.form.lastDay')}
            withAsterisk
            {...field(form, 'toDate')}
            data-testid="end-date"
          />
          <DecisionSelect label={t('committees.decision')} {...field(form, 'decisionDocumentId')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={end.isPending} data-testid="end-submit">
              {t('committees.form.end')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type AssignValues = {
  unitId: string | null;
  fromDate: string | null;
  toDate: string | null;
  note: string;
  decisionDocumentId: string | null;
};

export function AssignModal({
  membership,
  onClose,
}: {
  membership: { id: string; name: string; fromDate: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useForm<AssignValues>({
    initialValues: { unitId: null, fromDate: isoDate(), toDate: null, note: '', decisionDocumentId: null },
    validate: {
      unitId: (v) => (v ? null : t('common.required')),
      fromDate: (v) => (v ? null : t('common.required')),
    },
  });
  const add = useMutation({
    mutationFn: (v: AssignValues) =>
      addAssignment(membership!.id, {
        unitId: v.unitId!,
        fromDate: v.fromDate!,
        toDate: v.toDate,
        note: orNull(v.note),
        decisionDocumentId: v.decisionDocumentId,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('committees.form.assigned') });
      form.reset();
      onClose();
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal
      opened={!!membership}
      onClose={onClose}
      title={t('committees.form.assignTitle', { name: membership?.name ?? '' })}
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate data-testid="assign-form">
        <Stack gap="sm">
          {add.isError && <ErrorAlert error={add.error} />}
          <UnitSelect
            label={t('committees.form.unit')}
            withAsterisk
            asOf={form.values.fromDate ?? undefined}
            {...field(form, 'unitId')}
            data-testid="assign-unit"
          />
          <Group grow>
            <DateField label={t('committees.from')} withAsterisk {...field(form, 'fromDate')} />
            <DateField label={t('committees.to')} {...field(form, 'toDate')} />
          </Group>
          <TextInput label={t('committees.form.note')} {...form.getInputProps('note')} />
          <DecisionSelect label={t('committees.decision')} {...field(form, 'decisionDocumentId')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="assign-submit">
              {t('committees.form.assign')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
