import { Input, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldOf } from '../model';
import { useLocalText } from '../language';
import { formatFigure } from './format';

/** A figure the form computes from others: shown read-only (never its formula), from the evaluated values. */
export function ComputedField({
  field,
  value,
  stale,
  inputId,
  error,
}: {
  field: FieldOf<'computed'>;
  value: unknown;
  /** Unsaved edits: the figure follows them once saved. */
  stale: boolean;
  inputId: string;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const text = useLocalText();
  const shown = formatFigure(value, field.decimals, {
    percent: field.result === 'percent',
    unit: text(field.unit),
  });
  return (
    <Input.Wrapper
      label={text(field.label)}
      description={
        <>
          {field.help ? `${text(field.help)} ` : ''}
          {stale ? t('reports.form.computedAfterSave') : t('reports.form.computed')}
        </>
      }
      error={error}
      labelElement="div"
    >
      <Paper
        id={inputId}
        tabIndex={-1}
        bg="gray.0"
        px="sm"
        py={6}
        mt={4}
        radius="sm"
        maw={360}
        withBorder
        data-testid="field-computed"
      >
        <Text
          size="sm"
          fw={600}
          c={shown ? undefined : 'dimmed'}
          style={{ fontVariantNumeric: 'tabular-nums' }}
        >
          {shown || '—'}
        </Text>
      </Paper>
    </Input.Wrapper>
  );
}
