import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n-react';

export type ControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
};

/**
 * A labelled control with its hint and its error, wired for screen readers (`aria-describedby`,
 * `aria-invalid`); the error sits between the label and the control, where it is read and seen first.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  extra,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  required?: boolean;
  /** Shown under the control (a counter). */
  extra?: ReactNode;
  children: (props: ControlProps) => ReactNode;
}) {
  const { t } = useI18n();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ? `${id}-extra` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? (
          <span className="field__req">
            {' '}
            <span aria-hidden="true">*</span>
            <span className="visually-hidden">({t('common.required')})</span>
          </span>
        ) : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(required ? { 'aria-required': true as const } : {}),
      })}
      {extra ? (
        <div id={`${id}-extra`} className="field__extra">
          {extra}
        </div>
      ) : null}
    </div>
  );
}

/** "123/5000 ký tự", announced politely only near the limit. */
export function Counter({ value, max }: { value: string; max: number }) {
  const { t } = useI18n();
  const count = value.trim().length;
  const near = count > max * 0.9;
  return (
    <span className={count > max ? 'counter counter--over' : 'counter'} aria-live={near ? 'polite' : 'off'}>
      {t('common.counter', { count: count.toLocaleString('vi-VN'), max: max.toLocaleString('vi-VN') })}
    </span>
  );
}
