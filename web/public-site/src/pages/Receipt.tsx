/**
 * The receipt after sending: the tracking code large, the secret key (shown only here), the dates, a QR code of
 * the tracking link (an SVG the server draws), copy and print. The print stylesheet keeps only this.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from '../components/Link';
import { casePath } from '../lib/api';
import { formatDate } from '../lib/format';
import { useI18n } from '../lib/i18n-react';
import { absoluteLink, pathFor } from '../lib/router';
import type { PublicForm, Submitted } from '../lib/types';

export function Receipt({
  receipt,
  form,
  onAnother,
}: {
  receipt: Submitted;
  form: PublicForm;
  onAnother: () => void;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const linkInput = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');
  const trackPath = pathFor({ name: 'track', code: receipt.code }, { key: receipt.key });
  const link = absoluteLink(receipt.link, trackPath, location.origin);

  useEffect(() => {
    heading.current?.focus();
    window.scrollTo(0, 0);
  }, []);

  const copyLink = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard'); // plain http
      await navigator.clipboard.writeText(link);
      setCopy('done');
    } catch {
      const input = linkInput.current;
      input?.focus();
      input?.select();
      // The old way, where the Clipboard API is missing (not a secure context).
      const ok = typeof document.execCommand === 'function' && document.execCommand('copy');
      setCopy(ok ? 'done' : 'failed');
    }
  };

  return (
    <article className="page receipt">
      <p className="print-only receipt__printed-site">
        {form.province ? `${form.province} — ` : ''}
        {t('site.title')}
      </p>
      <h1 ref={heading} tabIndex={-1}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="28" height="28" className="icon icon--ok">
          <path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" />
        </svg>
        {t('receipt.title')}
      </h1>
      {!receipt.created ? <p className="notice notice--info">{t('receipt.repeat')}</p> : null}

      <div className="receipt__grid">
        <div>
          <p className="receipt__label">{t('receipt.code')}</p>
          <p className="receipt__code" translate="no">
            {receipt.code}
          </p>
          <p className="receipt__label">{t('receipt.key')}</p>
          <p className="receipt__key" translate="no">
            <code>{receipt.key}</code>
          </p>
          <p className="notice notice--warn">{t('receipt.keyHint')}</p>
          <ul className="receipt__dates">
            <li>{t('receipt.receivedOn', { date: formatDate(receipt.receivedOn) })}</li>
            <li>
              <strong>{t('receipt.triageDue', { date: formatDate(receipt.triageDueDate) })}</strong>
            </li>
            <li>{t('receipt.answerDays', { days: form.answerWorkingDays })}</li>
          </ul>
        </div>
        <img
          className="receipt__qr"
          src={`${casePath(receipt.code, '/qr.svg')}?key=${encodeURIComponent(receipt.key)}`}
          width={180}
          height={180}
          alt={t('receipt.qrAlt', { code: receipt.code })}
        />
      </div>

      <div className="field no-print">
        <label htmlFor="r-link" className="field__label">
          {t('receipt.link')}
        </label>
        <input
          id="r-link"
          ref={linkInput}
          type="text"
          readOnly
          value={link}
          onFocus={(e) => e.target.select()}
        />
      </div>
      <p className="print-only receipt__printed-link">{link}</p>

      <div className="actions no-print">
        <button type="button" className="button button--primary" onClick={copyLink}>
          {t('receipt.copyLink')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <Link className="button button--secondary" href={trackPath}>
          {t('receipt.track')}
        </Link>
      </div>
      <p className="status-line no-print" role="status">
        {copy === 'done' ? t('receipt.copied') : copy === 'failed' ? t('receipt.copyFailed') : ''}
      </p>
      <p className="no-print">
        <button type="button" className="link-button" onClick={onAnother}>
          {t('receipt.another')}
        </button>
      </p>
    </article>
  );
}
