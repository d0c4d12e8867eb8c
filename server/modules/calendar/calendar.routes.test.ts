import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { loadOfficialUnits } from '../geography/index';

/** Tây Ninh (80) is the province under test; 79 is another province whose administrator must not edit 80. */
describe('working calendar routes', () => {
  let t: TestApp;
  let admin: Session;
  let otherAdmin: Session;
  let officer: Session;

  beforeAll(async () => {
    t = await createTestApp();
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    const a = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    admin = await signIn(t.app, a.email, a.password);
    const b = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '79' }] });
    otherAdmin = await signIn(t.app, b.email, b.password);
    const o = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: '25459' }] });
    officer = await signIn(t.app, o.email, o.password);
  });
  afterAll(async () => t.close());

  const read = (url: string, s?: Session) =>
    t.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
  const putDay = (day: string, payload: object, s: Session | null = admin, province = '80') =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/calendars/${province}/days/${day}`,
      headers: s?.headers ?? {},
      payload,
    });
  const putHours = (payload: object, s: Session | null = admin, province = '80') =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/calendars/${province}/hours`,
      headers: s?.headers ?? {},
      payload,
    });
  const counts = async () => ({
    days: (await t.database.db.selectFrom('calendar_days').select('day').execute()).length,
    hours: (await t.database.db.selectFrom('working_hours').select('province_code').execute()).length,
    audit: (
      await t.database.db.selectFrom('audit_log').select('id').where('action', 'like', 'calendar.%').execute()
    ).length,
  });

  it('lets anyone read a year: default hours, the national days with their source, no edit action', async () => {
    const r = await read('/api/v1/calendars/80?year=2026');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      provinceCode: '80',
      year: 2026,
      hours: {
        periods: [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
        weekdays: [1, 2, 3, 4, 5],
        isDefault: true,
        updatedAt: null,
      },
      national: { provisional: false },
      nationalYears: [2025, 2026, 2027],
      actions: [],
    });
    expect(body.national.source).toContain('Bộ Nội vụ');
    const tet = body.days.find((d: { day: string }) => d.day === '2026-02-17');
    expect(tet).toEqual({
      day: '2026-02-17',
      kind: 'holiday',
      nameVi: 'Tết Nguyên đán Bính Ngọ',
      nameEn: 'Lunar New Year (Year of the Horse)',
      origin: 'national',
      isWorkingDay: false,
      national: null,
    });
    expect(body.days.find((d: { day: string }) => d.day === '2026-01-10')).toMatchObject({
      kind: 'workday',
      isWorkingDay: true,
    });
    expect((await read('/api/v1/calendars/80?year=2027')).json().national.provisional).toBe(true);
    expect((await read('/api/v1/calendars/80?year=2030')).json()).toMatchObject({ national: null, days: [] });
    expect((await read('/api/v1/calendars/80')).json().year).toBe(
      Number(t.clock.now().toISOString().slice(0, 4)),
    );
    expect((await read('/api/v1/calendars/80?year=2026', admin)).json().actions).toEqual(['calendar.manage']);
    expect((await read('/api/v1/calendars/80?year=2026', officer)).json().actions).toEqual([]);
  });

  it('answers 404 for an unknown province and 400 for a bad year or code', async () => {
    expect((await read('/api/v1/calendars/99?year=2026')).statusCode).toBe(404);
    expect((await read('/api/v1/calendars/80?year=26')).statusCode).toBe(400);
    expect((await read('/api/v1/calendars/8?year=2026')).statusCode).toBe(400);
  });

  it('lets the province administrator edit hours and days, each edit in the audit log with before and after', async () => {
    const hours = await putHours({
      periods: [
        { start: '07:00', end: '11:00' },
        { start: '13:00', end: '16:30' },
      ],
      weekdays: [5, 4, 3, 2, 1],
    });
    expect(hours.statusCode).toBe(200);
    expect(hours.json()).toMatchObject({ weekdays: [1, 2, 3, 4, 5], isDefault: false });

    const holiday = await putDay('2026-03-09', {
      kind: 'holiday',
      nameVi: 'Nghỉ kỷ niệm ngày thành lập tỉnh',
      nameEn: 'Province founding anniversary',
    });
    expect(holiday.statusCode).toBe(200);
    expect(holiday.json()).toEqual({
      day: '2026-03-09',
      kind: 'holiday',
      nameVi: 'Nghỉ kỷ niệm ngày thành lập tỉnh',
      nameEn: 'Province founding anniversary',
      origin: 'province',
      isWorkingDay: false,
      national: null,
    });
    const cancelled = await putDay('2026-09-01', {
      kind: 'cancelled',
      nameVi: 'Tỉnh làm việc để phục vụ đợt ra quân',
      nameEn: 'Worked for the campaign',
    });
    expect(cancelled.json()).toMatchObject({
      kind: 'cancelled',
      origin: 'province',
      isWorkingDay: true,
      national: { kind: 'holiday', nameVi: 'Quốc khánh' },
    });

    const year = (await read('/api/v1/calendars/80?year=2026')).json();
    expect(year.hours.periods).toEqual([
      { start: '07:00', end: '11:00' },
      { start: '13:00', end: '16:30' },
    ]);
    expect(year.days.map((d: { day: string }) => d.day)).toContain('2026-03-09');

    const removed = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/calendars/80/days/2026-09-01',
      headers: admin.headers,
    });
    expect(removed.statusCode).toBe(204);
    const again = (await read('/api/v1/calendars/80?year=2026')).json();
    expect(again.days.find((d: { day: string }) => d.day === '2026-09-01')).toMatchObject({
      origin: 'national',
      isWorkingDay: false,
    });
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: '/api/v1/calendars/80/days/2026-09-01',
          headers: admin.headers,
        })
      ).statusCode,
    ).toBe(404);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'province_code', 'before_json', 'after_json'])
      .where('action', 'like', 'calendar.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.entity_id, a.province_code])).toEqual([
      ['calendar.hours.updated', '80', '80'],
      ['calendar.day.set', '80:2026-03-09', '80'],
      ['calendar.day.set', '80:2026-09-01', '80'],
      ['calendar.day.removed', '80:2026-09-01', '80'],
    ]);
    expect(JSON.parse(audit[0]!.before_json!)).toMatchObject({ isDefault: true });
    expect(JSON.parse(audit[0]!.after_json!).periods[0]).toEqual({ start: '07:00', end: '11:00' });
    expect(audit[1]!.before_json).toBeNull();
    expect(JSON.parse(audit[3]!.before_json!)).toMatchObject({ kind: 'cancelled' });
    expect(audit[3]!.after_json).toBeNull();
  });

  it('refuses a commune officer and another province’s administrator (403), anonymous callers (401) and a missing CSRF token', async () => {
    const before = await counts();
    const payload = { kind: 'holiday', nameVi: 'Nghỉ riêng', nameEn: 'Own day off' };
    expect((await putDay('2026-03-20', payload, officer)).statusCode).toBe(403);
    expect((await putDay('2026-03-20', payload, otherAdmin)).statusCode).toBe(403);
    expect((await putDay('2026-03-20', payload, null)).statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendars/80/days/2026-03-20',
      headers: { cookie: admin.cookie },
      payload,
    });
    expect(noCsrf.statusCode).toBe(403);
    const hours = { periods: [{ start: '08:00', end: '12:00' }], weekdays: [1, 2, 3, 4, 5] };
    expect((await putHours(hours, officer)).statusCode).toBe(403);
    expect((await putHours(hours, otherAdmin)).statusCode).toBe(403);
    const forbidden = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/calendars/80/days/2026-03-09',
      headers: otherAdmin.headers,
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error).toMatchObject({ code: 'FORBIDDEN', messageVi: expect.any(String) });
    expect(await counts()).toEqual(before);
  });

  it('answers bad input with 400 in the error shape and writes nothing', async () => {
    const before = await counts();
    const badDate = await putDay('2026-02-30', { kind: 'holiday', nameVi: 'Ngày lạ', nameEn: 'Odd day' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error).toMatchObject({
      code: 'VALIDATION',
      details: [
        {
          path: 'params.day',
          message: 'A real date written YYYY-MM-DD',
          messageVi: 'Ngày phải có thật và viết theo dạng YYYY-MM-DD.',
        },
      ],
    });

    const overlap = await putHours({
      periods: [
        { start: '07:30', end: '12:00' },
        { start: '11:30', end: '17:00' },
      ],
      weekdays: [1, 2, 3, 4, 5],
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error).toMatchObject({
      code: 'VALIDATION',
      message: expect.any(String),
      messageVi: expect.any(String),
      details: [
        {
          path: 'body.periods.1',
          message: 'Periods must be in time order and must not overlap',
          messageVi: 'Các khoảng giờ phải theo thứ tự thời gian và không được chồng lên nhau.',
        },
      ],
    });
    expect(
      (await putHours({ periods: [{ start: '17:00', end: '07:30' }], weekdays: [1] })).json().error.details[0]
        .path,
    ).toBe('body.periods.0');
    expect((await putHours({ periods: [{ start: '25:00', end: '26:00' }], weekdays: [1] })).statusCode).toBe(
      400,
    );
    expect((await putHours({ periods: [{ start: '07:30', end: '17:00' }], weekdays: [] })).statusCode).toBe(
      400,
    );

    const unknownKind = await putDay('2026-03-20', {
      kind: 'festival',
      nameVi: 'Lễ hội',
      nameEn: 'Festival',
    });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().error.details[0].path).toBe('body.kind');

    const nothingToCancel = await putDay('2026-03-20', {
      kind: 'cancelled',
      nameVi: 'Huỷ',
      nameEn: 'Cancel',
    });
    expect(nothingToCancel.statusCode).toBe(400);
    expect(nothingToCancel.json().error.details[0]).toMatchObject({
      path: 'body.kind',
      messageVi: 'Ngày này không có trong lịch nghỉ chung của cả nước nên không thể huỷ.',
    });
    expect((await putDay('1999-12-31', { kind: 'holiday', nameVi: 'Xưa', nameEn: 'Old' })).statusCode).toBe(
      400,
    );
    expect((await putDay('2026-03-20', { kind: 'holiday', nameVi: 'x', nameEn: 'Own' })).statusCode).toBe(
      400,
    );
    expect(await counts()).toEqual(before);
  });
});
