/**
 * The one HTTP client of the web UI. Same-origin cookies carry the session; state-changing requests
 * carry the CSRF token from the session (kept in memory only); every request says which language the
 * user reads so the server's messages come back in it.
 */

export type FieldError = { field: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isStale(): boolean {
    return this.status === 409 && this.code === 'STALE_VERSION';
  }

  /** The message the server gave for `field`, if any. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.field === field)?.message;
  }
}

let csrfToken: string | null = null;
let localeGetter: () => string = () => 'vi';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
export function setLocaleGetter(get: () => string) {
  localeGetter = get;
}
/** Called when a request answers 401 (the session ended): the app goes to the sign-in page. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=x` from the defined, non-empty values of `query`. */
export function toQueryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

type RequestOptions = {
  query?: Query;
  body?: unknown;
  /** For sign-in and the session probe: a 401 is an answer, not a reason to leave the page. */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function parseError(res: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // not JSON (proxy error page, network device…)
  }
  const err = (
    payload as {
      error?: { code?: string; message?: string; details?: FieldError[]; requestId?: string };
    } | null
  )?.error;
  if (err && typeof err.message === 'string') {
    return new ApiError(
      res.status,
      err.code ?? 'ERROR',
      err.message,
      Array.isArray(err.details) ? err.details : [],
      err.requestId,
    );
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`);
}

async function send<T>(
  method: string,
  path: string,
  init: RequestInit,
  options: RequestOptions = {},
): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  headers.set('x-chidao-locale', localeGetter() === 'en' ? 'en' : 'vi');
  if (UNSAFE.has(method) && csrfToken) headers.set('x-csrf-token', csrfToken);
  let res: Response;
  try {
    res = await fetch(path + toQueryString(options.query), {
      ...init,
      method,
      headers,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(
      0,
      'NETWORK',
      localeGetter() === 'en'
        ? 'Cannot reach the server. Check the connection and try again.'
        : 'Không kết nối được máy chủ. Kiểm tra kết nối mạng rồi thử lại.',
    );
  }
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401 && !options.allowUnauthorized) {
      csrfToken = null;
      onUnauthorized?.();
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

function jsonInit(body: unknown): RequestInit {
  if (body === undefined) return {};
  return { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => send<T>('GET', path, {}, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    send<T>('POST', path, jsonInit(body), options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    send<T>('PATCH', path, jsonInit(body), options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    send<T>('PUT', path, jsonInit(body), options),
  delete: <T = void>(path: string, options?: RequestOptions) => send<T>('DELETE', path, {}, options),
  /** Multipart upload of one file in the field `file` (the browser sets the boundary). */
  upload: <T>(path: string, file: File, extra?: Record<string, string>, options?: RequestOptions) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(extra ?? {})) form.append(k, v);
    form.append('file', file, file.name);
    return send<T>('POST', path, { body: form }, options);
  },
};

/** The message to show for any thrown value. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}
