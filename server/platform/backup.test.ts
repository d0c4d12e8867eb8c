import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { BackupError, backupSqlite, defaultBackupFile, restoreSqlite } from './backup';

/**
 * SQLite backup and restore (npm run backup / restore), on real files. The backup is SQLite's own (both tiers run
 * it: it never touches PostgreSQL), so these tests use a file database whatever TEST_DIALECT says.
 */

/** Another connection (like a server's request) commits one row at a time, numbered 1, 2, 3 …, until stopped. */
function startWriter(file: string) {
  const shared = new Int32Array(new SharedArrayBuffer(8)); // [0] stop flag, [1] rows committed
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const SQLite = require('better-sqlite3');
     const db = new SQLite(workerData.file);
     db.pragma('busy_timeout = 5000');
     const insert = db.prepare('insert into probe (n, body) values (?, ?)');
     const state = workerData.shared;
     let n = 0;
     parentPort.postMessage('started');
     while (Atomics.load(state, 0) === 0) {
       n += 1;
       insert.run(n, 'x'.repeat(200));
       Atomics.store(state, 1, n);
     }
     db.close();
     parentPort.postMessage('stopped');`,
    { eval: true, workerData: { file, shared } },
  );
  const failed = new Promise<never>((_, reject) => worker.on('error', reject));
  const started = new Promise<void>((resolve) => worker.on('message', (m) => m === 'started' && resolve()));
  const stopped = new Promise<void>((resolve) => worker.on('message', (m) => m === 'stopped' && resolve()));
  return {
    started: Promise.race([started, failed]),
    committed: () => Atomics.load(shared, 1),
    async stop() {
      Atomics.store(shared, 0, 1);
      await Promise.race([stopped, failed]);
    },
  };
}

/** Every table's rows, in a stable order: equal dumps mean equal data. */
function dump(file: string): Record<string, unknown[]> {
  const db = new SQLite(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => {
        const rows = db
          .prepare(`select * from "${name}"`)
          .all()
          .map((r) => JSON.stringify(r));
        return [name, rows.sort()];
      }),
    );
  } finally {
    db.close();
  }
}

function countProbe(file: string): { count: number; max: number } {
  const db = new SQLite(file, { readonly: true });
  try {
    return db.prepare('select count(*) as count, coalesce(max(n), 0) as max from probe').get() as {
      count: number;
      max: number;
    };
  } finally {
    db.close();
  }
}

describe('SQLite backup and restore', () => {
  let dir: string;
  let live: string;
  let server: Database | undefined;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-backup-'));
    live = path.join(dir, 'data', 'cong-dong-so.sqlite');
    server = createDatabase({ sqliteFile: live });
    await migrateToLatest(server);
    await sql`create table probe (n integer primary key, body text not null)`.execute(server.db);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies a database that is being written, and a restore brings back exactly that copy', async () => {
    const writer = startWriter(live);
    await writer.started;
    while (writer.committed() < 200) await new Promise((r) => setTimeout(r, 5));

    const backupFile = defaultBackupFile(path.join(dir, 'data'), new Date('2026-12-04T19:30:00.123Z'));
    expect(backupFile).toBe(path.join(dir, 'data', 'backups', 'cong-dong-so-2026-12-04T19-30-00Z.sqlite'));
    const before = writer.committed();
    const info = await backupSqlite(live, backupFile);
    const after = writer.committed();
    while (writer.committed() < after + 200) await new Promise((r) => setTimeout(r, 5));
    await writer.stop();

    // One consistent snapshot: rows 1..n with no gap, taken while the writer went on before and after it.
    const copied = countProbe(backupFile);
    expect(copied.count).toBe(copied.max);
    expect(copied.count).toBeGreaterThanOrEqual(before);
    expect(copied.count).toBeLessThanOrEqual(after);
    expect(info.latestMigration).toMatch(/^\d{4}-/);
    expect(info.bytes).toBe(fs.statSync(backupFile).size);
    // One self-contained file: no .partial, and no -wal/-shm that a copy would need beside it.
    expect(fs.readdirSync(path.dirname(backupFile))).toEqual([path.basename(backupFile)]);

    const liveRows = countProbe(live).count;
    expect(liveRows).toBeGreaterThan(copied.count);
    await server!.close();
    server = undefined;

    const restored = restoreSqlite(backupFile, live, new Date('2026-12-05T01:00:00Z'));
    expect(dump(live)).toEqual(dump(backupFile));
    expect(countProbe(live).count).toBe(copied.count);
    // The replaced database is kept, whole (its WAL folded in), with every row the writer committed.
    expect(restored.previous).toBe(`${live}.before-restore-2026-12-05T01-00-00Z`);
    expect(countProbe(restored.previous!).count).toBe(liveRows);
    expect(fs.readdirSync(path.dirname(live)).sort()).toEqual([
      'backups',
      'cong-dong-so.sqlite',
      'cong-dong-so.sqlite.before-restore-2026-12-05T01-00-00Z',
    ]);

    // The server opens the restored file as usual.
    server = createDatabase({ sqliteFile: live });
    await migrateToLatest(server);
    const rows = await sql<{ c: number }>`select count(*) as c from probe`.execute(server.db);
    expect(rows.rows[0]?.c).toBe(copied.count);
  });

  it('refuses to restore while a server has the database open, and leaves it untouched', async () => {
    const backupFile = path.join(dir, 'copy.sqlite');
    await backupSqlite(live, backupFile);
    await sql`insert into probe (n, body) values (1, 'after the backup')`.execute(server!.db);

    expect(() => restoreSqlite(backupFile, live, new Date())).toThrow(BackupError);
    expect(() => restoreSqlite(backupFile, live, new Date())).toThrow(/in use: stop the server/);
    const still = await sql<{ c: number }>`select count(*) as c from probe`.execute(server!.db);
    expect(still.rows[0]?.c).toBe(1);
    expect(fs.readdirSync(path.dirname(live)).filter((f) => /restoring|before-restore/.test(f))).toEqual([]);
  });

  it('never overwrites an existing file, and refuses to restore a file that is not one of our databases', async () => {
    const existing = path.join(dir, 'taken.sqlite');
    fs.writeFileSync(existing, 'keep me');
    await expect(backupSqlite(live, existing)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    await server!.close();
    server = undefined;

    const liveBefore = fs.readFileSync(live);
    expect(() => restoreSqlite(existing, live, new Date())).toThrow(/not a SQLite database/);
    const foreign = path.join(dir, 'foreign.sqlite');
    const other = new SQLite(foreign);
    other.exec('create table t (x)');
    other.close();
    expect(() => restoreSqlite(foreign, live, new Date())).toThrow(/not a Cộng Đồng Số database/);
    expect(fs.readFileSync(live).equals(liveBefore)).toBe(true);
    await expect(backupSqlite(path.join(dir, 'missing.sqlite'), path.join(dir, 'b.sqlite'))).rejects.toThrow(
      /No database/,
    );
  });
});
