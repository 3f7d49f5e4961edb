import {
  Button,
  Chip,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitSelect } from '../../../components/UnitSelect';
import {
  FORMS,
  REFORM_AREAS,
  addPlanInspection,
  cancelInspection,
  createPlan,
  inspectionKeys,
  updateInspection,
  type Area,
  type Form,
  type InspectionSummary,
  type Plan,
} from '../api';

/** The standing agency creates the province's plan of a year. */
export function CreatePlanModal({
  year,
  opened,
  onClose,
}: {
  year: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) {
      setTitle(t('inspections.plan.defaultTitle', { year }));
      setNote('');
      setError(null);
    }
  }, [opened, year, t]);
  const submit = async () => {
    setBusy(true);
    try {
      await createPlan({ title, year, note });
      await qc.invalidateQueries({ queryKey: inspectionKeys.all });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('inspections.plan.createTitle')} size="lg">
      <Stack gap="sm">
        <TextInput
          label={t('inspections.plan.titleField')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          data-testid="plan-title-input"
        />
        <Textarea
          label={t('inspections.plan.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('inspections.plan.cancel')}
          </Button>
          <Button onClick={submit} loading={busy} disabled={!title.trim()} data-testid="plan-create-submit">
            {t('inspections.plan.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Areas as large chips (touch-friendly). */
export function AreasField({ value, onChange }: { value: Area[]; onChange: (v: Area[]) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('inspections.plan.areas')}
      </Text>
      <Chip.Group multiple value={value} onChange={(v) => onChange(v as Area[])}>
        <Group gap={6}>
          {REFORM_AREAS.map((a) => (
            <Chip key={a} value={a} data-testid={`area-${a}`}>
              {t(`inspections.areas.${a}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}

export function FormField({ value, onChange }: { value: Form; onChange: (v: Form) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('inspections.plan.form')}
      </Text>
      <SegmentedControl
        value={value}
        onChange={(v) => onChange(v as Form)}
        data={FORMS.map((f) => ({ value: f, label: t(`inspections.forms.${f}`) }))}
        data-testid="form-field"
      />
    </Stack>
  );
}

/**
 * A unit of the plan: added (unit searched accent-insensitively among the units in force on the first day, areas,
 * form, dates in the plan's year) or its schedule edited; a planned one may be cancelled with a reason. A stale
 * edit (409) says so and offers the latest.
 */
export function PlanInspectionModal({
  plan,
  editing,
  opened,
  onClose,
}: {
  plan: Plan;
  editing?: InspectionSummary | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [areas, setAreas] = useState<Area[]>([]);
  const [form, setForm] = useState<Form>('on_site');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setError(null);
    setReason('');
    setUnitId(editing?.unit.id ?? null);
    setAreas(editing?.areas ?? []);
    setForm(editing?.form ?? 'on_site');
    setFrom(editing?.plannedFrom ?? null);
    setTo(editing?.plannedTo ?? null);
  }, [opened, editing]);
  const refresh = () => qc.invalidateQueries({ queryKey: inspectionKeys.all });
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (editing)
        await updateInspection(editing.id, {
          version: editing.version,
          areas,
          form,
          plannedFrom: from!,
          plannedTo: to!,
        });
      else
        await addPlanInspection(plan.id, {
          unitId: unitId!,
          areas,
          form,
          plannedFrom: from!,
          plannedTo: to!,
        });
      await refresh();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const cancel = async () => {
    if (!editing) return;
    setBusy(true);
    try {
      await cancelInspection(editing.id, editing.version, reason);
      await refresh();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const reload = () => {
    void refresh();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        editing
          ? t('inspections.plan.editTitle', { unit: editing.unit.name })
          : t('inspections.plan.addUnitTitle')
      }
      size="lg"
    >
      <Stack gap="sm">
        {!editing && (
          <UnitSelect
            label={t('inspections.plan.unit')}
            value={unitId}
            onChange={setUnitId}
            asOf={from ?? `${plan.year}-01-01`}
            scope="province"
            required
            data-testid="plan-unit"
          />
        )}
        <AreasField value={areas} onChange={setAreas} />
        <FormField value={form} onChange={setForm} />
        <SimpleGrid cols={2} spacing="sm">
          <DateField
            label={t('inspections.plan.from')}
            value={from}
            onChange={setFrom}
            required
            data-testid="plan-from"
          />
          <DateField
            label={t('inspections.plan.to')}
            value={to}
            onChange={setTo}
            required
            data-testid="plan-to"
          />
        </SimpleGrid>
        <ErrorAlert error={error} onReload={reload} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('inspections.plan.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={busy}
            disabled={(!editing && !unitId) || !from || !to}
            data-testid="plan-unit-submit"
          >
            {t('inspections.plan.save')}
          </Button>
        </Group>
        {editing && (
          <Stack gap="xs" mt="md">
            <Textarea
              label={t('inspections.page.cancelReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group justify="space-between">
              <Button
                variant="subtle"
                onClick={() => void navigate({ to: '/inspections/$id', params: { id: editing.id } })}
              >
                {t('inspections.plan.open')}
              </Button>
              <Button color="red" variant="light" onClick={cancel} disabled={!reason.trim()} loading={busy}>
                {t('inspections.plan.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
