export {
  DataTable,
  type Column,
  type DataTableProps,
  type ClientTableProps,
  type RowProps,
  type ServerTableProps,
} from './DataTable';
export { ScrollCue } from './ScrollCue';
export { compareValues, sortRows, type SortDir, type SortState, type SortValue } from './tableModel';
