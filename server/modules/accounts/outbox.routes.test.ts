import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { signInAs } from './accounts.fixtures';

// The demo/dev reader (administrators only) is covered in audit.routes.test.ts next to the mails it shows.
describe('mail outbox reader in production', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ NODE_ENV: 'production', SEED: 'none' });
  });
  afterAll(async () => prod.close());

  it('does not exist without the demo seed', async () => {
    const u = await buildUser(prod.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    const s = await signInAs(prod, u.email, u.password);
    const res = await prod.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('mail outbox reader in a production demo install', () => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await createTestApp({ NODE_ENV: 'production', SEED: 'demo' });
  });
  afterAll(async () => demo.close());

  it('is readable by administrators', async () => {
    const u = await buildUser(demo.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    const s = await signInAs(demo, u.email, u.password);
    const res = await demo.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });
});
