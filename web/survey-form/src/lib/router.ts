/**
 * The survey form's two kinds of address, with Vietnamese words in the URL (the server sends
 * `survey-form/index.html` for every path under `/khao-sat`):
 * - `/khao-sat/<code>`: a unit's QR poster (an open survey: anyone who scans it, with a captcha);
 * - `/khao-sat/moi/<token>`: a personal one-time invitation ("mời"), the token being its own proof.
 * The form has no other pages, so there is no navigation: the route is read once from the path.
 */
export const BASE = '/khao-sat';
const INVITATION_WORD = 'moi';

/** What a form is opened by: the public code of a target, or an invitation's token. */
export type FormRef = { kind: 'code'; code: string } | { kind: 'token'; token: string };
export type Route = { name: 'form'; ref: FormRef } | { name: 'notFound' };

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment).trim();
  } catch {
    return null;
  }
}

/** Lengths the API accepts (surveys.schemas.ts publicFormParams, publicInvitationParams). */
const CODE_LENGTH = { min: 4, max: 40 };
const TOKEN_LENGTH = { min: 16, max: 100 };
const fits = (s: string, { min, max }: { min: number; max: number }) => s.length >= min && s.length <= max;

/** The form of a path; a trailing slash and the letter case of the fixed words do not matter. */
export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0]?.toLowerCase() !== BASE.slice(1)) return { name: 'notFound' };
  const [, first, second, ...more] = parts;
  if (first === undefined || more.length) return { name: 'notFound' };
  if (first.toLowerCase() === INVITATION_WORD) {
    const token = second === undefined ? null : decode(second);
    return token && fits(token, TOKEN_LENGTH)
      ? { name: 'form', ref: { kind: 'token', token } }
      : { name: 'notFound' };
  }
  if (second !== undefined) return { name: 'notFound' };
  const code = decode(first);
  return code && fits(code, CODE_LENGTH)
    ? { name: 'form', ref: { kind: 'code', code } }
    : { name: 'notFound' };
}

/** The path of a form (the QR poster's and the invitation mail's links are made by the server the same way). */
export function pathFor(ref: FormRef): string {
  return ref.kind === 'code'
    ? `${BASE}/${encodeURIComponent(ref.code)}`
    : `${BASE}/${INVITATION_WORD}/${encodeURIComponent(ref.token)}`;
}
