import type { Action } from '../../../shared/rules/permissions';
import { HAMLET_KIND_LABELS, type HamletItem, type UnitItem } from '../../../shared/contracts/units';
import type { HamletsTable, UnitsTable } from '../../db/schema';

/** Database rows → API shapes (shared/contracts/units.ts). */
export function toUnitItem(
  row: Pick<
    UnitsTable,
    | 'code'
    | 'level'
    | 'name'
    | 'full_name'
    | 'type'
    | 'parent_code'
    | 'province_code'
    | 'valid_from'
    | 'valid_to'
  >,
): UnitItem {
  return {
    code: row.code,
    level: row.level,
    name: row.name,
    fullName: row.full_name,
    type: row.type,
    parentCode: row.parent_code,
    provinceCode: row.province_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** Hamlets appear next to official units in lists, so they carry the same fields (code = id: no official code). */
export function toHamletItem(row: HamletsTable, actions: Action[]): HamletItem {
  return {
    id: row.id,
    code: row.id,
    level: 'hamlet',
    name: row.name,
    fullName: row.name,
    type: HAMLET_KIND_LABELS[row.kind],
    kind: row.kind,
    localCode: row.local_code,
    communeCode: row.commune_code,
    provinceCode: row.province_code,
    status: row.status,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    actions,
  };
}
