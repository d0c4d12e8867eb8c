// Builds the committed geography data (server/modules/geography/data/) from the team's read-only copy of the
// upstream data sets. Run: npm run geo:build [-- --source <dir>]. Deterministic: no timestamps, no absolute
// paths, everything sorted by code, so a rebuild from the same inputs is byte-identical.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { z } from 'zod';
import * as lib from './geo-build.lib';
import type { CommuneTuple, DistrictTuple, GeometryStats, LineageTuple } from './geo-build.lib';
import type { PreReformCommuneTuple, ProvinceLineageTuple, ProvinceTuple, SourceInfo } from './geo-build.lib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'server/modules/geography/data');
// Degrees (1e-3 ≈ 110 m). Keeps each GeoJSON well under 400 KB while borders still read well at province zoom
// (~440 m) and at commune zoom within Tây Ninh (~44 m).
const PROVINCE_GEOMETRY = { tolerance: 0.004, decimals: 4 };
const COMMUNE_GEOMETRY = { tolerance: 0.0004, decimals: 5 };

const TLQ = 'github.com/thanglequoc/vietnamese-provinces-database';
const TLQ_V4 = 'v4.2.0 (cd58063299585146ded3981f2272946ef19ced54)';
const DVHCVN = 'github.com/dvhcvn/20250701 @ HEAD (dd94887ce32324380bc5bb0a76fe39867dafc73b)';
const BANDO = 'MIT repository; geometry from sapnhap.bando.com.vn, reuse terms unstated';

/** Input paths relative to --source (the team copy described by its README.md). */
const FILES = {
  v4: 'thanglequoc/v4.2.0/full_json_generated_data_vn_units_2026-07-25__20_49_07.json',
  v3: 'thanglequoc/v3.0.2/full_json_generated_data_vn_units.json',
  v2: 'thanglequoc/v2.4.1/simplified_json_generated_data_vn_units.json',
  provincesGeo: 'thanglequoc/v4.2.0/provinces_34.geojson',
  communesGeo: 'thanglequoc/v4.2.0/communes_80_tay_ninh.geojson',
  mappingCsv: 'derived/mapping_old_to_new.csv',
  provincesCsv: 'derived/provinces_34.csv',
  communesCsv: 'derived/communes_current.csv',
} as const;

const tlq = (file: string, path: string, at: string, usedFor: string, licence = 'MIT'): SourceInfo => ({
  file,
  upstream: `${TLQ} \`${path}\` @ ${at}`,
  licence,
  usedFor,
});

const SOURCES: readonly SourceInfo[] = [
  tlq(FILES.v4, 'json/' + FILES.v4.split('/').pop(), TLQ_V4, 'current codes, provinces of communes, types'),
  tlq(
    FILES.v3,
    'json/full_json_generated_data_vn_units.json',
    'v3.0.2 (78594ea643d5fdebd640ea3889ea91f84b9463ae)',
    'names (NSO spelling), nameEn',
  ),
  tlq(
    FILES.v2,
    'json/simplified_json_generated_data_vn_units.json',
    'v2.4.1 (fc33b7411ec4e3697817fab8118718a8d39ef090)',
    'pre-reform lists',
  ),
  tlq(
    FILES.provincesGeo,
    'json/geojson/<code>_<slug>/<code>_<slug>.geojson',
    TLQ_V4,
    'provinces.geojson',
    BANDO,
  ),
  tlq(FILES.communesGeo, 'json/geojson/80_tay_ninh/wards/*.geojson', TLQ_V4, 'communes-80.geojson', BANDO),
  {
    file: FILES.mappingCsv,
    upstream: `${DVHCVN} \`mapping/splits.json\`, \`mapping/merges.json\` (team CSV, 7 rows corrected)`,
    licence: 'MIT',
    usedFor: 'lineage',
  },
  {
    file: FILES.provincesCsv,
    upstream: `team CSV from ${TLQ} @ ${TLQ_V4} and ${DVHCVN} \`mapping/merges.json\``,
    licence: 'MIT',
    usedFor: 'provinceLineage',
  },
  {
    file: FILES.communesCsv,
    upstream: `team CSV from ${TLQ} @ ${TLQ_V4} and v3.0.2`,
    licence: 'MIT',
    usedFor: 'cross-check only',
  },
];

