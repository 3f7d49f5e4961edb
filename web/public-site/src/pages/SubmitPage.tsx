/**
 * `/phan-anh`: the submission form, then its receipt. One column on a phone. The captcha is solved in the
 * background from the moment the form opens; the idempotency key is made once per form, so a double tap or a
 * second try after a timeout returns the first case instead of making another.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useCaptcha } from '../../../src/lib/captcha/use-captcha';
import { Counter, Field } from '../components/Field';
import { LocationPicker } from '../components/LocationPicker';
import { LoadError, Loading } from '../components/Status';
import { UnitCombobox } from '../components/UnitCombobox';
import { API, postForm } from '../lib/api';
import { firstInvalid, mapFormError } from '../lib/errors';
import {
  acceptAttribute,
  checkFiles,
  emptyFeedback,
  FEEDBACK_FIELDS,
  feedbackFormData,
  feedbackPayload,
  MAX,
  newIdempotencyKey,
  validateFeedback,
  type FeedbackField,
  type FeedbackValues,
} from '../lib/feedback-form';
import { describeTypes, formatFileSize, formatNumber, pickText } from '../lib/format';
import { useTitle } from '../lib/hooks';
import { useI18n } from '../lib/i18n-react';
import { useSite } from '../lib/site';
import type { PublicForm, Submitted } from '../lib/types';
import { Receipt } from './Receipt';

/** The element each field's error sends the focus to. */
const elementId = (field: FeedbackField) =>
  field === 'lng' ? 'f-lat' : field === 'captcha' ? 'f-submit' : `f-${field}`;

export function SubmitPage() {
  const { t } = useI18n();
  const { form, error, reload } = useSite();
  const [receipt, setReceipt] = useState<Submitted | null>(null);
  const [round, setRound] = useState(0);
  useTitle(receipt ? 'receipt.title' : 'submit.title');

  if (receipt && form)
    return (
      <Receipt
        receipt={receipt}
        form={form}
        onAnother={() => {
          setReceipt(null);
          setRound((n) => n + 1);
        }}
      />
    );
  return (
    <article className="page">
      <h1 tabIndex={-1}>{t('submit.title')}</h1>
      <p className="lead">{t('submit.intro')}</p>
      <p className="muted">{t('submit.notComplaint')}</p>
      {form ? (
        <FeedbackForm key={round} form={form} onDone={setReceipt} />
      ) : error ? (
        <LoadError error={error} title={t('common.formLoadError')} onRetry={reload} />
      ) : (
        <Loading />
      )}
    </article>
  );
}

type Summary = { message: string; items: { field: FeedbackField | null; message: string }[]; retry: boolean };

