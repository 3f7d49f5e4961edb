/**
 * How a committee's documents are laid out and numbered, by who founded it (data, not constants). Pure.
 *
 * - `state` — a committee founded by the People's Committee (UBND) issues administrative documents:
 *   Decree 30/2020/NĐ-CP on clerical work, Appendix I: the national motto and slogan on the right; the
 *   issuing body on the left with a rule under it; "Số: 25/TB-BCĐ" (number, "/", the type's abbreviation,
 *   "-", the body's); the signer's authority "TM." (thay mặt); numbers run from 01 each calendar year
 *   (Decree 30/2020, Appendix I, I.3).
 * - `party` — a committee founded by a Party committee (e.g. the Ban Thường vụ Tỉnh ủy: "…-QĐ/TU") issues
 *   Party documents: Quy định 66-QĐ/TW (2017) and Hướng dẫn 36-HD/VPTW of 03/4/2018 of the Central Party
 *   Office: "ĐẢNG CỘNG SẢN VIỆT NAM" on the right (upper case, 15 pt, bold, a rule as long as it under
 *   it); on the left the body above (upper case, 14 pt) and the issuing body (upper case, 14 pt, bold)
 *   with a star "*" under it; "Số 25-TB/BCĐ" (number, "-", the type's abbreviation, "/", the body's;
 *   no colon); the authority "T/M"; numbers run from 01 for each type of document within a Party
 *   committee's term (nhiệm kỳ cấp ủy), not a calendar year (HD 36-HD/VPTW, II.1.3.1.a).
 * The next free number for a date: notice-numbering.ts; a Party document's .docx: party-document.ts.
 */
import type { FounderKind } from '../committees/committees.schemas.js';

/** What starts a body's numbering again at 01: the calendar year (state) or the Party committee's term. */
export const NUMBERING_RESTARTS = ['calendar_year', 'party_term'] as const;

export type IssuingLayout = {
  /** The legal text the layout follows, as users cite it. */
  basis: string;
  /** The right column's heading lines (bold, upper case as given; a rule under the last one). */
  heading: readonly { text: string; size: number }[];
  /** What stands under the issuing body: a short rule (state) or a star (Party). */
  issuerMark: 'rule' | 'star';
  /** Between the number and the symbol: "25/TB-BCĐ" or "25-TB/BCĐ". */
  numberSeparator: '/' | '-';
  /** Between the type's abbreviation and the body's in the symbol: "TB-BCĐ" or "TB/BCĐ". */
  symbolJoin: '-' | '/';
  /** The number line's words before the number and symbol: "Số: " or "Số ". */
  numberPrefix: string;
  /** The signer's authority for a collective body: "TM." or "T/M". */
  onBehalf: string;
  /** What restarts the numbering at 01. */
  numberingRestarts: (typeof NUMBERING_RESTARTS)[number];
};

export const ISSUING_LAYOUTS: Record<FounderKind, IssuingLayout> = {
  state: {
    basis: 'Nghị định 30/2020/NĐ-CP, Phụ lục I',
    heading: [
      { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size: 12 },
      { text: 'Độc lập - Tự do - Hạnh phúc', size: 13 },
    ],
    issuerMark: 'rule',
    numberSeparator: '/',
    symbolJoin: '-',
    numberPrefix: 'Số: ',
    onBehalf: 'TM.',
    numberingRestarts: 'calendar_year',
  },
  party: {
    basis: 'Hướng dẫn 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng',
    heading: [{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', size: 15 }],
    issuerMark: 'star',
    numberSeparator: '-',
    symbolJoin: '/',
    numberPrefix: 'Số ',
    onBehalf: 'T/M',
    numberingRestarts: 'party_term',
  },
};

/** Document types' abbreviations in symbols (Decree 30/2020 Appendix III; Party: HD 36-HD/VPTW). */
export const TYPE_ABBREVIATIONS = {
  thong_bao: 'TB',
  quyet_dinh: 'QĐ',
  bao_cao: 'BC',
  ke_hoach: 'KH',
} as const;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The symbol of a document type of a body in a layout: "TB-BCĐ" (state), "TB/BCĐ" (Party). */
export function symbolFor(layout: IssuingLayout, type: string, body: string): string {
  return `${type}${layout.symbolJoin}${body}`;
}

/** The number and symbol as registered: "25/TB-BCĐ" or "25-TB/BCĐ" (below 10 with a leading 0). */
export function formatNumberSymbol(layout: IssuingLayout, n: number, symbol: string): string {
  return `${pad2(n)}${layout.numberSeparator}${symbol}`;
}

/**
 * Reads a registered number and symbol in a layout: "25-TB/BCĐ" → 25 and "TB/BCĐ" (Party). A bare
 * symbol of the layout ("TB/BCĐ") is a document whose number the clerk fills in (number null). Anything
 * else — e.g. a Party number "01-TB/BCĐ" in the state layout — does not fit: null.
 */
export function parseNumberSymbol(
  layout: IssuingLayout,
  value: string,
): { number: number | null; symbol: string } | null {
  const v = value.trim().replace(/\s+/g, '');
  const sep = layout.numberSeparator === '/' ? '\\/' : '-';
  const join = layout.symbolJoin === '/' ? '\\/' : '-';
  // Each part of the symbol is free of both separators.
  const symbol = `[^\\/-]+${join}[^\\/-]+`;
  const numbered = new RegExp(`^0*(\\d+)${sep}(${symbol})$`, 'u').exec(v);
  if (numbered) return { number: Number(numbered[1]), symbol: numbered[2]! };
  if (new RegExp(`^${symbol}$`, 'u').test(v)) return { number: null, symbol: v };
  return null;
}

/** The number line as printed: "Số: 25/TB-BCĐ", "Số 25-TB/BCĐ", or the number left blank for the register. */
export function numberLineOf(layout: IssuingLayout, number: number | null, symbol: string): string {
  const n = number === null ? '\u00a0'.repeat(6) : pad2(number);
  return `${layout.numberPrefix}${n}${layout.numberSeparator}${symbol.toLocaleUpperCase('vi')}`;
}
