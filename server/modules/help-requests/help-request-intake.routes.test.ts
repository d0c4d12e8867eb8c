import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { testDialect } from '../../test/database';
import { MAX_REQUESTS_PER_PHONE_PER_DAY } from './help-request-intake.service';
import { HELP_REQUESTS_PER_ADDRESS } from './help-requests.routes';
import {
  COMMUNE_B,
  CONSENT_VERSION,
  createHelpWorld,
  fileRequest,
  nextAddress,
  nextPhone,
  requestBody,
  type HelpWorld,
} from './help-requests.fixtures';

/** Filing a help request (issue 11): consent, phone, place, idempotency, limits, routing, public tracking. */
describe(`help-request intake on ${testDialect()}`, () => {
  let w: HelpWorld;
  beforeAll(async () => {
    w = await createHelpWorld();
    // Monday 7 December 2026, 09:00 in Vietnam.
    w.t.clock.set('2026-12-07T02:00:00.000Z');
  });
  afterAll(async () => w.close());

  const post = (payload: unknown, headers: Record<string, string> = {}, remoteAddress = nextAddress()) =>
    w.t.app.inject({
      method: 'POST',
      url: '/api/v1/help-requests',
      payload: payload as object,
      headers,
      remoteAddress,
    });
  const count = async () =>
    Number(
      (
        await w.t.database.db
          .selectFrom('help_requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a request without consent with a clear message in both languages, storing nothing', async () => {
    const before = await count();
    for (const consent of [false, undefined]) {
      const res = await post(requestBody({ consent }));
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('VALIDATION');
      expect(error.details[0].path).toBe('body.consent');
      expect(error.details[0].message).toMatch(/Agree to be contacted/);
      expect(error.details[0].messageVi).toMatch(/đồng ý/);
    }
    const stale = await post(requestBody({ consentVersion: '1999-01-01' }));
    expect(stale.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('requires a valid phone, a commune of the province and a hamlet of that commune', async () => {
    const noPhone = await post({ ...requestBody(), phone: undefined });
    expect(noPhone.statusCode).toBe(400);
    const badPhone = await post(requestBody({ phone: '12345' }));
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details[0]).toMatchObject({ path: 'body.phone' });
    expect(badPhone.json().error.details[0].messageVi).toMatch(/số điện thoại/);
    const badCommune = await post(requestBody({ communeCode: '99999' }));
    expect(badCommune.statusCode).toBe(400);
    const wrongHamlet = await post(requestBody({ hamletId: w.hc }));
    expect(wrongHamlet.statusCode).toBe(400);
    expect(wrongHamlet.json().error.details[0].path).toBe('body.hamletId');
    const unknownField = await post({ ...requestBody(), email: 'x@example.vn' });
    expect(unknownField.statusCode).toBe(400);
  });

  it('routes to the hamlet’s team, else the commune’s team, else the commune officers — and tells them', async () => {
    const hamlet = await fileRequest(w, { hamletId: w.h1 });
    expect(hamlet).toMatchObject({ routedTo: 'hamlet_team', teamName: 'Tổ ấp Một' });
    expect(hamlet.code).toMatch(/^YCHT\.20261207\.\d{4}$/);
    // Two working days after Monday: Wednesday 17:00 in Vietnam.
    expect(hamlet.callDueAt).toBe('2026-12-09T10:00:00.000Z');
    const commune = await fileRequest(w, { hamletId: w.h2 });
    expect(commune).toMatchObject({ routedTo: 'commune_team', teamName: 'Tổ xã A' });
    const officers = await fileRequest(w, { communeCode: COMMUNE_B });
    expect(officers).toMatchObject({ routedTo: 'commune_officer', teamName: null });

    const told = async (code: string) =>
      (
        await w.t.database.db
          .selectFrom('notifications')
          .select('user_id')
          .where('kind', '=', 'help_request')
          .where('title', 'like', `%${code}%`)
          .execute()
      ).map((r) => r.user_id);
    expect(await told(hamlet.code)).toEqual([w.users.L1]);
    expect(await told(commune.code)).toEqual([w.users.LC]);
    expect(await told(officers.code)).toEqual([w.users.OB]);
  });

  it('stores the contact sealed, with a consent record, and an audit row without personal data', async () => {
    const phone = nextPhone();
    const r = await fileRequest(w, { hamletId: w.h1, phone, contactName: 'Lê Văn Cường' });
    const db = w.t.database.db;
    const row = await db
      .selectFrom('help_requests')
      .selectAll()
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row.contact_phone).toMatch(/^s1\./);
    expect(row.contact_name).toMatch(/^s1\./);
    expect(row.address).toMatch(/^s1\./);
    const consent = await db
      .selectFrom('consent_records')
      .selectAll()
      .where('subject_id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(consent).toMatchObject({
      purpose: 'help_requests',
      text_version: CONSENT_VERSION,
      channel: 'web',
    });
    expect(consent.contact_hash).toBe(row.contact_phone_hash);
    const audit = await db.selectFrom('audit_log').selectAll().where('entity_id', '=', r.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['help_request.created']);
    const trail = JSON.stringify(audit);
    expect(trail).not.toContain(phone.slice(1));
    expect(trail).not.toContain('Cường');
  });

  it('is idempotent by the client id (field or Idempotency-Key header): one request, 409 on other content', async () => {
    const id = uuidv7();
    const body = requestBody({ id, hamletId: w.h1 });
    const first = await post(body);
    expect(first.statusCode).toBe(201);
    expect(first.json().token).toBeTruthy();
    const again = await post(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, code: first.json().code, status: 'duplicate' });
    expect(again.json().token).toBeUndefined();
    const changed = await post({ ...body, need: 'Việc khác hẳn' });
    expect(changed.statusCode).toBe(409);

    const key = uuidv7();
    const viaHeader = requestBody();
    const a = await post(viaHeader, { 'idempotency-key': key });
    const b = await post(viaHeader, { 'idempotency-key': key });
    expect([a.statusCode, b.statusCode]).toEqual([201, 200]);
    expect(b.json().id).toBe(key);
    expect((await post(viaHeader, { 'idempotency-key': 'not-a-uuid' })).statusCode).toBe(400);
  });

  it('limits requests per phone (a day) and per address (ten minutes), in both languages', async () => {
    const phone = nextPhone();
    for (let i = 0; i < MAX_REQUESTS_PER_PHONE_PER_DAY; i++) await fileRequest(w, { phone });
    const over = await post(requestBody({ phone }));
    expect(over.statusCode).toBe(429);
    expect(over.json().error.messageVi).toMatch(/Số điện thoại này/);

    const address = '192.0.2.200';
    const statuses: number[] = [];
    for (let i = 0; i <= HELP_REQUESTS_PER_ADDRESS; i++)
      statuses.push((await post(requestBody(), {}, address)).statusCode);
    expect(statuses.slice(0, HELP_REQUESTS_PER_ADDRESS).every((s) => s === 201)).toBe(true);
    expect(statuses[HELP_REQUESTS_PER_ADDRESS]).toBe(429);
  });

  it('shows a public status page by code with no contact data or names, and 404 for an unknown code', async () => {
    const phone = nextPhone();
    const r = await fileRequest(w, {
      hamletId: w.h1,
      phone,
      contactName: 'Phạm Thị Dung',
      need: 'vneid_level2',
    });
    const res = await w.t.app.inject({ method: 'GET', url: `/api/v1/help-requests/track/${r.code}` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({
      code: r.code,
      state: 'new',
      status: { vi: expect.any(String), en: expect.any(String) },
      teamName: 'Tổ ấp Một',
      hamletName: 'Ấp Một',
      canRate: false,
      rating: null,
    });
    // A need picked from the catalogue is shown by its name.
    expect(page.need).toBe(
      (
        await w.t.database.db
          .selectFrom('services')
          .select('name')
          .where('code', '=', 'vneid_level2')
          .executeTakeFirstOrThrow()
      ).name,
    );
    expect(page.timeline).toHaveLength(1);
    const text = res.body;
    for (const secret of [
      phone,
      phone.slice(1),
      'Phạm Thị Dung',
      'Lê Lợi',
      'contactName',
      'phone',
      'address',
    ]) {
      expect(text).not.toContain(secret);
    }
    // Free text is never shown publicly: a need typed by hand may name the person.
    const free = await fileRequest(w, { need: 'Giúp bà Nguyễn Thị Em' });
    const freePage = await w.t.app.inject({ method: 'GET', url: `/api/v1/help-requests/track/${free.code}` });
    expect(freePage.json().need).toBeNull();
    expect(freePage.body).not.toContain('Nguyễn Thị Em');

    expect(
      (await w.t.app.inject({ method: 'GET', url: '/api/v1/help-requests/track/YCHT.20261207.9999' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await w.t.app.inject({ method: 'GET', url: '/api/v1/help-requests/track/nonsense' })).statusCode,
    ).toBe(400);
  });

  it('refuses a rating before the help is done, and with a wrong token', async () => {
    const r = await fileRequest(w);
    const rate = (token: string) =>
      w.t.app.inject({
        method: 'POST',
        url: `/api/v1/help-requests/track/${r.code}/rate`,
        payload: { token, rating: 5 },
        remoteAddress: nextAddress(),
      });
    expect((await rate(r.token)).statusCode).toBe(409);
    expect((await rate('x'.repeat(32))).statusCode).toBe(403);
  });
});
