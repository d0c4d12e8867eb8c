import type { Kysely } from 'kysely';
import { openSealed } from '../crypto/sealed-columns';
import type { Sealer } from '../crypto/sealing';
import type { DB } from '../../db/schema';
import type { ScopedGrant } from '../../../shared/rules/permissions';
import { ANONYMOUS, toScopedGrant, type Actor } from './actor';
import { hashSecret } from './tokens';

/** Sessions per lookup query: the requests of one event-loop turn rarely reach it; it bounds the IN list. */
const MAX_BATCH = 200;

interface Waiter {
  nowIso: string;
  resolve: (actor: Actor) => void;
  reject: (err: unknown) => void;
}

/**
 * Session cookie → actor, for every authenticated request. Expired sessions and disabled users resolve to
 * anonymous. The requests that arrive in one turn of the event loop are looked up together, in one query (the
 * session, its user and the user's grants, a row per grant): under load a round trip to PostgreSQL costs more than
 * the rest of a small request, and twenty phones syncing at once then pay for one. Nothing is cached — every
 * request reads the database after it arrived — so a sign-out or a changed grant counts at once, on every server.
 */
export function createSessionResolver(db: Kysely<DB>, sealer: Sealer) {
  let waiting = new Map<string, Waiter[]>();
  let scheduled = false;

  function resolve(token: string, nowIso: string): Promise<Actor> {
    const id = hashSecret(token);
    return new Promise<Actor>((resolve, reject) => {
      const list = waiting.get(id);
      if (list) list.push({ nowIso, resolve, reject });
      else waiting.set(id, [{ nowIso, resolve, reject }]);
      if (!scheduled) {
        scheduled = true;
        // The check phase runs after the poll phase has read every request that arrived meanwhile.
        setImmediate(flush);
      }
    });
  }

  function flush() {
    scheduled = false;
    const batch = waiting;
    waiting = new Map();
    const ids = [...batch.keys()];
    for (let i = 0; i < ids.length; i += MAX_BATCH) {
      const chunk = ids.slice(i, i + MAX_BATCH);
      lookUp(chunk).then(
        (actors) => {
          for (const id of chunk) {
            for (const w of batch.get(id)!) w.resolve(actors.get(id)?.(w.nowIso) ?? ANONYMOUS);
          }
        },
        (err: unknown) => {
          for (const id of chunk) for (const w of batch.get(id)!) w.reject(err);
        },
      );
    }
  }

  /** Session id → the actor as of a given time (expiry is each request's own "now"). */
  async function lookUp(ids: string[]): Promise<Map<string, (nowIso: string) => Actor>> {
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
        'grants.agency_id',
      ])
      .where('sessions.id', 'in', ids)
      .orderBy('sessions.id')
      .orderBy('grants.created_at')
      .execute();
    const bySession = new Map<string, typeof rows>();
    for (const r of rows) {
      const list = bySession.get(r.session_id);
      if (list) list.push(r);
      else bySession.set(r.session_id, [r]);
    }
    const actors = new Map<string, (nowIso: string) => Actor>();
    for (const [id, list] of bySession) {
      const row = list[0]!;
      if (row.status !== 'active') continue;
      const grants: ScopedGrant[] = [];
      for (const r of list) {
        if (r.role !== null && r.unit_code !== null && r.province_code !== null) {
          grants.push(
            toScopedGrant({
              role: r.role,
              unit_code: r.unit_code,
              province_code: r.province_code,
              commune_code: r.commune_code,
              hamlet_id: r.hamlet_id,
              agency_id: r.agency_id,
            }),
          );
        }
      }
      const actor: Actor = {
        kind: 'user',
        user: {
          id: row.id,
          name: row.name,
          email: row.email,
          phone: openSealed(sealer, 'users.phone', row.phone),
          locale: row.locale,
        },
        grants,
        sessionId: row.session_id,
        csrfToken: row.csrf_token,
      };
      actors.set(id, (nowIso) => (row.expires_at <= nowIso ? ANONYMOUS : actor));
    }
    return actors;
  }

  return { resolve };
}
export type SessionResolver = ReturnType<typeof createSessionResolver>;
