import {
  GRANTABLE_ROLES,
  ROLE_LEVELS,
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

/**
 * Delegation rule: a role may be handed out only by someone whose own grant covers the unit and lists the role
 * in GRANTABLE_ROLES. Nobody can grant more than they hold, whatever the endpoint.
 */
export function mayGrantRole(grants: readonly ScopedGrant[], role: Role, target: Placement): boolean {
  return grants.some((g) => coversPlacement(g, target) && GRANTABLE_ROLES[g.role].includes(role));
}

export function assertMayGrantRole(actor: Actor, role: Role, target: Placement): void {
  requireSignedIn(actor);
  if (!mayGrantRole(actorGrants(actor), role, target)) {
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
