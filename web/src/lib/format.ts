/**
 * Display formatting for chidao: Vietnamese conventions everywhere (dd/mm/yyyy, 1.234,5), whatever the
 * interface language, because the records are Vietnamese administrative documents.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses `YYYY-MM-DD` as a calendar date (no time zone shift); anything else through `Date`. */
function toDate(value: string | Date | null | undefined): Date | null {
  if (value == null || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `2025-02-28` → `28/02/2025`; empty for missing or invalid values. */
export function formatDate(value: string | Date | null | undefined): string {
  const d = toDate(value);
  if (!d) return '';
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** An instant in local time: `28/02/2025 14:05`. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const d = toDate(value);
  if (!d) return '';
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `28/02/2025` → `2025-02-28` (the API's format); null when not a real date. */
export function parseVnDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const d = new Date(year, month - 1, day);
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A local calendar date as `YYYY-MM-DD`. */
export function isoDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** Vietnamese number style: `1234.5` → `1.234,5`. */
export function formatNumber(value: number | null | undefined, maximumFractionDigits = 2): string {
  if (value == null || !Number.isFinite(value)) return '';
  let f = numberFormats.get(maximumFractionDigits);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits });
    numberFormats.set(maximumFractionDigits, f);
  }
  return f.format(value);
}

const SIZE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** `1536` → `1,5 KB` (binary multiples, Vietnamese decimal comma). */
export function formatFileSize(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, unit === 0 ? 0 : 1)} ${SIZE_UNITS[unit]}`;
}

/** Vietnamese collation: Đ after D, tones compared after base letters, numbers in numeric order. */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** A sorted copy of `items` by the string `key` gives, in Vietnamese order. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => viCollator.compare(key(a), key(b)));
}

/** Lower case without tone marks or đ, for accent-insensitive search ("Sở Tư pháp" → "so tu phap"). */
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

/**
 * The day a form of year `year` picks units on: the last day of a past year (units as they stood then),
 * otherwise today (undefined: the pickers' default).
 */
export function unitsDayOfYear(
  year: number | null | undefined,
  today: Date = new Date(),
): string | undefined {
  if (!year) return undefined;
  return year < Number(isoDate(today).slice(0, 4)) ? `${year}-12-31` : undefined;
}
