/** The editors of a field's lists and numeric properties: choice options, table columns and rows, limits. */
import {
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { aggregateWord, typeWord } from './FormOutlineView';
import {
  allowedAggregates,
  changeColumnType,
  COLUMN_TYPES,
  fitAggregate,
  freshKey,
  moveItem,
  newColumn,
  removeItem,
  replaceItem,
  slugKey,
  uniqueKey,
  type Aggregate,
  type ChoiceOption,
  type Column,
  type ColumnType,
  type FixedRow,
  type LocalText,
  type TableField,
} from './outline';
import { BilingualInput, KeyInput, MoveButtons, RemoveButton, useLocal } from './parts';

/** A NumberInput's value as a number, or undefined when empty. */
export const numberOrUndefined = (v: number | string): number | undefined =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : v === ''
      ? undefined
      : Number.isFinite(Number(v))
        ? Number(v)
        : undefined;

/** Vietnamese number typing: 1.234,5. */
export const VN_NUMBER = { decimalSeparator: ',', thousandSeparator: '.' } as const;

/** The aggregate picker: only what fits the type, in words. */
export function AggregateSelect({
  item,
  value,
  onChange,
  testId,
}: {
  item: { type: Column['type'] | 'narrative' | 'table' | 'computed'; result?: 'number' | 'percent' };
  value: Aggregate;
  onChange: (value: Aggregate) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('reportsDesigner.aggregate')}
      description={t('reportsDesigner.aggregateHint')}
      data={allowedAggregates(item).map((a) => ({ value: a, label: aggregateWord(t, a) }))}
      value={value}
      onChange={(v) => v && onChange(v as Aggregate)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}

type NumericItem = {
  type: 'number' | 'percent' | 'computed';
  unit?: LocalText | undefined;
  min?: number | undefined;
  max?: number | undefined;
  decimals: number;
  aggregate: Aggregate;
  weight?: string | undefined;
  result?: 'number' | 'percent';
};

/**
 * Unit, limits, decimals, aggregate and weight of a number, a percentage or a computed field (or such a
 * column: `weights` are then the table's numeric columns).
 */
export function NumericProps<T extends NumericItem>({
  item,
  onChange,
  weights,
}: {
  item: T;
  onChange: (item: T) => void;
  /** The numeric fields (or columns) that may weigh this one: key and label. */
  weights: readonly { key: string; label: string }[];
}) {
  const { t } = useTranslation();
  const set = <K extends keyof NumericItem>(key: K, value: NumericItem[K] | undefined) => {
    const next = { ...item, [key]: value } as T;
    if (value === undefined) delete (next as Record<string, unknown>)[key];
    onChange(next);
  };
  const percent = item.type === 'percent' || (item.type === 'computed' && item.result === 'percent');
  const hasLimits = item.type !== 'computed';
  const maxDecimals = item.type === 'percent' ? 4 : 6;
  return (
    <Stack gap="sm">
      {!percent && (
        <BilingualInput
          label={t('reportsDesigner.unit')}
          description={t('reportsDesigner.unitHint')}
          value={item.unit}
          onChange={(v) => set('unit', v.vi || v.en ? v : undefined)}
          required={!!item.unit}
          error={!!item.unit}
        />
      )}
      <SimpleGrid cols={{ base: 1, xs: hasLimits ? 3 : 1 }} spacing="xs">
        {hasLimits && (
          <NumberInput
            label={t('reportsDesigner.min')}
            value={item.min ?? ''}
            onChange={(v) => set('min', numberOrUndefined(v))}
            {...VN_NUMBER}
            min={percent ? 0 : undefined}
            max={percent ? 100 : undefined}
          />
        )}
        {hasLimits && (
          <NumberInput
            label={t('reportsDesigner.max')}
            value={item.max ?? ''}
            onChange={(v) => set('max', numberOrUndefined(v))}
            {...VN_NUMBER}
            min={percent ? 0 : undefined}
            max={percent ? 100 : undefined}
          />
        )}
        <NumberInput
          label={t('reportsDesigner.decimals')}
          description={t('reportsDesigner.decimalsHint')}
          value={item.decimals}
          onChange={(v) => set('decimals', Math.max(0, Math.min(maxDecimals, numberOrUndefined(v) ?? 0)))}
          min={0}
          max={maxDecimals}
          allowDecimal={false}
          allowNegative={false}
        />
      </SimpleGrid>
      {percent && hasLimits && (
        <Text size="xs" c="dimmed">
          {t('reportsDesigner.percentHint')}
        </Text>
      )}
      <AggregateSelect
        item={item}
        value={item.aggregate}
        onChange={(a) => {
          const next = { ...item, aggregate: a } as T;
          if (a !== 'weighted_average') delete (next as Record<string, unknown>).weight;
          onChange(next);
        }}
        testId="field-aggregate"
      />
      {item.aggregate === 'weighted_average' && (
        <Select
          label={t('reportsDesigner.weight')}
          description={t('reportsDesigner.weightHint')}
          withAsterisk
          data={weights.map((w) => ({ value: w.key, label: w.label }))}
          value={item.weight ?? null}
          onChange={(v) => set('weight', v ?? undefined)}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          error={!item.weight ? t('reportsDesigner.issues.weight') : null}
        />
      )}
    </Stack>
  );
}

type KeyedLabel = { key: string; label: { vi: string; en: string } };

/** What differs between the keyed-label lists (a choice's options, a table's fixed rows). */
type KeyedLabelTexts = {
  /** `reportsDesigner.<n>` with `{{n}}`: "Phương án 2", "Dòng 2". */
  itemN: string;
  label: string;
  add: string;
  /** The prefix of fresh keys and the test ids (`<prefix>-row`, `<prefix>-add`). */
  prefix: 'option' | 'row';
  fresh: (n: number) => { vi: string; en: string };
};

/** A list of items with a label in both languages and a key, in order: add, move, remove, rename. */
function KeyedLabelList<T extends KeyedLabel>({
  items,
  onChange,
  texts,
}: {
  items: readonly T[];
  onChange: (items: T[]) => void;
  texts: KeyedLabelTexts;
}) {
  const { t } = useTranslation();
  const local = useLocal();
  return (
    <>
      {items.map((o, i) => {
        const others = new Set(items.filter((_, j) => j !== i).map((x) => x.key));
        const what = local(o.label) || t(texts.itemN, { n: i + 1 });
        return (
          <Card key={i} withBorder padding="xs" data-testid={`${texts.prefix}-row`}>
            <Group justify="space-between" wrap="nowrap" mb={4}>
              <Text size="xs" c="dimmed">
                {t(texts.itemN, { n: i + 1 })}
              </Text>
              <Group gap={2} wrap="nowrap">
                <MoveButtons
                  what={what}
                  canUp={i > 0}
                  canDown={i < items.length - 1}
                  onMove={(d) => onChange(moveItem(items, i, d))}
                  size="xs"
                />
                {items.length > 1 && (
                  <RemoveButton what={what} onRemove={() => onChange(removeItem(items, i))} size="xs" />
                )}
              </Group>
            </Group>
            <Stack gap="xs">
              <BilingualInput
                label={t(texts.label)}
                value={o.label}
                required
                error
                onChange={(label) => onChange(replaceItem(items, i, { ...o, label }))}
              />
              <KeyInput
                size="xs"
                value={o.key}
                taken={others}
                suggest={() => uniqueKey(slugKey(o.label.vi, texts.prefix), others)}
                onCommit={(key) => onChange(replaceItem(items, i, { ...o, key }))}
              />
            </Stack>
          </Card>
        );
      })}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() =>
            onChange([
              ...items,
              {
                key: freshKey(
                  texts.prefix,
                  items.map((o) => o.key),
                ),
                label: texts.fresh(items.length + 1),
              } as T,
            ])
          }
          data-testid={`${texts.prefix}-add`}
        >
          {t(texts.add)}
        </Button>
      </Group>
    </>
  );
}

const OPTION_TEXTS: KeyedLabelTexts = {
  itemN: 'reportsDesigner.optionN',
  label: 'reportsDesigner.optionLabel',
  add: 'reportsDesigner.addOption',
  prefix: 'option',
  fresh: (n) => ({ vi: `Phương án ${n}`, en: `Option ${n}` }),
};
const ROW_TEXTS: KeyedLabelTexts = {
  itemN: 'reportsDesigner.rowN',
  label: 'reportsDesigner.rowLabel',
  add: 'reportsDesigner.addRow',
  prefix: 'row',
  fresh: (n) => ({ vi: `Dòng ${n}`, en: `Row ${n}` }),
};

/** The options of a choice: label in both languages and key, in order. */
export function OptionsEditor({
  options,
  onChange,
}: {
  options: readonly ChoiceOption[];
  onChange: (options: ChoiceOption[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="options-editor">
      <Text size="sm" fw={500}>
        {t('reportsDesigner.options')}
      </Text>
      <KeyedLabelList items={options} onChange={onChange} texts={OPTION_TEXTS} />
    </Stack>
  );
}

function ColumnEditor({
  column,
  columns,
  index,
  onChange,
  onMove,
  onRemove,
}: {
  column: Column;
  columns: readonly Column[];
  index: number;
  onChange: (column: Column) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocal();
  const others = new Set(columns.filter((_, j) => j !== index).map((c) => c.key));
  const what = local(column.label) || t('reportsDesigner.columnN', { n: index + 1 });
  const numericColumns = columns
    .filter((c, j) => j !== index && (c.type === 'number' || c.type === 'percent'))
    .map((c) => ({ key: c.key, label: `${local(c.label)} (${c.key})` }));
  return (
    <Card withBorder padding="sm" data-testid="column-row">
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Text size="sm" fw={600} lineClamp={1}>
          {t('reportsDesigner.columnN', { n: index + 1 })}: {local(column.label)}
        </Text>
        <Group gap={2} wrap="nowrap">
          <MoveButtons what={what} canUp={index > 0} canDown={index < columns.length - 1} onMove={onMove} />
          {columns.length > 1 && <RemoveButton what={what} onRemove={onRemove} />}
        </Group>
      </Group>
      <Stack gap="sm">
        <Select
          label={t('reportsDesigner.columnType')}
          data={COLUMN_TYPES.map((c) => ({ value: c, label: typeWord(t, c) }))}
          value={column.type}
          onChange={(v) => v && onChange(changeColumnType(column, v as ColumnType))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <BilingualInput
          label={t('reportsDesigner.columnLabel')}
          value={column.label}
          required
          error
          onChange={(label) => onChange({ ...column, label })}
        />
        <KeyInput
          value={column.key}
          taken={others}
          suggest={() => uniqueKey(slugKey(column.label.vi, 'column'), others)}
          onCommit={(key) => onChange({ ...column, key })}
        />
        <Switch
          label={t('reportsDesigner.requiredColumn')}
          checked={column.required}
          onChange={(e) => onChange({ ...column, required: e.currentTarget.checked })}
        />
        {(column.type === 'number' || column.type === 'percent') && (
          <NumericProps item={column} onChange={onChange} weights={numericColumns} />
        )}
        {column.type === 'text' && (
          <>
            <NumberInput
              label={t('reportsDesigner.maxLength')}
              value={column.maxLength}
              onChange={(v) =>
                onChange({
                  ...column,
                  maxLength: Math.max(1, Math.min(20_000, numberOrUndefined(v) ?? 2000)),
                })
              }
              min={1}
              max={20_000}
              allowDecimal={false}
              {...VN_NUMBER}
            />
            <AggregateSelect
              item={column}
              value={column.aggregate}
              onChange={(aggregate) => onChange({ ...column, aggregate })}
            />
          </>
        )}
        {column.type === 'choice' && (
          <>
            <OptionsEditor
              options={column.options}
              onChange={(options) => onChange({ ...column, options })}
            />
            <Switch
              label={t('reportsDesigner.multiple')}
              checked={column.multiple}
              onChange={(e) => onChange({ ...column, multiple: e.currentTarget.checked })}
            />
            <AggregateSelect
              item={column}
              value={column.aggregate}
              onChange={(aggregate) => onChange({ ...column, aggregate })}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}

/** A table's columns, and its rows: fixed (given) or free (the unit adds them, within limits). */
export function TableEditor({
  table,
  onChange,
}: {
  table: TableField;
  onChange: (table: TableField) => void;
}) {
  const { t } = useTranslation();
  const fixed = table.fixedRows !== undefined;
  const setColumns = (columns: Column[]) => onChange({ ...table, columns });
  const setRows = (rows: FixedRow[]) => onChange({ ...table, fixedRows: rows });
  const rows = table.fixedRows ?? [];
  return (
    <Stack gap="md" data-testid="table-editor">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('reportsDesigner.columns')}
        </Text>
        {table.columns.map((c, i) => (
          <ColumnEditor
            key={i}
            column={c}
            columns={table.columns}
            index={i}
            onChange={(col) =>
              setColumns(
                replaceItem(table.columns, i, {
                  ...col,
                  aggregate: fitAggregate(col, col.aggregate),
                } as Column),
              )
            }
            onMove={(d) => setColumns(moveItem(table.columns, i, d))}
            onRemove={() => setColumns(removeItem(table.columns, i))}
          />
        ))}
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => {
              const n = table.columns.length + 1;
              setColumns([
                ...table.columns,
                newColumn(
                  'number',
                  freshKey(
                    'column',
                    table.columns.map((c) => c.key),
                  ),
                  { vi: `Cột ${n}`, en: `Column ${n}` },
                ),
              ]);
            }}
            data-testid="column-add"
          >
            {t('reportsDesigner.addColumn')}
          </Button>
        </Group>
      </Stack>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('reportsDesigner.rows')}
        </Text>
        <SegmentedControl
          fullWidth
          data={[
            { value: 'fixed', label: t('reportsDesigner.rowsFixed') },
            { value: 'free', label: t('reportsDesigner.rowsFree') },
          ]}
          value={fixed ? 'fixed' : 'free'}
          onChange={(v) => {
            const { fixedRows: _f, minRows: _min, maxRows: _max, ...rest } = table;
            onChange(
              v === 'fixed'
                ? { ...rest, fixedRows: [{ key: 'row_1', label: { vi: 'Dòng 1', en: 'Row 1' } }] }
                : rest,
            );
          }}
          data-testid="rows-mode"
        />
        <Text size="xs" c="dimmed">
          {fixed ? t('reportsDesigner.rowsFixedHint') : t('reportsDesigner.rowsFreeHint')}
        </Text>
        {fixed ? (
          <KeyedLabelList items={rows} onChange={setRows} texts={ROW_TEXTS} />
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <NumberInput
              label={t('reportsDesigner.minRows')}
              value={table.minRows ?? ''}
              onChange={(v) => {
                const n = numberOrUndefined(v);
                const { minRows: _m, ...rest } = table;
                onChange(n === undefined ? rest : { ...rest, minRows: Math.max(0, Math.round(n)) });
              }}
              min={0}
              allowDecimal={false}
              allowNegative={false}
            />
            <NumberInput
              label={t('reportsDesigner.maxRows')}
              value={table.maxRows ?? ''}
              onChange={(v) => {
                const n = numberOrUndefined(v);
                const { maxRows: _m, ...rest } = table;
                onChange(n === undefined ? rest : { ...rest, maxRows: Math.max(1, Math.round(n)) });
              }}
              min={1}
              allowDecimal={false}
              allowNegative={false}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  );
}
