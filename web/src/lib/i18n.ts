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

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
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
