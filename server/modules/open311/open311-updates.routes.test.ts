import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database';
import { buildAgency } from '../agencies/agencies.fixtures';
import { createOpen311World, type Open311World, START, walkCase } from './open311.fixtures';
import { rootName } from './xml-simple.test-helper';

/**
 * Open311 GeoReport v2 servicerequestupdates: the handlers' side as a feed, and the reporter's comments, closing and
 * REOPEN.
 */
describe(`Open311 GeoReport v2 routes on ${testDialect()}`, () => {
  let w: Open311World;
  let agency: string;

  beforeAll(async () => {
    w = await createOpen311World();
    agency = await buildAgency(w.t.database.db, { name: 'Sở Xây dựng' });
  });
  afterAll(async () => w.close());

  it('status_notes, agency and answer; servicerequestupdates GET with statuses; POST comments and the reporter closing', async () => {
    const r = await w.submit({ description: 'Đèn đường số 9 chập chờn cả tuần.' });
    const code = r.json()[0].service_request_id as string;
    const c = await w.t.database.db
      .selectFrom('cases')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    w.t.clock.set('2026-12-02T02:00:00.000Z');
    const [, , answerId] = await walkCase(
      w.t.database.db,
      c.id,
      [
        { action: 'accept', to: 'accepted' },
        { action: 'assign', to: 'assigned' },
        { action: 'answer', to: 'answered', body: 'Đã thay bóng đèn.' },
      ],
      w.t.clock.now().toISOString(),
      agency,
    );
    const [req] = (await w.get(`/open311/v2/requests/${code}.json`)).json();
    expect(req).toMatchObject({
      status: 'closed',
      status_notes: 'Đã thay bóng đèn.',
      agency_responsible: 'Sở Xây dựng',
    });

    const feed = await w.get(
      '/open311/v2/servicerequestupdates.json?start_date=2026-12-02T00:00:00%2B07:00&end_date=2026-12-03T00:00:00%2B07:00',
    );
    const updates = (
      feed.json() as { service_request_id: string; status: string; update_id: string }[]
    ).filter((u) => u.service_request_id === code);
    expect(updates.map((u) => u.status)).toEqual(['INVESTIGATING', 'ACTION_SCHEDULED', 'FIXED']);
    expect(updates[2]!.update_id).toBe(answerId);
    expect(Object.keys(updates[0]!)).toEqual([
      'update_id',
      'service_request_id',
      'status',
      'updated_datetime',
      'description',
      'media_url',
    ]);

    // Someone else says it is closed: only a comment. The reporter says it: the answered case closes.
    const comment = await w.post('/open311/v2/servicerequestupdates.json', {
      api_key: w.writer.secret,
      service_request_id: code,
      update_id: 'fms-c1',
      status: 'CLOSED',
      description: 'Tối qua đèn đã sáng.',
      updated_datetime: '2026-12-02T09:10:00+07:00',
      email: 'hang.xom@example.vn',
      first_name: 'Hàng',
      last_name: 'Xóm',
    });
    expect(comment.statusCode).toBe(201);
    const commentId = comment.json()[0].update_id as string;
    expect(
      (
        await w.t.database.db
          .selectFrom('cases')
          .select('state')
          .where('id', '=', c.id)
          .executeTakeFirstOrThrow()
      ).state,
    ).toBe('answered');
    const stored = await w.t.database.db
      .selectFrom('case_updates')
      .selectAll()
      .where('id', '=', commentId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      kind: 'citizen_comment',
      public: 1,
      body: 'Tối qua đèn đã sáng.',
      api_key_id: w.writer.id,
      external_ref: 'fms-c1',
    });
    const resend = await w.post('/open311/v2/servicerequestupdates.json', {
      api_key: w.writer.secret,
      service_request_id: code,
      update_id: 'fms-c1',
      status: 'CLOSED',
      description: 'Tối qua đèn đã sáng.',
    });
    expect(resend.statusCode).toBe(200);
    expect(resend.json()).toEqual([{ update_id: commentId }]);

    const closing = await w.post('/open311/v2/servicerequestupdates.xml', {
      api_key: w.writer.secret,
      service_request_id: code,
      update_id: 'fms-c2',
      status: 'FIXED',
      description: 'Cảm ơn, đã sửa.',
      email: 'Nguoi.Bao@example.vn',
    });
    expect(closing.statusCode).toBe(201);
    expect(rootName(closing.body)).toBe('service_request_updates');
    const after = await w.t.database.db
      .selectFrom('cases')
      .select(['state', 'closed_at'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ state: 'closed', closed_at: w.t.clock.now().toISOString() });
    const actions = await w.t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', c.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['case.commented', 'case.closed']));
    const events = await w.t.database.db
      .selectFrom('events')
      .select(['type', 'payload_json'])
      .where('entity_id', '=', c.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['case.commented', 'case.transitioned']),
    );
    for (const e of events) expect(e.payload_json).not.toContain('example.vn');
    for (const body of [
      (await w.get(`/open311/v2/servicerequestupdates.json`)).body,
      (await w.get(`/open311/v2/requests/${code}.xml`)).body,
    ]) {
      expect(body).not.toContain('hang.xom');
      expect(body).not.toContain('Xóm');
    }
    // Comments are the citizens' own: the feed a client polls carries the handlers' side only.
    const feed2 = (await w.get('/open311/v2/servicerequestupdates.json')).json() as {
      update_id: string;
      status: string;
    }[];
    expect(feed2.some((u) => u.update_id === commentId)).toBe(false);
    expect(feed2.at(-1)!.status).toBe('CLOSED');
    expect(
      (
        await w.post('/open311/v2/servicerequestupdates.json', {
          api_key: w.writer.secret,
          service_request_id: 'PAKN.20200101.0001',
          status: 'OPEN',
          description: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await w.post('/open311/v2/servicerequestupdates.json', {
          api_key: w.writer.secret,
          service_request_id: code,
          status: 'MAYBE',
          description: 'x',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('REOPEN by the reporter disputes an answer within 7 days, once', async () => {
    w.t.clock.set(START);
    const r = await w.submit({ description: 'Đèn đường số 11 tắt từ tuần trước.' });
    const code = r.json()[0].service_request_id as string;
    const c = await w.t.database.db
      .selectFrom('cases')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    await walkCase(
      w.t.database.db,
      c.id,
      [
        { action: 'accept', to: 'accepted' },
        { action: 'assign', to: 'assigned' },
        { action: 'answer', to: 'answered', body: 'Đã sửa.' },
      ],
      w.t.clock.now().toISOString(),
      agency,
    );
    const reopen = () =>
      w.post('/open311/v2/servicerequestupdates.json', {
        api_key: w.writer.secret,
        service_request_id: code,
        status: 'REOPEN',
        description: 'Vẫn chưa sáng.',
        email: 'nguoi.bao@example.vn',
      });
    expect((await reopen()).statusCode).toBe(201);
    const row = await w.t.database.db
      .selectFrom('cases')
      .select(['state', 'reopen_count', 'handle_due_at'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'in_progress', reopen_count: 1 });
    expect(row.handle_due_at! > w.t.clock.now().toISOString()).toBe(true);
    const feed = (await w.get(`/open311/v2/servicerequestupdates.json`)).json() as {
      service_request_id: string;
      status: string;
    }[];
    expect(feed.filter((u) => u.service_request_id === code).at(-1)!.status).toBe('REOPEN');
  });
});
