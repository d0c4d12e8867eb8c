import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/rules/permissions';
import { DEMO_SEED_EXTENSIONS } from '../../app';
import { createTestApp, signIn, testSealer, type TestApp } from '../../test/app';
import { loadOfficialUnits } from '../geography/index';
import { DEMO_ACCOUNT_SPECS, DEMO_COMMUNE_CODE } from './demo-accounts.data';
import { seedDemoProvince } from './demo-seed.service';
import { formatDemoAccountsTable } from './demo.service';

describe('GET /api/v1/demo/accounts in demo mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SEED: 'demo', DEMO_PASSWORD: 'Demo-password-2026' });
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    await seedDemoProvince({
      sealer: testSealer,
      db: t.database.db,
      clock: t.clock,
      config: t.config,
      extensions: DEMO_SEED_EXTENSIONS,
    });
  });
  afterAll(async () => t.close());

  it('lists one account per role with the shared password, never cached', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/demo/accounts' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { items } = res.json() as {
      items: {
        email: string;
        phone: string;
        password: string;
        role: string;
        unitCode: string;
        unitName: string;
        teamName: string | null;
        name: string;
      }[];
    };
    // Every role, in the order of ROLES; a role may have several accounts (the agency handlers of issue 10).
    expect([...new Set(items.map((i) => i.role))]).toEqual([...ROLES]);
    expect(items).toHaveLength(DEMO_ACCOUNT_SPECS.length);
    expect(new Set(items.map((i) => i.phone)).size).toBe(items.length);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual([
        'email',
        'name',
        'password',
        'phone',
        'role',
        'teamName',
        'unitCode',
        'unitName',
      ]);
      // A visitor reads places in words: no unit code and no hamlet id in the names.
      expect(item.unitName).not.toMatch(/^\d+$|[0-9a-f]{8}-[0-9a-f]{4}/);
      expect(item.phone).toMatch(/^\+84\d{9}$/);
      expect(item.password).toBe('Demo-password-2026');
    }
    expect(items.find((i) => i.role === 'province_admin')?.unitCode).toBe('80');
    expect(items.find((i) => i.role === 'commune_officer')?.unitCode).toBe(DEMO_COMMUNE_CODE);
    expect(items.find((i) => i.role === 'province_admin')).toMatchObject({
      unitName: 'Tỉnh Tây Ninh',
      teamName: null,
    });
    expect(items.find((i) => i.role === 'commune_officer')).toMatchObject({
      unitName: 'Phường Tân An',
      teamName: null,
    });
    for (const role of ['team_leader', 'team_member']) {
      const item = items.find((i) => i.role === role);
      expect(item?.unitName, role).toMatch(/^Khu phố .+, Phường Tân An$/);
      expect(item?.teamName, role).toMatch(/^Tổ /);
    }
  });

  it('gives accounts that sign in, by e-mail or by phone, and hold the advertised role', async () => {
    const { items } = (await t.app.inject({ method: 'GET', url: '/api/v1/demo/accounts' })).json() as {
      items: { email: string; phone: string; password: string; role: string; unitCode: string }[];
    };
    for (const item of items) {
      const byPhone = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { phone: `0${item.phone.slice(3)}`, password: item.password },
      });
      expect(byPhone.statusCode, item.role).toBe(200);
      expect(byPhone.json().user.email).toBe(item.email);
      const session = await signIn(t.app, item.email, item.password);
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: session.cookie },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json().grants).toEqual([
        expect.objectContaining({ role: item.role, unitCode: item.unitCode }),
      ]);
    }
  });

  it("prints the accounts for the console with the name of each one's unit", async () => {
    const items = await t.built.services.demo.listAccountsWithPlaces();
    expect(items.find((i) => i.role === 'province_admin')?.place).toBe('Tỉnh Tây Ninh');
    expect(items.find((i) => i.role === 'commune_officer')?.place).toBe('Phường Tân An');
    expect(items.find((i) => i.role === 'team_leader')?.place).toMatch(/^Tổ .+, Khu phố .+, Phường Tân An$/);
    const table = formatDemoAccountsTable(items, 'http://localhost:3000');
    expect(table).toContain('http://localhost:3000');
    expect(table).toContain('Demo-password-2026');
    for (const i of items) {
      expect(table).toContain(i.email);
      expect(table).toContain(i.phone);
    }
    expect(table.split('\n')).toHaveLength(items.length + 2);
  });
});

describe('GET /api/v1/demo/accounts with SEED=none', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SEED: 'none' });
  });
  afterAll(async () => t.close());

  it('answers 404 in the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/demo/accounts' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: expect.any(String), messageVi: expect.any(String) },
    });
  });
});
