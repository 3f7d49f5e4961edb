/**
 * `/cong-khai`: the province's key figures as big numbers with the window they cover, the latest PAR Index's
 * leading units, the latest answered feedback, and a link to each published section. A section the province has
 * not published does not appear.
 */
import { Link } from '../components/Link';
import { LoadError, Loading } from '../components/Status';
import { API } from '../lib/api';
import { windowText } from '../lib/figures';
import { formatDate, formatNumber, formatPercent, pickText } from '../lib/format';
import { usePortalTitle } from '../lib/hooks';
import { useI18n } from '../lib/i18n-react';
import { isPublished, navItems } from '../lib/navigation';
import { usePortal } from '../lib/portal';
import type { PortalHomeOut } from '../lib/portal-types';
import { pathFor } from '../lib/router';
import type { PublishedList } from '../lib/types';
import { useJson } from '../lib/use-json';
import { Figure } from './components';

export default function HomePage() {
  const { t } = useI18n();
  const portal = usePortal();
  const home = portal.data;
  const title = home?.province.name
    ? t('home.titleProvince', { province: home.province.name })
    : t('home.title');
  usePortalTitle(t('nav.home'));
  return (
    <article className="page page--portal">
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t('home.intro')}</p>
      {home ? (
        <HomeBody home={home} />
      ) : portal.error ? (
        <LoadError error={portal.error} onRetry={portal.retry} />
      ) : (
        <Loading />
      )}
    </article>
  );
}

function HomeBody({ home }: { home: PortalHomeOut }) {
  const { t, lang } = useI18n();
  const { figures, sections } = home;
  const asOf = home.updatedAt.slice(0, 10);
  const anything = sections.par || sections.dossiers || sections.plan || sections.pilots || sections.feedback;
  return (
    <div data-testid="portal-home">
      {!anything ? <p className="notice notice--info">{t('home.nothingYet')}</p> : null}
      <KeyFigures home={home} />
      {sections.par && figures.par && figures.par.groups.length ? (
        <section className="block" aria-labelledby="home-par">
          <h2 id="home-par">{t('home.parTitle', { year: figures.par.year })}</h2>
          <div className="top-groups">
            {figures.par.groups.map((g) => (
              <div key={g.group} className="top-group">
                <h3>{pickText(g.groupName, lang)}</h3>
                <ol className="top-list">
                  {g.top.map((u) => (
                    <li key={u.unitId}>
                      <span className="top-list__rank">{u.rank}</span>
                      <Link
                        className="top-list__name"
                        href={pathFor({ name: 'parIndex', year: figures.par!.year, unitId: u.unitId })}
                      >
                        {u.unitName}
                      </Link>
                      <span className="top-list__value">{formatPercent(u.percent, 2)}</span>
                    </li>
                  ))}
                </ol>
                <p>
                  <Link
                    href={pathFor(
                      { name: 'parIndex', year: figures.par!.year, unitId: null },
                      { group: g.group },
                    )}
                  >
                    {t('home.parAll')}
                  </Link>
                </p>
              </div>
            ))}
          </div>
        </section>
      ) : null}
      {sections.feedback ? <LatestAnswers /> : null}
      <section className="block" aria-labelledby="home-sections">
        <h2 id="home-sections">{t('home.sectionsTitle')}</h2>
        <ul className="section-links">
          {navItems(sections)
            .filter((item) => item.description && isPublished(item.section, sections))
            .map((item) => (
              <li key={item.section}>
                <Link href={pathFor(item.route)}>{t(item.label)}</Link>
                <span>{t(item.description!)}</span>
              </li>
            ))}
        </ul>
      </section>
      <p className="muted small">
        {t('portal.updated', { date: formatDate(asOf) })}
        {home.publisher.name ? ` · ${t('portal.publisher', { name: home.publisher.name })}` : ''}
      </p>
    </div>
  );
}

function KeyFigures({ home }: { home: PortalHomeOut }) {
  const { t } = useI18n();
  const { figures, sections } = home;
  const groups: {
    key: string;
    window: string;
    link: string;
    items: { value: string; label: string; detail?: string }[];
  }[] = [];
  if (sections.dossiers && figures.dossiers) {
    const d = figures.dossiers;
    groups.push({
      key: 'dossiers',
      window: windowText(t, d.year, d.to),
      link: pathFor({ name: 'dossiers' }, { year: String(d.year) }),
      items: [
        { value: formatNumber(d.received), label: t('home.fig.received') },
        ...(d.onTimePercent !== null
          ? [{ value: formatPercent(d.onTimePercent), label: t('home.fig.onTime') }]
          : []),
        ...(d.onlinePercent !== null
          ? [{ value: formatPercent(d.onlinePercent), label: t('home.fig.online') }]
          : []),
      ],
    });
  }
  if (sections.plan && figures.plan) {
    const p = figures.plan;
    groups.push({
      key: 'plan',
      window: windowText(t, p.year),
      link: pathFor({ name: 'plan', year: p.year }),
      items: [
        {
          value: formatPercent(p.completionPercent) || t('portal.noValue'),
          label: t('home.fig.plan'),
          detail: t('home.fig.planDetail', {
            done: formatNumber(p.done),
            total: formatNumber(p.total),
            overdue: formatNumber(p.overdue),
          }),
        },
      ],
    });
  }
  if (sections.feedback && figures.feedback) {
    const f = figures.feedback;
    groups.push({
      key: 'feedback',
      window: windowText(t, f.year),
      link: pathFor({ name: 'answers' }),
      items: [
        { value: formatNumber(f.answered), label: t('home.fig.answered') },
        ...(f.onTimePercent !== null
          ? [
              {
                value: formatPercent(f.onTimePercent),
                label: t('home.fig.answeredOnTime'),
                detail: t('home.fig.answeredDetail', {
                  onTime: formatNumber(f.answeredOnTime),
                  answered: formatNumber(f.answered),
                }),
              },
            ]
          : []),
      ],
    });
  }
  if (groups.length === 0) return null;
  return (
    <section className="block" aria-labelledby="home-figures">
      <h2 id="home-figures">{t('home.figures')}</h2>
      {groups.map((g) => (
        <div key={g.key} className="figure-group">
          <p className="figure-group__window">
            <Link href={g.link}>{g.window}</Link>
          </p>
          <div className="figures">
            {g.items.map((item) => (
              <Figure key={item.label} value={item.value} label={item.label} detail={item.detail} />
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}

function LatestAnswers() {
  const { t } = useI18n();
  const answers = useJson<PublishedList>(`${API}/answers`, { limit: 5, offset: 0 });
  return (
    <section className="block" aria-labelledby="home-answers">
      <h2 id="home-answers">{t('home.answersTitle')}</h2>
      {answers.data ? (
        answers.data.items.length ? (
          <ul className="latest-answers">
            {answers.data.items.map((item) => (
              <li key={item.code}>
                <Link href={pathFor({ name: 'track', code: item.code })}>{item.title}</Link>
                <span className="muted small">
                  {item.handlingUnit ? `${item.handlingUnit} · ` : ''}
                  {item.answeredOn ? t('answers.answeredOn', { date: formatDate(item.answeredOn) }) : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('home.answersNone')}</p>
        )
      ) : answers.error ? (
        <LoadError error={answers.error} onRetry={answers.retry} />
      ) : (
        <Loading />
      )}
      <p>
        <Link href={pathFor({ name: 'answers' })}>{t('home.answersAll')}</Link>
      </p>
    </section>
  );
}
