/**
 * A router of a few lines over `location.pathname` and `history.pushState`. The public site has two parts, each
 * under its own Vietnamese words (the server sends `public-site/index.html` for every path under them):
 * - `/phan-anh…`: the hotline — submit, `tra-cuu[/<code>]` (track), `da-tra-loi` (answered);
 * - `/cong-khai…`: the province's public portal — home, `chi-so-cchc[/<year>[/<unitId>]]` (PAR Index),
 *   `ho-so` (dossiers, QĐ 766), `ke-hoach[/<year>]` (the year's plan), `mo-hinh-diem[/<year>]` (pilot units),
 *   `du-lieu-mo` (open data).
 * A page's filters (group, period, search, sort) live in the query, read and written by `./portal-query.ts`.
 */
import { useSyncExternalStore } from 'react';

export const BASE = '/phan-anh';
export const PORTAL = '/cong-khai';

export type Route =
  | { name: 'submit' }
  | { name: 'track'; code: string | null }
  | { name: 'answers' }
  | { name: 'home' }
  | { name: 'parIndex'; year: null; unitId: null }
  | { name: 'parIndex'; year: number; unitId: string | null }
  | { name: 'dossiers' }
  | { name: 'plan'; year: number | null }
  | { name: 'pilots'; year: number | null }
  | { name: 'openData' }
  | { name: 'notFound' };

export type RouteName = Route['name'];

/** The part of the site a page belongs to (the navigation marks it). */
export type Section = 'home' | 'parIndex' | 'dossiers' | 'plan' | 'pilots' | 'hotline' | 'openData';

export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'submit':
    case 'track':
    case 'answers':
      return 'hotline';
    case 'notFound':
      return null;
    default:
      return route.name;
  }
}

/** Years a page may name in its path (the calendar's range). */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2199;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** `2026` → 2026; anything but four digits in the calendar's range → null. */
export function parseYear(segment: string): number | null {
  if (!/^\d{4}$/.test(segment)) return null;
  const year = Number(segment);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

const NOT_FOUND: Route = { name: 'notFound' };

function matchHotline(rest: string[]): Route {
  const [page, code, ...more] = rest;
  if (page === undefined) return { name: 'submit' };
  const word = page.toLowerCase();
  if (word === 'tra-cuu' && more.length === 0) {
    if (code === undefined) return { name: 'track', code: null };
    const decoded = decode(code);
    return decoded === null ? NOT_FOUND : { name: 'track', code: decoded };
  }
  if (word === 'da-tra-loi' && code === undefined) return { name: 'answers' };
  return NOT_FOUND;
}

/** A page with an optional year: `word` alone, or `word/<year>`. */
function withYear(rest: string[], make: (year: number | null) => Route): Route {
  if (rest.length === 0) return make(null);
  if (rest.length > 1) return NOT_FOUND;
  const year = parseYear(rest[0]!);
  return year === null ? NOT_FOUND : make(year);
}

function matchPortal(rest: string[]): Route {
  const [page, ...more] = rest;
  if (page === undefined) return { name: 'home' };
  switch (page.toLowerCase()) {
    case 'chi-so-cchc': {
      if (more.length === 0) return { name: 'parIndex', year: null, unitId: null };
      if (more.length > 2) return NOT_FOUND;
      const year = parseYear(more[0]!);
      if (year === null) return NOT_FOUND;
      if (more.length === 1) return { name: 'parIndex', year, unitId: null };
      const unitId = decode(more[1]!);
      return unitId ? { name: 'parIndex', year, unitId } : NOT_FOUND;
    }
    case 'ho-so':
      return more.length === 0 ? { name: 'dossiers' } : NOT_FOUND;
    case 'ke-hoach':
      return withYear(more, (year) => ({ name: 'plan', year }));
    case 'mo-hinh-diem':
      return withYear(more, (year) => ({ name: 'pilots', year }));
    case 'du-lieu-mo':
      return more.length === 0 ? { name: 'openData' } : NOT_FOUND;
    default:
      return NOT_FOUND;
  }
}

/** The page of a path (a trailing slash and letter case of the fixed words do not matter). */
export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  const root = parts[0]?.toLowerCase();
  if (root === BASE.slice(1)) return matchHotline(parts.slice(1));
  if (root === PORTAL.slice(1)) return matchPortal(parts.slice(1));
  return NOT_FOUND;
}

const yearPath = (base: string, year: number | null) => (year === null ? base : `${base}/${year}`);

/** The path of a page, with an optional query (`{ key }` for the tracking page, a page's filters). */
export function pathFor(route: Route, query?: Record<string, string | null | undefined>): string {
  let path: string;
  switch (route.name) {
    case 'submit':
      path = BASE;
      break;
    case 'track':
      path = route.code ? `${BASE}/tra-cuu/${encodeURIComponent(route.code)}` : `${BASE}/tra-cuu`;
      break;
    case 'answers':
      path = `${BASE}/da-tra-loi`;
      break;
    case 'home':
    case 'notFound':
      path = PORTAL;
      break;
    case 'parIndex':
      path =
        route.year === null
          ? `${PORTAL}/chi-so-cchc`
          : route.unitId
            ? `${PORTAL}/chi-so-cchc/${route.year}/${encodeURIComponent(route.unitId)}`
            : `${PORTAL}/chi-so-cchc/${route.year}`;
      break;
    case 'dossiers':
      path = `${PORTAL}/ho-so`;
      break;
    case 'plan':
      path = yearPath(`${PORTAL}/ke-hoach`, route.year);
      break;
    case 'pilots':
      path = yearPath(`${PORTAL}/mo-hinh-diem`, route.year);
      break;
    case 'openData':
      path = `${PORTAL}/du-lieu-mo`;
      break;
  }
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * What makes a new page for the reader (the shell then scrolls to the top and moves the focus to its heading):
 * another path on the hotline; on the portal another page or unit, but not another year or filter of the same
 * page (the reader stays at the switch they used).
 */
export function pageKey(route: Route): string {
  switch (route.name) {
    case 'submit':
    case 'track':
    case 'answers':
      return pathFor(route);
    case 'parIndex':
      return route.unitId ? `parIndex/${route.year}/${route.unitId}` : 'parIndex';
    default:
      return route.name;
  }
}

/** A link as an absolute URL (the server may give it relative); `fallbackPath` when it gives none. */
export function absoluteLink(link: string | null | undefined, fallbackPath: string, origin: string): string {
  try {
    return new URL(link || fallbackPath, origin).href;
  } catch {
    return new URL(fallbackPath, origin).href;
  }
}

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** The current path and query (re-renders on navigation and on Back/Forward). */
export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, () => location.pathname + location.search);
  const i = href.indexOf('?');
  return i < 0 ? { pathname: href, search: '' } : { pathname: href.slice(0, i), search: href.slice(i) };
}

/** Goes to `href` (same origin) without reloading; `replace` for a change that is not a new step back. */
export function navigate(href: string, { replace = false }: { replace?: boolean } = {}) {
  if (href === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  notify();
}

/** For `<a onClick>`: a plain left click navigates in the page; modified clicks open tabs as usual. */
export function followLink(event: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  preventDefault: () => void;
  currentTarget: { getAttribute: (name: string) => string | null };
}) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const href = event.currentTarget.getAttribute('href');
  if (!href || !href.startsWith('/')) return;
  event.preventDefault();
  navigate(href);
}
