/**
 * One question, drawn by its kind. Every control has a label; a group of choices is a `<fieldset>` with its
 * `<legend>`; the help and the error are tied to the controls by `aria-describedby`. Touch targets are whole
 * rows (the label around the input), at least 48 px high. A matrix is a list of small radio groups, one per
 * criterion (never a wide table: it must work at 360 px); on a wide screen its rows line up under one header.
 *
 * Ids: `q-<code>` (the question), `q-<code>-help`, `q-<code>-error`, `q-<code>--<row>` (a matrix row),
 * `q-<code>--<row>-error`; test ids `item-<code>` and `row-<code>-<row>`.
 */
import type { ReactNode } from 'react';
import { formatNumber } from '../../../public-site/src/lib/format';
import {
  DEFAULT_NA_LABEL,
  resolveScale,
  type Likert5Item,
  type MatrixItem,
  type MultipleItem,
  type NumberItem,
  type ScaleAnswer,
  type ScalePoint,
  type SingleItem,
  type SurveyDefinition,
  type SurveyItem,
  type TextItem,
} from '../../../../server/modules/surveys/rules/definition';
import { textLength, toggleChoice, type DraftValue, type ItemProblem } from '../lib/form';
import { pickText, textLang, type Bilingual, type Lang, type Translate } from '../lib/i18n';
import { useI18n } from '../lib/i18n-react';

type Props<I extends SurveyItem> = {
  def: SurveyDefinition;
  item: I;
  value: DraftValue | undefined;
  onChange: (value: DraftValue | undefined) => void;
  problems: ItemProblem[];
};

export const questionId = (code: string) => `q-${code}`;
export const rowId = (code: string, row: string) => `q-${code}--${row}`;

/** A `{ vi, en }` text in the reader's language, marked with the language it is really in. */
export function Txt({
  value,
  as: Tag = 'span',
  ...rest
}: {
  value: Bilingual | undefined;
  as?: 'span' | 'p' | 'strong';
  id?: string;
  className?: string;
}) {
  const { lang } = useI18n();
  const shown = textLang(value, lang);
  return (
    <Tag {...rest} lang={shown !== lang ? shown : undefined}>
      {pickText(value, lang)}
    </Tag>
  );
}

function RequiredMark() {
  const { t } = useI18n();
  return (
    <span className="req">
      {' '}
      <span aria-hidden="true">*</span>
      <span className="visually-hidden">({t('common.required')})</span>
    </span>
  );
}

/** The message of a problem: the page's own short words for a missing or unreadable answer, else the rules'. */
export function problemText(p: ItemProblem, t: Translate, lang: Lang, missingRows = 0): string {
  if (p.problem === 'required') return t('item.required');
  if (p.problem === 'row_missing')
    return p.row === null ? t('item.rowsMissing', { count: missingRows }) : t('item.rowRequired');
  if (p.problem === 'number_format') return t('item.numberInvalid');
  return pickText(p.message, lang);
}

/** The question's own messages (a matrix's missing rows are said once for the question, and on each row). */
function itemMessages(problems: ItemProblem[], t: Translate, lang: Lang): string[] {
  const missing = problems.filter((p) => p.problem === 'row_missing').length;
  const out: string[] = [];
  for (const p of problems) {
    if (p.problem === 'row_missing') {
      const text = problemText({ ...p, row: null }, t, lang, missing);
      if (!out.includes(text)) out.push(text);
    } else {
      const text = problemText(p, t, lang);
      if (!out.includes(text)) out.push(text);
    }
  }
  return out;
}

const describedBy = (...ids: (string | false | null | undefined)[]) =>
  ids.filter(Boolean).join(' ') || undefined;

