/** Which year a portal page shows: the one in its address, else the newest the province has published. */
export type YearChoice =
  /** The years are not known yet (the portal's home is loading). */
  | { kind: 'waiting' }
  /** Nothing published. */
  | { kind: 'none' }
  /** A year the province has not published (the page says so and offers the others). */
  | { kind: 'unpublished'; year: number }
  | { kind: 'year'; year: number };

export function chooseYear(
  requested: number | null,
  published: readonly number[] | null | undefined,
): YearChoice {
  if (!published) return requested === null ? { kind: 'waiting' } : { kind: 'year', year: requested };
  if (requested === null)
    return published.length ? { kind: 'year', year: Math.max(...published) } : { kind: 'none' };
  return published.includes(requested)
    ? { kind: 'year', year: requested }
    : { kind: 'unpublished', year: requested };
}

/** Newest first, each once. */
export function sortYears(years: readonly number[]): number[] {
  return [...new Set(years)].sort((a, b) => b - a);
}
