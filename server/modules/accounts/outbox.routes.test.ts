import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../test/app';
import { buildUser } from '../../test/factories';
import { createAccountsWorld, freshAddress, signInAs, type AccountsWorld } from './accounts.fixtures';

// The outbox shows working reset and invitation links, so it exists only in demo mode (SEED=demo), for the
// administrators of the demo province.
describe.each<{ name: string; env: Record<string, string> }>([
  { name: 'a development install without the demo seed', env: { NODE_ENV: 'development', SEED: 'none' } },
  { name: 'a test install without the demo seed', env: { NODE_ENV: 'test', SEED: 'none' } },
  { name: 'a production install', env: { NODE_ENV: 'production' } },
])('mail outbox reader in $name', ({ env }) => {
  let w: AccountsWorld;
  beforeAll(async () => {
    w = await createAccountsWorld(env);
  });
  afterAll(async () => w.t.close());

  it('does not exist, even for a province administrator with mail queued', async () => {
    const u = await buildUser(w.t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    const s = await signInAs(w.t, u.email, u.password);
    const invite = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: s.headers,
      payload: { name: 'Khách mời', email: 'guest@test.local', role: 'team_member', unitCode: w.hamlet },
    });
    expect(invite.statusCode).toBe(201);
    const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(res.body).not.toContain(invite.json().link);
  });
});

describe('mail outbox reader in demo mode', () => {
  let w: AccountsWorld;
  let admin: Session;
  let department: Session;
  let otherProvinceAdmin: Session;
  let officer: Session;
  beforeAll(async () => {
    w = await createAccountsWorld({ NODE_ENV: 'development', SEED: 'demo' });
    const db = w.t.database.db;
    const a = await buildUser(db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    admin = await signInAs(w.t, a.email, a.password);
    const d = await buildUser(db, { grants: [{ role: 'department_officer', unitCode: '80' }] });
    department = await signInAs(w.t, d.email, d.password);
    const b = await buildUser(db, { grants: [{ role: 'province_admin', unitCode: '79' }] });
    otherProvinceAdmin = await signInAs(w.t, b.email, b.password);
    const o = await buildUser(db, { grants: [{ role: 'commune_officer', unitCode: w.commune }] });
    officer = await signInAs(w.t, o.email, o.password);
  });
  afterAll(async () => w.t.close());

  const read = (s?: Session, query = '') =>
    w.t.app.inject({ method: 'GET', url: `/api/v1/outbox${query}`, headers: s ? { cookie: s.cookie } : {} });

  it('shows queued mails, with their links, to the demo province administrators', async () => {
    await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'nobody@test.local' },
      remoteAddress: freshAddress(),
    });
    const invite = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: admin.headers,
      payload: { name: 'Khách mời', email: 'guest@test.local', role: 'team_member', unitCode: w.hamlet },
    });
    expect(invite.statusCode).toBe(201);
    const res = await read(admin, '?limit=1');
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      to: 'guest@test.local',
      status: 'pending',
      subject: expect.stringContaining('Lời mời'),
    });
    expect(res.json().items[0].text).toContain(invite.json().link);
  });

  it('is closed to everyone else: other roles, another province’s administrator, anonymous callers', async () => {
    expect((await read(department)).statusCode).toBe(403);
    expect((await read(officer)).statusCode).toBe(403);
    expect((await read(otherProvinceAdmin)).statusCode).toBe(403);
    expect((await read()).statusCode).toBe(401);
  });
});
