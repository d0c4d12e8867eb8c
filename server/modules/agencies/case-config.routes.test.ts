import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CASE_DEADLINES } from '../../../shared/rules/case-deadlines';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { loadOfficialUnits } from '../geography/index';
import { COMMUNE_A } from '../teams/teams.fixtures';
import { seedTestCategories } from './agencies.fixtures';

/**
 * Reply templates, case settings and the categories' admin view (issue 10): province-wide, edited only with a
 * province-level cases.configure grant, read by case staff; the defaults are seeded once.
 */
describe('case configuration', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let member: Session;

  beforeAll(async () => {
    t = await createTestApp({ PROVINCE_CODE: '80' });
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    await seedTestCategories(t.database.db);
    const a = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    const o = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] });
    const m = await buildUser(t.database.db, { grants: [{ role: 'team_leader', unitCode: COMMUNE_A }] });
    [admin, officer, member] = (await Promise.all(
      [a, o, m].map((u) => signIn(t.app, u.email, u.password)),
    )) as [Session, Session, Session];
  });
  afterAll(async () => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, s: Session | null, payload?: object) =>
    t.app.inject({ method, url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });

  it('seeds the Vietnamese default templates once, and lets only the province edit them', async () => {
    const [first, second] = await Promise.all([
      call('GET', '/api/v1/case-templates', officer),
      call('GET', '/api/v1/case-templates', admin),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.json().items).toHaveLength(first.json().items.length);
    const refusals = first
      .json()
      .items.filter((i: { purpose: string }) => i.purpose === 'refuse')
      .map((i: { title: string }) => i.title);
    expect(refusals).toEqual(
      expect.arrayContaining([
        'Không thuộc thẩm quyền',
        'Chưa đủ thông tin',
        'Trùng phản ánh đã tiếp nhận',
        'Ngoài địa bàn tỉnh',
      ]),
    );
    for (const purpose of ['accept', 'answer', 'public_update']) {
      expect(first.json().items.some((i: { purpose: string }) => i.purpose === purpose)).toBe(true);
    }
    expect((await call('GET', '/api/v1/case-templates', member)).statusCode).toBe(403);

    const body = { purpose: 'answer', title: 'Đã sửa đèn', body: 'Đèn đường đã được thay mới.' };
    expect((await call('POST', '/api/v1/case-templates', officer, body)).statusCode).toBe(403);
    const created = await call('POST', '/api/v1/case-templates', admin, body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(
      (await call('PATCH', `/api/v1/case-templates/${id}`, admin, { active: false })).json(),
    ).toMatchObject({ active: false, title: 'Đã sửa đèn' });
    const answers = await call('GET', '/api/v1/case-templates?purpose=answer', officer);
    expect(answers.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(
      (await call('GET', '/api/v1/case-templates?purpose=answer&all=true', admin))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toContain(id);
    expect((await call('PATCH', `/api/v1/case-templates/${id}`, officer, { active: true })).statusCode).toBe(
      403,
    );
  });

  it('keeps a workable deadline policy and a retention of 1–60 months', async () => {
    const settings = t.built.services.agencies.settings;
    const read = await call('GET', '/api/v1/case-settings', officer);
    expect(read.json()).toMatchObject({
      provinceCode: '80',
      deadlines: DEFAULT_CASE_DEADLINES,
      retentionMonths: 12,
      actions: [],
    });
    const body = {
      deadlines: { ...DEFAULT_CASE_DEADLINES, normalWithinDays: 7, complexWithinDays: 15 },
      retentionMonths: 24,
      moderateAnonymous: true,
    };
    expect((await call('PUT', '/api/v1/case-settings', officer, body)).statusCode).toBe(403);
    const shorter = { ...body, deadlines: { ...body.deadlines, complexWithinDays: 5 } };
    expect((await call('PUT', '/api/v1/case-settings', admin, shorter)).json().error.code).toBe('VALIDATION');
    expect(
      (await call('PUT', '/api/v1/case-settings', admin, { ...body, retentionMonths: 61 })).statusCode,
    ).toBe(400);
    const saved = await call('PUT', '/api/v1/case-settings', admin, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      retentionMonths: 24,
      moderateAnonymous: true,
      actions: ['cases.configure'],
    });
    expect(await settings.deadlinesFor('80')).toMatchObject({ normalWithinDays: 7, complexWithinDays: 15 });
    expect(await settings.retentionMonths('80')).toBe(24);
    expect(await settings.deadlinesFor('79')).toEqual(DEFAULT_CASE_DEADLINES);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'case_settings.updated')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('edits categories but never leaves citizens without "Khác"', async () => {
    const all = await call('GET', '/api/v1/case-categories/all', officer);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items.find((c: { code: string }) => c.code === 'other')).toMatchObject({
      isOther: true,
      active: true,
    });
    expect(all.json().items.some((c: { kinds: string[] }) => c.kinds.includes('proposal'))).toBe(true);

    expect(
      (await call('PATCH', '/api/v1/case-categories/roads', officer, { nameVi: 'Đường hư' })).statusCode,
    ).toBe(403);
    const renamed = await call('PATCH', '/api/v1/case-categories/roads', admin, {
      nameVi: 'Đường hư hỏng',
      sortOrder: 99,
      active: false,
    });
    expect(renamed.json()).toMatchObject({ nameVi: 'Đường hư hỏng', sortOrder: 99, active: false });
    const other = await call('PATCH', '/api/v1/case-categories/other', admin, { active: false });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details[0].messageVi).toContain('Khác');
    expect((await call('PATCH', '/api/v1/case-categories/nope', admin, { active: false })).statusCode).toBe(
      404,
    );
    const row = await t.database.db
      .selectFrom('case_categories')
      .select(['active'])
      .where('code', '=', 'other')
      .executeTakeFirstOrThrow();
    expect(row.active).toBe(1);
  });
});
