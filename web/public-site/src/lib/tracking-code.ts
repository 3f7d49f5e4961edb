/**
 * The tracking code as a person types it → the canonical form the server issues (`PA-26-7K3M-9Q2X-4HRD`):
 * trimmed, upper case, spaces and dashes (also the en/em dashes phones put in) ignored, O read as 0 and I or L
 * as 1 (Crockford's base32 has none of them), and the check symbol verified so a typo is caught here rather than
 * answered with "not found". The same rule as `server/modules/hotline/rules/tracking-code.ts`
 * (`tracking-code.test.ts` compares the two on codes the server makes).
 */
const PREFIX = 'PA';
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 11;
const SEPARATORS = /[\s\-‐‑‒–—]+/gu;

function checkValue(symbols: string): number {
  let sum = 0;
  for (const s of symbols) sum = (sum * 32 + ALPHABET.indexOf(s)) % 37;
  return sum;
}

/** The canonical code, or null when `input` is not a tracking code (wrong shape or check symbol). */
export function normaliseTrackingCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const compact = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  if (!compact.startsWith(PREFIX)) return null;
  const rest = compact.slice(PREFIX.length).replace(/O/g, '0').replace(/[IL]/g, '1');
  if (rest.length !== 2 + BODY_LENGTH + 1 || !/^\d{2}/.test(rest)) return null;
  if ([...rest].some((s) => !ALPHABET.includes(s))) return null;
  if (ALPHABET[checkValue(rest.slice(0, -1))] !== rest.at(-1)) return null;
  const body = rest.slice(2);
  return `${PREFIX}-${rest.slice(0, 2)}-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}`;
}
