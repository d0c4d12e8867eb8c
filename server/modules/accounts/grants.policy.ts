import {
  GRANTABLE_ROLES,
  ROLE_LEVELS,
  canAt,
  coversPlacement,
  grantsFor,
  type Action,
  type Placement,
  type Role,
  type ScopedGrant,
  type ScopeLevel,
} from '../../../shared/rules/permissions';
import { AppError, validation } from '../../platform/errors';
import { actorGrants, requireSignedIn, type Actor } from '../../platform/auth/actor';
import type { Subtree } from './scope-filter';

/** A role can only sit at the levels ROLE_LEVELS allows (a commune officer at a commune, never a province). */
export function assertRoleFitsLevel(role: Role, level: ScopeLevel, path = 'role'): void {
  if (!ROLE_LEVELS[role].includes(level)) {
    const levels = ROLE_LEVELS[role].join(', ');
    throw validation(
      [
        {
          path,
          message: `The role ${role} can only be given at: ${levels}.`,
          messageVi: `Vai trò ${role} chỉ được giao ở cấp: ${levels}.`,
        },
      ],
      'This role cannot be given at this unit.',
      'Không thể giao vai trò này tại đơn vị đã chọn.',
    );
  }
}

/** Higher is wider. A deployment has no level above the province. */
const LEVEL_RANK: Record<ScopeLevel, number> = { hamlet: 0, commune: 1, province: 2 };

/** The roles a team's membership gives; the team module hands them out under its own authority. */
export const TEAM_ROLES: readonly Role[] = ['team_leader', 'team_member'];

/** Where a new grant would sit. */
export interface GrantTarget extends Placement {
  level: ScopeLevel;
}

/**
 * Whose authority creates the grant:
 * - `delegation` (users admin, invitations): the granter's own grant decides;
 * - `team`: the team module, which has already checked its management right over the team (teams.manageMembers
 *   where the team sits) and gives only the team roles at the team's own unit, recorded as a team membership.
 */
export type GrantAuthority = 'delegation' | 'team';

/**
 * The one rule for creating (and removing) a grant, on every path. Delegation: a grant AT one's own level or above
 * needs the level above — the granter holds a grant that covers the unit, lists the role in GRANTABLE_ROLES and
 * sits STRICTLY above the new grant's level (province > commune > hamlet). So a commune officer gives team roles at
 * the hamlets of their commune but no commune-level role, and nobody copies their own grant to a peer. The one
 * exception: a province administrator gives province-level roles, since nothing sits above a province (this is how
 * department officers and further administrators are made).
 */
export function mayGrantRole(
  grants: readonly ScopedGrant[],
  role: Role,
  target: GrantTarget,
  authority: GrantAuthority = 'delegation',
): boolean {
  if (authority === 'team') return TEAM_ROLES.includes(role) && canAt(grants, 'teams.manageMembers', target);
  return grants.some(
    (g) =>
      coversPlacement(g, target) &&
      GRANTABLE_ROLES[g.role].includes(role) &&
      (LEVEL_RANK[g.level] > LEVEL_RANK[target.level] || (g.role === 'province_admin' && target.level === 'province')),
  );
}

export function assertMayGrantRole(actor: Actor, role: Role, target: GrantTarget, authority: GrantAuthority = 'delegation'): void {
  requireSignedIn(actor);
  if (!mayGrantRole(actorGrants(actor), role, target, authority)) {
    throw new AppError('FORBIDDEN', `You cannot give the role ${role} at this unit.`, {
      messageVi: `Bạn không được giao vai trò ${role} tại đơn vị này.`,
    });
  }
}

/** The subtrees in which the actor may take `action` (empty when nowhere). */
export function scopeOf(actor: Actor, action: Action): Subtree[] {
  return grantsFor(actorGrants(actor), action).map((g) => ({
    level: g.level,
    provinceCode: g.provinceCode,
    communeCode: g.communeCode,
    hamletId: g.hamletId,
  }));
}

/**
 * Editing a person (name, status) touches every place they work, so it needs users.manage over all of their
 * grants: a commune officer cannot disable the province's department officer who also helps in the commune.
 */
export function mayManageUser(grants: readonly ScopedGrant[], userGrants: readonly Placement[]): boolean {
  if (userGrants.length === 0) return false;
  const managing = grantsFor(grants, 'users.manage');
  return userGrants.every((p) => managing.some((g) => coversPlacement(g, p)));
}

/** Whether a placement lies inside one of the subtrees (the in-memory twin of scope-filter.ts). */
export function isInSubtrees(p: Placement, subtrees: readonly Subtree[]): boolean {
  return subtrees.some((s) => {
    if (s.provinceCode !== p.provinceCode) return false;
    if (s.level === 'province') return true;
    if (s.level === 'commune') return s.communeCode === (p.communeCode ?? null);
    return s.hamletId !== null && s.hamletId === (p.hamletId ?? null);
  });
}
