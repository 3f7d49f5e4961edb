/**
 * Searching names as people type them on a phone: without tone marks, in any case, words in any order
 * ("so tu phap", "TƯ PHÁP", "phap tu" all find "Sở Tư pháp").
 */
import { foldVi } from '../../../src/lib/format';

/** The comparable form of a text: lower case, no tone marks, đ → d, punctuation and repeated spaces gone. */
export function searchKey(text: string): string {
  return foldVi(text.normalize('NFC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a query (its comparable form, split); none for an empty or blank query. */
export function searchWords(query: string): string[] {
  const key = searchKey(query);
  return key ? key.split(' ') : [];
}

/** True when every word of the query is found in the text (an empty query matches everything). */
export function matchesSearch(text: string, query: string | readonly string[]): boolean {
  const words = typeof query === 'string' ? searchWords(query) : query;
  if (words.length === 0) return true;
  const key = searchKey(text);
  return words.every((w) => key.includes(w));
}

/** The items whose text matches the query, in their order. */
export function filterBySearch<T>(items: readonly T[], query: string, text: (item: T) => string): T[] {
  const words = searchWords(query);
  if (words.length === 0) return [...items];
  return items.filter((item) => matchesSearch(text(item), words));
}
