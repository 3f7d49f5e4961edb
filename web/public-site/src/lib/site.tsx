/**
 * What every page may need from `GET /api/public/hotline/form`: the province's name (header), the categories
 * (the form, the answers' filter), the attachment limits and the deadlines in working days. Loaded once, on the
 * first visit of a hotline page (the portal's pages do not need it).
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { API, getJson } from './api';
import { matchRoute, sectionOf, useLocation } from './router';
import type { PublicForm } from './types';

type Site = {
  form: PublicForm | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
};
const SiteContext = createContext<Site | null>(null);

export function SiteProvider({ children }: { children: ReactNode }) {
  const [form, setForm] = useState<PublicForm | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const { pathname } = useLocation();
  const wanted = useRef(false);
  if (sectionOf(matchRoute(pathname)) === 'hotline') wanted.current = true;
  const load = wanted.current;
  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    getJson<PublicForm>(`${API}/form`, undefined, { signal: controller.signal }).then(
      (data) => {
        setForm(data);
        setError(null);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
    return () => controller.abort();
  }, [attempt, load]);
  const reload = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);
  return (
    <SiteContext.Provider value={{ form, error, loading: !form && !error, reload }}>
      {children}
    </SiteContext.Provider>
  );
}

export function useSite(): Site {
  const value = useContext(SiteContext);
  if (!value) throw new Error('useSite outside SiteProvider');
  return value;
}
