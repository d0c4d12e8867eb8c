import path from 'node:path';
import { ConfigError, parseConfig } from './config';
import { createDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { buildApp } from './app';
import { systemClock } from './platform/clock';
import { createLogger } from './platform/logger';

/**
 * Process entry: config → database → migrations → app → listen; SIGTERM/SIGINT stop accepting, finish
 * in-flight requests and jobs, close the database and exit 0.
 */
async function main() {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const database = createDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'cong-dong-so.sqlite'),
    poolMax: config.databasePoolMax,
  });
  const applied = await migrateToLatest(database);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');

  const built = await buildApp({ config, database, clock: systemClock, logger });
  const address = await built.app.listen({ port: config.port, host: config.host });

  console.log(`\nCộng Đồng Số is running at ${config.publicUrl} (listening on ${address})`);
  console.log(`Database: ${database.dialect === 'postgres' ? 'PostgreSQL' : path.resolve(config.dataDir, 'cong-dong-so.sqlite')}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await built.app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('Start-up failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
