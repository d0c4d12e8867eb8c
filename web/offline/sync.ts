import type { OfflineDatabase } from './offline-db';
import { applySyncResults, listWaiting, noteAttempt } from './outbox';
import type { SupportRecordBody, SyncResult } from './support-record-types';

/** interfaces.md §2: POST /api/v1/sync takes at most 500 records. */
export const MAX_SYNC_BATCH = 500;

/** Sends one batch; resolves with the server's per-record results or throws (an error with `status` if HTTP). */
export type SendBatch = (records: SupportRecordBody[]) => Promise<{ results: SyncResult[] }>;

export type SyncStop =
  /** The session expired or was signed out: everything stays in the outbox until the member signs in again. */
  | 'signedOut'
  /** No answer (offline, timeout, server down): everything not yet answered stays waiting. */
  | 'unreachable'
  /** The server refused the batch itself (e.g. a stale CSRF token): nothing is lost, the member can retry. */
  | 'failed';

export interface SyncOutcome {
  accepted: number;
  refused: number;
  /** Waiting records not yet answered when the run ended. */
  remaining: number;
  stoppedBy: SyncStop | null;
}

export function splitIntoBatches<T>(items: readonly T[], size: number = MAX_SYNC_BATCH): T[][] {
  if (size < 1) throw new RangeError('batch size must be at least 1');
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

function httpStatusOf(err: unknown): number | null {
  if (typeof err === 'object' && err !== null && 'status' in err) {
    const status = (err as { status: unknown }).status;
    if (typeof status === 'number') return status;
  }
  return null;
}

/** Status 0 or none: the request never got an answer (ApiError uses 0 for a network failure). */
function stopReasonFor(status: number | null): SyncStop {
  if (status === 401) return 'signedOut';
  if (status === null || status === 0 || status === 429 || status >= 500) return 'unreachable';
  return 'failed';
}

/**
 * Sends the account's waiting records in batches of ≤ 500, oldest first. Records leave the outbox only when the
 * server answered created/duplicate for them; on any failure the run stops and keeps the rest, because the
 * server's idempotency makes the next run's resend harmless.
 */
export async function syncOutbox(opts: {
  db: OfflineDatabase;
  userId: string;
  send: SendBatch;
  batchSize?: number;
  now?: () => Date;
}): Promise<SyncOutcome> {
  const now = opts.now ?? (() => new Date());
  const waiting = await listWaiting(opts.db, opts.userId);
  const batches = splitIntoBatches(waiting, opts.batchSize ?? MAX_SYNC_BATCH);
  const outcome: SyncOutcome = { accepted: 0, refused: 0, remaining: waiting.length, stoppedBy: null };
  for (const batch of batches) {
    const ids = batch.map((e) => e.id);
    let results: SyncResult[];
    try {
      results = (await opts.send(batch.map((e) => e.record))).results;
    } catch (err) {
      await noteAttempt(opts.db, ids, now().toISOString());
      outcome.stoppedBy = stopReasonFor(httpStatusOf(err));
      return outcome;
    }
    const applied = await applySyncResults(opts.db, results, now().toISOString());
    outcome.accepted += applied.accepted;
    outcome.refused += applied.refused;
    outcome.remaining -= applied.accepted + applied.refused;
  }
  return outcome;
}
