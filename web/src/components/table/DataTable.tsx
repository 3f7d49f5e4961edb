import { Table, Text, UnstyledButton, type TableProps } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import {
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { Pager } from '../Pager';
import { ScrollCue } from './ScrollCue';
import {
  ariaSort,
  clampPage,
  isSortable,
  nextSort,
  pageSlice,
  sortRows,
  type SortableColumn,
  type SortState,
} from './tableModel';

/** Attributes of a row's `<tr>`, data-* included. */
export type RowProps = ComponentPropsWithoutRef<'tr'> & {
  [data: `data-${string}`]: string | number | boolean | undefined;
};

/** One column: its header, what it shows, how it sorts. */
export type Column<T> = SortableColumn<T> & {
  /** The header's text (also the sort button's accessible name). */
  header: string;
  /** What the header shows when more than its text (an abbreviation with a tooltip…). */
  headerNode?: ReactNode;
  /**
   * The cell; `index` is the row's position in the whole sorted list (0-based, across pages) — a rank
   * column shows `index + 1`. Default: `value` (numbers as 1.234,5; missing as empty).
   */
  cell?: (row: T, index: number) => ReactNode;
  /** Default: right for `numeric`, left otherwise. */
  align?: 'left' | 'center' | 'right';
  width?: number | string;
  /** Style of the column's cells (e.g. `{ maxWidth: 320 }`). */
  cellStyle?: CSSProperties;
};

type Common<T> = {
  rows: readonly T[];
  columns: readonly Column<T>[];
  /** A stable key per row (an id, never its position). */
  rowKey: (row: T) => string;
  caption?: ReactNode;
  /** Shown instead of the table when there are no rows (default: "Không có dòng nào để hiển thị."). */
  empty?: ReactNode;
  /** Narrower than this the table scrolls sideways, with the scroll cue. Default 600. */
  minWidth?: number;
  /** What the table holds, for the scroll region's accessible name. */
  label?: string;
  /** `data-testid` of the `<table>`; the empty state gets `${testId}-empty`, rows `${testId}-row`. */
  testId?: string;
  /** Extra attributes of a row's `<tr>` (data-* for tests, a style, a click that repeats a cell's button…). */
  rowProps?: (row: T) => RowProps;
  tableProps?: Omit<TableProps, 'children'>;
};

/** In-memory rows: the table sorts and pages them (uncontrolled, or controlled through sort/page). */
export type ClientTableProps<T> = Common<T> & {
  mode?: 'client';
  /** Rows per page; 0 shows all. Default 25. */
  pageSize?: number;
  /** The order before any click. Default: the rows as given. */
  initialSort?: SortState;
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
  page?: number;
  onPageChange?: (page: number) => void;
  /** When this value changes (compared with Object.is: pass a string or number, e.g. the filters joined), the table goes back to page 1. */
  resetKey?: unknown;
};

/** Server-side rows: `rows` is already the page, sorted; the caller owns page and sort. */
export type ServerTableProps<T> = Common<T> & {
  mode: 'server';
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
};

export type DataTableProps<T> = ClientTableProps<T> | ServerTableProps<T>;

const alignOf = <T,>(c: Column<T>) => c.align ?? (c.numeric ? 'right' : 'left');

function defaultCell<T>(column: Column<T>, row: T): ReactNode {
  const v = column.value?.(row);
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  return String(v);
}

/**
 * The table for long lists: sortable columns (a header button, `aria-sort`, text in Vietnamese order,
 * missing values last), pages of `pageSize` rows with the shared `Pager`, an empty state, and on a narrow
 * screen a sideways scroll with a visible cue. See `README.md`.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation();
  const {
    rows,
    columns,
    rowKey,
    caption,
    empty,
    minWidth = 600,
    label,
    testId,
    rowProps,
    tableProps,
  } = props;
  const server = props.mode === 'server';
  const top = useRef<HTMLDivElement>(null);

  // Client mode keeps its own sort and page unless the caller controls them.
  const [ownSort, setOwnSort] = useState<SortState>(server ? null : (props.initialSort ?? null));
  const [ownPage, setOwnPage] = useState(1);
  const resetKey = server ? undefined : props.resetKey;
  const [seenResetKey, setSeenResetKey] = useState<unknown>(resetKey);
  if (!Object.is(seenResetKey, resetKey)) {
    setSeenResetKey(resetKey);
    setOwnPage(1);
  }

  const sort: SortState = server ? props.sort : props.sort !== undefined ? props.sort : ownSort;
  const pageSize = server ? props.pageSize : (props.pageSize ?? 25);
  const total = server ? props.total : rows.length;
  const page = clampPage(server ? props.page : (props.page ?? ownPage), total, pageSize);

  const sorted = useMemo(
    () => (server ? [...rows] : sortRows(rows, columns, sort)),
    [server, rows, columns, sort],
  );
  const visible = server ? sorted : pageSlice(sorted, page, pageSize);
  const offset = pageSize > 0 && Number.isFinite(pageSize) ? (page - 1) * pageSize : 0;

  const setPage = (p: number) => {
    if (server) props.onPageChange(p);
    else {
      setOwnPage(p);
      props.onPageChange?.(p);
    }
    // A new page starts at the table's top, not wherever the pager left the reader.
    const el = top.current;
    if (el && el.getBoundingClientRect().top < 0) el.scrollIntoView({ block: 'start' });
  };
  const setSort = (next: SortState) => {
    if (server) {
      props.onSortChange(next);
      if (props.page !== 1) props.onPageChange(1);
    } else {
      if (props.sort === undefined) setOwnSort(next);
      props.onSortChange?.(next);
      setOwnPage(1);
      if (props.page !== undefined) props.onPageChange?.(1);
    }
  };

  if (total === 0)
    return (
      <Text c="dimmed" size="sm" data-testid={testId ? `${testId}-empty` : 'table-empty'}>
        {empty ?? t('table.empty')}
      </Text>
    );

  return (
    <div ref={top} style={{ scrollMarginTop: 72 }}>
      <ScrollCue minWidth={minWidth} label={label} testId={testId ? `${testId}-scroll` : undefined}>
        <Table striped highlightOnHover verticalSpacing="xs" {...tableProps} data-testid={testId}>
          {caption && <Table.Caption>{caption}</Table.Caption>}
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => {
                const sortable = isSortable(c);
                const state = ariaSort(sort, c.key);
                const align = alignOf(c);
                const next = sortable ? nextSort(sort, c) : null;
                return (
                  <Table.Th
                    key={c.key}
                    ta={align}
                    w={c.width}
                    aria-sort={sortable ? state : undefined}
                    data-testid={testId ? `${testId}-th-${c.key}` : undefined}
                  >
                    {sortable ? (
                      <UnstyledButton
                        onClick={() => setSort(nextSort(sort, c))}
                        aria-label={c.headerNode ? c.header : undefined}
                        title={t(next?.dir === 'desc' ? 'table.sortDesc' : 'table.sortAsc', {
                          column: c.header,
                        })}
                        data-testid={testId ? `${testId}-sort-${c.key}` : undefined}
                        style={{
                          display: 'inline-flex',
                          alignItems: 'center',
                          gap: 4,
                          fontWeight: 'inherit',
                          fontSize: 'inherit',
                          textAlign: align,
                          flexDirection: align === 'right' ? 'row-reverse' : 'row',
                        }}
                      >
                        <span>{c.headerNode ?? c.header}</span>
                        {state === 'ascending' ? (
                          <IconArrowUp size={14} aria-hidden />
                        ) : state === 'descending' ? (
                          <IconArrowDown size={14} aria-hidden />
                        ) : (
                          <IconArrowsSort size={14} aria-hidden opacity={0.4} />
                        )}
                      </UnstyledButton>
                    ) : c.headerNode ? (
                      <>
                        <span aria-hidden>{c.headerNode}</span>
                        <span className="visually-hidden">{c.header}</span>
                      </>
                    ) : (
                      c.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((row, i) => (
              <Table.Tr
                key={rowKey(row)}
                data-testid={testId ? `${testId}-row` : undefined}
                {...rowProps?.(row)}
              >
                {columns.map((c) => (
                  <Table.Td
                    key={c.key}
                    ta={alignOf(c)}
                    style={{ ...(c.numeric ? { fontVariantNumeric: 'tabular-nums' } : null), ...c.cellStyle }}
                  >
                    {c.cell ? c.cell(row, offset + i) : defaultCell(c, row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollCue>
      {pageSize > 0 && Number.isFinite(pageSize) && (total > pageSize || server) && (
        <Pager total={total} pageSize={pageSize} page={page} onChange={setPage} />
      )}
    </div>
  );
}
