/**
 * The survey form's languages: Vietnamese first; English from `?lang=en` or the switch (kept in this browser's
 * localStorage under the same key as the other pages of chidao). A dictionary of a few dozen texts: no i18next,
 * the form must stay light. Pure helpers here; the React side in `i18n-react.tsx`.
 */
import { en } from '../locales/en';
import { vi, type MessageKey, type Messages } from '../locales/vi';

import { interpolate, type Lang, type Params } from '../../../public-site/src/lib/i18n-core';

export {
  interpolate,
  pickLanguage,
  placeholders,
  searchWithLang,
  STORAGE_KEY,
} from '../../../public-site/src/lib/i18n-core';
export type { Lang, Params } from '../../../public-site/src/lib/i18n-core';
export type Translate = (key: MessageKey, params?: Params) => string;
export type Bilingual = { vi: string; en: string };

export const catalogs: Record<Lang, Messages> = { vi, en };

export function translator(lang: Lang): Translate {
  const messages = catalogs[lang];
  return (key, params) => interpolate(messages[key], params);
}

/** A `{ vi, en }` text in the reader's language; English falls back to Vietnamese (the form's own language). */
export function pickText(value: Bilingual | null | undefined, lang: Lang): string {
  if (!value) return '';
  return (lang === 'en' ? value.en?.trim() || value.vi : value.vi || value.en) ?? '';
}

/**
 * The language a `{ vi, en }` text is actually shown in — Vietnamese when the English is missing — for the
 * `lang` attribute, so a screen reader pronounces it right.
 */
export function textLang(value: Bilingual | null | undefined, lang: Lang): Lang {
  return lang === 'en' && !value?.en?.trim() ? 'vi' : lang;
}
