import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

/**
 * The maps' common base (loaded only with a map: this module and Leaflet are a lazy chunk). No tile server is
 * needed: the province's commune boundaries (GET /api/v1/geo/communes/{province}.geojson, or every province's
 * outline when the province is not known) are drawn as the base; a tile layer is added only when the platform is
 * configured with a tile URL.
 */
const VIETNAM: L.LatLngTuple = [16.2, 106.3];

export interface BaseMapOptions {
  provinceCode: string | null | undefined;
  tileUrl: string | null | undefined;
  /** Where to open; without it the map fits the boundaries. */
  center?: { lat: number; lng: number } | null;
  label: string;
}

export function createBaseMap(element: HTMLElement, options: BaseMapOptions): L.Map {
  const map = L.map(element, { preferCanvas: true, attributionControl: Boolean(options.tileUrl) });
  map.getContainer().setAttribute('aria-label', options.label);
  if (options.center) map.setView([options.center.lat, options.center.lng], 16);
  else map.setView(VIETNAM, 6);
  if (options.tileUrl) L.tileLayer(options.tileUrl, { maxZoom: 19 }).addTo(map);
  void drawBoundaries(map, options.provinceCode, !options.center);
  return map;
}

async function drawBoundaries(
  map: L.Map,
  provinceCode: string | null | undefined,
  fit: boolean,
): Promise<void> {
  const url = provinceCode ? `/api/v1/geo/communes/${provinceCode}.geojson` : '/api/v1/geo/provinces.geojson';
  try {
    const response = await fetch(url, { headers: { accept: 'application/geo+json, application/json' } });
    if (!response.ok) return;
    const layer = L.geoJSON((await response.json()) as GeoJSON.GeoJsonObject, {
      style: { color: '#3d5a80', weight: 1, fillColor: '#e0e7ef', fillOpacity: 0.35 },
      interactive: false,
    }).addTo(map);
    layer.bringToBack();
    if (fit && provinceCode) map.fitBounds(layer.getBounds());
  } catch {
    // Offline or not available: the map still works, only without outlines.
  }
}

/** west,south,east,north as GET /api/v1/cases/map wants it, clamped to the world and rounded. */
export function bboxOf(map: L.Map): string {
  const b = map.getBounds();
  const round = (n: number) => Math.round(n * 1e5) / 1e5;
  const west = round(Math.max(-180, b.getWest()));
  const east = round(Math.min(180, b.getEast()));
  const south = round(Math.max(-90, b.getSouth()));
  const north = round(Math.min(90, b.getNorth()));
  return [west, south, east, north].join(',');
}

export { L };
