import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';
import type { CaptureDraft } from './capture-form';

type Location = NonNullable<CaptureDraft['location']>;

/**
 * Location only when the member asks for it, and never in the way: saving does not wait for it, and a refusal
 * or a timeout just says so.
 */
export function LocationField({
  value,
  onChange,
}: {
  value: Location | null;
  onChange: (next: Location | null) => void;
}) {
  const { t } = useTranslation('support');
  const [state, setState] = useState<'idle' | 'locating' | 'failed'>('idle');
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const supported = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  function locate() {
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (!mounted.current) return;
        setState('idle');
        onChange({
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracy: Number.isFinite(position.coords.accuracy) ? Math.round(position.coords.accuracy) : null,
        });
      },
      () => {
        if (mounted.current) setState('failed');
      },
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 120_000 },
    );
  }

  if (!supported) return null;
  return (
    <div className="field">
      <p className="field__label">{t('capture.location')}</p>
      <p aria-live="polite" className="muted">
        {state === 'locating' && t('capture.locating')}
        {state === 'failed' && t('capture.locationFailed')}
        {state === 'idle' &&
          value &&
          (value.accuracy !== null
            ? t('capture.locationAdded', { accuracy: value.accuracy })
            : t('capture.locationAddedNoAccuracy'))}
      </p>
      {value ? (
        <Button variant="secondary" onClick={() => onChange(null)}>
          {t('capture.removeLocation')}
        </Button>
      ) : (
        <Button variant="secondary" loading={state === 'locating'} onClick={locate}>
          {t('capture.addLocation')}
        </Button>
      )}
    </div>
  );
}
