/**
 * `/khao-sat/<code>` and `/khao-sat/moi/<token>`: loads the form, opens what this device kept of it, and hands
 * both to the form. An invitation already answered from this device says so without asking the server; a form
 * that cannot be answered says why, in plain words.
 */
import { useEffect, useMemo, useState } from 'react';
import { useCaptcha } from '../../../src/lib/captcha/use-captcha';
import type { PublicFormOut } from '../../../../server/modules/surveys/surveys.schemas';
import { formatDate } from '../../../public-site/src/lib/format';
import { Blocked, Loading } from '../components/Status';
import { fetchForm } from '../lib/api';
import { describeFailure } from '../lib/errors';
import { useI18n } from '../lib/i18n-react';
import type { FormRef } from '../lib/router';
import { browserStorage, openDraft, sentDay, type Opened } from '../lib/storage';
import { SurveyForm, type SurveyFormProps } from './SurveyForm';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; form: PublicFormOut; opened: Opened };

const NO_CODES: ReadonlySet<string> = new Set();

export function SurveyPage({
  formRef,
  onProvince,
}: {
  formRef: FormRef;
  onProvince: (name: string) => void;
}) {
  const { t } = useI18n();
  const store = useMemo(browserStorage, []);
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [already] = useState(() => sentDay(store, formRef));

  useEffect(() => {
    if (already) return;
    let live = true;
    setLoad({ status: 'loading' });
    fetchForm(formRef).then(
      (form) => {
        if (!live) return;
        setLoad({ status: 'ready', form, opened: openDraft(store, formRef, form.version.hash, Date.now()) });
        onProvince(form.survey.province);
      },
      (error: unknown) => {
        if (live) setLoad({ status: 'error', error });
      },
    );
    return () => {
      live = false;
    };
  }, [already, attempt, formRef, store, onProvince]);

  useEffect(() => {
    if (load.status !== 'ready') document.title = t('site.pageTitle', { page: t('site.title') });
  }, [load.status, t]);

  // Loading at once: the form must not be mounted again with the draft it was first opened with (it would
  // store that over the answers given since).
  const reload = () => {
    setLoad({ status: 'loading' });
    setAttempt((n) => n + 1);
  };
  const sent = already ?? (load.status === 'ready' && load.opened.status === 'sent' ? load.opened.day : null);
  if (sent)
    return (
      <article className="page" data-testid="already-submitted">
        <h1 tabIndex={-1}>{t('done.alreadyTitle')}</h1>
        <p className="lead">{t('done.already', { date: formatDate(sent) })}</p>
      </article>
    );
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') {
    const failure = describeFailure(load.error, NO_CODES, navigator.onLine);
    const final =
      failure.situation === 'notFound' || failure.situation === 'closed' || failure.situation === 'used';
    return (
      <article className="page">
        {final ? (
          <Blocked situation={failure.situation} serverMessage={failure.serverMessage} heading="h1" />
        ) : (
          <div className="notice notice--error" role="alert" data-testid="form-error" data-situation="load">
            <h1 className="notice__title">{t('error.loadTitle')}</h1>
            <p>
              {failure.status === 0
                ? t(failure.code === 'TIMEOUT' ? 'common.timeout' : 'common.networkError')
                : failure.status >= 500 || !failure.serverMessage
                  ? t('common.serverError')
                  : failure.serverMessage}
            </p>
            <button type="button" className="button" data-testid="reload-form" onClick={reload}>
              {t('common.retry')}
            </button>
          </div>
        )}
      </article>
    );
  }
  const { form, opened } = load;
  if (opened.status === 'sent') return null; // shown above
  const props: Omit<SurveyFormProps, 'captcha'> = {
    form,
    formRef,
    draft: opened.draft,
    notice: opened.status === 'new' ? null : opened.status,
    onReload: reload,
  };
  return form.captchaRequired ? (
    <WithCaptcha key={attempt} {...props} />
  ) : (
    <SurveyForm key={attempt} {...props} captcha={null} />
  );
}

/** A QR form: the captcha is fetched and solved in the background from the moment the form opens. */
function WithCaptcha(props: Omit<SurveyFormProps, 'captcha'>) {
  const captcha = useCaptcha();
  return <SurveyForm {...props} captcha={captcha} />;
}
