import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Counters of failed sign-ins (table sign_in_throttles). Kysely only; the rules are in sign-in-throttle.service.ts. */
export function createSignInThrottleRepository(db: Kysely<DB>) {
  return {
    find(keys: string[]) {
      return db.selectFrom('sign_in_throttles').selectAll().where('key', 'in', keys).execute();
    },

    /**
     * Counts one failure against each key in ONE statement (an upsert), so concurrent failures on any number of
     * servers each count exactly once. A row whose window has passed starts again at 1; the last failure and the
     * window only ever move forward, whatever order concurrent statements commit in.
     */
    async recordFailure(keys: string[], at: string, expiresAt: string): Promise<void> {
      await db
        .insertInto('sign_in_throttles')
        .values(keys.map((key) => ({ key, failures: 1, last_failure_at: at, expires_at: expiresAt })))
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql<number>`CASE WHEN sign_in_throttles.expires_at <= excluded.last_failure_at THEN 1 ELSE sign_in_throttles.failures + 1 END`,
            last_failure_at: sql<string>`CASE WHEN sign_in_throttles.last_failure_at > excluded.last_failure_at THEN sign_in_throttles.last_failure_at ELSE excluded.last_failure_at END`,
            expires_at: sql<string>`CASE WHEN sign_in_throttles.expires_at > excluded.expires_at THEN sign_in_throttles.expires_at ELSE excluded.expires_at END`,
          }),
        )
        .execute();
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('sign_in_throttles').where('key', '=', key).execute();
    },

    /** Deletes rows whose window has passed; answers how many went. */
    async pruneExpired(now: string): Promise<number> {
      const res = await db.deleteFrom('sign_in_throttles').where('expires_at', '<=', now).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  };
}
export type SignInThrottleRepository = ReturnType<typeof createSignInThrottleRepository>;
