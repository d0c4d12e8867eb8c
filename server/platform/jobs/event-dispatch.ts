import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Dialect } from '../../db/database';
import type { DB } from '../../db/schema';
import { addMs, type Clock } from '../clock';
import { defineJob, type Schedule } from './job-definition';
import { computeBackoffMs } from './schedule-slots';

export interface DispatchedEvent {
  id: string;
  type: string;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

/**
 * Delivery is at least once: a handler may see an event again after a failure (its own or another
 * subscriber's) or a lost lease, so handlers must be idempotent (e.g. keyed on event.id).
 */
export type EventHandler = (event: DispatchedEvent) => Promise<void>;

export interface EventBus {
  subscribe(type: string, handler: EventHandler): void;
  handlersFor(type: string): readonly EventHandler[];
}

/** The subscriber registry; modules subscribe through the composition root (app.ts). */
export function createEventBus(): EventBus {
  const handlers = new Map<string, EventHandler[]>();
  return {
    subscribe(type, handler) {
      handlers.set(type, [...(handlers.get(type) ?? []), handler]);
    },
    handlersFor(type) {
      return handlers.get(type) ?? [];
    },
  };
}

export const EVENTS_DISPATCH_JOB = 'events.dispatch';

/** Every few seconds; each slot's job drains what is due, so a slow slot simply leaves less for the next. */
export const eventDispatchSchedule: Schedule = { name: EVENTS_DISPATCH_JOB, every: { seconds: 5 } };

export interface EventDispatchDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  logger: Logger;
  bus: EventBus;
  batchSize?: number;
  /** Batches per job run; bounds one run so the job's own lease stays meaningful. */
  maxBatches?: number;
  leaseMs?: number;
}

/**
 * Hands undispatched outbox events to their subscribers in id order. Events are claimed with a lease (SKIP
 * LOCKED on PostgreSQL), so two servers never dispatch the same event at the same time. A failure keeps the
 * event undispatched, counts the attempt and delays the next one with the jobs' backoff; it is never dropped.
 */
export function createEventDispatcher(deps: EventDispatchDeps) {
  const { db, dialect, clock, logger, bus } = deps;
  const batchSize = deps.batchSize ?? 100;
  const maxBatches = deps.maxBatches ?? 10;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;

  async function claimBatch() {
    const now = clock.now().toISOString();
    const rows = await db
      .updateTable('events')
      .set({ lease_until: addMs(now, leaseMs) })
      .where('id', 'in', (eb) => {
        const due = eb
          .selectFrom('events')
          .select('id')
          .where('dispatched_at', 'is', null)
          .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<=', now)]))
          .orderBy('id')
          .limit(batchSize);
        return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
      })
      .returning(['id', 'type', 'entity_type', 'entity_id', 'payload_json', 'occurred_at', 'attempts'])
      .execute();
    return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async function dispatchOne(row: Awaited<ReturnType<typeof claimBatch>>[number]): Promise<boolean> {
    try {
      const event: DispatchedEvent = {
        id: row.id,
        type: row.type,
        entityType: row.entity_type,
        entityId: row.entity_id,
        payload: JSON.parse(row.payload_json) as Record<string, unknown>,
        occurredAt: row.occurred_at,
      };
      for (const handler of bus.handlersFor(event.type)) await handler(event);
      await db
        .updateTable('events')
        .set({ dispatched_at: clock.now().toISOString(), lease_until: null, last_error: null })
        .where('id', '=', row.id)
        .execute();
      return true;
    } catch (err) {
      const attempts = row.attempts + 1;
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      const retryAt = addMs(clock.now().toISOString(), computeBackoffMs(attempts));
      await db
        .updateTable('events')
        .set({ attempts, last_error: message.slice(0, 2000), lease_until: retryAt })
        .where('id', '=', row.id)
        .execute();
      // The payload stays out of the log: events may carry personal data.
      logger.warn({ event: { id: row.id, type: row.type, attempts }, err: { message }, retryAt }, 'event handler failed');
      return false;
    }
  }

  /** Dispatches what is due now; returns how many events were delivered and how many failed. */
  async function dispatchDue(): Promise<{ dispatched: number; failed: number }> {
    let dispatched = 0;
    let failed = 0;
    for (let batch = 0; batch < maxBatches; batch++) {
      const rows = await claimBatch();
      for (const row of rows) {
        if (await dispatchOne(row)) dispatched += 1;
        else failed += 1;
      }
      if (rows.length < batchSize) break;
    }
    return { dispatched, failed };
  }

  const job = defineJob({
    name: EVENTS_DISPATCH_JOB,
    payload: z.object({}).passthrough(),
    handler: async () => {
      await dispatchDue();
    },
  });

  return { dispatchDue, job };
}
