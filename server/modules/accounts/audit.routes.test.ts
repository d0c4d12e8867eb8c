import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../test/app';
import { buildUser } from '../../test/factories';
import { createAccountsWorld, signInAs, type AccountsWorld } from './accounts.fixtures';

describe('audit trail', () => {
  let w: AccountsWorld;
  let admin: Session;
  let adminId: string;
  let department: Session;
  let otherAdmin: Session;
  let officer: Session;
  let memberId: string;
  beforeAll(async () => {
    w = await createAccountsWorld();
    const db = w.t.database.db;
    const a = await buildUser(db, { name: 'Quản trị 80', grants: [{ role: 'province_admin', unitCode: '80' }] });
    adminId = a.id;
    admin = await signInAs(w.t, a.email, a.password);
    const d = await buildUser(db, { grants: [{ role: 'department_officer', unitCode: '80' }] });
    department = await signInAs(w.t, d.email, d.password);
    const b = await buildUser(db, { grants: [{ role: 'province_admin', unitCode: '79' }] });
    otherAdmin = await signInAs(w.t, b.email, b.password);
    const o = await buildUser(db, { grants: [{ role: 'commune_officer', unitCode: w.commune }] });
    officer = await signInAs(w.t, o.email, o.password);
    memberId = (await buildUser(db, { grants: [{ role: 'team_member', unitCode: w.commune }] })).id;
  });
  afterAll(async () => w.t.close());

  const audit = (query: string, s: Session) => w.t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: { cookie: s.cookie } });

  it('lists the province\'s changes newest first with actor, parsed before/after and filters', async () => {
    const key = await w.t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: admin.headers, payload: { name: 'Kho dữ liệu', scopes: ['read'] } });
    w.t.clock.advance(1000);
    await w.t.app.inject({ method: 'PATCH', url: `/api/v1/users/${memberId}`, headers: admin.headers, payload: { name: 'Tên đã sửa' } });

    const res = await audit('?limit=50', admin);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    const ats = items.map((i: { at: string }) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(items[0]).toMatchObject({
      action: 'user.updated',
      entityType: 'user',
      entityId: memberId,
      actor: { id: adminId, name: 'Quản trị 80' },
      apiKeyId: null,
      before: { name: 'Người dùng thử', status: 'active' },
      after: { name: 'Tên đã sửa' },
    });
    // People and places in words: the account the entry is about, and the units it is placed in.
    expect(items[0].entityName).toBe('Tên đã sửa');
    const grant = items.find((i: { action: string }) => i.action === 'grant.created');
    if (grant?.communeName !== undefined && grant.communeName !== null) expect(grant.communeName).not.toMatch(/^\d+$/);
    for (const item of items) {
      expect(item).toHaveProperty('provinceName');
      if (item.provinceName !== null) expect(item.provinceName).toMatch(/Tây Ninh/);
    }
    expect(items.map((i: { action: string }) => i.action)).toEqual(expect.arrayContaining(['api_key.created', 'auth.signed_in']));

    const byKey = await audit(`?entityType=api_key&entityId=${key.json().id}`, department);
    expect(byKey.json().items).toHaveLength(1);
    expect(byKey.json().items[0].after).toMatchObject({ name: 'Kho dữ liệu', scopes: ['read'] });
    expect(JSON.stringify(byKey.json())).not.toContain(key.json().secret);
    expect((await audit(`?action=user.updated&actor=${adminId}`, admin)).json().items).toHaveLength(1);
    const since = new Date(w.t.clock.now().getTime() - 500).toISOString();
    expect((await audit(`?from=${encodeURIComponent(since)}`, admin)).json().items.map((i: { action: string }) => i.action)).toEqual(['user.updated']);
    expect((await audit(`?to=${encodeURIComponent(since)}&action=user.updated`, admin)).json().items).toEqual([]);
    const today = w.t.clock.now().toISOString().slice(0, 10);
    expect((await audit(`?from=2020-01-01&to=2020-01-02`, admin)).json().items).toEqual([]);
    expect((await audit(`?from=${today}&action=user.updated`, admin)).statusCode).toBe(200);

    const first = await audit('?limit=2', admin);
    const second = await audit(`?limit=2&cursor=${first.json().nextCursor}`, admin);
    expect(second.json().items[0].at <= first.json().items[1].at).toBe(true);
    expect(second.json().items.map((i: { id: string }) => i.id)).not.toContain(first.json().items[1].id);
  });

  it('keeps other provinces and roles out', async () => {
    const theirs = await audit('?limit=500', otherAdmin);
    expect(theirs.statusCode).toBe(200);
    const entities = theirs.json().items.map((i: { entityId: string }) => i.entityId);
    expect(entities).not.toContain(memberId);
    expect(entities).not.toContain(adminId);
    expect((await audit('', officer)).statusCode).toBe(403);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
    for (const q of ['?from=yesterday', '?cursor=@@', '?limit=0']) {
      const res = await audit(q, admin);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
  });
});
