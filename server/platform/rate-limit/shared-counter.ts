import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema';

/** How often a server adds its local counts to the shared table: one batched upsert per interval at most. */
export const DEFAULT_FLUSH_INTERVAL_MS = 250;
/** Rows per upsert statement, well under both dialects' parameter limits. */
const FLUSH_BATCH = 500;

interface Bucket {
  /** The shared table's total as last seen by this server (includes its own flushed counts). */
  shared: number;
  /** Counted here and not yet added to the shared table. */
  pending: number;
  /** Counted here while a flush of this bucket was in flight (added after it). */
  inFlight: number;
  windowEndMs: number;
  hash: string;
  /** The limit the caller is held to (the last one asked), to tell callers near it. */
  max: number;
}

export interface SharedCounter {
  /**
   * Counts one request of `key` in the current fixed window of `windowMs` and answers the total seen so far
   * (this server's unflushed counts + the last shared total) and the time left in the window. Synchronous: the
   * database is never on a request's path.
   */
  increment(key: string, windowMs: number, max: number): { current: number; ttl: number };
  /** Adds the pending counts to the shared table and refreshes the totals of those buckets. */
  flush(): Promise<void>;
  /** Stops the timer and flushes what is left. */
  close(): Promise<void>;
}

/**
 * Rate-limit counts shared by every server through the database, without a database write per request.
 *
 * Each server counts locally per (key, window) and, at most every `flushIntervalMs`, adds its deltas to
 * `rate_limit_counters` in one upsert (`count = count + delta`) that returns the shared totals. Decisions use the
 * local count plus the last known shared total. Windows are fixed and aligned to the epoch, so every server names
 * the same bucket.
 *
 * A caller past half its limit is "near": while it is, every flush also re-reads its shared total, even when this
 * server counted nothing new, so a server learns what the others admitted within one flush interval.
 *
 * Bounded overshoot: a server decides on totals at most one flush interval old, so a limit of `max` can admit up to
 * `max + (servers − 1) × (requests one caller makes to one server within one flush interval)`; with 250 ms and a
 * caller at 10 requests/s, under 3 extra requests per other server. If the database cannot be reached, each server
 * goes on deciding alone (fail open, logged) and adds its counts when the database is back.
 */
export function createSharedCounter(deps: {
  db: Kysely<DB>;
  logger: Logger;
  flushIntervalMs?: number;
  now?: () => number;
}): SharedCounter {
  const { db, logger } = deps;
  const now = deps.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  let flushing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  // Buckets whose pending count a flush is carrying; their new counts wait in `inFlight` meanwhile.
  const carried = new Set<Bucket>();

  function schedule() {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, deps.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS);
    timer.unref();
  }

  function dropExpired(at: number) {
    for (const [id, b] of buckets) {
      if (b.windowEndMs <= at && b.pending === 0 && b.inFlight === 0) buckets.delete(id);
    }
  }

  const isNear = (b: Bucket, at: number) => b.windowEndMs > at && 2 * (b.shared + b.pending) >= b.max;

  function increment(key: string, windowMs: number, max: number) {
    const at = now();
    const windowStart = Math.floor(at / windowMs) * windowMs;
    const id = `${key}\u0000${windowMs}\u0000${windowStart}`;
    let b = buckets.get(id);
    if (!b) {
      if (buckets.size > 10_000) dropExpired(at);
      // The stored name is a hash: the table keeps no account id or client address.
      b = {
        shared: 0,
        pending: 0,
        inFlight: 0,
        windowEndMs: windowStart + windowMs,
        hash: hashBucket(id),
        max,
      };
      buckets.set(id, b);
    }
    b.max = max;
    if (carried.has(b)) b.inFlight += 1;
    else b.pending += 1;
    schedule();
    return { current: b.shared + b.pending + b.inFlight, ttl: b.windowEndMs - at };
  }

  async function writeBatch(batch: Bucket[]) {
    const rows = batch.map((b) => ({
      bucket: b.hash,
      count: b.pending,
      expires_at: new Date(b.windowEndMs).toISOString(),
    }));
    const totals = await db
      .insertInto('rate_limit_counters')
      .values(rows)
      .onConflict((oc) =>
        oc.column('bucket').doUpdateSet({ count: sql<number>`rate_limit_counters.count + excluded.count` }),
      )
      .returning(['bucket', 'count'])
      .execute();
    const byHash = new Map(totals.map((t) => [t.bucket, Number(t.count)]));
    for (const b of batch) {
      const total = byHash.get(b.hash);
      if (total !== undefined) {
        b.shared = total;
        b.pending = 0;
      }
    }
  }

  /** Re-reads the shared totals of callers near their limit that this server has nothing new to add for. */
  async function readBatch(batch: Bucket[]) {
    const totals = await db
      .selectFrom('rate_limit_counters')
      .select(['bucket', 'count'])
      .where(
        'bucket',
        'in',
        batch.map((b) => b.hash),
      )
      .execute();
    const byHash = new Map(totals.map((t) => [t.bucket, Number(t.count)]));
    for (const b of batch) b.shared = Math.max(b.shared, byHash.get(b.hash) ?? 0);
  }

  async function runFlush() {
    const at = now();
    const batch = [...buckets.values()].filter((b) => b.pending > 0);
    const near = [...buckets.values()].filter((b) => b.pending === 0 && isNear(b, at));
    if (batch.length === 0 && near.length === 0) return;
    for (const b of batch) carried.add(b);
    try {
      for (let i = 0; i < batch.length; i += FLUSH_BATCH) await writeBatch(batch.slice(i, i + FLUSH_BATCH));
      for (let i = 0; i < near.length; i += FLUSH_BATCH) await readBatch(near.slice(i, i + FLUSH_BATCH));
    } catch (err) {
      logger.warn(
        { err: { message: (err as Error).message } },
        'rate-limit counts not shared (database unavailable)',
      );
    } finally {
      for (const b of batch) {
        carried.delete(b);
        b.pending += b.inFlight;
        b.inFlight = 0;
      }
      dropExpired(now());
    }
  }

  async function flush() {
    // One flush at a time; a caller who asks meanwhile waits for it and then flushes what came in since.
    while (flushing) await flushing;
    flushing = runFlush().finally(() => {
      flushing = null;
    });
    await flushing;
    const at = now();
    if ([...buckets.values()].some((b) => b.pending > 0 || isNear(b, at))) schedule();
  }

  return {
    increment,
    flush,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await flush().catch(() => undefined);
    },
  };
}

function hashBucket(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 40);
}