/** The frame every question shares: its container, help, error and (for groups) fieldset and legend. */
function Frame({
  item,
  problems,
  group,
  hint,
  children,
  radiogroup = false,
}: {
  item: SurveyItem;
  problems: ItemProblem[];
  /** A group of controls (fieldset/legend) rather than one labelled control. */
  group: boolean;
  hint?: ReactNode;
  children: (aria: { describedBy: string | undefined; invalid: boolean }) => ReactNode;
  radiogroup?: boolean;
}) {
  const { t, lang } = useI18n();
  const id = questionId(item.code);
  const messages = itemMessages(problems, t, lang);
  const hasHelp = !!pickText(item.help, lang) || !!hint;
  const aria = {
    describedBy: describedBy(hasHelp && `${id}-help`, messages.length > 0 && `${id}-error`),
    invalid: messages.length > 0,
  };
  const title = (
    <>
      <Txt value={item.text} className="question__text" />
      {item.required ? <RequiredMark /> : null}
    </>
  );
  const help = hasHelp ? (
    <div id={`${id}-help`} className="question__help">
      {pickText(item.help, lang) ? <Txt value={item.help} as="p" /> : null}
      {hint ? <p>{hint}</p> : null}
    </div>
  ) : null;
  const error = messages.length ? (
    <div id={`${id}-error`} className="question__error">
      {messages.map((m) => (
        <p key={m}>
          <span aria-hidden="true">⚠ </span>
          {m}
        </p>
      ))}
    </div>
  ) : null;
  const className = `question question--${item.kind}${aria.invalid ? ' question--invalid' : ''}`;
  if (!group)
    return (
      <div className={className} id={id} data-testid={`item-${item.code}`}>
        <label htmlFor={`${id}-input`} className="question__label">
          {title}
        </label>
        {help}
        {error}
        {children(aria)}
      </div>
    );
  return (
    <fieldset
      className={className}
      id={id}
      data-testid={`item-${item.code}`}
      aria-describedby={aria.describedBy}
      {...(radiogroup ? { role: 'radiogroup', 'aria-required': item.required ? true : undefined } : {})}
    >
      <legend className="question__label">{title}</legend>
      {help}
      {error}
      {children(aria)}
    </fieldset>
  );
}

export function Question(props: Props<SurveyItem>) {
  const { item } = props;
  switch (item.kind) {
    case 'single':
      return <Single {...props} item={item} />;
    case 'multiple':
      return <Multiple {...props} item={item} />;
    case 'likert5':
      return <Likert {...props} item={item} />;
    case 'matrix':
      return <Matrix {...props} item={item} />;
    case 'number':
      return <NumberQuestion {...props} item={item} />;
    case 'text':
      return <TextQuestion {...props} item={item} />;
  }
}

/** "Bỏ chọn": a radio cannot be unticked, so an optional question answered by mistake can be cleared. */
function ClearChoice({ item, value, onChange }: Pick<Props<SurveyItem>, 'item' | 'value' | 'onChange'>) {
  const { t } = useI18n();
  if (item.required || value === undefined) return null;
  return (
    <button
      type="button"
      className="link-button"
      data-testid={`clear-${item.code}`}
      onClick={() => {
        onChange(undefined);
        document.getElementById(`${questionId(item.code)}-0`)?.focus();
      }}
    >
      {t('item.clear')}
    </button>
  );
}

function Single({ item, value, onChange, problems }: Props<SingleItem>) {
  const id = questionId(item.code);
  return (
    <Frame item={item} problems={problems} group radiogroup>
      {() => (
        <>
          <div className="choices">
            {item.choices.map((c, i) => (
              <label key={c.code} className="choice">
                <input
                  type="radio"
                  id={`${id}-${i}`}
                  name={id}
                  value={c.code}
                  checked={value === c.code}
                  onChange={() => onChange(c.code)}
                />
                <Txt value={c.label} />
              </label>
            ))}
          </div>
          <ClearChoice item={item} value={value} onChange={onChange} />
        </>
      )}
    </Frame>
  );
}

