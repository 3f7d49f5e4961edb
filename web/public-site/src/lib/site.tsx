/**
 * What every page may need from `GET /api/public/hotline/form`: the province's name (header), the categories
 * (the form, the answers' filter), the attachment limits and the deadlines in working days. Loaded once.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { API, getJson } from './api';
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
  useEffect(() => {
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
  }, [attempt]);
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
