/**
 * Loading a public JSON resource for a page: its state (loading, data, error), a retry, and a small memory of
 * the answers already received in this visit, so Back/Forward and switching a filter back show the page at once
 * (the portal's figures change at most daily; a reload of the page asks again).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson } from './api';

type Params = Record<string, string | number | null | undefined>;

const MAX_REMEMBERED = 40;
const remembered = new Map<string, unknown>();

/**
 * The key of a request: its path and its parameters (empty ones dropped, sorted). The portal's answers carry
 * both languages' texts, so a change of language does not ask again.
 */
export function requestKey(path: string, params?: Params): string {
  const entries = Object.entries(params ?? {})
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [k, String(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${path}?${new URLSearchParams(entries as [string, string][]).toString()}`;
}

function remember(key: string, value: unknown) {
  remembered.delete(key);
  remembered.set(key, value);
  while (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
}

/** An answer known beforehand (static rendering in tests, or a page handing what it has to the next). */
export function rememberJson(path: string, params: Params | undefined, data: unknown) {
  remember(requestKey(path, params), data);
}

export type Loaded<T> = {
  data: T | null;
  /**
   * While another request of the same hook loads (a filter changed): the last answer it had, so a page can keep
   * its controls and figures in place (the focus stays on the switch just used) until the new one arrives.
   */
  previous: T | null;
  error: unknown;
  loading: boolean;
  retry: () => void;
};

/** `GET path?params` (null `path`: nothing to load yet). */
export function useJson<T>(path: string | null, params?: Params): Loaded<T> {
  const key = path === null ? null : requestKey(path, params);
  const [state, setState] = useState<{ key: string | null; data: T | null; error: unknown }>(() => ({
    key,
    data: key !== null && remembered.has(key) ? (remembered.get(key) as T) : null,
    error: null,
  }));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === null || path === null) return;
    if (remembered.has(key)) {
      setState({ key, data: remembered.get(key) as T, error: null });
      return;
    }
    setState((s) => (s.key === key ? s : { key, data: null, error: null }));
    const controller = new AbortController();
    getJson<T>(path, params, { signal: controller.signal }).then(
      (data) => {
        remember(key, data);
        setState({ key, data, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, data: null, error });
      },
    );
    return () => controller.abort();
    // `params` and `path` are part of `key`.
  }, [key, attempt]);

  const retry = useCallback(() => {
    if (key !== null) remembered.delete(key);
    setAttempt((n) => n + 1);
  }, [key]);

  const current = state.key === key;
  const data = current ? state.data : null;
  const error = current ? state.error : null;
  const last = useRef<T | null>(null);
  if (data !== null) last.current = data;
  return { data, previous: last.current, error, loading: key !== null && data === null && !error, retry };
}
