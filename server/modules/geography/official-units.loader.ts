import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { foldText } from '../../../shared/text/fold';
import type { DB, UnitLineageTable, UnitsTable } from '../../db/schema';
import { createUnitsRepository } from './units.repository';

/** Rows per INSERT: 400 × 12 columns stays far below PostgreSQL's 65,535 bind parameters and SQLite's 32,766. */
const BATCH_ROWS = 400;

const DATA_FILE = new URL('./data/units.json', import.meta.url);

type Tuple = (string | null)[];

interface UnitsFile {
  reformDate: string;
  columns: Record<string, string[]>;
  provinces: Tuple[];
  communes: Tuple[];
  preReform: { provinces: Tuple[]; districts: Tuple[]; communes: Tuple[] };
  lineage: Tuple[];
  provinceLineage: Tuple[];
}

export interface LoadOfficialUnitsOptions {
  /**
   * Current (post-2025) province codes to load; default all. The pre-reform provinces merged into them come
   * along with their districts and communes, and only lineage whose both ends are loaded is kept, so a
   * restricted load is a consistent slice of the full one (tests load ['80']: new 80 plus old 72 and 80).
   */
  provinces?: string[];
}

export interface LoadOfficialUnitsResult {
  /** false when the units table already had rows: the load runs once per database. */
  loaded: boolean;
  units: number;
  lineage: number;
  ms: number;
}

/** Reads a tuple field by its name in the file's "columns" header, so column order can change upstream. */
function createReader(file: UnitsFile, table: string, required: readonly string[]) {
  const header = file.columns[table];
  if (!header) throw new Error(`units.json: no columns header for ${table}`);
  const index = new Map(header.map((name, i) => [name, i]));
  for (const name of required) {
    if (!index.has(name)) throw new Error(`units.json: column ${name} missing from ${table}`);
  }
  return (row: Tuple, name: string): string | null => row[index.get(name)!] ?? null;
}

function readUnitsFile(): UnitsFile {
  const parsed = JSON.parse(fs.readFileSync(DATA_FILE, 'utf8')) as Partial<UnitsFile>;
  if (
    !parsed.columns ||
    !parsed.provinces ||
    !parsed.communes ||
    !parsed.preReform ||
    !parsed.lineage ||
    !parsed.provinceLineage ||
    !parsed.reformDate
  ) {
    throw new Error('units.json is incomplete: run npm run geo:build');
  }
  return parsed as UnitsFile;
}

function requireValue(value: string | null, what: string): string {
  if (value === null || value === '') throw new Error(`units.json: empty ${what}`);
  return value;
}

function buildSearchText(fullName: string, name: string): string {
  return `${foldText(fullName)}|${foldText(name)}`;
}

