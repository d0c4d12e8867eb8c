import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { validation } from '../../platform/errors';
import { resolveUnitPlacement, type UnitPlacement } from '../geography/index';

export type { UnitPlacement };

/** A current province, current commune or active hamlet, or 400: grants and keys never point at nothing. */
export async function requirePlacement(db: Kysely<DB>, unitCode: string, path = 'unitCode'): Promise<UnitPlacement> {
  const placement = await resolveUnitPlacement(db, unitCode);
  if (!placement) {
    throw validation(
      [
        {
          path,
          message: `No current province, commune or active hamlet has the code "${unitCode}".`,
          messageVi: `Không có tỉnh, xã hoặc ấp/khu phố đang hoạt động với mã "${unitCode}".`,
        },
      ],
      'Unknown unit.',
      'Không tìm thấy đơn vị.',
    );
  }
  return placement;
}
