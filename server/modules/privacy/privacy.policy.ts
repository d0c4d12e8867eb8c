import { grantsFor, type Action } from '../../../shared/rules/permissions';
import { actorGrants, type Actor } from '../../platform/auth/actor';

/**
 * The provinces where the caller holds `action` on the whole province: breaches and data-subject requests are
 * province matters, so a commune-level grant never reaches them.
 */
export function provincesWhere(actor: Actor, action: Action): string[] {
  return [
    ...new Set(grantsFor(actorGrants(actor), action).filter((g) => g.level === 'province').map((g) => g.provinceCode)),
  ];
}
