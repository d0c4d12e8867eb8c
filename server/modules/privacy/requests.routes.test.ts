import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, testSealer, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { uuidv7 } from '../../../shared/ids';
import { findPurpose } from '../../../shared/privacy/register';
import { loadOfficialUnits } from '../geography/index';
import { codeSentFor as sentCode } from './privacy.fixtures';
import { buildHamlet, buildMember, buildTeam, COMMUNE_A } from '../teams/teams.fixtures';

/**
 * Data-subject requests end to end on the server (issue 9): filed without an account, proven with the code sent to
 * the phone (signed webhook job) or the e-mail (outbox, the address sealed), due 2 working days after verification
 * in the province's calendar, followed by tracking code, handled by province administrators.
 */
describe('data-subject requests', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp({ PROVINCE_CODE: '80' });
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    // Friday 4 December 2026, 10:00 in Vietnam: two working days end on Tuesday 8 December at 17:00.
    t.clock.set('2026-12-04T03:00:00.000Z');
    const a = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    const o = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: '25459' }] });
    adminId = a.id;
    admin = await signIn(t.app, a.email, a.password);
    officer = await signIn(t.app, o.email, o.password);
  });
  afterAll(async () => t.close());

  const file = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/privacy/requests', payload });
  const verify = (id: string, code: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/privacy/requests/${id}/verify`, payload: { code } });

  const codeSentFor = (kind: 'phone' | 'email') => sentCode(t.database.db, kind);

  it('files by phone, verifies with the code, and is due 2 working days later', async () => {
    const filed = await file({
      kind: 'access',
      contact: '0912 345 678',
      description: 'Tôi muốn biết dữ liệu nào về tôi.',
    });
    expect(filed.statusCode, filed.body).toBe(202);
    expect(filed.json()).toMatchObject({ sentTo: '09•• ••• 678', verifyBefore: '2026-12-04T03:15:00.000Z' });
    const job = await t.database.db
      .selectFrom('jobs')
      .select('payload_json')
      .where('name', '=', 'accounts.phoneMessage')
      .executeTakeFirstOrThrow();
    const message = JSON.parse(job.payload_json) as { to: string; purpose: string };
    expect(message.purpose).toBe('privacy_request');
    expect(testSealer.open(message.to, 'jobs.phone_message')).toBe('+84912345678');

    const id = filed.json().id as string;
    const code = await codeSentFor('phone');
    const wrong = await verify(id, code === '000000' ? '111111' : '000000');
    expect(wrong.json().error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'body.code' }] });
    const ok = await verify(id, code);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      kind: 'access',
      status: 'verified',
      dueAt: '2026-12-08T10:00:00.000Z',
    });
    expect(ok.json().code).toMatch(/^YC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const status = await t.app.inject({
      method: 'GET',
      url: `/api/v1/privacy/requests/by-code/${ok.json().code as string}`,
    });
    expect(status.json()).toEqual(ok.json());
    expect(status.body).not.toContain('0912');
    const stored = await t.database.db
      .selectFrom('data_subject_requests')
      .select(['contact', 'otp_hash'])
      .executeTakeFirstOrThrow();
    expect(stored.contact).toMatch(/^s1\./);
    expect(stored.otp_hash).toBeNull();
  });

  it('seals a citizen’s e-mail in the outbox and opens it only to send', async () => {
    const filed = await file({
      kind: 'deletion',
      contact: 'Ba.Tu@Example.vn',
      description: 'Xin xoá số điện thoại của tôi.',
    });
    expect(filed.json().sentTo).toBe('b•••@example.vn');
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select('to_address')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.to_address).toMatch(/^s1\./);
    expect(testSealer.open(mail.to_address, 'mail_outbox.to')).toBe('ba.tu@example.vn');
    expect((await verify(filed.json().id as string, await codeSentFor('email'))).json().status).toBe(
      'verified',
    );
  });

  it('refuses a contact that is neither, and lapses after five wrong codes', async () => {
    expect(
      (await file({ kind: 'access', contact: 'not a contact', description: 'abc' })).json().error.details[0]
        .path,
    ).toBe('body.contact');
    const id = (
      await file({ kind: 'objection', contact: '0987000111', description: 'Phản đối nhắn tin.' })
    ).json().id as string;
    const code = await codeSentFor('phone');
    const other = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await verify(id, other)).statusCode).toBe(400);
    expect((await verify(id, code)).statusCode).toBe(404);
  });

  it('puts verified requests in the province administrators’ queue, overdue after the deadline, and records the answer', async () => {
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/privacy/requests',
          headers: { cookie: officer.cookie },
        })
      ).statusCode,
    ).toBe(403);
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/privacy/requests',
      headers: { cookie: admin.cookie },
    });
    const items = queue.json().items as {
      id: string;
      contactMasked: string;
      overdue: boolean;
      status: string;
    }[];
    expect(items.map((i) => i.status)).toEqual(['verified', 'verified']);
    expect(items[0]!.contactMasked).toBe('09•• ••• 678');
    t.clock.set('2026-12-08T10:00:01.000Z');
    const overdue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/privacy/requests?overdue=true',
      headers: { cookie: admin.cookie },
    });
    expect(overdue.json().items).toHaveLength(2);

    const patch = (payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/privacy/requests/${items[0]!.id}`,
        headers: admin.headers,
        payload,
      });
    expect((await patch({ status: 'completed' })).json().error.details[0].path).toBe('body.resolution');
    expect((await patch({ status: 'in_progress' })).json()).toMatchObject({
      status: 'in_progress',
      handledBy: { id: expect.any(String) },
    });
    const done = await patch({ status: 'completed', resolution: 'Đã gửi bản sao dữ liệu qua e-mail.' });
    expect(done.json()).toMatchObject({
      status: 'completed',
      completedAt: '2026-12-08T10:00:01.000Z',
      overdue: false,
    });
    expect((await patch({ status: 'rejected', resolution: 'Muộn' })).statusCode).toBe(409);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', items[0]!.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'privacy.request_verified',
      'privacy.request_in_progress',
      'privacy.request_completed',
    ]);
  });

  it('exports what every module holds about the contact, logs the export, and erases it for a deletion request', async () => {
    const db = t.database.db;
    const hamlet = await buildHamlet(db, COMMUNE_A);
    const team = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamlet.id });
    const member = await buildMember(db, team.id, { phone: '+84933444555', name: 'Võ Thị Năm' });
    const user = await buildUser(db, { phone: '+84933444555' });
    await buildMember(db, team.id, { phone: '+84933000999' });
    // A report filed with the same number (issue 10): the cases module answers for it too.
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        id: uuidv7(),
        kind: 'petition',
        categoryCode: 'procedures',
        description: 'Đề nghị niêm yết thủ tục tại nhà văn hoá.',
        phone: '0933 444 555',
        contactConsentVersion: findPurpose('reports').consent!.version,
      },
    });
    expect(report.statusCode, report.body).toBe(201);
    const caseId = report.json().id as string;

    const id = (
      await file({ kind: 'deletion', contact: '0933444555', description: 'Xin xoá số điện thoại của tôi.' })
    ).json().id as string;
    expect((await verify(id, await codeSentFor('phone'))).statusCode).toBe(200);
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/v1/privacy/requests/${id}/export`,
      headers: { cookie: admin.cookie },
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const items = exported.json().items as {
      purpose: string;
      recordId: string;
      data: Record<string, unknown>;
    }[];
    expect(items.map((i) => [i.purpose, i.recordId]).sort()).toEqual(
      [
        ['accounts', user.id],
        ['team_membership', member.id],
        ['reports', caseId],
        ['consent_records', caseId],
      ].sort(),
    );
    expect(items.find((i) => i.recordId === member.id)?.data).toMatchObject({
      phone: '+84933444555',
      name: 'Võ Thị Năm',
    });
    expect(exported.json().contact).toBe('+84933444555');
    const logged = await db
      .selectFrom('personal_data_access')
      .select(['subject_type', 'field'])
      .where('subject_id', '=', id)
      .execute();
    expect(logged).toEqual([{ subject_type: 'data_subject_request', field: 'export' }]);
    // The PDF embeds a font with Vietnamese letters (pdfkit's own fonts have none) and names the request.
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/privacy/requests/${id}/export.pdf`,
      headers: { cookie: admin.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="du-lieu-ca-nhan-YC-/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toMatch(/BeVietnamPro/);
    expect(pdf.rawPayload.length).toBeGreaterThan(10_000);

    const erase = () =>
      t.app.inject({ method: 'POST', url: `/api/v1/privacy/requests/${id}/erase`, headers: admin.headers });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/privacy/requests/${id}/erase`,
          headers: officer.headers,
        })
      ).statusCode,
    ).toBe(404);
    const erased = await erase();
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json().erased).toEqual([
      { purpose: 'accounts', rows: 1 },
      { purpose: 'team_membership', rows: 1 },
      { purpose: 'reports', rows: 1 },
      { purpose: 'questions', rows: 0 }, // askers leave an e-mail, never a phone
      { purpose: 'help_requests', rows: 0 },
      { purpose: 'consent_records', rows: 1 },
    ]);
    const after = await db
      .selectFrom('team_members')
      .select(['id', 'phone'])
      .where('team_id', '=', team.id)
      .execute();
    expect(after.find((m) => m.id === member.id)?.phone).toBeNull();
    expect(after.filter((m) => m.phone !== null)).toHaveLength(1);
    expect(
      (await db.selectFrom('users').select('phone').where('id', '=', user.id).executeTakeFirstOrThrow())
        .phone,
    ).toBeNull();
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/v1/privacy/requests/${id}/export`,
      headers: { cookie: admin.cookie },
    });
    expect(again.json().items).toEqual([]);

    const accessId = (
      await file({ kind: 'access', contact: '0933000999', description: 'Cho tôi xem dữ liệu.' })
    ).json().id as string;
    await verify(accessId, await codeSentFor('phone'));
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/privacy/requests/${accessId}/erase`,
          headers: admin.headers,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('reminds the handlers once as a request falls due and once when it is overdue', async () => {
    const db = t.database.db;
    const service = t.built.services.privacy.requests;
    // A week on, everything filed so far is answered or overdue: announce it, to start from a quiet queue.
    t.clock.set('2026-12-14T01:00:00.000Z');
    await service.remind();
    const notices = () =>
      db
        .selectFrom('notifications')
        .select(['title', 'kind'])
        .where('user_id', '=', adminId)
        .where('kind', '=', 'privacy')
        .execute();
    const before = (await notices()).length;
    t.clock.set('2026-12-14T02:00:00.000Z'); // Monday 09:00 in Vietnam
    const id = (
      await file({ kind: 'correction', contact: '0966123123', description: 'Sửa tên của tôi.' })
    ).json().id as string;
    const verified = (await verify(id, await codeSentFor('phone'))).json();
    expect(verified.dueAt).toBe('2026-12-16T10:00:00.000Z'); // Wednesday 17:00
    expect(await service.remind()).toBe(0);
    t.clock.set('2026-12-15T12:00:00.000Z');
    expect(await service.remind()).toBe(1);
    expect(await service.remind()).toBe(0);
    t.clock.set('2026-12-16T10:30:00.000Z');
    expect(await service.remind()).toBe(1);
    const titles = (await notices()).slice(before).map((n) => n.title);
    expect(titles).toEqual([
      `Yêu cầu ${verified.code as string} sắp đến hạn`,
      `Yêu cầu ${verified.code as string} đã quá hạn trả lời`,
    ]);
  });
});
