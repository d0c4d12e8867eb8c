import { actionsAt, canAt, type Action, type Placement } from '../../../shared/rules/permissions';
import { actorGrants, assertCan, type Actor } from '../../platform/auth/actor';

/** Actions a hamlet response may offer; the UI shows rename/merge/retire only when 'hamlets.manage' is listed. */
const HAMLET_ACTIONS: readonly Action[] = ['hamlets.manage'];

/**
 * Hamlets are managed at the commune: the placement is the commune, never the hamlet itself, so a grant held
 * on one hamlet does not let its holder reorganise the commune's hamlets.
 */
function toCommunePlacement(hamlet: { provinceCode: string; communeCode: string }): Placement {
  return { provinceCode: hamlet.provinceCode, communeCode: hamlet.communeCode };
}

export function assertCanManageHamlets(
  actor: Actor,
  commune: { provinceCode: string; communeCode: string },
): void {
  assertCan(actor, 'hamlets.manage', toCommunePlacement(commune));
}

export function canManageHamlets(
  actor: Actor,
  commune: { provinceCode: string; communeCode: string },
): boolean {
  return canAt(actorGrants(actor), 'hamlets.manage', toCommunePlacement(commune));
}

export function listHamletActions(
  actor: Actor,
  hamlet: { provinceCode: string; communeCode: string; status: string },
): Action[] {
  // Merged and retired hamlets are history: nothing more can be done to them.
  if (hamlet.status !== 'active') return [];
  return actionsAt(actorGrants(actor), toCommunePlacement(hamlet), HAMLET_ACTIONS);
}
