import { useEffect, useState } from 'react';
import { useI18n } from './i18n-react';
import type { MessageKey } from '../locales/vi';

/** The document's title: the page's name, then the site's. */
export function useTitle(key: MessageKey, params?: Record<string, string>) {
  const { t } = useI18n();
  const page = t(key, params);
  useEffect(() => {
    document.title = t('site.pageTitle', { page });
  }, [t, page]);
}

/** `navigator.onLine`, kept up to date. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
