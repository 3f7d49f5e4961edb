/** How the portal says which days a figure covers. */
import { formatDate, isoDate } from './format';
import type { Translate } from './i18n';

/**
 * The window of figures of `year` that run to `to` (today when the server gives no end): the whole year once it
 * is over ("Năm 2025"), else up to that day ("Năm 2026 đến 07/12/2026").
 */
export function windowText(t: Translate, year: number, to: string = isoDate()): string {
  if (to >= `${year}-12-31` || to.slice(0, 4) !== String(year)) return t('home.windowYear', { year });
  return t('home.window', { year, date: formatDate(to) });
}
