/** The published answers' list: its page size and its search kept in the address. */
export const PAGE_SIZE = 20;

/** The search in the address: `?q=…&categoryId=…` (other parameters, such as `lang`, are kept). */
export function answersSearch(current: string, q: string, categoryId: string): string {
  const params = new URLSearchParams(current);
  const set = (k: string, v: string) => (v ? params.set(k, v) : params.delete(k));
  set('q', q.trim());
  set('categoryId', categoryId);
  const s = params.toString();
  return s ? `?${s}` : '';
}
