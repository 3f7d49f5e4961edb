/**
 * The public hotline's shell: header (the province from the form's answer, the pages, the language switch),
 * the page of the path, and a footer that says what is and is not recorded.
 */
import { useEffect, useRef } from 'react';
import { Link } from './components/Link';
import { useOnline } from './lib/hooks';
import { I18nProvider, useI18n } from './lib/i18n-react';
import { matchRoute, pathFor, useLocation, type Route } from './lib/router';
import { SiteProvider, useSite } from './lib/site';
import { AnswersPage } from './pages/AnswersPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SubmitPage } from './pages/SubmitPage';
import { TrackPage } from './pages/TrackPage';

export function App() {
  return (
    <I18nProvider>
      <SiteProvider>
        <Shell />
      </SiteProvider>
    </I18nProvider>
  );
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const { form } = useSite();
  const online = useOnline();
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname);
  const first = useRef(true);

  // A new page: to its top, and the focus to its heading (a screen reader hears where it is).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [pathname]);

  const other = lang === 'vi' ? 'en' : 'vi';
  const nav: { route: Route; label: string; current: boolean }[] = [
    { route: { name: 'submit' }, label: t('nav.submit'), current: route.name === 'submit' },
    { route: { name: 'track', code: null }, label: t('nav.track'), current: route.name === 'track' },
    { route: { name: 'answers' }, label: t('nav.answers'), current: route.name === 'answers' },
  ];

  return (
    <>
      <a className="skip-link" href="#main">
        {t('site.skip')}
      </a>
      <header className="site-header">
        <div className="wrap site-header__top">
          <Link className="brand" href={pathFor({ name: 'submit' })}>
            <svg className="brand__mark" aria-hidden="true" viewBox="0 0 24 24" width="32" height="32">
              <path
                fill="currentColor"
                d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.46.57 3.6a1 1 0 0 1-.25 1z"
              />
            </svg>
            <span className="brand__text">
              {form?.province ? <span className="brand__province">{form.province}</span> : null}
              <span className="brand__title">{t('site.title')}</span>
            </span>
          </Link>
          <button
            type="button"
            className="lang-switch"
            lang={other}
            aria-label={t('lang.switchLabel')}
            onClick={() => setLang(other)}
          >
            {t('lang.switch')}
          </button>
        </div>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="wrap">
            {nav.map((item) => (
              <li key={item.route.name}>
                <Link href={pathFor(item.route)} aria-current={item.current ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {!online ? (
        <p className="offline" role="status">
          {t('common.offline')}
        </p>
      ) : null}
      <main id="main" className="wrap" tabIndex={-1}>
        {route.name === 'submit' ? (
          <SubmitPage />
        ) : route.name === 'track' ? (
          <TrackPage code={route.code} search={search} />
        ) : route.name === 'answers' ? (
          <AnswersPage search={search} />
        ) : (
          <NotFoundPage />
        )}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <h2 className="site-footer__title">{t('footer.privacy')}</h2>
          <ul>
            <li>{t('footer.noTracking')}</li>
            <li>{t('footer.recorded')}</li>
            <li>{t('footer.serverLog')}</li>
            <li>{t('footer.language')}</li>
          </ul>
          <p className="site-footer__site">
            {form?.province ? `${form.province} — ` : ''}
            {t('site.title')}
          </p>
        </div>
      </footer>
    </>
  );
}
