/**
 * Column mappings of one-stop exports (pure): which header feeds which dossier field, how dates are
 * written, and what the system's words for channel, status and rating mean. `mapRow` turns one file row
 * into a dossier (receiving unit still as a code) or the row's errors, each naming its row and column.
 * Users' description: docs/templates/dossiers-import.md.
 */
import { foldText } from '../../../core/fold.js';
import { CHANNELS, DOSSIER_STATUSES } from '../dossier-timing.js';
import { RATINGS } from '../rollup.js';

export const IMPORT_FIELDS = [
  'code',
  'procedureCode',
  'unitCode',
  'unitId',
  'channel',
  'receivedAt',
  'dueAt',
  'resolvedAt',
  'returnedAt',
  'withdrawnAt',
  'status',
  'statusReason',
  'suspendedFrom',
  'suspendedTo',
  'feePayable',
  'paidOnline',
  'digitised',
  'eResult',
  'rating',
  'complained',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields every file must have a column for (and the receiving unit: `unitCode` or `unitId`). */
export const REQUIRED_FIELDS: readonly ImportField[] = [
  'code',
  'procedureCode',
  'receivedAt',
  'channel',
  'status',
];

export const DATE_FORMATS = ['dd/mm/yyyy', 'yyyy-mm-dd', 'mm/dd/yyyy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const VALUE_MAP_FIELDS = ['channel', 'status', 'rating'] as const;
export type ValueMapField = (typeof VALUE_MAP_FIELDS)[number];
export type ValueMaps = Partial<Record<ValueMapField, Record<string, string>>>;

export type MappingSpec = {
  delimiter: string;
  dateFormat: DateFormat;
  /** Header as printed → field. */
  columns: Record<string, ImportField>;
  valueMaps: ValueMaps;
};

/** The documented default: a typical export of a provincial one-stop system (Vietnamese headers). */
export const DEFAULT_MAPPING: MappingSpec & { name: string; source: string } = {
  name: 'Mặc định (Hệ thống một cửa)',
  source: 'Hệ thống thông tin giải quyết TTHC cấp tỉnh',
  delimiter: ',',
  dateFormat: 'dd/mm/yyyy',
  columns: {
    'Mã hồ sơ': 'code',
    'Mã TTHC': 'procedureCode',
    'Mã đơn vị': 'unitCode',
    'Ngày tiếp nhận': 'receivedAt',
    'Ngày hẹn trả': 'dueAt',
    'Ngày có kết quả': 'resolvedAt',
    'Ngày trả kết quả': 'returnedAt',
    'Ngày rút hồ sơ': 'withdrawnAt',
    'Hình thức nộp': 'channel',
    'Trạng thái': 'status',
    'Lý do': 'statusReason',
    'Ngày tạm dừng': 'suspendedFrom',
    'Ngày tiếp tục': 'suspendedTo',
    'Phải nộp phí': 'feePayable',
    'Thanh toán trực tuyến': 'paidOnline',
    'Số hóa': 'digitised',
    'Kết quả điện tử': 'eResult',
    'Đánh giá': 'rating',
    'Khiếu nại': 'complained',
  },
  valueMaps: {},
};

/** Lower case, no diacritics (đ → d), single spaces: "Trực  tuyến " → "truc tuyen". */
export const normalizeLabel = foldText;

/** Words of common one-stop systems, used when a mapping does not say otherwise. */
export const BUILTIN_VALUES: Record<ValueMapField, Record<string, string>> = {
  channel: {
    'truc tuyen': 'online',
    'dich vu cong truc tuyen': 'online',
    'nop truc tuyen': 'online',
    'truc tiep': 'in_person',
    'nop truc tiep': 'in_person',
    'buu chinh': 'post',
    'qua buu chinh': 'post',
    'buu chinh cong ich': 'post',
    'qua dich vu buu chinh cong ich': 'post',
  },
  status: {
    'dang xu ly': 'processing',
    'dang giai quyet': 'processing',
    'da giai quyet': 'resolved',
    'da co ket qua': 'resolved',
    'da tra ket qua': 'returned',
    'da rut': 'withdrawn',
    'rut ho so': 'withdrawn',
    'cong dan rut ho so': 'withdrawn',
    'tam dung': 'suspended',
    'dang tam dung': 'suspended',
  },
  rating: {
    'rat hai long': 'very_satisfied',
    'hai long': 'satisfied',
    'khong hai long': 'not_satisfied',
  },
};

const ALLOWED: Record<ValueMapField, readonly string[]> = {
  channel: CHANNELS,
  status: DOSSIER_STATUSES,
  rating: RATINGS,
};

const TRUE_WORDS = new Set(['co', 'x', '1', 'true', 'yes', 'y', 'da']);
const FALSE_WORDS = new Set(['', 'khong', '0', 'false', 'no', 'n', 'chua']);

export type CellValue = string | number | boolean | Date | null | undefined;

export type RowError = {
  row: number;
  field: string;
  column: string;
  key: string;
  params?: Record<string, string | number>;
};

export type CompiledMapping = {
  spec: MappingSpec;
  /** Field → index of its column in the file, and the header as printed. */
  index: Partial<Record<ImportField, { at: number; header: string }>>;
  values: Record<ValueMapField, Map<string, string>>;
};

/** The mapping's problems as a whole (bad delimiter, unknown field, value mapped to an unknown code). */
export function mappingProblems(
  spec: MappingSpec,
): { field: string; key: string; params?: Record<string, string> }[] {
  const out: { field: string; key: string; params?: Record<string, string> }[] = [];
  if (spec.delimiter.length !== 1) out.push({ field: 'delimiter', key: 'dossiersImport.bad_delimiter' });
  const targets = new Map<string, string>();
  for (const [header, field] of Object.entries(spec.columns)) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(field))
      out.push({ field: `columns.${header}`, key: 'dossiersImport.unknown_field', params: { value: field } });
    else if (targets.has(field))
      out.push({ field: `columns.${header}`, key: 'dossiersImport.field_twice', params: { value: field } });
    targets.set(field, header);
  }
  for (const f of REQUIRED_FIELDS)
    if (!targets.has(f))
      out.push({ field: 'columns', key: 'dossiersImport.field_unmapped', params: { value: f } });
  if (!targets.has('unitCode') && !targets.has('unitId'))
    out.push({ field: 'columns', key: 'dossiersImport.field_unmapped', params: { value: 'unitCode' } });
  for (const f of VALUE_MAP_FIELDS)
    for (const [word, code] of Object.entries(spec.valueMaps[f] ?? {}))
      if (!ALLOWED[f].includes(code))
        out.push({
          field: `valueMaps.${f}.${word}`,
          key: 'dossiersImport.unknown_code',
          params: { value: code },
        });
  return out;
}

