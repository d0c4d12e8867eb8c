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
}): ScopedGrant {
  return {
    role: row.role as Role,
    unitCode: row.unit_code,
    level: levelOfUnitCode(row.unit_code),
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    hamletId: row.hamlet_id,
  };
}

/** Session cookie → actor. Expired sessions and disabled users resolve to anonymous. */
export async function resolveSessionActor(db: Kysely<DB>, token: string, nowIso: string): Promise<Actor> {
  // One round trip on every authenticated request: the session, its user and the user's grants (one row each).
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('grants', 'grants.user_id', 'users.id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id',
      'users.name',
      'users.email',
      'users.phone',
      'users.locale',
      'users.status',
      'grants.role',
      'grants.unit_code',
      'grants.province_code',
      'grants.commune_code',
      'grants.hamlet_id',
    ])
    .where('sessions.id', '=', hashSecret(token))
    .orderBy('grants.created_at')
    .execute();
  const row = rows[0];
  if (!row || row.expires_at <= nowIso || row.status !== 'active') return ANONYMOUS;
  const grants: ScopedGrant[] = [];
  for (const r of rows) {
    if (r.role !== null && r.unit_code !== null && r.province_code !== null) {
      grants.push(
        toScopedGrant({
          role: r.role,
          unit_code: r.unit_code,
          province_code: r.province_code,
          commune_code: r.commune_code,
          hamlet_id: r.hamlet_id,
        }),
      );
    }
  }
  return {
    kind: 'user',
    user: { id: row.id, name: row.name, email: row.email, phone: row.phone, locale: row.locale },
    grants,
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
  };
}

/** Bearer API key → actor. The key acts within the unit it was issued for, with its scopes only. */
export async function resolveApiKeyActor(db: Kysely<DB>, secret: string, nowIso: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('secret_hash', '=', hashSecret(secret))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
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

export function requireScope(actor: Actor, scope: string): void {
  if (actor.kind === 'apiKey' && !actor.scopes.includes(scope)) throw new AppError('FORBIDDEN');
}