function FeedbackForm({ form, onDone }: { form: PublicForm; onDone: (r: Submitted) => void }) {
  const { t, lang } = useI18n();
  const captcha = useCaptcha();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [values, setValues] = useState<FeedbackValues>(emptyFeedback);
  const [files, setFiles] = useState<File[]>([]);
  const [fileNotes, setFileNotes] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FeedbackField, string>>>({});
  const [summary, setSummary] = useState<Summary | null>(null);
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const busy = useRef(false);

  useEffect(() => {
    if (!focusTarget) return;
    const el = document.getElementById(focusTarget.id) ?? summaryRef.current;
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  }, [focusTarget]);

  const set = <K extends keyof FeedbackValues>(key: K, value: FeedbackValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    const field = (key === 'subject' || key === 'subjectText' ? 'subjectUnitId' : key) as FeedbackField;
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const { limits } = form;
  const mb = formatNumber(limits.fileMegabytes, 1);

  const addFiles = (list: FileList | null) => {
    if (!list?.length) return;
    const { accepted, rejected } = checkFiles(files, Array.from(list), limits);
    setFiles((f) => [...f, ...accepted]);
    setFileNotes(rejected.map((r) => t(r.problem.key, r.problem.params)));
    if (errors.files) setErrors((e) => ({ ...e, files: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy.current) return; // a double tap
    const problems = validateFeedback(values);
    const local: Partial<Record<FeedbackField, string>> = {};
    for (const field of FEEDBACK_FIELDS) {
      const problem = problems[field];
      if (problem) local[field] = t(problem.key, problem.params);
    }
    const first = firstInvalid(local, FEEDBACK_FIELDS);
    if (first) {
      setErrors(local);
      setSummary({
        message: t('submit.fixFields'),
        items: FEEDBACK_FIELDS.filter((f) => local[f]).map((f) => ({ field: f, message: local[f]! })),
        retry: false,
      });
      setFocusTarget({ id: elementId(first) });
      return;
    }
    if (captcha.status !== 'ready' || !captcha.solution) return;
    busy.current = true;
    setSending(true);
    setProgress(null);
    setSummary(null);
    setErrors({});
    try {
      const payload = feedbackPayload(values, idempotencyKey, captcha.solution);
      const result = await postForm<Submitted>(`${API}/feedback`, feedbackFormData(payload, files), {
        onProgress: (f) => setProgress(Math.min(99, Math.round(f * 100))),
      });
      onDone(result);
    } catch (err) {
      const mapped = mapFormError(err, FEEDBACK_FIELDS, t);
      const retry = !(Object.keys(mapped.fields).length > 0);
      setErrors(mapped.fields);
      setSummary({
        message: mapped.summary,
        items: [
          ...FEEDBACK_FIELDS.filter((f) => mapped.fields[f]).map((f) => ({
            field: f,
            message: mapped.fields[f]!,
          })),
          ...mapped.other.map((message) => ({ field: null, message })),
        ],
        retry,
      });
      const firstField = firstInvalid(mapped.fields, FEEDBACK_FIELDS);
      setFocusTarget({ id: firstField ? elementId(firstField) : 'f-summary' });
      // A captcha's answer is good for one request: the next try needs a new one (the idempotency key stays).
      captcha.retry();
    } finally {
      busy.current = false;
      setSending(false);
    }
  };

  const buttonText = sending
    ? progress !== null
      ? t('submit.sending', { percent: progress })
      : t('submit.sendingWait')
    : captcha.status === 'ready'
      ? t('submit.button')
      : captcha.status === 'solving'
        ? t('captcha.solving')
        : t('submit.button');

  return (
    <form className="form" onSubmit={submit} noValidate aria-describedby="f-required-note">
      <p id="f-required-note" className="muted">
        {t('submit.requiredNote')}
      </p>
      {summary ? (
        <div id="f-summary" ref={summaryRef} className="error-summary" role="alert" tabIndex={-1}>
          <p className="error-summary__title">{summary.message}</p>
          {summary.items.length ? (
            <ul>
              {summary.items.map((item, i) => (
                <li key={i}>
                  {item.field ? (
                    <a
                      href={`#${elementId(item.field)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        setFocusTarget({ id: elementId(item.field!) });
                      }}
                    >
                      {item.message}
                    </a>
                  ) : (
                    item.message
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {summary.retry ? <p>{t('submit.safeRetry')}</p> : null}
        </div>
      ) : null}

      <fieldset className="section">
        <legend>{t('submit.sectionAbout')}</legend>
        <Field id="f-categoryId" label={t('field.category')} required error={errors.categoryId}>
          {(p) => (
            <select {...p} value={values.categoryId} onChange={(e) => set('categoryId', e.target.value)}>
              <option value="">{t('field.categoryChoose')}</option>
              {form.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {pickText(c.name, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(() => {
          const chosen = form.categories.find((c) => c.id === values.categoryId);
          const text = chosen ? pickText(chosen.description, lang) : '';
          return text ? <p className="category-note">{text}</p> : null;
        })()}
        <Field
          id="f-title"
          label={t('field.title')}
          hint={t('field.titleHint')}
          required
          error={errors.title}
          extra={<Counter value={values.title} max={MAX.title} />}
        >
          {(p) => (
            <input {...p} type="text" value={values.title} onChange={(e) => set('title', e.target.value)} />
          )}
        </Field>
        <Field
          id="f-description"
          label={t('field.description')}
          hint={t('field.descriptionHint')}
          required
          error={errors.description}
          extra={<Counter value={values.description} max={MAX.description} />}
        >
          {(p) => (
            <textarea
              {...p}
              rows={8}
              value={values.description}
              onChange={(e) => set('description', e.target.value)}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="section">
        <legend>{t('submit.sectionWhere')}</legend>
        <Field
          id="f-subjectUnitId"
          label={t('field.subject')}
          hint={t('field.subjectHint')}
          error={errors.subjectUnitId}
        >
          {(p) => (
            <UnitCombobox
              control={p}
              value={values.subject}
              onChange={(unit) => set('subject', unit)}
              text={values.subjectText}
              onTextChange={(text) => set('subjectText', text)}
            />
          )}
        </Field>
        <Field id="f-place" label={t('field.place')} hint={t('field.placeHint')} error={errors.place}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              value={values.place}
              onChange={(e) => set('place', e.target.value)}
            />
          )}
        </Field>
        <LocationPicker
          id="f-lat"
          lat={values.lat}
          lng={values.lng}
          error={errors.lat ?? errors.lng}
          onChange={(pos) => setValues((v) => ({ ...v, lat: pos?.lat ?? null, lng: pos?.lng ?? null }))}
        />
      </fieldset>

      {limits.files > 0 ? (
        <fieldset className="section">
          <legend>{t('submit.sectionFiles')}</legend>
          <Field
            id="f-files"
            label={t('field.files')}
            hint={t('field.filesHint', { files: limits.files, mb, types: describeTypes(limits.types) })}
            error={errors.files}
          >
            {(p) => (
              // The browser's own button speaks the browser's language: ours is a label in the page's.
              <div className="file-pick">
                <input
                  {...p}
                  type="file"
                  multiple
                  className="file-pick__input"
                  accept={acceptAttribute(limits.types)}
                  disabled={files.length >= limits.files}
                  onChange={(e) => {
                    addFiles(e.target.files);
                    e.target.value = ''; // the same file may be chosen again after removing it
                  }}
                />
                <label
                  htmlFor="f-files"
                  className="button button--secondary file-pick__button"
                  aria-hidden="true"
                >
                  <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="icon">
                    <path
                      fill="currentColor"
                      d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z"
                    />
                  </svg>
                  {t('field.filesChoose')}
                </label>
              </div>
            )}
          </Field>
          {fileNotes.length ? (
            <ul className="file-notes" role="alert">
              {fileNotes.map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          ) : null}
          {files.length ? (
            <>
              <p className="files__title">{t('files.chosen', { count: files.length })}</p>
              <ul className="files">
                {files.map((file, i) => (
                  <li key={`${file.name}-${i}`} className="files__item">
                    <span className="files__name">{file.name}</span>
                    <span className="files__size">{formatFileSize(file.size)}</span>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t('files.remove', { name: file.name })}
                      onClick={() => {
                        setFiles((f) => f.filter((_, j) => j !== i));
                        setFileNotes([]);
                        document.getElementById('f-files')?.focus();
                      }}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </fieldset>
      ) : null}

      <fieldset className="section">
        <legend>{t('submit.sectionContact')}</legend>
        <p className="notice notice--info">{t('contact.notPublished')}</p>
        <Field id="f-name" label={t('field.name')} error={errors.name}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="name"
              value={values.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <Field id="f-phone" label={t('field.phone')} error={errors.phone}>
          {(p) => (
            <input
              {...p}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              value={values.phone}
              onChange={(e) => set('phone', e.target.value)}
            />
          )}
        </Field>
        <Field id="f-email" label={t('field.email')} error={errors.email}>
          {(p) => (
            <input
              {...p}
              type="email"
              inputMode="email"
              autoComplete="email"
              spellCheck={false}
              value={values.email}
              onChange={(e) => set('email', e.target.value)}
            />
          )}
        </Field>
        <Field id="f-address" label={t('field.address')} error={errors.address}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="street-address"
              value={values.address}
              onChange={(e) => set('address', e.target.value)}
            />
          )}
        </Field>
        <Check
          id="f-anonymous"
          label={t('field.anonymous')}
          hint={t('field.anonymousHint')}
          checked={values.anonymous}
          onChange={(v) => set('anonymous', v)}
          error={errors.anonymous}
        />
        <Check
          id="f-follow"
          label={t('field.follow')}
          hint={t('field.followHint')}
          checked={values.follow}
          onChange={(v) => set('follow', v)}
          error={errors.follow}
        />
      </fieldset>

      <div className="submit-area">
        {errors.captcha ? <p className="field__error">{errors.captcha}</p> : null}
        {captcha.status === 'error' ? (
          <div className="notice notice--error" role="alert">
            <p>{t('captcha.error')}</p>
            <button type="button" className="button button--secondary" onClick={captcha.retry}>
              {t('captcha.retry')}
            </button>
          </div>
        ) : null}
        <button
          id="f-submit"
          type="submit"
          className="button button--primary button--wide"
          disabled={sending || captcha.status !== 'ready'}
          aria-describedby="f-captcha-note"
        >
          {(sending || captcha.status === 'solving') && <span className="spinner" aria-hidden="true" />}
          {buttonText}
        </button>
        <p id="f-captcha-note" className="muted small">
          {t('captcha.explain')}
        </p>
      </div>
    </form>
  );
}

function Check({
  id,
  label,
  hint,
  checked,
  onChange,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  error?: string | undefined;
}) {
  return (
    <div className={error ? 'check field--invalid' : 'check'}>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
      />
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
    </div>
  );
}
