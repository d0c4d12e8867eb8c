import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsWorld, freshAddress, signInAs, type AccountsWorld } from './accounts.fixtures';
import { ensureAdministrator } from './index';
import { testSealer } from '../../test/app';

describe('ensureAdministrator', () => {
  let w: AccountsWorld;
  beforeAll(async () => {
    w = await createAccountsWorld();
  });
  afterAll(async () => w.t.close());

  const ensure = (password: string) =>
    ensureAdministrator(w.t.database.db, { email: 'Admin@Tayninh.test', password, provinceCode: '80', clock: w.t.clock, sealer: testSealer });

  it('creates a province administrator once, then leaves it alone', async () => {
    const first = await ensure('first-admin-password');
    expect(first.outcome).toBe('created');
    const s = await signInAs(w.t, 'admin@tayninh.test', 'first-admin-password');
    const me = await w.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expect(me.json().grants).toEqual([expect.objectContaining({ role: 'province_admin', unitCode: '80' })]);
    expect(me.json().actions).toContain('apiKeys.manage');

    const again = await ensure('first-admin-password');
    expect(again).toEqual({ userId: first.userId, outcome: 'unchanged' });
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    const audit = await w.t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', first.userId).execute();
    expect(audit.map((a) => a.action)).toEqual(['user.created', 'auth.signed_in']);
  });

  it('resets the password, unlocks, re-activates and restores the grant', async () => {
    const { userId } = await ensure('first-admin-password');
    const s = await signInAs(w.t, 'admin@tayninh.test', 'first-admin-password');
    const db = w.t.database.db;
    await db.updateTable('users').set({ status: 'disabled', failed_logins: 3, locked_until: '2999-01-01T00:00:00.000Z' }).where('id', '=', userId).execute();
    await db.deleteFrom('grants').where('user_id', '=', userId).execute();

    const reset = await ensure('second-admin-password');
    expect(reset).toEqual({ userId, outcome: 'updated' });
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    const old = await w.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@tayninh.test', password: 'first-admin-password' }, remoteAddress: freshAddress() });
    expect(old.statusCode).toBe(401);
    const fresh = await signInAs(w.t, 'admin@tayninh.test', 'second-admin-password');
    const me = await w.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: fresh.cookie } });
    expect(me.json().grants).toEqual([expect.objectContaining({ role: 'province_admin', unitCode: '80' })]);
    const row = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'active', locked_until: null });
    const log = await db.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'user.administrator_reset').executeTakeFirstOrThrow();
    expect(log.after_json).not.toContain('second-admin-password');
  });
});
