import { Text } from '@mantine/core';
import type { FieldOf } from '../model';
import { useLocalText } from '../language';
import { formatFigure } from './format';
import { NumberBox } from './NumberBox';
import { ReadOnlyValue } from './ReadOnlyValue';
import type { FieldInputProps } from './types';

/** A number or a percentage: typed as 1.234,5 with its unit (or %), read as such. */
export function NumberField({
  field,
  value,
  onChange,
  readOnly,
  description,
  error,
  inputId,
}: FieldInputProps<FieldOf<'number'> | FieldOf<'percent'>>) {
  const text = useLocalText();
  const percent = field.type === 'percent';
  const unit = field.type === 'number' ? text(field.unit) : undefined;
  const label = text(field.label);
  if (readOnly)
    return (
      <ReadOnlyValue
        label={label}
        description={description}
        error={error}
        empty={typeof value !== 'number'}
        inputId={inputId}
      >
        <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatFigure(value, field.decimals, { percent, unit })}
        </Text>
      </ReadOnlyValue>
    );
  return (
    <NumberBox
      id={inputId}
      label={label}
      description={description}
      error={error}
      withAsterisk={field.required}
      value={value}
      onChange={onChange}
      decimals={field.decimals}
      min={percent ? Math.max(0, field.min ?? 0) : field.min}
      max={percent ? Math.min(100, field.max ?? 100) : field.max}
      percent={percent}
      unit={unit}
      styles={{ wrapper: { maxWidth: 360 } }}
      data-testid="field-number"
    />
  );
}
