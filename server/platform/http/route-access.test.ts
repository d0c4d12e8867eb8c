import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { API_KEY_SCOPES } from '../../../shared/contracts/accounts';
import { createSecret, hashSecret } from '../auth/tokens';
import { createTestApp, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  installRouteAccess,
  publicAccess,
  sessionOnly,
  type DeclaredRoute,
  type RouteAccess,
} from './route-access';

/**
 * Generated over every route the app registers (app.declaredRoutes(), filled by an onRoute hook — not a hand list):
 * an API key gets 403 FORBIDDEN wherever its scope is not the route's, before validation or any lookup, so path
 * parameters can be any value. Keys are inserted directly, including one with no scope at all (the API refuses
 * to issue it, but an old or hand-edited row must still open nothing).
 */
describe('route access: API-key scopes on every route', () => {
  let t: TestApp;
  let routes: readonly DeclaredRoute[];
  const secrets = new Map<string, string>();
  const KEYS = [...API_KEY_SCOPES.map((s) => [s]), []] as string[][];
  const label = (scopes: string[]) => (scopes.length === 0 ? '(no scope)' : scopes.join(','));

  beforeAll(async () => {
    t = await createTestApp();
    routes = t.app.declaredRoutes();
    const admin = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    for (const scopes of KEYS) {
      const secret = `cds_${createSecret()}`;
      await t.database.db
        .insertInto('api_keys')
        .values({
          id: uuidv7(),
          name: `Khoá ${label(scopes)}`,
          prefix: secret.slice(0, 12),
          secret_hash: hashSecret(secret),
          scopes_json: JSON.stringify(scopes),
          unit_code: '80',
          province_code: '80',
          created_by: admin.id,
          created_at: t.clock.now().toISOString(),
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
      secrets.set(label(scopes), secret);
    }
  });
  afterAll(async () => t.close());

  let address = 0;
  /** Any syntactically valid value for path parameters; a fresh client address so no rate limit interferes. */
  function call(route: DeclaredRoute, headers: Record<string, string>) {
    address += 1;
    const url = route.url.replace(/:[A-Za-z]+/g, '0190a3c4-1b2c-7d3e-8f40-123456789abc').replace(/\*$/, 'x');
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
    return t.app.inject({
      method: route.method,
      url,
      headers,
      remoteAddress: `10.77.${(address >> 8) & 255}.${address & 255}`,
      ...(unsafe ? { payload: {} } : {}),
    });
  }

  /** The /api/v1 error's code; under /open311/ the GeoReport v2 list, whose `code` is the status (open311-errors.ts). */
  const errorCodeOf = (url: string, body: string) => {
    if (!url.startsWith('/open311/')) return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
    return body.includes('<error><code>403</code>') || body.startsWith('[{"code":403,') ? 'FORBIDDEN' : body;
  };

  const scopeOf = (access: RouteAccess) => (access.kind === 'session' ? null : access.apiKeyScope);

  it('covers every governed route, each with a declaration', () => {
    expect(routes.length).toBeGreaterThan(50);
    for (const r of routes) expect(r.access, `${r.method} ${r.url}`).toBeDefined();
    // The holes the review found are among them, with the scope they now require.
    const find = (method: string, url: string) =>
      routes.find((r) => r.method === method && r.url === url)?.access;
    expect(find('GET', '/api/v1/support-records/:id')).toEqual({ kind: 'userOrApiKey', apiKeyScope: 'read' });
    expect(find('GET', '/api/v1/teams/:id/stats')).toEqual({ kind: 'userOrApiKey', apiKeyScope: 'read' });
    expect(find('POST', '/api/v1/support-records/review')).toEqual({ kind: 'session' });
    expect(find('POST', '/api/v1/support-records/:id/retract')).toEqual({ kind: 'session' });
    expect(find('GET', '/api/v1/teams/:id')).toEqual({ kind: 'public', apiKeyScope: 'read' });
    expect(find('POST', '/api/v1/sync')).toEqual({ kind: 'userOrApiKey', apiKeyScope: 'sync:write' });
  });

  it.each(KEYS.map((scopes) => [label(scopes), scopes] as const))(
    'a key with %s gets 403 FORBIDDEN on every route that needs another scope',
    async (name, scopes) => {
      const wrong: string[] = [];
      let checked = 0;
      for (const route of routes) {
        const needed = scopeOf(route.access!);
        if (needed !== null && scopes.includes(needed)) continue;
        checked += 1;
        const res = await call(route, { authorization: `Bearer ${secrets.get(name)!}` });
        const code = route.method === 'HEAD' ? 'FORBIDDEN' : errorCodeOf(route.url, res.body);
        if (res.statusCode !== 403 || code !== 'FORBIDDEN')
          wrong.push(`${route.method} ${route.url} → ${res.statusCode} ${code}`);
      }
      expect(checked).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    },
  );

  it('a key holding the route’s scope is not refused on read routes (and on write routes, not for its scope)', async () => {
    const refused: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const needed = scopeOf(route.access!);
      if (needed === null) continue;
      checked += 1;
      const res = await call(route, { authorization: `Bearer ${secrets.get(needed)!}` });
      if (res.statusCode === 403) refused.push(`${route.method} ${route.url} → 403 ${res.body}`);
    }
    expect(checked).toBeGreaterThan(15);
    expect(refused).toEqual([]);
  });

  it('anonymous callers get 401 on every route that is not public, whatever the parameters', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (route.access!.kind === 'public') continue;
      const res = await call(route, {});
      if (res.statusCode !== 401) wrong.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('route access: declarations are required', () => {
  async function bareApp(register: (app: FastifyInstance) => void) {
    const app = Fastify();
    app.decorateRequest('actor', null as never);
    installRouteAccess(app);
    register(app);
    return app;
  }

  it('refuses to start when a governed route declares no access; other paths need none', async () => {
    const app = await bareApp((a) => {
      a.get('/api/v1/forgotten', { schema: { operationId: 'forgotten' } }, async () => ({}));
      a.post('/open311/v2/requests.json', { config: { access: sessionOnly() } }, async () => ({}));
      a.get('/elsewhere', async () => ({}));
    });
    const error = await app.ready().then(
      () => null,
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/GET \/api\/v1\/forgotten: no config\.access/);
    expect(String(error)).toMatch(/POST \/open311\/v2\/requests\.json: no schema\.operationId/);
    expect(String(error)).not.toContain('/elsewhere');
  });

  it('starts when every governed route declares its access and documented ones name their operation', async () => {
    const app = await bareApp((a) => {
      a.get(
        '/api/v1/fine',
        { config: { access: publicAccess('read') }, schema: { operationId: 'fine' } },
        async () => ({}),
      );
      a.get(
        '/api/v1/hidden',
        { config: { access: sessionOnly() }, schema: { hide: true } },
        async () => ({}),
      );
    });
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });
});
