import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';
import { createBaseMap, L } from './map-base';
import type { DraftLocation } from './report-draft';

/**
 * The map to put a pin on (a lazy chunk with Leaflet, opened only when the person asks for it). A tap sets the
 * place; "pin at the centre" does the same from the keyboard after panning with the arrow keys.
 */
export default function PickMap({
  provinceCode,
  tileUrl,
  value,
  onPick,
}: {
  provinceCode: string | null;
  tileUrl: string | null;
  value: DraftLocation | null;
  onPick: (location: DraftLocation) => void;
}) {
  const { t } = useTranslation('cases');
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const pin = useRef<L.CircleMarker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!element.current) return;
    const made = createBaseMap(element.current, {
      provinceCode,
      tileUrl,
      center: value,
      label: t('report.mapLabel'),
    });
    made.on('click', (event: L.LeafletMouseEvent) =>
      pick.current({ lat: event.latlng.lat, lng: event.latlng.lng, accuracy: null }),
    );
    map.current = made;
    return () => {
      made.remove();
      map.current = null;
      pin.current = null;
    };
    // The map is made once; the pin follows `value` below.
  }, []);

  useEffect(() => {
    const current = map.current;
    if (!current) return;
    if (!value) {
      pin.current?.remove();
      pin.current = null;
      return;
    }
    const at: L.LatLngTuple = [value.lat, value.lng];
    if (pin.current) pin.current.setLatLng(at);
    else
      pin.current = L.circleMarker(at, { radius: 10, color: '#b42318', weight: 3, fillOpacity: 0.6 }).addTo(
        current,
      );
  }, [value]);

  return (
    <div className="stack">
      <p className="field__hint">{t('report.mapHint')}</p>
      <div ref={element} className="case-map case-map--pick" />
      <Button
        variant="secondary"
        onClick={() => {
          const centre = map.current?.getCenter();
          if (centre) onPick({ lat: centre.lat, lng: centre.lng, accuracy: null });
        }}
      >
        {t('report.pinCentre')}
      </Button>
    </div>
  );
}
