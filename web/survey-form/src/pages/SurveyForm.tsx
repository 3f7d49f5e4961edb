/**
 * The form itself: the introduction, then part by part ("Phần 2/5", Back / Next), then sending and the thanks.
 *
 * - Every answer and every change of part is kept on the device (../lib/storage.ts) as it happens.
 * - "Next" checks the shown questions of the part with the rules the server uses; the message sits beside each
 *   question and the focus goes to the first one. A question that a condition hides disappears with its answer.
 * - Sending uses the client key made when the form started: a send that timed out can be sent again ("Gửi
 *   lại") without counting twice; offline, the page waits for the connection and sends by itself. A QR form
 *   sends the captcha solved in the background meanwhile (a new one for each attempt); an invitation its token.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { CaptchaState } from '../../../src/lib/captcha/use-captcha';
import type { PublicFormOut, PublicResponseOut } from '../../../../server/modules/surveys/surveys.schemas';
import { Question, questionId, rowId, Txt } from '../components/Question';
import { Blocked } from '../components/Status';
import { sendResponse, type ResponsePayload } from '../lib/api';
import { CAPTCHA_FAILED, describeFailure, retryMessage, type Failure } from '../lib/errors';
import {
  answersToSend,
  cleanDraft,
  itemCount,
  minutesSince,
  neighbourSection,
  problemsOf,
  progressOf,
  viewOf,
  type DraftAnswers,
  type DraftValue,
  type ItemProblem,
} from '../lib/form';
import { formatDate } from '../../../public-site/src/lib/format';
import { useOnline } from '../lib/hooks';
import { pickText } from '../lib/i18n';
import { useI18n } from '../lib/i18n-react';
import type { FormRef } from '../lib/router';
import { browserStorage, clearDraft, markSent, newDraft, saveDraft, type Draft } from '../lib/storage';
import type { MessageKey } from '../locales/vi';

type Send =
  | { state: 'idle' }
  | { state: 'waitingCaptcha' }
  | { state: 'sending' }
  | { state: 'offline' }
  | { state: 'failed'; failure: Failure };

type Focus = { kind: 'heading' } | { kind: 'item'; code: string; row: string | null } | { kind: 'status' };

export type SurveyFormProps = {
  form: PublicFormOut;
  formRef: FormRef;
  draft: Draft;
  /** What the device kept: answers resumed, or dropped because the form changed. */
  notice: 'resumed' | 'changed' | null;
  /** The QR form's captcha (solved in the background); null for an invitation. */
  captcha: CaptchaState | null;
  onReload: () => void;
};

const GROUP_KEYS: Record<PublicFormOut['targetGroup'], MessageKey> = {
  citizen: 'group.citizen',
  business: 'group.business',
  official: 'group.official',
  deputy: 'group.deputy',
};

