import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../app';
import { parseConfig } from '../../config';
import { createDatabase, type Database } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { createTestDatabase, testDialect, type TestDatabase } from '../../test/database';
import { buildUser } from '../../test/factories';
import { signIn } from '../../test/app';
import { testLogCapture } from '../../test/log-capture';
import { createFakeClock } from '../clock';
import { createLogger } from '../logger';
import { createSharedCounter } from './shared-counter';

const PER_ACCOUNT = 4;
const ANONYMOUS = 6;

/**
 * Two servers (two buildApp on two connections to one database: PostgreSQL, a second pool on the test schema;
 * SQLite, one temporary file opened twice) enforce ONE limit: requests alternating between them are refused once
 * the shared ceiling is reached, keyed by account when signed in and by address otherwise.
 */
describe('rate limits shared by two servers', () => {
  let first: Database;
  let second: Database;
  let cleanup: () => Promise<void>;
  let servers: BuiltApp['app'][];
  const clock = createFakeClock('2026-11-28T03:00:10.000Z');

  beforeAll(async () => {
    if (testDialect() === 'postgres') {
      const t: TestDatabase = await createTestDatabase();
      first = t;
      second = createDatabase({ databaseUrl: t.url, pgSchema: t.pgSchema, poolMax: 5 });
      cleanup = async () => {
        await second.close();
        await t.destroy();
      };
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-limits-'));
      const file = path.join(dir, 'limits.sqlite');
      first = createDatabase({ sqliteFile: file });
      await migrateToLatest(first);
      second = createDatabase({ sqliteFile: file });
      cleanup = async () => {
        await first.close();
        await second.close();
        fs.rmSync(dir, { recursive: true, force: true });
      };
    }
    const config = parseConfig({
      NODE_ENV: 'test',
      SEED: 'none',
      WEB_DIST: '/nonexistent',
      RATE_LIMIT_PER_MINUTE: String(PER_ACCOUNT),
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(ANONYMOUS),
    });
    const built = await Promise.all(
      [first, second].map((database) =>
        buildApp({ config, database, clock, logger: createLogger('trace', testLogCapture.stream) }),
      ),
    );
    servers = built.map((b) => b.app);
    await Promise.all(servers.map((s) => s.ready()));
  });
  afterAll(async () => {
    for (const s of servers ?? []) await s.close();
    await cleanup();
  });

  /** One request on server i, then both servers share their counts (what the 250 ms timer does in production). */
  async function requestOn(
    i: number,
    opts: { url: string; headers?: Record<string, string>; remoteAddress: string },
  ) {
    const res = await servers[i % 2]!.inject({ method: 'GET', ...opts });
    await servers[i % 2]!.rateLimitCounter.flush();
    await servers[(i + 1) % 2]!.rateLimitCounter.flush();
    return res.statusCode;
  }

  it('refuses anonymous callers of one address after the shared anonymous ceiling, whichever server they reach', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ANONYMOUS + 2; i++) {
      statuses.push(await requestOn(i, { url: '/api/v1/services', remoteAddress: '198.51.100.7' }));
    }
    expect(statuses).toEqual([...Array<number>(ANONYMOUS).fill(200), 429, 429]);
    // Another address is counted apart.
    expect(await requestOn(0, { url: '/api/v1/services', remoteAddress: '198.51.100.8' })).toBe(200);
  });

  it('counts a signed-in account across both servers, not its address', async () => {
    const nat = '198.51.100.20';
    const alice = await buildUser(first.db);
    const bob = await buildUser(first.db);
    const a = await signIn(servers[0]!, alice.email, alice.password);
    const b = await signIn(servers[1]!, bob.email, bob.password);
    const statuses: number[] = [];
    for (let i = 0; i < PER_ACCOUNT + 2; i++) {
      statuses.push(
        await requestOn(i, { url: '/api/v1/me', headers: { cookie: a.cookie }, remoteAddress: nat }),
      );
    }
    expect(statuses).toEqual([...Array<number>(PER_ACCOUNT).fill(200), 429, 429]);
    // Bob, behind the same carrier-NAT address, has his own count.
    expect(await requestOn(1, { url: '/api/v1/me', headers: { cookie: b.cookie }, remoteAddress: nat })).toBe(
      200,
    );
    // And a new window opens a minute later.
    clock.advance(60_000);
    expect(await requestOn(0, { url: '/api/v1/me', headers: { cookie: a.cookie }, remoteAddress: nat })).toBe(
      200,
    );
  });

  it("adds a server's local counts in one batched upsert and learns the other server's totals", async () => {
    const now = () => clock.now().getTime();
    const one = createSharedCounter({
      db: first.db,
      logger: createLogger('silent'),
      now,
      flushIntervalMs: 60_000,
    });
    const two = createSharedCounter({
      db: second.db,
      logger: createLogger('silent'),
      now,
      flushIntervalMs: 60_000,
    });
    for (let i = 0; i < 100; i++) one.increment('batch-test', 60_000, 1000);
    expect(one.increment('batch-test', 60_000, 1000).current).toBe(101);
    // Before a flush the other server knows nothing (the bounded overshoot); after both flush it knows all.
    expect(two.increment('batch-test', 60_000, 1000).current).toBe(1);
    await one.flush();
    await two.flush();
    expect(two.increment('batch-test', 60_000, 1000).current).toBe(103);
    const rows = await first.db.selectFrom('rate_limit_counters').select(['bucket', 'count']).execute();
    expect(rows.some((r) => r.count === 102)).toBe(true);
    // No account id or address is stored, only hashes.
    expect(JSON.stringify(rows)).not.toMatch(/batch-test|198\.51|user:/);
    await one.close();
    await two.close();
  });
});
