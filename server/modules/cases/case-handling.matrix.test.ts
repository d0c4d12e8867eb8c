import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database';
import { reportBody } from './cases.fixtures';
import {
  act,
  assignedReport,
  COMMUNE_A,
  createHandlingWorld,
  fileReport,
  newId,
  WHO,
  type HandlingWorld,
} from './case-handling.fixtures';

/**
 * The handlers' routes × who calls them (issue 10). "in" sits where the case is (commune A; agency A, to which the
 * case is assigned), "out" elsewhere (commune B; another agency). 404 = the case does not exist for the caller; 403 =
 * they may read it but not do this; API keys are refused on every handler route.
 */
const MATRIX: Record<string, number[]> = {
  //                                  anon member co:in co:out ah:in ah:out admin key
  'GET /case-inbox': /*          */ [401, 403, 200, 200, 200, 200, 200, 403],
  'GET /cases/:id/handling': /*  */ [401, 404, 200, 404, 200, 404, 200, 403],
  'POST reveal-contact': /*      */ [401, 404, 200, 404, 200, 404, 200, 403],
  'POST actions accept': /*      */ [401, 404, 200, 404, 404, 404, 200, 403],
  'POST actions start': /*       */ [401, 404, 200, 404, 200, 404, 200, 403],
  'POST actions reassign': /*    */ [401, 404, 200, 404, 403, 404, 200, 403],
  'POST notes (internal)': /*    */ [401, 404, 200, 404, 200, 404, 200, 403],
  'POST extensions': /*          */ [401, 404, 200, 404, 200, 404, 200, 403],
  'POST extension decision': /*  */ [401, 404, 200, 404, 403, 404, 200, 403],
  'POST moderation': /*          */ [401, 404, 200, 404, 403, 404, 200, 403],
  'POST block-sender': /*        */ [401, 404, 200, 404, 403, 404, 200, 403],
  'POST /cases/staff': /*        */ [401, 403, 201, 403, 403, 403, 201, 403],
  'GET /proposals/summary': /*   */ [401, 403, 403, 403, 403, 403, 200, 403],
};

describe(`case handling authorization matrix on ${testDialect()}`, () => {
  let w: HandlingWorld;
  beforeAll(async () => {
    w = await createHandlingWorld();
  });
  afterAll(async () => w.close());

  it.each(WHO.map((who, i) => [who, i] as const))('%s', async (who, i) => {
    const expected = (route: string) => MATRIX[route]![i]!;
    const h = w.headers(who);
    const inject = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
      w.t.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
    const got: Record<string, number> = {};

    const assigned = await assignedReport(w);
    const inbox = await inject('GET', '/api/v1/case-inbox?box=all');
    got['GET /case-inbox'] = inbox.statusCode;
    if (inbox.statusCode === 200) {
      const ids = (inbox.json() as { items: { id: string }[] }).items.map((c) => c.id);
      const seesIt = ['commune_officer:in', 'agency_handler:in', 'province_admin'].includes(who);
      expect(ids.includes(assigned.id), `${who} inbox`).toBe(seesIt);
    }
    const view = await inject('GET', `/api/v1/cases/${assigned.id}/handling`);
    got['GET /cases/:id/handling'] = view.statusCode;
    if (view.statusCode === 200) {
      const v = view.json() as { reporter: { name: string; phoneMasked: string; emailMasked: string } };
      expect(v.reporter.name).toBe('Nguyễn Thị Bảy');
      expect(v.reporter.phoneMasked).toMatch(/^09•• ••• \d{3}$/);
      expect(v.reporter.emailMasked).toBe('b•••@example.vn');
      expect(view.body).not.toMatch(/09\d{8}|bay\.nguyen/);
    }
    got['POST reveal-contact'] = (
      await inject('POST', `/api/v1/cases/${assigned.id}/reveal-contact`, {
        reason: 'Gọi lại để hẹn giờ khảo sát',
      })
    ).statusCode;

    const submitted = await fileReport(w);
    got['POST actions accept'] = (
      await act(w, who, submitted.id, { action: 'accept', severity: 'normal' })
    ).statusCode;
    got['POST actions start'] = (
      await act(w, who, (await assignedReport(w)).id, { action: 'start' })
    ).statusCode;
    got['POST actions reassign'] = (
      await act(w, who, (await assignedReport(w)).id, {
        action: 'reassign',
        agencyId: w.agencyOther,
        reason: 'Thuộc thẩm quyền của Sở',
      })
    ).statusCode;
    got['POST notes (internal)'] = (
      await inject('POST', `/api/v1/cases/${assigned.id}/notes`, {
        body: 'Đã gọi điện cho người dân.',
        public: false,
      })
    ).statusCode;
    got['POST extensions'] = (
      await inject('POST', `/api/v1/cases/${(await assignedReport(w)).id}/extensions`, {
        reason: 'Chờ vật tư thay thế',
        workingDays: 3,
      })
    ).statusCode;

    const extended = await assignedReport(w);
    const asked = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${extended.id}/extensions`,
      headers: w.headers('agency_handler:in'),
      payload: { reason: 'Chờ vật tư thay thế', workingDays: 3 },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const extId = (asked.json() as { extensions: { id: string }[] }).extensions[0]!.id;
    got['POST extension decision'] = (
      await inject('POST', `/api/v1/cases/${extended.id}/extensions/${extId}/decision`, { approve: true })
    ).statusCode;
    got['POST moderation'] = (
      await inject('POST', `/api/v1/cases/${assigned.id}/moderation`, {
        publicDescription: 'Đèn đường trước chợ bị tắt.',
      })
    ).statusCode;
    got['POST block-sender'] = (
      await inject('POST', `/api/v1/cases/${assigned.id}/block-sender`, {
        reason: 'Gửi nội dung xúc phạm',
        days: 30,
      })
    ).statusCode;
    got['POST /cases/staff'] = (
      await inject('POST', '/api/v1/cases/staff', {
        ...reportBody({ id: newId(), communeCode: COMMUNE_A }),
        channel: 'phone',
        name: 'Người gọi 1022',
      })
    ).statusCode;
    got['GET /proposals/summary'] = (await inject('GET', '/api/v1/proposals/summary')).statusCode;

    const want = Object.fromEntries(Object.keys(MATRIX).map((route) => [route, expected(route)]));
    expect(got).toEqual(want);
  });

  it('logs every reveal of the reporter’s contact with its reason, and shows the contact in full only there', async () => {
    const c = await assignedReport(w, { phone: '0912345678', email: 'bay.nguyen@example.vn' });
    const res = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/reveal-contact`,
      headers: w.headers('agency_handler:in'),
      payload: { reason: 'Gọi lại để hẹn giờ khảo sát' },
    });
    expect(res.json()).toEqual({ phone: '0912345678', email: 'bay.nguyen@example.vn' });
    const log = await w.t.database.db
      .selectFrom('personal_data_access')
      .selectAll()
      .where('subject_id', '=', c.id)
      .execute();
    expect(log.map((l) => [l.subject_type, l.field, l.reason]).sort()).toEqual([
      ['case', 'email', 'Gọi lại để hẹn giờ khảo sát'],
      ['case', 'phone', 'Gọi lại để hẹn giờ khảo sát'],
    ]);
    const publicView = await w.t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}` });
    expect(publicView.statusCode).toBe(200);
    for (const secret of ['Nguyễn Thị Bảy', '0912345678', '912345678', 'bay.nguyen', '•••'])
      expect(publicView.body).not.toContain(secret);
  });
});
