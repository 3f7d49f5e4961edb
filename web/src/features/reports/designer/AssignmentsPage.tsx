/**
 * Phân công báo cáo: who submits which form for which period type, from when to when, under the province
 * (the owner unit: the standing agency collects). Managers add an assignment (one unit, or every unit of
 * some kinds under the province) and end one; an assignment is never deleted.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { DecisionSelect } from '../../../components/DecisionSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { ScrollCue } from '../../../components/table';
import { UnitSelect, useUnitNames } from '../../../components/UnitSelect';
import { applyServerErrors, orNull } from '../../../lib/forms';
import { formatDate, isoDate, sortVi } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import {
  createAssignment,
  designerKeys,
  listAssignments,
  listForms,
  PERIOD_TYPES,
  UNIT_KINDS,
  updateAssignment,
  type Assignment,
  type FormSummary,
  type PeriodType,
  type UnitKind,
} from './api';
import { assignmentState, type AssignmentState } from './assignments';
import { useLocal } from './parts';

/** Roles that read or keep an owner unit's reports (the server's policy decides; this only finds the unit). */
const OWNER_ROLES = ['admin', 'standing_officer', 'committee_leader', 'committee_member'];

/** Who an assignment names, in words: a unit's name, or "Tất cả sở, ngành; Tất cả xã, phường". */
function whoText(t: TFunction, a: Assignment, ownerUnitId: string) {
  if (a.target === 'unit') return a.unitName;
  const kinds = a.unitKinds.map((k) => t(`reportsDesigner.allOfKind.${k}`, { defaultValue: k })).join('; ');
  return a.unitId === ownerUnitId
    ? kinds
    : t('reportsDesigner.assignments.kindsUnder', { kinds, unit: a.unitName });
}

const periodText = (t: TFunction, p: string) =>
  t(`reportsDesigner.periodTypes.${p}`, { defaultValue: t('reportsDesigner.periodTypes.other') });

function StateBadge({ state }: { state: AssignmentState }) {
  const { t } = useTranslation();
  const color = state === 'active' ? 'green' : state === 'ended' ? 'gray' : 'blue';
  return (
    <Badge color={color} variant="light" size="sm" data-testid="assignment-state">
      {t(`reportsDesigner.assignments.state.${state}`)}
    </Badge>
  );
}

type AddValues = {
  formKey: string | null;
  periodType: PeriodType | null;
  target: 'unit' | 'kinds';
  unitId: string | null;
  unitKinds: UnitKind[];
  focalPointSubmits: boolean;
  validFrom: string | null;
  documentId: string | null;
  note: string;
};

