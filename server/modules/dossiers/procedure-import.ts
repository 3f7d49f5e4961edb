/**
 * The procedure catalogue as a file (pure): which header feeds which field, and each row as a change of
 * the catalogue. Users' description: docs/templates/dossiers-import.md is for dossiers; this file's headers
 * are those of the national procedure database's exports ("Mã TTHC", "Tên thủ tục", "Lĩnh vực", "Cấp thực
 * hiện", "Thời hạn giải quyết", "Mức độ DVC", "Công khai").
 *
 * - **Old files** (before the online level and publication were recorded) have no "Mức độ" or "Công khai"
 *   column: an existing procedure keeps what it has; a new one is not an online public service until a
 *   file says so (`none`) and its publication is not recorded (`null`) — never claimed either way.
 * - An empty cell changes nothing for an existing procedure; a new one needs code, name, field, level and
 *   time limit.
 * - "Mức độ" takes the words of NĐ 42/2022 or a legacy level 1–4 (online-levels.ts `ONLINE_LEVEL_RULES`).
 */
import { normalizeLabel } from './import/column-mapping.js';
import {
  ONLINE_LEVEL_RULES,
  parseOnlineLevel,
  parsePublished,
  type OnlineLevel,
  type OnlineLevelRules,
} from './online-levels.js';

export const PROCEDURE_FIELDS = [
  'code',
  'name',
  'field',
  'level',
  'timeLimitDays',
  'onlineCapability',
  'published',
] as const;
export type ProcedureField = (typeof PROCEDURE_FIELDS)[number];
export const PROCEDURE_REQUIRED_NEW: readonly ProcedureField[] = [
  'code',
  'name',
  'field',
  'level',
  'timeLimitDays',
];

/** Lower case, no diacritics, single spaces (the import's one normaliser). */
const fold = normalizeLabel;

/** Headers (folded) → field. */
export const PROCEDURE_HEADERS: Record<string, ProcedureField> = {
  'ma tthc': 'code',
  'ma thu tuc': 'code',
  'ma thu tuc hanh chinh': 'code',
  'ten thu tuc': 'name',
  'ten tthc': 'name',
  'ten thu tuc hanh chinh': 'name',
  'linh vuc': 'field',
  'cap thuc hien': 'level',
  'thoi han giai quyet': 'timeLimitDays',
  'thoi han giai quyet (ngay lam viec)': 'timeLimitDays',
  'thoi han (ngay lam viec)': 'timeLimitDays',
  'muc do': 'onlineCapability',
  'muc do dvc': 'onlineCapability',
  'muc do dvctt': 'onlineCapability',
  'muc do dich vu cong truc tuyen': 'onlineCapability',
  'dich vu cong truc tuyen': 'onlineCapability',
  'cong khai': 'published',
  'da cong khai': 'published',
  'cong khai tren cong dich vu cong': 'published',
};

const LEVEL_WORDS: Record<string, 'province' | 'commune' | 'central' | 'multi'> = {
  'cap tinh': 'province',
  tinh: 'province',
  'cap xa': 'commune',
  xa: 'commune',
  'cap huyen': 'commune',
  'trung uong': 'central',
  'cap trung uong': 'central',
  'nhieu cap': 'multi',
  'lien thong': 'multi',
  province: 'province',
  commune: 'commune',
  central: 'central',
  multi: 'multi',
};

export type ProcedureChange = {
  /** File row (header = 1). */
  row: number;
  code: string;
  name?: string;
  field?: string;
  level?: 'province' | 'commune' | 'central' | 'multi';
  timeLimitDays?: number;
  onlineCapability?: OnlineLevel;
  published?: boolean;
};

export type ProcedureProblem = {
  row: number;
  /** The column as printed (or the field when it has no column). */
  column: string;
  key:
    | 'dossiers.procedure_import.no_code_column'
    | 'dossiers.procedure_import.required'
    | 'dossiers.procedure_import.bad_value'
    | 'dossiers.procedure_import.duplicate_code';
};

/**
 * The header row and the data rows of a catalogue file → the changes, or the problems (all of them: a file
 * is all or nothing). `existing` holds the codes already in the catalogue (a new code needs every required
 * column).
 */
export function mapProcedureFile(
  header: readonly string[],
  records: readonly { row: number; cells: readonly string[] }[],
  existing: ReadonlySet<string>,
  rules: OnlineLevelRules = ONLINE_LEVEL_RULES,
): { changes: ProcedureChange[]; problems: ProcedureProblem[] } {
  const columns = new Map<ProcedureField, { index: number; printed: string }>();
  header.forEach((h, index) => {
    const f = PROCEDURE_HEADERS[fold(h)];
    if (f && !columns.has(f)) columns.set(f, { index, printed: h.trim() });
  });
  const problems: ProcedureProblem[] = [];
  if (!columns.has('code'))
    return {
      changes: [],
      problems: [{ row: 1, column: 'Mã TTHC', key: 'dossiers.procedure_import.no_code_column' }],
    };
  const changes: ProcedureChange[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const cell = (f: ProcedureField) => {
      const c = columns.get(f);
      return c ? (r.cells[c.index] ?? '').trim() : '';
    };
    const printed = (f: ProcedureField) => columns.get(f)?.printed ?? f;
    const bad = (f: ProcedureField) =>
      problems.push({ row: r.row, column: printed(f), key: 'dossiers.procedure_import.bad_value' });
    const code = cell('code');
    if (!code) {
      problems.push({ row: r.row, column: printed('code'), key: 'dossiers.procedure_import.required' });
      continue;
    }
    if (!/^\d+\.\d{3,}[\w.]*$/.test(code)) {
      bad('code');
      continue;
    }
    if (seen.has(code)) {
      problems.push({ row: r.row, column: printed('code'), key: 'dossiers.procedure_import.duplicate_code' });
      continue;
    }
    seen.add(code);
    const change: ProcedureChange = { row: r.row, code };
    const name = cell('name');
    if (name) change.name = name.slice(0, 1000);
    const field = cell('field');
    if (field) change.field = field.slice(0, 300);
    const level = cell('level');
    if (level) {
      const v = LEVEL_WORDS[fold(level)];
      if (v) change.level = v;
      else bad('level');
    }
    const limit = cell('timeLimitDays');
    if (limit) {
      const n = Number(
        fold(limit)
          .replace(/\s*ngay.*$/, '')
          .replace(',', '.'),
      );
      if (Number.isInteger(n) && n >= 0 && n <= 3650) change.timeLimitDays = n;
      else bad('timeLimitDays');
    }
    const online = cell('onlineCapability');
    if (online) {
      const v = parseOnlineLevel(online, rules);
      if (v) change.onlineCapability = v;
      else bad('onlineCapability');
    }
    const published = cell('published');
    if (published) {
      const v = parsePublished(published);
      if (v === 'invalid') bad('published');
      else if (v !== null) change.published = v;
    }
    if (!existing.has(code))
      for (const f of PROCEDURE_REQUIRED_NEW)
        if (
          change[f as keyof ProcedureChange] === undefined &&
          !problems.some((p) => p.row === r.row && p.column === printed(f))
        )
          problems.push({ row: r.row, column: printed(f), key: 'dossiers.procedure_import.required' });
    changes.push(change);
  }
  return { changes, problems };
}
