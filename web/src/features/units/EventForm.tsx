import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { orNull } from '../../lib/forms';
import {
  EVENT_KINDS,
  recordEvent,
  UNIT_KINDS,
  unitKeys,
  type EventInput,
  type EventKind,
  type UnitAsOf,
  type UnitKind,
} from './api';
import { dayBefore } from './lineage';
import { DocumentPicker, UnitMultiPicker, UnitPicker } from './pickers';

export type Successor = {
  mode: 'existing' | 'create';
  unitId: string | null;
  code: string;
  name: string;
  fullName: string;
  kind: UnitKind;
  parentId: string | null;
  /** Percent (0–100) or empty. */
  weight: number | string;
};

export type EventValues = {
  kind: EventKind;
  effectiveDate: string | null;
  legalBasisId: string | null;
  legalBasisText: string;
  note: string;
  /** Predecessors; for rename and transfer the one unit that changes; for split the one unit split. */
  from: string[];
  successors: Successor[];
  newName: string;
  newFullName: string;
  newCode: string;
  newParentId: string | null;
};

export const newSuccessor = (
  mode: Successor['mode'] = 'create',
  unitId: string | null = null,
): Successor => ({
  mode,
  unitId,
  code: '',
  name: '',
  fullName: '',
  kind: 'department',
  parentId: null,
  weight: '',
});

export function emptyEvent(overrides: Partial<EventValues> = {}): EventValues {
  return {
    kind: 'merge',
    effectiveDate: null,
    legalBasisId: null,
    legalBasisText: '',
    note: '',
    from: [],
    successors: [newSuccessor()],
    newName: '',
    newFullName: '',
    newCode: '',
    newParentId: null,
    ...overrides,
  };
}

const SINGLE_SUBJECT: EventKind[] = ['rename', 'transfer', 'split'];
const HAS_SUCCESSORS: EventKind[] = ['establish', 'merge', 'absorb', 'split'];

/** The request body for the values (only what the kind uses). */
export function toEventInput(v: EventValues): EventInput {
  const from = v.kind === 'establish' ? [] : SINGLE_SUBJECT.includes(v.kind) ? v.from.slice(0, 1) : v.from;
  const succ = HAS_SUCCESSORS.includes(v.kind) ? v.successors : [];
  const weightOf = (s: Successor) =>
    v.kind === 'split' && s.weight !== '' && s.weight != null ? Number(s.weight) / 100 : null;
  const input: EventInput = {
    kind: v.kind,
    effectiveDate: v.effectiveDate ?? '',
    legalBasisId: v.legalBasisId,
    legalBasisText: orNull(v.legalBasisText),
    note: orNull(v.note),
    from,
    to: succ.map((s) =>
      s.mode === 'existing' && v.kind !== 'establish'
        ? { unitId: s.unitId ?? '', weight: weightOf(s) }
        : {
            create: {
              code: s.code.trim(),
              name: s.name.trim(),
              fullName: s.fullName.trim() || s.name.trim(),
              kind: s.kind,
              parentId: s.parentId,
            },
            weight: weightOf(s),
          },
    ),
  };
  if (v.kind === 'rename') {
    input.changes = {
      ...(v.newName.trim() ? { name: v.newName.trim() } : {}),
      ...(v.newFullName.trim() ? { fullName: v.newFullName.trim() } : {}),
      ...(v.newCode.trim() ? { code: v.newCode.trim() } : {}),
    };
  }
  if (v.kind === 'transfer') input.changes = { parentId: v.newParentId };
  return input;
}

/** Where a server message about `field` (e.g. `to.0.create.code`) belongs in this form. */
export function formPathOf(field: string, v: EventValues): string {
  const [head, index, sub, leaf] = field.split('.');
  if (head === 'effectiveDate' || head === 'legalBasisText' || head === 'legalBasisId' || head === 'note')
    return head;
  if (head === 'kind') return 'kind';
  if (head === 'from') return 'from';
  if (head === 'to') {
    if (index !== undefined && /^\d+$/.test(index)) {
      if (sub === 'create' && leaf) return `successors.${index}.${leaf}`;
      if (sub === 'unitId') return `successors.${index}.unitId`;
      if (sub === 'weight') return `successors.${index}.weight`;
    }
    return 'successors';
  }
  if (head === 'code') {
    if (v.kind === 'rename') return 'newCode';
    const i = v.successors.findIndex((s) => s.mode === 'create' || v.kind === 'establish');
    return i >= 0 ? `successors.${i}.code` : 'successors';
  }
  if (head === 'changes') {
    if (index === 'parentId' || v.kind === 'transfer') return 'newParentId';
    if (index === 'fullName') return 'newFullName';
    if (index === 'code') return 'newCode';
    return 'newName';
  }
  return 'form';
}

