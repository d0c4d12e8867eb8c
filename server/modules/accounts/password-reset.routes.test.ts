import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../platform/auth/tokens';
import { buildUser } from '../../test/factories';
import { createAccountsWorld, freshAddress, mailsTo, signInAs, tokenIn, type AccountsWorld } from './accounts.fixtures';
import { RESETS_PER_ADDRESS_PER_HOUR } from './password-reset.service';
import { testSealer } from '../../test/app';

describe('password reset', () => {
  let w: AccountsWorld;
  beforeAll(async () => {
    w = await createAccountsWorld();
  });
  afterAll(async () => w.t.close());

  const requestReset = (email: string, remoteAddress = freshAddress()) =>
    w.t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, remoteAddress });
  const confirm = (payload: Record<string, unknown>) =>
    w.t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload, remoteAddress: freshAddress() });

  it('mails a working single-use link, sets the password and ends every session', async () => {
    const u = await buildUser(w.t.database.db, { grants: [{ role: 'commune_officer', unitCode: w.commune }] });
    const session = await signInAs(w.t, u.email, u.password);

    const res = await requestReset(u.email.toUpperCase());
    expect(res.statusCode).toBe(202);
    expect(res.json().messageVi).toContain('liên kết');
    const [mail] = await mailsTo(w.t.database.db, u.email);
    expect(mail?.subject).toContain('Đặt lại mật khẩu');
    expect(mail?.body_text).toContain('reset the password');
    expect(mail?.body_text).toContain(`${w.t.config.publicUrl}/reset-password?token=`);
    const token = tokenIn(mail!.body_text, '/reset-password?token=');
    const stored = await w.t.database.db.selectFrom('auth_tokens').selectAll().where('email', '=', u.email).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(hashSecret(token));
    expect(stored[0]!.kind).toBe('password_reset');

    const done = await confirm({ token, password: 'a-brand-new-password' });
    expect(done.statusCode).toBe(204);
    const me = await w.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
    await expect(signInAs(w.t, u.email, u.password)).rejects.toThrow(/401/);
    await expect(signInAs(w.t, u.email, 'a-brand-new-password')).resolves.toHaveProperty('csrfToken');

    const again = await confirm({ token, password: 'yet-another-password' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('VALIDATION');
    expect(again.json().error.messageVi).toContain('hết hạn');
    const audit = await w.t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', u.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']));
  });

  it('answers the same for unknown and disabled accounts and mails nothing', async () => {
    const disabled = await buildUser(w.t.database.db, { status: 'disabled' });
    const known = await buildUser(w.t.database.db);
    const a = await requestReset('nobody-here@test.local');
    const b = await requestReset(disabled.email);
    const c = await requestReset(known.email);
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([202, 202, 202]);
    expect(a.json()).toEqual(c.json());
    expect(await mailsTo(w.t.database.db, 'nobody-here@test.local')).toHaveLength(0);
    expect(await mailsTo(w.t.database.db, disabled.email)).toHaveLength(0);
    expect(await mailsTo(w.t.database.db, known.email)).toHaveLength(1);
  });

  it('refuses an expired link and clears a lock when the reset succeeds', async () => {
    const u = await buildUser(w.t.database.db);
    await requestReset(u.email);
    const expired = tokenIn((await mailsTo(w.t.database.db, u.email))[0]!.body_text, '/reset-password?token=');
    w.t.clock.advance(61 * 60_000);
    const late = await confirm({ token: expired, password: 'a-brand-new-password' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toMatch(/expired/);

    await requestReset(u.email);
    const mails = await mailsTo(w.t.database.db, u.email);
    const fresh = tokenIn(mails[mails.length - 1]!.body_text, '/reset-password?token=');
    expect((await confirm({ token: fresh, password: 'unlocked-password-1' })).statusCode).toBe(204);
    await expect(signInAs(w.t, u.email, 'unlocked-password-1')).resolves.toHaveProperty('csrfToken');
  });

  it('limits mails per mailbox and requests per client address', async () => {
    const u = await buildUser(w.t.database.db);
    for (let i = 0; i < RESETS_PER_ADDRESS_PER_HOUR + 2; i++) expect((await requestReset(u.email)).statusCode).toBe(202);
    expect(await mailsTo(w.t.database.db, u.email)).toHaveLength(RESETS_PER_ADDRESS_PER_HOUR);

    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await requestReset('someone@test.local', address)).statusCode);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('rejects bad input in the error shape', async () => {
    const cases = [
      { url: '/api/v1/auth/password-reset', payload: { email: 'not-an-email' } },
      { url: '/api/v1/auth/password-reset', payload: { email: 'a@b.vn', extra: true } },
      { url: '/api/v1/auth/password-reset/confirm', payload: { token: 'x'.repeat(43), password: 'short' } },
      { url: '/api/v1/auth/password-reset/confirm', payload: { password: 'long-enough-password' } },
      { url: '/api/v1/auth/password-reset/confirm', payload: { token: 'x'.repeat(43), password: 'long-enough-password' } },
    ];
    for (const c of cases) {
      const res = await w.t.app.inject({ method: 'POST', url: c.url, payload: c.payload, remoteAddress: freshAddress() });
      expect(res.statusCode, JSON.stringify(c)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
  });

  it('sends the link by phone (webhook job) for a phone number, the same 202 for unknown numbers', async () => {
    const u = await buildUser(w.t.database.db, { phone: '+84913000222' });
    const phoneJobs = () =>
      w.t.database.db.selectFrom('jobs').select('payload_json').where('name', '=', 'accounts.phoneMessage').execute();
    const before = (await phoneJobs()).length;
    const mailsBefore = (await mailsTo(w.t.database.db, u.email)).length;
    const res = await w.t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { phone: '0913 000 222' }, remoteAddress: freshAddress() });
    const unknown = await w.t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { phone: '0913000999' }, remoteAddress: freshAddress() });
    expect(res.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(res.json());
    const jobs = (await phoneJobs()).map((j) => JSON.parse(j.payload_json));
    expect(jobs).toHaveLength(before + 1);
    const message = jobs[jobs.length - 1];
    expect(message).toMatchObject({ purpose: 'password_reset' });
    expect(testSealer.open(message.to, 'jobs.phone_message')).toBe('+84913000222');
    expect((await mailsTo(w.t.database.db, u.email)).length).toBe(mailsBefore);
    const token = tokenIn(message.link, '/reset-password?token=');
    expect((await confirm({ token, password: 'phone-reset-password-1' })).statusCode).toBe(204);
    const signedIn = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: '+84913000222', password: 'phone-reset-password-1' },
      remoteAddress: freshAddress(),
    });
    expect(signedIn.statusCode).toBe(200);
  });
});
