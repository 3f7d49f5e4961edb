import { Alert, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import {
  createFramework,
  frameworkKeys,
  type FrameworkSummary,
  type ShippedFramework,
  type UnitGroup,
} from './api';
import { groupLabel, nameIn, titleIn } from './labels';

/** Where a new framework comes from: a copy of a version, or a set chidao ships. */
export type CreateSource =
  | {
      kind: 'copy';
      framework: Pick<FrameworkSummary, 'id' | 'year' | 'number' | 'title' | 'titleEn' | 'unitGroup'>;
    }
  | { kind: 'shipped'; shipped: ShippedFramework };

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/**
 * A new draft framework for a year: a copy of a version (last year's copied forward: the year after it by default)
 * or a set chidao ships. Says which version the new one will be when the year already has some; opens the new
 * draft when made.
 */
export function CreateModal({
  source,
  year: initialYear,
  existing,
  onClose,
}: {
  source: CreateSource | null;
  /** The year proposed (the next year for a copy, this year for a shipped set). */
  year: number;
  /** The versions already known (to say "phiên bản 3 của năm 2026" when the year has two); none: not said. */
  existing?: readonly Pick<FrameworkSummary, 'year' | 'unitGroup' | 'number'>[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number | string>(initialYear);
  const [seen, setSeen] = useState<CreateSource | null>(source);
  if (seen !== source) {
    // Another source opened the dialog: its own year.
    setSeen(source);
    setYear(initialYear);
  }
  const group: UnitGroup | null =
    source?.kind === 'copy'
      ? source.framework.unitGroup
      : source?.kind === 'shipped'
        ? source.shipped.unitGroup
        : null;
  const valid = typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
  const sameYear =
    valid && group && existing ? existing.filter((f) => f.year === year && f.unitGroup === group) : [];
  const nextNumber = sameYear.reduce((m, f) => Math.max(m, f.number), 0) + 1;

  const create = useMutation({
    mutationFn: () => {
      if (!source || !valid) throw new Error('no source');
      return createFramework(
        source.kind === 'copy'
          ? { from: 'copy', frameworkId: source.framework.id, year: year as number }
          : { from: 'shipped', key: source.shipped.key, year: year as number },
      );
    },
    onSuccess: async (created) => {
      notifications.show({
        color: 'green',
        message: t('parFrameworks.create.done', { year: created.year, number: created.number }),
      });
      await queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
      onClose();
      await navigate({ to: '/par/frameworks/$id', params: { id: created.id } });
    },
  });

  const title =
    source?.kind === 'copy'
      ? t('parFrameworks.create.copyTitle', {
          title: titleIn(source.framework, i18n.language),
          year: source.framework.year,
        })
      : source?.kind === 'shipped'
        ? t('parFrameworks.create.shippedTitle', { title: nameIn(source.shipped.title, i18n.language) })
        : '';

  return (
    <FormModal
      opened={!!source}
      onClose={() => {
        create.reset();
        onClose();
      }}
      title={title}
      onSubmit={() => valid && create.mutate()}
      saving={create.isPending}
      submitLabel={
        source?.kind === 'copy'
          ? t('parFrameworks.create.copySubmit', { year: valid ? year : '…' })
          : t('parFrameworks.create.shippedSubmit')
      }
      size="md"
      testId="framework-create-modal"
      submitTestId="framework-create-submit"
    >
      <Text size="sm">
        {source?.kind === 'copy'
          ? t('parFrameworks.create.copyLead', { number: source.framework.number })
          : t('parFrameworks.create.shippedLead')}
      </Text>
      {group && (
        <Text size="sm" c="dimmed">
          {t('parFrameworks.create.group', { group: groupLabel(t, group) })}
        </Text>
      )}
      <NumberInput
        label={t('parFrameworks.create.year')}
        description={t('parFrameworks.create.yearHint')}
        value={year}
        onChange={setYear}
        min={MIN_YEAR}
        max={MAX_YEAR}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=""
        w={180}
        withAsterisk
        error={!valid ? t('parFrameworks.create.yearInvalid', { min: MIN_YEAR, max: MAX_YEAR }) : undefined}
        data-testid="framework-create-year"
        data-autofocus
      />
      {valid && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
          <Stack gap={4}>
            <Text size="sm">
              {!existing
                ? t('parFrameworks.create.becomesDraft', { year })
                : sameYear.length
                  ? t('parFrameworks.create.becomesNext', { year, number: nextNumber })
                  : t('parFrameworks.create.becomesFirst', { year })}
            </Text>
            <Text size="sm">{t('parFrameworks.create.draftNote')}</Text>
          </Stack>
        </Alert>
      )}
      <ErrorAlert error={create.error} showDetails />
    </FormModal>
  );
}
