import type { ReactNode } from 'react';
import type { Situation } from '../lib/errors';
import { useI18n } from '../lib/i18n-react';
import type { MessageKey } from '../locales/vi';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}

/** The situations that end the form: said in the page's words, with the server's sentence when it is more precise. */
const TEXTS: Partial<Record<Situation, { title: MessageKey; body: MessageKey }>> = {
  notFound: { title: 'error.notFoundTitle', body: 'error.notFound' },
  closed: { title: 'error.closedTitle', body: 'error.closed' },
  used: { title: 'error.usedTitle', body: 'error.used' },
  changed: { title: 'error.changedTitle', body: 'error.changed' },
};

/**
 * A form that cannot be answered (any more): not found, closed, link used, or changed (then "reload"). For a
 * closed survey the server's sentence says since or until when, so it is shown instead of ours.
 */
export function Blocked({
  situation,
  serverMessage,
  onReload,
  heading: Heading = 'h2',
  children,
}: {
  situation: Situation;
  /** h1 when it is the whole page. */
  heading?: 'h1' | 'h2';
  serverMessage?: string | null;
  onReload?: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const texts = TEXTS[situation] ?? { title: 'error.loadTitle', body: 'common.serverError' };
  const body = situation === 'closed' && serverMessage ? serverMessage : t(texts.body);
  return (
    <div
      className={situation === 'changed' ? 'notice notice--warn' : 'notice notice--error'}
      role="alert"
      data-testid="form-error"
      data-situation={situation}
    >
      <Heading className="notice__title">{t(texts.title)}</Heading>
      <p>{body}</p>
      {children}
      {onReload ? (
        <button type="button" className="button" data-testid="reload-form" onClick={onReload}>
          {t(situation === 'changed' ? 'error.reload' : 'common.retry')}
        </button>
      ) : null}
    </div>
  );
}
