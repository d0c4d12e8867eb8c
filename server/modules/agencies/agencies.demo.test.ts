import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testSealer, type TestApp } from '../../test/app';
import { seedDemoProvince } from '../demo/index';
import { loadOfficialUnits } from '../geography/index';
import { DEMO_AGENCY_HANDLERS, seedDemoAgencies } from './agencies.demo';

/** The demo province's agencies, routing rules, settings and the handlers tied to their agency (issue 10). */
describe('demo seed: agencies and routing', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SEED: 'demo', PROVINCE_CODE: '80' });
    t.clock.set('2026-11-28T03:00:00.000Z');
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    const result = await seedDemoProvince({
      sealer: testSealer,
      db: t.database.db,
      clock: t.clock,
      config: t.config,
      extensions: [seedDemoAgencies],
    });
    expect(result.status).toBe('seeded');
  });
  afterAll(async () => t.close());

  it('places the departments at the province and one office in every commune, with routing rules', async () => {
    const db = t.database.db;
    const agencies = await db.selectFrom('agencies').select(['id', 'name', 'commune_code', 'kind']).execute();
    const communes = await db
      .selectFrom('units')
      .select('code')
      .where('level', '=', 'commune')
      .where('province_code', '=', '80')
      .where('valid_to', 'is', null)
      .execute();
    expect(agencies.filter((a) => a.commune_code !== null)).toHaveLength(communes.length);
    expect(agencies.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'Sở Xây dựng',
        'Sở Nông nghiệp và Môi trường',
        'Công an tỉnh',
        'Sở Khoa học và Công nghệ',
        'Tỉnh Đoàn Tây Ninh',
        'UBND phường Tân An',
      ]),
    );
    const routing = t.built.services.agencies.routing;
    const byId = new Map(agencies.map((a) => [a.id, a]));
    expect(byId.get((await routing.suggest('80', 'roads', '27712'))!)?.name).toBe('Sở Xây dựng');
    expect(byId.get((await routing.suggest('80', 'waste', '27712'))!)?.name).toBe('UBND phường Tân An');
    expect(byId.get((await routing.suggest('80', 'proposal_devices', null))!)?.kind).toBe('youth_union');
    expect(await routing.suggest('80', 'other', null)).toBeNull();
    expect(await t.built.services.agencies.settings.retentionMonths('80')).toBe(12);
    expect(
      (await db.selectFrom('case_reply_templates').select('id').execute()).length,
    ).toBeGreaterThanOrEqual(7);
  });

  it('ties each demo handler’s grant to its agency and lists them among the demo accounts', async () => {
    const rows = await t.database.db
      .selectFrom('grants')
      .innerJoin('users', 'users.id', 'grants.user_id')
      .innerJoin('agencies', 'agencies.id', 'grants.agency_id')
      .select(['users.email', 'agencies.name'])
      .where('grants.role', '=', 'agency_handler')
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.email, r.name]))).toEqual({
      'xuly@demo.congdongso.vn': 'Sở Xây dựng',
      'dienluc@demo.congdongso.vn': 'Công ty Điện lực Tây Ninh',
      'ubndtanan@demo.congdongso.vn': 'UBND phường Tân An',
    });
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/demo/accounts' });
    const emails = (listed.json().items as { email: string; role: string }[])
      .filter((a) => a.role === 'agency_handler')
      .map((a) => a.email);
    expect(emails.sort()).toEqual(Object.keys(DEMO_AGENCY_HANDLERS).sort());
  });
});
