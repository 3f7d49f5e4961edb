/**
 * The survey form's shell: a header (the province, once the form has said it; the language switch), the form
 * of the path, and nothing else — no menu, no link away: a respondent scanning a poster has one thing to do.
 */
import { useCallback, useMemo, useState } from 'react';
import { useOnline } from './lib/hooks';
import { I18nProvider, useI18n } from './lib/i18n-react';
import { matchRoute } from './lib/router';
import { SurveyPage } from './pages/SurveyPage';

export function App() {
  return (
    <I18nProvider>
      <Shell />
    </I18nProvider>
  );
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const online = useOnline();
  // The form has no navigation: the path is read once.
  const route = useMemo(() => matchRoute(location.pathname), []);
  const [province, setProvince] = useState<string | null>(null);
  const onProvince = useCallback((name: string) => setProvince(name || null), []);
  const other = lang === 'vi' ? 'en' : 'vi';

  return (
    <>
      <a className="skip-link" href="#main">
        {t('site.skip')}
      </a>
      <header className="site-header">
        <div className="wrap site-header__row">
          <p className="brand">
            {province ? (
              <span
                className="brand__province"
                lang={lang === 'en' ? 'vi' : undefined}
                data-testid="province"
              >
                {province}
              </span>
            ) : null}
            <span className="brand__title">{t('site.title')}</span>
          </p>
          <button
            type="button"
            className="lang-switch"
            lang={other}
            aria-label={t('lang.switchLabel')}
            data-testid="lang-switch"
            onClick={() => setLang(other)}
          >
            {t('lang.switch')}
          </button>
        </div>
      </header>
      {!online ? (
        <p className="offline" role="status">
          <span className="wrap">{t('common.offline')}</span>
        </p>
      ) : null}
      <main id="main" className="wrap" tabIndex={-1}>
        {route.name === 'form' ? (
          <SurveyPage formRef={route.ref} onProvince={onProvince} />
        ) : (
          <article className="page" data-testid="not-found">
            <h1 tabIndex={-1}>{t('notFound.title')}</h1>
            <p>{t('notFound.body')}</p>
          </article>
        )}
      </main>
    </>
  );
}
