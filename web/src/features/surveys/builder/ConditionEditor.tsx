import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Condition, ConditionOperator, LeafCondition } from '../api';
import { langOf } from '../labels';
import {
  conditionOf,
  conditionText,
  formOf,
  labelIn,
  operatorsFor,
  storedValue,
  valueOptions,
} from '../model/conditions';
import type { Draft, DraftItem } from '../model/definition';

/**
 * "Chỉ hiện khi …": comparisons on EARLIER questions (the only ones a condition may name), joined by all/any, each
 * a question (and a row of a matrix), an operator that fits its kind and a value from its choices or scale. The
 * sentence it makes is written under it. A condition nested deeper (from a workbook) is shown and kept, or cleared.
 */
export function ConditionEditor({
  draft,
  earlier,
  value,
  onChange,
}: {
  draft: Draft;
  earlier: readonly DraftItem[];
  value: Condition | undefined;
  onChange: (next: Condition | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const form = formOf(value);
  const C = (k: string, v?: Record<string, unknown>) => t(`surveys.builder.condition.${k}`, v ?? {});
  const set = (leaves: LeafCondition[], mode = form.mode) => onChange(conditionOf({ mode, leaves }));
  const byCode = new Map(earlier.map((it) => [it.code, it]));

  if (form.nested)
    return (
      <Stack gap={4}>
        <Text size="sm">{conditionText(draft, value, lang)}</Text>
        <Text size="xs" c="dimmed">
          {C('nested')}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          onClick={() => onChange(undefined)}
          style={{ alignSelf: 'flex-start' }}
        >
          {C('clear')}
        </Button>
      </Stack>
    );

  const updateLeaf = (k: number, leaf: LeafCondition) => set(form.leaves.map((l, j) => (j === k ? leaf : l)));

  return (
    <Stack gap="xs" data-testid="condition-editor">
      {form.leaves.length > 1 && (
        <SegmentedControl
          size="xs"
          value={form.mode}
          onChange={(m) => set(form.leaves, m as 'all' | 'any')}
          data={[
            { value: 'all', label: C('all') },
            { value: 'any', label: C('any') },
          ]}
          style={{ alignSelf: 'flex-start' }}
          aria-label={C('mode')}
        />
      )}
      {form.leaves.map((leaf, k) => {
        const target = byCode.get(leaf.item);
        const ops = operatorsFor(target);
        const options = valueOptions(draft, target, lang, leaf.op);
        const missing = !target;
        return (
          <Group key={k} gap="xs" align="flex-end" wrap="wrap" data-testid="condition-row">
            <Select
              label={C('item')}
              size="xs"
              w={220}
              data={earlier.map((it) => ({
                value: it.code,
                label: `${it.code} — ${labelIn(it.text, lang) || t('surveys.builder.untitled')}`,
              }))}
              value={missing ? null : leaf.item}
              placeholder={missing ? C('missing', { code: leaf.item }) : undefined}
              error={missing ? C('missing', { code: leaf.item }) : undefined}
              onChange={(code) => {
                if (!code) return;
                const next = byCode.get(code);
                const op = operatorsFor(next).includes(leaf.op) ? leaf.op : 'answered';
                updateLeaf(k, { item: code, op, ...(op === 'answered' ? {} : { value: undefined }) });
              }}
              searchable
              comboboxProps={{ withinPortal: true }}
            />
            {target?.kind === 'matrix' && (
              <Select
                label={C('row')}
                size="xs"
                w={180}
                data={target.rows.map((r) => ({
                  value: r.code,
                  label: `${r.code} — ${labelIn(r.text, lang)}`,
                }))}
                value={leaf.row ?? null}
                onChange={(row) => updateLeaf(k, { ...leaf, ...(row ? { row } : { row: undefined }) })}
                clearable
                comboboxProps={{ withinPortal: true }}
              />
            )}
            <Select
              label={C('op')}
              size="xs"
              w={170}
              data={ops.map((op) => ({ value: op, label: C(`ops.${op}`) }))}
              value={leaf.op}
              onChange={(op) => {
                if (!op) return;
                const o = op as ConditionOperator;
                updateLeaf(
                  k,
                  o === 'answered'
                    ? { item: leaf.item, ...(leaf.row ? { row: leaf.row } : {}), op: o }
                    : { ...leaf, op: o, value: o === 'in' ? [] : undefined },
                );
              }}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            {leaf.op === 'answered' ? (
              <Select
                label={C('value')}
                size="xs"
                w={160}
                data={[
                  { value: 'true', label: C('answeredYes') },
                  { value: 'false', label: C('answeredNo') },
                ]}
                value={leaf.value === false ? 'false' : 'true'}
                onChange={(v) => updateLeaf(k, { ...leaf, value: v !== 'false' })}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            ) : leaf.op === 'in' && options ? (
              <MultiSelect
                label={C('values')}
                size="xs"
                w={260}
                data={options}
                value={(Array.isArray(leaf.value) ? leaf.value : []).map(String)}
                onChange={(vs) => updateLeaf(k, { ...leaf, value: vs.map((v) => storedValue(target, v)) })}
                comboboxProps={{ withinPortal: true }}
              />
            ) : options ? (
              <Select
                label={C('value')}
                size="xs"
                w={220}
                data={options}
                value={leaf.value === undefined ? null : String(leaf.value)}
                onChange={(v) => v !== null && updateLeaf(k, { ...leaf, value: storedValue(target, v) })}
                comboboxProps={{ withinPortal: true }}
              />
            ) : (
              <TextInput
                label={leaf.op === 'in' ? C('valuesTyped') : C('value')}
                size="xs"
                w={200}
                value={
                  Array.isArray(leaf.value)
                    ? leaf.value.join('; ')
                    : leaf.value === undefined
                      ? ''
                      : String(leaf.value)
                }
                onChange={(e) => {
                  const raw = e.currentTarget.value;
                  updateLeaf(k, {
                    ...leaf,
                    value:
                      leaf.op === 'in'
                        ? raw
                            .split(';')
                            .map((x) => storedValue(target, x.trim()))
                            .filter((x) => x !== '')
                        : storedValue(target, raw),
                  });
                }}
              />
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={C('remove')}
              title={C('remove')}
              onClick={() => set(form.leaves.filter((_, j) => j !== k))}
              mb={4}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      {form.leaves.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="condition-text">
          {conditionText(draft, value, lang)}
        </Text>
      )}
      {earlier.length > 0 ? (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => set([...form.leaves, { item: earlier[earlier.length - 1]!.code, op: 'answered' }])}
          style={{ alignSelf: 'flex-start' }}
          data-testid="condition-add"
        >
          {form.leaves.length ? C('addMore') : C('add')}
        </Button>
      ) : (
        <Text size="xs" c="dimmed">
          {C('firstItem')}
        </Text>
      )}
    </Stack>
  );
}
