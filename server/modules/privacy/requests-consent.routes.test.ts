import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactHash } from '../../db/schema';
import { PHONE_HASH_CONTEXT } from '../../platform/crypto/sealed-columns';
import { createTestApp, signIn, testSealer, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { loadOfficialUnits } from '../geography/index';
import { buildHamlet, buildMember, buildTeam, recordInput } from '../teams/teams.fixtures';
import { codeSentFor } from './privacy.fixtures';

/**
 * Data-subject requests and the platform's consent records (issue 9): a withdrawal request withdraws every consent
 * the contact gave, through the owning module's hook, recorded as done "by request"; the consents show in an access
 * export; a contact is sent at most 3 codes a day; what the person writes is sealed at rest.
 */
describe('data-subject requests and consent records', () => {
  let t: TestApp;
  let admin: Session;
  let member: Session;
  let adminId: string;
  let teamId: string;
  let hamletId: string;
  const phone = '+84912000111';

  const file = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/privacy/requests', payload });

  /** Files a request for the phone and confirms it with the code it was sent; answers its id. */
  async function fileVerified(kind: string, contact = '0912 000 111'): Promise<string> {
    const filed = await file({ kind, contact, description: `Yêu cầu ${kind} của bà Sáu` });
    expect(filed.statusCode, filed.body).toBe(202);
    const id = filed.json().id as string;
    const code = await codeSentFor(t.database.db, 'phone');
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/privacy/requests/${id}/verify`, payload: { code } });
    expect(ok.statusCode, ok.body).toBe(200);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp({ PROVINCE_CODE: '80' });
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    t.clock.set('2026-12-04T03:00:00.000Z');
    const a = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    adminId = a.id;
    admin = await signIn(t.app, a.email, a.password);
    const hamlet = await buildHamlet(t.database.db, '25459', 'Ấp Cây Da');
    const team = await buildTeam(t.database.db, { communeCode: '25459', hamletId: hamlet.id });
    const u = await buildUser(t.database.db, { grants: [{ role: 'team_member', unitCode: hamlet.id, communeCode: '25459' }] });
    await buildMember(t.database.db, team.id, { user_id: u.id, name: 'Lê Văn Tám' });
    member = await signIn(t.app, u.email, u.password);
    teamId = team.id;
    hamletId = hamlet.id;
  });
  afterAll(async () => t.close());

  /** A record made with consent whose consent also names the person's phone, as a module holding contacts does. */
  async function consentedRecordFor(contact: string): Promise<string> {
    const body = recordInput(teamId, hamletId, t.clock.now(), { note: 'Bà Sáu, gọi lại sau', location: { lat: 11.3, lng: 106.1, accuracy: 9 } });
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/support-records/${body.id}`, headers: member.headers, payload: body });
    expect(put.statusCode, put.body).toBe(201);
    await t.database.db
      .updateTable('consent_records')
      .set({ contact_hash: testSealer.hash(contact, PHONE_HASH_CONTEXT) as ContactHash })
      .where('subject_id', '=', body.id)
      .execute();
    return body.id;
  }

  it('withdraws every consent of the contact for a withdrawal request, through the module that holds the data', async () => {
    const recordId = await consentedRecordFor(phone);
    const other = await consentedRecordFor('+84987654321');
    const id = await fileVerified('withdrawal');

    // The export of an access request lists the consents the person gave.
    const exported = await t.app.inject({ url: `/api/v1/privacy/requests/${id}/export`, headers: admin.headers });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().items).toContainEqual(
      expect.objectContaining({ purpose: 'consent_records', recordId, data: expect.objectContaining({ purpose: 'support_records', withdrawnAt: null }) }),
    );

    // A withdrawal request is not a deletion: erase refuses it, and withdraw refuses any other kind.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/privacy/requests/${id}/erase`, headers: admin.headers })).statusCode).toBe(409);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/privacy/requests/${id}/withdraw-consent`, headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ erased: [{ purpose: 'support_records', rows: 1 }] });

    const record = await t.database.db.selectFrom('support_records').select(['note', 'lat', 'consent_withdrawn_at']).where('id', '=', recordId).executeTakeFirstOrThrow();
    expect(record).toEqual({ note: null, lat: null, consent_withdrawn_at: t.clock.now().toISOString() });
    const consent = await t.database.db.selectFrom('consent_records').select(['withdrawn_at', 'withdrawal_channel', 'withdrawn_by']).where('subject_id', '=', recordId).executeTakeFirstOrThrow();
    expect(consent).toEqual({ withdrawn_at: t.clock.now().toISOString(), withdrawal_channel: 'request', withdrawn_by: adminId });
    // Another person's consent is untouched.
    const untouched = await t.database.db.selectFrom('support_records').select('note').where('id', '=', other).executeTakeFirstOrThrow();
    expect(untouched.note).toBe('Bà Sáu, gọi lại sau');
    const audit = await t.database.db.selectFrom('audit_log').select('after_json').where('action', '=', 'privacy.request_consent_withdrawn').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toEqual({ withdrawn: [{ purpose: 'support_records', rows: 1 }] });

    // Nothing left to withdraw the second time; an access request cannot withdraw.
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/privacy/requests/${id}/withdraw-consent`, headers: admin.headers });
    expect(again.json()).toEqual({ erased: [] });
    const access = await fileVerified('access');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/privacy/requests/${access}/withdraw-consent`, headers: admin.headers })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/privacy/requests/${id}/withdraw-consent`, headers: member.headers })).statusCode).toBe(404);
  });

  it('keeps what the person wrote sealed at rest and shows it to the handler', async () => {
    const id = await fileVerified('objection', '0912 000 222');
    const stored = await t.database.db.selectFrom('data_subject_requests').select('description').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.description).toMatch(/^s1\./);
    const queue = await t.app.inject({ url: '/api/v1/privacy/requests', headers: admin.headers });
    expect(queue.json().items.find((r: { id: string }) => r.id === id).description).toBe('Yêu cầu objection của bà Sáu');
  });

  it('sends one contact at most 3 codes a day, whoever asks, and no more the next day', async () => {
    t.clock.set('2026-12-10T03:00:00.000Z');
    for (let i = 0; i < 3; i++) expect((await file({ kind: 'access', contact: '0912 000 333', description: 'Xem dữ liệu' })).statusCode).toBe(202);
    const fourth = await file({ kind: 'access', contact: '+84912000333', description: 'Xem dữ liệu' });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error).toMatchObject({ code: 'RATE_LIMITED', messageVi: expect.stringContaining('ngày mai') });
    expect((await file({ kind: 'access', contact: '0912 000 444', description: 'Xem dữ liệu' })).statusCode).toBe(202);
    t.clock.set('2026-12-11T03:00:01.000Z');
    expect((await file({ kind: 'access', contact: '0912 000 333', description: 'Xem dữ liệu' })).statusCode).toBe(202);
  });
});
