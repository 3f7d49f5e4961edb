/**
 * The frameworks pages' small rules: pure, tested in ./pageModel.test.ts.
 */
import { UNIT_GROUPS, type FrameworkSummary, type UnitGroup } from './api';

/**
 * The groups with a framework in an earlier year but none this year, each with the version to copy forward (the
 * latest of its latest year, published preferred).
 */
export function missingThisYear(frameworks: readonly FrameworkSummary[], year: number) {
  const out: { group: UnitGroup; from: FrameworkSummary }[] = [];
  for (const group of UNIT_GROUPS) {
    const mine = frameworks.filter((f) => f.unitGroup === group);
    if (!mine.length || mine.some((f) => f.year === year)) continue;
    const earlier = mine.filter((f) => f.year < year);
    if (!earlier.length) continue;
    const lastYear = Math.max(...earlier.map((f) => f.year));
    const candidates = earlier.filter((f) => f.year === lastYear);
    const from =
      candidates.find((f) => f.status === 'published' && f.latest) ??
      candidates.find((f) => f.status === 'published') ??
      candidates.find((f) => f.latest) ??
      candidates[0]!;
    out.push({ group, from });
  }
  return out;
}

export type Where = {
  /** A sheet of the layout chidao exports, when recognised. */
  sheet: 'items' | 'settings' | null;
  /** Another sheet's name, as the file has it. */
  sheetName: string | null;
  row: number | null;
  column: string | null;
  raw: string;
};

/** The sheets of the framework workbook, by the names the server writes (../../../../../server/…/framework-sheet.ts). */
const SHEETS: Record<string, 'items' | 'settings'> = {
  'bộ tiêu chí': 'items',
  'xếp loại và thiết lập': 'settings',
  items: 'items',
  settings: 'settings',
};

/**
 * Where a problem of the workbook is, read from the detail's `field` — the server writes
 * `<sheet>!<row>[ <column header>]` ("Bộ tiêu chí!12 Mã (Code)"); a plain row number or an item's code ("1.2",
 * from the framework's own checks) is kept as it came.
 */
export function whereOf(field: string): Where {
  const raw = field;
  const m = /^(.+?)!(\d+)(?:\s+(.+))?$/.exec(field.trim());
  if (m) {
    const name = m[1]!.trim();
    const sheet = SHEETS[name.toLocaleLowerCase('vi')] ?? null;
    return { sheet, sheetName: sheet ? null : name, row: Number(m[2]), column: m[3]?.trim() || null, raw };
  }
  const row = /^(?:row\s*|dòng\s*)(\d+)$/i.exec(field.trim());
  if (row) return { sheet: null, sheetName: null, row: Number(row[1]), column: null, raw };
  return { sheet: null, sheetName: null, row: null, column: null, raw };
}
