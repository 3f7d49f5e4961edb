/**
 * Setting the province's target for an index, a year and a dimension (the standing agency): a value to reach, a rank
 * to reach, or both, with where it was set (a register document and/or a citation). Version-checked.
 */
import { Group, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DecisionSelect } from '../../components/DecisionSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { ApiError } from '../../lib/api';
import { deleteTarget, putTarget, standingKeys, type Cell, type IndexView } from './api';
import { pick } from './labels';
import { NUMBER, num, type Num } from './ResultModal';

export function TargetModal({
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
  const [year, setYear] = useState(initial.year);
  const [code, setCode] = useState(initial.code);
  const cellOf = (y: number, c: string): Cell | undefined =>
    index.rows.find((r) => r.code === c)?.cells.find((x) => x.year === y);
  const rows = index.rows.filter((r) => r.cells.find((c) => c.year === year)?.applies);
  const target = cellOf(year, code)?.target ?? null;
  const [value, setValue] = useState<Num>(target?.targetValue ?? '');
  const [rank, setRank] = useState<Num>(target?.targetRank ?? '');
  const [source, setSource] = useState(target?.source ?? '');
  const [documentId, setDocumentId] = useState<string | null>(target?.sourceDocument?.id ?? null);
  const choose = (y: number, c: string) => {
    const next = index.rows.find((r) => r.code === c)?.cells.find((x) => x.year === y)?.applies ? c : '';
    const found = cellOf(y, next)?.target ?? null;
    setYear(y);
    setCode(next);
    setValue(found?.targetValue ?? '');
    setRank(found?.targetRank ?? '');
    setSource(found?.source ?? '');
    setDocumentId(found?.sourceDocument?.id ?? null);
    save.reset();
  };
  const save = useMutation({
    mutationFn: () =>
      putTarget({
        indexCode: index.code,
        year,
        dimensionCode: code,
        targetValue: num(value),
        targetRank: num(rank),
        source,
        sourceDocumentId: documentId,
        ...(target ? { version: target.version } : {}),
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('common.saved') });
      await queryClient.invalidateQueries({ queryKey: standingKeys.all });
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteTarget(target!.id, target!.version),
    onSuccess: async () => {
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
      title={t('standings.targetForm.title', { index: pick(index.shortName, i18n.language) })}
      onSubmit={() => save.mutate()}
      saving={save.isPending}
      submitLabel={t('common.save')}
      testId="target-modal"
      submitTestId="target-save"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('standings.year')}
          data={years.map(String)}
          value={String(year)}
          onChange={(v) => v && choose(Number(v), code)}
          allowDeselect={false}
        />
        <Select
          label={t('standings.dimension')}
          data={rows.map((r) => ({
            value: r.code || '_',
            label: r.code ? pick(r.name, i18n.language) : t('standings.overall'),
          }))}
          value={code || '_'}
          onChange={(v) => v && choose(year, v === '_' ? '' : v)}
          allowDeselect={false}
          searchable
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('standings.targetForm.help')}
      </Text>
      <SimpleGrid cols={2}>
        <NumberInput
          label={t('standings.targetValue')}
          value={value}
          onChange={setValue}
          min={0}
          error={fieldError('targetValue')}
          data-testid="target-value"
          {...NUMBER}
        />
        <NumberInput
          label={t('standings.targetRank')}
          value={rank}
          onChange={setRank}
          min={1}
          allowDecimal={false}
          error={fieldError('targetRank')}
          {...NUMBER}
        />
      </SimpleGrid>
      <DecisionSelect
        label={t('standings.targetForm.document')}
        value={documentId}
        onChange={setDocumentId}
        error={fieldError('sourceDocumentId')}
      />
      <TextInput
        label={t('standings.source')}
        value={source}
        onChange={(e) => setSource(e.currentTarget.value)}
        maxLength={500}
      />
      {save.isError && <ErrorAlert error={save.error} onReload={reload} />}
      {remove.isError && <ErrorAlert error={remove.error} onReload={reload} />}
      {target && (
        <Group justify="flex-end">
          <ConfirmButton
            size="xs"
            variant="subtle"
            title={t('standings.targetForm.deleteTitle')}
            message={t('standings.targetForm.deleteConfirm')}
            onConfirm={() => remove.mutate()}
            loading={remove.isPending}
          >
            {t('common.delete')}
          </ConfirmButton>
        </Group>
      )}
    </FormModal>
  );
}
