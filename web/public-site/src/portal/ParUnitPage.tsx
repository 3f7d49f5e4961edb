/**
 * `/cong-khai/chi-so-cchc/<year>/<unitId>`: one unit's published PAR Index — its index, rank, points, grade and
 * change from last year, then its points by field and criterion (no evidence, no appraisers' notes).
 */
import { Fragment } from 'react';
import { Link } from '../components/Link';
import { LoadError, Loading } from '../components/Status';
import { formatNumber, formatPercent, pickText } from '../lib/format';
import { usePortalTitle } from '../lib/hooks';
import { useI18n } from '../lib/i18n-react';
import { usePortal } from '../lib/portal';
import { portalApi } from '../lib/portal-api';
import { withQuery } from '../lib/portal-query';
import type { ParUnitOut } from '../lib/portal-types';
import { describeChange } from '../lib/ranking';
import { pathFor } from '../lib/router';
import { useJson } from '../lib/use-json';
import { ChangeCell, NotPublished, TableBox } from './components';

export default function ParUnitPage({
  year,
  unitId,
  search,
}: {
  year: number;
  unitId: string;
  search: string;
}) {
  const { t } = useI18n();
  const portal = usePortal();
  const result = useJson<ParUnitOut>(
    portal.data && !portal.data.sections.par ? null : portalApi.parUnit(year, unitId),
  );
  const unit = result.data;
  const title = unit ? t('par.unitTitle', { unit: unit.unitName, year }) : t('par.titleYear', { year });
  usePortalTitle(title);
  const back = (
    <p className="no-print">
      <Link href={pathFor({ name: 'parIndex', year, unitId: null }) + withQuery(search, {})}>
        ← {t('par.unitBack', { year })}
      </Link>
    </p>
  );

  if (portal.data && !portal.data.sections.par) return <NotPublished title={t('par.title')} />;
  return (
    <article className="page page--portal">
      {back}
      <h1 tabIndex={-1}>{title}</h1>
      {unit ? (
        <UnitBody unit={unit} />
      ) : result.error ? (
        <LoadError error={result.error} onRetry={result.retry} />
      ) : (
        <Loading />
      )}
    </article>
  );
}

function UnitBody({ unit }: { unit: ParUnitOut }) {
  const { t, lang } = useI18n();
  return (
    <>
      <p className="lead">{pickText(unit.groupName, lang)}</p>
      <dl className="facts facts--figures">
        <div className="facts__row">
          <dt>{t('par.col.percent')}</dt>
          <dd className="big-number">{formatPercent(unit.percent, 2)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('par.col.rank')}</dt>
          <dd>{t('par.rankOf', { rank: unit.rank, of: unit.rankOf })}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('par.col.points')}</dt>
          <dd>
            {t('par.unitPoints', {
              points: formatNumber(unit.points, 2),
              max: formatNumber(unit.maxPoints, 2),
            })}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('par.col.grade')}</dt>
          <dd>{pickText(unit.gradeName, lang) || unit.grade}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('par.col.change')}</dt>
          <dd>
            <ChangeCell change={describeChange(unit.change)} />
            {unit.previousPercent !== null ? (
              <span className="muted">
                {' '}
                ({t('par.unitPrevious', { percent: formatPercent(unit.previousPercent, 2) })})
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
      <section className="block" aria-labelledby="unit-fields">
        <h2 id="unit-fields">{t('par.unitFields')}</h2>
        <TableBox label={t('par.fieldCaption', { unit: unit.unitName })}>
          <table className="table table--tree">
            <caption>{t('par.fieldCaption', { unit: unit.unitName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('par.col.field')}</th>
                <th scope="col" className="num">
                  {t('par.col.fieldPoints')}
                </th>
                <th scope="col" className="num">
                  {t('par.col.max')}
                </th>
                <th scope="col" className="num">
                  {t('par.col.fieldPercent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {unit.fields.map((f) => (
                <Fragment key={f.code}>
                  <tr className="row--group">
                    <th scope="row">
                      <span className="code">{f.code}</span> {pickText(f.name, lang)}
                    </th>
                    <td className="num strong">{formatNumber(f.points, 2)}</td>
                    <td className="num">{formatNumber(f.maxPoints, 2)}</td>
                    <td className="num">{formatPercent(f.percent)}</td>
                  </tr>
                  {f.criteria.map((c) => (
                    <tr key={`${f.code}/${c.code}`} className="row--child">
                      <th scope="row">
                        <span className="code">{c.code}</span> {pickText(c.name, lang)}
                      </th>
                      <td className="num">{formatNumber(c.points, 2)}</td>
                      <td className="num">{formatNumber(c.maxPoints, 2)}</td>
                      <td className="num">
                        {c.maxPoints > 0 ? formatPercent((c.points / c.maxPoints) * 100) : ''}
                      </td>
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </TableBox>
      </section>
    </>
  );
}