// ----- input schemas: validate the shape we rely on (zod strips everything else) -----
const unitSchema = z.object({ Code: z.string(), Name: z.string(), NameEn: z.string(), FullName: z.string() });
const tlqFullSchema = z.array(
  unitSchema.extend({
    AdministrativeUnitShortName: z.enum(lib.PROVINCE_TYPES),
    Wards: z.array(
      unitSchema.extend({
        ProvinceCode: z.string(),
        AdministrativeUnitShortName: z.enum(lib.CURRENT_COMMUNE_TYPES),
      }),
    ),
  }),
);
const tlqSimplifiedSchema = z.array(
  unitSchema.extend({
    District: z.array(
      unitSchema.extend({
        ProvinceCode: z.string(),
        Ward: z.array(unitSchema.extend({ DistrictCode: z.string() })).nullable(),
      }),
    ),
  }),
);
const multiPolygonSchema = z.array(z.array(z.array(z.tuple([z.number(), z.number()]))));
const featureCollectionSchema = z.object({
  features: z.array(
    z.object({
      id: z.string(),
      geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: multiPolygonSchema }),
    }),
  ),
});
const mappingRowSchema = z.object({
  old_unit_level: z.enum(['commune', 'district']),
  old_code: z.string(),
  new_code: z.string(),
  merge_type: z.enum(['full', 'partial']),
});
const provinceRowSchema = z.object({ province_code: z.string(), old_province_codes: z.string() });
const communeRowSchema = z.object({ commune_code: z.string(), type: z.string(), province_code: z.string() });
type TlqFull = z.infer<typeof tlqFullSchema>;
type MappingRow = z.infer<typeof mappingRowSchema>;

// ----- I/O -----
function parseSourceDir(argv: string[]): string {
  const i = argv.indexOf('--source');
  const value = i >= 0 ? argv[i + 1] : undefined;
  if (i >= 0 && !value) throw new Error('--source needs a directory');
  // A given --source is relative to the caller's cwd; the default is relative to the project root.
  return value ? resolve(value) : resolve(ROOT, '../shared/data/vn-admin');
}

function readJson<T>(source: string, file: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(join(source, file), 'utf8')));
}

function readCsv<T>(source: string, file: string, schema: z.ZodType<T>): T[] {
  const text = readFileSync(join(source, file), 'utf8');
  const parsed = Papa.parse<unknown>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message}`);
  return parsed.data.map((row) => schema.parse(row));
}

function hashFile(source: string, file: string): string {
  return createHash('sha256')
    .update(readFileSync(join(source, file)))
    .digest('hex');
}

function writeOutput(name: string, text: string): number {
  writeFileSync(join(OUT_DIR, name), text, 'utf8');
  return Buffer.byteLength(text, 'utf8');
}

// ----- units -----
/** Codes and types from v4.2.0, spelling from v3.0.2 (NSO); falls back to v4.2.0 for a code v3.0.2 lacks. */
function buildCurrent(v4: TlqFull, v3: TlqFull) {
  const nso = new Map(v3.flatMap((p) => [p, ...p.Wards]).map((u) => [u.Code, u]));
  let respelled = 0;
  const nsoOf = (u: z.infer<typeof unitSchema>) => {
    const official = nso.get(u.Code) ?? u;
    if (lib.pickOfficialName(u.Code, official.Name) !== u.Name) respelled++;
    return { code: u.Code, name: official.Name, nameEn: official.NameEn };
  };
  const provinces = v4.map((p) => lib.buildCurrentProvince(nsoOf(p), p.AdministrativeUnitShortName));
  const communes = v4.flatMap((p) =>
    p.Wards.map((w) => lib.buildCurrentCommune(nsoOf(w), w.AdministrativeUnitShortName, w.ProvinceCode)),
  );
  return { provinces: lib.sortTuples(provinces), communes: lib.sortTuples(communes), respelled };
}

/** communes_current.csv is a second derivation of the same sources; disagreement means an input changed. */
function checkAgainstCsv(communes: CommuneTuple[], rows: z.infer<typeof communeRowSchema>[]): void {
  const byCode = new Map(communes.map((c) => [c[0], c]));
  const agrees = (r: (typeof rows)[number]) =>
    byCode.get(r.commune_code)?.[3] === r.type && byCode.get(r.commune_code)?.[4] === r.province_code;
  const bad = rows.filter((r) => !agrees(r)).length;
  if (bad > 0 || rows.length !== communes.length)
    throw new Error(`communes_current.csv disagrees (${bad} rows)`);
}

function buildPreReform(v2: z.infer<typeof tlqSimplifiedSchema>) {
  const districtRows = v2.flatMap((p) => p.District);
  const provinces = v2.map((p): ProvinceTuple => [
    ...lib.buildPreReformHead(p, lib.PROVINCE_TYPES),
    p.NameEn,
  ]);
  const districts = districtRows.map((d): DistrictTuple => [
    ...lib.buildPreReformHead(d, lib.DISTRICT_TYPES),
    d.ProvinceCode,
  ]);
  // The island districts (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) have Ward: null: no communes.
  const communes = districtRows.flatMap((d) =>
    (d.Ward ?? []).map((w): PreReformCommuneTuple => [
      ...lib.buildPreReformHead(w, lib.PRE_REFORM_COMMUNE_TYPES),
      w.DistrictCode,
      d.ProvinceCode,
    ]),
  );
  return {
    provinces: lib.sortTuples(provinces),
    districts: lib.sortTuples(districts),
    communes: lib.sortTuples(communes),
  };
}

/** Drops rows whose old unit is not in v2.4.1: dvhcvn's GSO snapshot still lists 12 communes merged earlier. */
function buildLineage(rows: MappingRow[], oldCommunes: Set<string>, oldDistricts: Set<string>) {
  const known = (r: MappingRow) =>
    (r.old_unit_level === 'commune' ? oldCommunes : oldDistricts).has(r.old_code);
  const toTuple = (r: MappingRow): LineageTuple => [r.old_unit_level, r.old_code, r.new_code, r.merge_type];
  const dropped = rows.filter((r) => !known(r)).map((r): [string, string] => [r.old_code, r.new_code]);
  return { lineage: lib.sortTuples(rows.filter(known).map(toTuple)), dropped: lib.sortTuples(dropped) };
}

function buildProvinceLineage(rows: z.infer<typeof provinceRowSchema>[]): ProvinceLineageTuple[] {
  const pairs = rows.flatMap((r) =>
    lib.parseCodeList(r.old_province_codes).map((old): ProvinceLineageTuple => [old, r.province_code]),
  );
  return lib.sortTuples(pairs);
}

function buildUnits(source: string) {
  const current = buildCurrent(
    readJson(source, FILES.v4, tlqFullSchema),
    readJson(source, FILES.v3, tlqFullSchema),
  );
  checkAgainstCsv(current.communes, readCsv(source, FILES.communesCsv, communeRowSchema));
  const preReform = buildPreReform(readJson(source, FILES.v2, tlqSimplifiedSchema));
  const { lineage, dropped } = buildLineage(
    readCsv(source, FILES.mappingCsv, mappingRowSchema),
    new Set(preReform.communes.map((c) => c[0])),
    new Set(preReform.districts.map((d) => d[0])),
  );
  const provinceLineage = buildProvinceLineage(readCsv(source, FILES.provincesCsv, provinceRowSchema));
  return { ...current, preReform, lineage, dropped, provinceLineage };
}
type Units = ReturnType<typeof buildUnits>;

// ----- checks: fail the build rather than commit suspicious data -----
function assertEqual(label: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${label}: expected ${expected}, got ${actual}`);
}

