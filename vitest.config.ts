import { defineConfig } from 'vitest/config';

/**
 * Tiers: "server" (small + medium + route tests on SQLite), "server-pg" (the same files on PostgreSQL,
 * only when TEST_DATABASE_URL is set), "web" (components in happy-dom), "e2e" (Chromium journeys).
 */
const serverFiles = ['shared/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'];
const pg = process.env.TEST_DATABASE_URL;
/** After each server test file: no log line may carry an e-mail address, a phone number or a secret. */
const logCheck = 'server/test/log-check.setup.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: serverFiles,
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          setupFiles: [logCheck],
        },
      },
      ...(pg
        ? [
            {
              test: {
                name: 'server-pg',
                include: ['server/**/*.test.ts', 'server/**/*.pg-test.ts'],
                environment: 'node' as const,
                env: { TEST_DIALECT: 'postgres' },
                setupFiles: [logCheck],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'web',
          include: ['web/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['web/test-setup.ts'],
          // CI runs this tier beside both server tiers on two cores: a component test can wait seconds for a core.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
