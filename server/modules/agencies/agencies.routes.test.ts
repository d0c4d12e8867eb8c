import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { loadOfficialUnits } from '../geography/index';
import { COMMUNE_A, COMMUNE_B } from '../teams/teams.fixtures';
import { buildAgency, seedTestCategories } from './agencies.fixtures';

/**
 * Agencies and routing rules (issue 10): case staff of the province read them; a commune officer configures only
 * its commune's agencies and rules, the province administrator everything; every change is audited; suggest()
 * prefers the commune's rule to the province default.
 */
describe('agencies and routing rules', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let handler: Session;
  let member: Session;
  let department: string;

  beforeAll(async () => {
    t = await createTestApp({ PROVINCE_CODE: '80' });
    const db = t.database.db;
    await loadOfficialUnits(db, { provinces: ['80'] });
    await seedTestCategories(db);
    department = await buildAgency(db, { name: 'Sở Xây dựng' });
    const a = await buildUser(db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    const o = await buildUser(db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] });
    const h = await buildUser(db, {
      grants: [{ role: 'agency_handler', unitCode: '80', agencyId: department }],
    });
    const m = await buildUser(db, { grants: [{ role: 'team_member', unitCode: COMMUNE_A }] });
    [admin, officer, handler, member] = (await Promise.all(
      [a, o, h, m].map((u) => signIn(t.app, u.email, u.password)),
    )) as [Session, Session, Session, Session];
  });
  afterAll(async () => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, s: Session | null, payload?: object) =>
    t.app.inject({ method, url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });

  it('lets case staff of the province list agencies, with the handlers counted; others are refused', async () => {
    const list = await call('GET', '/api/v1/agencies', handler);
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === department);
    expect(item).toMatchObject({ name: 'Sở Xây dựng', communeCode: null, handlers: 1, actions: [] });
    expect((await call('GET', '/api/v1/agencies', admin)).json().items[0].actions).toEqual([
      'cases.configure',
    ]);
    expect(
      (await call('GET', '/api/v1/agencies?q=xay dung', officer))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([department]);
    expect((await call('GET', '/api/v1/agencies', member)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/agencies', null)).statusCode).toBe(401);
  });

  it('lets a commune officer add and edit only its own commune’s agencies, audited', async () => {
    const body = {
      name: 'UBND phường thử',
      kind: 'commune_office',
      unitCode: COMMUNE_A,
      email: 'ubnd@example.vn',
    };
    const created = await call('POST', '/api/v1/agencies', officer, body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      communeCode: COMMUNE_A,
      active: true,
      actions: ['cases.configure'],
    });
    expect(created.json().communeName).toBeTruthy();
    expect(
      (await call('POST', '/api/v1/agencies', officer, { ...body, unitCode: COMMUNE_B })).statusCode,
    ).toBe(403);
    expect((await call('POST', '/api/v1/agencies', officer, { ...body, unitCode: '80' })).statusCode).toBe(
      403,
    );
    expect(
      (await call('POST', '/api/v1/agencies', officer, { ...body, unitCode: '99999' })).json().error.code,
    ).toBe('VALIDATION');

    const id = created.json().id as string;
    const renamed = await call('PATCH', `/api/v1/agencies/${id}`, officer, { name: 'UBND phường Một' });
    expect(renamed.json()).toMatchObject({ name: 'UBND phường Một', email: 'ubnd@example.vn' });
    expect((await call('PATCH', `/api/v1/agencies/${id}`, officer, { unitCode: '80' })).statusCode).toBe(403);
    expect(
      (await call('PATCH', `/api/v1/agencies/${department}`, officer, { name: 'Sở khác' })).statusCode,
    ).toBe(403);
    expect(
      (await call('PATCH', `/api/v1/agencies/${department}`, handler, { active: false })).statusCode,
    ).toBe(403);
    const searched = await call('GET', `/api/v1/agencies?unit=${COMMUNE_A}&q=phuong mot`, handler);
    expect(searched.json().items.map((i: { id: string }) => i.id)).toEqual([id]);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'agency')
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'agency.created', entity_id: id },
        { action: 'agency.updated', entity_id: id },
      ]),
    );
  });

  it('routes by the commune’s rule first, then the province default, skipping inactive agencies', async () => {
    const agencies = t.built.services.agencies;
    const office = await buildAgency(t.database.db, { communeCode: COMMUNE_A });
    const otherOffice = await buildAgency(t.database.db, { communeCode: COMMUNE_B });
    expect(await agencies.routing.suggest('80', 'roads', COMMUNE_A)).toBeNull();

    const put = (s: Session, payload: object) => call('PUT', '/api/v1/case-routing', s, payload);
    expect(
      (await put(officer, { categoryCode: 'roads', communeCode: null, agencyId: department })).statusCode,
    ).toBe(403);
    const provinceRule = await put(admin, { categoryCode: 'roads', communeCode: null, agencyId: department });
    expect(provinceRule.statusCode, provinceRule.body).toBe(200);
    expect(provinceRule.json().items).toEqual([
      expect.objectContaining({ categoryCode: 'roads', communeCode: null, agencyName: 'Sở Xây dựng' }),
    ]);
    expect(await agencies.routing.suggest('80', 'roads', COMMUNE_A)).toBe(department);
    expect(await agencies.routing.suggest('80', 'roads', null)).toBe(department);

    expect(
      (await put(officer, { categoryCode: 'roads', communeCode: COMMUNE_A, agencyId: otherOffice })).json()
        .error.code,
    ).toBe('VALIDATION');
    expect(
      (await put(officer, { categoryCode: 'nope', communeCode: COMMUNE_A, agencyId: office })).json().error
        .code,
    ).toBe('VALIDATION');
    expect(
      (await put(officer, { categoryCode: 'roads', communeCode: COMMUNE_B, agencyId: otherOffice }))
        .statusCode,
    ).toBe(403);
    expect(
      (await put(officer, { categoryCode: 'roads', communeCode: COMMUNE_A, agencyId: office })).statusCode,
    ).toBe(200);
    expect(await agencies.routing.suggest('80', 'roads', COMMUNE_A)).toBe(office);
    expect(await agencies.routing.suggest('80', 'roads', COMMUNE_B)).toBe(department);
    const communeView = await call('GET', `/api/v1/case-routing?commune=${COMMUNE_A}`, handler);
    expect(communeView.json().items.map((r: { communeCode: string | null }) => r.communeCode)).toEqual([
      null,
      COMMUNE_A,
    ]);

    await call('PATCH', `/api/v1/agencies/${office}`, officer, { active: false });
    expect(await agencies.routing.suggest('80', 'roads', COMMUNE_A)).toBe(department);
    await call('PATCH', `/api/v1/agencies/${office}`, officer, { active: true });
    expect(
      (await put(officer, { categoryCode: 'roads', communeCode: COMMUNE_A, agencyId: null })).statusCode,
    ).toBe(200);
    expect(await agencies.routing.suggest('80', 'roads', COMMUNE_A)).toBe(department);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'case_routing.updated')
      .execute();
    expect(audits).toHaveLength(3);
  });
});
