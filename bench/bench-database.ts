import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_SEED_EXTENSIONS } from '../server/app';
import { parseConfig } from '../server/config';
import { openDataKeys } from '../server/platform/crypto/data-keys';

/** The data key of the benchmark database and of the app servers that run on it (a throwaway database). */
export const BENCH_DATA_KEY = Buffer.alloc(32, 'cong-dong-so bench key').toString('base64');
import { createDatabase, type Database } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { seedDemoProvince } from '../server/modules/demo/index';
import { loadOfficialUnits } from '../server/modules/geography/index';
import { systemClock } from '../server/platform/clock';
import type { BaselineTarget } from './baselines/baseline-database';
import type { BenchContext } from './scenarios/scenario';

export interface PreparedDatabase {
  target: BaselineTarget;
  context: BenchContext;
  /** Milliseconds of each start-up step, as a first start would spend them. */
  timings: {
    migrateMs: number;
    officialUnitsMs: number;
    demoSeedMs: number;
    hamlets: number;
    /** The seed's own part ('province') and each extension's. */
    demoSeedSteps: { name: string; ms: number }[];
  };
  drop(): Promise<void>;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, Math.round(performance.now() - started)];
}

/**
 * A throwaway database prepared like a first start: migrations, every official unit (national scale, so search
 * scans what production scans), the demo province with its extensions. SQLite in a temporary file, or a fresh
 * database on the PostgreSQL server of BENCH_DATABASE_URL (its role needs CREATEDB), removed by drop().
 */
export async function prepareBenchDatabase(
  dialect: 'sqlite' | 'postgres',
  databaseUrl?: string,
): Promise<PreparedDatabase> {
  let target: BaselineTarget;
  let database: Database;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-bench-'));
    const file = path.join(dir, 'bench.sqlite');
    target = { dialect, file };
    database = createDatabase({ sqliteFile: file });
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    if (!databaseUrl) throw new Error('PostgreSQL benchmarks need BENCH_DATABASE_URL');
    // A database of its own rather than a schema: nothing else on that server (test schemas, other runs) can
    // interfere with its migrations, and the app runs on it exactly as in production.
    const name = `cds_bench_${randomBytes(6).toString('hex')}`;
    await withClient(databaseUrl, (c) => c.query(`create database ${name}`));
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    target = { dialect: 'postgres', url: url.toString() };
    database = createDatabase({ databaseUrl: url.toString(), poolMax: 5 });
    drop = () => withClient(databaseUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
  try {
    const config = parseConfig({ SEED: 'demo', LOG_LEVEL: 'silent', DATA_KEY: BENCH_DATA_KEY });
    const [, migrateMs] = await timed(() => migrateToLatest(database));
    const [, officialUnitsMs] = await timed(() => loadOfficialUnits(database.db));
    const [seed, demoSeedMs] = await timed(() =>
      seedDemoProvince({
        db: database.db,
        clock: systemClock,
        config,
        sealer: openDataKeys(config, () => undefined),
        extensions: DEMO_SEED_EXTENSIONS,
      }),
    );
    if (seed.status !== 'seeded') throw new Error(`the demo seed did not run (${seed.reason})`);
    return {
      target,
      context: { accounts: seed.accounts.map((a) => ({ email: a.email, password: a.password })) },
      timings: { migrateMs, officialUnitsMs, demoSeedMs, hamlets: seed.hamlets, demoSeedSteps: seed.steps },
      drop,
    };
  } catch (err) {
    await database.close().catch(() => undefined);
    await drop();
    throw err;
  } finally {
    // The servers open their own connections; this one only prepared the data.
    await database.close().catch(() => undefined);
  }
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
