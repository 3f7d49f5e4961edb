import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/vi';
import en from '../locales/en.json';
import vi from '../locales/vi.json';
import { setLocaleGetter } from './api';

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

function applyLanguage(lng: string) {
  const lang: Language = lng === 'en' ? 'en' : 'vi';
  document.documentElement.lang = lang;
  dayjs.locale(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

type Messages = { [key: string]: string | Messages };

/**
 * The texts: the shell's and the shared components' (`web/src/locales/`), and each feature's own, from its
 * folder (`web/src/features/<name>/locales/{vi,en}.json`, or a sub-folder's own `locales/`, found by the build — a new feature adds its files,
 * nothing here). Features may add entries to shared sections (their `nav` labels): merged key by key.
 */
function merged(base: Messages, parts: Record<string, { default: Messages }>): Messages {
  const out: Messages = structuredClone(base);
  const into = (target: Messages, add: Messages, where: string) => {
    for (const [key, value] of Object.entries(add)) {
      const current = target[key];
      if (typeof value === 'object' && (current === undefined || typeof current === 'object'))
        into((target[key] ??= {}) as Messages, value, `${where}${key}.`);
      else if (current !== undefined) throw new Error(`text ${where}${key} is declared twice`);
      else target[key] = value;
    }
  };
  for (const part of Object.values(parts)) into(out, part.default, '');
  return out;
}
const featureTexts = {
  vi: import.meta.glob<{ default: Messages }>('../features/**/locales/vi.json', { eager: true }),
  en: import.meta.glob<{ default: Messages }>('../features/**/locales/en.json', { eager: true }),
};

void i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: merged(vi, featureTexts.vi) },
    en: { translation: merged(en, featureTexts.en) },
  },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);
setLocaleGetter(() => (i18n.language === 'en' ? 'en' : 'vi'));

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export function setLanguage(lang: Language) {
  void i18n.changeLanguage(lang);
}

export default i18n;