export function SurveyForm({
  form,
  formRef,
  draft: initial,
  notice: initialNotice,
  captcha,
  onReload,
}: SurveyFormProps) {
  const { t, lang } = useI18n();
  const def = form.version.definition;
  const store = useMemo(browserStorage, []);
  const online = useOnline();
  const [draft, setDraft] = useState<Draft>(initial);
  const [notice, setNotice] = useState(initialNotice);
  const [problems, setProblems] = useState<ItemProblem[]>([]);
  const [send, setSend] = useState<Send>({ state: 'idle' });
  const [done, setDone] = useState<PublicResponseOut | null>(null);
  const [focus, setFocus] = useState<Focus | null>(null);
  const view = useMemo(() => viewOf(def, draft.answers), [def, draft.answers]);
  const codes = useMemo(
    () => new Set((def.sections ?? []).flatMap((s) => (s.items ?? []).map((i) => i.code))),
    [def],
  );

  const busy = useRef(false);

  // Kept on the device as the respondent goes (not once sent: the response's marker replaces it).
  useEffect(() => {
    if (!done) saveDraft(store, formRef, draft, Date.now());
  }, [store, formRef, draft, done]);

  useEffect(() => {
    document.title = t('site.pageTitle', { page: form.survey.title });
  }, [t, form.survey.title]);

  // The focus goes where the respondent's attention must go: a new part's title, a question to fix, the status.
  useEffect(() => {
    if (!focus) return;
    let target: HTMLElement | null = null;
    if (focus.kind === 'heading') {
      target = document.getElementById('part-title');
      window.scrollTo(0, 0);
    } else if (focus.kind === 'status') target = document.getElementById('send-status');
    else {
      const box = document.getElementById(
        focus.row === null ? questionId(focus.code) : rowId(focus.code, focus.row),
      );
      target = box?.querySelector<HTMLElement>('input, textarea') ?? box ?? null;
      target?.scrollIntoView?.({ block: 'center' });
    }
    target?.focus();
  }, [focus]);

  // The part shown: the one kept, or (if the answers have hidden it since) the next one still shown.
  const sectionCode =
    draft.section === null
      ? null
      : view.sections.some((s) => s.section.code === draft.section)
        ? draft.section
        : (neighbourSection(def, view, draft.section, 1) ??
          view.sections[view.sections.length - 1]?.section.code ??
          null);
  const part = view.sections.find((s) => s.section.code === sectionCode) ?? null;
  const isLast = part !== null && neighbourSection(def, view, part.section.code, 1) === null;

  const setAnswer = (code: string, value: DraftValue | undefined) => {
    const answers: DraftAnswers = { ...draft.answers };
    if (value === undefined) delete answers[code];
    else answers[code] = value;
    const cleaned = cleanDraft(def, answers);
    setDraft((d) => ({ ...d, answers: cleaned }));
    // Questions already flagged are checked again as they are answered: a fixed one loses its message.
    if (problems.length) {
      const flagged = new Set(problems.map((p) => p.item));
      setProblems(
        problemsOf(def, cleaned, part ? [part.section.code] : undefined).filter((p) => flagged.has(p.item)),
      );
    }
  };

  const goTo = (section: string | null) => {
    setDraft((d) => ({ ...d, section }));
    setProblems([]);
    setNotice(null);
    setFocus({ kind: 'heading' });
  };

  /** Shows the problems of one part (going there if needed), the focus on the first. */
  const showProblems = (found: ItemProblem[]) => {
    const first = found[0]!;
    const home = view.sections.find((s) => s.items.some((i) => i.code === first.item))?.section.code ?? null;
    if (home !== null && home !== sectionCode) setDraft((d) => ({ ...d, section: home }));
    const inHome =
      home === null
        ? found
        : found.filter((p) =>
            view.sections.find((s) => s.section.code === home)?.items.some((i) => i.code === p.item),
          );
    setProblems(inHome);
    setFocus({ kind: 'item', code: first.item, row: first.row });
  };

  const doSend = async () => {
    if (busy.current) return;
    const current = draft;
    const cap = captcha;
    if (!navigator.onLine) return setSend({ state: 'offline' });
    if (cap && (cap.status !== 'ready' || !cap.solution)) {
      if (cap.status === 'error') cap.retry();
      return setSend({ state: 'waitingCaptcha' });
    }
    busy.current = true;
    setSend({ state: 'sending' });
    const payload: ResponsePayload = {
      ...(formRef.kind === 'code' ? { code: formRef.code } : { token: formRef.token }),
      versionId: form.version.id,
      hash: form.version.hash,
      clientKey: current.clientKey,
      answers: answersToSend(def, current.answers),
      minutes: minutesSince(current.startedAt, Date.now()),
      ...(cap?.solution ? { captcha: cap.solution } : {}),
    };
    try {
      const result = await sendResponse(payload);
      markSent(store, formRef, Date.now());
      setDone(result);
      setSend({ state: 'idle' });
      setFocus({ kind: 'heading' });
    } catch (error) {
      const failure = describeFailure(error, codes, navigator.onLine);
      if (failure.situation === 'offline') setSend({ state: 'offline' });
      else setSend({ state: 'failed', failure });
      if (failure.situation === 'used') clearDraft(store, formRef); // this link can send nothing more
      if (failure.situation === 'answers')
        showProblems(
          failure.items.map((p) => ({
            item: p.item,
            row: p.row,
            problem: 'server',
            message: { vi: p.message, en: p.message },
          })),
        );
      else setFocus({ kind: 'status' });
    } finally {
      // A captcha's answer serves one request: the next attempt gets a new one (the client key stays).
      cap?.retry();
      busy.current = false;
    }
  };

  // Waiting for the captcha, or for the connection: sent as soon as it is there, with the state of that moment.
  const sendLatest = useRef(doSend);
  useEffect(() => {
    sendLatest.current = doSend;
  });
  const captchaStatus = captcha?.status;
  useEffect(() => {
    if (send.state !== 'waitingCaptcha') return;
    if (captchaStatus === 'ready') void sendLatest.current();
    else if (captchaStatus === 'error') setSend({ state: 'failed', failure: { ...CAPTCHA_FAILED } });
  }, [send.state, captchaStatus]);
  useEffect(() => {
    if (send.state === 'offline' && online) void sendLatest.current();
  }, [send.state, online]);

  const next = () => {
    if (!part) return;
    const found = problemsOf(def, draft.answers, [part.section.code]);
    if (found.length) return showProblems(found);
    goTo(neighbourSection(def, view, part.section.code, 1));
  };

  const submit = () => {
    const found = problemsOf(def, draft.answers);
    if (found.length) return showProblems(found);
    setProblems([]);
    void doSend();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (send.state === 'sending' || send.state === 'waitingCaptcha') return;
    if (isLast) submit();
    else next();
  };

  const startOver = () => {
    if (!window.confirm(t('form.startOverConfirm'))) return;
    clearDraft(store, formRef);
    setDraft(newDraft(form.version.hash, Date.now()));
    setProblems([]);
    setNotice(null);
    setSend({ state: 'idle' });
    setFocus({ kind: 'heading' });
  };

  const another = () => {
    setDraft(newDraft(form.version.hash, Date.now()));
    setDone(null);
    setNotice(null);
    setFocus({ kind: 'heading' });
  };

  const failure = send.state === 'failed' ? send.failure : null;
  if (
    failure &&
    (failure.situation === 'used' || failure.situation === 'closed' || failure.situation === 'notFound')
  )
    return (
      <article className="page">
        <SurveyHeading form={form} small />
        <Blocked situation={failure.situation} serverMessage={failure.serverMessage} />
      </article>
    );

  if (done)
    return (
      <article className="page" data-testid="thanks">
        <h1 id="part-title" tabIndex={-1}>
          {t('done.title')}
        </h1>
        <p className="lead">{pickText(done.thanks, lang) || t('done.received')}</p>
        {/* The server's thanks already says when the response had been received before. */}
        {!done.created && !pickText(done.thanks, lang) ? <p>{t('done.again')}</p> : null}
        {done.dropped.length ? <p>{t('done.dropped', { count: done.dropped.length })}</p> : null}
        <p className="muted">{t('done.cleared')}</p>
        {formRef.kind === 'code' ? (
          <button type="button" className="button button--secondary" data-testid="another" onClick={another}>
            {t('done.another')}
          </button>
        ) : null}
      </article>
    );

  if (!part)
    return (
      <article className="page">
        <SurveyHeading form={form} />
        <Notice notice={notice} />
        <Intro form={form} />
        <div className="actions">
          <button
            type="button"
            className="button"
            data-testid="start"
            onClick={() => goTo(view.sections[0]?.section.code ?? null)}
          >
            {t('intro.start')}
          </button>
          {Object.keys(draft.answers).length ? (
            <button type="button" className="link-button" data-testid="start-over" onClick={startOver}>
              {t('form.startOver')}
            </button>
          ) : null}
        </div>
      </article>
    );

  const { current, total } = progressOf(view, part.section.code);
  const problemsOfItem = (code: string) => problems.filter((p) => p.item === code);
  const flagged = [...new Set(problems.map((p) => p.item))];
  const busyNow = send.state === 'sending' || send.state === 'waitingCaptcha';

  return (
    <article className="page">
      <SurveyHeading form={form} small />
      <div className="progress">
        <p className="progress__text" aria-live="polite" data-testid="progress">
          {t('form.progress', { current, total })}
        </p>
        <div className="progress__bar" aria-hidden="true">
          <span style={{ width: `${(current / Math.max(total, 1)) * 100}%` }} />
        </div>
      </div>
      <Notice notice={notice} />
      <form className="part" noValidate onSubmit={onSubmit} aria-labelledby="part-title">
        <h2 id="part-title" tabIndex={-1} data-testid="part-title">
          <Txt value={part.section.title} />
        </h2>
        {pickText(part.section.help, lang) ? (
          <Txt value={part.section.help} as="p" className="part__help" />
        ) : null}
        {part.items.some((i) => i.required) ? <p className="muted">{t('form.requiredNote')}</p> : null}
        <div aria-live="assertive" className="summary-region">
          {flagged.length ? (
            <div className="error-summary" data-testid="problems">
              <p className="error-summary__title">{t('form.fixItems', { count: flagged.length })}</p>
              <ul>
                {flagged.map((code) => {
                  const item = part.items.find((i) => i.code === code);
                  return item ? (
                    <li key={code}>
                      <a
                        href={`#${questionId(code)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          setFocus({ kind: 'item', code, row: null });
                        }}
                      >
                        <Txt value={item.text} />
                      </a>
                    </li>
                  ) : null;
                })}
              </ul>
            </div>
          ) : null}
        </div>
        {part.items.map((item) => (
          <Question
            key={item.code}
            def={def}
            item={item}
            value={draft.answers[item.code]}
            onChange={(v) => setAnswer(item.code, v)}
            problems={problemsOfItem(item.code)}
          />
        ))}
        <div className="nav">
          <button
            type="button"
            className="button button--secondary"
            data-testid="back"
            disabled={busyNow}
            onClick={() => goTo(neighbourSection(def, view, part.section.code, -1))}
          >
            {t('form.back')}
          </button>
          {isLast ? (
            <button type="submit" className="button" data-testid="submit" disabled={busyNow}>
              {t('form.submit')}
            </button>
          ) : (
            <button type="submit" className="button" data-testid="next">
              {t('form.next')}
            </button>
          )}
        </div>
        <SendStatus send={send} onRetry={() => void doSend()} onReload={onReload} />
      </form>
      <details className="recorded-more">
        <summary>{t('form.recordedShort')}</summary>
        <p>{pickText(form.recorded, lang)}</p>
      </details>
      <p className="start-over">
        <button type="button" className="link-button" data-testid="start-over" onClick={startOver}>
          {t('form.startOver')}
        </button>
      </p>
    </article>
  );
}

/** The survey's title (the office's wording, Vietnamese) and, in English, the questionnaire's own title. */
function SurveyHeading({ form, small = false }: { form: PublicFormOut; small?: boolean }) {
  const { lang } = useI18n();
  const en = lang === 'en' ? form.version.definition.title?.en?.trim() : '';
  return (
    <header className={small ? 'survey-head survey-head--small' : 'survey-head'}>
      <h1
        className="survey-head__title"
        lang={lang === 'en' ? 'vi' : undefined}
        {...(small ? {} : { id: 'part-title', tabIndex: -1 })}
      >
        {form.survey.title}
      </h1>
      {en && en !== form.survey.title ? <p className="survey-head__sub">{en}</p> : null}
    </header>
  );
}

function Notice({ notice }: { notice: 'resumed' | 'changed' | null }) {
  const { t } = useI18n();
  if (!notice) return null;
  return (
    <p
      className={notice === 'changed' ? 'notice notice--warn' : 'notice notice--info'}
      role="status"
      data-testid={`notice-${notice}`}
    >
      {t(notice === 'changed' ? 'form.versionChanged' : 'form.resumed')}
    </p>
  );
}

/** Before the questions: who and what is surveyed, the introduction, and what is recorded — plainly. */
function Intro({ form }: { form: PublicFormOut }) {
  const { t, lang } = useI18n();
  const def = form.version.definition;
  const vi = lang === 'en' ? 'vi' : undefined;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('intro.unit')}</dt>
          <dd lang={vi} data-testid="unit">
            {form.unit.name}
          </dd>
        </div>
        <div>
          <dt>{t('intro.group')}</dt>
          <dd>{t(GROUP_KEYS[form.targetGroup])}</dd>
        </div>
        {form.survey.closesOn ? (
          <div>
            <dt>{t('intro.closesOn')}</dt>
            <dd>{formatDate(form.survey.closesOn)}</dd>
          </div>
        ) : null}
      </dl>
      {form.survey.intro.trim() ? (
        <p className="intro" lang={vi}>
          {form.survey.intro}
        </p>
      ) : null}
      {/* The questionnaire's own introduction, unless the survey's says the same (a survey made from a template). */}
      {pickText(def.intro, lang).trim() && def.intro?.vi.trim() !== form.survey.intro.trim() ? (
        <Txt value={def.intro} as="p" className="intro" />
      ) : null}
      <p className="muted">
        {t('intro.sections', { sections: def.sections?.length ?? 0, items: itemCount(def) })}
      </p>
      <section className="recorded" aria-labelledby="recorded-title" data-testid="recorded">
        <h2 id="recorded-title">{t('intro.recorded')}</h2>
        <p>{pickText(form.recorded, lang)}</p>
        <p>{t('intro.local')}</p>
      </section>
    </>
  );
}

/** Where the sending stands, announced (`aria-live`), with "Gửi lại" when trying again can help. */
function SendStatus({ send, onRetry, onReload }: { send: Send; onRetry: () => void; onReload: () => void }) {
  const { t } = useI18n();
  let body: ReactNode = null;
  if (send.state === 'sending' || send.state === 'waitingCaptcha')
    body = (
      <p className="loading">
        <span className="spinner" aria-hidden="true" />
        {t(send.state === 'sending' ? 'send.sending' : 'send.waitingCaptcha')}
      </p>
    );
  else if (send.state === 'offline') body = <p className="notice notice--warn">{t('send.offline')}</p>;
  else if (send.state === 'failed') {
    const f = send.failure;
    if (f.situation === 'changed') body = <Blocked situation="changed" onReload={onReload} />;
    else if (f.situation === 'answers')
      body = (
        <div className="notice notice--error">
          <p>{t('send.answers')}</p>
          {f.other.length ? (
            <ul>
              {f.other.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      );
    else {
      const said = retryMessage(f);
      const message = 'key' in said ? t(said.key) : said.text;
      body = (
        <div className="notice notice--error" data-testid="send-failed">
          <p>{message}</p>
          <button type="button" className="button" data-testid="retry-send" onClick={onRetry}>
            {t('send.retry')}
          </button>
          <p className="muted">{t('send.safeRetry')}</p>
        </div>
      );
    }
  }
  return (
    <div id="send-status" className="send-status" aria-live="polite" tabIndex={-1} data-testid="send-status">
      {body}
    </div>
  );
}
