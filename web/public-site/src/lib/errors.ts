/**
 * From a failed request to what the page shows: one sentence for the whole (the server's message, already in
 * the reader's language; ours for network trouble) and, for a form, each server detail under its own field.
 */
import { PublicApiError } from './api';
import type { Translate } from './i18n';

/** What to tell the reader about any thrown value. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof PublicApiError) {
    if (error.code === 'NETWORK') return t('common.networkError');
    if (error.code === 'TIMEOUT') return t('common.timeout');
    // A proxy's page or an empty 5xx: no message of the server's to show.
    if (/^HTTP_\d+$/.test(error.code)) return error.status >= 500 ? t('common.serverError') : error.message;
    return error.message;
  }
  return t('common.serverError');
}

/** True when trying the same request again may work (the network, a timeout, the server's own trouble). */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof PublicApiError && (error.status === 0 || error.status >= 500 || error.status === 429)
  );
}

/**
 * The form field a server detail names: `title`, `data.title`, `body/title`, `captcha.token` (→ `captcha`),
 * `files.2` (→ `files`). Null for a field the form does not have (the message then goes to the summary).
 */
export function fieldOf<F extends string>(path: string, fields: readonly F[]): F | null {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean);
  while (parts.length && (parts[0] === 'data' || parts[0] === 'body')) parts.shift();
  const first = parts[0];
  return first && (fields as readonly string[]).includes(first) ? (first as F) : null;
}

export type MappedErrors<F extends string> = {
  /** The sentence at the top. */
  summary: string;
  /** One message per field (the first the server gave for it). */
  fields: Partial<Record<F, string>>;
  /** Details that name no field of the form, listed under the summary. */
  other: string[];
};

export function mapFormError<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: Translate,
): MappedErrors<F> {
  const out: MappedErrors<F> = { summary: describeError(error, t), fields: {}, other: [] };
  if (!(error instanceof PublicApiError)) return out;
  for (const detail of error.details) {
    const field = fieldOf(detail.field, fields);
    if (field) out.fields[field] ??= detail.message;
    else if (detail.message !== out.summary && !out.other.includes(detail.message))
      out.other.push(detail.message);
  }
  return out;
}

/** The first of `order` that has a message: where the focus goes. */
export function firstInvalid<F extends string>(
  errors: Partial<Record<F, string>>,
  order: readonly F[],
): F | null {
  return order.find((f) => errors[f]) ?? null;
}
