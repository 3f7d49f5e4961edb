/**
 * Adding or editing a target (the standing agency): its name, reform area, unit, comparison (≥ / ≤), baseline, a
 * milestone for any year of the period, the final value, and whether chidao computes it (a province figure) or it is
 * entered by hand with evidence. The server checks everything; its messages show under the fields.
 */
import { NumberInput, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { ApiError } from '../../lib/api';
import {
  addTarget,
  MEASURES,
  programmeKeys,
  REFORM_AREAS,
  updateTarget,
  type Programme,
  type Target,
} from './api';
import { pick } from './labels';

const NUMBER = { decimalSeparator: ',', thousandSeparator: '.', hideControls: true } as const;
type Num = number | string;
const num = (v: Num): number | null => (v === '' ? null : Number(v));
const HAND = '_hand';

export function TargetModal({
  onClose,
  programme,
  target,
}: {
  onClose: () => void;
  programme: Programme;
  target?: Target;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const years = Array.from(
    { length: programme.toYear - programme.fromYear },
    (_, i) => programme.fromYear + i,
  );
  const [name, setName] = useState(target?.name ?? '');
  const [area, setArea] = useState<string>(target?.area ?? 'procedures');
  const [measure, setMeasure] = useState<string>(target?.measure ?? 'percent');
  const [comparison, setComparison] = useState<string>(target?.comparison ?? 'gte');
  const [baselineYear, setBaselineYear] = useState<Num>(target?.baselineYear ?? '');
  const [baselineValue, setBaselineValue] = useState<Num>(target?.baselineValue ?? '');
  const [finalValue, setFinalValue] = useState<Num>(target?.finalValue ?? '');
  const [figureKey, setFigureKey] = useState<string>(target?.figureKey ?? HAND);
  const [note, setNote] = useState(target?.note ?? '');
  const [milestones, setMilestones] = useState<Record<number, Num>>(
    Object.fromEntries((target?.milestones ?? []).map((m) => [m.year, m.value])),
  );
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name,
        area: area as Target['area'],
        measure: measure as Target['measure'],
        comparison: comparison as Target['comparison'],
        baselineYear: num(baselineYear),
        baselineValue: num(baselineValue),
        milestones: Object.entries(milestones)
          .filter(([, v]) => v !== '')
          .map(([year, value]) => ({ year: Number(year), value: Number(value) })),
        finalValue: num(finalValue) ?? Number.NaN,
        figureKey: figureKey === HAND ? null : figureKey,
        note,
      };
      return target
        ? updateTarget(programme.id, target.id, { ...body, version: target.version })
        : addTarget(programme.id, body);
    },
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('common.saved') });
      await queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      onClose();
    },
  });
  const fieldError = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined;
  const milestoneError = (year: number) => {
    const at = Object.entries(milestones)
      .filter(([, v]) => v !== '')
      .findIndex(([y]) => Number(y) === year);
    return at < 0 ? undefined : (fieldError(`milestones.${at}.year`) ?? fieldError(`milestones.${at}.value`));
  };
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={target ? t('programmes.targetForm.editTitle') : t('programmes.targetForm.newTitle')}
      onSubmit={() => save.mutate()}
      saving={save.isPending}
      submitLabel={t('common.save')}
      testId="target-modal"
      submitTestId="target-save"
    >
      <TextInput
        label={t('programmes.targetName')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={fieldError('name')}
        maxLength={500}
        required
        data-testid="target-name"
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('programmes.area')}
          data={REFORM_AREAS.map((a) => ({ value: a, label: t(`programmes.areas.${a}`) }))}
          value={area}
          onChange={(v) => v && setArea(v)}
          allowDeselect={false}
          error={fieldError('area')}
        />
        <Select
          label={t('programmes.measure')}
          data={MEASURES.map((m) => ({ value: m, label: t(`programmes.measures.${m}`) }))}
          value={measure}
          onChange={(v) => v && setMeasure(v)}
          allowDeselect={false}
        />
        <Select
          label={t('programmes.comparison')}
          data={[
            { value: 'gte', label: t('programmes.comparisons.gte') },
            { value: 'lte', label: t('programmes.comparisons.lte') },
          ]}
          value={comparison}
          onChange={(v) => v && setComparison(v)}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Select
        label={t('programmes.figure')}
        description={t('programmes.figureHelp')}
        data={[
          { value: HAND, label: t('programmes.byHand') },
          ...programme.figures.map((f) => ({ value: f.key, label: pick(f.label, i18n.language) })),
        ]}
        value={figureKey}
        onChange={(v) => v && setFigureKey(v)}
        allowDeselect={false}
        error={fieldError('figureKey')}
        searchable
        data-testid="target-figure"
      />
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        <NumberInput
          label={t('programmes.baselineYear')}
          value={baselineYear}
          onChange={setBaselineYear}
          allowDecimal={false}
          error={fieldError('baselineYear')}
          hideControls
        />
        <NumberInput
          label={t('programmes.baselineValue')}
          value={baselineValue}
          onChange={setBaselineValue}
          error={fieldError('baselineValue')}
          {...NUMBER}
        />
        <NumberInput
          label={t('programmes.finalValueIn', { year: programme.toYear })}
          value={finalValue}
          onChange={setFinalValue}
          error={fieldError('finalValue')}
          required
          data-testid="target-final"
          {...NUMBER}
        />
      </SimpleGrid>
      <Text size="sm" fw={500}>
        {t('programmes.milestones')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('programmes.milestonesHelp')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {years.map((y) => (
          <NumberInput
            key={y}
            label={t('programmes.milestoneIn', { year: y })}
            value={milestones[y] ?? ''}
            onChange={(v) => setMilestones((m) => ({ ...m, [y]: v }))}
            error={milestoneError(y)}
            {...NUMBER}
          />
        ))}
      </SimpleGrid>
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
