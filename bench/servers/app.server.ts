import { buildApp } from '../../server/app';
import { parseConfig } from '../../server/config';
import { BENCH_DATA_KEY } from '../bench-database';
import { createDatabase } from '../../server/db/database';
import { systemClock } from '../../server/platform/clock';
import { createLogger } from '../../server/platform/logger';
import type { BaselineTarget } from '../baselines/baseline-database';
import { announceReady } from './server-process';

/**
 * The full app as production runs it (composition root, every plugin, validation, rate limits), on the
 * prepared benchmark database. The rate limit is raised out of reach so the figures measure work, not 429s.
 * Argument: the database target as JSON.
 */
const target = JSON.parse(process.argv[2] ?? '') as BaselineTarget;
const config = parseConfig({
  // SEED=demo is refused with NODE_ENV=production; secure cookies as in production.
  NODE_ENV: 'development',
  COOKIE_SECURE: 'true',
  SEED: 'demo',
  LOG_LEVEL: 'silent',
  WEB_DIST: '/nonexistent',
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
