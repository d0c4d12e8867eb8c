import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { notifyUsers } from './index';

describe('notification routes', () => {
  let t: TestApp;
  let alice: { id: string; email: string; password: string };
  let bob: { id: string; email: string; password: string };
  let aliceSession: Session;
  let bobNotificationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    alice = await buildUser(t.database.db);
    bob = await buildUser(t.database.db);
    aliceSession = await signIn(t.app, alice.email, alice.password);
    for (const n of [1, 2, 3]) {
      t.clock.advance(1000);
      const at = t.clock.now().toISOString();
      await t.database.db.transaction().execute((trx) =>
        notifyUsers(
          trx,
          {
            userIds: [alice.id],
            kind: 'team',
            title: `Tin ${n}`,
            body: `Nội dung ${n}`,
            link: `/teams/${n}`,
          },
          at,
        ),
      );
    }
    const bobIds = await t.database.db
      .transaction()
      .execute((trx) =>
        notifyUsers(
          trx,
          { userIds: [bob.id], kind: 'account', title: 'Bob', body: 'x' },
          t.clock.now().toISOString(),
        ),
      );
    bobNotificationId = bobIds[0]!;
  });
  afterAll(async () => t.close());

  const get = (url: string, session?: Session) =>
    t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
  const post = (url: string, session?: Session) =>
    t.app.inject({ method: 'POST', url, headers: session ? session.headers : {} });

  it('answers 401 to anonymous callers on every route', async () => {
    const responses = await Promise.all([
      get('/api/v1/notifications'),
      post('/api/v1/notifications/read-all'),
      post(`/api/v1/notifications/${bobNotificationId}/read`),
      get('/api/v1/notifications/preferences'),
      t.app.inject({ method: 'PUT', url: '/api/v1/notifications/preferences', payload: { items: [] } }),
    ]);
    for (const r of responses) {
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lists my notifications newest first, paged, with the unread count and allowed actions', async () => {
    const first = await get('/api/v1/notifications?limit=2', aliceSession);
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.unreadCount).toBe(3);
    expect(page1.items.map((i: { title: string }) => i.title)).toEqual(['Tin 3', 'Tin 2']);
    expect(page1.items[0]).toMatchObject({
      kind: 'team',
      body: 'Nội dung 3',
      link: '/teams/3',
      readAt: null,
      actions: ['markRead'],
    });
    expect(page1.nextCursor).toEqual(expect.any(String));

    const second = await get(`/api/v1/notifications?limit=2&cursor=${page1.nextCursor}`, aliceSession);
    expect(second.json().items.map((i: { title: string }) => i.title)).toEqual(['Tin 1']);
    expect(second.json().nextCursor).toBeNull();

    const bad = await get('/api/v1/notifications?cursor=nonsense', aliceSession);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
    const badFilter = await get('/api/v1/notifications?unread=maybe', aliceSession);
    expect(badFilter.statusCode).toBe(400);
  });

  it("marks one read, answers 404 for another user's notification, then marks all read", async () => {
    const list = (await get('/api/v1/notifications', aliceSession)).json();
    const newest = list.items[0].id as string;

    const notMine = await post(`/api/v1/notifications/${bobNotificationId}/read`, aliceSession);
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json().error.code).toBe('NOT_FOUND');
    const unknown = await post(
      '/api/v1/notifications/0190a1b2-0000-7000-8000-000000000000/read',
      aliceSession,
    );
    expect(unknown.statusCode).toBe(404);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${newest}/read`,
      headers: { cookie: aliceSession.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);

    expect((await post(`/api/v1/notifications/${newest}/read`, aliceSession)).statusCode).toBe(204);
    expect((await post(`/api/v1/notifications/${newest}/read`, aliceSession)).statusCode).toBe(204);
    const after = (await get('/api/v1/notifications?unread=true', aliceSession)).json();
    expect(after.unreadCount).toBe(2);
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(newest);
    const all = (await get('/api/v1/notifications', aliceSession)).json();
    expect(all.items.find((i: { id: string }) => i.id === newest)).toMatchObject({
      readAt: expect.any(String),
      actions: [],
    });

    expect((await post('/api/v1/notifications/read-all', aliceSession)).statusCode).toBe(204);
    expect((await get('/api/v1/notifications', aliceSession)).json().unreadCount).toBe(0);

    const bobRow = await t.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', bobNotificationId)
      .executeTakeFirstOrThrow();
    expect(bobRow.read_at).toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('actor_user_id', '=', alice.id)
      .where('action', 'like', 'notification%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['notification.read', 'notifications.read_all']);
  });

  it('reads and changes my preferences, validating the body', async () => {
    const defaults = await get('/api/v1/notifications/preferences', aliceSession);
    expect(defaults.statusCode).toBe(200);
    expect(defaults.json()).toEqual({
      items: [
        { kind: 'account', inApp: true, email: true, webhook: false, digest: false },
        { kind: 'team', inApp: true, email: true, webhook: false, digest: false },
        { kind: 'support', inApp: true, email: true, webhook: false, digest: false },
        { kind: 'privacy', inApp: true, email: true, webhook: false, digest: false },
        { kind: 'case', inApp: true, email: true, webhook: false, digest: false },
        { kind: 'help_request', inApp: true, email: true, webhook: false, digest: false },
      ],
      webhookAvailable: false,
    });

    const put = (payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/notifications/preferences',
        headers: aliceSession.headers,
        payload,
      });
    const changed = await put({
      items: [{ kind: 'support', inApp: false, email: true, webhook: false, digest: true }],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().items[2]).toEqual({
      kind: 'support',
      inApp: false,
      email: true,
      webhook: false,
      digest: true,
    });
    expect(changed.json().items[0]).toEqual({
      kind: 'account',
      inApp: true,
      email: true,
      webhook: false,
      digest: false,
    });
    const reread = (await get('/api/v1/notifications/preferences', aliceSession)).json();
    expect(reread.items[2]).toMatchObject({ inApp: false, digest: true });

    const webhookOff = await put({
      items: [{ kind: 'team', inApp: true, email: true, webhook: true, digest: false }],
    });
    expect(webhookOff.statusCode).toBe(400);
    expect(webhookOff.json().error.details[0].path).toBe('body.items.0.webhook');
    const unknownKind = await put({
      items: [{ kind: 'weather', inApp: true, email: true, webhook: false, digest: false }],
    });
    expect(unknownKind.statusCode).toBe(400);
    const extraField = await put({
      items: [{ kind: 'team', inApp: true, email: true, webhook: false, digest: false, sms: true }],
    });
    expect(extraField.statusCode).toBe(400);
    const twice = await put({
      items: [
        { kind: 'team', inApp: true, email: true, webhook: false, digest: false },
        { kind: 'team', inApp: false, email: true, webhook: false, digest: false },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.code).toBe('VALIDATION');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_user_id', '=', alice.id)
      .where('action', '=', 'notifications.preferences_updated')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('hides notifications of kinds whose in-app channel I turned off', async () => {
    const at = t.clock.now().toISOString();
    await t.database.db
      .transaction()
      .execute((trx) =>
        notifyUsers(trx, { userIds: [alice.id], kind: 'support', title: 'Hidden', body: 'digest only' }, at),
      );
    const list = (await get('/api/v1/notifications', aliceSession)).json();
    expect(list.items.map((i: { title: string }) => i.title)).not.toContain('Hidden');
    expect(list.unreadCount).toBe(0);
  });
});
