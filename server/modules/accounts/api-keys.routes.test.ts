import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../test/app';
import { buildUser } from '../../test/factories';
import { createAccountsWorld, signInAs, type AccountsWorld } from './accounts.fixtures';

describe('API keys', () => {
  let w: AccountsWorld;
  let admin: Session;
  let otherAdmin: Session;
  beforeAll(async () => {
    w = await createAccountsWorld();
    const a = await buildUser(w.t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    admin = await signInAs(w.t, a.email, a.password);
    const b = await buildUser(w.t.database.db, { grants: [{ role: 'province_admin', unitCode: '79' }] });
    otherAdmin = await signInAs(w.t, b.email, b.password);
    await buildUser(w.t.database.db, { name: 'Thành viên Tân Ninh', grants: [{ role: 'team_member', unitCode: w.commune }] });
    await buildUser(w.t.database.db, { name: 'Thành viên Bình Minh', grants: [{ role: 'team_member', unitCode: w.otherCommune }] });
  });
  afterAll(async () => w.t.close());

  const create = (payload: Record<string, unknown>, s: Session = admin) =>
    w.t.app.inject({ method: 'POST', url: '/api/v1/api-keys', payload, headers: s.headers });
  const bearer = (secret: string, url = '/api/v1/users') =>
    w.t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } });

  it('issues a key shown once, which works as a Bearer token until revoked', async () => {
    const res = await create({ name: 'Cổng 1022', scopes: ['open311:write', 'read'] });
    expect(res.statusCode).toBe(201);
    const key = res.json();
    expect(key).toMatchObject({ name: 'Cổng 1022', scopes: ['open311:write', 'read'], unitCode: '80' });
    expect(key.secret).toMatch(/^cds_[A-Za-z0-9_-]{43}$/);
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    const stored = await w.t.database.db.selectFrom('api_keys').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key.secret);

    const list = await w.t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: admin.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({ id: key.id, prefix: key.prefix, revokedAt: null, actions: ['apiKeys.manage'] });
    expect(JSON.stringify(list.json())).not.toContain(key.secret);

    const used = await bearer(key.secret);
    expect(used.statusCode).toBe(200);
    expect(used.json().items.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(['Thành viên Tân Ninh', 'Thành viên Bình Minh']));
    expect((await bearer(key.secret, '/api/v1/api-keys')).statusCode).toBe(403);

    expect((await w.t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${key.id}`, headers: otherAdmin.headers })).statusCode).toBe(404);
    expect((await w.t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${key.id}`, headers: admin.headers })).statusCode).toBe(204);
    const refused = await bearer(key.secret);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('UNAUTHENTICATED');
    expect((await w.t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${key.id}`, headers: admin.headers })).statusCode).toBe(204);
    const after = await w.t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: admin.cookie } });
    expect(after.json().items[0]).toMatchObject({ id: key.id, revokedAt: expect.any(String), actions: [] });
    const audit = await w.t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', key.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('records when a key was last used, to the minute, without a write on every call', async () => {
    const key = (await create({ name: 'Cổng đồng bộ', scopes: ['read'] })).json();
    const lastUsed = async () =>
      (await w.t.database.db.selectFrom('api_keys').select('last_used_at').where('id', '=', key.id).executeTakeFirstOrThrow())
        .last_used_at;
    expect(await lastUsed()).toBeNull();
    expect((await bearer(key.secret)).statusCode).toBe(200);
    const first = await lastUsed();
    expect(first).toBe(w.t.clock.now().toISOString());
    w.t.clock.advance(30_000);
    expect((await bearer(key.secret)).statusCode).toBe(200);
    expect(await lastUsed()).toBe(first);
    w.t.clock.advance(31_000);
    expect((await bearer(key.secret)).statusCode).toBe(200);
    expect(await lastUsed()).toBe(w.t.clock.now().toISOString());
  });

  it('scopes a commune key to its commune and keeps other provinces apart', async () => {
    const res = await create({ name: 'Phường Tân Ninh', scopes: ['read'], unitCode: w.commune });
    expect(res.statusCode).toBe(201);
    const names = (await bearer(res.json().secret)).json().items.map((i: { name: string }) => i.name);
    expect(names).toContain('Thành viên Tân Ninh');
    expect(names).not.toContain('Thành viên Bình Minh');
    const theirs = await w.t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: otherAdmin.cookie } });
    expect(theirs.json().items).toEqual([]);
    expect((await create({ name: 'Ngoài tỉnh', scopes: ['read'], unitCode: '80' }, otherAdmin)).statusCode).toBe(403);
    const writeOnly = await create({ name: 'Chỉ ghi', scopes: ['sync:write'] });
    expect((await bearer(writeOnly.json().secret)).statusCode).toBe(403);
  });

  it('pages the list and refuses bad input and other roles', async () => {
    for (let i = 0; i < 3; i++) expect((await create({ name: `Khoá ${i}`, scopes: ['sync:write'] })).statusCode).toBe(201);
    const first = await w.t.app.inject({ method: 'GET', url: '/api/v1/api-keys?limit=2', headers: { cookie: admin.cookie } });
    expect(first.json().items).toHaveLength(2);
    const second = await w.t.app.inject({ method: 'GET', url: `/api/v1/api-keys?limit=2&cursor=${first.json().nextCursor}`, headers: { cookie: admin.cookie } });
    expect(second.json().items.map((k: { id: string }) => k.id)).not.toContain(first.json().items[0].id);

    const bad: [Record<string, unknown>, number][] = [
      [{ name: 'Ấp', scopes: ['read'], unitCode: w.hamlet }, 400],
      [{ name: 'Không có', scopes: ['read'], unitCode: '99999' }, 400],
      [{ name: 'Sai quyền', scopes: ['admin'] }, 400],
      [{ name: 'Rỗng', scopes: [] }, 400],
      [{ scopes: ['read'] }, 400],
      [{ name: 'Thừa', scopes: ['read'], secret: 'mine' }, 400],
    ];
    for (const [payload, status] of bad) {
      const r = await create(payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(status);
      expect(r.json().error.code).toBe('VALIDATION');
    }
    const officer = await buildUser(w.t.database.db, { grants: [{ role: 'commune_officer', unitCode: w.commune }] });
    const o = await signInAs(w.t, officer.email, officer.password);
    expect((await create({ name: 'Xã', scopes: ['read'], unitCode: w.commune }, o)).statusCode).toBe(403);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: o.cookie } })).statusCode).toBe(403);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/api-keys' })).statusCode).toBe(401);
    expect((await w.t.app.inject({ method: 'DELETE', url: '/api/v1/api-keys/unknown', headers: admin.headers })).statusCode).toBe(404);
  });
});
