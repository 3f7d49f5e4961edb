/**
 * `/phan-anh/da-tra-loi[?q=&categoryId=]`: the published answers, newest first as the server sends them; a search
 * (accent-insensitive on the server), a category filter, 20 at a time with "show more". The search is kept in
 * the address, so a search can be shared and Back returns to it.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from '../components/Link';
import { LoadError, Loading } from '../components/Status';
import { answersSearch, PAGE_SIZE } from '../lib/answers';
import { API, getJson } from '../lib/api';
import { describeError } from '../lib/errors';
import { formatDate, formatNumber, pickText } from '../lib/format';
import { useTitle } from '../lib/hooks';
import { useI18n } from '../lib/i18n-react';
import { navigate, pathFor } from '../lib/router';
import { useSite } from '../lib/site';
import type { PublishedItem, PublishedList } from '../lib/types';

export function AnswersPage({ search }: { search: string }) {
  const { t, lang } = useI18n();
  const { form } = useSite();
  useTitle('answers.title');
  const params = new URLSearchParams(search);
  const q = params.get('q') ?? '';
  const categoryId = params.get('categoryId') ?? '';
  const [text, setText] = useState(q);
  const [items, setItems] = useState<PublishedItem[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [more, setMore] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const [attempt, setAttempt] = useState(0);
  const firstNew = useRef<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // Back/Forward between searches: the box follows the address.
  useEffect(() => setText(q), [q]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    getJson<PublishedList>(
      `${API}/answers`,
      { q: q || undefined, categoryId: categoryId || undefined, limit: PAGE_SIZE, offset: 0 },
      { signal: controller.signal },
    ).then(
      (data) => {
        setItems(data.items);
        setTotal(data.total);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [q, categoryId, attempt]);

  // After "show more", the focus goes to the first new answer (a keyboard or screen reader user continues there).
  useEffect(() => {
    if (firstNew.current === null) return;
    const link =
      listRef.current?.querySelectorAll<HTMLAnchorElement>('.answer-item__title a')[firstNew.current];
    firstNew.current = null;
    link?.focus();
  }, [items]);

  const go = (nextQ: string, nextCategory: string) =>
    navigate(pathFor({ name: 'answers' }) + answersSearch(search, nextQ, nextCategory), { replace: true });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === q) setAttempt((n) => n + 1);
    else go(text, categoryId);
  };

  const loadMore = async () => {
    setMore({ loading: true, error: null });
    try {
      const data = await getJson<PublishedList>(`${API}/answers`, {
        q: q || undefined,
        categoryId: categoryId || undefined,
        limit: PAGE_SIZE,
        offset: items.length,
      });
      firstNew.current = items.length;
      setItems((list) => [...list, ...data.items.filter((x) => !list.some((y) => y.code === x.code))]);
      setTotal(data.total);
      setMore({ loading: false, error: null });
    } catch (e) {
      setMore({ loading: false, error: e });
    }
  };

  return (
    <article className="page page--wide">
      <h1 tabIndex={-1}>{t('answers.title')}</h1>
      <p className="lead">{t('answers.intro')}</p>
      <form className="search" role="search" onSubmit={submit}>
        <div className="field search__q">
          <label htmlFor="a-q" className="field__label">
            {t('answers.search')}
          </label>
          <input
            id="a-q"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            enterKeyHint="search"
          />
        </div>
        {form?.categories.length ? (
          <div className="field search__category">
            <label htmlFor="a-category" className="field__label">
              {t('answers.category')}
            </label>
            <select id="a-category" value={categoryId} onChange={(e) => go(text, e.target.value)}>
              <option value="">{t('answers.allCategories')}</option>
              {form.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {pickText(c.name, lang)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button button--primary search__button">
          {t('answers.submit')}
        </button>
      </form>

      <p className="result-count" role="status">
        {!loading && !error && total !== null
          ? total === 0
            ? t('answers.none')
            : items.length < total
              ? `${t('answers.total', { total: formatNumber(total) })} ${t('answers.showing', {
                  shown: formatNumber(items.length),
                  total: formatNumber(total),
                })}`
              : t('answers.total', { total: formatNumber(total) })
          : ''}
      </p>

      {loading ? (
        <Loading />
      ) : error ? (
        <LoadError error={error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <>
          <ol className="answer-list" ref={listRef}>
            {items.map((item) => (
              <AnswerItem key={item.code} item={item} />
            ))}
          </ol>
          {total !== null && items.length < total ? (
            <div className="more">
              {more.error ? (
                <p className="field__error" role="alert">
                  {describeError(more.error, t)}
                </p>
              ) : null}
              <button
                type="button"
                className="button button--secondary button--wide"
                onClick={loadMore}
                disabled={more.loading}
              >
                {more.loading ? <span className="spinner" aria-hidden="true" /> : null}
                {more.loading ? t('common.loading') : more.error ? t('common.retry') : t('answers.more')}
              </button>
            </div>
          ) : null}
        </>
      )}
    </article>
  );
}

function AnswerItem({ item }: { item: PublishedItem }) {
  const { t, lang } = useI18n();
  const category = pickText(item.category, lang);
  return (
    <li className="answer-item">
      <h2 className="answer-item__title">
        <Link href={pathFor({ name: 'track', code: item.code })}>{item.title}</Link>
      </h2>
      <p className="answer-item__meta">
        <span translate="no">{item.code}</span>
        {category ? <span>{category}</span> : null}
      </p>
      {item.subject ? (
        <p className="answer-item__line">{t('answers.about', { subject: item.subject })}</p>
      ) : null}
      {item.handlingUnit ? (
        <p className="answer-item__line">{t('answers.handledBy', { unit: item.handlingUnit })}</p>
      ) : null}
      <p className="answer-item__meta">
        <span>{t('answers.receivedOn', { date: formatDate(item.receivedOn) })}</span>
        {item.answeredOn ? (
          <span>{t('answers.answeredOn', { date: formatDate(item.answeredOn) })}</span>
        ) : null}
      </p>
      <p className="answer-item__badges">
        {item.onTime === true ? <span className="badge badge--ok">{t('answers.onTime')}</span> : null}
        {item.onTime === false ? <span className="badge badge--late">{t('answers.late')}</span> : null}
        {item.satisfaction === 'satisfied' ? <span className="badge">{t('rate.satisfied')}</span> : null}
        {item.satisfaction === 'not_satisfied' ? (
          <span className="badge badge--neutral">{t('rate.notSatisfied')}</span>
        ) : null}
        {item.answerFiles > 0 ? (
          <span className="badge badge--neutral">{t('answers.files', { count: item.answerFiles })}</span>
        ) : null}
      </p>
    </li>
  );
}
