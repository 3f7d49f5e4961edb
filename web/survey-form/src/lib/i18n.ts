/**
 * The survey form's languages: Vietnamese first; English from `?lang=en` or the switch (kept in this browser's
 * localStorage under the same key as the other pages of chidao). A dictionary of a few dozen texts: no i18next,
 * the form must stay light. Pure helpers here; the React side in `i18n-react.tsx`.
 */
import { en } from '../locales/en';
import { vi, type MessageKey, type Messages } from '../locales/vi';

export type Lang = 'vi' | 'en';
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;
export type Bilingual = { vi: string; en: string };

export const STORAGE_KEY = 'chidao.language';
export const catalogs: Record<Lang, Messages> = { vi, en };

/** `?lang=` wins (a shared link), then what this browser chose before, then Vietnamese. */
export function pickLanguage(search: string, stored: string | null | undefined): Lang {
  const asked = new URLSearchParams(search).get('lang')?.trim().toLowerCase();
  if (asked === 'en' || asked === 'vi') return asked;
  return stored === 'en' ? 'en' : 'vi';
}

/** `{name}` placeholders replaced by `params.name`; an unknown placeholder is left as it is. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function translator(lang: Lang): Translate {
  const messages = catalogs[lang];
  return (key, params) => interpolate(messages[key], params);
}

/** The placeholders a text uses, sorted (the locale parity test compares them). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/** The current URL's search with `lang` set for English, or removed for Vietnamese (the default). */
export function searchWithLang(search: string, lang: Lang): string {
  const params = new URLSearchParams(search);
  if (lang === 'en') params.set('lang', 'en');
  else params.delete('lang');
  const s = params.toString();
  return s ? `?${s}` : '';
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
