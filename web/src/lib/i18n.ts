import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/vi';
import vi from '../locales/vi.json';
import { setLocaleGetter } from './api';
import { merged, type Messages } from './i18n-texts';

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];
const STORAGE_KEY = 'chidao.language';

dayjs.extend(customParseFormat);

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function showLanguage(lng: string): Language {
  const lang: Language = lng === 'en' ? 'en' : 'vi';
  document.documentElement.lang = lang;
  dayjs.locale(lang);
  return lang;
}

function rememberLanguage(lng: string) {
  try {
    localStorage.setItem(STORAGE_KEY, showLanguage(lng));
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** Vietnamese texts come with the first page; English ones are loaded when chosen (`./i18n-en`). */
const vietnamese = merged(
  vi,
  import.meta.glob<{ default: Messages }>('../features/**/locales/vi.json', { eager: true }),
);

/**
 * Texts that come with a feature's pages rather than the first page (`features/<name>/…/page-locales/<lang>.json`:
 * large features whose texts would weigh on everyone's first load — the PAR Index, the standings). A feature's
 * pages are imported through `withPageTexts`, which adds its texts in the reader's language before the page
 * renders; the feature's navigation labels stay in its eager `locales/`.
 */
const PAGE_TEXTS: Record<Language, Record<string, () => Promise<{ default: Messages }>>> = {
  vi: import.meta.glob<{ default: Messages }>('../features/**/page-locales/vi.json'),
  en: import.meta.glob<{ default: Messages }>('../features/**/page-locales/en.json'),
};
const featuresWithTexts = new Set<string>();

async function addPageTexts(feature: string, lang: Language): Promise<void> {
  const prefix = `../features/${feature}/`;
  const parts = Object.entries(PAGE_TEXTS[lang]).filter(([file]) => file.startsWith(prefix));
  const loaded = await Promise.all(parts.map(async ([file, load]) => [file, await load()] as const));
  i18n.addResourceBundle(lang, 'translation', merged({}, Object.fromEntries(loaded)), true, false);
}

/** A lazy page's import, run once its feature's page texts are loaded (in Vietnamese, and English when chosen). */
export function withPageTexts<T>(feature: string, importPage: () => Promise<T>): () => Promise<T> {
  return async () => {
    if (!featuresWithTexts.has(feature)) {
      const langs: Language[] = i18n.hasResourceBundle('en', 'translation') ? ['vi', 'en'] : ['vi'];
      await Promise.all(langs.map((lang) => addPageTexts(feature, lang)));
      featuresWithTexts.add(feature);
    }
    return importPage();
  };
}

async function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'vi' || i18n.hasResourceBundle(lang, 'translation')) return;
  const { default: texts } = await import('./i18n-en');
  i18n.addResourceBundle(lang, 'translation', texts);
  // The page texts of the features already opened, in the new language too.
  await Promise.all([...featuresWithTexts].map((feature) => addPageTexts(feature, lang)));
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vietnamese } },
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

const chosen = storedLanguage();
showLanguage(i18n.language);
i18n.on('languageChanged', rememberLanguage);

/**
 * Settled once the reader's language (the one chosen last time on this browser) has its texts: the first render
 * waits for it, so an English reader never sees Vietnamese flash first. If English cannot be fetched, Vietnamese.
 */
export const i18nReady: Promise<void> = (async () => {
  if (chosen === 'vi') return;
  try {
    await setLanguage(chosen);
  } catch {
    // offline or a deploy in between: this page stays in Vietnamese, the choice is kept for the next one
  }
})();
setLocaleGetter(() => (i18n.language === 'en' ? 'en' : 'vi'));

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** Switches the language once its texts are here (English is fetched the first time it is chosen). */
export async function setLanguage(lang: Language): Promise<void> {
  await loadLanguage(lang);
  await i18n.changeLanguage(lang);
}

export default i18n;
