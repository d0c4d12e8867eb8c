import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../platform/clock';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { buildUser } from '../../test/factories';
import { isUniqueViolation } from './hamlets.repository';
import { createGeographyServices, resolveUnitPlacement } from './index';
import { loadOfficialUnits } from './official-units.loader';

describe('resolveUnitPlacement', () => {
  let database: TestDatabase;
  let services: ReturnType<typeof createGeographyServices>;
  const clock = createFakeClock('2026-03-02T03:00:00.000Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadOfficialUnits(database.db, { provinces: ['80'] });
    services = createGeographyServices({ db: database.db });
  });
  afterAll(async () => database.destroy());

  async function ctx() {
    const u = await buildUser(database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    return {
      actor: {
        kind: 'user' as const,
        user: { id: u.id, name: 'Admin', email: u.email, phone: null, locale: 'vi' as const },
        grants: [
          {
            role: 'province_admin' as const,
            unitCode: '80',
            level: 'province' as const,
            provinceCode: '80',
            communeCode: null,
            hamletId: null,
          },
        ],
        sessionId: 's',
        csrfToken: 'c',
      },
      ip: null,
      requestId: null,
      at: clock.now().toISOString(),
    };
  }

  it('resolves current provinces and communes, and nothing retired', async () => {
    expect(await resolveUnitPlacement(database.db, '80')).toEqual({
      level: 'province',
      provinceCode: '80',
      communeCode: null,
      hamletId: null,
      name: 'Tỉnh Tây Ninh',
    });
    expect(await resolveUnitPlacement(database.db, '25459')).toEqual({
      level: 'commune',
      provinceCode: '80',
      communeCode: '25459',
      hamletId: null,
      name: 'Phường Tân Ninh',
    });
    for (const code of ['72', '25456', '703', '99999', '01', 'not-a-code', '']) {
      expect(await resolveUnitPlacement(database.db, code), code).toBeNull();
    }
  });

  it('resolves active hamlets only', async () => {
    const c = await ctx();
    const a = await services.hamlets.createHamlet(c, {
      communeCode: '27712',
      name: 'Khu phố 1',
      kind: 'khu_pho',
    });
    const b = await services.hamlets.createHamlet(c, {
      communeCode: '27712',
      name: 'Khu phố 2',
      kind: 'khu_pho',
    });
    expect(await resolveUnitPlacement(database.db, a.id)).toEqual({
      level: 'hamlet',
      provinceCode: '80',
      communeCode: '27712',
      hamletId: a.id,
      name: 'Khu phố 1',
    });
    expect(await resolveUnitPlacement(database.db, a.id.toUpperCase())).toMatchObject({ hamletId: a.id });
    await services.hamlets.mergeHamlet(c, a.id, b.id);
    expect(await resolveUnitPlacement(database.db, a.id)).toBeNull();
  });

  it('keeps one active hamlet per folded name even when two writes race', async () => {
    const c = await ctx();
    const results = await Promise.allSettled([
      services.hamlets.createHamlet(c, { communeCode: '25459', name: 'Ấp Đua', kind: 'ap' }),
      services.hamlets.createHamlet(c, { communeCode: '25459', name: 'ap dua', kind: 'ap' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT' });
    const active = await database.db
      .selectFrom('hamlets')
      .select('id')
      .where('commune_code', '=', '25459')
      .where('search_text', '=', 'ap dua')
      .execute();
    expect(active).toHaveLength(1);

    // The database itself refuses the duplicate (the partial unique index), in a way the service recognises.
    const existing = await database.db
      .selectFrom('hamlets')
      .selectAll()
      .where('id', '=', active[0]!.id)
      .executeTakeFirstOrThrow();
    const twin = database.db
      .insertInto('hamlets')
      .values({ ...existing, id: '01890000-0000-7000-8000-0000000000aa' })
      .execute();
    const error: unknown = await twin.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    await database.db
      .insertInto('hamlets')
      .values({ ...existing, id: '01890000-0000-7000-8000-0000000000bb', status: 'retired' })
      .execute();
  });
});
