/**
 * The periods of a year the public dossier figures are shown for — pure. The year, its halves, quarters and months
 * (those the standing agency chose), each from its first day to its last; a period still running ends today
 * (the year to date), one not yet begun is not offered. The statistics of administrative procedures are reported
 * by quarter, half-year and year (Thông tư 01/2023/TT-VPCP, reporting periods of the Government Office) [? months
 * are the province's own choice].
 */
import type { DossierPeriodKind } from '../portal.schemas.js';

export type DossierPeriod = {
  key: string;
  kind: DossierPeriodKind;
  label: { vi: string; en: string };
  from: string;
  /** The period's last day, or today while it runs. */
  to: string;
  /** The period has not ended yet. */
  running: boolean;
};

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const span = (year: number, m1: number, m2: number) => ({
  from: `${year}-${pad(m1)}-01`,
  end: `${year}-${pad(m2)}-${pad(lastDay(year, m2))}`,
});

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ROMAN = ['I', 'II', 'III', 'IV'];

/** Every period of a kind in a year, in order (the year first). */
function periodsOfKind(year: number, kind: DossierPeriodKind) {
  switch (kind) {
    case 'year':
      return [{ key: 'year', label: { vi: `Năm ${year}`, en: `Year ${year}` }, ...span(year, 1, 12) }];
    case 'half':
      return [1, 2].map((h) => ({
        key: `h${h}`,
        label: { vi: `${h === 1 ? '6 tháng đầu' : '6 tháng cuối'} năm ${year}`, en: `H${h} ${year}` },
        ...span(year, h * 6 - 5, h * 6),
      }));
    case 'quarter':
      return [1, 2, 3, 4].map((q) => ({
        key: `q${q}`,
        label: { vi: `Quý ${ROMAN[q - 1]}/${year}`, en: `Q${q} ${year}` },
        ...span(year, q * 3 - 2, q * 3),
      }));
    case 'month':
      return Array.from({ length: 12 }, (_, i) => ({
        key: `m${i + 1}`,
        label: { vi: `Tháng ${pad(i + 1)}/${year}`, en: `${MONTHS_EN[i]} ${year}` },
        ...span(year, i + 1, i + 1),
      }));
  }
}

const ORDER: readonly DossierPeriodKind[] = ['year', 'half', 'quarter', 'month'];

/** The periods of `year` of the chosen kinds that have begun by `today` (ISO), the year always first. */
export function periodsOfYear(
  year: number,
  kinds: readonly DossierPeriodKind[],
  today: string,
): DossierPeriod[] {
  const chosen = ORDER.filter((k) => k === 'year' || kinds.includes(k));
  return chosen.flatMap((kind) =>
    periodsOfKind(year, kind)
      .filter((p) => p.from <= today)
      .map(({ end, ...p }) => ({ ...p, kind, to: end < today ? end : today, running: end >= today })),
  );
}

/** The period of `key` in `year`, if it is offered. */
export function findPeriod(
  year: number,
  key: string,
  kinds: readonly DossierPeriodKind[],
  today: string,
): DossierPeriod | undefined {
  return periodsOfYear(year, kinds, today).find((p) => p.key === key);
}
