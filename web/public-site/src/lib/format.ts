/**
 * Display formats of the public pages: dd/mm/yyyy and 1.234,5 whatever the language (the records are
 * Vietnamese administrative documents), as in the staff app, whose dependency-free helpers are reused.
 */
import { formatDate, formatFileSize, formatNumber, isoDate, viCollator } from '../../../src/lib/format';
import type { Bilingual } from './types';
import type { Lang } from './i18n';

export { formatDate, formatFileSize, formatNumber, isoDate, viCollator };

/** A coordinate for people to read: 5 decimals (about a metre), Vietnamese decimal comma: `18,67934`. */
export function formatCoordinate(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '';
  return formatNumber(Math.abs(value) < 0.000005 ? 0 : value, 5);
}

/** The text of a `{ vi, en }` pair in the reader's language, falling back to Vietnamese. */
export function pickText(value: Bilingual | null | undefined, lang: Lang): string {
  if (!value) return '';
  return (lang === 'en' ? value.en || value.vi : value.vi || value.en) ?? '';
}

/** The accepted types as people name them: `image/jpeg, image/png, application/pdf` → `JPG, PNG, PDF`. */
export function describeTypes(types: readonly string[]): string {
  const names = types.map((type) => {
    const sub = type.split('/')[1]?.toLowerCase() ?? type;
    if (sub === 'jpeg' || sub === 'pjpeg') return 'JPG';
    if (sub === 'svg+xml') return 'SVG';
    if (sub === '*') return type.split('/')[0]!.toUpperCase();
    return sub.toUpperCase();
  });
  return [...new Set(names)].join(', ');
}

/** A percentage (0–100) as people read it: `98,5%`; empty when there is none (nothing to divide by). */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value == null || !Number.isFinite(value)) return '';
  return `${formatNumber(value, digits)}%`;
}
