import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../test/app';
import { buildUser } from '../../test/factories';
import { createAccountsWorld, signInAs, type AccountsWorld } from './accounts.fixtures';

describe('users admin', () => {
  let w: AccountsWorld;
  let admin: Session;
  let adminId: string;
  let officer: Session;
  let officerId: string;
  let hoa: string;
  let minh: string;
  let both: string;
  let outside: string;
  beforeAll(async () => {
    w = await createAccountsWorld();
    const db = w.t.database.db;
    const a = await buildUser(db, { name: 'Quản trị Tây Ninh', grants: [{ role: 'province_admin', unitCode: '80' }] });
    adminId = a.id;
    admin = await signInAs(w.t, a.email, a.password);
    const o = await buildUser(db, { name: 'Cán bộ Tân Ninh', grants: [{ role: 'commune_officer', unitCode: w.commune }] });
    officerId = o.id;
    officer = await signInAs(w.t, o.email, o.password);
    hoa = (await buildUser(db, { name: 'Trần Thị Hoa', phone: '+84912345678', grants: [{ role: 'team_member', unitCode: w.hamlet, communeCode: w.commune }] })).id;
    minh = (await buildUser(db, { name: 'Nguyễn Văn Minh', email: 'minh.nguyen@test.local', grants: [{ role: 'team_leader', unitCode: w.commune }] })).id;
    both = (await buildUser(db, { name: 'Đặng Thị Đào', grants: [{ role: 'team_member', unitCode: w.commune }, { role: 'department_officer', unitCode: '80' }] })).id;
    outside = (await buildUser(db, { name: 'Võ Văn Xa', grants: [{ role: 'team_member', unitCode: w.otherCommune }] })).id;
  });
  afterAll(async () => w.t.close());

  const get = (url: string, s: Session) => w.t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

  it('lists the users of the caller\'s area with masked phones, visible grants and actions', async () => {
    const mine = await get('/api/v1/users?limit=100', officer);
    expect(mine.statusCode).toBe(200);
    expect(ids(mine.json())).toEqual(expect.arrayContaining([officerId, hoa, minh, both]));
    expect(ids(mine.json())).not.toContain(outside);
    expect(ids(mine.json())).not.toContain(adminId);
    const hoaItem = mine.json().items.find((i: { id: string }) => i.id === hoa);
    expect(hoaItem).toMatchObject({ phoneMasked: '09•• ••• 678', status: 'active', actions: ['users.read', 'users.manage'] });
    expect(hoaItem.grants).toEqual([{ id: expect.any(String), role: 'team_member', unitCode: w.hamlet, unitName: 'Khu phố 1' }]);
    expect(JSON.stringify(mine.json())).not.toContain('912345678');
    const bothItem = mine.json().items.find((i: { id: string }) => i.id === both);
    expect(bothItem.grants.map((g: { role: string }) => g.role)).toEqual(['team_member']);
    expect(bothItem.actions).toEqual(['users.read']);

    const all = await get('/api/v1/users?limit=100', admin);
    expect(ids(all.json())).toEqual(expect.arrayContaining([adminId, officerId, hoa, minh, both, outside]));
    expect(all.json().items.find((i: { id: string }) => i.id === both).actions).toEqual(['users.read', 'users.manage']);
  });

  it('searches without diacritics, filters by unit and role, and pages with a cursor', async () => {
    const q = await get(`/api/v1/users?q=${encodeURIComponent('nguyen van')}`, admin);
    expect(ids(q.json())).toEqual([minh]);
    expect(ids((await get('/api/v1/users?q=dao', admin)).json())).toEqual([both]);
    expect(ids((await get('/api/v1/users?q=MINH.NGUYEN', admin)).json())).toEqual([minh]);
    expect(ids((await get(`/api/v1/users?unit=${w.otherCommune}`, admin)).json())).toEqual([outside]);
    expect(ids((await get(`/api/v1/users?unit=${w.hamlet}`, officer)).json())).toEqual([hoa]);
    expect(ids((await get(`/api/v1/users?unit=${w.otherCommune}`, officer)).json())).toEqual([]);
    expect(ids((await get('/api/v1/users?role=team_leader', admin)).json())).toEqual([minh]);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`, admin);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(res.json()));
      cursor = res.json().nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(ids((await get('/api/v1/users?limit=500', admin)).json()));

    const searchPage = await get(`/api/v1/users?q=thi&limit=1`, admin);
    expect(searchPage.json().items).toHaveLength(1);
    const second = await get(`/api/v1/users?q=thi&limit=1&cursor=${searchPage.json().nextCursor}`, admin);
    expect(ids(second.json())).not.toEqual(ids(searchPage.json()));

    for (const bad of ['/api/v1/users?unit=99999', '/api/v1/users?cursor=@@', '/api/v1/users?limit=501', '/api/v1/users?role=king']) {
      const res = await get(bad, admin);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
  });

  it('shows one user in scope with the phone masked; a manager reveals it with a reason, into the access log', async () => {
    const detail = await get(`/api/v1/users/${hoa}`, officer);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ id: hoa, phone: null, phoneMasked: '09•• ••• 678', locale: 'vi' });
    const reveal = (s: Session, payload: object) =>
      w.t.app.inject({ method: 'POST', url: `/api/v1/users/${hoa}/reveal-phone`, headers: s.headers, payload });
    expect((await reveal(officer, {})).json().error.code).toBe('VALIDATION');
    const revealed = await reveal(officer, { reason: 'Gọi hẹn lịch tập huấn' });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json()).toEqual({ phone: '0912345678' });
    expect(revealed.headers['cache-control']).toBe('no-store');
    const log = await get('/api/v1/privacy/access-log?subjectType=user', admin);
    expect(log.statusCode).toBe(200);
    expect(log.json().items[0]).toMatchObject({
      subjectType: 'user',
      subjectId: hoa,
      field: 'phone',
      reason: 'Gọi hẹn lịch tập huấn',
      actor: { name: expect.any(String) },
    });
    // The log is the province administrators': a commune officer may reveal, not read who revealed.
    expect((await get('/api/v1/privacy/access-log', officer)).statusCode).toBe(403);
    expect((await get(`/api/v1/users/${outside}`, officer)).statusCode).toBe(404);
    expect((await get('/api/v1/users/no-such-user', admin)).statusCode).toBe(404);
    const leader = await buildUser(w.t.database.db, { grants: [{ role: 'team_leader', unitCode: w.hamlet, communeCode: w.commune }] });
    const leaderSession = await signInAs(w.t, leader.email, leader.password);
    const asLeader = await get(`/api/v1/users/${hoa}`, leaderSession);
    expect(asLeader.json()).toMatchObject({ phone: null, actions: ['users.read'] });
    // A reader is not a manager: no reveal, and nothing is logged.
    expect((await reveal(leaderSession, { reason: 'Tò mò muốn biết số' })).statusCode).toBe(403);
    expect((await get('/api/v1/privacy/access-log?subjectType=user', admin)).json().items).toHaveLength(1);
    expect((await w.t.app.inject({ method: 'GET', url: `/api/v1/users/${hoa}` })).statusCode).toBe(401);
  });

  it('renames, disables (ending sessions) and re-activates, within the rules', async () => {
    const u = await buildUser(w.t.database.db, { grants: [{ role: 'team_member', unitCode: w.hamlet, communeCode: w.commune }] });
    const theirs = await signInAs(w.t, u.email, u.password);
    const patch = (id: string, payload: Record<string, unknown>, s: Session = officer) =>
      w.t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, payload, headers: s.headers });

    const renamed = await patch(u.id, { name: 'Tên mới' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Tên mới');
    expect(ids((await get(`/api/v1/users?q=${encodeURIComponent('ten moi')}`, officer)).json())).toEqual([u.id]);
    const disabled = await patch(u.id, { status: 'disabled' });
    expect(disabled.json().status).toBe('disabled');
    expect((await get('/api/v1/me', theirs)).statusCode).toBe(401);
    await expect(signInAs(w.t, u.email, u.password)).rejects.toThrow(/401/);
    expect((await patch(u.id, { status: 'active' })).json().status).toBe('active');
    await expect(signInAs(w.t, u.email, u.password)).resolves.toHaveProperty('csrfToken');

    expect((await patch(both, { status: 'disabled' })).statusCode).toBe(403);
    expect((await patch(outside, { name: 'Ngoài' })).statusCode).toBe(404);
    expect((await patch(officerId, { status: 'disabled' })).statusCode).toBe(409);
    expect((await patch(adminId, { status: 'disabled' }, admin)).statusCode).toBe(409);
    for (const payload of [{ status: 'invited' }, { name: 'x' }, { email: 'a@b.vn' }]) {
      const res = await patch(u.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const audit = await w.t.database.db.selectFrom('audit_log').select(['action', 'before_json']).where('entity_id', '=', u.id).where('action', '=', 'user.updated').execute();
    expect(audit).toHaveLength(3);
  });

  it('adds and removes grants, never the last province administrator', async () => {
    const post = (id: string, payload: Record<string, unknown>, s: Session = officer) =>
      w.t.app.inject({ method: 'POST', url: `/api/v1/users/${id}/grants`, payload, headers: s.headers });
    const del = (id: string, grantId: string, s: Session = officer) =>
      w.t.app.inject({ method: 'DELETE', url: `/api/v1/users/${id}/grants/${grantId}`, headers: s.headers });

    const added = await post(hoa, { role: 'team_leader', unitCode: w.secondHamlet });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ role: 'team_leader', unitCode: w.secondHamlet, unitName: 'Khu phố 2' });
    const row = await w.t.database.db.selectFrom('grants').selectAll().where('id', '=', added.json().id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ level: 'hamlet', province_code: '80', commune_code: w.commune, hamlet_id: w.secondHamlet });
    expect((await post(hoa, { role: 'team_leader', unitCode: w.secondHamlet })).statusCode).toBe(409);
    expect((await post(hoa, { role: 'team_leader', unitCode: w.otherCommuneHamlet })).statusCode).toBe(403);
    expect((await post(hoa, { role: 'department_officer', unitCode: '80' })).statusCode).toBe(403);
    expect((await post(hoa, { role: 'team_leader', unitCode: '99999' })).statusCode).toBe(400);
    expect((await post(hoa, { role: 'team_leader', unitCode: w.secondHamlet, x: 1 })).statusCode).toBe(400);
    expect((await post(outside, { role: 'team_member', unitCode: w.hamlet })).statusCode).toBe(404);

    expect((await del(hoa, added.json().id)).statusCode).toBe(204);
    expect((await del(hoa, added.json().id)).statusCode).toBe(404);
    const deptGrant = await w.t.database.db.selectFrom('grants').select('id').where('user_id', '=', both).where('role', '=', 'department_officer').executeTakeFirstOrThrow();
    expect((await del(both, deptGrant.id)).statusCode).toBe(403);

    const ownAdminGrant = await w.t.database.db.selectFrom('grants').select('id').where('user_id', '=', adminId).executeTakeFirstOrThrow();
    const last = await del(adminId, ownAdminGrant.id, admin);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.messageVi).toContain('quản trị viên');
    const second = await post(officerId, { role: 'province_admin', unitCode: '80' }, admin);
    expect(second.statusCode).toBe(201);
    expect((await del(adminId, ownAdminGrant.id, admin)).statusCode).toBe(204);
    const actions = await w.t.database.db.selectFrom('audit_log').select('action').where('entity_id', 'in', [added.json().id, ownAdminGrant.id]).execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['grant.created', 'grant.deleted', 'grant.deleted']);
  });

  it('needs the level above for a grant at one’s own level: the commune officer hole stays closed', async () => {
    const post = (id: string, payload: Record<string, unknown>, s: Session) =>
      w.t.app.inject({ method: 'POST', url: `/api/v1/users/${id}/grants`, payload, headers: s.headers });
    const leaderUser = await buildUser(w.t.database.db, { grants: [{ role: 'team_leader', unitCode: w.hamlet, communeCode: w.commune }] });
    const leader = await signInAs(w.t, leaderUser.email, leaderUser.password);
    // A fresh officer and administrator: the test above swapped the file's administrator for its officer.
    const adminUser = await buildUser(w.t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    const admin = await signInAs(w.t, adminUser.email, adminUser.password);
    const officerUser = await buildUser(w.t.database.db, { grants: [{ role: 'commune_officer', unitCode: w.commune }] });
    const officer = await signInAs(w.t, officerUser.email, officerUser.password);
    const member = (await buildUser(w.t.database.db, { grants: [{ role: 'team_member', unitCode: w.hamlet, communeCode: w.commune }] })).id;

    // The reviewed request: a commune officer making a team member a commune officer of their own commune.
    const peer = await post(member, { role: 'commune_officer', unitCode: w.commune }, officer);
    expect(peer.statusCode).toBe(403);
    expect(peer.json().error.messageVi).toBeTruthy();
    expect((await post(member, { role: 'agency_handler', unitCode: w.commune }, officer)).statusCode).toBe(403);
    expect((await post(member, { role: 'team_leader', unitCode: w.commune }, officer)).statusCode).toBe(403);
    // Below their level they still delegate: team roles at the hamlets of their commune.
    expect((await post(member, { role: 'team_leader', unitCode: w.secondHamlet }, officer)).statusCode).toBe(201);
    // A team leader's hamlet grant gives nothing at that hamlet through the users admin.
    expect((await post(member, { role: 'team_member', unitCode: w.secondHamlet }, leader)).statusCode).toBe(403);
    // The province administrator gives commune roles, and province roles (nothing sits above a province).
    expect((await post(member, { role: 'commune_officer', unitCode: w.commune }, admin)).statusCode).toBe(201);
    expect((await post(member, { role: 'department_officer', unitCode: '80' }, admin)).statusCode).toBe(201);
    const trail = await w.t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', '=', 'grant.created')
      .where('after_json', 'like', `%${member}%`)
      .execute();
    expect(trail).toHaveLength(3);
    // Removing is held to the same rule: the officer cannot strip the commune officer grant the admin gave.
    const peerGrant = await w.t.database.db.selectFrom('grants').select('id').where('user_id', '=', member).where('role', '=', 'commune_officer').executeTakeFirstOrThrow();
    const strip = await w.t.app.inject({ method: 'DELETE', url: `/api/v1/users/${member}/grants/${peerGrant.id}`, headers: officer.headers });
    expect(strip.statusCode).toBe(403);
  });
});
