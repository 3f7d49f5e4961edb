/**
 * The tracking code a citizen gets for a piece of feedback (mã tra cứu), to follow it and rate the answer
 * (domain notes §3: citizens track their feedback by code and may mark the answer "not satisfied"). Example:
 * `PA-26-7K3M-9Q2X-4HRD` — `PA` (phản ánh), the 2-digit year, 11 random symbols and a check symbol.
 *
 * - Symbols are Crockford's base32 (0-9 and letters without I, L, O, U), so a code read over the phone or
 *   copied by hand has no 0/O or 1/I/L confusion; `normaliseTrackingCode` reads O as 0 and I, L as 1.
 * - 11 random symbols are 55 bits: a province receiving 100,000 cases a year draws a code already taken
 *   with probability about 3·10⁻¹² per case (the store's unique index still decides), and a code cannot be
 *   guessed from another one. (7 symbols, 35 bits, would make a repeat among 100,000 codes likely: ~14%.)
 * - The check symbol is Crockford's: the value of the year and body as one base32 number, mod 37. 37 is a
 *   prime that divides neither 32 nor any difference of two symbols, so every single wrong symbol and every
 *   swap of two neighbours changes it. Crockford writes the values 32–36 as `*~$=U`; a citizen should
 *   never have to read those over the phone, so a body whose check would be one of them is drawn again
 *   (codes keep 32/37 of the space: 54.8 bits).
 * - A typo therefore gives `null`, never another citizen's case.
 */
import { randomBytes } from 'node:crypto';

export const TRACKING_CODE_PREFIX = 'PA';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 11;
/** Canonical form: prefix, year, then body and check in groups of four. */
const CANONICAL = /^PA-\d{2}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
/** What a citizen may type around a code: spaces and dashes (phones turn `--` into en or em dashes). */
const SEPARATORS = /[\s\-‐‑‒–—]+/gu;

/** `value` of the year digits and body as one base32 number, mod 37 (Horner's rule: no big integers). */
function checkValue(symbols: string): number {
  let sum = 0;
  for (const s of symbols) sum = (sum * 32 + ALPHABET.indexOf(s)) % 37;
  return sum;
}

const group = (year: string, bodyAndCheck: string): string =>
  `${TRACKING_CODE_PREFIX}-${year}-${bodyAndCheck.slice(0, 4)}-${bodyAndCheck.slice(4, 8)}-${bodyAndCheck.slice(8)}`;

/**
 * A new code for a case received in `year` (2000–2099). `random(n)` gives n random bytes (default
 * `crypto.randomBytes`; tests pass their own).
 */
export function newTrackingCode(year: number, random: (size: number) => Uint8Array = randomBytes): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2099)
    throw new RangeError(`A tracking code's year must be 2000–2099, got ${year}`);
  const yy = String(year % 100).padStart(2, '0');
  for (;;) {
    // One byte per symbol, its low 5 bits: 256 is a multiple of 32, so every symbol is equally likely.
    const bytes = random(BODY_LENGTH);
    if (bytes.length < BODY_LENGTH) throw new RangeError(`random(${BODY_LENGTH}) gave ${bytes.length} bytes`);
    const body = Array.from(bytes.subarray(0, BODY_LENGTH), (b) => ALPHABET[b & 31]).join('');
    const check = checkValue(yy + body);
    if (check < 32) return group(yy, body + ALPHABET[check]);
  }
}

/**
 * The canonical code from what someone typed — trimmed, any case, with or without spaces and dashes,
 * O for 0 and I or L for 1 — or null when it is not a code or its check symbol does not match.
 */
export function normaliseTrackingCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const compact = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  if (!compact.startsWith(TRACKING_CODE_PREFIX)) return null;
  const rest = compact.slice(TRACKING_CODE_PREFIX.length).replace(/O/g, '0').replace(/[IL]/g, '1');
  if (rest.length !== 2 + BODY_LENGTH + 1 || !/^\d{2}/.test(rest)) return null;
  if ([...rest].some((s) => !ALPHABET.includes(s))) return null;
  const checked = rest.slice(0, -1);
  if (ALPHABET[checkValue(checked)] !== rest.at(-1)) return null;
  return group(rest.slice(0, 2), rest.slice(2));
}

/** Whether `value` is a code exactly as issued (canonical form, matching check symbol). */
export function isTrackingCode(value: unknown): value is string {
  return typeof value === 'string' && CANONICAL.test(value) && normaliseTrackingCode(value) === value;
}