function AddAssignmentModal({
  ownerUnitId,
  forms,
  opened,
  onClose,
}: {
  ownerUnitId: string;
  forms: readonly FormSummary[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocal();
  const queryClient = useQueryClient();
  const form = useForm<AddValues>({
    initialValues: {
      formKey: null,
      periodType: 'quarter',
      target: 'kinds',
      unitId: null,
      unitKinds: ['department'],
      focalPointSubmits: false,
      validFrom: `${new Date().getFullYear()}-01-01`,
      documentId: null,
      note: '',
    },
    validate: {
      formKey: (v) => (v ? null : t('common.required')),
      periodType: (v) => (v ? null : t('common.required')),
      unitId: (v, values) => (values.target === 'unit' && !v ? t('common.required') : null),
      unitKinds: (v, values) =>
        values.target === 'kinds' && !v.length ? t('reportsDesigner.assignments.kindsRequired') : null,
      validFrom: (v) => (v ? null : t('common.required')),
    },
  });
  const add = useMutation({
    mutationFn: (v: AddValues) =>
      createAssignment({
        formKey: v.formKey!,
        ownerUnitId,
        periodType: v.periodType!,
        target: v.target,
        unitId: v.target === 'unit' ? v.unitId! : ownerUnitId,
        ...(v.target === 'kinds' ? { unitKinds: v.unitKinds } : {}),
        focalPointSubmits: v.focalPointSubmits,
        validFrom: v.validFrom!,
        documentId: v.documentId,
        note: orNull(v.note),
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('reportsDesigner.assignments.added') });
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: designerKeys.assignments(ownerUnitId) });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  const usable = forms.filter((f) => f.subject === 'unit');
  return (
    <Modal opened={opened} onClose={onClose} title={t('reportsDesigner.assignments.add')} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate data-testid="assignment-form">
        <Stack gap="sm">
          {add.isError && !Object.keys(form.errors).length && <ErrorAlert error={add.error} showDetails />}
          <Select
            label={t('reportsDesigner.assignments.form')}
            withAsterisk
            data={usable.map((f) => ({
              value: f.key,
              label: f.latestPublished
                ? local(f.name)
                : `${local(f.name)} (${t('reportsDesigner.forms.noneYetShort')})`,
            }))}
            searchable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('formKey')}
            data-testid="assignment-form-key"
          />
          <Select
            label={t('reportsDesigner.assignments.period')}
            withAsterisk
            data={PERIOD_TYPES.map((p) => ({ value: p, label: periodText(t, p) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('periodType')}
            data-testid="assignment-period"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('reportsDesigner.assignments.who')}
            </Text>
            <SegmentedControl
              data={[
                { value: 'kinds', label: t('reportsDesigner.assignments.targetKinds') },
                { value: 'unit', label: t('reportsDesigner.assignments.targetUnit') },
              ]}
              value={form.values.target}
              onChange={(v) => form.setFieldValue('target', v as 'unit' | 'kinds')}
              data-testid="assignment-target"
            />
          </Stack>
          {form.values.target === 'unit' ? (
            <UnitSelect
              label={t('reportsDesigner.assignments.unit')}
              withAsterisk
              within={ownerUnitId}
              value={form.values.unitId}
              onChange={(v) => form.setFieldValue('unitId', v)}
              error={form.errors.unitId}
              data-testid="assignment-unit"
            />
          ) : (
            <Checkbox.Group
              label={t('reportsDesigner.assignments.kinds')}
              description={t('reportsDesigner.assignments.kindsHint')}
              withAsterisk
              value={form.values.unitKinds}
              onChange={(v) => form.setFieldValue('unitKinds', v as UnitKind[])}
              error={form.errors.unitKinds}
              data-testid="assignment-kinds"
            >
              <Stack gap={6} mt={6}>
                {UNIT_KINDS.filter((k) => k !== 'province').map((k) => (
                  <Checkbox key={k} value={k} label={t(`reportsDesigner.allOfKind.${k}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <Switch
            label={t('reportsDesigner.assignments.focalPointSubmits')}
            description={t('reportsDesigner.assignments.focalPointHint')}
            checked={form.values.focalPointSubmits}
            onChange={(e) => form.setFieldValue('focalPointSubmits', e.currentTarget.checked)}
            data-testid="assignment-focal"
          />
          <DateField
            label={t('reportsDesigner.assignments.validFrom')}
            withAsterisk
            value={form.values.validFrom}
            onChange={(v) => form.setFieldValue('validFrom', v)}
            error={form.errors.validFrom}
            data-testid="assignment-from"
          />
          <DecisionSelect
            label={t('reportsDesigner.assignments.document')}
            value={form.values.documentId}
            onChange={(v) => form.setFieldValue('documentId', v)}
          />
          <Textarea
            label={t('reportsDesigner.assignments.note')}
            autosize
            minRows={1}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="assignment-submit">
              {t('reportsDesigner.assignments.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EndAssignmentModal({
  target,
  label,
  ownerUnitId,
  onClose,
}: {
  target: Assignment | null;
  label: string;
  ownerUnitId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [validTo, setValidTo] = useState<string | null>(isoDate());
  const refresh = () => queryClient.invalidateQueries({ queryKey: designerKeys.assignments(ownerUnitId) });
  const end = useMutation({
    mutationFn: () => updateAssignment(target!.id, { version: target!.version, validTo }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('reportsDesigner.assignments.ended') });
      onClose();
      await refresh();
    },
  });
  const tooEarly = !!validTo && !!target && validTo < target.validFrom;
  return (
    <Modal opened={!!target} onClose={onClose} title={t('reportsDesigner.assignments.endTitle')} centered>
      <Stack gap="sm" data-testid="end-assignment">
        <Text size="sm">{label}</Text>
        {end.isError && (
          <ErrorAlert error={end.error} showDetails onReload={() => void refresh().then(onClose)} />
        )}
        <DateField
          label={t('reportsDesigner.assignments.lastDay')}
          description={t('reportsDesigner.assignments.lastDayHint')}
          withAsterisk
          value={validTo}
          onChange={setValidTo}
          error={
            tooEarly
              ? t('reportsDesigner.assignments.beforeStart', { date: formatDate(target?.validFrom) })
              : undefined
          }
          data-testid="end-assignment-date"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => end.mutate()}
            disabled={!validTo || tooEarly}
            loading={end.isPending}
            data-testid="end-assignment-submit"
          >
            {t('reportsDesigner.assignments.end')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AssignmentTable({
  rows,
  ownerUnitId,
  manage,
  onEnd,
}: {
  rows: Assignment[];
  ownerUnitId: string;
  manage: boolean;
  onEnd: (a: Assignment) => void;
}) {
  const { t } = useTranslation();
  const today = isoDate();
  return (
    <ScrollCue minWidth={820} label={t('reportsDesigner.assignments.title')} testId="assignments-scroll">
      <Table striped verticalSpacing="xs" data-testid="assignments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reportsDesigner.assignments.who')}</Table.Th>
            <Table.Th>{t('reportsDesigner.assignments.period')}</Table.Th>
            <Table.Th>{t('reportsDesigner.assignments.validity')}</Table.Th>
            <Table.Th>{t('reportsDesigner.assignments.focalPoint')}</Table.Th>
            <Table.Th>{t('reportsDesigner.assignments.note')}</Table.Th>
            <Table.Th>{t('reportsDesigner.assignments.stateLabel')}</Table.Th>
            {manage && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => {
            const state = assignmentState(a, today);
            return (
              <Table.Tr key={a.id} data-testid="assignment-row">
                <Table.Td maw={280}>{whoText(t, a, ownerUnitId)}</Table.Td>
                <Table.Td>{periodText(t, a.periodType)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {a.validTo
                    ? t('reportsDesigner.assignments.fromTo', {
                        from: formatDate(a.validFrom),
                        to: formatDate(a.validTo),
                      })
                    : t('reportsDesigner.assignments.fromOpen', { from: formatDate(a.validFrom) })}
                </Table.Td>
                <Table.Td>
                  {a.focalPointSubmits ? t('reportsDesigner.yes') : t('reportsDesigner.no')}
                </Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm" lineClamp={3}>
                    {a.note ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StateBadge state={state} />
                </Table.Td>
                {manage && (
                  <Table.Td>
                    {!a.validTo && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="red"
                        onClick={() => onEnd(a)}
                        data-testid="assignment-end"
                      >
                        {t('reportsDesigner.assignments.end')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollCue>
  );
}

export function AssignmentsPage() {
  const { t } = useTranslation();
  const local = useLocal();
  const session = useSession();
  const owners = useMemo(
    () => [
      ...new Set(
        (session.data?.grants ?? []).filter((g) => OWNER_ROLES.includes(g.role)).map((g) => g.unitId),
      ),
    ],
    [session.data],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const ownerUnitId = picked ?? owners[0] ?? null;
  const ownerNames = useUnitNames(owners);
  const forms = useQuery({ queryKey: designerKeys.forms, queryFn: listForms });
  const assignments = useQuery({
    queryKey: designerKeys.assignments(ownerUnitId ?? ''),
    queryFn: () => listAssignments(ownerUnitId!),
    enabled: !!ownerUnitId,
  });
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Assignment | null>(null);
  const [showEnded, setShowEnded] = useState(false);
  const manage = forms.data?.abilities.design ?? false;
  const today = isoDate();

  const formName = (key: string) => {
    const f = forms.data?.items.find((x) => x.key === key);
    return f ? local(f.name) : t('reportsDesigner.assignments.unknownForm');
  };
  const by = new Map<string, Assignment[]>();
  for (const a of assignments.data?.items ?? []) {
    if (!showEnded && assignmentState(a, today) === 'ended') continue;
    by.set(a.formKey, [...(by.get(a.formKey) ?? []), a]);
  }
  const groups = sortVi([...by.entries()], ([key]) => formName(key));
  const endedCount = (assignments.data?.items ?? []).filter(
    (a) => assignmentState(a, today) === 'ended',
  ).length;
  const ownerName = ownerUnitId ? (ownerNames.byId.get(ownerUnitId)?.label ?? '') : '';

  return (
    <>
      <Anchor size="sm" renderRoot={(props) => <Link to="/reports/forms" {...props} />}>
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('reportsDesigner.forms.title')}
        </Group>
      </Anchor>
      <PageHeader
        title={t('reportsDesigner.assignments.title')}
        description={
          ownerName
            ? t('reportsDesigner.assignments.descriptionOf', { unit: ownerName })
            : t('reportsDesigner.assignments.description')
        }
        actions={
          manage &&
          ownerUnitId && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setAdding(true)}
              data-testid="assignment-add"
            >
              {t('reportsDesigner.assignments.add')}
            </Button>
          )
        }
      />
      {owners.length > 1 && (
        <Select
          mb="md"
          maw={420}
          label={t('reportsDesigner.assignments.owner')}
          data={owners.map((id) => ({ value: id, label: ownerNames.byId.get(id)?.label ?? '…' }))}
          value={ownerUnitId}
          onChange={setPicked}
          allowDeselect={false}
        />
      )}
      {!ownerUnitId ? (
        <Text c="dimmed">{t('reportsDesigner.assignments.noOwner')}</Text>
      ) : assignments.isLoading || forms.isLoading ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : assignments.isError ? (
        <ErrorAlert error={assignments.error} />
      ) : (
        <Stack gap="lg">
          {endedCount > 0 && (
            <Switch
              label={t('reportsDesigner.assignments.showEnded', { count: endedCount })}
              checked={showEnded}
              onChange={(e) => setShowEnded(e.currentTarget.checked)}
              data-testid="assignments-show-ended"
            />
          )}
          {groups.length === 0 ? (
            <Text c="dimmed" data-testid="assignments-empty">
              {t('reportsDesigner.assignments.empty')}
            </Text>
          ) : (
            groups.map(([key, rows]) => (
              <Card key={key} withBorder padding="md" data-testid="assignment-group">
                <Title order={2} size="h5" mb="sm">
                  {formName(key)}
                </Title>
                <AssignmentTable rows={rows} ownerUnitId={ownerUnitId} manage={manage} onEnd={setEnding} />
              </Card>
            ))
          )}
        </Stack>
      )}
      {manage && ownerUnitId && (
        <>
          <AddAssignmentModal
            ownerUnitId={ownerUnitId}
            forms={forms.data?.items ?? []}
            opened={adding}
            onClose={() => setAdding(false)}
          />
          <EndAssignmentModal
            key={ending?.id ?? 'none'}
            target={ending}
            label={
              ending
                ? `${formName(ending.formKey)} — ${whoText(t, ending, ownerUnitId)} (${periodText(t, ending.periodType)})`
                : ''
            }
            ownerUnitId={ownerUnitId}
            onClose={() => setEnding(null)}
          />
        </>
      )}
    </>
  );
}
