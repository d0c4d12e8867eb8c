import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { MemberRow } from './members.repository';
import type { AuditContext } from '../../platform/audit';
import { syncTeamRoleGrant, type TeamRole } from '../accounts/index';
import { isActiveOn } from './teams.presenter';
import type { TeamRow } from './teams.repository';

/** The account role a team role gives: leaders review the team's records, members capture. */
export function teamRoleOf(member: Pick<MemberRow, 'role'>): TeamRole {
  return member.role === 'leader' ? 'team_leader' : 'team_member';
}

/**
 * The grant a linked member should hold at the team's unit: none once the membership is over (or `ended`, when the
 * team itself is merged or dissolved in this transaction).
 */
export async function syncMemberGrant(
  trx: Transaction<DB>,
  team: TeamRow,
  member: MemberRow,
  day: string,
  ctx: AuditContext,
  opts: { ended?: boolean } = {},
) {
  if (!member.user_id) return;
  const current = !opts.ended && (isActiveOn(member, day) || member.active_from > day);
  await syncTeamRoleGrant(
    trx,
    {
      userId: member.user_id,
      unitCode: team.hamlet_id ?? team.commune_code,
      provinceCode: team.province_code,
      communeCode: team.commune_code,
      role: current && team.status === 'active' ? teamRoleOf(member) : null,
    },
    ctx,
  );
}
