/**
 * `/cong-khai/ho-so[?year=&period=&q=&sort=]`: the QĐ 766 key figures of administrative-procedure dossiers — the
 * province's totals for the period, each explained in one line, then a table by unit (received, resolved, on
 * time, online), sortable by any column and searchable by name.
 */
import { LoadError, Loading } from '../components/Status';
import {
  DEFAULT_DOSSIER_SORT,
  dossierRows,
  naturalDir,
  parseDossierSort,
  type DossierColumn,
} from '../lib/dossier-table';
import { formatDate, formatNumber, formatPercent, pickText } from '../lib/format';
import { usePortalTitle } from '../lib/hooks';
import { useI18n } from '../lib/i18n-react';
import type { MessageKey } from '../locales/vi';
import { usePortal } from '../lib/portal';
import { portalApi } from '../lib/portal-api';
import { nextSort, readParam, sortParam, withQuery } from '../lib/portal-query';
import type { DossierFiguresOut, DossiersOut } from '../lib/portal-types';
import { navigate, parseYear, pathFor } from '../lib/router';
import { useJson } from '../lib/use-json';
import { sortYears } from '../lib/years';
import { NotPublished, SearchBox, SelectNav, SortHeader, TableBox } from './components';

/** The totals shown, in order: the figure, its label and its one-line explanation. */
const TOTALS: readonly {
  key: keyof DossierFiguresOut;
  label: MessageKey;
  explain: MessageKey;
  kind: 'count' | 'percent' | 'days';
}[] = [
  { key: 'received', label: 'dossiers.fig.received', explain: 'dossiers.explain.received', kind: 'count' },
  { key: 'resolved', label: 'dossiers.fig.resolved', explain: 'dossiers.explain.resolved', kind: 'count' },
  {
    key: 'processing',
    label: 'dossiers.fig.processing',
    explain: 'dossiers.explain.processing',
    kind: 'count',
  },
  { key: 'onTimePercent', label: 'dossiers.fig.onTime', explain: 'dossiers.explain.onTime', kind: 'percent' },
  {
    key: 'resolvedEarlyOrOnTimePercent',
    label: 'dossiers.fig.earlyOnTime',
    explain: 'dossiers.explain.earlyOnTime',
    kind: 'percent',
  },
  { key: 'onlinePercent', label: 'dossiers.fig.online', explain: 'dossiers.explain.online', kind: 'percent' },
  {
    key: 'onlinePaymentPercent',
    label: 'dossiers.fig.onlinePayment',
    explain: 'dossiers.explain.onlinePayment',
    kind: 'percent',
  },
  {
    key: 'digitisationPercent',
    label: 'dossiers.fig.digitisation',
    explain: 'dossiers.explain.digitisation',
    kind: 'percent',
  },
  {
    key: 'eResultPercent',
    label: 'dossiers.fig.eResult',
    explain: 'dossiers.explain.eResult',
    kind: 'percent',
  },
  {
    key: 'satisfactionPercent',
    label: 'dossiers.fig.satisfaction',
    explain: 'dossiers.explain.satisfaction',
    kind: 'percent',
  },
  {
    key: 'averageProcessingDays',
    label: 'dossiers.fig.averageDays',
    explain: 'dossiers.explain.averageDays',
    kind: 'days',
  },
];

export default function DossiersPage({ search }: { search: string }) {
  const { t } = useI18n();
  const portal = usePortal();
  usePortalTitle(t('dossiers.title'));
  const published = !portal.data || portal.data.sections.dossiers;
  const year = parseYear(readParam(search, 'year'));
  const period = readParam(search, 'period');
  const result = useJson<DossiersOut>(published ? portalApi.dossiers() : null, {
    year: year ?? undefined,
    period: period || undefined,
  });

  if (!published) return <NotPublished title={t('dossiers.title')} />;
  const noYears = portal.data && portal.data.years.dossiers.length === 0;
  // Another year or period loading: the page stays as it was (its switches keep the focus) until it arrives.
  const shown = result.data ?? (result.error ? null : result.previous);
  return (
    <article className="page page--portal">
      <h1 tabIndex={-1}>{t('dossiers.title')}</h1>
      <p className="lead">{t('dossiers.intro')}</p>
      {noYears ? (
        <p className="notice notice--info">{t('dossiers.noYears')}</p>
      ) : shown ? (
        <div aria-busy={result.loading}>
          <DossiersBody data={shown} search={search} />
        </div>
      ) : result.error ? (
        <LoadError error={result.error} onRetry={result.retry} />
      ) : (
        <Loading />
      )}
    </article>
  );
}

