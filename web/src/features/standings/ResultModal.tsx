/**
 * Entering or correcting one published result (the standing agency): the year and the dimension, then the value, its
 * scale, the rank of how many, the national average, the source (a register document and/or a citation) and a note.
 * A result already entered is corrected with the version read (409 says someone changed it meanwhile).
 */
import { Alert, Group, NumberInput, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DecisionHint, DecisionSelect } from '../../components/DecisionSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { ApiError } from '../../lib/api';
import { deleteResult, putResult, standingKeys, type Cell, type IndexView } from './api';
import { pick } from './labels';

export const NUMBER = { decimalSeparator: ',', thousandSeparator: '.', hideControls: true } as const;
export type Num = number | string;
export const num = (v: Num): number | null => (v === '' || v === null || v === undefined ? null : Number(v));

type Fields = {
  value: Num;
  maxValue: Num;
  rank: Num;
  rankOf: Num;
  average: Num;
  source: string;
  documentId: string | null;
  note: string;
};

const fieldsOf = (cell: Cell | undefined, scaleMax: number): Fields => {
  const r = cell?.result;
  return {
    value: r?.value ?? '',
    maxValue: r?.maxValue ?? scaleMax,
    rank: r?.rank ?? '',
    rankOf: r?.rankOf ?? (r ? '' : 63),
    average: r?.nationalAverage ?? '',
    source: r?.source ?? '',
    documentId: r?.sourceDocument?.id ?? null,
    note: r?.note ?? '',
  };
};

export function ResultModal({
  onClose,
  index,
  years,
  initial,
}: {
  onClose: () => void;
  index: IndexView;
  years: readonly number[];
  initial: { year: number; code: string };
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(initial.year);
  const [code, setCode] = useState(initial.code);
  const rowsOf = (y: number) => index.rows.filter((r) => r.cells.find((c) => c.year === y)?.applies);
  const cellOf = (y: number, c: string) =>
    index.rows.find((r) => r.code === c)?.cells.find((x) => x.year === y);
  const scaleOf = (c: string) => index.rows.find((r) => r.code === c)?.scaleMax ?? 100;
  const [f, setF] = useState<Fields>(() =>
    fieldsOf(cellOf(initial.year, initial.code), scaleOf(initial.code)),
  );
  const [missing, setMissing] = useState(false);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setF((old) => ({ ...old, [key]: value }));
  const choose = (y: number, c: string) => {
    const codes = rowsOf(y).map((r) => r.code);
    const next = codes.includes(c) ? c : '';
    setYear(y);
    setCode(next);
    setF(fieldsOf(cellOf(y, next), scaleOf(next)));
    save.reset();
  };
  const result = cellOf(year, code)?.result ?? null;

  const save = useMutation({
    mutationFn: () =>
      putResult({
        indexCode: index.code,
        year,
        dimensionCode: code,
        value: num(f.value)!,
        maxValue: num(f.maxValue),
        rank: num(f.rank),
        rankOf: num(f.rankOf),
        nationalAverage: num(f.average),
        source: f.source,
        note: f.note,
        sourceDocumentId: f.documentId,
        ...(result ? { version: result.version } : {}),
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('common.saved') });
      await queryClient.invalidateQueries({ queryKey: standingKeys.all });
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteResult(result!.id, result!.version),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('standings.resultForm.deleted') });
      await queryClient.invalidateQueries({ queryKey: standingKeys.all });
      onClose();
    },
  });
  const fieldError = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined;
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: standingKeys.all });
    onClose();
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('standings.resultForm.title', { index: pick(index.shortName, i18n.language) })}
      onSubmit={() => {
        if (num(f.value) === null) return setMissing(true);
        save.mutate();
      }}
      saving={save.isPending}
      submitLabel={t('common.save')}
      testId="result-modal"
      submitTestId="result-save"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('standings.year')}
          data={years.filter((y) => y <= thisYear).map(String)}
          value={String(year)}
          onChange={(v) => v && choose(Number(v), code)}
          allowDeselect={false}
          data-testid="result-year"
        />
        <Select
          label={t('standings.dimension')}
          data={rowsOf(year).map((r) => ({
            value: r.code || '_',
            label: r.code ? pick(r.name, i18n.language) : t('standings.overall'),
          }))}
          value={code || '_'}
          onChange={(v) => v && choose(year, v === '_' ? '' : v)}
          allowDeselect={false}
          searchable
          data-testid="result-dimension"
        />
      </SimpleGrid>
      {!result && (
        <Alert color="blue" variant="light" p="xs">
          {t('standings.resultForm.new')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        <NumberInput
          label={t('standings.value')}
          required
          value={f.value}
          onChange={(v) => set('value', v)}
          min={0}
          error={missing && num(f.value) === null ? t('common.required') : fieldError('value')}
          data-testid="result-value"
          {...NUMBER}
        />
        <NumberInput
          label={t('standings.scaleMax')}
          value={f.maxValue}
          onChange={(v) => set('maxValue', v)}
          min={0}
          error={fieldError('maxValue')}
          {...NUMBER}
        />
        <NumberInput
          label={t('standings.nationalAverage')}
          value={f.average}
          onChange={(v) => set('average', v)}
          min={0}
          error={fieldError('nationalAverage')}
          {...NUMBER}
        />
        <NumberInput
          label={t('standings.rank')}
          value={f.rank}
          onChange={(v) => set('rank', v)}
          min={1}
          allowDecimal={false}
          error={fieldError('rank')}
          {...NUMBER}
        />
        <NumberInput
          label={t('standings.rankOf')}
          value={f.rankOf}
          onChange={(v) => set('rankOf', v)}
          min={1}
          allowDecimal={false}
          error={fieldError('rankOf')}
          {...NUMBER}
        />
      </SimpleGrid>
      <DecisionSelect
        label={t('standings.sourceDocument')}
        value={f.documentId}
        onChange={(v) => set('documentId', v)}
        error={fieldError('sourceDocumentId')}
      />
      <DecisionHint />
      <TextInput
        label={t('standings.source')}
        description={t('standings.sourceHelp')}
        value={f.source}
        onChange={(e) => set('source', e.currentTarget.value)}
        maxLength={500}
      />
      <Textarea
        label={t('standings.note')}
        value={f.note}
        onChange={(e) => set('note', e.currentTarget.value)}
        maxLength={1000}
        autosize
        minRows={2}
      />
      {save.isError && <ErrorAlert error={save.error} onReload={reload} />}
      {remove.isError && <ErrorAlert error={remove.error} onReload={reload} />}
      {result && (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('common.versionN', { version: result.version })}
          </Text>
          <ConfirmButton
            size="xs"
            variant="subtle"
            title={t('standings.resultForm.deleteTitle')}
            message={t('standings.resultForm.deleteConfirm')}
            onConfirm={() => remove.mutate()}
            loading={remove.isPending}
            data-testid="result-delete"
          >
            {t('common.delete')}
          </ConfirmButton>
        </Group>
      )}
    </FormModal>
  );
}
