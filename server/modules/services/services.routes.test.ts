import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';

describe('service catalogue', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    admin = await signIn(t.app, a.email, a.password);
    const o = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: '25459' }] });
    officer = await signIn(t.app, o.email, o.password);
  });
  afterAll(async () => t.close());

  it('is seeded for every deployment with the five skills and stable codes, public to read', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/services' });
    expect(r.statusCode).toBe(200);
    const items = r.json().items as {
      code: string;
      skill: string;
      name: string;
      nameEn: string;
      status: string;
      actions: string[];
    }[];
    expect(items.map((s) => s.code)).toEqual(
      expect.arrayContaining([
        'vneid_level2',
        'public_service_full',
        'public_service_partial',
        'payment_vietqr',
        'payment_bank_app',
        'payment_ewallet',
        'ecommerce_stall',
        'online_safety',
        'health_book',
        'province_app',
        'platform_qa',
        'platform_reports',
      ]),
    );
    expect(new Set(items.map((s) => s.skill))).toEqual(
      new Set(['public_services', 'online_shopping', 'online_payment', 'online_safety', 'local_platforms']),
    );
    expect(items.find((s) => s.code === 'vneid_level2')).toMatchObject({
      name: 'Định danh điện tử VNeID mức 2',
      status: 'active',
      actions: [],
    });
    const asAdmin = await t.app.inject({
      method: 'GET',
      url: '/api/v1/services',
      headers: { cookie: admin.cookie },
    });
    expect(asAdmin.json().items[0].actions).toEqual(['services.manage']);
  });

  it('lets province admins rename, retire and add services; codes are never reused', async () => {
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/services/province_app',
      headers: admin.headers,
      payload: { name: 'Ứng dụng Tây Ninh Smart', status: 'retired' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      code: 'province_app',
      name: 'Ứng dụng Tây Ninh Smart',
      status: 'retired',
    });
    const active = await t.app.inject({ method: 'GET', url: '/api/v1/services?status=active' });
    expect(active.json().items.map((s: { code: string }) => s.code)).not.toContain('province_app');
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/services',
      headers: admin.headers,
      payload: {
        code: 'tayninh_smart',
        name: 'Tây Ninh Smart',
        nameEn: 'Tay Ninh Smart',
        skill: 'local_platforms',
      },
    });
    expect(added.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/services',
      headers: admin.headers,
      payload: { code: 'province_app', name: 'Khác', nameEn: 'Other', skill: 'local_platforms' },
    });
    expect(again.statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'service')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['service.retired', 'service.created']);
  });

  it('documents the teams, services and support endpoints in the OpenAPI', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(r.statusCode).toBe(200);
    const paths = Object.keys(r.json().paths as object);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/services',
        '/api/v1/teams',
        '/api/v1/teams/{id}',
        '/api/v1/teams/{id}/members',
        '/api/v1/teams/{id}/stats',
        '/api/v1/support-records/{id}',
        '/api/v1/sync',
        '/api/v1/support-records/export.csv',
      ]),
    );
    expect(JSON.stringify(r.json().paths['/api/v1/sync'].post)).toContain('occurredAt');
  });

  it('refuses other roles (403), anonymous callers (401), unknown codes (404) and bad input (400)', async () => {
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/v1/services/health_book',
          headers: officer.headers,
          payload: { name: 'Sổ SK' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/v1/services/health_book',
          payload: { name: 'Sổ SK' },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/v1/services/no_such_code',
          headers: admin.headers,
          payload: { name: 'Không có' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/services',
          headers: admin.headers,
          payload: { code: 'Bad Code', name: 'x', nameEn: 'y', skill: 'magic' },
        })
      ).statusCode,
    ).toBe(400);
  });
});
