/**
 * The survey form's HTTP client (`/api/public/surveys…`): no session (`credentials: 'omit'`: an officer signed in
 * on the same browser still answers anonymously), the reader's language in `Accept-Language` (server messages
 * come back in it), `x-requested-with: chidao-public` on the POST (the public routes' CSRF rule, as the
 * hotline's), and a timeout, so a request lost on a slow link ends in "send again" instead of a spinner.
 *
 * Unlike the hotline's client it keeps the error's message `key`: two different 409s (a used invitation, a
 * changed form) need two different answers on this page.
 */
import type { PublicFormOut, PublicResponseOut } from '../../../../server/modules/surveys/surveys.schemas';
import type { Lang } from './i18n';
import type { FormRef } from './router';

export type FieldError = { field: string; message: string };

/** `code`: the server's (`VALIDATION_FAILED`, `CONFLICT`…), or `NETWORK` / `TIMEOUT` / `HTTP_<status>` here. */
export class SurveyApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly key: string | null = null,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'SurveyApiError';
  }
}

export const API = '/api/public/surveys';
const TIMEOUT_MS = 30_000;

let language: Lang = 'vi';
export function setApiLanguage(lang: Lang) {
  language = lang;
}

/** The error the server sent (`{ error: { code, key, message, details } }`, server/core/http.ts), or one from the status. */
export function errorFromBody(status: number, body: unknown, statusText = ''): SurveyApiError {
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  if (err && typeof err.message === 'string') {
    const details = Array.isArray(err.details)
      ? (err.details as unknown[]).filter(
          (d): d is FieldError =>
            !!d &&
            typeof (d as FieldError).field === 'string' &&
            typeof (d as FieldError).message === 'string',
        )
      : [];
    return new SurveyApiError(
      status,
      typeof err.code === 'string' ? err.code : `HTTP_${status}`,
      err.message,
      typeof err.key === 'string' ? err.key : null,
      details,
    );
  }
  return new SurveyApiError(status, `HTTP_${status}`, statusText || `HTTP ${status}`);
}

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; data: T }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, TIMEOUT_MS);
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    headers['x-requested-with'] = 'chidao-public';
  }
  try {
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch (cause) {
      throw new SurveyApiError(
        0,
        timedOut ? 'TIMEOUT' : 'NETWORK',
        String((cause as Error)?.message ?? cause),
      );
    }
    let payload: unknown = null;
    try {
      payload = await res.json();
    } catch {
      // The body was cut (the connection dropped) or is a proxy's page: for a success, that is a lost answer.
      if (timedOut) throw new SurveyApiError(0, 'TIMEOUT', 'timeout');
      if (res.ok) throw new SurveyApiError(0, 'NETWORK', 'unreadable answer');
    }
    if (!res.ok) throw errorFromBody(res.status, payload, res.statusText);
    return { status: res.status, data: payload as T };
  } finally {
    clearTimeout(timer);
  }
}

/** The path that opens a form: a target's QR code, or an invitation's token. */
export function formPath(ref: FormRef): string {
  return ref.kind === 'code'
    ? `${API}/forms/${encodeURIComponent(ref.code)}`
    : `${API}/invitations/${encodeURIComponent(ref.token)}`;
}

export async function fetchForm(ref: FormRef): Promise<PublicFormOut> {
  return (await request<PublicFormOut>('GET', formPath(ref))).data;
}

/** What `POST /responses` takes (surveys.schemas.ts `publicResponseIn`). */
export type ResponsePayload = {
  code?: string;
  token?: string;
  versionId: string;
  hash: string;
  clientKey: string;
  answers: Record<string, unknown>;
  minutes: number | null;
  captcha?: { token: string; nonce: string };
};

export async function sendResponse(payload: ResponsePayload): Promise<PublicResponseOut> {
  return (await request<PublicResponseOut>('POST', `${API}/responses`, payload)).data;
}