/** Finds the mapping's columns in a header row (headers compared without case or diacritics). */
export function compileMapping(
  spec: MappingSpec,
  header: readonly CellValue[],
): { ok: true; mapping: CompiledMapping } | { ok: false; errors: RowError[] } {
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const label = normalizeLabel(cellText(h));
    if (label && !positions.has(label)) positions.set(label, i);
  });
  const index: CompiledMapping['index'] = {};
  for (const [name, field] of Object.entries(spec.columns)) {
    const at = positions.get(normalizeLabel(name));
    if (at !== undefined) index[field] = { at, header: cellText(header[at]) };
  }
  const errors: RowError[] = [];
  const expected = (f: ImportField) => Object.entries(spec.columns).find(([, x]) => x === f)?.[0] ?? f;
  for (const f of REQUIRED_FIELDS)
    if (!index[f])
      errors.push({
        row: 1,
        field: f,
        column: expected(f),
        key: 'dossiersImport.missing_column',
        params: { column: expected(f) },
      });
  if (!index.unitCode && !index.unitId) {
    const column = expected(
      spec.columns && Object.values(spec.columns).includes('unitId') ? 'unitId' : 'unitCode',
    );
    errors.push({
      row: 1,
      field: 'unitCode',
      column,
      key: 'dossiersImport.missing_column',
      params: { column },
    });
  }
  if (errors.length) return { ok: false, errors };
  const values = {} as CompiledMapping['values'];
  for (const f of VALUE_MAP_FIELDS) {
    const m = new Map<string, string>();
    for (const code of ALLOWED[f]) m.set(code, code);
    for (const [w, code] of Object.entries(BUILTIN_VALUES[f])) m.set(w, code);
    for (const [w, code] of Object.entries(spec.valueMaps[f] ?? {})) m.set(normalizeLabel(w), code);
    values[f] = m;
  }
  return { ok: true, mapping: { spec, index, values } };
}

/** A cell as text (numbers as written, rich text flattened by the reader before). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function instant(y: number, mo: number, d: number, h: number, mi: number, s: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+07:00`;
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const ISO_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A time of the export as an ISO instant in Vietnam time (+07:00): in the mapping's date format with an
 * optional time (HH:mm or HH:mm:ss; a date alone is midnight), an ISO date-time (with or without
 * offset), a spreadsheet date cell (its wall-clock time) or an Excel serial number. `undefined` when the
 * cell is empty, `null` when it cannot be read.
 */
