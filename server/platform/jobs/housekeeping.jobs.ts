import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { addMs, type Clock } from '../clock';
import { defineJob, type JobDefinition, type Schedule } from './job-definition';

/** Finished jobs kept at most this long for operators; interval slots alone add ~17,000 rows a day. */
const DONE_JOB_RETENTION_MS = 2 * 86_400_000;
const DAY_MS = 86_400_000;
/** Rows deleted per statement: short transactions, so SQLite's one writer and PostgreSQL's locks are never held long. */
export const PRUNE_BATCH = 1000;

type PrunableTable = 'jobs' | 'events' | 'mail_outbox' | 'rate_limit_counters';

/**
 * Platform upkeep: expired sessions (they already resolve to anonymous; deleting them keeps the table small and
 * drops their IP / user-agent as soon as they serve no purpose) and old operational rows: finished jobs, dispatched
 * events, delivered or failed mail, and past rate-limit windows. Pending work is never touched, and neither is the
 * audit log (it is the record of who did what, kept by its own rules).
 *
 * `retentionDays` (RETENTION_DAYS_OPERATIONAL) is how long failed jobs, dispatched events and mail are kept;
 * done jobs go after two days at most.
 */
export function createHousekeepingJobs(deps: { db: Kysely<DB>; clock: Clock; retentionDays?: number }): {
  jobs: JobDefinition[];
  schedules: Schedule[];
} {
  const { db, clock } = deps;
  const retentionMs = (deps.retentionDays ?? 30) * DAY_MS;

  /** Deletes, PRUNE_BATCH rows at a time, the ids `select` picks; answers how many went. */
  async function pruneInBatches(
    table: PrunableTable,
    idColumn: 'id' | 'bucket',
    select: (limit: number) => Promise<string[]>,
  ): Promise<number> {
    let deleted = 0;
    for (;;) {
      const ids = await select(PRUNE_BATCH);
      if (ids.length === 0) return deleted;
      // Kysely cannot type a delete over a union of tables; each caller pairs the table with its own id column.
      await (db as Kysely<Record<string, Record<string, string>>>)
        .deleteFrom(table)
        .where(idColumn, 'in', ids)
        .execute();
      deleted += ids.length;
      if (ids.length < PRUNE_BATCH) return deleted;
    }
  }

  const sessionsCleanup = defineJob({
    name: 'sessions.cleanup',
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      const res = await db
        .deleteFrom('sessions')
        .where('expires_at', '<=', clock.now().toISOString())
        .executeTakeFirst();
      ctx.logger.info({ deleted: Number(res.numDeletedRows) }, 'expired sessions deleted');
    },
  });
  const jobsPrune = defineJob({
    name: 'jobs.prune',
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      const now = clock.now().toISOString();
      const doneBefore = addMs(now, -Math.min(DONE_JOB_RETENTION_MS, retentionMs));
      const before = addMs(now, -retentionMs);
      const jobs = await pruneInBatches('jobs', 'id', async (limit) =>
        (
          await db
            .selectFrom('jobs')
            .select('id')
            .where((w) =>
              w.or([
                w.and([w('status', '=', 'done'), w('updated_at', '<', doneBefore)]),
                w.and([w('status', '=', 'failed'), w('updated_at', '<', before)]),
              ]),
            )
            .limit(limit)
            .execute()
        ).map((r) => r.id),
      );
      const events = await pruneInBatches('events', 'id', async (limit) =>
        (
          await db
            .selectFrom('events')
            .select('id')
            .where('dispatched_at', 'is not', null)
            .where('dispatched_at', '<', before)
            .limit(limit)
            .execute()
        ).map((r) => r.id),
      );
      const mail = await pruneInBatches('mail_outbox', 'id', async (limit) =>
        (
          await db
            .selectFrom('mail_outbox')
            .select('id')
            .where('status', 'in', ['sent', 'captured', 'failed'])
            .where('created_at', '<', before)
            .limit(limit)
            .execute()
        ).map((r) => r.id),
      );
      const counters = await pruneInBatches('rate_limit_counters', 'bucket', async (limit) =>
        (
          await db
            .selectFrom('rate_limit_counters')
            .select('bucket')
            .where('expires_at', '<', now)
            .limit(limit)
            .execute()
        ).map((r) => r.bucket),
      );
      ctx.logger.info({ jobs, events, mail, counters }, 'operational rows pruned');
    },
  });
  return {
    jobs: [sessionsCleanup, jobsPrune],
    schedules: [
      { name: 'sessions.cleanup', every: { seconds: 3600 } },
      { name: 'jobs.prune', every: { seconds: 3600 } },
    ],
  };
}
