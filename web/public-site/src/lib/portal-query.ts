/**
 * The portal pages' filters in the address (`?group=…&q=…&period=…&sort=…`), so a filtered page can be shared,
 * printed with its URL and reached again with Back/Forward. Other parameters (such as `lang`) are kept.
 */

/** `search` with each key of `patch` set (a non-empty value) or removed (empty, null, undefined). */
export function withQuery(search: string, patch: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams(search);
  for (const [k, v] of Object.entries(patch)) {
    const value = v === null || v === undefined ? '' : String(v).trim();
    if (value) params.set(k, value);
    else params.delete(k);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** One parameter's value (trimmed; empty when absent). */
export function readParam(search: string, key: string): string {
  return (new URLSearchParams(search).get(key) ?? '').trim();
}

export type SortDir = 'asc' | 'desc';
export type Sort<K extends string> = { key: K; dir: SortDir };

/** `sort=name` (ascending) or `sort=-name` (descending); an unknown column → the default. */
export function parseSort<K extends string>(value: string, keys: readonly K[], fallback: Sort<K>): Sort<K> {
  const desc = value.startsWith('-');
  const key = (desc ? value.slice(1) : value) as K;
  return keys.includes(key) ? { key, dir: desc ? 'desc' : 'asc' } : fallback;
}

/** The parameter of a sort; null when it is the default (the address stays short). */
export function sortParam<K extends string>(sort: Sort<K>, fallback: Sort<K>): string | null {
  if (sort.key === fallback.key && sort.dir === fallback.dir) return null;
  return sort.dir === 'desc' ? `-${sort.key}` : sort.key;
}

/** A header clicked: the same column flips its direction; another starts with its natural one. */
export function nextSort<K extends string>(current: Sort<K>, key: K, natural: SortDir = 'asc'): Sort<K> {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: natural };
}
