import { defineConfig } from 'vitest/config';

/**
 * Tiers: "server" (small + medium + route tests on SQLite), "server-pg" (the same files on PostgreSQL,
 * only when TEST_DATABASE_URL is set), "web" (components in happy-dom), "e2e" (Chromium journeys).
 */
const serverFiles = ['shared/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'];
const pg = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'server', include: serverFiles, environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 } },
      ...(pg
        ? [
            {
              test: {
                name: 'server-pg',
                include: ['server/**/*.test.ts', 'server/**/*.pg-test.ts'],
                environment: 'node' as const,
                env: { TEST_DIALECT: 'postgres' },
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
