import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/database';
import type { DB } from '../../db/schema';

export interface ClaimedJob {
  id: string;
  name: string;
  payload_json: string;
  attempts: number;
  max_attempts: number;
}

/** Longest error text kept on a job row; enough for a stack's first lines, small enough for a list view. */
const MAX_ERROR_LENGTH = 2000;

/** SQL of the jobs table. The runner decides; this file only reads and writes rows. */
export function createJobStore(db: Kysely<DB>, dialect: Dialect) {
  return {
    /**
     * Takes up to `limit` due jobs in one statement: pending ones whose run_at has come, and running ones whose
     * lease expired (their worker died). PostgreSQL skips rows another server is claiming at the same moment;
     * SQLite has one writer, so the statement is serialised anyway.
     */
    async claim(opts: { names: string[]; limit: number; workerId: string; now: string; leaseUntil: string }) {
      if (opts.limit <= 0 || opts.names.length === 0) return [] as ClaimedJob[];
      const rows = await db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running' as const,
          locked_by: opts.workerId,
          lease_until: opts.leaseUntil,
          attempts: eb('attempts', '+', 1),
          updated_at: opts.now,
        }))
        .where('id', 'in', (eb) => {
          const due = eb
            .selectFrom('jobs')
            .select('id')
            .where('name', 'in', opts.names)
            .where((w) =>
              w.or([
                w.and([w('status', '=', 'pending'), w('run_at', '<=', opts.now)]),
                w.and([w('status', '=', 'running'), w('lease_until', '<', opts.now)]),
              ]),
            )
            .orderBy('run_at')
            .orderBy('id')
            .limit(opts.limit);
          return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
        })
        .returning(['id', 'name', 'payload_json', 'attempts', 'max_attempts'])
        .execute();
      return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    /** Keeps a long job's lease alive; a no-op when another worker has taken the job over. */
    async renewLease(job: ClaimedJob, workerId: string, leaseUntil: string, now: string) {
      await db
        .updateTable('jobs')
        .set({ lease_until: leaseUntil, updated_at: now })
        .where('id', '=', job.id)
        .where('locked_by', '=', workerId)
        .where('attempts', '=', job.attempts)
        .where('status', '=', 'running')
        .execute();
    },

    /** The guard on worker and attempt makes a late finish after a lost lease change nothing. */
    async complete(job: ClaimedJob, workerId: string, now: string) {
      await db
        .updateTable('jobs')
        .set({ status: 'done', lease_until: null, last_error: null, updated_at: now })
        .where('id', '=', job.id)
        .where('locked_by', '=', workerId)
        .where('attempts', '=', job.attempts)
        .where('status', '=', 'running')
        .execute();
    },

    async reschedule(job: ClaimedJob, workerId: string, error: string, runAt: string, now: string) {
      await db
        .updateTable('jobs')
        .set({ status: 'pending', run_at: runAt, lease_until: null, locked_by: null, last_error: truncate(error), updated_at: now })
        .where('id', '=', job.id)
        .where('locked_by', '=', workerId)
        .where('attempts', '=', job.attempts)
        .where('status', '=', 'running')
        .execute();
    },

    async fail(job: ClaimedJob, workerId: string, error: string, now: string) {
      await db
        .updateTable('jobs')
        .set({ status: 'failed', lease_until: null, last_error: truncate(error), updated_at: now })
        .where('id', '=', job.id)
        .where('locked_by', '=', workerId)
        .where('attempts', '=', job.attempts)
        .where('status', '=', 'running')
        .execute();
    },

    async countQueued() {
      const rows = await db
        .selectFrom('jobs')
        .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
        .where('status', 'in', ['pending', 'running'])
        .groupBy('status')
        .execute();
      const counts = { pending: 0, running: 0 };
      for (const r of rows) counts[r.status as 'pending' | 'running'] = Number(r.n);
      return counts;
    },
  };
}
export type JobStore = ReturnType<typeof createJobStore>;

function truncate(text: string): string {
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
