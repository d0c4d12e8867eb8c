import { allowedActions, type CaseAction, type CaseState } from '../../../shared/rules/case-workflow';
import {
  canAt,
  coversPlacement,
  roleAllows,
  type Action,
  type Placement,
  type ScopedGrant,
} from '../../../shared/rules/permissions';
import { actorGrants, type Actor } from '../../platform/auth/actor';
import type { CasesTable } from '../../db/schema';

/**
 * Who may do what on a case — the one place (issue 10). Citizens' reports and petitions are received (cases.triage)
 * where they are placed: commune officers for their commune's cases, province roles for the whole province. An
 * agency handler's 'cases.handle' reaches only the cases assigned to the agency named on the grant; the receiving
 * roles in scope may handle too. A team's proposal (kind 'proposal') is triaged, handled and supervised by
 * 'proposals.triage' holders covering the team's place, and read by the raising team's leader.
 *
 * A caller with no right on a case is told it does not exist (404); one who may read it but not act gets 403.
 */

export type CaseSubject = Pick<
  CasesTable,
  'province_code' | 'commune_code' | 'hamlet_id' | 'kind' | 'state' | 'agency_id' | 'team_id'
>;

/** What the policy cannot see in the grants: whether the caller leads the team that raised a proposal. */
export interface CaseRelation {
  leadsRaisingTeam: boolean;
}

export const NO_RELATION: CaseRelation = { leadsRaisingTeam: false };

export function casePlacement(
  c: Pick<CasesTable, 'province_code' | 'commune_code' | 'hamlet_id'>,
): Placement {
  return { provinceCode: c.province_code, communeCode: c.commune_code, hamletId: c.hamlet_id };
}

/** The agencies the caller handles for (their agency_handler grants' agencies). */
export function agencyIdsOf(actor: Actor): string[] {
  return [
    ...new Set(
      actorGrants(actor)
        .filter((g) => g.role === 'agency_handler' && g.agencyId)
        .map((g) => g.agencyId!),
    ),
  ];
}

/** 'cases.handle' through one grant: an agency grant by its agency, any other grant by the case's place. */
function grantHandles(g: ScopedGrant, c: CaseSubject): boolean {
  if (!roleAllows(g.role, 'cases.handle')) return false;
  if (g.role === 'agency_handler') return !!g.agencyId && g.agencyId === c.agency_id;
  return coversPlacement(g, casePlacement(c));
}

const isProposal = (c: Pick<CaseSubject, 'kind'>) => c.kind === 'proposal';

function placed(actor: Actor, action: Action, c: CaseSubject): boolean {
  return canAt(actorGrants(actor), action, casePlacement(c));
}

/** Receiving: accept or refuse, classify, assign, reassign, merge. */
export function mayTriage(actor: Actor, c: CaseSubject): boolean {
  return placed(actor, isProposal(c) ? 'proposals.triage' : 'cases.triage', c);
}

/** An agency's work on the case: start, notes and public updates, extensions, the answer. */
export function mayHandle(actor: Actor, c: CaseSubject): boolean {
  if (actorGrants(actor).some((g) => g.role === 'agency_handler' && grantHandles(g, c))) return true;
  if (isProposal(c)) return mayTriage(actor, c);
  return actorGrants(actor).some((g) => grantHandles(g, c));
}

/** Deciding extensions, overdue lists. */
export function maySupervise(actor: Actor, c: CaseSubject): boolean {
  return placed(actor, isProposal(c) ? 'proposals.triage' : 'cases.supervise', c);
}

/** Editing personal data out of public text, hiding photos, entries or the case, blocking a sender. */
export function mayModerate(actor: Actor, c: CaseSubject): boolean {
  return placed(actor, isProposal(c) ? 'proposals.triage' : 'cases.moderate', c);
}

/** Staff who work on the case (everything but the raising team's leader, who only follows it). */
export function isCaseStaff(actor: Actor, c: CaseSubject): boolean {
  return mayTriage(actor, c) || mayHandle(actor, c) || maySupervise(actor, c) || mayModerate(actor, c);
}

export function mayRead(actor: Actor, c: CaseSubject, rel: CaseRelation = NO_RELATION): boolean {
  return isCaseStaff(actor, c) || (isProposal(c) && rel.leadsRaisingTeam);
}

/** Which right each handler action needs ('reopen' is the citizen's dispute, never a handler's action). */
function actionAllowed(actor: Actor, c: CaseSubject, action: CaseAction): boolean {
  switch (action) {
    case 'accept':
    case 'refuse':
    case 'assign':
    case 'reassign':
    case 'merge':
      return mayTriage(actor, c);
    case 'start':
    case 'answer':
      return mayHandle(actor, c);
    case 'close':
      return mayHandle(actor, c) || mayTriage(actor, c);
    case 'reopen':
      return false;
  }
}

/** The workflow actions the caller may take now: the state machine ∩ authorization. */
export function caseActions(actor: Actor, c: CaseSubject): CaseAction[] {
  return allowedActions(c.state as CaseState).filter((a) => actionAllowed(actor, c, a));
}

export function mayTakeAction(actor: Actor, c: CaseSubject, action: CaseAction): boolean {
  return actionAllowed(actor, c, action);
}

export const CASE_ABILITIES = [
  'note',
  'publicUpdate',
  'requestExtension',
  'decideExtension',
  'moderate',
  'revealContact',
  'block',
] as const;
export type CaseAbility = (typeof CASE_ABILITIES)[number];

export interface CaseFacts {
  /** An extension request waits for a decision. */
  pendingExtension: boolean;
  /** The reporter left a phone or e-mail that is not anonymised yet. */
  hasContact: boolean;
}

const FINISHED: readonly string[] = ['closed', 'refused', 'merged'];

/** The other things the caller may do on the case (the handler view's `can`). */
export function caseAbilities(actor: Actor, c: CaseSubject, facts: CaseFacts): CaseAbility[] {
  const handle = mayHandle(actor, c);
  const triage = mayTriage(actor, c);
  const supervise = maySupervise(actor, c);
  const moderate = mayModerate(actor, c);
  const can: CaseAbility[] = [];
  if (handle || triage || supervise) can.push('note');
  if ((handle || triage) && !FINISHED.includes(c.state)) can.push('publicUpdate');
  if (handle && (c.state === 'assigned' || c.state === 'in_progress') && !facts.pendingExtension) {
    can.push('requestExtension');
  }
  if (supervise && facts.pendingExtension) can.push('decideExtension');
  if (moderate) can.push('moderate');
  if ((handle || triage) && facts.hasContact) can.push('revealContact');
  if (moderate && facts.hasContact && !isProposal(c)) can.push('block');
  return can;
}
