import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database } from './db/database';
import type { Clock } from './platform/clock';
import { createMetrics, type Metrics } from './platform/metrics';
import { createHttpServer } from './platform/http/create-server';
import type { ZodApp } from './platform/http/route-types';
import { createUsersRepository } from './modules/accounts/users.repository';
import { createAuthService } from './modules/accounts/auth.service';
import { registerAuthRoutes } from './modules/accounts/auth.routes';

export const VERSION = '0.1.0';

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
}

/**
 * Composition root for HTTP: repositories → services → routes, with every dependency passed explicitly.
 * main.ts adds the process concerns (migrations, seed, jobs, signals); tests call this directly.
 */
export async function buildApp(deps: AppDeps) {
  const { config, database, clock, logger } = deps;
  const metrics = deps.metrics ?? createMetrics();
  const http = await createHttpServer({
    logger,
    database,
    metrics,
    clock,
    bodyLimitBytes: config.bodyLimitBytes,
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
    webDist: config.webDist,
    version: VERSION,
  });
  const app = http as unknown as ZodApp;
  const db = database.db;

  const users = createUsersRepository(db);
  const auth = createAuthService({ db, users, clock, sessionTtlHours: config.sessionTtlHours });
  registerAuthRoutes(app, { auth, cookieSecure: config.cookieSecure });

  return { app, metrics, services: { auth } };
}
export type BuiltApp = Awaited<ReturnType<typeof buildApp>>;
