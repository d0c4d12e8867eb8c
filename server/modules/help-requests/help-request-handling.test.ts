import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database';
import { recordInput } from '../teams/teams.fixtures';
import {
  act,
  COMMUNE_A,
  COMMUNE_B,
  createHelpWorld,
  drainEvents,
  fileRequest,
  getAs,
  nextAddress,
  nextPhone,
  PEOPLE,
  type HelpWorld,
  type Person,
} from './help-requests.fixtures';

/**
 * The staff's side of help requests (issue 11): the workflow, who may see and do what (the authorization matrix),
 * masked lists and the logged reveal, and completion by a linked support record — also one synced days later.
 */
describe(`help-request handling on ${testDialect()}`, () => {
  let w: HelpWorld;
  beforeAll(async () => {
    w = await createHelpWorld();
    // Monday 7 December 2026, 09:00 in Vietnam.
    w.t.clock.set('2026-12-07T02:00:00.000Z');
  });
  afterAll(async () => w.close());

  const state = async (id: string) =>
    (
      await w.t.database.db
        .selectFrom('help_requests')
        .select('state')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).state;
  const putRecord = (p: Person, record: Record<string, unknown>) =>
    w.t.app.inject({
      method: 'PUT',
      url: `/api/v1/support-records/${String(record.id)}`,
      headers: w.sessions[p].headers,
      payload: record,
    });

  it('walks new → assigned → scheduled → done by a linked support record, then takes one rating', async () => {
    const r = await fileRequest(w, { hamletId: w.h1 });
    const assigned = await act(w, 'L1', r.id, { action: 'assign', memberId: w.members.M1 });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ state: 'assigned', assignedMemberName: 'Thành viên M1' });
    const toldM1 = await w.t.database.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', w.users.M1)
      .where('kind', '=', 'help_request')
      .execute();
    expect(toldM1.map((n) => n.title)).toContain(`Yêu cầu ${r.code} được giao cho bạn`);

    // The member must go through the steps in order.
    expect((await act(w, 'M1', r.id, { action: 'cancel', reason: 'thử' })).statusCode).toBe(200);
    expect(await state(r.id)).toBe('cancelled');
    expect(
      (await act(w, 'M1', r.id, { action: 'schedule', scheduledFor: '2026-12-08T09:00:00+07:00' }))
        .statusCode,
    ).toBe(409);

    const r2 = await fileRequest(w, { hamletId: w.h1 });
    await act(w, 'L1', r2.id, { action: 'assign', memberId: w.members.M1 });
    const scheduled = await act(w, 'M1', r2.id, {
      action: 'schedule',
      scheduledFor: '2026-12-08T09:00:00+07:00',
      note: 'Đã gọi',
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toMatchObject({ state: 'scheduled', scheduledFor: '2026-12-08T02:00:00.000Z' });

    const record = recordInput(w.t1, w.h1, w.t.clock.now(), { helpRequestId: r2.id });
    expect((await putRecord('M1', record)).statusCode).toBe(201);
    await drainEvents(w);
    expect(await state(r2.id)).toBe('done');
    const detail = (await getAs(w, 'L1', `/api/v1/help-requests/${r2.id}`)).json();
    expect(detail.supportRecordId).toBe(record.id);
    expect(detail.timeline.map((u: { toState: string }) => u.toState)).toEqual([
      'new',
      'assigned',
      'scheduled',
      'done',
    ]);

    const rate = (token: string, rating: number) =>
      w.t.app.inject({
        method: 'POST',
        url: `/api/v1/help-requests/track/${r2.code}/rate`,
        payload: { token, rating, comment: 'Cảm ơn tổ' },
        remoteAddress: nextAddress(),
      });
    const tracked = (
      await w.t.app.inject({ method: 'GET', url: `/api/v1/help-requests/track/${r2.code}` })
    ).json();
    expect(tracked).toMatchObject({ state: 'done', canRate: true });
    expect(tracked.timeline).toHaveLength(4);
    expect((await rate(r2.token, 5)).statusCode).toBe(200);
    const again = await rate(r2.token, 1);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.messageVi).toMatch(/đã đánh giá/);
    const after = (
      await w.t.app.inject({ method: 'GET', url: `/api/v1/help-requests/track/${r2.code}` })
    ).json();
    expect(after).toMatchObject({ rating: 5, canRate: false });
  });

  it('closes a request when the linked record is synced days later from a phone that was offline', async () => {
    const r = await fileRequest(w, { hamletId: w.h1 });
    await act(w, 'L1', r.id, { action: 'assign', memberId: w.members.M1 });
    // Helped on Tuesday in the field, offline; the phone syncs on Thursday.
    const helpedAt = new Date('2026-12-08T03:00:00.000Z');
    w.t.clock.set('2026-12-10T08:00:00.000Z');
    const record = recordInput(w.t1, w.h1, helpedAt, { helpRequestId: r.id });
    const other = recordInput(w.t1, w.h1, helpedAt);
    const sync = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: w.sessions.M1.headers,
      payload: { records: [other, record] },
    });
    expect(sync.statusCode, sync.body).toBe(200);
    expect(sync.json().results.map((x: { status: string }) => x.status)).toEqual(['created', 'created']);
    expect(await state(r.id)).toBe('assigned');
    await drainEvents(w);
    expect(await state(r.id)).toBe('done');
    // A resend of the same batch changes nothing.
    await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: w.sessions.M1.headers,
      payload: { records: [record] },
    });
    await drainEvents(w);
    expect(await state(r.id)).toBe('done');
  });

  it('ignores a record from another commune’s team naming the request', async () => {
    const r = await fileRequest(w, { hamletId: w.h1 });
    const record = recordInput(w.tx, w.hc, w.t.clock.now(), { helpRequestId: r.id });
    expect((await putRecord('LX', record)).statusCode).toBe(201);
    await drainEvents(w);
    expect(await state(r.id)).toBe('new');
  });

  it('lists only what each person may see, phones masked, and lets only the right people act', async () => {
    const phone = nextPhone();
    const r = await fileRequest(w, { hamletId: w.h1, phone });
    await act(w, 'L1', r.id, { action: 'assign', memberId: w.members.M1 });
    const sees: Record<Person, boolean> = {
      L1: true,
      M1: true,
      M2: true,
      LC: false,
      OA: true,
      OB: false,
      LX: false,
      OC: false,
      admin: true,
      dept: true,
    };
    for (const p of PEOPLE) {
      const list = await getAs(w, p, '/api/v1/help-requests?state=open&limit=500');
      expect(list.statusCode, `${p} lists`).toBe(200);
      const item = list.json().items.find((i: { id: string }) => i.id === r.id);
      expect(Boolean(item), `${p} sees it in the list`).toBe(sees[p]);
      if (item) {
        expect(item.phoneMasked).toMatch(/•/);
        expect(list.body).not.toContain(phone.slice(2));
      }
      expect((await getAs(w, p, `/api/v1/help-requests/${r.id}`)).statusCode, `${p} reads it`).toBe(
        sees[p] ? 200 : 404,
      );
    }
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/help-requests' })).statusCode).toBe(401);

    const actions = async (p: Person) => (await getAs(w, p, `/api/v1/help-requests/${r.id}`)).json().actions;
    expect(await actions('L1')).toEqual(['assign', 'schedule', 'not_reached', 'cancel', 'reveal']);
    expect(await actions('M1')).toEqual(['schedule', 'not_reached', 'cancel', 'reveal']);
    expect(await actions('M2')).toEqual([]);
    expect(await actions('dept')).toEqual([]);
    expect(await actions('OA')).toEqual(['assign', 'schedule', 'not_reached', 'cancel', 'reveal']);

    // The name and address only for those who must go; M2 and the department see neither.
    expect((await getAs(w, 'M2', `/api/v1/help-requests/${r.id}`)).json()).toMatchObject({
      contactName: null,
      address: null,
    });
    expect((await getAs(w, 'M1', `/api/v1/help-requests/${r.id}`)).json().contactName).toBe('Trần Thị Bình');

    const schedule = { action: 'schedule', scheduledFor: '2026-12-11T09:00:00+07:00' };
    for (const p of ['M2', 'dept'] as const)
      expect((await act(w, p, r.id, schedule)).statusCode, p).toBe(403);
    for (const p of ['LC', 'OB', 'LX', 'OC'] as const)
      expect((await act(w, p, r.id, schedule)).statusCode, p).toBe(404);
    expect((await act(w, 'M1', r.id, { action: 'assign', memberId: w.members.M2 })).statusCode).toBe(403);
    // A leader hands it only to a member of the team.
    const outsider = await act(w, 'L1', r.id, { action: 'assign', memberId: 'not-a-member' });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.details[0].messageVi).toMatch(/thành viên/);
    expect((await act(w, 'L1', r.id, { action: 'assign', teamId: w.tc, memberId: null })).statusCode).toBe(
      403,
    );
    expect((await act(w, 'M1', r.id, schedule)).statusCode).toBe(200);
  });

  it('reveals the full phone only to those who must call, with the reason in the access log', async () => {
    const phone = nextPhone();
    const r = await fileRequest(w, { hamletId: w.h1, phone });
    await act(w, 'L1', r.id, { action: 'assign', memberId: w.members.M1 });
    const reveal = (p: Person, reason = 'Gọi để hẹn lịch hỗ trợ') =>
      w.t.app.inject({
        method: 'POST',
        url: `/api/v1/help-requests/${r.id}/reveal-contact`,
        headers: w.sessions[p].headers,
        payload: { reason },
      });
    expect((await reveal('M1', 'x')).statusCode).toBe(400);
    const ok = await reveal('M1');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ phone });
    expect((await reveal('M2')).statusCode).toBe(403);
    expect((await reveal('dept')).statusCode).toBe(403);
    expect((await reveal('OC')).statusCode).toBe(404);
    const log = await w.t.database.db
      .selectFrom('personal_data_access')
      .selectAll()
      .where('subject_id', '=', r.id)
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actor_user_id: w.users.M1,
      subject_type: 'help_request',
      field: 'phone',
      reason: 'Gọi để hẹn lịch hỗ trợ',
      commune_code: COMMUNE_A,
    });
  });

  it('lets the commune officers work their queue and route a request to a team of the commune', async () => {
    const queued = await fileRequest(w, { communeCode: COMMUNE_B });
    expect((await getAs(w, 'OA', `/api/v1/help-requests/${queued.id}`)).statusCode).toBe(404);
    const cancelled = await act(w, 'OB', queued.id, { action: 'cancel', reason: 'Người dân đã tự làm được' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', closeReason: 'Người dân đã tự làm được' });

    const r = await fileRequest(w, { hamletId: w.h2 });
    expect(r.routedTo).toBe('commune_team');
    expect((await getAs(w, 'L1', `/api/v1/help-requests/${r.id}`)).statusCode).toBe(404);
    const routed = await act(w, 'OA', r.id, { action: 'assign', teamId: w.t1, memberId: w.members.M1 });
    expect(routed.statusCode, routed.body).toBe(200);
    expect(routed.json()).toMatchObject({ teamId: w.t1, routedTo: 'hamlet_team', state: 'assigned' });
    expect((await getAs(w, 'L1', `/api/v1/help-requests/${r.id}`)).statusCode).toBe(200);
    expect((await getAs(w, 'LC', `/api/v1/help-requests/${r.id}`)).statusCode).toBe(404);
    const foreign = await act(w, 'OA', r.id, { action: 'assign', teamId: w.tx });
    expect(foreign.statusCode).toBe(400);
  });
});
