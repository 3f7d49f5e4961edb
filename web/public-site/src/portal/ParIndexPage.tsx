/**
 * `/cong-khai/chi-so-cchc[/<year>][?group=&q=]`: the published PAR Index of a year — the year and group switches,
 * the ranking (rank, unit, index %, points, grade, change from last year), a search over unit names that ignores
 * accents, and the same figures as a bar chart. Without a year: the newest published one.
 */
import { Link } from '../components/Link';
import { LoadError, Loading } from '../components/Status';
import { formatDate, formatNumber, pickText } from '../lib/format';
import { usePortalTitle } from '../lib/hooks';
import { useI18n } from '../lib/i18n-react';
import { usePortal } from '../lib/portal';
import { portalApi } from '../lib/portal-api';
import { readParam, withQuery } from '../lib/portal-query';
import type { ParGroup, ParYearOut } from '../lib/portal-types';
import { describeChange, filterRanking, pickGroup, rankingBars } from '../lib/ranking';
import { pathFor } from '../lib/router';
import { useJson } from '../lib/use-json';
import { chooseYear, sortYears } from '../lib/years';
import { ChangeCell, NotPublished, PercentBars, SearchBox, SelectNav, TableBox } from './components';

export default function ParIndexPage({ year, search }: { year: number | null; search: string }) {
  const { t } = useI18n();
  const portal = usePortal();
  const choice = chooseYear(year, portal.data?.years.par);
  const shownYear = choice.kind === 'year' || choice.kind === 'unpublished' ? choice.year : null;
  const title = shownYear ? t('par.titleYear', { year: shownYear }) : t('par.title');
  usePortalTitle(title);

  if (portal.data && !portal.data.sections.par) return <NotPublished title={t('par.title')} />;
  return (
    <article className="page page--portal">
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t('par.intro')}</p>
      {choice.kind === 'waiting' ? (
        portal.error ? (
          <LoadError error={portal.error} onRetry={portal.retry} />
        ) : (
          <Loading />
        )
      ) : choice.kind === 'none' ? (
        <p className="notice notice--info">{t('par.noYears')}</p>
      ) : choice.kind === 'unpublished' ? (
        <>
          <YearSwitch year={choice.year} search={search} />
          <p className="notice notice--info">{t('portal.yearNotPublished', { year: choice.year })}</p>
        </>
      ) : (
        <YearResults year={choice.year} search={search} />
      )}
    </article>
  );
}

function YearSwitch({ year, search }: { year: number; search: string }) {
  const { t } = useI18n();
  const years = sortYears([...(usePortal().data?.years.par ?? []), year]);
  return (
    <SelectNav
      label={t('portal.year')}
      value={String(year)}
      options={years.map((y) => ({ value: String(y), label: String(y) }))}
      hrefOf={(v) => pathFor({ name: 'parIndex', year: Number(v), unitId: null }) + withQuery(search, {})}
    />
  );
}

function YearResults({ year, search }: { year: number; search: string }) {
  const { t, lang } = useI18n();
  const result = useJson<ParYearOut>(portalApi.parYear(year));
  // Another year loading: the page stays as it was (the switch keeps the focus) until it arrives.
  const data = result.data ?? (result.error ? null : result.previous);
  const group = data ? pickGroup(data.groups, readParam(search, 'group')) : null;
  const here = pathFor({ name: 'parIndex', year, unitId: null });
  return (
    <>
      <div className="filters">
        <YearSwitch year={year} search={search} />
        {data && data.groups.length > 1 && group ? (
          <SelectNav
            label={t('par.group')}
            value={group.group}
            options={data.groups.map((g) => ({ value: g.group, label: pickText(g.groupName, lang) }))}
            hrefOf={(v) => here + withQuery(search, { group: v })}
          />
        ) : null}
      </div>
      {data ? (
        <>
          <p className="muted small">
            {data.publishedOn ? `${t('par.publishedOn', { date: formatDate(data.publishedOn) })} · ` : ''}
            {t('portal.asOf', { date: formatDate(data.asOf) })}
          </p>
          {group ? (
            <Ranking year={data.year} group={group} search={search} />
          ) : (
            <p className="notice notice--info">{t('par.noYears')}</p>
          )}
        </>
      ) : result.error ? (
        <LoadError error={result.error} onRetry={result.retry} />
      ) : (
        <Loading />
      )}
    </>
  );
}

function Ranking({ year, group, search }: { year: number; group: ParGroup; search: string }) {
  const { t, lang } = useI18n();
  const q = readParam(search, 'q');
  const rows = filterRanking(group.rows, q);
  const groupName = pickText(group.groupName, lang);
  const here = pathFor({ name: 'parIndex', year, unitId: null });
  return (
    <>
      <SearchBox
        label={t('par.search')}
        hint={t('portal.searchHint')}
        value={q}
        hrefOf={(text) => here + withQuery(search, { q: text })}
      />
      <p className="result-count" role="status">
        {q
          ? rows.length
            ? t('portal.shown', { shown: formatNumber(rows.length), total: formatNumber(group.rows.length) })
            : t('portal.noMatch', { q })
          : ''}
      </p>
      {rows.length ? (
        <>
          <TableBox label={t('par.tableCaption', { year, group: groupName })}>
            <table className="table">
              <caption>{t('par.tableCaption', { year, group: groupName })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('par.col.rank')}
                  </th>
                  <th scope="col">{t('par.col.unit')}</th>
                  <th scope="col" className="num">
                    {t('par.col.percent')}
                  </th>
                  <th scope="col" className="num hide-narrow">
                    {t('par.col.points')}
                  </th>
                  <th scope="col">{t('par.col.grade')}</th>
                  <th scope="col" className="num">
                    {t('par.col.change')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.unitId}>
                    <td className="num">{r.rank}</td>
                    <th scope="row">
                      <Link href={pathFor({ name: 'parIndex', year, unitId: r.unitId })}>{r.unitName}</Link>
                    </th>
                    <td className="num strong">{formatNumber(r.percent, 2)}</td>
                    <td className="num hide-narrow">
                      {formatNumber(r.points, 2)}/{formatNumber(r.maxPoints, 2)}
                    </td>
                    <td>{pickText(r.gradeName, lang) || r.grade}</td>
                    <td className="num">
                      <ChangeCell change={describeChange(r.change)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
          <p className="muted small">{t('par.changeNote')}</p>
          <PercentBars
            items={rankingBars(rows)}
            title={t('par.chartTitle', { year, group: groupName })}
            description={t('par.chartDesc')}
          />
        </>
      ) : null}
    </>
  );
}
