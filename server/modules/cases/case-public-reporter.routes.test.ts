import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { testSealer } from '../../test/app';
import { testDialect } from '../../test/database';
import { COMMUNE_A } from '../teams/teams.fixtures';
import { CONSENT_VERSION, createPublicCasesWorld, type PublicCasesWorld } from './cases.fixtures';
import { unfollowToken } from './index';

/**
 * The case engine's public side through HTTP (issue 10), after filing: the reporter's rating and dispute with the
 * private token, "me too", and following by e-mail.
 */
describe(`public case routes on ${testDialect()}`, () => {
  let w: PublicCasesWorld;

  beforeAll(async () => {
    w = await createPublicCasesWorld(COMMUNE_A);
  });
  afterAll(async () => w.close());

  it('lets the reporter rate and dispute with the private token only, each once', async () => {
    const r = await w.filed();
    const rate = (token: string, rating = 4) =>
      w.t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${r.id}/rate`,
        payload: { token, rating, comment: 'Đã sửa xong' },
      });
    const dispute = (token: string) =>
      w.t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${r.id}/dispute`,
        payload: { token, reason: 'Đèn lại tắt sau hai ngày.' },
      });
    expect((await rate(r.reporterToken)).statusCode).toBe(409); // not answered yet
    await w.t.database.db
      .updateTable('cases')
      .set({
        state: 'answered',
        answered_at: w.t.clock.now().toISOString(),
        answer_text: 'Đã thay bóng đèn.',
        accepted_at: w.t.clock.now().toISOString(),
      })
      .where('id', '=', r.id)
      .execute();
    expect((await rate('x'.repeat(30))).statusCode).toBe(403);
    expect((await dispute('x'.repeat(30))).statusCode).toBe(403);
    const d = await dispute(r.reporterToken);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ state: 'in_progress' });
    const page = (await w.get(`/api/v1/cases/${r.id}`)).json() as {
      state: string;
      handleDueAt: string;
      timeline: { action: string | null; body: string }[];
    };
    expect(page.state).toBe('in_progress');
    expect(page.handleDueAt > w.t.clock.now().toISOString()).toBe(true);
    expect(page.timeline.map((u) => u.action)).toContain('reopen');
    expect(JSON.stringify(page.timeline)).not.toContain('Đèn lại tắt');
    await w.t.database.db
      .updateTable('cases')
      .set({ state: 'answered', answered_at: w.t.clock.now().toISOString() })
      .where('id', '=', r.id)
      .execute();
    expect((await dispute(r.reporterToken)).statusCode).toBe(409); // once only
    expect((await rate(r.reporterToken, 5)).statusCode).toBe(200);
    expect((await rate(r.reporterToken, 1)).statusCode).toBe(409);
    expect(
      (await w.get(`/api/v1/cases/${r.id}`)).json() as { rating: number; mayRate: boolean },
    ).toMatchObject({ rating: 5, mayRate: false });
  });

  it('counts "me too" once per device', async () => {
    const r = await w.filed();
    const device = uuidv7();
    const plus = (deviceId: string) =>
      w.t.app.inject({ method: 'POST', url: `/api/v1/cases/${r.id}/support`, payload: { deviceId } });
    expect((await plus(device)).json()).toMatchObject({ supporters: 1, added: true });
    expect((await plus(device)).json()).toMatchObject({ supporters: 1, added: false });
    expect((await plus(uuidv7())).json()).toMatchObject({ supporters: 2, added: true });
  });

  it('follows by e-mail with consent and stops with the link from a mail', async () => {
    const r = await w.filed();
    const follow = (payload: object) =>
      w.t.app.inject({ method: 'POST', url: `/api/v1/cases/${r.id}/follow`, payload });
    expect((await follow({ email: 'theo.doi@example.vn', consentVersion: '1999-01-01' })).statusCode).toBe(
      400,
    );
    expect((await follow({ email: 'Theo.Doi@example.vn', consentVersion: CONSENT_VERSION })).json()).toEqual({
      id: r.id,
      following: true,
    });
    expect((await follow({ email: 'theo.doi@example.vn', consentVersion: CONSENT_VERSION })).statusCode).toBe(
      200,
    );
    const rows = await w.t.database.db
      .selectFrom('case_followers')
      .selectAll()
      .where('case_id', '=', r.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.email).toMatch(/^s1\./);
    const consent = await w.t.database.db
      .selectFrom('consent_records')
      .selectAll()
      .where('subject_id', '=', rows[0]!.id)
      .executeTakeFirstOrThrow();
    expect(consent.subject_type).toBe('case_follower');
    expect((await w.get(`/api/v1/cases/unfollow?token=${rows[0]!.id}.1-forged`)).statusCode).toBe(404);
    const off = await w.get(
      `/api/v1/cases/unfollow?token=${encodeURIComponent(unfollowToken(testSealer, rows[0]!.id))}`,
    );
    expect(off.json()).toEqual({ following: false });
    const after = await w.t.database.db
      .selectFrom('case_followers')
      .selectAll()
      .where('id', '=', rows[0]!.id)
      .executeTakeFirstOrThrow();
    expect(after.unsubscribed_at).not.toBeNull();
    expect(after.email_hash).toBe(`erased:${after.id}`);
    expect(
      (
        await w.t.database.db
          .selectFrom('consent_records')
          .select('withdrawn_at')
          .where('id', '=', after.id)
          .executeTakeFirstOrThrow()
      ).withdrawn_at,
    ).not.toBeNull();
  });
});
