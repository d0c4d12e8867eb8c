import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './database';

/**
 * Another connection to the same file (a worker thread, like another process) takes the write lock, writes, holds
 * it for `holdMs` and commits. Resolves once it holds the lock.
 */
function holdWriteLock(file: string, holdMs: number) {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const SQLite = require('better-sqlite3');
     const db = new SQLite(workerData.file);
     db.pragma('busy_timeout = 5000');
     db.exec('begin immediate');
     db.prepare("insert into counters (name, value) values ('worker', 1)").run();
     parentPort.postMessage('locked');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
     db.exec('commit');
     db.close();
     parentPort.postMessage('committed');`,
    { eval: true, workerData: { file, holdMs } },
  );
  const committed = new Promise<void>((resolve, reject) => {
    worker.on('message', (m) => m === 'committed' && resolve());
    worker.on('error', reject);
  });
  const locked = new Promise<void>((resolve, reject) => {
    worker.on('message', (m) => m === 'locked' && resolve());
    worker.on('error', reject);
  });
  return { locked, committed };
}

describe('SQLite transactions', () => {
  let dir: string;
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('wait for another connection’s write lock instead of failing with SQLITE_BUSY', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-db-'));
    const file = path.join(dir, 'lock.sqlite');
    database = createDatabase({ sqliteFile: file });
    const db = database.db;
    await sql`create table counters (name text primary key, value integer not null)`.execute(db);
    await sql`insert into counters (name, value) values ('app', 0)`.execute(db);

    const other = holdWriteLock(file, 300);
    await other.locked;
    // Read, then write, in one transaction while the other connection holds the lock: a deferred BEGIN would
    // read an old snapshot and fail with SQLITE_BUSY_SNAPSHOT once the other commits.
    await db.transaction().execute(async (trx) => {
      const row = await sql<{ value: number }>`select value from counters where name = 'app'`.execute(trx);
      await sql`update counters set value = ${row.rows[0]!.value + 1} where name = 'app'`.execute(trx);
    });
    await other.committed;

    const rows = await sql<{ name: string; value: number }>`select name, value from counters order by name`.execute(db);
    expect(rows.rows).toEqual([
      { name: 'app', value: 1 },
      { name: 'worker', value: 1 },
    ]);
  });

  it('acknowledge a commit only once it is on disk (synchronous = FULL, in WAL mode)', async () => {
    // The phone deletes a record from its outbox when we answer `created`: with NORMAL a power cut could lose it.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-db-'));
    database = createDatabase({ sqliteFile: path.join(dir, 'durable.sqlite') });
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db);
    expect(mode.rows[0]!.journal_mode).toBe('wal');
    expect(sync.rows[0]!.synchronous).toBe(2); // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
  });
});
