import {
  ActionIcon,
  Button,
  Group,
  Input,
  MultiSelect,
  Select,
  Table,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ScrollCue } from '../../../../components/table';
import { accentInsensitiveFilter } from '../../../../components/UnitSelect';
import {
  emptyRow,
  rowLimits,
  tableRows,
  type Column,
  type TableField as TableDef,
  type TableRowValue,
} from '../model';
import { useLocalText } from '../language';
import { useChoiceLabels } from './ChoiceField';
import { formatFigure } from './format';
import { NumberBox } from './NumberBox';
import type { FieldInputProps } from './types';

function CellView({ column, value }: { column: Column; value: unknown }) {
  const text = useLocalText();
  const labels = useChoiceLabels();
  switch (column.type) {
    case 'number':
    case 'percent':
      return (
        <Text size="sm" ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatFigure(value, column.decimals, {
            percent: column.type === 'percent',
            unit: column.type === 'number' ? text(column.unit) : undefined,
          })}
        </Text>
      );
    case 'choice':
      return <Text size="sm">{labels(column, value).join('; ')}</Text>;
    case 'text':
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {typeof value === 'string' ? value : ''}
        </Text>
      );
  }
}

function CellInput({
  column,
  value,
  onChange,
  label,
}: {
  column: Column;
  value: unknown;
  onChange: (v: unknown) => void;
  label: string;
}) {
  const text = useLocalText();
  switch (column.type) {
    case 'number':
    case 'percent':
      return (
        <NumberBox
          aria-label={label}
          size="sm"
          value={value}
          onChange={onChange}
          decimals={column.decimals}
          min={column.type === 'percent' ? Math.max(0, column.min ?? 0) : column.min}
          max={column.type === 'percent' ? Math.min(100, column.max ?? 100) : column.max}
          percent={column.type === 'percent'}
          unit={column.type === 'number' ? text(column.unit) : undefined}
        />
      );
    case 'choice': {
      const data = column.options.map((o) => ({ value: o.key, label: text(o.label) }));
      if (column.multiple)
        return (
          <MultiSelect
            aria-label={label}
            size="sm"
            data={data}
            value={Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []}
            onChange={(v) => onChange(v.length ? v : null)}
            searchable
            filter={accentInsensitiveFilter}
            comboboxProps={{ withinPortal: true }}
          />
        );
      return (
        <Select
          aria-label={label}
          size="sm"
          data={data}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          searchable
          clearable
          filter={accentInsensitiveFilter}
          comboboxProps={{ withinPortal: true }}
        />
      );
    }
    case 'text':
      return (
        <Textarea
          aria-label={label}
          size="sm"
          autosize
          minRows={1}
          maxRows={6}
          maxLength={column.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        />
      );
  }
}

const columnWidth = (c: Column) => (c.type === 'text' ? 240 : c.type === 'choice' ? 200 : 150);

/**
 * A table field: fixed rows as a grid with their labels, or free rows the unit adds and removes within the
 * form's limits; each column typed (figures as 1.234,5, choices, text). In a sideways scroll on a phone.
 */
export function TableField({
  field,
  value,
  onChange,
  readOnly,
  description,
  error,
  inputId,
}: FieldInputProps<TableDef>) {
  const { t } = useTranslation();
  const text = useLocalText();
  const rows = tableRows(field, value);
  const fixed = !!field.fixedRows;
  const limits = rowLimits(field, rows.length);
  const set = (next: TableRowValue[]) =>
    onChange(next.map((r) => (fixed ? { key: r.key, cells: r.cells } : { cells: r.cells })));
  const setCell = (i: number, col: string, v: unknown) =>
    set(rows.map((r, j) => (j === i ? { ...r, cells: { ...r.cells, [col]: v } } : r)));
  const rowLabel = (r: TableRowValue, i: number) =>
    fixed
      ? text(field.fixedRows!.find((fr) => fr.key === r.key)?.label)
      : t('reports.form.rowN', { n: i + 1 });
  const minWidth =
    (fixed ? 150 : 56) + field.columns.reduce((s, c) => s + columnWidth(c), 0) + (readOnly || fixed ? 0 : 56);
  const min = field.minRows ?? 0;
  const hint = fixed
    ? null
    : min > 0 && field.maxRows !== undefined
      ? t('reports.form.rowLimits', { min, max: field.maxRows })
      : min > 0
        ? t('reports.form.rowsAtLeast', { min })
        : field.maxRows !== undefined
          ? t('reports.form.rowsAtMost', { max: field.maxRows })
          : null;

  return (
    <Input.Wrapper
      label={text(field.label)}
      description={
        description || hint ? (
          <>
            {description}
            {description && hint ? ' ' : ''}
            {hint}
          </>
        ) : undefined
      }
      error={error}
      withAsterisk={!readOnly && field.required}
      labelElement="div"
      data-testid="field-table"
    >
      <div id={inputId} tabIndex={-1} style={{ marginTop: 6 }}>
        {rows.length === 0 ? (
          readOnly && (
            <Text size="sm" c="dimmed" fs="italic">
              {t('reports.form.noRows')}
            </Text>
          )
        ) : (
          <ScrollCue minWidth={minWidth} label={text(field.label)}>
            <Table withTableBorder withColumnBorders verticalSpacing={6} horizontalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={fixed ? 150 : 56}>{fixed ? '' : t('reports.form.rowNo')}</Table.Th>
                  {field.columns.map((c) => (
                    <Table.Th key={c.key} miw={columnWidth(c)} style={{ verticalAlign: 'bottom' }}>
                      <Text size="sm" fw={600} component="span">
                        {text(c.label)}
                        {!readOnly && c.required && (
                          <Text span c="red" aria-hidden>
                            {' *'}
                          </Text>
                        )}
                      </Text>
                      {c.type === 'number' && c.unit && (
                        <Text size="xs" c="dimmed">
                          ({text(c.unit)})
                        </Text>
                      )}
                      {c.help && (
                        <Text size="xs" c="dimmed" fw={400}>
                          {text(c.help)}
                        </Text>
                      )}
                    </Table.Th>
                  ))}
                  {!readOnly && !fixed && <Table.Th w={56} aria-label={t('common.actions')} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={r.key ?? i} data-testid="table-row">
                    <Table.Th scope="row" fw={fixed ? 500 : 400}>
                      <Text size="sm">{fixed ? rowLabel(r, i) : i + 1}</Text>
                    </Table.Th>
                    {field.columns.map((c) => (
                      <Table.Td key={c.key} style={{ verticalAlign: 'top' }}>
                        {readOnly ? (
                          <CellView column={c} value={r.cells[c.key]} />
                        ) : (
                          <CellInput
                            column={c}
                            value={r.cells[c.key]}
                            onChange={(v) => setCell(i, c.key, v)}
                            label={`${text(c.label)} — ${rowLabel(r, i)}`}
                          />
                        )}
                      </Table.Td>
                    ))}
                    {!readOnly && !fixed && (
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <Tooltip label={t('reports.form.removeRow')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            disabled={!limits.canRemove}
                            onClick={() => set(rows.filter((_, j) => j !== i))}
                            aria-label={t('reports.form.removeRowN', { n: i + 1 })}
                            data-testid="table-row-remove"
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollCue>
        )}
        {!readOnly && !fixed && (
          <Group mt="xs">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={!limits.canAdd}
              onClick={() => set([...rows, emptyRow(field)])}
              data-testid="table-row-add"
            >
              {t('reports.form.addRow')}
            </Button>
            {rows.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('reports.form.noRowsYet')}
              </Text>
            )}
          </Group>
        )}
      </div>
    </Input.Wrapper>
  );
}
