import type { FastifyInstance } from 'fastify';
import type { BaselineDatabase } from './baseline-database';

/**
 * A bare baseline: the least code that does a scenario's work (same SQL, same password check, same JSON shape)
 * on a plain Fastify with no plugins. The app's figure divided by it is what our layers cost.
 */
export interface Baseline {
  name: string;
  register(app: FastifyInstance, db: BaselineDatabase): void;
}

/** The unit item shape of GET /api/v1/units, so both sides serialise the same data. */
export interface UnitRow {
  code: string;
  level: string;
  name: string;
  full_name: string;
  type: string;
  parent_code: string | null;
  province_code: string;
  valid_from: string | null;
  valid_to: string | null;
}

export function toUnitJson(r: UnitRow) {
  return {
    code: r.code,
    level: r.level,
    name: r.name,
    fullName: r.full_name,
    type: r.type,
    parentCode: r.parent_code,
    provinceCode: r.province_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

export const UNIT_COLUMNS =
  'code, level, name, full_name, type, parent_code, province_code, valid_from, valid_to';
