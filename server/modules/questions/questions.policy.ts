import {
  canAt,
  coversPlacement,
  grantsFor,
  type Action,
  type Placement,
  type Role,
} from '../../../shared/rules/permissions';
import { actorGrants, type Actor } from '../../platform/auth/actor';
import type { Subtree } from '../../platform/auth/scope-sql';
import type { QuestionRow } from './questions.repository';

/**
 * Who may do what in the Q&A (issue 11), decided from shared/rules/permissions.ts:
 *
 * - answer: any grant holding `questions.answer` in the question's province. Questions are public and the whole
 *   network answers them (the "unanswered > 48 h" list asks exactly that), so a hamlet's team member may answer a
 *   question from another commune.
 * - official badge: the answerer holds `questions.answerOfficially` on a grant covering the question's place — the
 *   accountable roles (commune officers, agency handlers, department officers, province administrators). A question
 *   without a commune is covered only by province-level grants. Youth Union coordinators and teams answer without it.
 * - moderate (queue, publish/hide, edit personal data out, lock, close, merge, accept for the asker) and curate
 *   (FAQ): a grant holding the action whose unit subtree contains the question.
 */
export const placementOf = (row: Pick<QuestionRow, 'province_code' | 'commune_code'>): Placement => ({
  provinceCode: row.province_code,
  communeCode: row.commune_code,
  hamletId: null,
});

export function mayModerate(actor: Actor, row: Pick<QuestionRow, 'province_code' | 'commune_code'>): boolean {
  return canAt(actorGrants(actor), 'questions.moderate', placementOf(row));
}

export function mayCurate(actor: Actor, row: Pick<QuestionRow, 'province_code' | 'commune_code'>): boolean {
  return canAt(actorGrants(actor), 'questions.curate', placementOf(row));
}

/** The role an answer is given in, and whether it carries the official badge; null when the actor may not answer. */
export function answeringAs(
  actor: Actor,
  row: Pick<QuestionRow, 'province_code' | 'commune_code'>,
): { role: Role; official: boolean } | null {
  if (actor.kind !== 'user') return null;
  const grants = actorGrants(actor);
  const officialGrant = grantsFor(grants, 'questions.answerOfficially').find((g) =>
    coversPlacement(g, placementOf(row)),
  );
  if (officialGrant) return { role: officialGrant.role, official: true };
  const grant = grantsFor(grants, 'questions.answer').find((g) => g.provinceCode === row.province_code);
  return grant ? { role: grant.role, official: false } : null;
}

/** The actions the caller may take on a question (responses carry them; the web app never re-derives them). */
export function questionActions(actor: Actor, row: QuestionRow): Action[] {
  const actions: Action[] = [];
  if (answeringAs(actor, row)) actions.push('questions.answer');
  if (mayModerate(actor, row)) actions.push('questions.moderate');
  if (mayCurate(actor, row)) actions.push('questions.curate');
  return actions;
}

/** Subtrees where the caller holds `action` (the queue and the unanswered list filter by them in SQL). */
export function subtreesFor(actor: Actor, action: Action): Subtree[] {
  return grantsFor(actorGrants(actor), action).map((g) => ({
    level: g.level,
    provinceCode: g.provinceCode,
    communeCode: g.communeCode,
    hamletId: g.hamletId,
  }));
}
