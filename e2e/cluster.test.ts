import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { E2E_METRICS_TOKEN, startServer, type RunningServer } from './harness';

/**
 * Two stateless server processes on one PostgreSQL database (the national deployment): a session made on one
 * works on the other, and a scheduled job slot is enqueued and run exactly once although both servers tick.
 * Runs only when TEST_DATABASE_URL names a PostgreSQL server; each run gets its own database, dropped at the end.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const DIGEST_JOB = 'notifications.digest';

const describeWithPostgres = adminUrl ? describe : describe.skip;

describeWithPostgres(
  adminUrl
    ? 'two servers on one PostgreSQL'
    : 'two servers on one PostgreSQL (skipped: TEST_DATABASE_URL is not set)',
  () => {
    const databaseName = `cds_e2e_${process.pid}_${Date.now()}`;
    let databaseUrl = '';
    let admin: pg.Client;
    let db: pg.Client | null = null;
    const servers: RunningServer[] = [];

    beforeAll(async () => {
      admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${databaseName}`);
      const url = new URL(adminUrl ?? '');
      url.pathname = `/${databaseName}`;
      databaseUrl = url.toString();
      // One after the other, as a rolling deployment does: the first migrates and seeds, the second finds it done.
      servers.push(await startServer({ databaseUrl }));
      servers.push(await startServer({ databaseUrl }));
      db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
    });

    afterAll(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await db?.end();
      if (admin) {
        await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
        await admin.end();
      }
    });

    it('accepts on server B the session (and its CSRF token) made on server A', async () => {
      const [a, b] = servers as [RunningServer, RunningServer];
      const accounts = (await (await fetch(`${a.url}/api/v1/demo/accounts`)).json()) as {
        items: { email: string; password: string; role: string }[];
      };
      const officer = accounts.items.find((item) => item.role === 'commune_officer');
      expect(officer).toBeDefined();

      const login = await fetch(`${a.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: officer?.email, password: officer?.password }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(cookie).toMatch(/^cds_session=/);
      const { csrfToken } = (await login.json()) as { csrfToken: string };

      const me = await fetch(`${b.url}/api/v1/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { email: string } }).user.email).toBe(officer?.email);

      const write = await fetch(`${b.url}/api/v1/me`, {
        method: 'PATCH',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ locale: 'en' }),
      });
      expect(write.status).toBe(200);

      const logout = await fetch(`${b.url}/api/v1/auth/logout`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      expect(logout.status).toBe(204);
      expect((await fetch(`${a.url}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
    });

    it('runs the daily scheduled slot once although both servers tick', async () => {
      const client = db as pg.Client;
      // A server's first poll (tick, then claim) ends by setting its queue gauge: once both show it, both ticked.
      for (const server of servers) {
        await expect
          .poll(
            async () =>
              (
                await (
                  await fetch(`${server.url}/metrics`, {
                    headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` },
                  })
                ).text()
              ).includes('jobs_queued{status="pending"}'),
            {
              timeout: 30_000,
              interval: 250,
            },
          )
          .toBe(true);
      }
      await expect
        .poll(
          async () =>
            (
              await client.query<{ status: string }>('SELECT status FROM jobs WHERE name = $1', [DIGEST_JOB])
            ).rows
              .map((row) => row.status)
              .join(','),
          { timeout: 30_000, interval: 250 },
        )
        .toBe('done');

      const digest = await client.query<{ unique_key: string; attempts: number; status: string }>(
        'SELECT unique_key, attempts, status FROM jobs WHERE name = $1',
        [DIGEST_JOB],
      );
      expect(digest.rows).toHaveLength(1);
      expect(digest.rows[0]).toMatchObject({ attempts: 1, status: 'done' });
      expect(digest.rows[0]?.unique_key).toMatch(new RegExp(`^${DIGEST_JOB}@`));

      // Every slot of the frequent schedules too: one row per slot, each run by a single attempt.
      const repeated = await client.query(
        "SELECT unique_key FROM jobs WHERE unique_key IS NOT NULL AND status = 'done' AND attempts <> 1",
      );
      expect(repeated.rows).toEqual([]);
    });
  },
);
