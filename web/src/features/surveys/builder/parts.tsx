/** Small inputs the builder repeats: a bilingual text, an optional number, move/remove buttons, a problem list. */
import { ActionIcon, Group, List, NumberInput, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Bi = { vi: string; en: string };

/** Vietnamese and English side by side (stacked on a phone); Vietnamese is the one the form needs. */
export function BilingualInput({
  label,
  value,
  onChange,
  required,
  multiline,
  maxLength = 2000,
  testId,
}: {
  label: string;
  value: Bi | undefined;
  onChange: (next: Bi | undefined) => void;
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const v = value ?? { vi: '', en: '' };
  const set = (patch: Partial<Bi>) => {
    const next = { ...v, ...patch };
    // An optional text left empty in both languages is no text at all.
    onChange(!required && !next.vi && !next.en ? undefined : next);
  };
  const Input = multiline ? Textarea : TextInput;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      <Input
        label={`${label} (${t('surveys.builder.vi')})`}
        value={v.vi}
        onChange={(e) => set({ vi: e.currentTarget.value })}
        withAsterisk={required}
        maxLength={maxLength}
        size="xs"
        {...(multiline ? { autosize: true, minRows: 1 } : {})}
        data-testid={testId ? `${testId}-vi` : undefined}
      />
      <Input
        label={`${label} (${t('surveys.builder.en')})`}
        value={v.en}
        onChange={(e) => set({ en: e.currentTarget.value })}
        maxLength={maxLength}
        size="xs"
        {...(multiline ? { autosize: true, minRows: 1 } : {})}
        data-testid={testId ? `${testId}-en` : undefined}
      />
    </SimpleGrid>
  );
}

/** A number that may be left empty (no bound). */
export function OptionalNumber({
  label,
  value,
  onChange,
  min,
  allowDecimal = true,
  w = 140,
}: {
  label: string;
  value: number | undefined;
  onChange: (next: number | undefined) => void;
  min?: number;
  allowDecimal?: boolean;
  w?: number;
}) {
  return (
    <NumberInput
      label={label}
      size="xs"
      w={w}
      value={value ?? ''}
      onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
      min={min}
      allowDecimal={allowDecimal}
      decimalSeparator=","
      thousandSeparator="."
    />
  );
}

/** Up, down and remove for a row of a list. */
export function RowButtons({
  first,
  last,
  onMove,
  onRemove,
  label,
}: {
  first: boolean;
  last: boolean;
  onMove: (dir: -1 | 1) => void;
  onRemove?: () => void;
  /** What the row is, for the buttons' names ("câu cau_1"). */
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        color="gray"
        disabled={first}
        onClick={() => onMove(-1)}
        aria-label={t('surveys.builder.moveUp', { what: label })}
        title={t('surveys.builder.moveUp', { what: label })}
      >
        <IconArrowUp size={16} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        disabled={last}
        onClick={() => onMove(1)}
        aria-label={t('surveys.builder.moveDown', { what: label })}
        title={t('surveys.builder.moveDown', { what: label })}
      >
        <IconArrowDown size={16} aria-hidden />
      </ActionIcon>
      {onRemove && (
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={onRemove}
          aria-label={t('surveys.builder.remove', { what: label })}
          title={t('surveys.builder.remove', { what: label })}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  );
}

/** The server's problems with a section or question, under it. */
export function RowProblems({ messages }: { messages: readonly string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <Group gap={6} align="flex-start" wrap="nowrap" role="alert" data-testid="builder-row-problems">
      <IconAlertTriangle
        size={16}
        color="var(--mantine-color-red-7)"
        aria-hidden
        style={{ flexShrink: 0, marginTop: 2 }}
      />
      <List size="sm" c="red.8" spacing={0} listStyleType="none">
        {messages.map((m) => (
          <List.Item key={m}>
            <Text size="sm" c="red.8">
              {m}
            </Text>
          </List.Item>
        ))}
      </List>
    </Group>
  );
}

/** Swaps two entries of a list (a copy); out of bounds: the same list. */
export function swap<T>(list: readonly T[], k: number, dir: -1 | 1): T[] {
  const to = k + dir;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[k], out[to]] = [out[to]!, out[k]!];
  return out;
}
