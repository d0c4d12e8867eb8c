import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { loadOfficialUnits } from '../geography/index';

describe('the breach register', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let otherAdmin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    await loadOfficialUnits(t.database.db, { provinces: ['80', '01'] });
    t.clock.set('2026-12-05T02:00:00.000Z');
    const a = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    const o = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: '25459' }] });
    const x = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '01' }] });
    admin = await signIn(t.app, a.email, a.password);
    officer = await signIn(t.app, o.email, o.password);
    otherAdmin = await signIn(t.app, x.email, x.password);
  });
  afterAll(async () => t.close());

  const breach = {
    provinceCode: '80',
    discoveredAt: '2026-12-05T08:30:00+07:00',
    occurredAt: '2026-12-04T20:00:00+07:00',
    title: 'Bảng tính danh sách thành viên bị chia sẻ công khai',
    description: 'Một bảng tính có tên và số điện thoại thành viên tổ được chia sẻ bằng đường dẫn công khai trong nhóm Zalo.',
    dataCategories: ['name', 'phone'],
    subjects: 'Thành viên các tổ công nghệ số của phường Tân Ninh',
    subjectsCount: 48,
    contact: 'Nguyễn Văn A, quản trị viên tỉnh, 0276 3822 123',
  };
  const post = (s: Session, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/privacy/breaches', headers: s.headers, payload });
  const patch = (s: Session, id: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/privacy/breaches/${id}`, headers: s.headers, payload });
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

  it('records a breach and starts the 72-hour clock from its discovery', async () => {
    const res = await post(admin, breach);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      discoveredAt: '2026-12-05T01:30:00.000Z',
      notifyBy: '2026-12-08T01:30:00.000Z',
      status: 'open',
      overdue: false,
      hoursLeft: 71,
      dataCategories: ['name', 'phone'],
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'province_code'])
      .where('entity_id', '=', res.json().id)
      .execute();
    expect(audit).toEqual([{ action: 'privacy.breach_recorded', province_code: '80' }]);
  });

  it('refuses what cannot be: future discovery, occurrence after discovery, missing fields', async () => {
    const future = await post(admin, { ...breach, discoveredAt: '2026-12-06T02:00:00.000Z' });
    expect(future.json().error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'body.discoveredAt' }] });
    const backwards = await post(admin, { ...breach, occurredAt: '2026-12-05T09:00:00+07:00' });
    expect(backwards.json().error.details[0].path).toBe('body.occurredAt');
    expect((await post(admin, { ...breach, dataCategories: [] })).statusCode).toBe(400);
    expect((await post(admin, { ...breach, contact: undefined })).statusCode).toBe(400);
  });

  it('is the province administrator’s: others get 403, another province sees nothing', async () => {
    expect((await post(officer, breach)).statusCode).toBe(403);
    expect((await post(otherAdmin, breach)).statusCode).toBe(403);
    expect((await get(officer, '/api/v1/privacy/breaches')).statusCode).toBe(403);
    const mine = (await get(admin, '/api/v1/privacy/breaches')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect((await get(otherAdmin, '/api/v1/privacy/breaches')).json().items).toEqual([]);
    expect((await get(otherAdmin, `/api/v1/privacy/breaches/${mine[0].id as string}`)).statusCode).toBe(404);
  });

  it('turns overdue after 72 hours, asks the reason for a late notification, then closes', async () => {
    const id = (await post(admin, breach)).json().id as string;
    expect((await patch(admin, id, { close: true })).statusCode).toBe(409);
    t.clock.set('2026-12-08T03:00:00.000Z');
    expect((await get(admin, `/api/v1/privacy/breaches/${id}`)).json()).toMatchObject({ overdue: true, hoursLeft: -2 });
    const late = await patch(admin, id, { notification: { notifiedAt: '2026-12-08T02:45:00.000Z', reference: '15/CV-STTTT' } });
    expect(late.json().error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'body.notification.lateReason' }] });
    const notified = await patch(admin, id, {
      notification: {
        notifiedAt: '2026-12-08T02:45:00.000Z',
        reference: '15/CV-STTTT',
        lateReason: 'Chờ xác minh số người bị ảnh hưởng với các tổ.',
      },
      measures: 'Đã thu hồi đường dẫn, đổi quyền chia sẻ, nhắc các tổ không chia sẻ danh sách.',
    });
    expect(notified.statusCode, notified.body).toBe(200);
    expect(notified.json()).toMatchObject({ status: 'notified', overdue: false, hoursLeft: null, notificationRef: '15/CV-STTTT' });
    expect(notified.json().notifiedTo).toContain('Bộ Công an');
    const closed = await patch(admin, id, { close: true });
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: '2026-12-08T03:00:00.000Z' });
    expect((await patch(admin, id, { title: 'Sửa sau khi đóng' })).statusCode).toBe(409);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['privacy.breach_recorded', 'privacy.breach_notified', 'privacy.breach_closed']);
    const open = await get(admin, '/api/v1/privacy/breaches?status=open');
    expect(open.json().items.every((b: { status: string }) => b.status === 'open')).toBe(true);
  });
});