/** Returns the number of commune links that leave the old province's successor (the 30622 kind of LLM error). */
function checkUnits(u: Units): number {
  assertEqual('current provinces', u.provinces.length, 34);
  assertEqual('current communes', u.communes.length, 3321);
  assertEqual('pre-reform provinces', u.preReform.provinces.length, 63);
  assertEqual('pre-reform districts', u.preReform.districts.length, 696);
  assertEqual('pre-reform communes', u.preReform.communes.length, 10035);
  assertEqual('province lineage rows', u.provinceLineage.length, 63);
  const current = new Set(u.communes.map((c) => c[0]));
  const targets = new Set(u.lineage.map((l) => l[2]));
  assertEqual('current communes reached by lineage', [...current].filter((c) => targets.has(c)).length, 3321);
  assertEqual('lineage targets outside current list', [...targets].filter((t) => !current.has(t)).length, 0);
  const newProvinceOf = new Map(u.communes.map((c) => [c[0], c[4]]));
  const successorOf = new Map(u.provinceLineage);
  const oldProvinceOf = new Map(u.preReform.communes.map((c) => [c[0], c[5]]));
  const leaves = (l: LineageTuple) =>
    successorOf.get(oldProvinceOf.get(l[1]) ?? '') !== newProvinceOf.get(l[2]);
  return u.lineage.filter((l) => l[0] === 'commune' && leaves(l)).length;
}

