/** Pure rules of the stale-links report (`stale-links.service.ts`). */

/** How long a record's text may be in the report's list before it is cut (a meeting conclusion). */
export const SUBJECT_MAX = 160;

/**
 * A long text as one line for a list: whitespace folded, and if longer than `max` characters cut at the
 * last word boundary in its second half (else at `max - 1`) with an ellipsis, so the result never exceeds
 * `max` characters.
 */
export function shortText(text: string, max = SUBJECT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
