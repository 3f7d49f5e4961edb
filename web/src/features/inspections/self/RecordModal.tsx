import { Button, Group, Modal, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { DecisionHint, DecisionSelect } from '../../../components/DecisionSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { accentInsensitiveFilter } from '../../../components/UnitSelect';
import { isoDate } from '../../../lib/format';
import { applyServerErrors } from '../../../lib/forms';
import {
  AREAS,
  createRecord,
  FORMS,
  selfKeys,
  updateRecord,
  type Area,
  type Coverage,
  type Form,
  type SelfInspection,
} from './api';

type Values = {
  inspectedUnitId: string | null;
  inspectedOn: string | null;
  form: Form;
  areas: Area[];
  note: string;
  documentId: string | null;
};

const dayOf = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
};

/**
 * Records (or edits) one inspection of a division or sub-unit: the unit picked among the unit's own sub-units
 * (those already inspected this year marked), the date within the year and not after today (dd/mm/yyyy), the
 * form, the reform areas, a note and, if registered, the conclusion document. The server's refusals show under
 * their fields; a record changed meanwhile offers to reload.
 */
export function RecordModal({
  opened,
  onClose,
  coverage,
  record,
}: {
  opened: boolean;
  onClose: () => void;
  coverage: Coverage;
  /** The record to edit; none to record a new one. */
  record: SelfInspection | null;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Whether the server's refusal was shown under its fields (else it is shown above them).
  const [placed, setPlaced] = useState(false);
  const year = coverage.year;
  const today = isoDate();
  const lastDay = `${year}-12-31` < today ? `${year}-12-31` : today;
  const form = useForm<Values>({
    initialValues: record
      ? {
          inspectedUnitId: record.inspectedUnit.id,
          inspectedOn: record.inspectedOn,
          form: record.form,
          areas: record.areas,
          note: record.note,
          documentId: record.document?.id ?? null,
        }
      : {
          inspectedUnitId: null,
          inspectedOn: lastDay,
          form: 'on_site',
          areas: [],
          note: '',
          documentId: null,
        },
    validate: {
      inspectedUnitId: (v) => (v ? null : t('common.required')),
      inspectedOn: (v) => (v ? null : t('common.required')),
    },
  });
  const units = coverage.subUnits.map((u) => ({
    value: u.id,
    label: u.inspected ? `${u.name} (${t('selfInspections.form.alreadyInspected')})` : u.name,
  }));
  // A record of a unit that is no longer among the sub-units (ended, deeper) still names it.
  if (record && !units.some((u) => u.value === record.inspectedUnit.id))
    units.push({ value: record.inspectedUnit.id, label: record.inspectedUnit.name });

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        inspectedUnitId: v.inspectedUnitId!,
        inspectedOn: v.inspectedOn!,
        form: v.form,
        areas: v.areas,
        note: v.note.trim(),
        documentId: v.documentId,
      };
      return record
        ? updateRecord(record.id, { ...body, version: record.version })
        : createRecord({ ...body, inspectorUnitId: coverage.unit.id, year });
    },
    onSuccess: async (saved) => {
      notifications.show({
        color: 'green',
        message: record
          ? t('selfInspections.records.updated')
          : t('selfInspections.records.saved', { unit: saved.inspectedUnit.name }),
        'data-testid': 'self-saved',
      });
      await queryClient.invalidateQueries({ queryKey: selfKeys.all });
      form.reset();
      onClose();
    },
    onMutate: () => setPlaced(false),
    onError: (e) => setPlaced(applyServerErrors(form, e)),
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={record ? t('selfInspections.form.titleEdit') : t('selfInspections.form.titleNew')}
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="self-form">
        <Stack gap="sm">
          {save.error && !placed ? (
            <ErrorAlert
              error={save.error}
              onReload={async () => {
                await queryClient.invalidateQueries({ queryKey: selfKeys.all });
                onClose();
              }}
            />
          ) : null}
          <Select
            label={t('selfInspections.form.unit')}
            description={t('selfInspections.form.unitHint', { unit: coverage.unit.name })}
            placeholder={t('selfInspections.form.unitPlaceholder')}
            withAsterisk
            searchable
            data={units}
            filter={accentInsensitiveFilter}
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('inspectedUnitId')}
            data-testid="self-unit"
          />
          <DateField
            label={t('selfInspections.form.date')}
            description={t('selfInspections.form.dateHint', { year })}
            withAsterisk
            value={form.values.inspectedOn}
            onChange={(v) => form.setFieldValue('inspectedOn', v)}
            error={form.errors.inspectedOn}
            minDate={dayOf(`${year}-01-01`)}
            maxDate={dayOf(lastDay)}
            data-testid="self-date"
          />
          <Select
            label={t('selfInspections.form.form')}
            data={FORMS.map((f) => ({ value: f, label: t(`selfInspections.forms.${f}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('form')}
            data-testid="self-form-kind"
          />
          <MultiSelect
            label={t('selfInspections.form.areas')}
            placeholder={form.values.areas.length ? undefined : t('selfInspections.form.areasPlaceholder')}
            data={AREAS.map((a) => ({ value: a, label: t(`selfInspections.areas.${a}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('areas')}
            data-testid="self-areas"
          />
          <Textarea
            label={t('selfInspections.form.note')}
            placeholder={t('selfInspections.form.notePlaceholder')}
            autosize
            minRows={3}
            maxLength={4000}
            {...form.getInputProps('note')}
            data-testid="self-note"
          />
          <DecisionSelect
            label={t('selfInspections.form.document')}
            value={form.values.documentId}
            onChange={(v) => form.setFieldValue('documentId', v)}
            error={form.errors.documentId}
            data-testid="self-document"
          />
          <DecisionHint />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="self-submit">
              {record ? t('selfInspections.form.saveEdit') : t('selfInspections.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
