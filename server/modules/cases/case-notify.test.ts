import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { testSealer } from '../../test/app';
import { testDialect } from '../../test/database';
import { MAIL_TO_CONTEXT, openSealed } from '../../platform/crypto/sealed-columns';
import { CONSENT_VERSION } from './cases.fixtures';
import { act, createHandlingWorld, fileReport, type HandlingWorld } from './case-handling.fixtures';
import { CASE_NOTIFY_JOB } from './case-notify';

/** Who hears of a case's events (issue 10): the reporter and followers by e-mail, the agency and raising team in the app. */
describe(`case notifications on ${testDialect()}`, () => {
  let w: HandlingWorld;
  beforeAll(async () => {
    w = await createHandlingWorld();
  });
  afterAll(async () => w.close());

  /** Events are dispatched by a 5-second scheduled slot: move the fake clock past it, then run what falls due. */
  const drain = async () => {
    for (let i = 0; i < 3; i++) {
      w.t.clock.set(new Date(w.t.clock.now().getTime() + 6_000).toISOString());
      await w.t.built.jobs.runUntilIdle();
    }
  };
  const mails = async () => {
    const rows = await w.t.database.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'body_text'])
      .execute();
    return rows.map((r) => ({ ...r, to: openSealed(testSealer, MAIL_TO_CONTEXT, r.to_address) }));
  };

  it('mails the reporter and the followers (with an unsubscribe link, addresses sealed) and tells the agency', async () => {
    const c = await fileReport(w, { email: 'reporter@example.vn' });
    const follow = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/follow`,
      payload: { email: 'hangxom@example.vn', consentVersion: CONSENT_VERSION },
    });
    expect(follow.statusCode, follow.body).toBeLessThan(300);
    await drain();
    const before = (await mails()).length;
    const res = await act(w, 'province_admin', c.id, {
      action: 'accept',
      severity: 'normal',
      assign: true,
      agencyId: w.agencyA,
    });
    expect(res.statusCode).toBe(200);
    await drain();
    // The agency's handler is also mailed through their notification settings (a staff address, not sealed).
    const sent = (await mails())
      .slice(before)
      .filter((m) => m.subject.includes(c.code) && !m.to!.endsWith('@test.local'));
    // Accepted is news for citizens; the assignment (the second step of the same action) is not.
    expect(sent.map((m) => m.to).sort()).toEqual(['hangxom@example.vn', 'reporter@example.vn']);
    for (const m of sent) expect(m.to_address).not.toContain('@');
    const toFollower = sent.find((m) => m.to === 'hangxom@example.vn')!;
    expect(toFollower.body_text).toContain('/api/v1/cases/unfollow?token=');
    expect(sent.find((m) => m.to === 'reporter@example.vn')!.body_text).not.toContain('unfollow');
    expect(toFollower.body_text).toContain(`/reports/${c.code}`);

    const forAgency = await w.t.database.db
      .selectFrom('notifications')
      .innerJoin('grants', 'grants.user_id', 'notifications.user_id')
      .select(['grants.agency_id', 'notifications.title'])
      .where('notifications.kind', '=', 'case')
      .where('notifications.title', 'like', `%${c.code}%`)
      .execute();
    expect(forAgency).toEqual([{ agency_id: w.agencyA, title: `Phản ánh mới cho cơ quan: ${c.code}` }]);
  });

  it('tells nobody twice when an event is delivered again', async () => {
    const c = await fileReport(w);
    await act(w, 'province_admin', c.id, { action: 'accept', severity: 'normal' });
    const event = await w.t.database.db
      .selectFrom('events')
      .selectAll()
      .where('entity_id', '=', c.id)
      .where('type', '=', 'case.transitioned')
      .executeTakeFirstOrThrow();
    const dispatched = {
      id: event.id,
      type: event.type,
      entityType: event.entity_type,
      entityId: event.entity_id,
      payload: JSON.parse(event.payload_json) as Record<string, unknown>,
      occurredAt: event.occurred_at,
    };
    await w.t.built.services.cases.notify.onEvent(dispatched);
    await w.t.built.services.cases.notify.onEvent(dispatched);
    const jobs = await w.t.database.db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', CASE_NOTIFY_JOB)
      .where('unique_key', '=', `${CASE_NOTIFY_JOB}:${event.id}`)
      .execute();
    expect(jobs).toHaveLength(1);
  });

  it('tells the raising team’s leader how its proposal moves', async () => {
    const id = uuidv7();
    const raised = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/proposals',
      headers: w.leader.headers,
      payload: {
        id,
        teamId: w.teamA.id,
        theme: 'proposal_training',
        title: 'Cần tập huấn',
        description: 'Tổ cần thêm một buổi tập huấn về dịch vụ công.',
      },
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const code = (raised.json() as { code: string }).code;
    await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      headers: w.coordinator.headers,
      payload: { action: 'accept', severity: 'normal' },
    });
    await drain();
    const told = await w.t.database.db
      .selectFrom('notifications')
      .innerJoin('team_members', 'team_members.user_id', 'notifications.user_id')
      .select(['team_members.role', 'notifications.title'])
      .where('notifications.title', 'like', `%${code}%`)
      .execute();
    expect(told).toEqual([{ role: 'leader', title: `Đề xuất ${code} đã được tiếp nhận` }]);
  });
});
