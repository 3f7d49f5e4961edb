/**
 * What the portal's pages share (one chunk, fetched with the first portal page): the year switch, a search box
 * kept in the address, sortable table headers, status chips, the completion bar, the bar chart in plain SVG and
 * the "not published" notice.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Link } from '../components/Link';
import { LoadError, Loading } from '../components/Status';
import { formatNumber, formatPercent } from '../lib/format';
import { useI18n } from '../lib/i18n-react';
import { usePortal } from '../lib/portal';
import { useDebounced, usePortalTitle } from '../lib/hooks';
import { chooseYear } from '../lib/years';
import { barPercent } from '../lib/plan-view';
import type { Completion, PublicTaskStatus } from '../lib/portal-types';
import type { Sort } from '../lib/portal-query';
import { barChart, CHANGE_ARROW, type Change } from '../lib/ranking';
import { navigate, pathFor } from '../lib/router';

export function NotPublished({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <article className="page">
      <h1 tabIndex={-1}>{title}</h1>
      <div className="notice notice--info">
        <p className="notice__title">{t('portal.notPublishedTitle')}</p>
        <p>{t('portal.notPublished')}</p>
      </div>
      {children}
      <p>
        <Link href={pathFor({ name: 'home' })}>{t('portal.backHome')}</Link>
      </p>
    </article>
  );
}

/** A choice in a `<select>`, labelled; a change goes to `hrefOf(value)` as a new step of the history. */
export function SelectNav({
  label,
  value,
  options,
  hrefOf,
  className,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  hrefOf: (value: string) => string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => navigate(hrefOf(e.target.value))}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A search box whose text goes to the address as it is typed (after a short pause, replacing the step, so Back
 * leaves the page instead of undoing letters); the address wins when it changes (Back/Forward).
 */
export function SearchBox({
  label,
  value,
  hrefOf,
  hint,
}: {
  label: string;
  value: string;
  hrefOf: (q: string) => string;
  hint?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(value);
  const settled = useDebounced(text, 250);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (settled.trim() !== value) navigate(hrefOf(settled), { replace: true });
    // Only the typed text moves the address; `value` follows it.
  }, [settled]);
  return (
    <div className="field search-box" role="search">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="search-box__row">
        <input
          id={id}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') navigate(hrefOf(text), { replace: true });
          }}
          enterKeyHint="search"
          autoComplete="off"
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        {text ? (
          <button
            type="button"
            className="search-box__clear"
            aria-label={t('portal.clearSearch')}
            onClick={() => {
              setText('');
              navigate(hrefOf(''), { replace: true });
            }}
          >
            ×
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** A column header that sorts its table: a button inside, `aria-sort` on the header. */
export function SortHeader<K extends string>({
  column,
  sort,
  label,
  onSort,
  numeric,
}: {
  column: K;
  sort: Sort<K>;
  label: string;
  onSort: (column: K) => void;
  numeric?: boolean;
}) {
  const { t } = useI18n();
  const active = sort.key === column;
  return (
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(column)}
        title={t('portal.sortBy', { column: label })}
      >
        {label}
        <span className="sort-button__mark" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        {active ? (
          <span className="visually-hidden">
            , {sort.dir === 'asc' ? t('portal.sortedAsc') : t('portal.sortedDesc')}
          </span>
        ) : null}
      </button>
    </th>
  );
}

export function StatusChip({ status }: { status: PublicTaskStatus }) {
  const { t } = useI18n();
  return <span className={`chip chip--${status}`}>{t(`status.${status}`)}</span>;
}

/** The completion of a set of tasks: a bar and the same in words. */
export function CompletionBar({ figures, label }: { figures: Completion; label?: string }) {
  const { t } = useI18n();
  const percent = formatPercent(figures.completionPercent);
  return (
    <div className="completion">
      {label ? <p className="completion__label">{label}</p> : null}
      <div
        className="completion__bar"
        role="img"
        aria-label={t('portal.completionBar', { percent: percent || t('portal.noValue') })}
      >
        <span style={{ width: `${barPercent(figures.completionPercent)}%` }} />
      </div>
      <p className="completion__text">
        <strong>{percent || t('portal.noValue')}</strong>{' '}
        {t('portal.completion', { done: formatNumber(figures.done), total: formatNumber(figures.total) })}
        {'; '}
        {t('portal.statusCounts', {
          inProgress: formatNumber(figures.inProgress),
          overdue: formatNumber(figures.overdue),
        })}
      </p>
    </div>
  );
}

/** The width an element is shown at, followed as the window changes (null before the first layout). */
function useWidth<E extends HTMLElement>(): [(element: E | null) => void, number | null] {
  const [element, setElement] = useState<E | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width];
}

