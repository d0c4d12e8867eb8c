import type { Transaction } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import { levelOfUnitCode } from '../../../shared/rules/permissions';
import type { DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { assertMayGrantRole } from './grants.policy';

export type TeamRole = 'team_leader' | 'team_member';

export interface TeamRoleGrantInput {
  userId: string;
  /** The team's hamlet id, or its commune code for a commune-level team. */
  unitCode: string;
  provinceCode: string;
  communeCode: string;
  /** The role the team membership now gives; null when the membership has ended. */
  role: TeamRole | null;
}

const TEAM_ROLES: readonly TeamRole[] = ['team_leader', 'team_member'];

/**
 * Keeps a member's account grant in step with their role in a team, inside the caller's transaction: a leader
 * holds team_leader at the team's unit (to review the team's records), a member holds team_member, and a member
 * whose membership ended holds neither there. Grants elsewhere are untouched. Idempotent; audits each change.
 */
export async function syncTeamRoleGrant(trx: Transaction<DB>, input: TeamRoleGrantInput, ctx: AuditContext) {
  const existing = await trx
    .selectFrom('grants')
    .selectAll()
    .where('user_id', '=', input.userId)
    .where('unit_code', '=', input.unitCode)
    .where('role', 'in', [...TEAM_ROLES])
    .execute();
  const level = levelOfUnitCode(input.unitCode);
  for (const grant of existing.filter((g) => g.role !== input.role)) {
    await trx.deleteFrom('grants').where('id', '=', grant.id).execute();
    await recordAudit(trx, ctx, {
      action: 'grant.deleted',
      entityType: 'user',
      entityId: input.userId,
      provinceCode: grant.province_code,
      communeCode: grant.commune_code,
      before: { role: grant.role, unitCode: grant.unit_code },
      after: null,
    });
  }
  if (input.role === null || existing.some((g) => g.role === input.role)) return;
  // The same policy as every other grant, under the team's authority. A system actor (the invitation.accepted
  // subscriber) carries out an invitation that was checked when it was made.
  if (ctx.actor.kind !== 'anonymous') {
    assertMayGrantRole(
      ctx.actor,
      input.role,
      { level, provinceCode: input.provinceCode, communeCode: input.communeCode, hamletId: level === 'hamlet' ? input.unitCode : null },
      'team',
    );
  }
  await trx
    .insertInto('grants')
    .values({
      id: uuidv7(),
      user_id: input.userId,
      role: input.role,
      unit_code: input.unitCode,
      level,
      province_code: input.provinceCode,
      commune_code: input.communeCode,
      hamlet_id: level === 'hamlet' ? input.unitCode : null,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      created_at: ctx.at,
    })
    .execute();
  await recordAudit(trx, ctx, {
    action: 'grant.created',
    entityType: 'user',
    entityId: input.userId,
    provinceCode: input.provinceCode,
    communeCode: input.communeCode,
    before: null,
    after: { role: input.role, unitCode: input.unitCode },
  });
}
