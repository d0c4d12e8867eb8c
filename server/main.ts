import path from 'node:path';
import { openDataKeys } from './platform/crypto/data-keys';
import { resealColumns } from './platform/crypto/sealed-columns';
import { ConfigError, parseConfig } from './config';
import { createDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { buildApp, DEMO_SEED_EXTENSIONS } from './app';
import { formatDemoAccountsTable, seedDemoProvince } from './modules/demo/index';
import { loadOfficialUnits } from './modules/geography/index';
import { ensureAdministrator } from './modules/accounts/index';
import { systemClock } from './platform/clock';
import { createFileStorage } from './platform/files/index';
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
  const logger = createLogger(config.logLevel, undefined, { requestLogs: config.requestLogs });
  const database = createDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'cong-dong-so.sqlite'),
    poolMax: config.databasePoolMax,
  });
  const applied = await migrateToLatest(database);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  // The official units come before anything that refers to them (the demo seed, grants, teams).
  const units = await loadOfficialUnits(database.db);
  if (units.loaded) logger.info(units, 'official administrative units loaded');
  // The keys that seal contact data; a development install without DATA_KEY gets a generated key file (and a warning).
  const sealer = openDataKeys(config, (message) => logger.warn(message));
  // Phone numbers written before sealing existed (migration 0011) are sealed now, before the first request.
  const sealed = (await resealColumns(database.db, sealer, 'plain')).filter((r) => r.resealed > 0);
  if (sealed.length > 0) logger.info({ sealed }, 'contact data sealed');
  if (config.admin) {
    // ADMIN_EMAIL + ADMIN_PASSWORD (interfaces.md §1); the password never reaches the log.
    const admin = await ensureAdministrator(database.db, {
      ...config.admin,
      provinceCode: config.provinceCode,
      clock: systemClock,
      sealer,
    });
    logger.info(
      { userId: admin.userId, outcome: admin.outcome, provinceCode: config.provinceCode },
      'province administrator ensured',
    );
  }
  if (config.seed === 'demo') {
    // Runs once per database (settings 'seed.demo'); later modules add their part through DEMO_SEED_EXTENSIONS.
    // The demo's photos go to the same storage the app serves them from (config.storage).
    const storage = createFileStorage(config.storage);
    const seeded = await seedDemoProvince({
      db: database.db,
      clock: systemClock,
      config,
      sealer,
      storage,
      extensions: DEMO_SEED_EXTENSIONS,
    });
    logger.info(
      {
        outcome: seeded.reason,
        hamlets: seeded.hamlets,
        ms: Math.round(seeded.elapsedMs),
        steps: seeded.steps,
      },
      'demo province',
    );
  }

  const built = await buildApp({ config, database, clock: systemClock, logger, sealer });
  const address = await built.app.listen({ port: config.port, host: config.host });
  if (config.jobsEnabled) built.jobs.start();

  console.log(`\nCộng Đồng Số is running at ${config.publicUrl} (listening on ${address})`);
  console.log(
    `Database: ${database.dialect === 'postgres' ? 'PostgreSQL' : path.resolve(config.dataDir, 'cong-dong-so.sqlite')}`,
  );
  if (config.seed === 'demo') {
    console.log(
      `\n${formatDemoAccountsTable(await built.services.demo.listAccountsWithPlaces(), config.publicUrl)}\n`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Stop taking jobs and let the running ones finish while HTTP drains; only then close the database.
    await Promise.all([built.app.close(), built.jobs.stop()]);
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
