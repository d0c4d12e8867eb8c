import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, MAX_CITIZEN_CATEGORIES } from '../../../shared/rules/case-categories';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { testDialect } from '../../test/database';
import { buildUser } from '../../test/factories';
import { COMMUNE_A } from '../teams/teams.fixtures';

/**
 * New citizens' categories (issue 10): each is an Open311 service, so its code follows the service_code rules and
 * never collides; an active one must fit in the 20 citizens choose from. Province administrators only.
 */
describe(`adding case categories on ${testDialect()}`, () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let member: Session;

  beforeAll(async () => {
    t = await createTestApp({ PROVINCE_CODE: '80' });
    const a = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    const o = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] });
    const m = await buildUser(t.database.db, { grants: [{ role: 'team_member', unitCode: COMMUNE_A }] });
    [admin, officer, member] = (await Promise.all(
      [a, o, m].map((u) => signIn(t.app, u.email, u.password)),
    )) as [Session, Session, Session];
  });
  afterAll(async () => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, s: Session | null, payload?: object) =>
    t.app.inject({ method, url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });
  const body = (over: Record<string, unknown> = {}) => ({
    code: 'stray_animals',
    nameVi: 'Chó thả rông, gia súc trên đường',
    nameEn: 'Stray dogs and cattle on the road',
    descriptionVi: 'Chó không rọ mõm, trâu bò thả trên đường',
    descriptionEn: 'Unmuzzled dogs, cattle left on the road',
    kinds: ['report'],
    sortOrder: 150,
    ...over,
  });
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('case_categories')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lets only a province administrator add one, which citizens and Open311 then see', async () => {
    expect((await call('POST', '/api/v1/case-categories', null, body())).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/case-categories', member, body())).statusCode).toBe(403);
    // A commune officer configures their commune's agencies and rules, not the province's list.
    expect((await call('POST', '/api/v1/case-categories', officer, body())).statusCode).toBe(403);

    const created = await call('POST', '/api/v1/case-categories', admin, body());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'stray_animals',
      nameVi: 'Chó thả rông, gia súc trên đường',
      group: 'other',
      kinds: ['report'],
      defaultSeverity: 'normal',
      isOther: false,
      sortOrder: 150,
      active: true,
      actions: ['cases.configure'],
    });
    const citizens = (await call('GET', '/api/v1/case-categories', null)).json() as {
      items: { code: string }[];
    };
    expect(citizens.items.map((c) => c.code)).toContain('stray_animals');
    const services = (await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' })).json() as {
      service_code: string;
      metadata: boolean;
    }[];
    expect(services.find((s) => s.service_code === 'stray_animals')).toMatchObject({ metadata: false });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'case_category.created')
      .execute();
    expect(audit).toEqual([{ action: 'case_category.created', entity_id: 'stray_animals' }]);
  });

  it('refuses codes Open311 cannot carry or that are taken, in words, and writes nothing', async () => {
    const before = await count();
    for (const code of ['Stray', 'x', 'đường', 'a b', 'proposal_more', 'roads/1']) {
      const res = await call('POST', '/api/v1/case-categories', admin, body({ code }));
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    for (const code of ['roads', 'other', 'stray_animals']) {
      const res = await call('POST', '/api/v1/case-categories', admin, body({ code }));
      expect(res.statusCode, code).toBe(409);
      expect(res.json().error.messageVi).toContain(code);
    }
    const noKinds = await call('POST', '/api/v1/case-categories', admin, body({ code: 'noise', kinds: [] }));
    expect(noKinds.statusCode).toBe(400);
    const proposal = await call(
      'POST',
      '/api/v1/case-categories',
      admin,
      body({ code: 'noise', kinds: ['proposal'] }),
    );
    expect(proposal.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('keeps citizens’ choice at 20: an active 21st is refused with a reason, an inactive one is kept aside', async () => {
    // The defaults and the one added above; fill up to the limit.
    let active = DEFAULT_CATEGORIES.length + 1;
    for (let i = 0; active < MAX_CITIZEN_CATEGORIES; i++, active++) {
      const res = await call('POST', '/api/v1/case-categories', admin, body({ code: `extra_${i}` }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const before = await count();
    const over = await call('POST', '/api/v1/case-categories', admin, body({ code: 'one_too_many' }));
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0]).toMatchObject({ path: 'body.active' });
    expect(over.json().error.details[0].messageVi).toContain('tối đa 20');
    expect(await count()).toBe(before);

    const aside = await call(
      'POST',
      '/api/v1/case-categories',
      admin,
      body({ code: 'one_too_many', active: false }),
    );
    expect(aside.statusCode, aside.body).toBe(201);
    // Switching it on is refused the same way while 20 are active.
    const on = await call('PATCH', '/api/v1/case-categories/one_too_many', admin, { active: true });
    expect(on.statusCode).toBe(400);
    expect(on.json().error.details[0].messageVi).toContain('tối đa 20');
  });
});
