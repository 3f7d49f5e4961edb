/**
 * The unit or place concerned: an editable combobox with a list popup (WAI-ARIA APG "combobox with listbox"):
 * typing searches the server (250 ms after the last key, accent-insensitive there), ↓/↑ move through the
 * options (`aria-activedescendant`, the focus stays in the input), Enter picks, Escape closes the list (or,
 * when closed, clears the text); the number of results is announced.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { API, getJson } from '../lib/api';
import { useDebounced } from '../lib/hooks';
import { useI18n } from '../lib/i18n-react';
import type { UnitOption, UnitSearchOut } from '../lib/types';
import type { ControlProps } from './Field';

export const MIN_QUERY = 2;
const DEBOUNCE_MS = 250;

type Status = 'idle' | 'searching' | 'done' | 'error';

export function UnitCombobox({
  control,
  value,
  onChange,
  text,
  onTextChange,
}: {
  control: ControlProps;
  value: UnitOption | null;
  onChange: (unit: UnitOption | null) => void;
  text: string;
  onTextChange: (text: string) => void;
}) {
  const { t } = useI18n();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<UnitOption[]>([]);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<Status>('idle');
  const [attempt, setAttempt] = useState(0);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const searching = open && query.length >= MIN_QUERY && !(value && value.name === text);

  useEffect(() => {
    if (!searching) return;
    const controller = new AbortController();
    setStatus('searching');
    getJson<UnitSearchOut>(
      `${API}/units`,
      { q: query },
      { signal: controller.signal, timeoutMs: 20_000 },
    ).then(
      (data) => {
        setItems(data.items);
        setActive(-1);
        setStatus('done');
      },
      () => {
        if (controller.signal.aborted) return;
        setItems([]);
        setStatus('error');
      },
    );
    return () => controller.abort();
  }, [searching, query, attempt]);

  const choose = (unit: UnitOption) => {
    onChange(unit);
    onTextChange(unit.name);
    setOpen(false);
    setActive(-1);
  };

  const clear = () => {
    onChange(null);
    onTextChange('');
    setItems([]);
    setStatus('idle');
    setOpen(false);
    inputRef.current?.focus();
  };

  const showList = open && searching && status === 'done' && items.length > 0;

  // On a phone the list opens under the keyboard: bring the input to the top of what is visible.
  useEffect(() => {
    if (!showList) return;
    const list = listRef.current;
    const visible = window.visualViewport?.height ?? window.innerHeight;
    if (list && list.getBoundingClientRect().bottom > visible)
      inputRef.current?.scrollIntoView({ block: 'start' });
  }, [showList]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        if (items.length) setActive((i) => (i + 1) % items.length);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        if (items.length) setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
        break;
      case 'Enter':
        if (showList && active >= 0 && items[active]) {
          e.preventDefault(); // picking is not sending the form
          choose(items[active]);
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          clear();
        }
        break;
      default:
    }
  };

  let announcement = '';
  if (open && text.trim().length > 0 && text.trim().length < MIN_QUERY)
    announcement = t('combo.typeMore', { min: MIN_QUERY });
  else if (searching && status === 'searching') announcement = t('combo.searching');
  else if (searching && status === 'error') announcement = t('combo.error');
  else if (searching && status === 'done')
    announcement = items.length
      ? t('combo.results', { count: items.length })
      : t('combo.noResults', { q: query });

  return (
    <div className="combo">
      <div className="combo__row">
        <input
          {...control}
          ref={inputRef}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            const next = e.target.value;
            onTextChange(next);
            if (value && next !== value.name) onChange(null);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => {
            if (!value) setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {text ? (
          <button
            type="button"
            className="combo__clear"
            onClick={clear}
            aria-label={t('combo.clear')}
            title={t('combo.clear')}
          >
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
      </div>
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        className="combo__list"
        hidden={!showList}
        aria-label={t('field.subject')}
      >
        {items.map((item, i) => (
          <li
            key={item.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'combo__option combo__option--active' : 'combo__option'}
            // Keep the focus in the input (a click would blur it and close the list first).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(item)}
          >
            {item.name}
          </li>
        ))}
      </ul>
      <p className="combo__status" role="status" aria-live="polite">
        {value ? t('combo.selected', { name: value.name }) : announcement}
        {searching && status === 'error' ? (
          <>
            {' '}
            <button
              type="button"
              className="link-button"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setOpen(true);
                setAttempt((n) => n + 1);
                inputRef.current?.focus();
              }}
            >
              {t('common.retry')}
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
}
