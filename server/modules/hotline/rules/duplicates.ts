/**
 * Suggestions of earlier cases that may be about the same problem, for the officer who classifies a new one:
 * a flooded street or a broken light is reported by many people. The officer decides; these are only
 * suggestions, each with the reasons it was made ('text', 'unit', 'category', 'place').
 *
 * - Text: Vietnamese is compared folded (lowercase, no diacritics, đ → d), since citizens type with or
 *   without accents. Each Vietnamese word is one syllable, so meaning sits in pairs of syllables ("ngập
 *   nước", "Lê Lợi"): similarity is the mean of the Dice coefficients of the syllable pairs and of the
 *   character trigrams (which forgive typos and a word missing), after dropping function words, the
 *   addressee ("Kính gửi UBND phường …,") and the formulas every letter has ("tôi xin phản ánh").
 * - Place: the distance when both cases have coordinates (full marks within 100 m, none beyond 1 km), else
 *   the overlap of their addresses' words without "đường", "phường"…
 * - The score starts from the text's similarity; the same unit (0.3), category (0.2) and place (0.5) close
 *   up to half of the gap to 1, but only as far as the texts are alike, so two unrelated cases of the same
 *   ward, category and street stay low. Older cases weigh less (full weight for 30 days, falling to half
 *   at 180).
 */
import { daysBetween, type IsoDate } from '../../calendar/index.js';

export type DuplicateReason = 'text' | 'unit' | 'category' | 'place';

/** What the comparison needs to know about a case. */
export type DuplicateCase = {
  id: string;
  /** The case's title and content. */
  text: string;
  unitId: string | null;
  category: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  receivedOn: IsoDate;
};

export type DuplicateScore = {
  /** 0..1. */
  score: number;
  /** Why, in this order: 'text', 'unit', 'category', 'place'. */
  reasons: DuplicateReason[];
  /** The text similarity alone (0..1). */
  text: number;
  /** Metres between the two places when both have coordinates, else null. */
  distanceMetres: number | null;
};

export type DuplicateSuggestion = DuplicateScore & { id: string };

/** The addressee of a letter, up to the first punctuation ("Kính gửi UBND phường Bến Thành, …"). */
const ADDRESSEE = /\bkinh gui\b[^,.;:!?\n]*/g;
/** The formulas a letter starts and ends with (folded): every case has them, so they say nothing. */
const FORMULAS = /\b(?:toi xin|phan anh|kien nghi|de nghi|xin cam on|cam on)\b/g;

/** Function words and forms of address (folded). */
const STOP_WORDS = new Set(
  (
    'va la cua co khong bi duoc da dang se o tai tren trong cho voi nhung cac mot nay do thi ma de ve tu den ' +
    'rat roi nua cung nhu hay hoac vi nen neu khi luc con van chi toi chung em ong ba anh ai gi nao viec xin'
  ).split(' '),
);

/** Words of an address that say what kind of place follows, not which (folded). */
const ADDRESS_WORDS = new Set(
  'so duong pho ngo ngach hem kiet p phuong xa q quan huyen thi tran tinh tp tx tt thon ap xom to khu khom ban'.split(
    ' ',
  ),
);

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Lowercase and without diacritics (đ → d); punctuation kept. */
const unaccent = (text: string): string =>
  text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(/đ/g, 'd');

/** Lowercase, without diacritics (đ → d), punctuation and runs of spaces as one space. */
export function foldVietnamese(text: string): string {
  return unaccent(text).replace(NOT_WORD, ' ').trim();
}

const contentWords = (text: string): string[] =>
  unaccent(text)
    .replace(ADDRESSEE, ' ')
    .replace(NOT_WORD, ' ')
    .replace(FORMULAS, ' ')
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w));

function dice<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const pairs = (words: readonly string[]): Set<string> =>
  new Set(words.length === 1 ? words : words.slice(1).map((w, i) => `${words[i]} ${w}`));

function trigrams(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  const joined = ` ${words.join(' ')} `;
  for (let i = 0; i + 3 <= joined.length; i++) out.add(joined.slice(i, i + 3));
  return out;
}