/** Builds every row to insert, honouring the province filter. Pure: no database access. */
function buildRows(file: UnitsFile, provinces: ReadonlySet<string> | null) {
  const reform = file.reformDate;
  const units: UnitsTable[] = [];
  const ids = new Set<string>();
  const add = (row: UnitsTable) => {
    units.push(row);
    ids.add(row.id);
  };
  const wanted = (code: string) => provinces === null || provinces.has(code);

  const prov = createReader(file, 'provinces', ['code', 'name', 'fullName', 'type', 'nameEn']);
  for (const r of file.provinces) {
    const code = requireValue(prov(r, 'code'), 'province code');
    if (!wanted(code)) continue;
    const name = requireValue(prov(r, 'name'), 'name');
    const fullName = requireValue(prov(r, 'fullName'), 'fullName');
    add({
      id: `province:${code}:current`,
      code,
      level: 'province',
      name,
      full_name: fullName,
      name_en: prov(r, 'nameEn'),
      type: requireValue(prov(r, 'type'), 'type'),
      parent_code: null,
      province_code: code,
      valid_from: reform,
      valid_to: null,
      search_text: buildSearchText(fullName, name),
    });
  }
  const com = createReader(file, 'communes', ['code', 'name', 'fullName', 'type', 'provinceCode']);
  for (const r of file.communes) {
    const code = requireValue(com(r, 'code'), 'commune code');
    const provinceCode = requireValue(com(r, 'provinceCode'), 'provinceCode');
    if (!wanted(provinceCode)) continue;
    const name = requireValue(com(r, 'name'), 'name');
    const fullName = requireValue(com(r, 'fullName'), 'fullName');
    add({
      id: `commune:${code}:current`,
      code,
      level: 'commune',
      name,
      full_name: fullName,
      name_en: null,
      type: requireValue(com(r, 'type'), 'type'),
      parent_code: provinceCode,
      province_code: provinceCode,
      valid_from: reform,
      valid_to: null,
      search_text: buildSearchText(fullName, name),
    });
  }

  // Old provinces follow their successor: the filter is on today's provinces.
  const pl = createReader(file, 'provinceLineage', ['oldCode', 'newCode']);
  const successorOf = new Map(
    file.provinceLineage.map((r) => [
      requireValue(pl(r, 'oldCode'), 'oldCode'),
      requireValue(pl(r, 'newCode'), 'newCode'),
    ]),
  );
  const oldWanted = (oldProvince: string) => {
    const next = successorOf.get(oldProvince);
    return provinces === null || (next !== undefined && provinces.has(next));
  };
  const preProv = createReader(file, 'preReformProvinces', ['code', 'name', 'fullName', 'type', 'nameEn']);
  for (const r of file.preReform.provinces) {
    const code = requireValue(preProv(r, 'code'), 'province code');
    if (!oldWanted(code)) continue;
    const name = requireValue(preProv(r, 'name'), 'name');
    const fullName = requireValue(preProv(r, 'fullName'), 'fullName');
    add({
      id: `province:${code}:pre`,
      code,
      level: 'province',
      name,
      full_name: fullName,
      name_en: preProv(r, 'nameEn'),
      type: requireValue(preProv(r, 'type'), 'type'),
      parent_code: null,
      province_code: code,
      valid_from: null,
      valid_to: reform,
      search_text: buildSearchText(fullName, name),
    });
  }
  const dis = createReader(file, 'preReformDistricts', ['code', 'name', 'fullName', 'type', 'provinceCode']);
  for (const r of file.preReform.districts) {
    const code = requireValue(dis(r, 'code'), 'district code');
    const provinceCode = requireValue(dis(r, 'provinceCode'), 'provinceCode');
    if (!oldWanted(provinceCode)) continue;
    const name = requireValue(dis(r, 'name'), 'name');
    const fullName = requireValue(dis(r, 'fullName'), 'fullName');
    add({
      id: `district:${code}:pre`,
      code,
      level: 'district',
      name,
      full_name: fullName,
      name_en: null,
      type: requireValue(dis(r, 'type'), 'type'),
      parent_code: provinceCode,
      province_code: provinceCode,
      valid_from: null,
      valid_to: reform,
      search_text: buildSearchText(fullName, name),
    });
  }
  const preCom = createReader(file, 'preReformCommunes', [
    'code',
    'name',
    'fullName',
    'type',
    'districtCode',
    'provinceCode',
  ]);
  for (const r of file.preReform.communes) {
    const code = requireValue(preCom(r, 'code'), 'commune code');
    const provinceCode = requireValue(preCom(r, 'provinceCode'), 'provinceCode');
    if (!oldWanted(provinceCode)) continue;
    const name = requireValue(preCom(r, 'name'), 'name');
    const fullName = requireValue(preCom(r, 'fullName'), 'fullName');
    add({
      id: `commune:${code}:pre`,
      code,
      level: 'commune',
      name,
      full_name: fullName,
      name_en: null,
      type: requireValue(preCom(r, 'type'), 'type'),
      parent_code: requireValue(preCom(r, 'districtCode'), 'districtCode'),
      province_code: provinceCode,
      valid_from: null,
      valid_to: reform,
      search_text: buildSearchText(fullName, name),
    });
  }

  const lineage: UnitLineageTable[] = [];
  const lin = createReader(file, 'lineage', ['oldLevel', 'oldCode', 'newCode', 'mergeType']);
  for (const r of file.lineage) {
    const kind = lin(r, 'mergeType');
    if (kind !== 'full' && kind !== 'partial')
      throw new Error(`units.json: lineage mergeType ${String(kind)}`);
    const link = {
      old_unit_id: `${requireValue(lin(r, 'oldLevel'), 'oldLevel')}:${requireValue(lin(r, 'oldCode'), 'oldCode')}:pre`,
      new_unit_id: `commune:${requireValue(lin(r, 'newCode'), 'newCode')}:current`,
      kind,
    } as const;
    if (ids.has(link.old_unit_id) && ids.has(link.new_unit_id)) lineage.push(link);
  }
  for (const [oldCode, newCode] of successorOf) {
    // Each old province has exactly one successor in provinceLineage: it went whole into that new province.
    const link = {
      old_unit_id: `province:${oldCode}:pre`,
      new_unit_id: `province:${newCode}:current`,
      kind: 'full',
    } as const;
    if (ids.has(link.old_unit_id) && ids.has(link.new_unit_id)) lineage.push(link);
  }
  return { units, lineage };
}

/**
 * Loads the official units (current and pre-reform) and the old→new lineage from data/units.json, once:
 * when the units table already has rows nothing happens. One transaction, batched inserts. Called at start-up
 * after migrations; two servers starting together are safe (the loser's insert fails on the primary key and
 * it finds the table loaded).
 */
export async function loadOfficialUnits(
  db: Kysely<DB>,
  opts: LoadOfficialUnitsOptions = {},
): Promise<LoadOfficialUnitsResult> {
  const started = performance.now();
  const repo = createUnitsRepository(db);
  if ((await repo.countUnits()) > 0) return { loaded: false, units: 0, lineage: 0, ms: 0 };
  const { units, lineage } = buildRows(readUnitsFile(), opts.provinces ? new Set(opts.provinces) : null);
  try {
    await db.transaction().execute(async (trx) => {
      if ((await repo.countUnits(trx)) > 0) throw new AlreadyLoaded();
      for (let i = 0; i < units.length; i += BATCH_ROWS)
        await repo.insertUnits(units.slice(i, i + BATCH_ROWS), trx);
      for (let i = 0; i < lineage.length; i += BATCH_ROWS * 3)
        await repo.insertLineage(lineage.slice(i, i + BATCH_ROWS * 3), trx);
    });
  } catch (err) {
    if (err instanceof AlreadyLoaded || (await repo.countUnits()) > 0)
      return { loaded: false, units: 0, lineage: 0, ms: 0 };
    throw err;
  }
  return {
    loaded: true,
    units: units.length,
    lineage: lineage.length,
    ms: Math.round(performance.now() - started),
  };
}

class AlreadyLoaded extends Error {}
