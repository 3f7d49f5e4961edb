import { Anchor, Button, Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { DecisionHint, DecisionSelect } from '../../components/DecisionSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect, useUnitNames } from '../../components/UnitSelect';
import { applyServerErrors, orNull } from '../../lib/forms';
import { defaultCommitteeName, unitLabel } from './naming';
import { isoDate } from '../../lib/format';
import {
  addAssignment,
  addMembership,
  committeeKeys,
  createBody,
  createCommittee,
  updateCommittee,
  endAssignment,
  endMembership,
  linkMembership,
  POSITIONS,
  type Body,
  type Committee,
  type CommitteeLevel,
  type Position,
} from './api';

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
          <DecisionHint />
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

type CommitteeValues = {
  name: string;
  hostUnitId: string | null;
  standingUnitId: string | null;
  founderKind: 'state' | 'party';
  founderName: string;
  foundingDocumentId: string | null;
  foundedOn: string | null;
  dissolvedOn: string | null;
  symbol: string;
};

/** What the form opens with: a committee to edit, or a new one's level and host unit. */
export type CommitteeTarget =
  | { mode: 'edit'; committee: Committee }
  | { mode: 'create'; level: CommitteeLevel; hostUnitId: string | null; hostUnitName?: string };

/**
 * Records a steering committee (the province's or a lower level's) from its founding decision, or edits one:
 * who founded it (a Party committee prints its notices in the Party layout), its standing agency and symbol.
 */
export function CommitteeModal({ target, onClose }: { target: CommitteeTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const key =
    target?.mode === 'edit'
      ? `edit:${target.committee.id}:${target.committee.version}`
      : `create:${target?.hostUnitId ?? ''}`;
  return (
    <Modal
      opened={!!target}
      onClose={onClose}
      title={
        target?.mode === 'edit' ? t('committees.form.editCommittee') : t('committees.form.createCommittee')
      }
      size="lg"
      centered
    >
      {target && <CommitteeForm key={key} target={target} onClose={onClose} />}
    </Modal>
  );
}

function CommitteeForm({ target, onClose }: { target: CommitteeTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const editing = target?.mode === 'edit' ? target.committee : null;
  const initial = (): CommitteeValues =>
    editing
      ? {
          name: editing.name,
          hostUnitId: editing.hostUnitId,
          standingUnitId: editing.standingUnitId,
          founderKind: editing.founderKind,
          founderName: editing.founderName ?? '',
          foundingDocumentId: editing.foundingDocumentId,
          foundedOn: editing.foundedOn,
          dissolvedOn: editing.dissolvedOn,
          symbol: editing.symbol,
        }
      : {
          name:
            target.mode === 'create'
              ? defaultCommitteeName(t('committees.form.namePrefix'), target.hostUnitName)
              : '',
          hostUnitId: target.mode === 'create' ? target.hostUnitId : null,
          standingUnitId: null,
          founderKind: 'state',
          founderName: '',
          foundingDocumentId: null,
          foundedOn: null,
          dissolvedOn: null,
          symbol: t('committees.form.defaultSymbol'),
        };
  const form = useForm<CommitteeValues>({
    initialValues: initial(),
    validate: {
      name: (v) => (v.trim().length >= 3 ? null : t('common.required')),
      hostUnitId: (v) => (v ? null : t('common.required')),
      foundedOn: (v) => (v ? null : t('common.required')),
      symbol: (v) => (v.trim() ? null : t('common.required')),
    },
  });
  const hostNames = useUnitNames([form.values.hostUnitId]);
  const save = useMutation({
    mutationFn: (v: CommitteeValues) => {
      const common = {
        name: v.name.trim(),
        standingUnitId: v.standingUnitId,
        foundingDocumentId: v.foundingDocumentId,
        foundedOn: v.foundedOn!,
        dissolvedOn: v.dissolvedOn,
        founderKind: v.founderKind,
        founderName: orNull(v.founderName),
        symbol: v.symbol.trim(),
      };
      return editing
        ? updateCommittee(editing.id, { version: editing.version, ...common })
        : createCommittee({
            ...common,
            level: target.mode === 'create' ? target.level : 'other',
            hostUnitId: v.hostUnitId!,
          });
    },
    onSuccess: async () => {
      notifications.show({
        color: 'green',
        message: editing ? t('committees.form.committeeSaved') : t('committees.form.committeeCreated'),
      });
      onClose();
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  const hostName = form.values.hostUnitId ? unitLabel(hostNames.byId.get(form.values.hostUnitId)) : undefined;
  const suggested = defaultCommitteeName(t('committees.form.namePrefix'), hostName);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="committee-form">
      <Stack gap="sm">
        {save.isError && <ErrorAlert error={save.error} onReload={() => void refresh().then(onClose)} />}
        {!editing && (
          <UnitSelect
            label={t('committees.host')}
            description={t('committees.form.hostHint')}
            withAsterisk
            {...field(form, 'hostUnitId')}
            data-testid="committee-host"
          />
        )}
        <TextInput
          label={t('committees.form.name')}
          withAsterisk
          {...form.getInputProps('name')}
          description={
            !editing && suggested && suggested !== form.values.name ? (
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => form.setFieldValue('name', suggested)}
                data-testid="committee-name-suggest"
              >
                {t('committees.form.useName', { name: suggested })}
              </Anchor>
            ) : undefined
          }
          data-testid="committee-name-input"
        />
        <Radio.Group
          label={t('committees.founder')}
          description={t('committees.form.founderKindHint')}
          value={form.values.founderKind}
          onChange={(v) => form.setFieldValue('founderKind', v as CommitteeValues['founderKind'])}
          data-testid="committee-founder-kind"
        >
          <Stack gap={6} mt={6}>
            {(['party', 'state'] as const).map((k) => (
              <Radio key={k} value={k} label={t(`committees.founderKinds.${k}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('committees.form.founderName')}
          placeholder={
            form.values.founderKind === 'party'
              ? t('committees.form.founderNamePartyPlaceholder')
              : t('committees.form.founderNameStatePlaceholder')
          }
          {...form.getInputProps('founderName')}
          data-testid="committee-founder-name"
        />
        <Group grow align="flex-start">
          <DateField
            label={t('committees.foundedOn')}
            withAsterisk
            {...field(form, 'foundedOn')}
            data-testid="committee-founded-on"
          />
          {editing && (
            <DateField
              label={t('committees.form.dissolvedOn')}
              {...field(form, 'dissolvedOn')}
              data-testid="committee-dissolved-on"
            />
          )}
        </Group>
        <Stack gap={4}>
          <DecisionSelect
            label={t('committees.form.foundingDecision')}
            {...field(form, 'foundingDocumentId')}
            data-testid="committee-decision"
          />
          <DecisionHint />
        </Stack>
        <UnitSelect
          label={t('committees.standingAgency')}
          description={t('committees.form.standingHint')}
          {...field(form, 'standingUnitId')}
          data-testid="committee-standing"
        />
        <TextInput
          label={t('committees.form.symbol')}
          description={t('committees.form.symbolHint')}
          withAsterisk
          w={220}
          {...form.getInputProps('symbol')}
          data-testid="committee-symbol"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="committee-submit">
            {editing ? t('common.save') : t('committees.form.createCommittee')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
