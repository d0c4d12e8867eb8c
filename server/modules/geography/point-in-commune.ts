/**
 * Which commune a point falls in, from the simplified boundaries the maps already use (data/communes-<p>.geojson).
 * A citizen's pin gives the commune of a report without asking them for it. The shapes are simplified, so a pin
 * close to a border may fall in a sliver between two communes: within NEAREST_EDGE_M of a commune's edge it is
 * given to the nearest one rather than refused as "outside the province".
 */

type Ring = [number, number][];
interface CommuneShape {
  code: string;
  polygons: Ring[][];
  bbox: [west: number, south: number, east: number, north: number];
}

export type CommuneLookup =
  | { status: 'found'; communeCode: string }
  /** The point is in none of the province's communes (nor near one). */
  | { status: 'outside' }
  /** No boundaries are shipped for the province: nothing can be said. */
  | { status: 'unknown' };

/** How far outside every simplified shape a point may be and still be given to the nearest commune. */
export const NEAREST_EDGE_M = 1000;

interface FeatureCollection {
  features: { properties: { code?: unknown }; geometry: { type: string; coordinates: unknown } | null }[];
}

export function parseCommuneShapes(collection: FeatureCollection): CommuneShape[] {
  const shapes: CommuneShape[] = [];
  for (const f of collection.features) {
    if (!f.geometry || typeof f.properties.code !== 'string') continue;
    const polygons =
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates as Ring[]]
        : f.geometry.type === 'MultiPolygon'
          ? (f.geometry.coordinates as Ring[][])
          : [];
    if (polygons.length === 0) continue;
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const poly of polygons)
      for (const [x, y] of poly[0] ?? []) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
    shapes.push({ code: f.properties.code, polygons, bbox: [w, s, e, n] });
  }
  return shapes;
}

/** Even-odd ray casting on one ring (lng = x, lat = y). */
function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(poly: Ring[], x: number, y: number): boolean {
  if (!poly[0] || !inRing(poly[0], x, y)) return false;
  // The other rings are holes.
  return !poly.slice(1).some((hole) => inRing(hole, x, y));
}

/** Metres from the point to the nearest edge of a shape (equirectangular: exact enough at a kilometre). */
function distanceToEdgesM(shape: CommuneShape, lng: number, lat: number): number {
  const kx = 111_320 * Math.cos((lat * Math.PI) / 180);
  const ky = 110_574;
  let best = Infinity;
  for (const poly of shape.polygons)
    for (const ring of poly)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const ax = (ring[j]![0] - lng) * kx;
        const ay = (ring[j]![1] - lat) * ky;
        const bx = (ring[i]![0] - lng) * kx;
        const by = (ring[i]![1] - lat) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const len = dx * dx + dy * dy;
        const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
  return best;
}

export function communeContaining(shapes: readonly CommuneShape[], lat: number, lng: number): CommuneLookup {
  if (shapes.length === 0) return { status: 'unknown' };
  for (const s of shapes) {
    const [w, so, e, n] = s.bbox;
    if (lng < w || lng > e || lat < so || lat > n) continue;
    if (s.polygons.some((p) => inPolygon(p, lng, lat))) return { status: 'found', communeCode: s.code };
  }
  // A degree of latitude is ~111 km: only shapes whose box is within reach are measured.
  const reach = NEAREST_EDGE_M / 100_000;
  let nearest: { code: string; m: number } | null = null;
  for (const s of shapes) {
    const [w, so, e, n] = s.bbox;
    if (lng < w - reach || lng > e + reach || lat < so - reach || lat > n + reach) continue;
    const m = distanceToEdgesM(s, lng, lat);
    if (m <= NEAREST_EDGE_M && (!nearest || m < nearest.m)) nearest = { code: s.code, m };
  }
  return nearest ? { status: 'found', communeCode: nearest.code } : { status: 'outside' };
}
