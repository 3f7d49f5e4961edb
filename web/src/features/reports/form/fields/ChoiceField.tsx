import { Checkbox, Group, MultiSelect, Radio, Select, Stack, Text } from '@mantine/core';
import { accentInsensitiveFilter } from '../../../../components/UnitSelect';
import type { ChoiceLike, FieldOf } from '../model';
import { useLocalText } from '../language';
import { ReadOnlyValue } from './ReadOnlyValue';
import type { FieldInputProps } from './types';

/** The labels of the chosen options (never their keys), in the form's order. */
export function useChoiceLabels() {
  const text = useLocalText();
  return (field: ChoiceLike, value: unknown): string[] => {
    const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return field.options.filter((o) => chosen.includes(o.key)).map((o) => text(o.label));
  };
}

/** A choice: a few options as radio buttons or check boxes, more as a searchable list. */
export function ChoiceField({
  field,
  value,
  onChange,
  readOnly,
  description,
  error,
  inputId,
}: FieldInputProps<FieldOf<'choice'>>) {
  const text = useLocalText();
  const labels = useChoiceLabels();
  const label = text(field.label);
  const data = field.options.map((o) => ({ value: o.key, label: text(o.label) }));
  if (readOnly) {
    const shown = labels(field, value);
    return (
      <ReadOnlyValue
        label={label}
        description={description}
        error={error}
        empty={!shown.length}
        inputId={inputId}
      >
        <Text size="sm" fw={600}>
          {shown.join('; ')}
        </Text>
      </ReadOnlyValue>
    );
  }
  if (field.multiple) {
    const current = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    const set = (v: string[]) => onChange(v.length ? v : null);
    if (field.options.length <= 6)
      return (
        <Checkbox.Group
          id={inputId}
          label={label}
          description={description}
          error={error}
          withAsterisk={field.required}
          value={current}
          onChange={set}
          data-testid="field-choice"
        >
          <Stack gap={6} mt={6}>
            {data.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    return (
      <MultiSelect
        id={inputId}
        label={label}
        description={description}
        error={error}
        withAsterisk={field.required}
        data={data}
        value={current}
        onChange={set}
        searchable
        filter={accentInsensitiveFilter}
        comboboxProps={{ withinPortal: true }}
        data-testid="field-choice"
      />
    );
  }
  const current = typeof value === 'string' ? value : null;
  if (field.options.length <= 4)
    return (
      <Radio.Group
        id={inputId}
        label={label}
        description={description}
        error={error}
        withAsterisk={field.required}
        value={current}
        onChange={(v) => onChange(v || null)}
        data-testid="field-choice"
      >
        <Group gap="md" mt={6}>
          {data.map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} />
          ))}
        </Group>
      </Radio.Group>
    );
  return (
    <Select
      id={inputId}
      label={label}
      description={description}
      error={error}
      withAsterisk={field.required}
      data={data}
      value={current}
      onChange={(v) => onChange(v)}
      searchable
      clearable={!field.required}
      filter={accentInsensitiveFilter}
      comboboxProps={{ withinPortal: true }}
      data-testid="field-choice"
    />
  );
}