/**
 * A horizontal bar chart of percentages in plain SVG, drawn at the width it is shown (names left of the bars, or
 * above them on a phone). It is one image for screen readers, named by its title and description: the table
 * beside it has the same figures.
 */
export function PercentBars({
  items,
  title,
  description,
}: {
  items: readonly { key: string; label: string; value: number }[];
  title: string;
  description: string;
}) {
  const id = useId();
  const [ref, measured] = useWidth<HTMLDivElement>();
  const chart = barChart(items, { width: Math.max(280, Math.round(measured ?? 640)) });
  return (
    <figure className="chart">
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      <p id={`${id}-desc`} className="muted small">
        {description}
      </p>
      <div ref={ref} className="chart__box">
        <svg
          className="chart__svg"
          width={chart.width}
          height={chart.height}
          viewBox={`0 0 ${chart.width} ${chart.height}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
        >
          {chart.ticks.map((tick) => (
            <g key={tick.value}>
              <line className="chart__grid" x1={tick.x} x2={tick.x} y1={18} y2={chart.height} />
              <text className="chart__tick" x={tick.x} y={12} textAnchor="middle">
                {tick.value}%
              </text>
            </g>
          ))}
          {chart.bars.map((bar) => (
            <g key={bar.key}>
              <text
                className="chart__label"
                x={bar.labelX}
                y={bar.labelY}
                textAnchor={chart.stacked ? 'start' : 'end'}
                dominantBaseline="middle"
              >
                {bar.label}
              </text>
              <rect
                className="chart__bar"
                x={chart.plotX}
                y={bar.y}
                width={bar.width}
                height={chart.barHeight}
                rx={2}
              />
              <text
                className="chart__value"
                x={chart.plotX + bar.width + 6}
                y={bar.y + chart.barHeight / 2}
                dominantBaseline="middle"
              >
                {formatNumber(bar.value, 1)}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </figure>
  );
}

/** A big readable figure with what it counts and, under it, how it was made. */
export function Figure({ value, label, detail }: { value: string; label: string; detail?: string }) {
  return (
    <div className="figure">
      <p className="figure__value">{value}</p>
      <p className="figure__label">{label}</p>
      {detail ? <p className="figure__detail">{detail}</p> : null}
    </div>
  );
}

/** A change from last year: an arrow and the value, read out as words ("tăng 1,25"). */
export function ChangeCell({ change }: { change: Change }) {
  const { t } = useI18n();
  if (change.dir === 'none') return <span className="muted">{t('par.change.none')}</span>;
  if (change.dir === 'same') return <span className="change change--same">{t('par.change.same')}</span>;
  const value = formatNumber(change.value, 2);
  return (
    <span className={`change change--${change.dir}`}>
      <span aria-hidden="true">
        {CHANGE_ARROW[change.dir]} {value}
      </span>
      <span className="visually-hidden">
        {change.dir === 'up' ? t('par.change.up', { value }) : t('par.change.down', { value })}
      </span>
    </span>
  );
}

/**
 * A table's scrolling box on a narrow screen: a named region that takes the focus, so the keyboard can scroll it
 * too (a table of figures may be wider than a phone).
 */
export function TableBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/**
 * A section published by year (the plan, the pilot units): its title and lead, then — by the year asked for and
 * the years the portal publishes — waiting, nothing published, a year not published (with the year switch), or
 * the year itself. Without a year: the newest published one.
 */
export function YearSectionPage({
  section,
  year,
  renderSwitch,
  renderYear,
}: {
  section: 'plan' | 'pilots';
  year: number | null;
  renderSwitch: (year: number, years: readonly number[]) => ReactNode;
  renderYear: (year: number) => ReactNode;
}) {
  const { t } = useI18n();
  const portal = usePortal();
  const choice = chooseYear(year, portal.data?.years[section]);
  const shownYear = choice.kind === 'year' || choice.kind === 'unpublished' ? choice.year : null;
  const title = shownYear ? t(`${section}.title`, { year: shownYear }) : t(`${section}.titleNone`);
  usePortalTitle(title);
  if (portal.data && !portal.data.sections[section])
    return <NotPublished title={t(`${section}.titleNone`)} />;
  return (
    <article className="page page--portal">
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t(`${section}.intro`)}</p>
      {choice.kind === 'waiting' ? (
        portal.error ? (
          <LoadError error={portal.error} onRetry={portal.retry} />
        ) : (
          <Loading />
        )
      ) : choice.kind === 'none' ? (
        <p className="notice notice--info">{t(`${section}.noYears`)}</p>
      ) : choice.kind === 'unpublished' ? (
        <>
          {renderSwitch(choice.year, portal.data?.years[section] ?? [])}
          <p className="notice notice--info">{t('portal.yearNotPublished', { year: choice.year })}</p>
        </>
      ) : (
        renderYear(choice.year)
      )}
    </article>
  );
}
