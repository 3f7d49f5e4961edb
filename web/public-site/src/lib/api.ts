/**
 * The public pages' HTTP client: no session (`credentials: 'omit'` — a signed-in officer opening the public
 * pages is still anonymous here, so the CSRF rule is the origin check, not the session's token), the reader's
 * language in `Accept-Language` (server messages come back in it), `x-requested-with: chidao-public` on every
 * POST, and a timeout, so a request lost on a slow link ends in a message with "try again" instead of a spinner.
 */
import type { Lang } from './i18n';

export type FieldError = { field: string; message: string };

/** `code`: the server's (`VALIDATION_FAILED`, `NOT_FOUND`…), or `NETWORK` / `TIMEOUT` / `HTTP_<status>` here. */
export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'PublicApiError';
  }
}

export const API = '/api/public/hotline';
const JSON_TIMEOUT_MS = 30_000;
/** A submission with photos over a slow link (≈ 1 Mbps up: 10 MB ≈ 80 s) gets much longer. */
const UPLOAD_TIMEOUT_MS = 5 * 60_000;

let language: Lang = 'vi';
export function setApiLanguage(lang: Lang) {
  language = lang;
}

/** The error the server sent (`{ error: { code, message, details } }`), or one made from the status. */
export function errorFromBody(status: number, body: unknown, statusText = ''): PublicApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (err && typeof err.message === 'string') {
    const details = Array.isArray(err.details)
      ? (err.details as unknown[]).filter(
          (d): d is FieldError =>
            !!d &&
            typeof (d as FieldError).field === 'string' &&
            typeof (d as FieldError).message === 'string',
        )
      : [];
    return new PublicApiError(
      status,
      typeof err.code === 'string' ? err.code : `HTTP_${status}`,
      err.message,
      details,
    );
  }
  return new PublicApiError(status, `HTTP_${status}`, statusText || `HTTP ${status}`);
}

function query(params?: Record<string, string | number | null | undefined>): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

type Options = { signal?: AbortSignal; timeoutMs?: number };

async function request<T>(method: 'GET' | 'POST', path: string, body: unknown, options: Options): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? JSON_TIMEOUT_MS);
  const outer = options.signal;
  const forward = () => controller.abort();
  if (outer?.aborted) controller.abort();
  outer?.addEventListener('abort', forward, { once: true });
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
        signal: controller.signal,
      });
    } catch (cause) {
      if (outer?.aborted) throw cause;
      throw new PublicApiError(
        0,
        timedOut ? 'TIMEOUT' : 'NETWORK',
        String((cause as Error)?.message ?? cause),
      );
    }
    let payload: unknown = null;
    try {
      payload = res.status === 204 ? null : await res.json();
    } catch (cause) {
      if (outer?.aborted) throw cause;
      if (timedOut) throw new PublicApiError(0, 'TIMEOUT', 'timeout');
      // not JSON: a proxy's error page
    }
    if (!res.ok) throw errorFromBody(res.status, payload, res.statusText);
    return payload as T;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}

export const getJson = <T>(
  path: string,
  params?: Record<string, string | number | null | undefined>,
  options: Options = {},
) => request<T>('GET', path + query(params), undefined, options);

export const postJson = <T>(path: string, body: unknown, options: Options = {}) =>
  request<T>('POST', path, body, options);

/**
 * A multipart POST through XMLHttpRequest, which (unlike fetch) reports the upload's progress — on a slow link
 * a submission with photos takes a while, and a moving percentage says it is not stuck.
 */
export function postForm<T>(
  path: string,
  form: FormData,
  {
    onProgress,
    timeoutMs = UPLOAD_TIMEOUT_MS,
  }: { onProgress?: (fraction: number) => void; timeoutMs?: number } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = false;
    xhr.timeout = timeoutMs;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', language);
    xhr.setRequestHeader('x-requested-with', 'chidao-public');
    if (onProgress)
      xhr.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      });
    xhr.addEventListener('load', () => {
      let payload: unknown = null;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else reject(errorFromBody(xhr.status, payload, xhr.statusText));
    });
    xhr.addEventListener('error', () => reject(new PublicApiError(0, 'NETWORK', 'network error')));
    xhr.addEventListener('timeout', () => reject(new PublicApiError(0, 'TIMEOUT', 'timeout')));
    xhr.addEventListener('abort', () => reject(new PublicApiError(0, 'NETWORK', 'aborted')));
    xhr.send(form);
  });
}

/** `/api/public/hotline/cases/{code}…` with the code escaped. */
export const casePath = (code: string, rest = '') => `${API}/cases/${encodeURIComponent(code)}${rest}`;