// ----- output -----
function buildUnitsFile(u: Units, sources: Array<SourceInfo & { sha256: string }>) {
  const generatedFrom = {
    generator: 'scripts/geo-build.ts (npm run geo:build); see PROVENANCE.md',
    sources,
    nameRule:
      'code/provinceCode/type from thanglequoc v4.2.0; name and nameEn from v3.0.2 (NSO spelling; v4.2.0 tone-normalises ~200 names); fullName = type + " " + name; 00745 spelled "Phố Bảng"',
    lineageCorrections:
      'already applied in mapping_old_to_new.csv: 23737→23938 (Ia Mơ), 06970→06978 (Ba Chẽ), 30622 retargeted 30259→30604',
    droppedLineageRows: {
      count: u.dropped.length,
      reason:
        'old commune absent from thanglequoc v2.4.1 (merged before 2025-03-01; stale in dvhcvn v20250301)',
      rows: u.dropped,
    },
  };
  return {
    generatedFrom,
    reformDate: '2025-07-01',
    currentStateEffective: '2026-04-30', // Đồng Nai became a TP (30/2026/QH16)
    columns: lib.COLUMNS,
    provinces: u.provinces,
    communes: u.communes,
    preReform: u.preReform,
    lineage: u.lineage,
    provinceLineage: u.provinceLineage,
  };
}

type Names = Map<string, { name: string; fullName: string }>;
type GeometryOptions = { tolerance: number; decimals: number };

/** Simplifies a FeatureCollection; names come from units.json (NSO spelling), not from the GeoJSON properties. */
function buildGeoJson(fc: z.infer<typeof featureCollectionSchema>, names: Names, options: GeometryOptions) {
  const features = [...fc.features]
    .sort((a, b) => lib.compareTuples([a.id], [b.id]))
    .map((f) => {
      const unit = names.get(f.id);
      if (!unit) throw new Error(`GeoJSON feature ${f.id} is not a current unit`);
      const coordinates = lib.simplifyMultiPolygon(
        f.geometry.coordinates,
        options.tolerance,
        options.decimals,
      );
      const geometry = { type: 'MultiPolygon', coordinates };
      return { type: 'Feature', id: f.id, properties: { code: f.id, ...unit }, geometry };
    });
  assertEqual(`features named in units.json`, features.length, names.size);
  const stats: GeometryStats = {
    ...options,
    before: fc.features.reduce((s, f) => s + lib.countPositions(f.geometry.coordinates), 0),
    after: features.reduce((s, f) => s + lib.countPositions(f.geometry.coordinates), 0),
  };
  return { text: `${JSON.stringify({ type: 'FeatureCollection', features })}\n`, stats };
}

function writeGeometry(source: string, file: string, out: string, names: Names, options: GeometryOptions) {
  const geo = buildGeoJson(readJson(source, file, featureCollectionSchema), names, options);
  return { bytes: writeOutput(out, geo.text), stats: geo.stats };
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of [...values].sort()) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

function main(): void {
  const source = parseSourceDir(process.argv.slice(2));
  const u = buildUnits(source);
  const crossProvinceLinks = checkUnits(u);
  const sources = SOURCES.map((s) => ({ ...s, sha256: hashFile(source, s.file) }));
  mkdirSync(OUT_DIR, { recursive: true });
  const unitsBytes = writeOutput('units.json', `${JSON.stringify(buildUnitsFile(u, sources))}\n`);

  const namesOf = (rows: CommuneTuple[]): Names =>
    new Map(rows.map((r) => [r[0], { name: r[1], fullName: r[2] }]));
  const tayNinh = u.communes.filter((c) => c[4] === '80');
  const provinces = writeGeometry(
    source,
    FILES.provincesGeo,
    'provinces.geojson',
    namesOf(u.provinces),
    PROVINCE_GEOMETRY,
  );
  const communes = writeGeometry(
    source,
    FILES.communesGeo,
    'communes-80.geojson',
    namesOf(tayNinh),
    COMMUNE_GEOMETRY,
  );

  const summary: lib.BuildSummary = {
    provinces: u.provinces.length,
    communes: u.communes.length,
    communesByType: countBy(u.communes.map((c) => c[3])),
    tayNinhCommunes: tayNinh.length,
    namesRespelledFromV4: u.respelled,
    preReform: {
      provinces: u.preReform.provinces.length,
      districts: u.preReform.districts.length,
      communes: u.preReform.communes.length,
    },
    lineageRows: u.lineage.length,
    lineageDistrictRows: u.lineage.filter((l) => l[0] === 'district').length,
    droppedOldCodes: u.dropped.map((d) => d[0]),
    crossProvinceLinks,
    provinceLineageRows: u.provinceLineage.length,
    geometry: { provinces: provinces.stats, communes80: communes.stats },
  };
  const provenanceBytes = writeOutput('PROVENANCE.md', lib.renderProvenance(summary, sources));
  const bytes = {
    units: unitsBytes,
    provinces: provinces.bytes,
    communes80: communes.bytes,
    provenanceBytes,
  };
  console.log(JSON.stringify({ ...summary, bytes }, null, 2));
}

main();
