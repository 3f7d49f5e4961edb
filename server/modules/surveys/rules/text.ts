/**
 * How the survey rules speak: every text people read in both languages (Vietnamese first), the shape of a
 * problem, and numbers written as each language writes them. Pure.
 *
 * - Vietnamese numbers use a dot for thousands and a comma for decimals ("1.234,5", "83,94%"), as the
 *   province's decisions and the Ministry's SIPAS reports print them; English "1,234.5", "83.94%".
 * - One rounding (`round2`): two decimals, half away from zero, decided on the digits people see (the value is
 *   first read to 15 significant digits), so 88.805 gives 88.81 although the double is a hair below it.
 */
import { round2 } from '../../../core/round.js';

/** A text in both languages; Vietnamese is required where people read it, English may be empty. */
export type Text = { vi: string; en: string };

/**
 * What is wrong, where, said to the person who can fix it. `at` is a path into the checked object
 * ("sections[0].items[2].choices[1]") or an item code (answers); `item` the question's code when known.
 */
export type Problem<P extends string = string> = { at: string; problem: P; message: Text; item?: string };

export type Locale = 'vi' | 'en';

/** The project's one rounding of figures people read (two decimals, half away from zero): server/core/round.ts. */
export { round2 };

function group(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * A number as the language writes it, at most `decimals` decimals (trailing zeros dropped): vi "1.234,5",
 * en "1,234.5". Rounded half away from zero on the visible digits.
 */
export function formatNumber(value: number, locale: Locale, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const factor = `e${decimals}`;
  const abs = Math.abs(value);
  const rounded = Number(`${Math.round(Number(`${abs.toPrecision(15)}${factor}`))}e-${decimals}`);
  let text = rounded.toFixed(decimals);
  if (decimals > 0) text = text.replace(/\.?0+$/, '');
  const [int = '0', dec] = text.split('.');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  const [thousands, decimal] = locale === 'vi' ? ['.', ','] : [',', '.'];
  return `${sign}${group(int, thousands)}${dec ? `${decimal}${dec}` : ''}`;
}

/** A number in both languages at once, for bilingual messages: { vi: "1.234,5", en: "1,234.5" }. */
export function nums(value: number, decimals = 2): Text {
  return { vi: formatNumber(value, 'vi', decimals), en: formatNumber(value, 'en', decimals) };
}

/** A percentage (already ×100) in both languages: { vi: "83,94%", en: "83.94%" }. */
export function percents(value: number, decimals = 2): Text {
  const n = nums(value, decimals);
  return { vi: `${n.vi}%`, en: `${n.en}%` };
}

/** A question's wording cut to `max` characters for a message ("Công chức có thái độ giao tiếp…"). */
export function shorten(text: string, max = 60): string {
  const chars = [...text.trim()];
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A bilingual text whose Vietnamese is not blank (English may be empty, but is a string). */
export function isText(v: unknown): v is Text {
  if (!isObject(v)) return false;
  return isString(v.vi) && v.vi.trim() !== '' && isString(v.en);
}
