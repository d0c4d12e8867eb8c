import { canAt, roleAllows, type Action } from '../../../shared/rules/permissions';
import { actorGrants, requireSignedIn, type Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors';

/** Every action that makes someone case staff: they read the province's agencies, rules and templates. */
const CASE_STAFF_ACTIONS: readonly Action[] = [
  'cases.triage',
  'cases.handle',
  'cases.supervise',
  'cases.moderate',
  'cases.configure',
  'proposals.triage',
];

/**
 * The provinces whose agencies, routing rules and templates the caller may read: any grant carrying a case action
 * opens its whole province, because a commune officer assigns to province departments and an agency handler
 * reassigns to any agency. FORBIDDEN for anyone else (a team member has no business here).
 */
export function caseStaffProvinces(actor: Actor): string[] {
  requireSignedIn(actor);
  const provinces = new Set<string>();
  for (const g of actorGrants(actor)) {
    if (CASE_STAFF_ACTIONS.some((a) => roleAllows(g.role, a))) provinces.add(g.provinceCode);
  }
  if (provinces.size === 0) throw new AppError('FORBIDDEN');
  return [...provinces];
}

/**
 * Configuring something placed at a unit: a province-level thing (communeCode null) needs a grant on the whole
 * province (province administrators); a commune's needs a grant covering that commune (its officers, or the province).
 */
export function mayConfigureAt(actor: Actor, provinceCode: string, communeCode: string | null): boolean {
  return canAt(actorGrants(actor), 'cases.configure', { provinceCode, communeCode });
}

export function assertConfigureAt(actor: Actor, provinceCode: string, communeCode: string | null): void {
  requireSignedIn(actor);
  if (!mayConfigureAt(actor, provinceCode, communeCode)) throw new AppError('FORBIDDEN');
}

/** The `actions` an agency, rule or province-wide setting lists for the caller. */
export function configureActions(actor: Actor, provinceCode: string, communeCode: string | null): Action[] {
  return mayConfigureAt(actor, provinceCode, communeCode) ? ['cases.configure'] : [];
}
