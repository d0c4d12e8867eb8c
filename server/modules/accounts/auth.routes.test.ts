import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { MAX_FAILED_LOGINS } from './auth.service';

describe('auth routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('signs in, answers /me, and signs out', async () => {
    const u = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: '25459' }] });
    const s = await signIn(t.app, u.email, u.password);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user.email).toBe(u.email);
    expect(body.grants).toEqual([expect.objectContaining({ role: 'commune_officer', unitCode: '25459' })]);
    expect(body.teams).toEqual([]);
    expect(body.actions).toContain('hamlets.manage');
    expect(body.actions).not.toContain('audit.read');

    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses wrong passwords with one message and locks after repeated failures', async () => {
    const u = await buildUser(t.database.db);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@test.local', password: 'whatever-123' },
    });
    expect(unknown.statusCode).toBe(401);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: 'wrong-password' } });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.message).toBe(unknown.json().error.message);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: u.password } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('LOCKED');
    t.clock.advance(16 * 60_000);
    await expect(signIn(t.app, u.email, u.password)).resolves.toHaveProperty('csrfToken');
  });

  it('signs out everywhere', async () => {
    const u = await buildUser(t.database.db);
    const a = await signIn(t.app, u.email, u.password);
    const b = await signIn(t.app, u.email, u.password);
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: a.headers });
    expect(r.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: b.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('rejects bad input in the error shape', async () => {
    const unknownField = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.vn', password: 'x', extra: 1 },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.code).toBe('VALIDATION');
    expect(unknownField.json().error.details[0]).toEqual(
      expect.objectContaining({ messageVi: 'Có trường không được phép gửi lên.' }),
    );
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('BAD_REQUEST');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.vn', password: 'x'.repeat(2_000_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });
});
