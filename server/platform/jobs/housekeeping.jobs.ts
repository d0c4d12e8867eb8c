import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { addMs, type Clock } from '../clock';
import { defineJob, type JobDefinition, type Schedule } from './job-definition';

/** Finished jobs kept this long for operators; interval slots alone add ~17,000 rows a day. */
const DONE_JOB_RETENTION_MS = 2 * 86_400_000;
/** Failed jobs are kept longer: someone may need to read last_error or re-queue them. */
const FAILED_JOB_RETENTION_MS = 30 * 86_400_000;

/**
 * Platform upkeep: expired sessions (they already resolve to anonymous; deleting them keeps the table small and
 * drops their IP / user-agent as soon as they serve no purpose) and old finished jobs.
 */
export function createHousekeepingJobs(deps: { db: Kysely<DB>; clock: Clock }): { jobs: JobDefinition[]; schedules: Schedule[] } {
  const { db, clock } = deps;
  const sessionsCleanup = defineJob({
    name: 'sessions.cleanup',
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      const res = await db.deleteFrom('sessions').where('expires_at', '<=', clock.now().toISOString()).executeTakeFirst();
      ctx.logger.info({ deleted: Number(res.numDeletedRows) }, 'expired sessions deleted');
    },
  });
  const jobsPrune = defineJob({
    name: 'jobs.prune',
    payload: z.object({}).passthrough(),
    handler: async () => {
      const now = clock.now().toISOString();
      await db
        .deleteFrom('jobs')
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'done'), w('updated_at', '<', addMs(now, -DONE_JOB_RETENTION_MS))]),
            w.and([w('status', '=', 'failed'), w('updated_at', '<', addMs(now, -FAILED_JOB_RETENTION_MS))]),
          ]),
        )
        .execute();
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
