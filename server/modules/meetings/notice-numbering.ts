/**
 * The next free number of a committee's notice (thông báo), in the committee's layout. Pure: the layout,
 * the notice's symbol and date and the committee's registered notices in; the suggestion out.
 *
 * A number runs within a sequence that starts again at 01 (issuing-layouts.ts, `numberingRestarts`):
 * - `calendar_year` (state documents): 01/01 to 31/12 of the notice's year — Decree 30/2020/NĐ-CP, art.
 *   15.1.a ("bắt đầu liên tục từ số 01 vào ngày 01 tháng 01 và kết thúc vào ngày 31 tháng 12 hàng năm").
 * - `party_term` (Party documents): a Party committee's term (nhiệm kỳ), not a calendar year (Hướng dẫn
 *   36-HD/VPTW, II.1.3.1.a). Terms are not recorded here, so the sequence is read from the committee's own
 *   notices: it starts at its last notice numbered 01 on or before the date (or at its first notice) and
 *   ends the day before its next notice numbered 01 (or is open).
 *
 * The suggestion is the highest number used in that sequence plus one ("next free", gaps are not filled),
 * or 01; two digits at least ("01-TB/BCĐ", "26-TB/BCĐ", "125/TB-BCĐ"), as the register writes them. Only
 * notices that read as numbered in the layout with the same symbol count (letters' case and spaces aside):
 * a bare symbol, another symbol or the other layout's form ("25/TB-BCĐ" for a Party committee) is skipped.
 */
import { formatNumberSymbol, parseNumberSymbol, type IssuingLayout } from './issuing-layouts.js';

/** A notice as the register holds it. */
export type RegisteredNotice = { numberSymbol: string; issuedOn: string };

export type NoticeNumberSuggestion = {
  /** The suggested number and symbol, e.g. "26-TB/BCĐ". */
  numberSymbol: string;
  number: number;
  /** What restarts the numbering at 01. */
  numbering: IssuingLayout['numberingRestarts'];
  /** First and last day of the sequence the number belongs to (null: open on that side). */
  from: string | null;
  to: string | null;
  /** The notice holding the highest number of the sequence, as registered; null when the suggestion is 01. */
  previous: RegisteredNotice | null;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const normal = (symbol: string) => symbol.replace(/\s+/g, '').toLocaleUpperCase('vi');

/** The day before an ISO date (UTC arithmetic on a calendar date). */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

type Numbered = RegisteredNotice & { number: number };

/** The sequence a notice dated `on` belongs to: its first and last day (null: open). */
export function numberingPeriod(
  layout: IssuingLayout,
  on: string,
  numbered: readonly Numbered[],
): { from: string | null; to: string | null } {
  const m = ISO_DATE.exec(on);
  if (!m) throw new RangeError(`Not a date: ${on}`);
  if (layout.numberingRestarts === 'calendar_year') return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  const starts = numbered.filter((n) => n.number === 1).map((n) => n.issuedOn);
  const from =
    starts
      .filter((d) => d <= on)
      .sort()
      .at(-1) ?? null;
  const nextStart = starts.filter((d) => d > on).sort()[0];
  return { from, to: nextStart ? dayBefore(nextStart) : null };
}

/**
 * The next free number for a notice dated `on` with `symbol` (e.g. "TB/BCĐ"), given the committee's
 * registered notices (any order; those of other symbols or forms are skipped).
 */
export function suggestNoticeNumber(
  layout: IssuingLayout,
  symbol: string,
  on: string,
  registered: readonly RegisteredNotice[],
): NoticeNumberSuggestion {
  const own = normal(symbol);
  const numbered: Numbered[] = registered.flatMap((r) => {
    const parsed = parseNumberSymbol(layout, r.numberSymbol);
    return parsed && parsed.number !== null && normal(parsed.symbol) === own
      ? [{ ...r, number: parsed.number }]
      : [];
  });
  const { from, to } = numberingPeriod(layout, on, numbered);
  const inPeriod = numbered.filter(
    (n) => (from === null || n.issuedOn >= from) && (to === null || n.issuedOn <= to),
  );
  // The highest number; on a tie (the same number registered twice) the later one.
  const top = inPeriod.reduce<Numbered | null>(
    (best, n) =>
      !best || n.number > best.number || (n.number === best.number && n.issuedOn > best.issuedOn) ? n : best,
    null,
  );
  const number = (top?.number ?? 0) + 1;
  return {
    numberSymbol: formatNumberSymbol(layout, number, symbol),
    number,
    numbering: layout.numberingRestarts,
    from,
    to,
    previous: top ? { numberSymbol: top.numberSymbol, issuedOn: top.issuedOn } : null,
  };
}
