import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { freshAddress } from './accounts.fixtures';
import { THROTTLE_RULES } from './sign-in-throttle.service';

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

  const login = (payload: Record<string, unknown>, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress });
  /** What a caller can observe of an answer: status, headers that matter and the whole body. */
  const observed = (r: Awaited<ReturnType<typeof login>>) => ({ status: r.statusCode, retryAfter: r.headers['retry-after'], body: r.json() });

  it('answers a known and an unknown e-mail identically, failure after failure, then throttles both alike', async () => {
    const u = await buildUser(t.database.db);
    const known = freshAddress();
    const unknown = freshAddress();
    for (let i = 0; i < THROTTLE_RULES.pair.freeFailures + 2; i++) {
      const a = await login({ email: u.email, password: 'wrong-password' }, known);
      const b = await login({ email: 'nobody@test.local', password: 'wrong-password' }, unknown);
      expect(observed(a), `attempt ${i + 1}`).toEqual(observed(b));
      // Within the free allowance a 401; then 429 at once (each answered attempt inside the wait is refused).
      if (i < THROTTLE_RULES.pair.freeFailures) expect(a.statusCode).toBe(401);
    }
    const a = await login({ email: u.email, password: u.password }, known);
    expect(a.statusCode).toBe(429);
    expect(a.json().error.code).toBe('RATE_LIMITED');
    expect(a.json().error.messageVi).toBeTruthy();
    expect(Number(a.headers['retry-after'])).toBe(1);
    // Never 423: no account is locked.
    expect(a.statusCode).not.toBe(423);
  });

  it('grows the wait 1 s, 2 s, 4 s… and lets the owner in from another address while the guesser waits', async () => {
    const u = await buildUser(t.database.db);
    const attacker = freshAddress();
    for (let i = 0; i < THROTTLE_RULES.pair.freeFailures; i++) {
      expect((await login({ email: u.email, password: 'guess-' + i }, attacker)).statusCode).toBe(401);
    }
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await login({ email: u.email, password: 'another-guess' }, attacker);
      expect(refused.statusCode).toBe(429);
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      t.clock.advance(wait * 1000);
      expect((await login({ email: u.email, password: 'another-guess' }, attacker)).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4]);
    // The owner, elsewhere, signs in with the right password while the attacker is still held back.
    const owner = await login({ email: u.email, password: u.password }, freshAddress());
    expect(owner.statusCode).toBe(200);
    expect((await login({ email: u.email, password: u.password }, attacker)).statusCode).toBe(429);
    // The wait is capped.
    t.clock.advance(THROTTLE_RULES.maxDelayMs);
    for (let i = 0; i < 12; i++) {
      await login({ email: u.email, password: 'x' }, attacker);
      t.clock.advance(THROTTLE_RULES.maxDelayMs);
    }
    await login({ email: u.email, password: 'x' }, attacker);
    const capped = await login({ email: u.email, password: 'x' }, attacker);
    expect(Number(capped.headers['retry-after'])).toBe(THROTTLE_RULES.maxDelayMs / 1000);
  });

  it('slows one address spraying many accounts, and only that address', async () => {
    const sprayer = freshAddress();
    for (let i = 0; i < THROTTLE_RULES.address.freeFailures; i++) {
      expect((await login({ email: `spray-${i}@test.local`, password: 'Password123' }, sprayer)).statusCode).toBe(401);
    }
    const u = await buildUser(t.database.db);
    expect((await login({ email: u.email, password: u.password }, sprayer)).statusCode).toBe(429);
    expect((await login({ email: u.email, password: u.password }, freshAddress())).statusCode).toBe(200);
  });

  it('signs in by phone number in any written form, and keeps contacts out of the throttle table', async () => {
    const u = await buildUser(t.database.db, { phone: '+84912000111' });
    for (const phone of ['0912000111', '+84912000111', '84912000111', '091 200 0111']) {
      const r = await login({ phone, password: u.password }, freshAddress());
      expect(r.statusCode, phone).toBe(200);
      expect(r.json().user.id).toBe(u.id);
    }
    const wrong = await login({ phone: '0912000111', password: 'wrong-password' }, freshAddress());
    const unknownPhone = await login({ phone: '0987000999', password: 'wrong-password' }, freshAddress());
    expect(observed(wrong)).toEqual(observed(unknownPhone));
    expect(wrong.statusCode).toBe(401);
    for (const payload of [{ password: 'x' }, { email: u.email, phone: '0912000111', password: 'x' }, { phone: '12345', password: 'x' }]) {
      const r = await login(payload, freshAddress());
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION');
    }
    const rows = await t.database.db.selectFrom('sign_in_throttles').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/@|912000111|987000999|10\.\d+\.\d+/);
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