function Multiple({ item, value, onChange, problems }: Props<MultipleItem>) {
  const { t, lang } = useI18n();
  const id = questionId(item.code);
  const chosen = Array.isArray(value) ? value : [];
  const { minSelections: min, maxSelections: max } = item;
  const n = (x: number) => formatNumber(x);
  const hints = [
    min !== undefined && max !== undefined
      ? t('item.chooseBetween', { min: n(min), max: n(max) })
      : min !== undefined
        ? t('item.chooseAtLeast', { min: n(min) })
        : max !== undefined
          ? t('item.chooseAtMost', { max: n(max) })
          : t('item.chooseMany'),
    ...item.choices
      .filter((c) => c.exclusive)
      .map((c) => t('item.exclusive', { choice: pickText(c.label, lang) })),
  ];
  return (
    <Frame item={item} problems={problems} group hint={hints.join(' ')}>
      {() => (
        <div className="choices">
          {item.choices.map((c, i) => (
            <label key={c.code} className={c.exclusive ? 'choice choice--exclusive' : 'choice'}>
              <input
                type="checkbox"
                id={`${id}-${i}`}
                name={`${id}-${c.code}`}
                value={c.code}
                checked={chosen.includes(c.code)}
                onChange={(e) => {
                  const next = toggleChoice(item, chosen, c.code, e.target.checked);
                  onChange(next.length ? next : undefined);
                }}
              />
              <Txt value={c.label} />
            </label>
          ))}
        </div>
      )}
    </Frame>
  );
}

/** The five points (and "không ý kiến" where allowed) of one scale question or one matrix row. */
function ScaleOptions({
  name,
  firstId,
  points,
  allowNa,
  naLabel,
  value,
  onChange,
  compact = false,
}: {
  name: string;
  firstId: string;
  points: ScalePoint[];
  allowNa: boolean;
  naLabel: Bilingual;
  value: DraftValue | undefined;
  onChange: (value: ScaleAnswer) => void;
  compact?: boolean;
}) {
  const options: { value: ScaleAnswer; label: Bilingual; num: string }[] = [
    ...points.map((p) => ({ value: p.value, label: p.label, num: String(p.value) })),
    ...(allowNa ? [{ value: 'na' as const, label: naLabel, num: '–' }] : []),
  ];
  return (
    <div className={compact ? 'scale scale--compact' : 'scale'}>
      {options.map((o, i) => (
        <label key={o.value} className={o.value === 'na' ? 'scale__opt scale__opt--na' : 'scale__opt'}>
          <input
            type="radio"
            id={i === 0 ? firstId : `${firstId}-${i}`}
            name={name}
            value={String(o.value)}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          <span className="scale__num" aria-hidden="true">
            {o.num}
          </span>
          <Txt value={o.label} className="scale__label" />
        </label>
      ))}
    </div>
  );
}

function Likert({ def, item, value, onChange, problems }: Props<Likert5Item>) {
  const { t, lang } = useI18n();
  const id = questionId(item.code);
  const points = resolveScale(def, item.scale) ?? [];
  const hint =
    points.length === 5
      ? t('item.scaleRange', {
          low: pickText(points[0]!.label, lang),
          high: pickText(points[4]!.label, lang),
        })
      : undefined;
  return (
    <Frame item={item} problems={problems} group radiogroup hint={hint}>
      {() => (
        <>
          <ScaleOptions
            name={id}
            firstId={`${id}-0`}
            points={points}
            allowNa={item.allowNa === true}
            naLabel={item.naLabel ?? DEFAULT_NA_LABEL}
            value={value}
            onChange={onChange}
          />
          <ClearChoice item={item} value={value} onChange={onChange} />
        </>
      )}
    </Frame>
  );
}