/** How alike two texts are, 0 (nothing shared) to 1 (the same words), accents and case ignored. */
export function similarity(a: string, b: string): number {
  const wa = contentWords(a);
  const wb = contentWords(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  return (dice(pairs(wa), pairs(wb)) + dice(trigrams(wa), trigrams(wb))) / 2;
}

const EARTH_RADIUS_METRES = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

const NEAR_METRES = 100;
const FAR_METRES = 1000;

const pointOf = (c: DuplicateCase) =>
  c.lat !== null && c.lng !== null && Number.isFinite(c.lat) && Number.isFinite(c.lng)
    ? { lat: c.lat, lng: c.lng }
    : null;

function placeScore(a: DuplicateCase, b: DuplicateCase): { score: number; distanceMetres: number | null } {
  const pa = pointOf(a);
  const pb = pointOf(b);
  if (pa && pb) {
    const d = haversineMetres(pa, pb);
    const score = d <= NEAR_METRES ? 1 : d >= FAR_METRES ? 0 : (FAR_METRES - d) / (FAR_METRES - NEAR_METRES);
    return { score, distanceMetres: d };
  }
  if (!a.address || !b.address) return { score: 0, distanceMetres: null };
  const words = (s: string) =>
    new Set(
      foldVietnamese(s)
        .split(' ')
        .filter((w) => w && !ADDRESS_WORDS.has(w)),
    );
  return { score: dice(words(a.address), words(b.address)), distanceMetres: null };
}

/** 1 for cases up to 30 days apart, falling linearly to 0.5 at 180 days and staying there. */
function recency(a: IsoDate, b: IsoDate): number {
  const days = Math.abs(daysBetween(a, b));
  if (days <= 30) return 1;
  return Math.max(0.5, 1 - (0.5 * (days - 30)) / 150);
}

/**
 * Context (unit, category, place) counts in proportion to the text's similarity: not at all up to 0.2
 * (two problems of one street share about that much: its name), fully from 0.4 (texts about one problem
 * share about that much or more).
 */
const GATE_FROM = 0.2;
const GATE_FULL = 0.4;
/** At most, context closes this share of the gap between the text's similarity and 1. */
const CONTEXT_SHARE = 0.5;
/** A shared text this alike is a reason of its own; a place this close is one. */
const TEXT_REASON = 0.3;
const PLACE_REASON = 0.5;

/** How likely `other` is about the same problem as `candidate`, 0..1, with the reasons. */
export function duplicateScore(candidate: DuplicateCase, other: DuplicateCase): DuplicateScore {
  const text = similarity(candidate.text, other.text);
  const sameUnit = candidate.unitId !== null && candidate.unitId === other.unitId;
  const sameCategory = candidate.category !== null && candidate.category === other.category;
  const place = placeScore(candidate, other);
  const context = 0.3 * Number(sameUnit) + 0.2 * Number(sameCategory) + 0.5 * place.score;
  const gate = Math.min(1, Math.max(0, (text - GATE_FROM) / (GATE_FULL - GATE_FROM)));
  const score =
    recency(candidate.receivedOn, other.receivedOn) * (text + (1 - text) * CONTEXT_SHARE * context * gate);
  const reasons: DuplicateReason[] = [];
  if (text >= TEXT_REASON) reasons.push('text');
  if (sameUnit) reasons.push('unit');
  if (sameCategory) reasons.push('category');
  if (place.score >= PLACE_REASON) reasons.push('place');
  return { score, reasons, text, distanceMetres: place.distanceMetres };
}

export const DEFAULT_DUPLICATE_OPTIONS = { threshold: 0.35, limit: 5 };

/**
 * The candidates scoring at least `threshold`, best first (then the most recent, then by id), at most
 * `limit`; the case itself is never its own duplicate.
 */
export function suggestDuplicates(
  subject: DuplicateCase,
  candidates: readonly DuplicateCase[],
  options: { threshold?: number; limit?: number } = {},
): DuplicateSuggestion[] {
  const { threshold, limit } = { ...DEFAULT_DUPLICATE_OPTIONS, ...options };
  const byReceived = new Map(candidates.map((c) => [c.id, c.receivedOn]));
  return candidates
    .filter((c) => c.id !== subject.id)
    .map((c) => ({ id: c.id, ...duplicateScore(subject, c) }))
    .filter((s) => s.score >= threshold)
    .sort(
      (x, y) =>
        y.score - x.score ||
        (byReceived.get(y.id) ?? '').localeCompare(byReceived.get(x.id) ?? '') ||
        x.id.localeCompare(y.id),
    )
    .slice(0, Math.max(0, limit));
}
