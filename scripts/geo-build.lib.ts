// Pure transformation helpers for scripts/geo-build.ts. No I/O here, so the test can exercise them directly.

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export type MultiPolygonCoords = PolygonCoords[];

// ---------------------------------------------------------------------------------------------------------
// Geometry simplification
// ---------------------------------------------------------------------------------------------------------

/** Squared planar distance from p to segment a–b (degrees). Planar is fine at Vietnam's latitudes (cos ≈ 0.9–1). */
export function squaredSegmentDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  // A closed ring starts and ends on the same point, so the first split degenerates to point distance.
  const t =
    lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq));
  const ex = a[0] + t * dx - p[0];
  const ey = a[1] + t * dy - p[1];
  return ex * ex + ey * ey;
}

/** Douglas–Peucker with an explicit stack: rings have >10k points, too deep for recursion. */
export function douglasPeucker(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const toleranceSq = tolerance * tolerance;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let farthestSq = toleranceSq;
    for (let i = first + 1; i < last; i++) {
      const d = squaredSegmentDistance(
        points[i] as Position,
        points[first] as Position,
        points[last] as Position,
      );
      if (d > farthestSq) {
        farthest = i;
        farthestSq = d;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Smallest valid ring for an island that the tolerance would erase: the start, the point farthest from it and
 * the point farthest from that chord. Tiny islands (Hoàng Sa, Trường Sa) must stay on a Vietnamese map.
 */
export function pickTriangle(ring: Ring): Ring {
  const start = ring[0] as Position;
  const byDistanceFrom = (a: Position, b: Position) =>
    ring.reduce((best, p) =>
      squaredSegmentDistance(p, a, b) > squaredSegmentDistance(best, a, b) ? p : best,
    );
  const far = byDistanceFrom(start, start);
  const third = byDistanceFrom(start, far);
  return [start, far, third, start];
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Rounds coordinates and drops points that became consecutive duplicates (they add bytes, not shape). */
export function roundRing(ring: Ring, decimals: number): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: Position = [roundTo(x, decimals), roundTo(y, decimals)];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  return out;
}

export function isValidRing(ring: Ring): boolean {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return ring.length >= 4 && !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

/** Simplifies and rounds one closed ring; always returns a closed ring of at least 4 positions. */
export function simplifyRing(ring: Ring, tolerance: number, decimals: number): Ring {
  const simplified = roundRing(douglasPeucker(ring, tolerance), decimals);
  if (isValidRing(simplified)) return simplified;
  const triangle = roundRing(pickTriangle(ring), decimals);
  // An island smaller than the rounding grid collapses even as a triangle; keep its original vertices then.
  return isValidRing(triangle) ? triangle : ring.slice();
}

export function simplifyMultiPolygon(
  coords: MultiPolygonCoords,
  tolerance: number,
  decimals: number,
): MultiPolygonCoords {
  return coords.map((polygon) => polygon.map((ring) => simplifyRing(ring, tolerance, decimals)));
}

export function countPositions(coords: MultiPolygonCoords): number {
  return coords.reduce((sum, polygon) => sum + polygon.reduce((s, ring) => s + ring.length, 0), 0);
}

// ---------------------------------------------------------------------------------------------------------
// Unit names and types
// ---------------------------------------------------------------------------------------------------------

export const PROVINCE_TYPES = ['Thành phố', 'Tỉnh'] as const;
export const DISTRICT_TYPES = ['Thành phố', 'Thị xã', 'Quận', 'Huyện'] as const;
export const PRE_REFORM_COMMUNE_TYPES = ['Thị trấn', 'Phường', 'Xã'] as const;
export const CURRENT_COMMUNE_TYPES = ['Đặc khu', 'Phường', 'Xã'] as const;

/** v2.4.1 has no type field, so the type is the FullName prefix ("Thị xã Hương Trà" → "Thị xã"). */
export function typeFromFullName<T extends string>(fullName: string, types: readonly T[]): T {
  const type = types.find((t) => fullName.startsWith(`${t} `));
  if (!type) throw new Error(`No known type prefix (${types.join(', ')}) in "${fullName}"`);
  return type;
}

/**
 * Official spellings that even v3.0.2 gets wrong. 00745: NSO writes "Phố Bảng" (v3.0.2 has "Phó Bảng");
 * v4.2.0 has the right form, which confirms the fix.
 */
export const NAME_FIXES: Readonly<Record<string, string>> = { '00745': 'Phố Bảng' };

export function pickOfficialName(code: string, nsoName: string): string {
  return NAME_FIXES[code] ?? nsoName;
}

export function composeFullName(type: string, name: string): string {
  return `${type} ${name}`;
}

// ---------------------------------------------------------------------------------------------------------
// Tuples (compact rows for units.json)
// ---------------------------------------------------------------------------------------------------------

export const COLUMNS = {
  provinces: ['code', 'name', 'fullName', 'type', 'nameEn'],
  communes: ['code', 'name', 'fullName', 'type', 'provinceCode'],
  preReformProvinces: ['code', 'name', 'fullName', 'type', 'nameEn'],
  preReformDistricts: ['code', 'name', 'fullName', 'type', 'provinceCode'],
  preReformCommunes: ['code', 'name', 'fullName', 'type', 'districtCode', 'provinceCode'],
  lineage: ['oldLevel', 'oldCode', 'newCode', 'mergeType'],
  provinceLineage: ['oldCode', 'newCode'],
} as const;

export type ProvinceTuple = [code: string, name: string, fullName: string, type: string, nameEn: string];
export type CommuneTuple = [code: string, name: string, fullName: string, type: string, provinceCode: string];
export type DistrictTuple = CommuneTuple;
export type PreReformCommuneTuple = [
  code: string,
  name: string,
  fullName: string,
  type: string,
  districtCode: string,
  provinceCode: string,
];
export type OldLevel = 'commune' | 'district';
export type MergeType = 'full' | 'partial';
export type LineageTuple = [oldLevel: OldLevel, oldCode: string, newCode: string, mergeType: MergeType];
export type ProvinceLineageTuple = [oldCode: string, newCode: string];

export interface NamedUnit {
  code: string;
  name: string;
  nameEn?: string;
}

/** Current unit: NSO name (v3.0.2) joined with the current type (v4.2.0), so Đồng Nai reads "Thành phố Đồng Nai". */
export function buildCurrentProvince(nso: NamedUnit, currentType: string): ProvinceTuple {
  const name = pickOfficialName(nso.code, nso.name);
  return [nso.code, name, composeFullName(currentType, name), currentType, nso.nameEn ?? ''];
}

export function buildCurrentCommune(nso: NamedUnit, currentType: string, provinceCode: string): CommuneTuple {
  const name = pickOfficialName(nso.code, nso.name);
  return [nso.code, name, composeFullName(currentType, name), currentType, provinceCode];
}

/** Pre-reform rows have no type field, so the type comes from the FullName prefix. */
export function buildPreReformHead<T extends string>(
  u: { Code: string; Name: string; FullName: string },
  types: readonly T[],
): [code: string, name: string, fullName: string, type: T] {
  return [u.Code, u.Name, u.FullName, typeFromFullName(u.FullName, types)];
}

/** Lexicographic comparison of tuples/strings; codes are zero-padded so string order is code order. */
export function compareTuples(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export function sortTuples<T extends readonly string[]>(rows: T[]): T[] {
  return [...rows].sort(compareTuples);
}

/** provinces_34.csv lists old codes as "72;80". */
export function parseCodeList(list: string): string[] {
  return list
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

// ---------------------------------------------------------------------------------------------------------
// Provenance: what each input is upstream, and the PROVENANCE.md renderer
// ---------------------------------------------------------------------------------------------------------

export interface SourceInfo {
  file: string;
  upstream: string;
  licence: string;
  usedFor: string;
}

export interface GeometryStats {
  tolerance: number;
  decimals: number;
  before: number;
  after: number;
}

export interface BuildSummary {
  provinces: number;
  communes: number;
  communesByType: Record<string, number>;
  tayNinhCommunes: number;
  namesRespelledFromV4: number;
  preReform: { provinces: number; districts: number; communes: number };
  lineageRows: number;
  lineageDistrictRows: number;
  droppedOldCodes: string[];
  crossProvinceLinks: number;
  provinceLineageRows: number;
  geometry: { provinces: GeometryStats; communes80: GeometryStats };
}

function describeGeometry(g: GeometryStats): string {
  return `Douglas–Peucker at ${g.tolerance}° then rounded to ${g.decimals} decimals: ${g.before} → ${g.after} positions`;
}

export function renderProvenance(
  s: BuildSummary,
  sources: ReadonlyArray<SourceInfo & { sha256: string }>,
): string {
  const rows = sources.map(
    (x) => `| \`${x.file}\` | ${x.upstream} | ${x.licence} | ${x.usedFor} | \`${x.sha256}\` |`,
  );
  const types = Object.entries(s.communesByType).map(([t, n]) => `${n} ${t}`);
  const pre = s.preReform;
  return `# Geography data: provenance

Generated by \`scripts/geo-build.ts\`; do not edit by hand. Regenerate with \`npm run geo:build\` (optionally
\`-- --source <dir>\`; default \`../shared/data/vn-admin\`, the team copy whose README.md documents every upstream
file). The product reads only these files. Same input, byte-identical output (no timestamps; sorted by code).

| File | Content |
|---|---|
| \`units.json\` | Current provinces and communes, pre-reform provinces/districts/communes, old→new lineage; compact tuples named by \`columns\`; \`generatedFrom\` repeats these sources |
| \`provinces.geojson\` | Simplified province boundaries (properties \`code, name, fullName\`; feature id = code) |
| \`communes-80.geojson\` | Simplified commune boundaries of Tỉnh Tây Ninh (code 80) |

## Sources

| Input (under --source) | Upstream | Licence | Used for | sha256 |
|---|---|---|---|---|
${rows.join('\n')}

## Rules and corrections

- **Current units** (state of 30/04/2026, after 30/2026/QH16 and 237/NQ-UBTVQH16): codes, province and type from
  v4.2.0; names from v3.0.2, which keeps the NSO spelling of 19/2025/QĐ-TTg (v4.2.0's tone-mark normaliser writes Hoà,
  Thuỷ, Thanh Hoá…; ${s.namesRespelledFromV4} names here differ from v4.2.0 for that reason, and v4.2.0 has "xã Bắc Sơn" for 06325).
  \`fullName\` = current type + name, so Đồng Nai is "Thành phố Đồng Nai" and its 10 former xã are phường.
  00745 is "Phố Bảng" (official; v3.0.2 has "Phó Bảng"). Province \`nameEn\` is v3.0.2's ("Ha Noi", not "Hanoi").
- **Pre-reform units** (valid until 2025-07-01, cut-off 01/03/2025): v2.4.1; type = prefix of FullName. The 5 island
  districts (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) have no communes; lineage maps them to their đặc khu.
- **Codes are reused.** A new commune keeps the code of one of the old communes it absorbed; new Tây Ninh has code 80
  (old Long An's) and old Tây Ninh's 72 is retired. Always know which list a code belongs to.
- **The lineage was extracted by an LLM** (Gemini 2.5, dvhcvn) from the merger resolutions 1654–1687/NQ-UBTVQH15,
  then checked automatically and by hand: good, not authoritative. "partial" links carry no area/population share.
  The team CSV already applies 7 corrections: Ia Mơ 23737→23938 (1 row), Ba Chẽ 06970→06978 (5 rows), and old 30622
  Xã Tân Phú (An Giang) retargeted from Đồng Tháp's 30259 to 30604 Xã Vĩnh An (1654/NQ-UBTVQH15 khoản 31).
- **Dropped ${s.droppedOldCodes.length} lineage rows** whose old commune is not in v2.4.1 (merged away before 01/03/2025 but
  still in dvhcvn's GSO snapshot): ${s.droppedOldCodes.join(', ')}. Their targets stay covered by other rows.

## Geometry caveats

- Source: sapnhap.bando.com.vn (Vietnam Administrative Units Reference Map, NXB Tài nguyên Môi trường và Bản đồ).
  **Licence unclear**: the repository is MIT, but its GIS README says the data "is sourced from Bando.com.vn. Please
  refer to their terms of service for usage restrictions." Fine for internal use; check the terms before redistributing.
- Provinces: ${describeGeometry(s.geometry.provinces)}.
- Tây Ninh communes: ${describeGeometry(s.geometry.communes80)}.
- Rings are simplified one by one: each stays closed with ≥ 4 positions and no island is dropped (islands below the
  tolerance become triangles, so Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa) remain). Borders were not aligned
  upstream and simplification adds small gaps/overlaps: for display, not for area or point-in-polygon decisions.

## Counts (asserted by the build)

- Current: ${s.provinces} provinces, ${s.communes} communes (${types.join(', ')}); Tây Ninh (80): ${s.tayNinhCommunes} communes.
- Pre-reform: ${pre.provinces} provinces, ${pre.districts} districts, ${pre.communes} communes.
- Lineage: ${s.lineageRows} rows (${s.lineageDistrictRows} island districts); every current commune is a target; links
  leaving the old province's successor: ${s.crossProvinceLinks}. Province lineage: ${s.provinceLineageRows} rows.
`;
}
