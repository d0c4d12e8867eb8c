import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';

/**
 * Generated over every route the app registers (app.registeredRoutes(), filled by an onRoute hook): called as a
 * signed-in user (session cookie + CSRF), every answer — success or error — carries `Cache-Control: no-store`, so
 * no browser, proxy or service worker keeps a personal answer or the CSRF token.
 */
describe('no-store on every authenticated answer', () => {
  let t: TestApp;
  let session: Session;
  const ID = '0190a3c4-1b2c-7d3e-8f40-123456789abc';

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    session = await signIn(t.app, admin.email, admin.password);
  });
  afterAll(async () => t.close());

  function call(route: { method: string; url: string }, headers: Record<string, string>) {
    const url = route.url.replace(/:[A-Za-z]+/g, ID).replace(/\*$/, 'x');
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
    return t.app.inject({ method: route.method as 'GET', url, headers, ...(unsafe ? { payload: {} } : {}) });
  }

  it('answers /api/v1/me (with its CSRF token) no-store', async () => {
    const res = await t.app.inject({ url: '/api/v1/me', headers: session.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'x@y.vn', password: 'wrong-password' },
    });
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it('answers every registered route no-store to a signed-in caller, errors included', async () => {
    // Sign-out last: it ends the session the other calls use.
    const routes = [...t.app.registeredRoutes()].sort(
      (a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')),
    );
    expect(routes.length).toBeGreaterThan(50);
    const statuses = new Set<number>();
    for (const route of routes) {
      const res = await call(route, session.headers);
      statuses.add(res.statusCode);
      expect(res.headers['cache-control'], `${route.method} ${route.url} → ${res.statusCode}`).toBe(
        'no-store',
      );
    }
    // The sweep really met successes and refusals.
    expect([...statuses].some((s) => s < 300)).toBe(true);
    expect([...statuses].some((s) => s >= 400)).toBe(true);
  });

  it('answers every API route no-store to a Bearer caller, even with a bad key', async () => {
    const routes = t.app.registeredRoutes().filter((r) => r.url.startsWith('/api/'));
    for (const route of routes) {
      const res = await call(route, { authorization: 'Bearer cds_not-a-real-key' });
      expect(res.headers['cache-control'], `${route.method} ${route.url}`).toBe('no-store');
    }
  });
});
