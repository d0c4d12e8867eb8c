import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../app';
import { parseConfig } from '../../config';
import { createDatabase, type Database } from '../../db/database';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createLogger } from '../logger';
import { systemClock } from '../clock';

/**
 * PostgreSQL only (run by the server-pg project): the app reaches the database through a TCP proxy that the test
 * cuts and restores, so "database down → 503, recovers without restart" is exercised for real.
 */
function createProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const end = () => (client.destroy(), upstream.destroy());
        client.on('error', end).on('close', end);
        upstream.on('error', end).on('close', end);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  return {
    listen,
    get port() {
      return port;
    },
    async cut() {
      for (const s of sockets) s.destroy();
      sockets.clear();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}

describe('database outage', () => {
  let base: TestDatabase;
  let proxied: Database;
  let built: BuiltApp;
  let proxy: ReturnType<typeof createProxy>;

  beforeAll(async () => {
    base = await createTestDatabase();
    const url = new URL(base.url!);
    proxy = createProxy({ host: url.hostname, port: Number(url.port || 5432) });
    await proxy.listen();
    url.port = String(proxy.port);
    proxied = createDatabase({ databaseUrl: url.toString(), pgSchema: base.pgSchema!, poolMax: 2 });
    const config = parseConfig({ NODE_ENV: 'test', SEED: 'none', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' });
    built = await buildApp({ config, database: proxied, clock: systemClock, logger: createLogger('silent') });
    await built.app.ready();
  });
  afterAll(async () => {
    await built.app.close();
    await proxied.close().catch(() => undefined);
    await proxy.cut();
    await base.destroy();
  });

  it('answers 503 while the database is unreachable and recovers by itself', async () => {
    expect((await built.app.inject('/readyz')).statusCode).toBe(200);
    await proxy.cut();
    const down = await built.app.inject('/readyz');
    expect(down.statusCode).toBe(503);
    expect(down.json().error.code).toBe('UNAVAILABLE');
    const login = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.vn', password: 'whatever-1234' },
    });
    expect(login.statusCode).toBe(503);
    expect(login.json().error.messageVi).toMatch(/gián đoạn/);
    expect((await built.app.inject('/healthz')).statusCode).toBe(200);
    await proxy.listen();
    expect((await built.app.inject('/readyz')).statusCode).toBe(200);
  });
});
