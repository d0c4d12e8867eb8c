import SQLite from 'better-sqlite3';
import pg from 'pg';

/**
 * The baselines' database access: raw prepared statements, no query builder, no pool wrapper beyond pg's own.
 * SQL is written once with `?` placeholders; PostgreSQL gets `$n` and a named (server-side prepared) statement.
 */
export interface BaselineDatabase {
  dialect: 'sqlite' | 'postgres';
  all<T>(text: string, params: unknown[]): Promise<T[]>;
  get<T>(text: string, params: unknown[]): Promise<T | undefined>;
  run(text: string, params: unknown[]): Promise<void>;
  close(): Promise<void>;
}

export type BaselineTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export function openBaselineDatabase(target: BaselineTarget): BaselineDatabase {
  return target.dialect === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url);
}

function openSqlite(file: string): BaselineDatabase {
  const raw = new SQLite(file);
  // The same pragmas as server/db/database.ts, so the baseline and the app read the file the same way.
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = FULL');
  const statements = new Map<string, SQLite.Statement>();
  const prepare = (text: string) => {
    let s = statements.get(text);
    if (!s) {
      s = raw.prepare(text);
      statements.set(text, s);
    }
    return s;
  };
  return {
    dialect: 'sqlite',
    all: async <T>(text: string, params: unknown[]) => prepare(text).all(...params) as T[],
    get: async <T>(text: string, params: unknown[]) => prepare(text).get(...params) as T | undefined,
    run: async (text, params) => {
      prepare(text).run(...params);
    },
    close: async () => {
      raw.close();
    },
  };
}

function openPostgres(url: string): BaselineDatabase {
  // The app's pool size (DATABASE_POOL_MAX default), so neither side wins by holding more connections.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const names = new Map<string, { name: string; text: string }>();
  const named = (text: string) => {
    let n = names.get(text);
    if (!n) {
      let i = 0;
      n = { name: `baseline_${names.size}`, text: text.replace(/\?/g, () => `$${++i}`) };
      names.set(text, n);
    }
    return n;
  };
  const query = async <T>(text: string, params: unknown[]) => {
    const n = named(text);
    const res = await pool.query({ name: n.name, text: n.text, values: params });
    return res.rows as T[];
  };
  return {
    dialect: 'postgres',
    all: query,
    get: async <T>(text: string, params: unknown[]) => (await query<T>(text, params))[0],
    run: async (text, params) => {
      await query(text, params);
    },
    close: async () => {
      await pool.end();
    },
  };
}
