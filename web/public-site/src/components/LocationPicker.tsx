/**
 * "Use my location": the browser's position as two numbers shown as text — no map (no tile server is
 * reachable and the pages load nothing from elsewhere). Refused, unavailable or unsupported: a sentence
 * pointing to the address field, which is always there.
 */
import { useState } from 'react';
import { formatCoordinate, formatNumber } from '../lib/format';
import { useI18n } from '../lib/i18n-react';
import type { MessageKey } from '../locales/vi';

type State = 'idle' | 'locating' | 'denied' | 'unavailable' | 'unsupported';

const problemKey: Partial<Record<State, MessageKey>> = {
  denied: 'geo.denied',
  unavailable: 'geo.unavailable',
  unsupported: 'geo.unsupported',
};

export function LocationPicker({
  id,
  lat,
  lng,
  onChange,
  error,
}: {
  id: string;
  lat: number | null;
  lng: number | null;
  onChange: (position: { lat: number; lng: number } | null) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<State>('idle');
  const [accuracy, setAccuracy] = useState<number | null>(null);

  const locate = () => {
    if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
      setState('unsupported');
      return;
    }
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        onChange({
          lat: Math.round(pos.coords.latitude * 1e6) / 1e6,
          lng: Math.round(pos.coords.longitude * 1e6) / 1e6,
        });
        setAccuracy(Number.isFinite(pos.coords.accuracy) ? pos.coords.accuracy : null);
        setState('idle');
      },
      (err) => setState(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  const problem = problemKey[state];
  const has = lat !== null && lng !== null;
  return (
    <div className={error ? 'location field--invalid' : 'location'}>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      <div className="location__row">
        <button
          id={id}
          type="button"
          className="button button--secondary"
          onClick={locate}
          disabled={state === 'locating'}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="icon">
            <path
              fill="currentColor"
              d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7Zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5Z"
            />
          </svg>
          {state === 'locating' ? t('geo.locating') : t('geo.button')}
        </button>
        {has ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              onChange(null);
              setAccuracy(null);
            }}
          >
            {t('geo.clear')}
          </button>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {t('geo.hint')}
      </p>
      <p className="location__value" role="status" aria-live="polite">
        {has
          ? `${t('geo.coords', { lat: formatCoordinate(lat), lng: formatCoordinate(lng) })}${
              accuracy !== null
                ? ` ${t('geo.accuracy', { meters: formatNumber(Math.round(accuracy), 0) })}`
                : ''
            }`
          : problem
            ? t(problem)
            : ''}
      </p>
    </div>
  );
}
