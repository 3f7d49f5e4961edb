import { NumberInput, Text, type NumberInputProps } from '@mantine/core';
import { useState } from 'react';

type Props = Omit<NumberInputProps, 'value' | 'onChange' | 'decimalScale'> & {
  value: unknown;
  onChange: (value: number | null) => void;
  decimals: number;
  unit?: string;
  percent?: boolean;
};

/**
 * A figure typed the Vietnamese way (1.234,5: "." groups thousands, "," or "." starts the decimals), its
 * unit after it; the value is a number or null (empty is never 0). A half-typed figure ("12," or "-") stays
 * in the box until it is one.
 */
export function NumberBox({ value, onChange, decimals, unit, percent, min, ...rest }: Props) {
  const [partial, setPartial] = useState<string | null>(null);
  const numeric = typeof value === 'number' && Number.isFinite(value) ? value : '';
  const suffix = percent ? '%' : unit;
  return (
    <NumberInput
      value={partial ?? numeric}
      onChange={(v) => {
        if (typeof v === 'number') {
          setPartial(null);
          onChange(v);
        } else if (v === '') {
          setPartial(null);
          onChange(null);
        } else setPartial(v);
      }}
      onBlur={() => setPartial(null)}
      decimalSeparator=","
      thousandSeparator="."
      allowedDecimalSeparators={[',', '.']}
      decimalScale={decimals}
      allowDecimal={decimals > 0}
      allowNegative={min === undefined || min < 0}
      min={min}
      hideControls
      inputMode={decimals > 0 ? 'decimal' : 'numeric'}
      rightSection={
        suffix ? (
          <Text size="sm" c="dimmed" pr="xs" style={{ whiteSpace: 'nowrap' }}>
            {suffix}
          </Text>
        ) : undefined
      }
      rightSectionWidth={suffix ? 'auto' : undefined}
      rightSectionPointerEvents="none"
      {...rest}
    />
  );
}
