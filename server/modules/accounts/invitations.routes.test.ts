import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../platform/auth/actor';
import { buildUser } from '../../test/factories';
import { createAccountsWorld, freshAddress, mailsTo, signInAs, tokenIn, type AccountsWorld } from './accounts.fixtures';
import { createInvitation } from './index';
import { sealedUserPhone } from '../../test/factories';
import { testSealer } from '../../test/app';

describe('invitations', () => {
  let w: AccountsWorld;
  let officer: Awaited<ReturnType<typeof signInAs>>;
  beforeAll(async () => {
    w = await createAccountsWorld();
    const u = await buildUser(w.t.database.db, { name: 'Cán bộ Tân Ninh', grants: [{ role: 'commune_officer', unitCode: w.commune }] });
    officer = await signInAs(w.t, u.email, u.password);
  });
  afterAll(async () => w.t.close());

  const invite = (payload: Record<string, unknown>, headers: Record<string, string> = officer.headers) =>
    w.t.app.inject({ method: 'POST', url: '/api/v1/invitations', payload, headers });
  const accept = (token: string, payload: Record<string, unknown>) =>
    w.t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload, remoteAddress: freshAddress() });

  it('invites by e-mail, shows the invitation, accepts it and signs in with the grant', async () => {
    const res = await invite({ name: 'Trần Thị Hoa', email: 'hoa@test.local', role: 'team_member', unitCode: w.hamlet });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.link).toMatch(new RegExp(`^${w.t.config.publicUrl}/invitations/[A-Za-z0-9_-]{43}$`));
    expect(new Date(created.expiresAt).getTime() - w.t.clock.now().getTime()).toBe(7 * 24 * 3_600_000);
    const [mail] = await mailsTo(w.t.database.db, 'hoa@test.local');
    expect(mail?.body_text).toContain(created.link);
    expect(mail?.body_text).toContain('Cán bộ Tân Ninh mời bạn');
    expect(mail?.body_text).toContain('Khu phố 1');

    const token = tokenIn(created.link, '/invitations/');
    const view = await w.t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toEqual({
      name: 'Trần Thị Hoa',
      email: 'hoa@test.local',
      phoneMasked: null,
      role: 'team_member',
      unitCode: w.hamlet,
      unitName: 'Khu phố 1',
      expiresAt: created.expiresAt,
    });

    const accepted = await accept(token, { password: 'hoa-password-2026' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ name: 'Trần Thị Hoa', email: 'hoa@test.local' });
    const cookie = accepted.cookies.find((c) => c.name === 'cds_session');
    expect(cookie?.httpOnly).toBe(true);
    const me = await w.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `cds_session=${cookie!.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().grants).toEqual([expect.objectContaining({ role: 'team_member', unitCode: w.hamlet, unitName: 'Khu phố 1' })]);
    expect(me.json().actions).toContain('support.capture');

    const event = await w.t.database.db.selectFrom('events').selectAll().where('type', '=', 'invitation.accepted').where('entity_id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload_json)).toEqual({
      invitationId: created.id,
      userId: accepted.json().user.id,
      role: 'team_member',
      unitCode: w.hamlet,
      payload: {},
    });
    expect((await w.t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).statusCode).toBe(404);
    const twice = await accept(token, { password: 'hoa-password-2026' });
    expect(twice.statusCode).toBe(404);
    expect(twice.json().error.messageVi).toContain('Lời mời');
  });

  it('invites by phone only: the link goes by the SMS/Zalo webhook, and the account needs no e-mail', async () => {
    const before = await w.t.database.db.selectFrom('mail_outbox').select('id').execute();
    const res = await invite({ name: 'Lê Văn Tâm', phone: '84912345678', role: 'team_leader', unitCode: w.secondHamlet });
    expect(res.statusCode).toBe(201);
    expect(await w.t.database.db.selectFrom('mail_outbox').select('id').execute()).toHaveLength(before.length);
    const jobs = await w.t.database.db.selectFrom('jobs').select('payload_json').where('name', '=', 'accounts.phoneMessage').execute();
    const message = jobs.map((j) => JSON.parse(j.payload_json)).find((p) => p.link === res.json().link);
    // The queued number is sealed; it is opened only when the webhook call is made.
    expect(message.to).toMatch(/^s1\./);
    expect(message).toMatchObject({ purpose: 'invitation' });
    expect(testSealer.open(message.to, 'jobs.phone_message')).toBe('+84912345678');
    expect(message.text).toContain(res.json().link);
    const token = tokenIn(res.json().link, '/invitations/');
    const view = await w.t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(view.json()).toMatchObject({ email: null, phoneMasked: '09•• ••• 678' });
    const weak = await accept(token, { password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe('password');
    const ok = await accept(token, { password: 'tam-password-2026', name: 'Lê Văn Tâm (ấp 2)' });
    expect(ok.statusCode).toBe(200);
    const user = await w.t.database.db.selectFrom('users').selectAll().where('phone_hash', '=', sealedUserPhone('+84912345678').phone_hash).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: null, name: 'Lê Văn Tâm (ấp 2)' });
    const byPhone = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: '0912345678', password: 'tam-password-2026' },
      remoteAddress: freshAddress(),
    });
    expect(byPhone.statusCode).toBe(200);
  });

  it('invites by phone with an e-mail given at acceptance', async () => {
    const res = await invite({ name: 'Lê Thị Hai', phone: '0912345699', role: 'team_member', unitCode: w.secondHamlet });
    const ok = await accept(tokenIn(res.json().link, '/invitations/'), { password: 'hai-password-2026', email: 'hai@test.local' });
    expect(ok.statusCode).toBe(200);
    const user = await w.t.database.db.selectFrom('users').selectAll().where('email', '=', 'hai@test.local').executeTakeFirstOrThrow();
    // Stored sealed, found by its keyed hash.
    expect(user.phone).toMatch(/^s1\./);
    expect(testSealer.open(user.phone!, 'users.phone')).toBe('+84912345699');
    expect(user.phone_hash).toBe(sealedUserPhone('+84912345699').phone_hash);
  });

  it('adds the grant to an existing account only with its password', async () => {
    const existing = await buildUser(w.t.database.db, { name: 'Phạm Minh', grants: [{ role: 'team_member', unitCode: w.commune }] });
    const res = await invite({ name: 'Someone else', email: existing.email, role: 'team_leader', unitCode: w.hamlet });
    const token = tokenIn(res.json().link, '/invitations/');
    const wrong = await accept(token, { password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    const other = await accept(token, { password: existing.password, email: 'other@test.local' });
    expect(other.statusCode).toBe(400);
    const ok = await accept(token, { password: existing.password });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ id: existing.id, name: 'Phạm Minh' });
    const grants = await w.t.database.db.selectFrom('grants').select(['role', 'unit_code', 'level', 'commune_code', 'hamlet_id']).where('user_id', '=', existing.id).orderBy('role').execute();
    expect(grants).toEqual([
      { role: 'team_leader', unit_code: w.hamlet, level: 'hamlet', commune_code: w.commune, hamlet_id: w.hamlet },
      { role: 'team_member', unit_code: w.commune, level: 'commune', commune_code: w.commune, hamlet_id: null },
    ]);
  });

  it('lets another module invite with a payload it gets back in the event', async () => {
    const leader = await buildUser(w.t.database.db, { grants: [{ role: 'team_leader', unitCode: w.hamlet, communeCode: w.commune }] });
    const leaderActor = {
      kind: 'user' as const,
      user: { id: leader.id, name: 'Tổ trưởng', email: leader.email, phone: null, locale: 'vi' as const },
      grants: [{ role: 'team_leader' as const, unitCode: w.hamlet, level: 'hamlet' as const, provinceCode: '80', communeCode: w.commune, hamletId: w.hamlet }],
      sessionId: 'test',
      csrfToken: 'test',
    };
    const ctx = { actor: leaderActor, ip: null, requestId: null, at: w.t.clock.now().toISOString(), publicUrl: w.t.config.publicUrl, sealer: testSealer };
    const db = w.t.database.db;
    // The teams module invites under its own management right; a leader's grant alone gives nothing at its own hamlet.
    const created = await db.transaction().execute((trx) =>
      createInvitation(
        trx,
        { name: 'Đỗ Thị Mai', phone: '+84987654321', role: 'team_member', unitCode: w.hamlet, payload: { teamId: 'team-1', memberRole: 'member' }, authority: 'team' },
        ctx,
      ),
    );
    await expect(
      db.transaction().execute((trx) => createInvitation(trx, { name: 'Đỗ Văn Ba', role: 'team_member', unitCode: w.hamlet }, ctx)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      db.transaction().execute((trx) => createInvitation(trx, { name: 'Đỗ Văn Ba', role: 'team_leader', unitCode: w.hamlet }, ctx)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      db.transaction().execute((trx) =>
        createInvitation(trx, { name: 'Đỗ Văn Ba', role: 'commune_officer', unitCode: w.commune }, ctx),
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      db.transaction().execute((trx) => createInvitation(trx, { name: 'Đỗ Văn Ba', role: 'team_member', unitCode: w.secondHamlet, authority: 'team' }, ctx)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      db.transaction().execute((trx) => createInvitation(trx, { name: 'Đỗ Văn Ba', role: 'team_member', unitCode: w.hamlet }, { ...ctx, actor: ANONYMOUS })),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const ok = await accept(created.token, { password: 'mai-password-2026', email: 'mai@test.local' });
    expect(ok.statusCode).toBe(200);
    const event = await db.selectFrom('events').selectAll().where('entity_id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload_json).payload).toEqual({ teamId: 'team-1', memberRole: 'member' });
  });

  it('enforces scope, delegation and role levels', async () => {
    const anonymous = await w.t.app.inject({ method: 'POST', url: '/api/v1/invitations', payload: { name: 'Ai đó', role: 'team_member', unitCode: w.hamlet } });
    expect(anonymous.statusCode).toBe(401);
    const cases: [Record<string, unknown>, number][] = [
      [{ name: 'Ngoài xã', role: 'team_member', unitCode: w.otherCommuneHamlet }, 403],
      [{ name: 'Ngoài xã', role: 'commune_officer', unitCode: w.otherCommune }, 403],
      [{ name: 'Tỉnh', role: 'province_admin', unitCode: '80' }, 403],
      [{ name: 'Không giao được', role: 'youth_union_coordinator', unitCode: w.commune }, 403],
      [{ name: 'Sai cấp', role: 'department_officer', unitCode: w.commune }, 400],
      [{ name: 'Sai cấp', role: 'commune_officer', unitCode: w.hamlet }, 400],
      [{ name: 'Không có đơn vị', role: 'team_member', unitCode: '99999' }, 400],
      // A grant at one's own level needs the level above: a commune officer cannot make a fellow commune officer.
      [{ name: 'Đồng nghiệp', role: 'commune_officer', unitCode: w.commune }, 403],
      [{ name: 'Tổ viên', role: 'team_member', unitCode: w.hamlet }, 201],
    ];
    for (const [payload, status] of cases) {
      const res = await invite(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      if (status !== 201) expect(res.json().error.messageVi).toBeTruthy();
    }
  });

  it('expires after seven days and validates input', async () => {
    const res = await invite({ name: 'Hết hạn', email: 'late@test.local', role: 'team_member', unitCode: w.hamlet });
    const token = tokenIn(res.json().link, '/invitations/');
    w.t.clock.advance(7 * 24 * 3_600_000 + 1000);
    expect((await w.t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).statusCode).toBe(404);
    expect((await accept(token, { password: 'late-password-2026' })).statusCode).toBe(404);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/invitations/short' })).statusCode).toBe(400);

    const bad = [
      { role: 'team_member', unitCode: w.hamlet },
      { name: 'X Y', role: 'mayor', unitCode: w.hamlet },
      { name: 'X Y', role: 'team_member', unitCode: w.hamlet, email: 'nope' },
      { name: 'X Y', role: 'team_member', unitCode: w.hamlet, phone: '12345' },
      { name: 'X Y', role: 'team_member', unitCode: w.hamlet, extra: 1 },
    ];
    for (const payload of bad) {
      const r = await invite(payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION');
    }
    const unknownField = await accept('x'.repeat(43), { password: 'whatever-password', admin: true });
    expect(unknownField.statusCode).toBe(400);
  });
});
