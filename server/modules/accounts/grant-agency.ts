import type { Kysely } from 'kysely';
import type { CreateGrantBody } from '../../../shared/contracts/accounts';
import type { DB } from '../../db/schema';
import { validation } from '../../platform/errors';
import type { UnitPlacement } from './placements.service';

/**
 * The agency of an agency_handler grant (issue 10). Such a grant's 'cases.handle' reaches only the cases assigned to
 * its agency, so the agency must exist, be active, and be placed exactly at the grant's unit: the unit check the
 * caller already made (users.manage + the delegation rule over that unit) is then the check over the agency. Any
 * other role carries no agency. Reads the agencies table directly: the accounts module sits below the case modules
 * and must not import them.
 */
export async function checkGrantAgency(
  db: Kysely<DB>,
  body: Pick<CreateGrantBody, 'role' | 'agencyId'>,
  placement: UnitPlacement,
): Promise<string | null> {
  if (body.agencyId === undefined) return null;
  if (body.role !== 'agency_handler') {
    throw validation(
      [
        {
          path: 'agencyId',
          message: 'Only an agency handler grant names an agency.',
          messageVi: 'Chỉ quyền "cán bộ cơ quan xử lý" mới gắn với một cơ quan.',
        },
      ],
      'This role takes no agency.',
      'Vai trò này không gắn với cơ quan.',
    );
  }
  const agency = await db
    .selectFrom('agencies')
    .select(['id', 'province_code', 'commune_code', 'active'])
    .where('id', '=', body.agencyId)
    .executeTakeFirst();
  // The grant sits at the agency's own unit: its province for a province-level agency, else its commune.
  const atAgencyUnit =
    agency !== undefined &&
    agency.province_code === placement.provinceCode &&
    placement.level === (agency.commune_code === null ? 'province' : 'commune') &&
    (agency.commune_code === null || agency.commune_code === placement.communeCode);
  if (!agency || agency.active !== 1 || !atAgencyUnit) {
    throw validation(
      [
        {
          path: 'agencyId',
          message: 'No active agency with this id sits at the chosen unit.',
          messageVi: 'Không có cơ quan xử lý đang hoạt động với mã này tại đơn vị đã chọn.',
        },
      ],
      'Unknown agency for this unit.',
      'Cơ quan xử lý không thuộc đơn vị này.',
    );
  }
  return agency.id;
}
