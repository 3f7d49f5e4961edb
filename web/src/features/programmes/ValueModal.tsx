/**
 * Entering a target's value of a year by hand (the standing agency), with its evidence: a file uploaded here (its
 * type is checked from its content by the server) or a document of the register. For a target chidao computes, only
 * a year it has no data for (before chidao) takes a value by hand; the server says so otherwise.
 */
import { FileInput, NumberInput, Select, SimpleGrid, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { DecisionSelect } from '../../components/DecisionSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { ApiError } from '../../lib/api';
import { programmeKeys, recordValue, uploadEvidence, type Programme, type Target } from './api';

const NUMBER = { decimalSeparator: ',', thousandSeparator: '.', hideControls: true } as const;
type Num = number | string;

export function ValueModal({
  onClose,
  programme,
  target,
  initialYear,
}: {
  onClose: () => void;
  programme: Programme;
  target: Target;
  initialYear: number;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const years = target.years.filter((y) => y.year <= programme.currentYear && y.source !== 'computed');
  const [year, setYear] = useState(initialYear);
  const existing = target.years.find((y) => y.year === year)?.manual ?? null;
  const [value, setValue] = useState<Num>(existing?.value ?? '');
  const [measuredOn, setMeasuredOn] = useState<string | null>(existing?.measuredOn ?? null);
  const [note, setNote] = useState(existing?.note ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [documentId, setDocumentId] = useState<string | null>(existing?.evidenceDocument?.id ?? null);
  const choose = (y: number) => {
    const m = target.years.find((x) => x.year === y)?.manual ?? null;
    setYear(y);
    setValue(m?.value ?? '');
    setMeasuredOn(m?.measuredOn ?? null);
    setNote(m?.note ?? '');
    setDocumentId(m?.evidenceDocument?.id ?? null);
    setFile(null);
    save.reset();
  };
  const save = useMutation({
    mutationFn: async () => {
      const uploaded = file ? await uploadEvidence(programme.id, target.id, file) : null;
      return recordValue(programme.id, target.id, {
        year,
        value: value === '' ? Number.NaN : Number(value),
        measuredOn,
        note,
        evidenceFileId: uploaded?.id ?? existing?.evidenceFile?.id ?? null,
        evidenceDocumentId: documentId,
        ...(existing ? { version: existing.version } : {}),
      });
    },
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('common.saved') });
      await queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      onClose();
    },
  });
  const fieldError = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined;
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('programmes.valueForm.title', { target: target.name })}
      onSubmit={() => save.mutate()}
      saving={save.isPending}
      submitLabel={t('common.save')}
      testId="value-modal"
      submitTestId="value-save"
    >
      <Text size="sm" c="dimmed">
        {t('programmes.valueForm.help')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('programmes.year')}
          data={years.map((y) => String(y.year))}
          value={String(year)}
          onChange={(v) => v && choose(Number(v))}
          allowDeselect={false}
          error={fieldError('year')}
        />
        <NumberInput
          label={t('programmes.valueForm.value')}
          value={value}
          onChange={setValue}
          error={fieldError('value')}
          required
          data-testid="value-input"
          {...NUMBER}
        />
        <DateField
          label={t('programmes.valueForm.measuredOn')}
          value={measuredOn}
          onChange={setMeasuredOn}
          error={fieldError('measuredOn')}
        />
      </SimpleGrid>
      <FileInput
        label={t('programmes.valueForm.file')}
        description={
          existing?.evidenceFile
            ? t('programmes.valueForm.fileKept', { name: existing.evidenceFile.name })
            : t('programmes.valueForm.fileHelp')
        }
        value={file}
        onChange={setFile}
        clearable
        error={fieldError('evidenceFileId') ?? fieldError('file')}
        data-testid="value-file"
      />
      <DecisionSelect
        label={t('programmes.valueForm.document')}
        value={documentId}
        onChange={setDocumentId}
        error={fieldError('evidenceDocumentId')}
      />
      <Textarea
        label={t('programmes.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      {save.isError && <ErrorAlert error={save.error} onReload={reload} />}
    </FormModal>
  );
}
