import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, type Database } from '../server/db/database';
import type { BaselineTarget } from './baselines/baseline-database';

/**
 * An empty throwaway database for a benchmark that seeds its own data (bench/open311.run.ts): a SQLite file in a
 * temporary folder, or a fresh database on the PostgreSQL server of BENCH_DATABASE_URL (its role needs CREATEDB),
 * as bench-database.ts makes them — a database of its own, so nothing else on that server interferes. drop()
 * removes it (the caller closes its own connections first).
 */
export async function createThrowawayDatabase(
  dialect: 'sqlite' | 'postgres',
  databaseUrl?: string,
): Promise<{ database: Database; target: BaselineTarget; dir: string; drop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-bench-'));
  if (dialect === 'sqlite') {
    const file = path.join(dir, 'bench.sqlite');
    return {
      database: createDatabase({ sqliteFile: file }),
      target: { dialect, file },
      dir,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!databaseUrl) throw new Error('PostgreSQL benchmarks need BENCH_DATABASE_URL');
  const name = `cds_bench_${randomBytes(6).toString('hex')}`;
  await withClient(databaseUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    database: createDatabase({ databaseUrl: url.toString(), poolMax: 10 }),
    target: { dialect: 'postgres', url: url.toString() },
    dir,
    drop: async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      await withClient(databaseUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withClient(url: string, work: (c: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
