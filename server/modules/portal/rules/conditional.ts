/**
 * Conditional requests for the public API and open data — pure (RFC 9110 §13, RFC 9111 §5.2). Every public
 * answer carries a strong `ETag` (the SHA-256 of its body, shortened), `Last-Modified` (when this body was first
 * served, `FirstSeen`) and `Cache-Control: public, max-age=300`; a request whose `If-None-Match` names the current
 * tag — or, without `If-None-Match`, whose `If-Modified-Since` is not before `Last-Modified` — gets `304 Not
 * Modified` without a body.
 */
import { createHash } from 'node:crypto';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=300';

/** A strong entity tag of a body (the first 32 hex digits of its SHA-256, quoted). */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
}

/** The entity tags of an `If-None-Match` header (`W/` kept); `*` for any; a malformed header names nothing. */
export function parseIfNoneMatch(header: string | undefined): '*' | string[] {
  if (header === undefined) return [];
  const h = header.trim();
  if (h === '*') return '*';
  // A list of entity-tags: [W/]"opaque" separated by commas and optional white space (RFC 9110 §8.8.3, §13.1.2).
  if (!/^(W\/)?"[^"]*"(\s*,\s*(W\/)?"[^"]*")*$/.test(h)) return [];
  return [...h.matchAll(/(W\/)?"[^"]*"/g)].map((m) => m[0]);
}

/** Weak comparison (RFC 9110 §8.8.3.2), as `If-None-Match` uses: the opaque tags equal, W/ ignored. */
const weakMatch = (a: string, b: string) => a.replace(/^W\//, '') === b.replace(/^W\//, '');

const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC850 =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * An HTTP date (RFC 9110 §5.6.7: IMF-fixdate, or the obsolete RFC 850 and asctime forms, all GMT) → ms since the
 * epoch; null when it is none of them (then `If-Modified-Since` is ignored, as the RFC says).
 */
export function parseHttpDate(header: string | undefined): number | null {
  if (!header) return null;
  const h = header.trim();
  let t = NaN;
  if (IMF_FIXDATE.test(h) || RFC850.test(h)) t = Date.parse(h);
  else if (ASCTIME.test(h)) t = Date.parse(`${h} GMT`);
  return Number.isFinite(t) ? t : null;
}

/** An instant as an HTTP date, to the second (`Last-Modified`). */
export const httpDate = (at: Date | number): string => new Date(Math.floor(+at / 1000) * 1000).toUTCString();

export type Validators = { etag: string; lastModified: Date | number };

/**
 * Whether a GET/HEAD may be answered `304`: `If-None-Match` decides when present (any of its tags matches, or
 * `*`); otherwise `If-Modified-Since` (a valid date not before the last modification, to the second).
 */
export function isNotModified(
  headers: { 'if-none-match'?: string | undefined; 'if-modified-since'?: string | undefined },
  v: Validators,
): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    const tags = parseIfNoneMatch(inm);
    return tags === '*' || tags.some((t) => weakMatch(t, v.etag));
  }
  const since = parseHttpDate(headers['if-modified-since']);
  if (since === null) return false;
  return Math.floor(+v.lastModified / 1000) * 1000 <= since;
}

/** The caching headers of a public answer. */
export function cacheHeaders(v: Validators): Record<string, string> {
  return {
    etag: v.etag,
    'last-modified': httpDate(v.lastModified),
    'cache-control': PUBLIC_CACHE_CONTROL,
  };
}

/**
 * When each body was first served (its `Last-Modified`): a body that comes back the same keeps its date, a new
 * one gets now. Bounded (the oldest entries leave first); a restart starts afresh, which only makes clients ask
 * again once.
 */
export class FirstSeen {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max = 2000) {}

  at(key: string, etag: string, now: number = Date.now()): number {
    const k = `${key}\n${etag}`;
    const found = this.seen.get(k);
    if (found !== undefined) return found;
    const t = Math.floor(now / 1000) * 1000;
    this.seen.set(k, t);
    if (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value!);
    return t;
  }
}
