import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Role, ScopedGrant, Action, Placement } from '../../../shared/rules/permissions';
import { canAt, grantsFor, levelOfUnitCode } from '../../../shared/rules/permissions';
import { AppError } from '../errors';
import { hashSecret } from './tokens';

export interface ActorUser {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: 'vi' | 'en';
}

/** Who is calling. Resolved once per request; every policy decision starts from it. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: ActorUser; grants: ScopedGrant[]; sessionId: string; csrfToken: string }
  | { kind: 'apiKey'; keyId: string; name: string; scopes: string[]; grants: ScopedGrant[] };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function actorGrants(actor: Actor): ScopedGrant[] {
  return actor.kind === 'anonymous' ? [] : actor.grants;
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.user.id : null;
}

export function requireSignedIn(actor: Actor): Exclude<Actor, { kind: 'anonymous' }> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  return actor;
}

export function requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** Throws FORBIDDEN unless the actor may take `action` somewhere in the tree containing `target`. */
export function assertCan(actor: Actor, action: Action, target: Placement): void {
  requireSignedIn(actor);
  if (!canAt(actorGrants(actor), action, target)) throw new AppError('FORBIDDEN');
}

/** Throws FORBIDDEN unless the actor holds `action` anywhere (list endpoints then filter by scope). */
export function assertCanSomewhere(actor: Actor, action: Action): ScopedGrant[] {
  requireSignedIn(actor);
  const grants = grantsFor(actorGrants(actor), action);
  if (grants.length === 0) throw new AppError('FORBIDDEN');
  return grants;
}

export function toScopedGrant(row: {
  role: string;
  unit_code: string;
  province_code: string;
  commune_code: string | null;
  hamlet_id: string | null;
  agency_id?: string | null;
}): ScopedGrant {
  return {
    role: row.role as Role,
    unitCode: row.unit_code,
    level: levelOfUnitCode(row.unit_code),
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    hamletId: row.hamlet_id,
    ...(row.agency_id ? { agencyId: row.agency_id } : {}),
  };
}

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Bearer API key → actor. The key acts within the unit it was issued for; which routes its scopes open is decided
 * once, by each route's access declaration (platform/http/route-access.ts).
 */
export async function resolveApiKeyActor(
  db: Kysely<DB>,
  secret: string,
  nowIso: string,
): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('secret_hash', '=', hashSecret(secret))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  // "Last used" is shown to admins to the minute; writing it on every call would add a commit to each sync.
  if (
    row.last_used_at === null ||
    Date.parse(nowIso) - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS
  )
    await db.updateTable('api_keys').set({ last_used_at: nowIso }).where('id', '=', row.id).execute();
  const scopes = JSON.parse(row.scopes_json) as string[];
  return {
    kind: 'apiKey',
    keyId: row.id,
    name: row.name,
    scopes,
    grants: [
      {
        role: 'department_officer',
        unitCode: row.unit_code,
        level: levelOfUnitCode(row.unit_code),
        provinceCode: row.province_code,
        communeCode: levelOfUnitCode(row.unit_code) === 'commune' ? row.unit_code : null,
        hamletId: null,
      },
    ],
  };
}
