/**
 * Public surface of the report outputs (issue 13): a report as a Vietnamese administrative or Party document
 * (.docx) and the data annexes of a consolidated report (.xlsx). Pure functions of data in, bytes out — no
 * database, no HTTP, no clock. See README.md.
 */
export {
  EMPTY_FIGURE,
  REPORT_DOC_TYPE,
  reportBlocks,
  reportDocumentSpec,
  reportDocx,
  reportFigure,
  type ReportBlocksOptions,
  type ReportFacts,
  type ReportLocale,
} from './report-document.js';
export {
  AGGREGATE_WORDS,
  FONT_NAME,
  LATE_MARK,
  REPORT_SHEETS,
  numberFormat,
  reportWorkbook,
  type ReportWorkbookInput,
  type UnitSubmission,
} from './report-workbook.js';
