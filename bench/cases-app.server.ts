import { buildApp } from '../server/app';
import { parseConfig } from '../server/config';
import { createDatabase } from '../server/db/database';
import { systemClock } from '../server/platform/clock';
import { createLogger } from '../server/platform/logger';
import { BENCH_DATA_KEY } from './bench-database';
import type { BaselineTarget } from './baselines/baseline-database';
import { announceReady } from './servers/server-process';

/**
 * The full app for the case benchmarks, as bench/servers/app.server.ts runs it (every plugin, validation, rate
 * limits raised out of reach, TRUST_PROXY so each submission may come from its own address), with its files in a
 * throwaway folder: the submission benchmark stores real photos. Arguments: the target as JSON, the data folder.
 */
const target = JSON.parse(process.argv[2] ?? '') as BaselineTarget;
const dataDir = process.argv[3];
if (!dataDir) throw new Error('cases-app.server.ts needs a data folder');
const config = parseConfig({
  NODE_ENV: 'development',
  COOKIE_SECURE: 'true',
  SEED: 'demo',
  LOG_LEVEL: 'silent',
  WEB_DIST: '/nonexistent',
  DATA_DIR: dataDir,
  RATE_LIMIT_PER_MINUTE: '1000000000',
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000',
  TRUST_PROXY: 'true',
  DATA_KEY: BENCH_DATA_KEY,
  ...(target.dialect === 'postgres' ? { DATABASE_URL: target.url } : {}),
});
const database =
  target.dialect === 'sqlite'
    ? createDatabase({ sqliteFile: target.file })
    : createDatabase({ databaseUrl: target.url, poolMax: config.databasePoolMax });
const built = await buildApp({
  config,
  database,
  clock: systemClock,
  logger: createLogger(process.env.BENCH_APP_LOG_LEVEL ?? 'silent'),
});
const url = await built.app.listen({ port: 0, host: '127.0.0.1' });
announceReady(url, async () => {
  await built.app.close();
  await database.close();
});
