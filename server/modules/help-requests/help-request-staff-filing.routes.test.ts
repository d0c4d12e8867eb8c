import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { signIn, type Session } from '../../test/app';
import { testDialect } from '../../test/database';
import { buildUser } from '../../test/factories';
import { MAX_REQUESTS_PER_PHONE_PER_DAY } from './help-request-intake.service';
import { HELP_REQUESTS_PER_ADDRESS } from './help-requests.routes';
import {
  COMMUNE_A,
  CONSENT_VERSION,
  createHelpWorld,
  getAs,
  nextPhone,
  requestBody,
  type HelpWorld,
  type Person,
} from './help-requests.fixtures';

const URL = '/api/v1/help-requests/staff-filed';

/** A resident's request recorded by staff from a phone call or a visit (issue 11, the 1022 hotline's way). */
describe(`help requests filed by staff on ${testDialect()}`, () => {
  let w: HelpWorld;
  /** A team member of another commune (commune C's hamlet team). */
  let farMember: Session;
  beforeAll(async () => {
    w = await createHelpWorld();
    w.t.clock.set('2026-12-07T02:00:00.000Z');
    const u = await buildUser(w.t.database.db, {
      grants: [{ role: 'team_member', unitCode: w.hc, communeCode: w.communeC }],
    });
    farMember = await signIn(w.t.app, u.email, u.password);
  });
  afterAll(async () => w.close());

  const staffBody = (overrides: Record<string, unknown> = {}) => {
    const { consent: _consent, ...rest } = requestBody();
    return { ...rest, channel: 'phone', consentConfirmed: true, ...overrides };
  };
  const postAs = (headers: Record<string, string>, payload: object, remoteAddress = '203.0.113.7') =>
    w.t.app.inject({ method: 'POST', url: URL, headers, payload, remoteAddress });
  const fileAs = (p: Person, overrides: Record<string, unknown> = {}) =>
    postAs(w.sessions[p].headers, staffBody(overrides));
  const count = async () =>
    Number(
      (
        await w.t.database.db
          .selectFrom('help_requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lets the commune’s officers, team leaders and members file; refuses others (401, 403), storing nothing', async () => {
    const before = await count();
    const anonymous = await w.t.app.inject({ method: 'POST', url: URL, payload: staffBody() });
    expect(anonymous.statusCode).toBe(401);
    for (const p of ['OB', 'OC', 'LX', 'dept'] as const) {
      const res = await fileAs(p);
      expect(res.statusCode, p).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const far = await postAs(farMember.headers, staffBody());
    expect(far.statusCode).toBe(403);
    expect(await count()).toBe(before);

    for (const p of ['OA', 'L1', 'M1', 'LC', 'admin'] as const) {
      const res = await fileAs(p, { hamletId: w.h1 });
      expect(res.statusCode, p).toBe(201);
      expect(res.json()).toMatchObject({ status: 'created', routedTo: 'hamlet_team', teamName: 'Tổ ấp Một' });
      expect(res.json().code).toMatch(/^YCHT\.20261207\.\d{4}$/);
    }
    // A hamlet team's member takes a call for another hamlet of the commune: routing sends it on.
    const neighbour = await fileAs('M1', { hamletId: w.h2 });
    expect(neighbour.json()).toMatchObject({ routedTo: 'commune_team', teamName: 'Tổ xã A' });
    // The far member may file in their own commune.
    expect((await postAs(farMember.headers, staffBody({ communeCode: w.communeC }))).statusCode).toBe(201);
  });

  it('records the consent with its channel and recorder, and the timeline and audit say who filed it and how', async () => {
    const phone = nextPhone();
    const res = await fileAs('OA', { phone, contactName: 'Võ Thị Hoa', channel: 'phone' });
    expect(res.statusCode).toBe(201);
    const { id, code } = res.json();
    const db = w.t.database.db;
    const row = await db
      .selectFrom('help_requests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'phone_call', created_by: w.users.OA, commune_code: COMMUNE_A });
    const consent = await db
      .selectFrom('consent_records')
      .selectAll()
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(consent).toMatchObject({
      purpose: 'help_requests',
      text_version: CONSENT_VERSION,
      channel: 'phone_call',
      recorded_by: w.users.OA,
      contact_hash: row.contact_phone_hash,
    });
    const audit = await db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).execute();
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([
      ['help_request.filed_by_staff', w.users.OA],
    ]);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ code, channel: 'phone_call' });
    expect(JSON.stringify(audit)).not.toContain(phone.slice(1));
    expect(JSON.stringify(audit)).not.toContain('Hoa');

    const detail = await getAs(w, 'OA', `/api/v1/help-requests/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ channel: 'phone_call', filedByName: 'Người OA' });
    expect(detail.json().timeline[0]).toMatchObject({ action: 'filed_by_phone', toState: 'new' });

    const walkIn = await fileAs('L1', { channel: 'walk_in', hamletId: w.h1 });
    const walkInId = walkIn.json().id;
    const walkInConsent = await db
      .selectFrom('consent_records')
      .select(['channel', 'recorded_by'])
      .where('subject_id', '=', walkInId)
      .executeTakeFirstOrThrow();
    expect(walkInConsent).toEqual({ channel: 'in_person', recorded_by: w.users.L1 });
    const walkInDetail = (await getAs(w, 'L1', `/api/v1/help-requests/${walkInId}`)).json();
    expect(walkInDetail.timeline[0].action).toBe('filed_in_person');
    expect(walkInDetail.filedByName).toBe('Người L1');

    // A request from the public form names nobody.
    const web = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/help-requests',
      payload: requestBody(),
      remoteAddress: '198.51.100.9',
    });
    const webDetail = (await getAs(w, 'OA', `/api/v1/help-requests/${web.json().id}`)).json();
    expect(webDetail).toMatchObject({ channel: 'web', filedByName: null });
    expect(webDetail.timeline[0].action).toBe('created');
  });

  it('needs the confirmed consent and a valid body, with clear messages in both languages', async () => {
    const before = await count();
    const unconfirmed = await fileAs('OA', { consentConfirmed: false });
    expect(unconfirmed.statusCode).toBe(400);
    const detail = unconfirmed.json().error.details[0];
    expect(detail.path).toBe('body.consentConfirmed');
    expect(detail.messageVi).toMatch(/đồng ý/);
    expect(detail.message).toMatch(/agreed/);
    const { consentConfirmed: _c, ...missing } = staffBody();
    expect((await postAs(w.sessions.OA.headers, missing)).statusCode).toBe(400);
    expect((await fileAs('OA', { channel: 'letter' })).statusCode).toBe(400);
    expect((await fileAs('OA', { phone: '12345' })).json().error.details[0].path).toBe('body.phone');
    expect((await fileAs('OA', { consent: true })).statusCode).toBe(400);
    expect((await fileAs('OA', { hamletId: w.hc })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('is idempotent by the client id: the same id and content → the same code, other content → 409', async () => {
    const id = uuidv7();
    const body = staffBody({ id, hamletId: w.h1 });
    const first = await postAs(w.sessions.OA.headers, body);
    expect(first.statusCode).toBe(201);
    const again = await postAs(w.sessions.OA.headers, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, code: first.json().code, status: 'duplicate' });
    const changed = await postAs(w.sessions.OA.headers, { ...body, need: 'Việc khác hẳn' });
    expect(changed.statusCode).toBe(409);
    const consents = await w.t.database.db
      .selectFrom('consent_records')
      .select('id')
      .where('subject_id', '=', id)
      .execute();
    expect(consents).toHaveLength(1);
  });

  it('has no per-address limit for staff, but the per-phone limit still applies', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= HELP_REQUESTS_PER_ADDRESS + 1; i++)
      statuses.push((await postAs(w.sessions.OA.headers, staffBody(), '203.0.113.50')).statusCode);
    expect(statuses.every((s) => s === 201)).toBe(true);

    const phone = nextPhone();
    for (let i = 0; i < MAX_REQUESTS_PER_PHONE_PER_DAY; i++)
      expect((await fileAs('OA', { phone })).statusCode).toBe(201);
    const over = await fileAs('OA', { phone });
    expect(over.statusCode).toBe(429);
    expect(over.json().error.messageVi).toMatch(/Số điện thoại này/);
  });
});
