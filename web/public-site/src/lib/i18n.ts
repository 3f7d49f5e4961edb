/**
 * Languages of the public pages: the hotline's dictionary over the shared helpers (./i18n-core.ts). The React side
 * in `i18n-react.tsx`.
 */
import { en } from '../locales/en';
import { vi, type MessageKey, type Messages } from '../locales/vi';
import { interpolate, type Lang, type Params } from './i18n-core';

export { interpolate, pickLanguage, placeholders, searchWithLang, STORAGE_KEY } from './i18n-core';
export type { Lang, Params } from './i18n-core';
export type Translate = (key: MessageKey, params?: Params) => string;

export const catalogs: Record<Lang, Messages> = { vi, en };

export function translator(lang: Lang): Translate {
  const messages = catalogs[lang];
  return (key, params) => interpolate(messages[key], params);
}
