import { Button, Group, Modal, Select, Stack, Text, TextInput, type SelectProps } from '@mantine/core';
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
  createBody,
  endAssignment,
  endMembership,
  linkMembership,
  listDecisions,
  POSITIONS,
  type Body,
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
  bodyId: string | null;
  office: string;
  fromDate: string | null;
  toDate: string | null;
  decisionDocumentId: string | null;
};

export function AddMemberModal({
  committeeId,
  bodies,
  opened,
  onClose,
}: {
  committeeId: string;
  /** The working groups in force: a `to_giup_viec` member joins one of them. */
  bodies: readonly Body[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useForm<MemberValues>({
    initialValues: {
      personName: '',
      position: 'uy_vien',
      bodyId: null,
      office: '',
      fromDate: isoDate(),
      toDate: null,
      decisionDocumentId: null,
    },
    validate: {
      personName: (v) => (v.trim() ? null : t('common.required')),
      position: (v) => (v ? null : t('common.required')),
      bodyId: (v, values) => (values.position === 'to_giup_viec' && !v ? t('common.required') : null),
      fromDate: (v) => (v ? null : t('common.required')),
    },
  });
  const add = useMutation({
    mutationFn: (v: MemberValues) =>
      addMembership(committeeId, {
        personName: orNull(v.personName),
        position: v.position!,
        bodyId: v.position === 'to_giup_viec' ? v.bodyId : null,
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
          {form.values.position === 'to_giup_viec' && (
            <Select
              label={t('committees.body.title')}
              withAsterisk
              data={bodies.map((b) => ({ value: b.id, label: b.name }))}
              nothingFoundMessage={t('committees.body.none')}
              {...field(form, 'bodyId')}
              data-testid="member-body"
            />
          )}
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

type BodyValues = { name: string; foundedOn: string | null; foundingDocumentId: string | null };

/** Records the committee's working group (Tổ giúp việc) founded by its own decision. */
export function BodyModal({
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
  const form = useForm<BodyValues>({
    initialValues: { name: t('committees.body.defaultName'), foundedOn: isoDate(), foundingDocumentId: null },
    validate: {
      name: (v) => (v.trim().length >= 3 ? null : t('common.required')),
      foundedOn: (v) => (v ? null : t('common.required')),
    },
  });
  const add = useMutation({
    mutationFn: (v: BodyValues) =>
      createBody(committeeId, {
        name: v.name.trim(),
        foundedOn: v.foundedOn!,
        foundingDocumentId: v.foundingDocumentId,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('committees.body.created') });
      form.reset();
      onClose();
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('committees.body.create')} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate data-testid="body-form">
        <Stack gap="sm">
          {add.isError && <ErrorAlert error={add.error} />}
          <TextInput label={t('committees.body.name')} withAsterisk {...form.getInputProps('name')} />
          <DateField label={t('committees.foundedOn')} withAsterisk {...field(form, 'foundedOn')} />
          <DecisionSelect
            label={t('committees.body.foundingDecision')}
            {...field(form, 'foundingDocumentId')}
            data-testid="body-decision"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="body-submit">
              {t('committees.body.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type LinkValues = { email: string };

/** Links a membership recorded by name to the person's account, found by its e-mail. */
export function LinkModal({
  membership,
  onClose,
}: {
  membership: { id: string; name: string; version: number } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useForm<LinkValues>({
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : t('committees.link.emailInvalid')) },
  });
  const link = useMutation({
    mutationFn: (v: LinkValues) =>
      linkMembership(membership!.id, { version: membership!.version, email: v.email.trim() }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('committees.link.done', { name: membership?.name }) });
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
      title={t('committees.link.title', { name: membership?.name ?? '' })}
      centered
    >
      <form onSubmit={form.onSubmit((v) => link.mutate(v))} noValidate data-testid="link-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('committees.link.lead')}
          </Text>
          {link.isError && <ErrorAlert error={link.error} onReload={() => void refresh().then(onClose)} />}
          <TextInput
            type="email"
            label={t('committees.link.email')}
            withAsterisk
            {...form.getInputProps('email')}
            data-testid="link-email"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={link.isPending} data-testid="link-submit">
              {t('committees.link.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
