import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createFakeClock } from '../../platform/clock';
import { createSignInThrottleRepository } from './sign-in-throttle.repository';
import { blockedUntilMs, createSignInThrottle, THROTTLE_RULES } from './sign-in-throttle.service';

describe('sign-in throttle counters', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.destroy());

  it('counts concurrent failures exactly (one upsert each; several connections on PostgreSQL)', async () => {
    const repo = createSignInThrottleRepository(database.db);
    const at = '2026-12-01T00:00:00.000Z';
    const expires = '2026-12-02T00:00:00.000Z';
    await Promise.all(
      Array.from({ length: 40 }, () => repo.recordFailure(['pair-a', 'address-a'], at, expires)),
    );
    const rows = await repo.find(['pair-a', 'address-a']);
    expect(rows.map((r) => [r.key, r.failures]).sort()).toEqual([
      ['address-a', 40],
      ['pair-a', 40],
    ]);
  });

  it('starts again after the window, never moves the last failure back, and prunes expired rows', async () => {
    const repo = createSignInThrottleRepository(database.db);
    await repo.recordFailure(['k'], '2026-12-01T10:00:00.000Z', '2026-12-02T10:00:00.000Z');
    await repo.recordFailure(['k'], '2026-12-01T09:00:00.000Z', '2026-12-02T09:00:00.000Z');
    expect(await repo.find(['k'])).toEqual([
      {
        key: 'k',
        failures: 2,
        last_failure_at: '2026-12-01T10:00:00.000Z',
        expires_at: '2026-12-02T10:00:00.000Z',
      },
    ]);
    await repo.recordFailure(['k'], '2026-12-03T00:00:00.000Z', '2026-12-04T00:00:00.000Z');
    expect((await repo.find(['k']))[0]!.failures).toBe(1);
    await repo.recordFailure(['old'], '2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z');
    expect(await repo.pruneExpired('2026-12-03T12:00:00.000Z')).toBeGreaterThanOrEqual(1);
    expect(await repo.find(['old'])).toEqual([]);
    expect(await repo.find(['k'])).toHaveLength(1);
  });

  it('shares the wait between two servers on one database', async () => {
    const clock = createFakeClock('2026-12-01T00:00:00.000Z');
    const serverA = createSignInThrottle({ throttles: createSignInThrottleRepository(database.db), clock });
    const serverB = createSignInThrottle({ throttles: createSignInThrottleRepository(database.db), clock });
    for (let i = 0; i < THROTTLE_RULES.pair.freeFailures; i++) {
      await (i % 2 === 0 ? serverA : serverB).recordFailure('email:shared@test.local', '203.0.113.9');
    }
    await expect(serverA.assertMayAttempt('email:shared@test.local', '203.0.113.9')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    await expect(serverB.assertMayAttempt('email:shared@test.local', '203.0.113.9')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    await expect(
      serverB.assertMayAttempt('email:shared@test.local', '198.51.100.7'),
    ).resolves.toBeUndefined();
  });

  it('doubles the wait from the free allowance on, up to the cap', () => {
    const at = '2026-12-01T00:00:00.000Z';
    const base = Date.parse(at);
    expect(blockedUntilMs({ failures: 4, last_failure_at: at }, 5)).toBe(0);
    expect(blockedUntilMs({ failures: 5, last_failure_at: at }, 5) - base).toBe(1000);
    expect(blockedUntilMs({ failures: 7, last_failure_at: at }, 5) - base).toBe(4000);
    expect(blockedUntilMs({ failures: 500, last_failure_at: at }, 5) - base).toBe(THROTTLE_RULES.maxDelayMs);
  });
});