export function parseInstant(v: CellValue, format: DateFormat): string | null | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    return instant(
      v.getUTCFullYear(),
      v.getUTCMonth() + 1,
      v.getUTCDate(),
      v.getUTCHours(),
      v.getUTCMinutes(),
      v.getUTCSeconds(),
    );
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 1 || v > 2958465) return null;
    const ms = Math.round((v - 25569) * 86400) * 1000; // Excel 1900 date system, serial 25569 = 1970-01-01
    return parseInstant(new Date(ms), format);
  }
  const s = String(v).trim();
  if (!s) return undefined;
  if (ISO_OFFSET.test(s)) {
    const t = new Date(s);
    return Number.isNaN(t.getTime()) ? null : s;
  }
  const ymd = YMD.exec(s);
  if (ymd) return instant(+ymd[1]!, +ymd[2]!, +ymd[3]!, +(ymd[4] ?? 0), +(ymd[5] ?? 0), +(ymd[6] ?? 0));
  const dmy = DMY.exec(s);
  if (dmy && format !== 'yyyy-mm-dd') {
    const [a, b] = [+dmy[1]!, +dmy[2]!];
    const [d, mo] = format === 'mm/dd/yyyy' ? [b, a] : [a, b];
    return instant(+dmy[3]!, mo, d, +(dmy[4] ?? 0), +(dmy[5] ?? 0), +(dmy[6] ?? 0));
  }
  return null;
}

/** The dossier a row describes, the receiving unit given by its code (as of the receipt day) or id. */
export type RawDossier = {
  code: string;
  procedureCode: string;
  unitCode: string | null;
  unitId: string | null;
  channel: string;
  receivedAt: string;
  dueAt: string | null;
  resolvedAt: string | null;
  returnedAt: string | null;
  withdrawnAt: string | null;
  status: string;
  statusReason: string | null;
  suspensions: { from: string; to: string | null; reason: string }[];
  feePayable: boolean;
  paidOnline: boolean;
  digitised: boolean;
  eResult: boolean;
  rating: string | null;
  complained: boolean;
};

/** One data row → a dossier, or its errors (every cell is checked, not only the first bad one). */
export function mapRow(
  m: CompiledMapping,
  cells: readonly CellValue[],
  row: number,
): { ok: true; value: RawDossier } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const col = (f: ImportField) => m.index[f];
  const raw = (f: ImportField): CellValue => {
    const c = col(f);
    return c ? cells[c.at] : undefined;
  };
  const err = (f: ImportField, key: string, params?: Record<string, string | number>) =>
    errors.push({ row, field: f, column: col(f)?.header ?? f, key, ...(params ? { params } : {}) });
  const text = (f: ImportField) => cellText(raw(f));
  const required = (f: ImportField) => {
    const s = text(f);
    if (!s) err(f, 'dossiersImport.required');
    return s;
  };
  const time = (f: ImportField, need = false): string | null => {
    const p = parseInstant(raw(f), m.spec.dateFormat);
    if (p === null) err(f, 'dossiersImport.bad_date', { value: text(f), format: m.spec.dateFormat });
    else if (p === undefined && need) err(f, 'dossiersImport.required');
    return p ?? null;
  };
  const coded = (f: ValueMapField, need: boolean): string | null => {
    const s = text(f);
    if (!s) {
      if (need) err(f, 'dossiersImport.required');
      return null;
    }
    const code = m.values[f].get(normalizeLabel(s)) ?? m.values[f].get(s);
    if (!code) err(f, 'dossiersImport.bad_value', { value: s });
    return code ?? null;
  };
  const flag = (f: ImportField): boolean => {
    const v = raw(f);
    if (typeof v === 'boolean') return v;
    const s = normalizeLabel(cellText(v));
    if (TRUE_WORDS.has(s)) return true;
    if (!FALSE_WORDS.has(s)) err(f, 'dossiersImport.bad_boolean', { value: cellText(v) });
    return false;
  };
  const day = (f: ImportField): string | null => time(f)?.slice(0, 10) ?? null;

  const code = required('code');
  const procedureCode = required('procedureCode');
  const unitCode = col('unitCode') ? text('unitCode') || null : null;
  const unitId = col('unitId') ? text('unitId') || null : null;
  if (!unitCode && !unitId) err(col('unitCode') ? 'unitCode' : 'unitId', 'dossiersImport.required');
  const statusReason = text('statusReason') || null;
  const suspendedFrom = day('suspendedFrom');
  const suspendedTo = day('suspendedTo');
  if (suspendedTo && !suspendedFrom) err('suspendedFrom', 'dossiersImport.required');
  const value: RawDossier = {
    code,
    procedureCode,
    unitCode,
    unitId,
    channel: coded('channel', true) ?? '',
    receivedAt: time('receivedAt', true) ?? '',
    dueAt: time('dueAt'),
    resolvedAt: time('resolvedAt'),
    returnedAt: time('returnedAt'),
    withdrawnAt: time('withdrawnAt'),
    status: coded('status', true) ?? '',
    statusReason,
    suspensions: suspendedFrom ? [{ from: suspendedFrom, to: suspendedTo, reason: statusReason ?? '' }] : [],
    feePayable: flag('feePayable'),
    paidOnline: flag('paidOnline'),
    digitised: flag('digitised'),
    eResult: flag('eResult'),
    rating: coded('rating', false),
    complained: flag('complained'),
  };
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
