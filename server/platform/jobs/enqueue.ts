import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import type { DB } from '../../db/schema';

export interface EnqueueOptions {
  runAt?: string;
  /** A scheduled slot ("notifications.digest:2026-11-28"): a second enqueue with the same key is ignored. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a job in the caller's transaction (so it exists exactly when the change that needs it commits).
 * Returns false when a job with the same unique key already exists.
 */
export async function enqueueJob(
  db: Kysely<DB> | Transaction<DB>,
  name: string,
  payload: unknown,
  at: string,
  opts: EnqueueOptions = {},
): Promise<boolean> {
  const res = await db
    .insertInto('jobs')
    .values({
      id: uuidv7(),
      name,
      payload_json: JSON.stringify(payload ?? {}),
      status: 'pending',
      run_at: opts.runAt ?? at,
      attempts: 0,
      max_attempts: opts.maxAttempts ?? 5,
      last_error: null,
      lease_until: null,
      locked_by: null,
      unique_key: opts.uniqueKey ?? null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}
