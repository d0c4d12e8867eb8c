import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories';
import { createAccountsWorld, signInAs, type AccountsWorld } from './accounts.fixtures';

describe('profile', () => {
  let w: AccountsWorld;
  beforeAll(async () => {
    w = await createAccountsWorld();
  });
  afterAll(async () => w.t.close());

  it('updates name, phone and language, and audits the change', async () => {
    const u = await buildUser(w.t.database.db);
    const s = await signInAs(w.t, u.email, u.password);
    const res = await w.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: s.headers, payload: { name: 'Tên của tôi', phone: '0901234567', locale: 'en' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: u.id, name: 'Tên của tôi', phone: '+84901234567', locale: 'en' });
    const me = await w.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expect(me.json().user).toMatchObject({ name: 'Tên của tôi', locale: 'en' });
    const cleared = await w.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: s.headers, payload: { phone: null } });
    expect(cleared.json().phone).toBeNull();
    const audit = await w.t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', u.id).where('action', '=', 'user.profile_updated').orderBy('id').execute();
    expect(audit).toHaveLength(2);
    // The audit trail keeps the number masked, never in full.
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ name: 'Tên của tôi', phone: '09•• ••• 567', locale: 'en' });
    expect(JSON.parse(audit[1]!.before_json!)).toEqual({ phone: '09•• ••• 567' });
  });

  it('refuses a phone another account uses, bad input, and anonymous callers', async () => {
    await buildUser(w.t.database.db, { phone: '+84911111111' });
    const u = await buildUser(w.t.database.db);
    const s = await signInAs(w.t, u.email, u.password);
    const taken = await w.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: s.headers, payload: { phone: '0911111111' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.messageVi).toContain('Số điện thoại');
    for (const payload of [{ phone: '12345' }, { locale: 'fr' }, { name: 'x' }, { email: 'new@test.local' }]) {
      const res = await w.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: s.headers, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    expect((await w.t.app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { name: 'Ai đó' } })).statusCode).toBe(401);
    expect((await w.t.app.inject({ method: 'POST', url: '/api/v1/me/password', payload: { currentPassword: 'a', newPassword: 'bbbbbbbbbbbb' } })).statusCode).toBe(401);
  });

  it('changes the password and ends the other sessions only', async () => {
    const u = await buildUser(w.t.database.db);
    const here = await signInAs(w.t, u.email, u.password);
    const elsewhere = await signInAs(w.t, u.email, u.password);
    const wrong = await w.t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: here.headers, payload: { currentPassword: 'not-it', newPassword: 'new-password-2026' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('currentPassword');
    const weak = await w.t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: here.headers, payload: { currentPassword: u.password, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);

    const ok = await w.t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: here.headers, payload: { currentPassword: u.password, newPassword: 'new-password-2026' } });
    expect(ok.statusCode).toBe(204);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: here.cookie } })).statusCode).toBe(200);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(401);
    await expect(signInAs(w.t, u.email, u.password)).rejects.toThrow(/401/);
    await expect(signInAs(w.t, u.email, 'new-password-2026')).resolves.toHaveProperty('csrfToken');
  });
});
