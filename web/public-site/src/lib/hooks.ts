import { useEffect, useState } from 'react';

export { useOnline } from './online';
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

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The document's title on a portal page: its name (already in the reader's language), then the portal's. */
export function usePortalTitle(page: string) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = page ? t('portal.pageTitle', { page }) : t('portal.title');
  }, [t, page]);
}
