/**
 * The public site's shell: one header for the whole portal (the province, the portal's sections, the language
 * switch), the hotline's own pages under its section, the page of the path, and a footer that says what is and is
 * not recorded. The hotline's pages and the portal's home are in the entry (the pages people land on: links on
 * receipts and posters, the portal's address); the portal's other pages are fetched on their first visit
 * (`import()`), so the first page stays light on a phone.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link } from './components/Link';
import { Loading } from './components/Status';
import { useOnline } from './lib/hooks';
import { I18nProvider, useI18n } from './lib/i18n-react';
import { navItems } from './lib/navigation';
import { PortalProvider, usePortal } from './lib/portal';
import { matchRoute, pageKey, pathFor, sectionOf, useLocation, type Route } from './lib/router';
import { SiteProvider, useSite } from './lib/site';
import { AnswersPage } from './pages/AnswersPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SubmitPage } from './pages/SubmitPage';
import { TrackPage } from './pages/TrackPage';
import HomePage from './portal/HomePage';

const ParIndexPage = lazy(() => import('./portal/ParIndexPage'));
const ParUnitPage = lazy(() => import('./portal/ParUnitPage'));
const DossiersPage = lazy(() => import('./portal/DossiersPage'));
const PlanPage = lazy(() => import('./portal/PlanPage'));
const PilotsPage = lazy(() => import('./portal/PilotsPage'));
const OpenDataPage = lazy(() => import('./portal/OpenDataPage'));

export function App() {
  return (
    <I18nProvider>
      <PortalProvider>
        <SiteProvider>
          <Shell />
        </SiteProvider>
      </PortalProvider>
    </I18nProvider>
  );
}

/** After a move to another page: to its top, and the focus to its heading once it is there. */
function useFocusOnNewPage(key: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const focusHeading = () => {
      const h1 = document.querySelector<HTMLElement>('main h1');
      h1?.focus();
      return !!h1;
    };
    if (focusHeading()) return;
    // A page fetched on its first visit: its heading arrives a moment later.
    const main = document.getElementById('main');
    if (!main) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [key]);
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const { form } = useSite();
  const portal = usePortal();
  const online = useOnline();
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname);
  const section = sectionOf(route);
  useFocusOnNewPage(pageKey(route));

  const other = lang === 'vi' ? 'en' : 'vi';
  const province = portal.data?.province.name || form?.province || '';
  const nav = navItems(portal.data?.sections);
  const hotlineNav: { route: Route; label: string; current: boolean }[] = [
    { route: { name: 'submit' }, label: t('nav.submit'), current: route.name === 'submit' },
    { route: { name: 'track', code: null }, label: t('nav.track'), current: route.name === 'track' },
    { route: { name: 'answers' }, label: t('nav.answers'), current: route.name === 'answers' },
  ];
  const publisher = portal.data?.publisher.name;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('site.skip')}
      </a>
      <header className="site-header">
        <div className="wrap site-header__top">
          <Link className="brand" href={pathFor({ name: 'home' })}>
            <svg className="brand__mark" aria-hidden="true" viewBox="0 0 24 24" width="32" height="32">
              <path
                fill="currentColor"
                d="M12 2 3 6.5V8h18V6.5L12 2zM5 10v7h2.5v-7H5zm5.75 0v7h2.5v-7h-2.5zM16.5 10v7H19v-7h-2.5zM3 19v2h18v-2H3z"
              />
            </svg>
            <span className="brand__text">
              {province ? <span className="brand__province">{province}</span> : null}
              <span className="brand__title">{t('portal.title')}</span>
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
        <nav className="site-nav" aria-label={t('portal.navLabel')}>
          <ul className="wrap">
            {nav.map((item) => (
              <li key={item.section}>
                <Link
                  href={pathFor(item.route)}
                  aria-current={
                    item.section === section
                      ? route.name === item.route.name && !isSubPage(route)
                        ? 'page'
                        : 'true'
                      : undefined
                  }
                >
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {section === 'hotline' ? (
          <nav className="sub-nav" aria-label={t('nav.label')}>
            <ul className="wrap">
              {hotlineNav.map((item) => (
                <li key={item.route.name}>
                  <Link href={pathFor(item.route)} aria-current={item.current ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      {!online ? (
        <p className="offline" role="status">
          {t('common.offline')}
        </p>
      ) : null}
      <main id="main" className="wrap" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Page route={route} search={search} />
        </Suspense>
        {section !== 'hotline' ? (
          <p className="print-only printed-url">
            {t('portal.printedFrom', { url: `${location.origin}${pathname}${search}` })}
          </p>
        ) : null}
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
          {publisher ? (
            <p className="site-footer__site">{t('portal.publisher', { name: publisher })}</p>
          ) : null}
          <p className="site-footer__site">
            {province ? `${province} — ` : ''}
            {section === 'hotline' ? t('site.title') : t('portal.title')}
          </p>
        </div>
      </footer>
    </>
  );
}

/** A page below its section's first page (its navigation entry is then "current", not "this page"). */
function isSubPage(route: Route): boolean {
  return (
    (route.name === 'parIndex' && route.year !== null) ||
    ((route.name === 'plan' || route.name === 'pilots') && route.year !== null)
  );
}

function Page({ route, search }: { route: Route; search: string }) {
  switch (route.name) {
    case 'submit':
      return <SubmitPage />;
    case 'track':
      return <TrackPage code={route.code} search={search} />;
    case 'answers':
      return <AnswersPage search={search} />;
    case 'home':
      return <HomePage />;
    case 'parIndex':
      return route.year !== null && route.unitId !== null ? (
        <ParUnitPage year={route.year} unitId={route.unitId} search={search} />
      ) : (
        <ParIndexPage year={route.year} search={search} />
      );
    case 'dossiers':
      return <DossiersPage search={search} />;
    case 'plan':
      return <PlanPage year={route.year} search={search} />;
    case 'pilots':
      return <PilotsPage year={route.year} search={search} />;
    case 'openData':
      return <OpenDataPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
