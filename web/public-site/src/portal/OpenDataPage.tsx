/**
 * `/cong-khai/du-lieu-mo`: the open-data catalogue — each published dataset with what it holds, its columns
 * (name in the file, type, meaning), the number of rows, and real download links for CSV and JSON; the licence,
 * the publisher and how the CSV files are written.
 */
import { LoadError, Loading } from '../components/Status';
import { formatDate, formatNumber, pickText } from '../lib/format';
import { usePortalTitle } from '../lib/hooks';
import { useI18n } from '../lib/i18n-react';
import { usePortal } from '../lib/portal';
import { portalApi } from '../lib/portal-api';
import type { OpenDataCatalogueOut, OpenDataset } from '../lib/portal-types';
import { useJson } from '../lib/use-json';
import { NotPublished, TableBox } from './components';

/** How the CSV's separator is named for people (a tab or a semicolon is hard to see between quotes). */
const shownChar = (c: string) => (c === '\t' ? 'Tab' : c);

export default function OpenDataPage() {
  const { t } = useI18n();
  const portal = usePortal();
  usePortalTitle(t('openData.title'));
  const published = !portal.data || portal.data.sections.openData;
  const result = useJson<OpenDataCatalogueOut>(published ? portalApi.openData() : null);
  if (!published) return <NotPublished title={t('openData.title')} />;
  const data = result.data;
  return (
    <article className="page page--portal">
      <h1 tabIndex={-1}>{t('openData.title')}</h1>
      <p className="lead">{t('openData.intro')}</p>
      {data ? (
        <>
          <Terms data={data} />
          {data.datasets.length === 0 ? <p className="notice notice--info">{t('openData.none')}</p> : null}
          {data.datasets.map((d) => (
            <Dataset key={d.name} dataset={d} />
          ))}
          {data.datasets.length ? (
            <p>
              <a href={data.datapackageUrl} download>
                {t('openData.datapackage')}
              </a>
            </p>
          ) : null}
          <p className="muted small">
            {t('portal.updated', { date: formatDate(data.updatedAt.slice(0, 10)) })}
          </p>
        </>
      ) : result.error ? (
        <LoadError error={result.error} onRetry={result.retry} />
      ) : (
        <Loading />
      )}
    </article>
  );
}

function Terms({ data }: { data: OpenDataCatalogueOut }) {
  const { t } = useI18n();
  const contact = [data.publisher.email, data.publisher.phone, data.publisher.website]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="notice notice--info">
      <p>
        {t('portal.licence', { name: data.licence.name })}
        {data.licence.url ? (
          <>
            {' — '}
            <a href={data.licence.url} rel="license noopener" target="_blank">
              {t('openData.licenceLink')}
            </a>
          </>
        ) : null}
      </p>
      {data.publisher.name ? (
        <p>
          {t('portal.publisher', { name: data.publisher.name })}
          {data.publisher.address ? `, ${data.publisher.address}` : ''}
        </p>
      ) : null}
      {contact ? <p>{t('openData.contact', { contact })}</p> : null}
      <p>
        {t('openData.csv', {
          encoding: data.csv.bom ? `${data.csv.encoding} (BOM)` : data.csv.encoding,
          delimiter: shownChar(data.csv.delimiter),
          decimal: data.csv.decimalChar,
        })}
      </p>
    </div>
  );
}

function Dataset({ dataset }: { dataset: OpenDataset }) {
  const { t, lang } = useI18n();
  const title = pickText(dataset.title, lang);
  const id = `ds-${dataset.name}`;
  return (
    <section className="block dataset" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>{pickText(dataset.description, lang)}</p>
      <p className="muted small">{t('openData.rows', { count: formatNumber(dataset.rows) })}</p>
      <p className="actions no-print">
        {dataset.formats.map((f) => (
          <a
            key={f.format}
            className="button button--secondary"
            href={f.url}
            type={f.mediaType}
            download
            aria-label={t('openData.downloadLabel', { dataset: title, format: f.format.toUpperCase() })}
          >
            {t('openData.download', { format: f.format.toUpperCase() })}
          </a>
        ))}
      </p>
      <details className="disclosure">
        <summary>
          <h3>{t('openData.columns', { dataset: title })}</h3>
        </summary>
        <TableBox label={t('openData.columns', { dataset: title })}>
          <table className="table">
            <caption className="visually-hidden">{t('openData.columns', { dataset: title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('openData.col.title')}</th>
                <th scope="col">{t('openData.col.name')}</th>
                <th scope="col">{t('openData.col.type')}</th>
                <th scope="col">{t('openData.col.description')}</th>
              </tr>
            </thead>
            <tbody>
              {dataset.columns.map((c) => (
                <tr key={c.name}>
                  <th scope="row">{pickText(c.title, lang)}</th>
                  <td>
                    <code translate="no">{c.name}</code>
                  </td>
                  <td>{t(`openData.type.${c.type}`)}</td>
                  <td>{pickText(c.description, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      </details>
    </section>
  );
}
