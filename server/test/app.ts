import { parseConfig, type Config } from '../config';
import { buildApp, type BuiltApp } from '../app';
import { createFakeClock } from '../platform/clock';
import { createSealer } from '../platform/crypto/sealing';
import { createLogger } from '../platform/logger';
import { createTestDatabase, type TestDatabase } from './database';
import { testLogCapture } from './log-capture';

export interface TestApp {
  built: BuiltApp;
  app: BuiltApp['app'];
  database: TestDatabase;
  clock: ReturnType<typeof createFakeClock>;
  config: Config;
  close(): Promise<void>;
}

/** One fixed data key for every test app, so two apps on one database (cluster tests) open each other's values. */
export const TEST_DATA_KEY = Buffer.alloc(32, 'cong-dong-so test key').toString('base64');
/** The sealer of every test app (DATA_KEY = TEST_DATA_KEY, version 1): for fixtures written without an app. */
export const testSealer = createSealer([{ version: 1, secret: Buffer.from(TEST_DATA_KEY, 'base64') }], 1);

/**
 * In-process app on a fresh test database with a fake clock; requests go through app.inject. It logs everything
 * ('trace') into the file's log capture, which fails the file if a line carries personal data or a secret.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  opts: { sqliteFile?: string } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(opts);
  // Starts at the real time unless TEST_CLOCK_START pins it (to replay a run that failed at a given hour).
  const clock = createFakeClock(process.env.TEST_CLOCK_START ?? new Date().toISOString());
  const config = parseConfig({
    NODE_ENV: 'test',
    SEED: 'none',
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent',
    DATA_KEY: TEST_DATA_KEY,
    ...env,
  });
  const built = await buildApp({ config, database, clock, logger: createLogger('trace', testLogCapture.stream) });
  await built.app.ready();
  return {
    built,
    app: built.app,
    database,
    clock,
    config,
    async close() {
      await built.app.close();
      await database.destroy();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

/** Signs in through the real endpoint and returns headers for later requests (cookie + CSRF). */
export async function signIn(app: BuiltApp['app'], email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'cds_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `cds_session=${setCookie.value}`;
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
