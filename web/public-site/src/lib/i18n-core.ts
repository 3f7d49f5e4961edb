/**
 * What the public pages' languages share, free of any page's texts (the hotline's pages and the survey form each
 * keep their own small dictionary): Vietnamese first; English from `?lang=en` or the switch, kept in this
 * browser's localStorage under the same key as the staff app's.
 */
export type Lang = 'vi' | 'en';
export type Params = Record<string, string | number>;

export const STORAGE_KEY = 'chidao.language';

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

/** The placeholders a text uses, sorted (the locale parity tests compare them). */
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
