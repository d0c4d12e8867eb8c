import { canAt, type Action, type Placement } from '../../../shared/rules/permissions';
import { actorGrants, type Actor } from '../../platform/auth/actor';
import type { SupportRecordsTable } from '../../db/schema';

type Placed = Pick<SupportRecordsTable, 'province_code' | 'commune_code' | 'team_hamlet_id'>;
type Authored = Pick<SupportRecordsTable, 'author_user_id' | 'author_api_key_id'>;

/**
 * Where a record sits for authorization: at the TEAM that made it, not at the hamlet of the person helped.
 *
 * A member may record help in any hamlet of the team's commune (`hamlet_id`), but the leader who answers for the
 * team holds its grant at the team's own hamlet. So a hamlet-level grant covers the records of the teams placed
 * at that hamlet (`team_hamlet_id`; a commune-level team's records are covered by no hamlet grant), wherever in
 * the commune the help was given. Commune and province grants need no choice between "team" and "place": the
 * ingest rules only accept a hamlet in the team's own commune, so a record's province and commune are its team's.
 * The SQL scope filter of the lists (platform/auth/scope-sql.ts, support_records → team_hamlet_id) and this
 * placement are the same rule, for single-record routes (read, review, retract, correct) and lists alike; the
 * lists' explicit `hamletId` filter still selects by the place of help.
 */
export function recordPlacement(r: Placed): Placement {
  return { provinceCode: r.province_code, communeCode: r.commune_code, hamletId: r.team_hamlet_id };
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
