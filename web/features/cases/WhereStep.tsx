import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FieldError, TextField } from '../../ui';
import { UnitPicker, type UnitChoice } from '../geography/UnitPicker';
import { DuplicateSuggestions } from './DuplicateSuggestions';
import { MapBoundary } from './MapBoundary';
import { FIELD_IDS, type StepErrors } from './report-form';
import type { DraftLocation, DraftPhoto, ReportDraft } from './report-draft';

// Leaflet and the boundaries load only when the person opens the map.
const PickMap = lazy(() => import('./PickMap'));

const fixed = (n: number) => n.toFixed(5);

function choiceOf(draft: ReportDraft, provinceCode: string): UnitChoice | null {
  if (draft.hamletId && draft.communeCode) {
    const name = draft.hamletName ?? draft.hamletId;
    return {
      code: draft.hamletId,
      level: 'hamlet',
      name,
      fullName: name,
      provinceCode,
      communeCode: draft.communeCode,
    };
  }
  if (draft.communeCode) {
    const name = draft.communeName ?? draft.communeCode;
    return {
      code: draft.communeCode,
      level: 'commune',
      name,
      fullName: name,
      provinceCode,
      communeCode: draft.communeCode,
    };
  }
  return null;
}

/**
 * Step 3: where. The phone's location on request, the place a photo was taken, a pin on the map, or the commune
 * (and hamlet) with the address in words when there is no GPS. Once a place and a category are known, likely
 * duplicates are offered.
 */
export function WhereStep({
  draft,
  photos,
  provinceCode,
  tileUrl,
  errors,
  update,
}: {
  draft: ReportDraft;
  photos: DraftPhoto[];
  provinceCode: string | null;
  tileUrl: string | null;
  errors: StepErrors;
  update: (patch: Partial<ReportDraft>) => void;
}) {
  const { t } = useTranslation('cases');
  const [locating, setLocating] = useState<'idle' | 'locating' | 'failed'>('idle');
  const [mapOpen, setMapOpen] = useState(false);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;
  const photoPlace = photos.find((p) => p.gps)?.gps ?? null;
  const location = draft.location;
  const error = errors[FIELD_IDS.place] ? t(errors[FIELD_IDS.place]!) : undefined;

  function setLocation(next: DraftLocation | null) {
    update({ location: next });
  }

  function locate() {
    setLocating('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (!mounted.current) return;
        setLocating('idle');
        const accuracy = Number.isFinite(position.coords.accuracy)
          ? Math.round(position.coords.accuracy)
          : null;
        setLocation({ lat: position.coords.latitude, lng: position.coords.longitude, accuracy });
      },
      () => mounted.current && setLocating('failed'),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  return (
    <div className="stack">
      <fieldset
        className={error ? 'fieldset field--invalid' : 'fieldset'}
        aria-describedby={error ? `${FIELD_IDS.place}-error` : undefined}
      >
        <legend className="fieldset__legend">{t('report.placeLegend')}</legend>
        {draft.kind === 'petition' && <p className="field__hint">{t('report.placeOptional')}</p>}
        {error && <FieldError id={`${FIELD_IDS.place}-error`} message={error} />}
        <p aria-live="polite" className="muted">
          {locating === 'locating' && t('report.locating')}
          {locating === 'failed' && t('report.locationFailed')}
          {locating === 'idle' &&
            location &&
            (location.accuracy
              ? t('report.locationSetAccuracy', {
                  lat: fixed(location.lat),
                  lng: fixed(location.lng),
                  accuracy: location.accuracy,
                })
              : t('report.locationSet', { lat: fixed(location.lat), lng: fixed(location.lng) }))}
        </p>
        <div className="case-actions">
          {canLocate && (
            <Button
              id={FIELD_IDS.place}
              variant="secondary"
              loading={locating === 'locating'}
              onClick={locate}
            >
              {t('report.useMyLocation')}
            </Button>
          )}
          {photoPlace && (
            <Button variant="secondary" onClick={() => setLocation({ ...photoPlace, accuracy: null })}>
              {t('report.usePhotoPlace')}
            </Button>
          )}
          <Button
            id={canLocate ? undefined : FIELD_IDS.place}
            variant="secondary"
            aria-expanded={mapOpen}
            onClick={() => setMapOpen(!mapOpen)}
          >
            {mapOpen ? t('report.closeMap') : t('report.openMap')}
          </Button>
          {location && (
            <Button variant="ghost" onClick={() => setLocation(null)}>
              {t('report.removeLocation')}
            </Button>
          )}
        </div>
        {mapOpen && (
          <MapBoundary fallback={<p role="alert">{t('report.mapFailed')}</p>}>
            <Suspense fallback={<p role="status">{t('report.mapLoading')}</p>}>
              <PickMap provinceCode={provinceCode} tileUrl={tileUrl} value={location} onPick={setLocation} />
            </Suspense>
          </MapBoundary>
        )}
      </fieldset>
      <UnitPicker
        label={t('report.commune')}
        value={choiceOf(draft, provinceCode ?? '')}
        selectable={['commune', 'hamlet']}
        startCode={provinceCode}
        onChange={(choice) =>
          update({
            communeCode: choice.communeCode,
            communeName: choice.level === 'commune' ? choice.fullName : draft.communeName,
            hamletId: choice.level === 'hamlet' ? choice.code : null,
            hamletName: choice.level === 'hamlet' ? choice.fullName : null,
          })
        }
      />
      <TextField
        label={t('report.address')}
        optional
        maxLength={300}
        autoComplete="street-address"
        value={draft.addressText}
        onChange={(e) => update({ addressText: e.target.value })}
      />
      {location && draft.categoryCode && draft.kind === 'report' && (
        <DuplicateSuggestions category={draft.categoryCode} lat={location.lat} lng={location.lng} />
      )}
    </div>
  );
}