type Props = {
  initial: EventValues;
  /** Units whose labels the pickers should know before any search (pre-filled ones). */
  known?: UnitAsOf[];
  onCancel?: () => void;
  onDone?: () => void;
  cancel?: ReactNode;
};

/** Records a lineage event: kind, date, legal basis, predecessors and successors (or the change). */
export function EventForm({ initial, known = [], onCancel, onDone, cancel }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const required = (v: unknown) => (v === null || v === undefined || v === '' ? t('common.required') : null);
  const form = useForm<EventValues>({
    initialValues: initial,
    validate: {
      effectiveDate: required,
      from: (v, values) =>
        values.kind === 'establish'
          ? null
          : v.length === 0
            ? t('common.required')
            : values.kind === 'merge' && v.length < 2
              ? t('units.event.mergeNeedsTwo')
              : null,
      successors: {
        unitId: (v, values, path) => {
          const i = Number(path.split('.')[1]);
          const s = values.successors[i];
          return HAS_SUCCESSORS.includes(values.kind) && values.kind !== 'establish' && s?.mode === 'existing'
            ? required(v)
            : null;
        },
        code: (v, values, path) => (createField(values, path) ? required(v.trim()) : null),
        name: (v, values, path) => (createField(values, path) ? required(v.trim()) : null),
      },
      newParentId: (v, values) => (values.kind === 'transfer' ? required(v) : null),
    },
  });
  const v = form.values;
  const mutation = useMutation({
    mutationFn: (values: EventValues) => recordEvent(toEventInput(values)),
    onSuccess: async (result, values) => {
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
      notifications.show({ color: 'green', message: t('units.event.recorded') });
      const existing = values.successors.find((s) => s.mode === 'existing' && s.unitId)?.unitId;
      const target =
        result.created[0] ?? (HAS_SUCCESSORS.includes(values.kind) ? existing : undefined) ?? values.from[0];
      onDone?.();
      if (target) await navigate({ to: '/units/$unitId', params: { unitId: target } });
    },
  });

  const date = v.effectiveDate;
  const lastDay = date ? dayBefore(date) : null;
  const subjectDate = v.kind === 'rename' || v.kind === 'transfer' ? date : lastDay;
  const setKind = (kind: EventKind) => {
    form.setFieldValue('kind', kind);
    const s = form.values.successors;
    if (kind === 'split' && s.length < 2)
      form.setFieldValue('successors', [...s, ...Array.from({ length: 2 - s.length }, () => newSuccessor())]);
    if ((kind === 'merge' || kind === 'absorb' || kind === 'establish') && s.length !== 1)
      form.setFieldValue('successors', [s[0] ?? newSuccessor()]);
    if (kind === 'absorb') form.setFieldValue('successors.0.mode', 'existing');
    form.clearErrors();
  };

  const serverError = mutation.error;
  const unplaced =
    serverError instanceof ApiError && serverError.details.some((d) => formPathOf(d.field, v) === 'form');

  return (
    <form
      noValidate
      data-testid="event-form"
      onSubmit={form.onSubmit(async (values) => {
        try {
          await mutation.mutateAsync(values);
        } catch (e) {
          if (e instanceof ApiError)
            for (const d of e.details) {
              const path = formPathOf(d.field, values);
              if (path !== 'form') form.setFieldError(path, d.message);
            }
        }
      })}
    >
      <Stack>
        {serverError ? <ErrorAlert error={serverError} showDetails={unplaced} /> : null}
        <Card withBorder padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('units.event.kind')}
              required
              allowDeselect={false}
              data={EVENT_KINDS.map((k) => ({ value: k, label: t(`units.eventKinds.${k}`) }))}
              value={v.kind}
              onChange={(k) => k && setKind(k as EventKind)}
              error={form.errors.kind}
              comboboxProps={{ withinPortal: true }}
              data-testid="event-kind"
            />
            <DateField
              label={t('units.event.effectiveDate')}
              description={
                lastDay && ['merge', 'absorb', 'split', 'abolish'].includes(v.kind)
                  ? t('units.event.endsOn', { date: formatDate(lastDay) })
                  : t('units.event.effectiveDateHint')
              }
              required
              value={date}
              onChange={(d) => form.setFieldValue('effectiveDate', d)}
              error={form.errors.effectiveDate}
              data-testid="event-date"
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t(`units.eventHints.${v.kind}`)}
          </Text>
        </Card>

        <Card withBorder padding="lg">
          <Title order={3} size="h5" mb="sm">
            {t('units.event.legalBasis')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <DocumentPicker
              label={t('units.event.document')}
              value={v.legalBasisId}
              onChange={(id, doc) => {
                form.setFieldValue('legalBasisId', id);
                if (doc && !form.values.legalBasisText.trim())
                  form.setFieldValue('legalBasisText', `${doc.numberSymbol} – ${doc.title}`);
              }}
              error={form.errors.legalBasisId}
              data-testid="event-document"
            />
            <TextInput
              label={t('units.event.legalBasisText')}
              description={t('units.event.legalBasisTextHint')}
              data-testid="event-basis-text"
              {...form.getInputProps('legalBasisText')}
            />
          </SimpleGrid>
          <Textarea
            mt="md"
            label={t('units.event.note')}
            autosize
            minRows={2}
            data-testid="event-note"
            {...form.getInputProps('note')}
          />
        </Card>

        {v.kind !== 'establish' && (
          <Card withBorder padding="lg">
            <Title order={3} size="h5" mb="sm">
              {t(
                SINGLE_SUBJECT.includes(v.kind) && v.kind !== 'split'
                  ? 'units.event.subject'
                  : 'units.event.predecessors',
              )}
            </Title>
            {!date && (
              <Text size="sm" c="dimmed" mb="xs">
                {t('units.event.dateFirst')}
              </Text>
            )}
            {SINGLE_SUBJECT.includes(v.kind) ? (
              <UnitPicker
                label={t(v.kind === 'split' ? 'units.event.splitUnit' : 'units.event.subjectUnit')}
                description={
                  subjectDate ? t('units.event.inForceOn', { date: formatDate(subjectDate) }) : undefined
                }
                asOf={subjectDate ?? ''}
                disabled={!subjectDate}
                known={known}
                value={v.from[0] ?? null}
                onChange={(id, unit) => {
                  form.setFieldValue('from', id ? [id] : []);
                  if (unit && v.kind === 'rename') {
                    form.setFieldValue('newName', unit.name);
                    form.setFieldValue('newFullName', unit.fullName);
                    form.setFieldValue('newCode', unit.code);
                  }
                }}
                error={form.errors.from}
                data-testid="event-from"
              />
            ) : (
              <UnitMultiPicker
                label={t('units.event.predecessorUnits')}
                description={
                  subjectDate ? t('units.event.inForceOn', { date: formatDate(subjectDate) }) : undefined
                }
                asOf={subjectDate ?? ''}
                disabled={!subjectDate}
                known={known}
                value={v.from}
                onChange={(ids) => form.setFieldValue('from', ids)}
                error={form.errors.from}
                data-testid="event-from"
              />
            )}
            {v.kind === 'rename' && (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mt="md">
                <TextInput
                  label={t('units.event.newName')}
                  data-testid="event-new-name"
                  {...form.getInputProps('newName')}
                />
                <TextInput
                  label={t('units.event.newFullName')}
                  data-testid="event-new-fullname"
                  {...form.getInputProps('newFullName')}
                />
                <TextInput
                  label={t('units.event.newCode')}
                  data-testid="event-new-code"
                  {...form.getInputProps('newCode')}
                />
              </SimpleGrid>
            )}
            {v.kind === 'transfer' && (
              <UnitPicker
                mt="md"
                label={t('units.event.newParent')}
                asOf={date ?? ''}
                disabled={!date}
                value={v.newParentId}
                onChange={(id) => form.setFieldValue('newParentId', id)}
                error={form.errors.newParentId}
                data-testid="event-new-parent"
              />
            )}
          </Card>
        )}

        {HAS_SUCCESSORS.includes(v.kind) && (
          <Card withBorder padding="lg">
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h5">
                {t(v.kind === 'establish' ? 'units.event.newUnit' : 'units.event.successors')}
              </Title>
              {v.kind === 'split' && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => form.insertListItem('successors', newSuccessor())}
                  data-testid="event-add-successor"
                >
                  {t('units.event.addSuccessor')}
                </Button>
              )}
            </Group>
            {form.errors.successors && (
              <Text c="red" size="sm" mb="sm" role="alert" data-testid="event-successors-error">
                {form.errors.successors}
              </Text>
            )}
            <Stack>
              {v.successors.map((s, i) => (
                <SuccessorFields
                  key={i}
                  index={i}
                  form={form}
                  value={s}
                  kind={v.kind}
                  date={date}
                  known={known}
                  removable={v.kind === 'split' && v.successors.length > 2}
                />
              ))}
            </Stack>
            {v.kind === 'split' && (
              <Alert color="blue" variant="light" icon={<IconInfoCircle size={16} aria-hidden />} mt="sm">
                {t('units.event.weightsHint')}
              </Alert>
            )}
          </Card>
        )}

        <Group justify="flex-end">
          {cancel}
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={mutation.isPending} data-testid="event-save">
            {t('units.event.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function createField(values: EventValues, path: string): boolean {
  const i = Number(path.split('.')[1]);
  const s = values.successors[i];
  if (!HAS_SUCCESSORS.includes(values.kind) || !s) return false;
  return values.kind === 'establish' || s.mode === 'create';
}

type SuccessorProps = {
  index: number;
  form: UseFormReturnType<EventValues>;
  value: Successor;
  kind: EventKind;
  date: string | null;
  known: UnitAsOf[];
  removable: boolean;
};

function SuccessorFields({ index, form, value, kind, date, known, removable }: SuccessorProps) {
  const { t } = useTranslation();
  const path = `successors.${index}`;
  const canCreate = kind !== 'absorb';
  const canPick = kind !== 'establish';
  const mode = !canPick ? 'create' : !canCreate ? 'existing' : value.mode;
  return (
    <Card withBorder padding="sm" bg="gray.0" data-testid="event-successor">
      <Group justify="space-between" mb="xs" wrap="wrap">
        {canPick && canCreate ? (
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(m) => form.setFieldValue(`${path}.mode`, m as Successor['mode'])}
            data={[
              { value: 'existing', label: t('units.event.existingUnit') },
              { value: 'create', label: t('units.event.createUnit') },
            ]}
            data-testid="event-successor-mode"
          />
        ) : (
          <Text size="sm" fw={500}>
            {t(mode === 'create' ? 'units.event.createUnit' : 'units.event.existingUnit')}
          </Text>
        )}
        <Group gap="xs">
          {kind === 'split' && (
            <NumberInput
              size="xs"
              w={150}
              min={0}
              max={100}
              decimalScale={4}
              decimalSeparator=","
              suffix=" %"
              placeholder={t('units.event.weight')}
              aria-label={t('units.event.weightN', { n: index + 1 })}
              {...form.getInputProps(`${path}.weight`)}
            />
          )}
          {removable && (
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => form.removeListItem('successors', index)}
              aria-label={t('units.event.removeSuccessor', { n: index + 1 })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Group>
      {mode === 'existing' ? (
        <UnitPicker
          label={t('units.event.successorUnit')}
          description={
            date ? t('units.event.inForceOn', { date: formatDate(date) }) : t('units.event.dateFirst')
          }
          asOf={date ?? ''}
          disabled={!date}
          known={known}
          value={value.unitId}
          onChange={(id) => form.setFieldValue(`${path}.unitId`, id)}
          error={form.errors[`${path}.unitId`]}
          data-testid="event-successor-unit"
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('units.code')}
            required
            data-testid="event-new-unit-code"
            {...form.getInputProps(`${path}.code`)}
          />
          <Select
            label={t('units.kind')}
            required
            allowDeselect={false}
            data={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
            comboboxProps={{ withinPortal: true }}
            data-testid="event-new-unit-kind"
            {...form.getInputProps(`${path}.kind`)}
          />
          <TextInput
            label={t('units.name')}
            required
            data-testid="event-new-unit-name"
            {...form.getInputProps(`${path}.name`)}
          />
          <TextInput
            label={t('units.fullName')}
            description={t('units.event.fullNameHint')}
            data-testid="event-new-unit-fullname"
            {...form.getInputProps(`${path}.fullName`)}
          />
          <UnitPicker
            label={t('units.parent')}
            description={
              date ? t('units.event.inForceOn', { date: formatDate(date) }) : t('units.event.dateFirst')
            }
            asOf={date ?? ''}
            disabled={!date}
            value={value.parentId}
            onChange={(id) => form.setFieldValue(`${path}.parentId`, id)}
            error={form.errors[`${path}.parentId`]}
            data-testid="event-new-unit-parent"
          />
        </SimpleGrid>
      )}
    </Card>
  );
}
