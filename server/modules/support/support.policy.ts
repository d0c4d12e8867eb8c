import { canAt, type Action, type Placement } from '../../../shared/rules/permissions';
import { actorGrants, type Actor } from '../../platform/auth/actor';
import type { SupportRecordsTable } from '../../db/schema';

type Placed = Pick<SupportRecordsTable, 'province_code' | 'commune_code' | 'hamlet_id'>;
type Authored = Pick<SupportRecordsTable, 'author_user_id' | 'author_api_key_id'>;

/** A record sits at the hamlet of the person helped. */
export function recordPlacement(r: Placed): Placement {
  return { provinceCode: r.province_code, communeCode: r.commune_code, hamletId: r.hamlet_id };
}

export function isAuthor(actor: Actor, r: Authored): boolean {
  if (actor.kind === 'user') return r.author_user_id === actor.user.id;
  if (actor.kind === 'apiKey') return r.author_api_key_id === actor.keyId;
  return false;
}

/** Team leaders and officers review (and may withdraw) records where they hold support.review. */
export function mayReview(actor: Actor, r: Placed): boolean {
  return canAt(actorGrants(actor), 'support.review', recordPlacement(r));
}

/** The author, reviewers and exporters in scope read a record; to everyone else it does not exist. */
export function mayRead(actor: Actor, r: Placed & Authored): boolean {
  return (
    isAuthor(actor, r) ||
    mayReview(actor, r) ||
    canAt(actorGrants(actor), 'support.export', recordPlacement(r))
  );
}

/**
 * `actions` of a record: "support.capture" = the caller authored it and may correct or withdraw it;
 * "support.review" = the caller may mark it reviewed / flagged and withdraw it.
 */
export function recordActions(
  actor: Actor,
  r: Placed & Authored & Pick<SupportRecordsTable, 'state'>,
): Action[] {
  const actions: Action[] = [];
  if (r.state === 'active' && isAuthor(actor, r)) actions.push('support.capture');
  if (mayReview(actor, r)) actions.push('support.review');
  return actions;
}
