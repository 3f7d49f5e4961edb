/**
 * `/phan-anh/tra-cuu[/{code}][?key=]`: a code box, then the case — its stage, dates, published answer and
 * history; with the submitter's key: rate the answer, ask for a review, follow by e-mail. A code the server does
 * not know gets one sentence and nothing else.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Counter, Field } from '../components/Field';
import { Link } from '../components/Link';
import { LoadError, Loading } from '../components/Status';
import { casePath, getJson, PublicApiError, postJson } from '../lib/api';
import { canFollow, currentDeadline, stepperStages } from '../lib/case-view';
import { describeError, mapFormError } from '../lib/errors';
import { isEmail } from '../lib/feedback-form';
import { describeTypes, formatDate, formatFileSize, pickText } from '../lib/format';
import { useTitle } from '../lib/hooks';
import { useI18n } from '../lib/i18n-react';
import { navigate, pathFor } from '../lib/router';
import { normaliseTrackingCode } from '../lib/tracking-code';
import type { PublicCaseOut, Satisfaction } from '../lib/types';

export function TrackPage({ code, search }: { code: string | null; search: string }) {
  const { t } = useI18n();
  const key = new URLSearchParams(search).get('key')?.trim() || null;
  const canonical = code ? normaliseTrackingCode(code) : null;
  useTitle(canonical ? 'track.caseTitle' : 'track.title', canonical ? { code: canonical } : undefined);

  // A code typed into the address bar in lower case or without dashes: show the canonical address.
  useEffect(() => {
    if (canonical && canonical !== code)
      navigate(pathFor({ name: 'track', code: canonical }, { key }), { replace: true });
  }, [canonical, code, key]);

  if (!code || !canonical)
    return (
      <article className="page">
        <h1 tabIndex={-1}>{t('track.title')}</h1>
        <p className="lead">{t('track.intro')}</p>
        <CodeForm initial={code ?? ''} invalid={code !== null && !canonical} keyParam={key} />
      </article>
    );
  return <CaseLoader key={canonical} code={canonical} urlKey={key} />;
}

function CodeForm({
  initial,
  invalid,
  keyParam,
}: {
  initial: string;
  invalid?: boolean;
  keyParam?: string | null;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(invalid ? t('track.invalid') : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = normaliseTrackingCode(value);
    if (!code) {
      setError(t('track.invalid'));
      document.getElementById('t-code')?.focus();
      return;
    }
    setError(null);
    navigate(pathFor({ name: 'track', code }, { key: keyParam }));
  };
  return (
    <form className="form form--inline" onSubmit={submit} noValidate role="search">
      <Field id="t-code" label={t('track.codeLabel')} hint={t('track.codeHint')} error={error} required>
        {(p) => (
          <input
            {...p}
            type="text"
            className="input--code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button--primary">
        {t('track.submit')}
      </button>
    </form>
  );
}

function CaseLoader({ code, urlKey }: { code: string; urlKey: string | null }) {
  const { t } = useI18n();
  const [data, setData] = useState<PublicCaseOut | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setRefreshing(true);
    getJson<PublicCaseOut>(casePath(code), { key: urlKey }, { signal: controller.signal }).then(
      (c) => {
        setData(c);
        setError(null);
        setRefreshing(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setRefreshing(false);
      },
    );
    return () => controller.abort();
  }, [code, urlKey, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  if (error instanceof PublicApiError && error.status === 404)
    return (
      <article className="page">
        <h1 tabIndex={-1}>{t('track.title')}</h1>
        <p className="notice notice--error" role="alert">
          {t('track.notFound')}
        </p>
        <CodeForm initial={code} keyParam={urlKey} />
      </article>
    );
  if (!data)
    return (
      <article className="page">
        <h1 tabIndex={-1}>{t('track.caseTitle', { code })}</h1>
        {error ? <LoadError error={error} onRetry={reload} /> : <Loading />}
      </article>
    );
  return (
    <CaseView
      data={data}
      urlKey={urlKey}
      onChanged={reload}
      onUpdated={setData}
      refreshing={refreshing}
      refreshError={error}
    />
  );
}

function CaseView({
  data,
  urlKey,
  onChanged,
  onUpdated,
  refreshing,
  refreshError,
}: {
  data: PublicCaseOut;
  urlKey: string | null;
  onChanged: () => void;
  /** The case as a rating or a request for review left it (their answer: no second request). */
  onUpdated: (c: PublicCaseOut) => void;
  refreshing: boolean;
  refreshError: unknown;
}) {
  const { t, lang } = useI18n();
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);
  const actionDone = (message: string, updated: PublicCaseOut) => {
    setFlash(message);
    onUpdated(updated);
  };
  const deadline = currentDeadline(data);
  const category = pickText(data.category, lang);

  return (
    <article className="page case">
      <p className="eyebrow" translate="no">
        {data.code}
      </p>
      <h1 tabIndex={-1}>{data.title}</h1>
      <p className={`stage-badge stage-badge--${data.stage}`}>
        <span className="visually-hidden">{t('track.stageNow')}: </span>
        {t(`stage.${data.stage}`)}
      </p>

      <section aria-labelledby="c-progress">
        <h2 id="c-progress" className="visually-hidden">
          {t('track.progress')}
        </h2>
        <ol className="stepper">
          {stepperStages(data.stage).map((s) => (
            <li
              key={s.stage}
              className={`stepper__step stepper__step--${s.state}`}
              aria-current={s.state === 'current' ? 'step' : undefined}
            >
              <span className="stepper__dot" aria-hidden="true" />
              <span className="stepper__label">{t(`stage.${s.stage}`)}</span>
            </li>
          ))}
        </ol>
      </section>

      {deadline ? (
        <p className="deadline">
          {deadline.kind === 'triage' ? t('track.triageDue') : t('track.dueDate')}:{' '}
          <strong>{formatDate(deadline.date)}</strong>
        </p>
      ) : null}

      {data.stage === 'merged' && data.mergedInto ? (
        <div className="notice notice--info">
          <p>{t('track.mergedInto', { code: data.mergedInto })}</p>
          <Link href={pathFor({ name: 'track', code: data.mergedInto })}>
            {t('track.openMerged', { code: data.mergedInto })}
          </Link>
        </div>
      ) : null}

      <dl className="facts">
        <Fact label={t('track.receivedOn')}>{formatDate(data.receivedOn)}</Fact>
        {category ? <Fact label={t('track.category')}>{category}</Fact> : null}
        {data.subject ? <Fact label={t('track.subject')}>{data.subject}</Fact> : null}
        {data.place ? <Fact label={t('track.place')}>{data.place}</Fact> : null}
        {data.handlingUnit ? <Fact label={t('track.handlingUnit')}>{data.handlingUnit}</Fact> : null}
        {data.dueDate && deadline?.kind !== 'answer' && data.stage !== 'received' ? (
          <Fact label={t('track.dueDate')}>{formatDate(data.dueDate)}</Fact>
        ) : null}
        {data.answeredOn ? <Fact label={t('track.answeredOn')}>{formatDate(data.answeredOn)}</Fact> : null}
      </dl>

      <section aria-labelledby="c-description" className="block">
        <h2 id="c-description">{t('track.description')}</h2>
        {data.description ? (
          <p className="prose">{data.description}</p>
        ) : (
          <p className="muted">{t('track.descriptionLater')}</p>
        )}
      </section>

      {data.answer ? (
        <section aria-labelledby="c-answer" className="block answer">
          <h2 id="c-answer">{t('track.answer')}</h2>
          <p className="prose">{data.answer}</p>
          {data.answerFiles.length ? (
            <>
              <h3>{t('track.answerFiles')}</h3>
              <ul className="downloads" data-testid="answer-files">
                {data.answerFiles.map((f) => (
                  <li key={f.id}>
                    <a href={casePath(data.code, `/files/${encodeURIComponent(f.id)}`)} download={f.name}>
                      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="icon">
                        <path
                          fill="currentColor"
                          d="M12 16 7 11l1.4-1.4 2.6 2.6V4h2v8.2l2.6-2.6L17 11zm-7 4v-2h14v2z"
                        />
                      </svg>
                      {f.name}
                    </a>{' '}
                    <span className="muted">
                      (
                      {t('track.fileKind', {
                        kind: describeTypes([f.mediaType]),
                        size: formatFileSize(f.size),
                      })}
                      )
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {data.satisfaction ? (
            <p className={`satisfaction satisfaction--${data.satisfaction}`}>
              {data.satisfaction === 'satisfied' ? t('track.satisfied') : t('track.notSatisfied')}
            </p>
          ) : null}
        </section>
      ) : null}

      {flash ? (
        <p ref={flashRef} className="notice notice--ok flash" role="status" tabIndex={-1}>
          {flash}
        </p>
      ) : null}
      {urlKey ? (
        <>
          {data.canRate ? <Rating data={data} secret={urlKey} onDone={actionDone} /> : null}
          {data.canReopen ? <ReopenForm code={data.code} secret={urlKey} onDone={actionDone} /> : null}
          {canFollow(data) ? (
            data.following ? (
              <p className="notice notice--info" data-testid="following">
                {t('follow.already')}
              </p>
            ) : (
              <FollowForm code={data.code} secret={urlKey} />
            )
          ) : null}
        </>
      ) : canFollow(data) ? (
        <OwnerKeyForm code={data.code} />
      ) : null}

      {data.steps.length ? (
        <section aria-labelledby="c-history" className="block">
          <h2 id="c-history">{t('track.history')}</h2>
          <ol className="history">
            {data.steps.map((s, i) => (
              <li key={i}>
                <span className="history__date">{formatDate(s.on)}</span>
                <span className="history__what">
                  {t(`step.${s.stage}`)}
                  {s.note ? <span className="history__note">{s.note}</span> : null}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onChanged} disabled={refreshing}>
          {refreshing ? t('common.loading') : t('track.refresh')}
        </button>
        <Link className="button button--quiet" href={pathFor({ name: 'track', code: null })}>
          {t('track.otherCode')}
        </Link>
      </div>
      {refreshError ? (
        <p className="field__error" role="alert">
          {describeError(refreshError, t)}
        </p>
      ) : null}
    </article>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * Without the key in the address, the submitter's steps are not offered (the server grants them only with the
 * key): this form puts the key typed from the receipt into the address, and the case is read again with it.
 */
function OwnerKeyForm({ code }: { code: string }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const key = value.trim();
    if (!key) {
      setError(t('v.key'));
      focusId(`${id}-key`);
      return;
    }
    navigate(pathFor({ name: 'track', code }, { key }), { replace: true });
  };
  return (
    <details className="block action-card disclosure">
      <summary>
        <h2>{t('key.title')}</h2>
      </summary>
      <form onSubmit={submit} noValidate className="form--inline">
        <Field id={`${id}-key`} label={t('key.label')} hint={t('key.intro')} required error={error}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              spellCheck={false}
              translate="no"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button--primary">
          {t('key.submit')}
        </button>
      </form>
    </details>
  );
}

/** A small form's sending, errors and success, shared by the three below. */
function useAction<F extends string>(fields: readonly F[]) {
  const { t } = useI18n();
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const run = async (send: () => Promise<unknown>, focus: (field: F | null) => void) => {
    if (sending) return;
    setSending(true);
    setSummary(null);
    setErrors({});
    try {
      await send();
      setDone(true);
    } catch (err) {
      const mapped = mapFormError(err, fields, t);
      setErrors(mapped.fields);
      setSummary([mapped.summary, ...mapped.other].join(' '));
      focus(fields.find((f) => mapped.fields[f]) ?? null);
    } finally {
      setSending(false);
    }
  };
  return { sending, errors, setErrors, summary, done, run };
}

const focusId = (id: string) => document.getElementById(id)?.focus();

type ActionDone = (message: string, updated: PublicCaseOut) => void;

/**
 * The submitter's rating: once given, what they said (and when), with a button to change it; before, the form.
 * A rating given to an earlier answer (before a review) does not count: the new answer is rated afresh.
 */
function Rating({ data, secret, onDone }: { data: PublicCaseOut; secret: string; onDone: ActionDone }) {
  const { t } = useI18n();
  const [changing, setChanging] = useState(false);
  const changeRef = useRef<HTMLButtonElement>(null);
  const rating = data.rating;
  if (!rating || changing)
    return (
      <RateForm
        code={data.code}
        secret={secret}
        initial={rating}
        onDone={(message, updated) => {
          setChanging(false);
          onDone(message, updated);
        }}
        onCancel={
          rating
            ? () => {
                setChanging(false);
                requestAnimationFrame(() => changeRef.current?.focus());
              }
            : undefined
        }
      />
    );
  return (
    <section aria-labelledby="c-rating" className="block action-card" data-testid="your-rating">
      <h2 id="c-rating">{t('rate.yours')}</h2>
      <p>
        {t(rating.satisfaction === 'satisfied' ? 'rate.yoursSatisfied' : 'rate.yoursNotSatisfied', {
          date: formatDate(rating.on),
        })}
      </p>
      {rating.comment ? (
        <p className="prose muted">{t('rate.yourComment', { comment: rating.comment })}</p>
      ) : null}
      <button
        ref={changeRef}
        type="button"
        className="button button--secondary"
        onClick={() => setChanging(true)}
      >
        {t('rate.change')}
      </button>
    </section>
  );
}

function RateForm({
  code,
  secret,
  initial,
  onDone,
  onCancel,
}: {
  code: string;
  secret: string;
  initial?: { satisfaction: Satisfaction; comment: string | null } | null;
  onDone: ActionDone;
  onCancel?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const base = useId();
  const ids = { satisfaction: `${base}-sat`, comment: `${base}-comment`, status: `${base}-status` };
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(initial?.satisfaction ?? null);
  const [comment, setComment] = useState(initial?.comment ?? '');
  const action = useAction(['satisfaction', 'comment'] as const);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: typeof action.errors = {};
    if (!satisfaction) local.satisfaction = t('v.satisfaction');
    if (comment.trim().length > 1000)
      local.comment = t('v.tooLong', { max: 1000, count: comment.trim().length });
    if (Object.keys(local).length) {
      action.setErrors(local);
      focusId(local.satisfaction ? `${ids.satisfaction}-yes` : ids.comment);
      return;
    }
    void action.run(
      async () => {
        const updated = await postJson<PublicCaseOut>(casePath(code, '/rating'), {
          key: secret,
          satisfaction,
          comment: comment.trim() || null,
        });
        onDone(t('rate.done'), updated);
      },
      (f) => focusId(f === 'satisfaction' ? `${ids.satisfaction}-yes` : f ? ids[f] : ids.status),
    );
  };
  return (
    <section aria-labelledby={`${base}-title`} className="block action-card">
      <h2 id={`${base}-title`}>{t('rate.title')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset
          className={action.errors.satisfaction ? 'choice field--invalid' : 'choice'}
          aria-describedby={action.errors.satisfaction ? `${ids.satisfaction}-error` : undefined}
        >
          <legend className="field__label">{t('rate.legend')}</legend>
          {action.errors.satisfaction ? (
            <p id={`${ids.satisfaction}-error`} className="field__error">
              {action.errors.satisfaction}
            </p>
          ) : null}
          <div className="choice__options">
            {(
              [
                ['satisfied', 'yes', t('rate.satisfied')],
                ['not_satisfied', 'no', t('rate.notSatisfied')],
              ] as const
            ).map(([value, suffix, label]) => (
              <label key={value} className="choice__option">
                <input
                  id={`${ids.satisfaction}-${suffix}`}
                  type="radio"
                  name={`${base}-satisfaction`}
                  value={value}
                  checked={satisfaction === value}
                  onChange={() => setSatisfaction(value)}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          id={ids.comment}
          label={t('rate.comment')}
          error={action.errors.comment}
          extra={<Counter value={comment} max={1000} />}
        >
          {(p) => <textarea {...p} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
        </Field>
        <ActionFooter
          id={ids.status}
          sending={action.sending}
          summary={action.summary}
          label={t('rate.submit')}
        />
        {onCancel ? (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('rate.cancel')}
          </button>
        ) : null}
      </form>
    </section>
  );
}

function ReopenForm({ code, secret, onDone }: { code: string; secret: string; onDone: ActionDone }) {
  const { t } = useI18n();
  const base = useId();
  const ids = { reason: `${base}-reason`, status: `${base}-status` };
  const [reason, setReason] = useState('');
  const action = useAction(['reason'] as const);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: typeof action.errors = {};
    if (!reason.trim()) local.reason = t('v.reason');
    else if (reason.trim().length > 2000)
      local.reason = t('v.tooLong', { max: 2000, count: reason.trim().length });
    if (Object.keys(local).length) {
      action.setErrors(local);
      focusId(ids.reason);
      return;
    }
    void action.run(
      async () => {
        const updated = await postJson<PublicCaseOut>(casePath(code, '/reopen'), {
          key: secret,
          reason: reason.trim(),
        });
        onDone(t('reopen.done'), updated);
      },
      (f) => focusId(f ? ids[f] : ids.status),
    );
  };
  return (
    <details className="block action-card disclosure">
      <summary>
        <h2>{t('reopen.title')}</h2>
      </summary>
      <form onSubmit={submit} noValidate>
        <p>{t('reopen.intro')}</p>
        <Field
          id={ids.reason}
          label={t('reopen.reason')}
          required
          error={action.errors.reason}
          extra={<Counter value={reason} max={2000} />}
        >
          {(p) => <textarea {...p} rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <ActionFooter
          id={ids.status}
          sending={action.sending}
          summary={action.summary}
          label={t('reopen.submit')}
        />
      </form>
    </details>
  );
}

function FollowForm({ code, secret }: { code: string; secret: string }) {
  const { t } = useI18n();
  const base = useId();
  const ids = { email: `${base}-email`, status: `${base}-status` };
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState('');
  const action = useAction(['email'] as const);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (action.done) doneRef.current?.focus();
  }, [action.done]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    const local: typeof action.errors = {};
    if (!isEmail(address)) local.email = t('v.email');
    if (Object.keys(local).length) {
      action.setErrors(local);
      focusId(ids.email);
      return;
    }
    void action.run(
      async () => {
        await postJson(casePath(code, '/followers'), { key: secret, email: address });
        setSentTo(address);
      },
      (f) => focusId(f ? ids[f] : ids.status),
    );
  };
  if (action.done)
    return (
      <p ref={doneRef} className="notice notice--ok" role="status" tabIndex={-1}>
        {t('follow.done', { email: sentTo })}
      </p>
    );
  return (
    <details className="block action-card disclosure">
      <summary>
        <h2>{t('follow.title')}</h2>
      </summary>
      <form onSubmit={submit} noValidate>
        <p>{t('follow.intro')}</p>
        <Field id={ids.email} label={t('follow.email')} required error={action.errors.email}>
          {(p) => (
            <input
              {...p}
              type="email"
              inputMode="email"
              autoComplete="email"
              spellCheck={false}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <ActionFooter
          id={ids.status}
          sending={action.sending}
          summary={action.summary}
          label={t('follow.submit')}
        />
      </form>
    </details>
  );
}

function ActionFooter({
  id,
  sending,
  summary,
  label,
}: {
  id: string;
  sending: boolean;
  summary: string | null;
  label: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {summary ? (
        <p id={id} className="field__error" role="alert" tabIndex={-1}>
          {summary}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={sending}>
        {sending ? <span className="spinner" aria-hidden="true" /> : null}
        {sending ? t('submit.sendingWait') : label}
      </button>
    </>
  );
}
