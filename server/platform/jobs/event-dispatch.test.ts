import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createFakeClock } from '../clock';
import { recordEvent } from '../events';
import { createLogger } from '../logger';
import { createMetrics } from '../metrics';
import { createEventBus, createEventDispatcher, eventDispatchSchedule, type DispatchedEvent } from './event-dispatch';
import { createJobRunner } from './job-runner';

const logger = createLogger('silent');

describe('event dispatch', () => {
  let t: TestDatabase;
  let clock: ReturnType<typeof createFakeClock>;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.destroy());
  beforeEach(async () => {
    await t.db.deleteFrom('events').execute();
    await t.db.deleteFrom('jobs').execute();
    clock = createFakeClock('2026-11-28T03:00:00.000Z');
  });

  const record = (type: string, entityId: string) =>
    recordEvent(t.db, { type, entityType: 'hamlet', entityId, payload: { entityId } }, clock.now().toISOString());

  it('calls each subscriber once per event, in id order, through the scheduled job', async () => {
    const bus = createEventBus();
    const seenA: string[] = [];
    const seenB: DispatchedEvent[] = [];
    bus.subscribe('hamlet.created', async (e) => void seenA.push(e.entityId));
    bus.subscribe('hamlet.created', async (e) => void seenB.push(e));
    const dispatcher = createEventDispatcher({ db: t.db, dialect: t.dialect, clock, logger, bus, batchSize: 2 });
    const runner = createJobRunner({
      database: t,
      clock,
      logger,
      metrics: createMetrics(),
      jobs: [dispatcher.job],
      schedules: [eventDispatchSchedule],
      declared: [],
    });
    for (const id of ['h1', 'h2', 'h3']) await record('hamlet.created', id);
    await record('hamlet.renamed', 'h4');

    // uuidv7 ids made within one millisecond need not follow insertion order: the expectation is id order.
    const inIdOrder = (await t.db.selectFrom('events').select(['entity_id', 'type']).orderBy('id').execute())
      .filter((e) => e.type === 'hamlet.created')
      .map((e) => e.entity_id);
    expect(await runner.runUntilIdle()).toBe(1);
    expect(seenA).toEqual(inIdOrder);
    expect(seenA.slice().sort()).toEqual(['h1', 'h2', 'h3']);
    expect(seenB.map((e) => e.payload.entityId)).toEqual(inIdOrder);
    expect(seenB[0]).toMatchObject({ type: 'hamlet.created', entityType: 'hamlet', occurredAt: '2026-11-28T03:00:00.000Z' });
    const undispatched = await t.db.selectFrom('events').select('id').where('dispatched_at', 'is', null).execute();
    expect(undispatched).toEqual([]);

    clock.advance(5_000);
    expect(await runner.runUntilIdle()).toBe(1);
    expect(seenA).toHaveLength(3);
  });

  it('keeps a failed event for a later run with backoff, then delivers it', async () => {
    const bus = createEventBus();
    let failNext = true;
    const seen: string[] = [];
    bus.subscribe('hamlet.created', async (e) => {
      if (e.entityId === 'bad' && failNext) {
        failNext = false;
        throw new Error('subscriber down');
      }
      seen.push(e.entityId);
    });
    const dispatcher = createEventDispatcher({ db: t.db, dialect: t.dialect, clock, logger, bus });
    await record('hamlet.created', 'bad');
    await record('hamlet.created', 'good');

    expect(await dispatcher.dispatchDue()).toEqual({ dispatched: 1, failed: 1 });
    expect(seen).toEqual(['good']);
    const failed = await t.db.selectFrom('events').selectAll().where('entity_id', '=', 'bad').executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ dispatched_at: null, attempts: 1, lease_until: '2026-11-28T03:00:30.000Z' });
    expect(failed.last_error).toContain('subscriber down');

    expect(await dispatcher.dispatchDue()).toEqual({ dispatched: 0, failed: 0 });
    clock.advance(30_000);
    expect(await dispatcher.dispatchDue()).toEqual({ dispatched: 1, failed: 0 });
    expect(seen).toEqual(['good', 'bad']);
    const done = await t.db.selectFrom('events').selectAll().where('entity_id', '=', 'bad').executeTakeFirstOrThrow();
    expect(done).toMatchObject({ dispatched_at: '2026-11-28T03:00:30.000Z', lease_until: null, last_error: null });
  });

  it('does not hand an event claimed by another server to a second dispatcher until the claim lapses', async () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.subscribe('hamlet.created', async (e) => void seen.push(e.entityId));
    const dispatcher = createEventDispatcher({ db: t.db, dialect: t.dialect, clock, logger, bus, leaseMs: 60_000 });
    await record('hamlet.created', 'h1');
    // Another server claimed it a moment ago and is still working on it.
    await t.db.updateTable('events').set({ lease_until: '2026-11-28T03:01:00.000Z' }).execute();

    expect(await dispatcher.dispatchDue()).toEqual({ dispatched: 0, failed: 0 });
    clock.set('2026-11-28T03:01:00.000Z');
    expect(await dispatcher.dispatchDue()).toEqual({ dispatched: 1, failed: 0 });
    expect(seen).toEqual(['h1']);
  });
});