function DossiersBody({ data, search }: { data: DossiersOut; search: string }) {
  const { t, lang } = useI18n();
  const here = pathFor({ name: 'dossiers' });
  const q = readParam(search, 'q');
  const sort = parseDossierSort(readParam(search, 'sort'));
  const rows = dossierRows(data.units, q, sort);
  const periodName = pickText(data.periods.find((p) => p.key === data.period)?.label, lang);
  const onSort = (column: DossierColumn) =>
    navigate(
      here +
        withQuery(search, {
          sort: sortParam(nextSort(sort, column, naturalDir(column)), DEFAULT_DOSSIER_SORT),
        }),
    );
  const value = (
    figures: DossierFiguresOut,
    key: keyof DossierFiguresOut,
    kind: 'count' | 'percent' | 'days',
  ) => {
    const v = figures[key];
    if (v === null) return t('portal.noValue');
    if (kind === 'percent') return formatPercent(v);
    if (kind === 'days') return t('dossiers.days', { value: formatNumber(v, 1) });
    return formatNumber(v);
  };
  return (
    <>
      <div className="filters">
        <SelectNav
          label={t('portal.year')}
          value={String(data.year)}
          options={sortYears(data.years).map((y) => ({ value: String(y), label: String(y) }))}
          hrefOf={(v) => here + withQuery(search, { year: v, period: null })}
        />
        {data.periods.length > 1 ? (
          <SelectNav
            label={t('dossiers.period')}
            value={data.period}
            options={data.periods.map((p) => ({ value: p.key, label: pickText(p.label, lang) }))}
            hrefOf={(v) => here + withQuery(search, { year: data.year, period: v })}
          />
        ) : null}
      </div>
      <p className="muted">
        {t('dossiers.window', {
          from: formatDate(data.from),
          to: formatDate(data.to),
          stock: formatDate(data.stockDay),
        })}
      </p>

      <section className="block" aria-labelledby="dossiers-total">
        <h2 id="dossiers-total">{t('dossiers.totalTitle')}</h2>
        <dl className="explained">
          {TOTALS.map((item) => (
            <div key={item.key} className="explained__row">
              <dt>{t(item.label)}</dt>
              <dd className="explained__value">{value(data.total, item.key, item.kind)}</dd>
              <dd className="explained__note">{t(item.explain)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="block" aria-labelledby="dossiers-units">
        <h2 id="dossiers-units">{t('dossiers.unitsTitle')}</h2>
        <SearchBox
          label={t('par.search')}
          hint={t('portal.searchHint')}
          value={q}
          hrefOf={(text) => here + withQuery(search, { q: text })}
        />
        <p className="result-count" role="status">
          {q
            ? rows.length
              ? t('portal.shown', {
                  shown: formatNumber(rows.length),
                  total: formatNumber(data.units.length),
                })
              : t('portal.noMatch', { q })
            : ''}
        </p>
        {rows.length ? (
          <TableBox label={t('dossiers.tableCaption', { period: periodName, year: data.year })}>
            <table className="table">
              <caption>{t('dossiers.tableCaption', { period: periodName, year: data.year })}</caption>
              <thead>
                <tr>
                  <SortHeader column="unit" sort={sort} label={t('dossiers.col.unit')} onSort={onSort} />
                  <SortHeader
                    column="received"
                    sort={sort}
                    label={t('dossiers.col.received')}
                    onSort={onSort}
                    numeric
                  />
                  <SortHeader
                    column="resolved"
                    sort={sort}
                    label={t('dossiers.col.resolved')}
                    onSort={onSort}
                    numeric
                  />
                  <SortHeader
                    column="onTime"
                    sort={sort}
                    label={t('dossiers.col.onTime')}
                    onSort={onSort}
                    numeric
                  />
                  <SortHeader
                    column="online"
                    sort={sort}
                    label={t('dossiers.col.online')}
                    onSort={onSort}
                    numeric
                  />
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.unitId}>
                    <th scope="row">{r.unitName}</th>
                    <td className="num">{formatNumber(r.received)}</td>
                    <td className="num">{formatNumber(r.resolved)}</td>
                    <td className="num">{formatPercent(r.onTimePercent) || '—'}</td>
                    <td className="num">{formatPercent(r.onlinePercent) || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        ) : null}
      </section>
    </>
  );
}
