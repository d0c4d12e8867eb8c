import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../app/api';
import { Alert } from '../../ui';
import { fetchCaseMap, type CaseListFilters, type CaseMap } from './cases-api';
import { bboxOf, createBaseMap, L } from './map-base';
import { trackPath } from './paths';

const MOVE_DELAY_MS = 350;

/**
 * The public map (lazy, with Leaflet): after each move, debounced, GET /api/v1/cases/map for the area shown; the
 * server clusters, so the page draws circles with counts whatever the number of reports. A cluster zooms in when
 * tapped; a single case opens its page. The same clusters are listed as a table below for screen readers.
 */
export default function CasesMap({
  filters,
  provinceCode,
  tileUrl,
}: {
  filters: CaseListFilters;
  provinceCode: string | null;
  tileUrl: string | null;
}) {
  const { t, i18n } = useTranslation('cases');
  const navigate = useNavigate();
  const element = useRef<HTMLDivElement>(null);
  const [data, setData] = useState<CaseMap | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    if (!element.current) return;
    const map = createBaseMap(element.current, { provinceCode, tileUrl, label: t('list.mapLabel') });
    const layer = L.layerGroup().addTo(map);
    let timer: number | undefined;
    let controller: AbortController | null = null;
    const load = () => {
      controller?.abort();
      controller = new AbortController();
      const signal = controller.signal;
      fetchCaseMap({ ...filters, bbox: bboxOf(map), zoom: Math.round(map.getZoom()) }, signal).then(
        (answer) => {
          setData(answer);
          setFailure(null);
          layer.clearLayers();
          for (const cluster of answer.clusters) {
            const single = cluster.count === 1 && cluster.code;
            const marker = L.marker([cluster.lat, cluster.lng], {
              icon: L.divIcon({
                className: single ? 'case-marker case-marker--one' : 'case-marker',
                html: single ? '' : String(cluster.count),
                iconSize: single ? [22, 22] : [40, 40],
              }),
              keyboard: true,
              title: single
                ? cluster.code
                : t('list.cluster', {
                    count: cluster.count,
                    lat: cluster.lat.toFixed(4),
                    lng: cluster.lng.toFixed(4),
                  }),
            });
            marker.on('click', () => {
              if (single && cluster.code) void navigate(trackPath(cluster.code));
              else map.setView([cluster.lat, cluster.lng], Math.min(map.getZoom() + 2, 18));
            });
            marker.addTo(layer);
          }
        },
        (error: unknown) => {
          if (signal.aborted) return;
          setFailure(error instanceof ApiError ? error.messageIn(i18n.language) : String(error));
        },
      );
    };
    const schedule = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(load, MOVE_DELAY_MS);
    };
    map.on('moveend', schedule);
    schedule();
    return () => {
      window.clearTimeout(timer);
      controller?.abort();
      map.remove();
    };
    // Rebuilt when the filters change; the language only changes the words of the table below.
  }, [filterKey, provinceCode, tileUrl]);

  return (
    <div className="stack">
      {failure && <Alert tone="error">{failure}</Alert>}
      <div ref={element} className="case-map" />
      {data && <p role="status">{t('list.mapCount', { count: data.total })}</p>}
      {data && data.clusters.length > 0 && (
        <details className="case-map-table">
          <summary>{t('list.mapTable')}</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('list.place')}</th>
                <th scope="col">{t('list.count')}</th>
                <th scope="col">{t('list.code')}</th>
              </tr>
            </thead>
            <tbody>
              {data.clusters.map((c) => (
                <tr key={`${c.lat},${c.lng},${c.id ?? ''}`}>
                  <td>
                    {c.lat.toFixed(4)}, {c.lng.toFixed(4)}
                  </td>
                  <td>{c.count}</td>
                  <td>{c.code ? <Link to={trackPath(c.code)}>{c.code}</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
