import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlingDeadline, DEFAULT_CASE_DEADLINES } from '../../../shared/rules/case-deadlines';
import { addWorkingDays } from '../../../shared/time/working-time';
import { uuidv7 } from '../../../shared/ids';
import { testDialect } from '../../test/database';
import { buildUser } from '../../test/factories';
import { signIn } from '../../test/app';
import { CONSENT_VERSION, jpeg, multipartBody } from './cases.fixtures';
import {
  act,
  assignedReport,
  buildAgency,
  COMMUNE_A,
  COMMUNE_B,
  createHandlingWorld,
  fileReport,
  type HandlingWorld,
} from './case-handling.fixtures';

type View = {
  state: string;
  severity: string;
  agencyId: string | null;
  handleDueAt: string | null;
  answer: string | null;
  caseActions: string[];
  can: string[];
  suggestedAgencyId: string | null;
  entries: { kind: string; action: string | null; public: boolean; body: string; photos: unknown[] }[];
  extensions: { id: string; status: string }[];
  mergedIntoCode: string | null;
  supporters: number;
  published: boolean;
};

/** The workflow through HTTP (issue 10): triage, assignment by routing, handling, answer, extensions, merge, moderation. */
describe(`case handling workflow on ${testDialect()}`, () => {
  let w: HandlingWorld;
  beforeAll(async () => {
    w = await createHandlingWorld();
  });
  afterAll(async () => w.close());

  const view = async (id: string, who: Parameters<HandlingWorld['headers']>[0] = 'province_admin') => {
    const res = await w.t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}/handling`,
      headers: w.headers(who),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as View;
  };
  const post = (
    who: Parameters<HandlingWorld['headers']>[0],
    url: string,
    payload: Record<string, unknown>,
  ) => w.t.app.inject({ method: 'POST', url, headers: w.headers(who), payload });
  const publicPage = (id: string) => w.t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}` });

  it('accepts with a severity and counts the handling deadline on the working calendar from acceptance', async () => {
    const c = await fileReport(w);
    const before = await view(c.id, 'commune_officer:in');
    expect(before.caseActions.sort()).toEqual(['accept', 'merge', 'refuse']);
    const res = await act(w, 'commune_officer:in', c.id, {
      action: 'accept',
      severity: 'urgent',
      message: 'Đã tiếp nhận.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as View;
    const calendar = await w.t.built.services.calendar.calendarFor('80');
    const expected = handlingDeadline(
      calendar,
      DEFAULT_CASE_DEADLINES,
      'urgent',
      w.t.clock.now(),
    ).toISOString();
    expect(v).toMatchObject({
      state: 'accepted',
      severity: 'urgent',
      handleDueAt: expected,
      published: true,
    });
    expect(v.entries.at(-1)).toMatchObject({
      kind: 'transition',
      action: 'accept',
      public: true,
      body: 'Đã tiếp nhận.',
    });
    const again = await act(w, 'commune_officer:in', c.id, { action: 'accept', severity: 'normal' });
    expect(again.statusCode).toBe(409);
  });

  it('assigns through the routing rule, and refuses an agency that does not serve the place', async () => {
    await w.t.database.db
      .insertInto('case_routing_rules')
      .values({
        id: uuidv7(),
        province_code: '80',
        category_code: 'street_lighting',
        commune_code: COMMUNE_A,
        agency_id: w.agencyA,
        updated_by: null,
        updated_at: w.t.clock.now().toISOString(),
      })
      .execute();
    const c = await fileReport(w);
    await act(w, 'commune_officer:in', c.id, { action: 'accept', severity: 'normal' });
    expect((await view(c.id, 'commune_officer:in')).suggestedAgencyId).toBe(w.agencyA);
    const otherCommune = await buildAgency(w.t.database.db, { communeCode: COMMUNE_B });
    const wrong = await act(w, 'commune_officer:in', c.id, { action: 'assign', agencyId: otherCommune });
    expect(wrong.statusCode).toBe(400);
    const res = await act(w, 'commune_officer:in', c.id, { action: 'assign' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'assigned',
      agencyId: w.agencyA,
      agencyName: 'UBND xã Tân Ninh',
    });
    const events = await w.t.database.db
      .selectFrom('events')
      .select(['type', 'payload_json'])
      .where('entity_id', '=', c.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['case.submitted', 'case.transitioned', 'case.transitioned']);
  });

  it('lets the agency start and answer with photos; the public page shows the answer; a stale second answer gets 409', async () => {
    const c = await assignedReport(w);
    expect((await act(w, 'agency_handler:in', c.id, { action: 'start' })).statusCode).toBe(200);
    const text = 'Đã thay bóng đèn và kiểm tra lại đường dây ngày 02/12.';
    const [a, b] = await Promise.all([
      act(w, 'agency_handler:in', c.id, { action: 'answer', text }),
      act(w, 'agency_handler:in', c.id, { action: 'answer', text }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const m = multipartBody({}, [await jpeg()]);
    const photos = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/answer-photos`,
      payload: m.payload,
      headers: { ...m.headers, ...w.headers('agency_handler:in') },
    });
    expect(photos.statusCode, photos.body).toBe(200);
    const answered = photos.json() as View;
    expect(answered.state).toBe('answered');
    expect(answered.entries.find((e) => e.action === 'answer')?.photos).toHaveLength(1);
    const page = (await publicPage(c.id)).json() as {
      answer: string;
      timeline: { action: string | null; photos: unknown[] }[];
    };
    expect(page.answer).toBe(text);
    expect(page.timeline.find((e) => e.action === 'answer')?.photos).toHaveLength(1);
    expect((await act(w, 'commune_officer:in', c.id, { action: 'close' })).json()).toMatchObject({
      state: 'closed',
    });
  });

  it('refuses with a stated reason, shown publicly', async () => {
    const c = await fileReport(w);
    const res = await act(w, 'commune_officer:in', c.id, {
      action: 'refuse',
      reason: 'Nội dung không thuộc thẩm quyền giải quyết.',
    });
    expect(res.json()).toMatchObject({
      state: 'refused',
      refusedReason: 'Nội dung không thuộc thẩm quyền giải quyết.',
    });
  });

  it('merges a duplicate into an open case, carrying its "me too"s over', async () => {
    const keep = await assignedReport(w);
    const dup = await fileReport(w);
    const support = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${dup.id}/support`,
      payload: { deviceId: uuidv7() },
    });
    expect(support.statusCode, support.body).toBeLessThan(300);
    const res = await act(w, 'commune_officer:in', dup.id, { action: 'merge', intoCode: keep.code });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'merged', mergedIntoCode: keep.code });
    expect((await view(keep.id)).supporters).toBe(1);
    const self = await act(w, 'commune_officer:in', keep.id, { action: 'merge', intoCode: keep.code });
    expect(self.statusCode).toBe(400);
  });

  it('moves the handling deadline by the working days a supervisor approves', async () => {
    const c = await assignedReport(w);
    const before = (await view(c.id)).handleDueAt!;
    const asked = await post('agency_handler:in', `/api/v1/cases/${c.id}/extensions`, {
      reason: 'Chờ vật tư thay thế',
      workingDays: 2,
    });
    expect((asked.json() as View).can).not.toContain('requestExtension');
    const second = await post('agency_handler:in', `/api/v1/cases/${c.id}/extensions`, {
      reason: 'Lần nữa',
      workingDays: 2,
    });
    expect(second.statusCode).toBe(409);
    const extId = (asked.json() as View).extensions[0]!.id;
    const decided = await post('commune_officer:in', `/api/v1/cases/${c.id}/extensions/${extId}/decision`, {
      approve: true,
      note: 'Đồng ý',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const calendar = await w.t.built.services.calendar.calendarFor('80');
    expect((decided.json() as View).handleDueAt).toBe(
      addWorkingDays(calendar, new Date(before), 2).toISOString(),
    );
    expect((decided.json() as View).extensions[0]!.status).toBe('approved');
    const twice = await post('commune_officer:in', `/api/v1/cases/${c.id}/extensions/${extId}/decision`, {
      approve: false,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('moderates the public text and hides the case; blocks the sender from filing again', async () => {
    const c = await fileReport(w, { phone: '0987000111', email: 'chan@example.vn' });
    const edited = await post('commune_officer:in', `/api/v1/cases/${c.id}/moderation`, {
      publicDescription: 'Đèn đường trước chợ bị tắt (đã ẩn thông tin cá nhân).',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(((await publicPage(c.id)).json() as { description: string }).description).toBe(
      'Đèn đường trước chợ bị tắt (đã ẩn thông tin cá nhân).',
    );
    const noReason = await post('commune_officer:in', `/api/v1/cases/${c.id}/moderation`, { hidden: true });
    expect(noReason.statusCode).toBe(400);
    await post('commune_officer:in', `/api/v1/cases/${c.id}/moderation`, {
      hidden: true,
      hiddenReason: 'Nội dung xúc phạm',
    });
    expect((await publicPage(c.id)).statusCode).toBe(404);
    const blocked = await post('commune_officer:in', `/api/v1/cases/${c.id}/block-sender`, {
      reason: 'Gửi nội dung xúc phạm nhiều lần',
      days: null,
    });
    expect(blocked.json()).toMatchObject({ reporter: { blocked: true } });
    const res = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      remoteAddress: '192.0.2.77',
      payload: {
        id: uuidv7(),
        kind: 'report',
        categoryCode: 'other',
        description: 'Lại gửi phản ánh một lần nữa.',
        communeCode: COMMUNE_A,
        phone: '0987000111',
        contactConsentVersion: CONSENT_VERSION,
      },
    });
    expect(res.statusCode).toBe(403);
  });

  it('counts the box and lists the overdue cases for leaders (box=all&overdue=true), paged', async () => {
    const inbox = (q: string) =>
      w.t.app.inject({
        method: 'GET',
        url: `/api/v1/case-inbox?${q}`,
        headers: w.headers('commune_officer:in'),
      });
    const c = await fileReport(w);
    const before = (await inbox('box=all')).json() as { counts: { submitted: number; overdue: number } };
    expect(before.counts.submitted).toBeGreaterThan(0);
    w.t.clock.set(new Date(w.t.clock.now().getTime() + 7 * 86_400_000).toISOString());
    const overdue = (await inbox('box=all&overdue=true&limit=1')).json() as {
      items: { id: string; deadlineStatus: string }[];
      nextCursor: string | null;
      counts: { overdue: number };
    };
    expect(overdue.counts.overdue).toBeGreaterThanOrEqual(before.counts.submitted);
    expect(overdue.items[0]!.deadlineStatus).toBe('overdue');
    const ids = [overdue.items[0]!.id];
    let cursor = overdue.nextCursor;
    while (cursor) {
      const next = (
        await inbox(`box=all&overdue=true&limit=1&cursor=${encodeURIComponent(cursor)}`)
      ).json() as { items: { id: string }[]; nextCursor: string | null };
      ids.push(...next.items.map((i) => i.id));
      cursor = next.nextCursor;
    }
    expect(ids).toContain(c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await inbox('box=agency')).json()).toMatchObject({ items: [] });
  });

  it('gives an agency handler grant with its agency, and refuses an agency at another unit', async () => {
    const admin = w.headers('province_admin');
    const u = await buildUser(w.t.database.db, { grants: [{ role: 'team_member', unitCode: COMMUNE_A }] });
    const grant = (payload: Record<string, unknown>) =>
      w.t.app.inject({ method: 'POST', url: `/api/v1/users/${u.id}/grants`, headers: admin, payload });
    expect(
      (await grant({ role: 'agency_handler', unitCode: COMMUNE_B, agencyId: w.agencyA })).statusCode,
    ).toBe(400);
    expect((await grant({ role: 'team_member', unitCode: COMMUNE_A, agencyId: w.agencyA })).statusCode).toBe(
      400,
    );
    const ok = await grant({ role: 'agency_handler', unitCode: COMMUNE_A, agencyId: w.agencyA });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ role: 'agency_handler', agencyId: w.agencyA });
    const c = await assignedReport(w);
    const s = await signIn(w.t.app, u.email, u.password);
    const seen = await w.t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${c.id}/handling`,
      headers: s.headers,
    });
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as View).caseActions).toEqual(['start', 'answer']);
  });

  it('files for a caller (staff) and raises a team proposal the Youth Union triages and answers', async () => {
    const staff = await post('commune_officer:in', '/api/v1/cases/staff', {
      id: uuidv7(),
      kind: 'petition',
      categoryCode: 'other',
      description: 'Người dân gọi 1022 đề nghị sửa cống thoát nước.',
      communeCode: COMMUNE_A,
      channel: 'phone',
      name: 'Người gọi',
    });
    expect(staff.statusCode, staff.body).toBe(201);
    const filed = await w.t.database.db
      .selectFrom('cases')
      .select(['source', 'channel', 'created_by'])
      .where('id', '=', (staff.json() as { id: string }).id)
      .executeTakeFirstOrThrow();
    expect(filed).toMatchObject({ source: 'staff', channel: 'phone' });

    const proposal = {
      id: uuidv7(),
      teamId: w.teamA.id,
      theme: 'proposal_devices',
      title: 'Thiếu máy tính bảng',
      description: 'Tổ cần thêm hai máy tính bảng để hỗ trợ người dân.',
    };
    const byMember = await post('team_member', '/api/v1/proposals', proposal);
    expect(byMember.statusCode).toBe(403);
    const raised = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/proposals',
      headers: w.leader.headers,
      payload: proposal,
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const id = proposal.id;
    expect(
      (
        await w.t.app.inject({
          method: 'GET',
          url: `/api/v1/cases/${id}/handling`,
          headers: w.headers('commune_officer:in'),
        })
      ).statusCode,
    ).toBe(404);
    const coord = w.coordinator.headers;
    const inbox = (
      await w.t.app.inject({ method: 'GET', url: '/api/v1/case-inbox?kind=proposal', headers: coord })
    ).json() as { items: { id: string }[] };
    expect(inbox.items.map((i) => i.id)).toContain(id);
    const accept = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      headers: coord,
      payload: { action: 'accept', severity: 'normal' },
    });
    expect(accept.statusCode, accept.body).toBe(200);
    await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/notes`,
      headers: coord,
      payload: { body: 'Chờ Sở xác nhận kinh phí.', public: false },
    });
    const leaderView = (
      await w.t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}/handling`, headers: w.leader.headers })
    ).json() as View;
    expect(leaderView.caseActions).toEqual([]);
    expect(leaderView.entries.some((e) => !e.public)).toBe(false);
    const summary = await w.t.app.inject({
      method: 'GET',
      url: '/api/v1/proposals/summary',
      headers: w.leader.headers,
    });
    expect(summary.json()).toMatchObject({
      rows: [{ theme: 'proposal_devices', state: 'accepted', count: 1 }],
      total: 1,
    });
    const list = await w.t.app.inject({
      method: 'GET',
      url: `/api/v1/proposals?teamId=${w.teamA.id}`,
      headers: coord,
    });
    expect(list.json()).toMatchObject({ items: [{ id, theme: 'proposal_devices', state: 'accepted' }] });
  });
});
