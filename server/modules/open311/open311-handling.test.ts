import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database';
import {
  act,
  assignedReport,
  COMMUNE_A,
  createHandlingWorld,
  fileReport,
  type HandlingWorld,
} from '../cases/case-handling.fixtures';
import { form } from './open311.fixtures';
import { parseLikeFixMyStreet } from './xml-simple.test-helper';

interface Update {
  update_id: string;
  service_request_id: string;
  status: string;
  description: string;
}

/**
 * Open311 over the handlers' real workflow (issue 10): a refusal for want of competence reaches FixMyStreet as
 * NOT_COUNCILS_RESPONSIBILITY (any other as NO_FURTHER_ACTION), and a citizen's comment posted through
 * servicerequestupdates is news, in the app, for whoever holds the case.
 */
describe(`Open311 and the handlers' workflow on ${testDialect()}`, () => {
  let w: HandlingWorld;
  let writerKey: string;
  beforeAll(async () => {
    w = await createHandlingWorld();
    const key = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: w.headers('province_admin'),
      payload: { name: 'FixMyStreet', scopes: ['open311:write'] },
    });
    expect(key.statusCode, key.body).toBe(201);
    writerKey = (key.json() as { secret: string }).secret;
  });
  afterAll(async () => w.close());

  const updatesOf = async (code: string, format: 'json' | 'xml' = 'json'): Promise<Update[]> => {
    const res = await w.t.app.inject({ method: 'GET', url: `/open311/v2/servicerequestupdates.${format}` });
    expect(res.statusCode, res.body).toBe(200);
    const all =
      format === 'json'
        ? (res.json() as Update[])
        : ((parseLikeFixMyStreet(res.body).request_update ?? []) as unknown as Update[]);
    return all.filter((u) => u.service_request_id === code);
  };

  /** Events are dispatched by a 5-second scheduled slot: move the fake clock past it, then run what falls due. */
  const drain = async () => {
    for (let i = 0; i < 3; i++) {
      w.t.clock.set(new Date(w.t.clock.now().getTime() + 6_000).toISOString());
      await w.t.built.jobs.runUntilIdle();
    }
  };

  it('records a refusal as not competent and shows it as NOT_COUNCILS_RESPONSIBILITY', async () => {
    const c = await fileReport(w);
    const res = await act(w, 'commune_officer:in', c.id, {
      action: 'refuse',
      reason: 'Việc này thuộc thẩm quyền của Công ty Điện lực, không thuộc UBND.',
      notCompetent: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await w.t.database.db
      .selectFrom('cases')
      .select(['state', 'refused_not_competent', 'refused_reason'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      state: 'refused',
      refused_not_competent: 1,
      refused_reason: 'Việc này thuộc thẩm quyền của Công ty Điện lực, không thuộc UBND.',
    });

    for (const format of ['json', 'xml'] as const) {
      const updates = await updatesOf(c.code, format);
      expect(updates.map((u) => u.status)).toEqual(['NOT_COUNCILS_RESPONSIBILITY']);
      expect(updates[0]!.description).toBe(
        'Việc này thuộc thẩm quyền của Công ty Điện lực, không thuộc UBND.',
      );
    }
    const [request] = (
      await w.t.app.inject({ method: 'GET', url: `/open311/v2/requests/${c.code}.json` })
    ).json() as { status: string; status_notes: string }[];
    expect(request).toMatchObject({
      status: 'closed',
      status_notes: 'Việc này thuộc thẩm quyền của Công ty Điện lực, không thuộc UBND.',
    });
  });

  it('keeps NO_FURTHER_ACTION for any other refusal, and 0 on the case', async () => {
    const c = await fileReport(w);
    const res = await act(w, 'commune_officer:in', c.id, {
      action: 'refuse',
      reason: 'Nội dung không đủ thông tin để xử lý.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await w.t.database.db
      .selectFrom('cases')
      .select('refused_not_competent')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.refused_not_competent).toBe(0);
    expect((await updatesOf(c.code)).map((u) => u.status)).toEqual(['NO_FURTHER_ACTION']);
  });

  const comment = (code: string, updateId: string) => {
    const f = form({
      api_key: writerKey,
      service_request_id: code,
      update_id: updateId,
      status: 'OPEN',
      description: 'Tối nay đèn lại tắt, nhờ kiểm tra thêm.',
      updated_datetime: '2026-12-01T09:30:00+07:00',
      email: 'hang.xom@example.vn',
      first_name: 'Hàng',
      last_name: 'Xóm',
    });
    return w.t.app.inject({
      method: 'POST',
      url: '/open311/v2/servicerequestupdates.json',
      payload: f.payload,
      headers: f.headers,
    });
  };

  /** The users told, in the app, of a comment on `code`, by the grant that makes them its holders. */
  const toldOfComment = async (code: string) =>
    w.t.database.db
      .selectFrom('notifications')
      .innerJoin('grants', 'grants.user_id', 'notifications.user_id')
      .select(['grants.role', 'grants.agency_id', 'grants.commune_code', 'notifications.title'])
      .where('notifications.kind', '=', 'case')
      .where('notifications.title', 'like', `%bình luận%${code}%`)
      .execute();

  it('tells the agency’s handlers in the app when a citizen comments through Open311, once', async () => {
    const c = await assignedReport(w);
    await drain();
    const posted = await comment(c.code, 'fms-n1');
    expect(posted.statusCode, posted.body).toBe(201);
    await drain();
    const told = await toldOfComment(c.code);
    expect(told).toEqual([
      {
        role: 'agency_handler',
        agency_id: w.agencyA,
        commune_code: COMMUNE_A,
        title: `Người dân bình luận phản ánh ${c.code}`,
      },
    ]);
    // The comment may name people: it stays on the case, not in the notification.
    const bodies = await w.t.database.db
      .selectFrom('notifications')
      .select('body')
      .where('title', 'like', `%bình luận%${c.code}%`)
      .execute();
    for (const b of bodies) expect(JSON.stringify(b)).not.toMatch(/Tối nay|hang\.xom|Hàng Xóm/);

    // FixMyStreet resending the same update is stored once, and tells nobody again.
    const again = await comment(c.code, 'fms-n1');
    expect(again.statusCode).toBe(200);
    await drain();
    expect(await toldOfComment(c.code)).toHaveLength(1);
  });

  it('tells the receiving officers of the commune when the case has no agency yet', async () => {
    const c = await fileReport(w);
    const posted = await comment(c.code, 'fms-n2');
    expect(posted.statusCode, posted.body).toBe(201);
    await drain();
    const told = await toldOfComment(c.code);
    expect(told.length).toBeGreaterThan(0);
    // Officers of commune A only (the case's commune), not those of commune B, nor any agency's handlers.
    for (const row of told) {
      expect(row).toMatchObject({ role: 'commune_officer', agency_id: null, commune_code: COMMUNE_A });
    }
  });
});
