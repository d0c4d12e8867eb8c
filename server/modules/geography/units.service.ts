import type { Kysely } from 'kysely';
import { encodeCursor } from '../../../shared/contracts/paging';
import { readCursor } from '../../platform/paging';
import type { UnitDetail, UnitListQuery, UnitListResponse } from '../../../shared/contracts/units';
import { UUID_PATTERN } from '../../../shared/ids';
import { foldText } from '../../../shared/text/fold';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors';
import { listHamletActions } from './hamlet.policy';
import { createHamletsRepository, type HamletCursor, type HamletsRepository } from './hamlets.repository';
import { toHamletItem, toUnitItem } from './units.presenter';
import {
  createUnitsRepository,
  type OfficialLevel,
  type UnitCursor,
  type UnitsRepository,
} from './units.repository';

export interface UnitPlacement {
  level: 'province' | 'commune' | 'hamlet';
  provinceCode: string;
  communeCode: string | null;
  hamletId: string | null;
  name: string;
}

function decodeUnitCursor(cursor: string | undefined): UnitCursor | null {
  const v = readCursor(cursor, ['number', 'string'] as const);
  return v ? { rank: v[0], code: v[1] } : null;
}

function decodeHamletCursor(cursor: string | undefined): HamletCursor | null {
  const v = readCursor(cursor, ['number', 'string', 'string'] as const);
  return v ? { rank: v[0], name: v[1], id: v[2] } : null;
}

function inferLevel(code: string): OfficialLevel {
  if (code.length === 2) return 'province';
  if (code.length === 3) return 'district';
  return 'commune';
}

/** Official units (public reads) and the placement resolver other modules use for grants and scopes. */
export function createUnitsService(deps: { units: UnitsRepository; hamlets: HamletsRepository }) {
  const { units, hamlets } = deps;

  /**
   * Units valid today (or on `at`), filtered by level/parent and a diacritic-free query, cursor-paged.
   * level=hamlet lists the commune's hamlets in the same item shape, with the caller's actions on each.
   */
  async function listUnits(actor: Actor, query: UnitListQuery): Promise<UnitListResponse> {
    const folded = query.q ? foldText(query.q) : '';
    if (query.level === 'hamlet') {
      const after = decodeHamletCursor(query.cursor);
      const rows = await hamlets.list(
        { parent: query.parent, at: query.at, folded: folded || undefined },
        query.limit,
        after,
      );
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) =>
          toHamletItem(
            r,
            listHamletActions(actor, {
              provinceCode: r.province_code,
              communeCode: r.commune_code,
              status: r.status,
            }),
          ),
        ),
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([last.rank, last.search_text, last.id]) : null,
      };
    }
    const after = decodeUnitCursor(query.cursor);
    const rows = await units.listUnits(
      { level: query.level, parent: query.parent, at: query.at, folded: folded || undefined },
      query.limit,
      after,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toUnitItem),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.rank, last.code]) : null,
    };
  }

  /**
   * The current unit with this code; when the code names only a retired unit, that unit with its successors.
   * 2 digits = province, 3 = pre-reform district, 5 = commune.
   */
  async function getUnit(code: string): Promise<UnitDetail> {
    const level = inferLevel(code);
    const versions = await units.findVersions(code, level);
    const unit = versions[0];
    if (!unit) {
      throw new AppError('NOT_FOUND', `No administrative unit has the code ${code}.`, {
        messageVi: `Không có đơn vị hành chính nào mang mã ${code}.`,
      });
    }
    const [predecessors, successorRows] = await Promise.all([
      units.predecessorsOf(unit.id),
      units.successorsOf(unit.id),
    ]);
    let successors = successorRows.map((s) => ({
      code: s.code,
      level: s.level,
      fullName: s.full_name,
      kind: s.kind,
    }));
    if (level === 'district' && successors.length === 0 && unit.valid_to !== null) {
      successors = await deriveDistrictSuccessors(code, unit.valid_to);
    }
    return {
      ...toUnitItem(unit),
      nameEn: unit.name_en,
      predecessors: predecessors.map((p) => ({
        code: p.code,
        level: p.level,
        fullName: p.full_name,
        kind: p.kind,
        validTo: p.valid_to,
      })),
      successors,
      ...(level === 'province' && unit.valid_to === null
        ? { communeCount: await units.countCurrentCommunes(code) }
        : {}),
    };
  }

  /**
   * Districts vanished in 2025 without lineage rows of their own: their successors are where their communes
   * went. A district went "full" into a new unit only when all its communes went wholly into that one unit.
   */
  async function deriveDistrictSuccessors(districtCode: string, validTo: string) {
    const links = await units.districtCommuneLinks(districtCode, validTo);
    const targets = new Map<string, { code: string; level: OfficialLevel; fullName: string }>();
    for (const l of links) targets.set(l.code, { code: l.code, level: l.level, fullName: l.full_name });
    const whole = targets.size === 1 && links.every((l) => l.kind === 'full');
    return [...targets.values()].map((t) => ({
      ...t,
      kind: whole ? ('full' as const) : ('partial' as const),
    }));
  }

  return { listUnits, getUnit };
}
export type UnitsService = ReturnType<typeof createUnitsService>;

/**
 * Turns a grant's unit code into a scope: a current province (2 digits), a current commune (5 digits) or an
 * active hamlet id. null when the code names nothing current (retired units cannot receive grants).
 */
export async function resolveUnitPlacement(db: Kysely<DB>, unitCode: string): Promise<UnitPlacement | null> {
  if (/^\d{2}$/.test(unitCode)) {
    const row = await createUnitsRepository(db).findCurrent(unitCode, 'province');
    return row
      ? { level: 'province', provinceCode: row.code, communeCode: null, hamletId: null, name: row.full_name }
      : null;
  }
  if (/^\d{5}$/.test(unitCode)) {
    const row = await createUnitsRepository(db).findCurrent(unitCode, 'commune');
    return row
      ? {
          level: 'commune',
          provinceCode: row.province_code,
          communeCode: row.code,
          hamletId: null,
          name: row.full_name,
        }
      : null;
  }
  if (!UUID_PATTERN.test(unitCode)) return null;
  const hamlet = await createHamletsRepository(db).findActive(unitCode.toLowerCase());
  return hamlet
    ? {
        level: 'hamlet',
        provinceCode: hamlet.province_code,
        communeCode: hamlet.commune_code,
        hamletId: hamlet.id,
        name: hamlet.name,
      }
    : null;
}
