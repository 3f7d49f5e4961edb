import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from './api';
import { pickLanguage, searchWithLang, STORAGE_KEY, translator, type Lang, type Translate } from './i18n';
import { navigate } from './router';

type I18n = { lang: Lang; t: Translate; setLang: (lang: Lang) => void };
const I18nContext = createContext<I18n | null>(null);

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: the choice lasts for this page
  }
}

function store(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // see readStored
  }
}

function apply(lang: Lang) {
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const picked = pickLanguage(location.search, readStored());
    // A link with ?lang= is a choice too: later pages opened without it keep the language.
    if (new URLSearchParams(location.search).has('lang')) store(picked);
    apply(picked);
    return picked;
  });
  const setLang = useCallback((next: Lang) => {
    store(next);
    apply(next);
    setLangState(next);
    navigate(location.pathname + searchWithLang(location.search, next), { replace: true });
  }, []);
  const value = useMemo(() => ({ lang, t: translator(lang), setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** One language, without the address or the browser's storage (static rendering: tests). */
export function FixedLanguage({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: translator(lang), setLang: () => {} }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
