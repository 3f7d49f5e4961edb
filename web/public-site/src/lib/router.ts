/**
 * A router of a few lines over `location.pathname` and `history.pushState`: the public site's paths live under
 * `/phan-anh` (Vietnamese words in the URL; the server sends `public-site/index.html` for all of them).
 */
import { useSyncExternalStore } from 'react';

export const BASE = '/phan-anh';

export type Route =
  { name: 'submit' } | { name: 'track'; code: string | null } | { name: 'answers' } | { name: 'notFound' };

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The page of a path (a trailing slash and letter case of the fixed words do not matter). */
export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0]?.toLowerCase() !== BASE.slice(1)) return { name: 'notFound' };
  const [, page, code, ...more] = parts;
  if (page === undefined) return { name: 'submit' };
  const word = page.toLowerCase();
  if (word === 'tra-cuu' && more.length === 0) {
    if (code === undefined) return { name: 'track', code: null };
    const decoded = decode(code);
    return decoded === null ? { name: 'notFound' } : { name: 'track', code: decoded };
  }
  if (word === 'da-tra-loi' && code === undefined) return { name: 'answers' };
  return { name: 'notFound' };
}

/** The path of a page, with an optional query (`{ key }` for the tracking page). */
export function pathFor(route: Route, query?: Record<string, string | null | undefined>): string {
  let path: string;
  switch (route.name) {
    case 'submit':
    case 'notFound':
      path = BASE;
      break;
    case 'track':
      path = route.code ? `${BASE}/tra-cuu/${encodeURIComponent(route.code)}` : `${BASE}/tra-cuu`;
      break;
    case 'answers':
      path = `${BASE}/da-tra-loi`;
      break;
  }
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `${path}?${s}` : path;
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