function Matrix({ def, item, value, onChange, problems }: Props<MatrixItem>) {
  const { t, lang } = useI18n();
  const id = questionId(item.code);
  const points = resolveScale(def, item.scale) ?? [];
  const cells = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const allowNa = item.allowNa === true;
  const naLabel = item.naLabel ?? DEFAULT_NA_LABEL;
  return (
    <Frame item={item} problems={problems.filter((p) => p.row === null || p.problem === 'row_missing')} group>
      {() => (
        <div className={allowNa ? 'matrix matrix--na' : 'matrix'}>
          {/* The scale once above the rows, on a wide screen only; each option keeps its full accessible name. */}
          <div className="matrix__head" aria-hidden="true">
            <span />
            {points.map((p) => (
              <span key={p.value}>
                <span className="scale__num">{p.value}</span> {pickText(p.label, lang)}
              </span>
            ))}
            {allowNa ? (
              <span>
                <span className="scale__num">–</span> {pickText(naLabel, lang)}
              </span>
            ) : null}
          </div>
          {item.rows.map((row, r) => {
            const rid = rowId(item.code, row.code);
            const rowProblems = problems.filter((p) => p.row === row.code);
            const message = rowProblems.length ? problemText(rowProblems[0]!, t, lang) : null;
            const hasHelp = !!pickText(row.help, lang);
            return (
              <fieldset
                key={row.code}
                id={rid}
                role="radiogroup"
                aria-required={item.required ? true : undefined}
                className={message ? 'matrix__row matrix__row--invalid' : 'matrix__row'}
                data-testid={`row-${item.code}-${row.code}`}
                aria-describedby={describedBy(hasHelp && `${rid}-help`, message && `${rid}-error`)}
              >
                <legend className="matrix__legend">
                  <Txt value={row.text} />
                </legend>
                {hasHelp ? (
                  <Txt value={row.help} as="p" id={`${rid}-help`} className="question__help" />
                ) : null}
                {message ? (
                  <p id={`${rid}-error`} className="question__error">
                    <span aria-hidden="true">⚠ </span>
                    {message}
                  </p>
                ) : null}
                <ScaleOptions
                  name={rid}
                  firstId={r === 0 ? `${id}-0` : `${rid}-0`}
                  points={points}
                  allowNa={allowNa}
                  naLabel={naLabel}
                  value={cells[row.code]}
                  compact
                  onChange={(v) => onChange({ ...cells, [row.code]: v })}
                />
              </fieldset>
            );
          })}
        </div>
      )}
    </Frame>
  );
}

function NumberQuestion({ item, value, onChange, problems }: Props<NumberItem>) {
  const { t } = useI18n();
  const id = questionId(item.code);
  const n = (x: number) => formatNumber(x, 6);
  const { min, max } = item;
  const hint = [
    min !== undefined && max !== undefined
      ? t('item.numberBetween', { min: n(min), max: n(max) })
      : min !== undefined
        ? t('item.numberAtLeast', { min: n(min) })
        : max !== undefined
          ? t('item.numberAtMost', { max: n(max) })
          : '',
    item.integer ? t('item.numberWhole') : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Frame item={item} problems={problems} group={false} hint={hint || undefined}>
      {(aria) => (
        <div className="number">
          <input
            id={`${id}-input`}
            type="text"
            inputMode={item.integer ? 'numeric' : 'decimal'}
            autoComplete="off"
            className="input input--number"
            value={typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''}
            aria-describedby={describedBy(aria.describedBy, item.unit && `${id}-unit`)}
            aria-invalid={aria.invalid || undefined}
            aria-required={item.required || undefined}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          />
          {item.unit ? <Txt value={item.unit} id={`${id}-unit`} className="number__unit" /> : null}
        </div>
      )}
    </Frame>
  );
}

function TextQuestion({ item, value, onChange, problems }: Props<TextItem>) {
  const { t } = useI18n();
  const id = questionId(item.code);
  const text = typeof value === 'string' ? value : '';
  const count = textLength(text);
  const near = count > item.maxLength * 0.9;
  const control = {
    id: `${id}-input`,
    value: text,
    onChange: (e: { target: { value: string } }) =>
      onChange(e.target.value === '' ? undefined : e.target.value),
  };
  return (
    <Frame item={item} problems={problems} group={false}>
      {(aria) => {
        const props = {
          ...control,
          className: 'input',
          'aria-describedby': describedBy(aria.describedBy, `${id}-count`),
          'aria-invalid': aria.invalid || undefined,
          'aria-required': item.required || undefined,
        };
        return (
          <>
            {item.multiline === false ? <input type="text" {...props} /> : <textarea rows={5} {...props} />}
            <p
              id={`${id}-count`}
              className={count > item.maxLength ? 'counter counter--over' : 'counter'}
              aria-live={near ? 'polite' : 'off'}
            >
              {t('item.counter', { count: formatNumber(count), max: formatNumber(item.maxLength) })}
            </p>
          </>
        );
      }}
    </Frame>
  );
}
