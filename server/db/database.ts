import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import type { DB } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Cheap round trip used by /readyz; throws when the database does not answer. */
  ping(): Promise<void>;
  /** Pool figures for /metrics (SQLite has one connection). */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** SQLite file; ':memory:' for throwaway databases. */
  sqliteFile?: string;
  poolMax?: number;
  /** PostgreSQL schema to use (tests isolate each run in its own schema). */
  pgSchema?: string;
}

// PostgreSQL returns int8 (count(*)) and numeric as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export function createDatabase(opts: DatabaseOptions): Database {
  return opts.databaseUrl
    ? createPostgres(opts.databaseUrl, opts)
    : createSqlite(opts.sqliteFile ?? ':memory:');
}

function createSqlite(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const raw = new SQLite(file);
  // WAL lets readers proceed during a write; one connection means one writer, so no SQLITE_BUSY among ourselves.
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // FULL: a commit is on disk before it returns. The phone deletes a record from its outbox as soon as we answer
  // `created`, so with NORMAL (WAL synced only at checkpoints) a power cut could lose acknowledged records.
  // The cost (an fsync per commit) is shared by group commit; see bench/README.md for the measured figures.
  raw.pragma('synchronous = FULL');
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) }) });
  return {
    db,
    dialect: 'sqlite',
    async ping() {
      raw.prepare('select 1').get();
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    async close() {
      await db.destroy();
    },
  };
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE) instead of at their first write. Within this
 * process it changes nothing (one connection); against another process on the same file (a maintenance script, a
 * second job runner) a deferred transaction that reads and then writes gets SQLITE_BUSY at once, without waiting
 * for the busy timeout, because waiting could deadlock. An immediate one waits its turn.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/**
 * Kysely's SQLite driver prepares every query anew; compiling the same SQL again costs more than running it on the
 * hot paths (sync, sessions). The one connection runs one query at a time, so a statement is never used twice at
 * once, and SQLite re-prepares a cached statement by itself after a schema change. Bounded LRU by SQL text.
 */
function withStatementCache(raw: SQLite.Database, max = 1000): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string): SQLite.Statement => {
    const hit = cache.get(source);
    if (hit) {
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    const statement = raw.prepare(source);
    cache.set(source, statement);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return statement;
  };
  return new Proxy(raw, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Session settings of the app's connections. The app runs short indexed reads and writes (a list page is 50 rows
 * read in index order), where PostgreSQL's parallel workers and JIT compilation cost more than they save: at a
 * million support records a commune officer's page filtered by service took 67 ms with two parallel workers
 * (≈ 45 ms of it starting them) and 11 ms without (bench:scale, issue 7). Reports that scan belong in jobs.
 */
const PG_SESSION_OPTIONS = ['max_parallel_workers_per_gather=0', 'jit=off'];

function createPostgres(url: string, opts: DatabaseOptions): Database {
  const settings = [...PG_SESSION_OPTIONS, ...(opts.pgSchema ? [`search_path=${opts.pgSchema}`] : [])];
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    options: settings.map((s) => `-c ${s}`).join(' '),
  });
  // An idle client's error (server restart) must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);
  // A checked-out client whose socket dies emits 'error' too; without a listener that would crash the process.
  // The query in flight still rejects, and the pool discards the broken client.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    async ping() {
      await sql`select 1`.execute(db);
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await db.destroy();
    },
  };
}
