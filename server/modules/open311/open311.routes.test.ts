import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { DEFAULT_CATEGORIES } from '../../../shared/rules/case-categories';
import { createTestApp, type TestApp } from '../../test/app';
import { testDialect } from '../../test/database';
import { buildUser } from '../../test/factories';
import { buildAgency } from '../agencies/agencies.fixtures';
import { loadTestUnits } from '../teams/teams.fixtures';
import { form, insertApiKey, walkCase } from './open311.fixtures';
import { parseLikeFixMyStreet, rootName } from './xml-simple.test-helper';

const XML = 'text/xml; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const POINT_A = { lat: '11.31', long: '106.1' };
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

describe(`Open311 GeoReport v2 routes on ${testDialect()}`, () => {
  let t: TestApp;
  let writer: { id: string; secret: string };
  let reader: { id: string; secret: string };
  let agency: string;
  // Tuesday 1 December 2026, 09:00 in Vietnam.
  const START = '2026-12-01T02:00:00.000Z';

  beforeAll(async () => {
    t = await createTestApp();
    await loadTestUnits(t.database.db);
    t.clock.set(START);
    const admin = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    writer = await insertApiKey(t.database.db, ['open311:write'], START, admin.id);
    reader = await insertApiKey(t.database.db, ['read'], START, admin.id);
    agency = await buildAgency(t.database.db, { name: 'Sở Xây dựng' });
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const post = (
    url: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ) => {
    const f = form(fields);
    return t.app.inject({ method: 'POST', url, payload: f.payload, headers: { ...f.headers, ...headers } });
  };
  const submit = (extra: Record<string, string | string[]> = {}) =>
    post('/open311/v2/requests.json', {
      api_key: writer.secret,
      service_code: 'street_lighting',
      ...POINT_A,
      description: 'Đèn đường trước chợ bị tắt ba hôm nay.',
      email: 'nguoi.bao@example.vn',
      first_name: 'Nguyễn',
      last_name: 'Văn Báo',
      phone: '0912345678',
      ...extra,
    });

  it('discovery in both formats, with the exact content types', async () => {
    const j = await get('/open311/v2/discovery.json');
    expect(j.statusCode).toBe(200);
    expect(j.headers['content-type']).toBe(JSON_TYPE);
    expect(j.json()).toMatchObject({
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    expect(j.json().endpoints[0].url).toBe(`${t.config.publicUrl}/open311/v2`);
    const x = await get('/open311/v2/discovery.xml');
    expect(x.headers['content-type']).toBe(XML);
    expect(rootName(x.body)).toBe('discovery');
    expect(x.body).toContain('<formats><format>text/xml</format><format>application/json</format></formats>');
  });

  it('services: one per active citizen category, metadata true only with extra questions', async () => {
    const j = await get('/open311/v2/services.json');
    expect(j.headers['content-type']).toBe(JSON_TYPE);
    const services = j.json() as { service_code: string; metadata: boolean; type: string; group: string }[];
    const citizen = DEFAULT_CATEGORIES.filter((c) => c.kinds.some((k) => k !== 'proposal'));
    expect(services.map((s) => s.service_code).sort()).toEqual(citizen.map((c) => c.code).sort());
    expect(services.find((s) => s.service_code === 'roads')).toMatchObject({
      metadata: true,
      type: 'realtime',
      group: 'infrastructure',
    });
    expect(services.find((s) => s.service_code === 'waste')).toMatchObject({ metadata: false });
    expect(Object.keys(services[0]!)).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    const x = await get('/open311/v2/services.xml');
    expect(x.headers['content-type']).toBe(XML);
    expect(rootName(x.body)).toBe('services');
    expect((parseLikeFixMyStreet(x.body).service as unknown[]).length).toBe(services.length);
  });

  it('service definitions: attributes with values; an empty list without; 404 for unknown codes and proposal themes', async () => {
    const j = await get('/open311/v2/services/roads.json');
    expect(j.statusCode).toBe(200);
    const def = j.json() as { service_code: string; attributes: Record<string, unknown>[] };
    expect(def.service_code).toBe('roads');
    expect(def.attributes[0]).toMatchObject({
      variable: true,
      code: 'hazard',
      datatype: 'singlevaluelist',
      required: false,
      order: 1,
    });
    expect(def.attributes[0]!.values).toContainEqual({ key: 'pothole', name: 'Ổ gà' });
    expect(Object.keys(def.attributes[0]!)).toEqual([
      'variable',
      'code',
      'datatype',
      'required',
      'datatype_description',
      'order',
      'description',
      'values',
    ]);
    expect((await get('/open311/v2/services/waste.json')).json()).toEqual({
      service_code: 'waste',
      attributes: [],
    });
    const x = await get('/open311/v2/services/roads.xml');
    expect(rootName(x.body)).toBe('service_definition');
    const missing = await get('/open311/v2/services/no_such.xml');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe(XML);
    expect(parseLikeFixMyStreet(missing.body).error).toEqual([
      { code: '404', description: 'No such service.' },
    ]);
    expect((await get('/open311/v2/services/devices.json')).statusCode).toBe(404);
  });

  it('POST requests needs a key with open311:write (403 in the Open311 shape), as api_key or Bearer', async () => {
    const none = await post('/open311/v2/requests.xml', {
      service_code: 'waste',
      ...POINT_A,
      description: 'Rác tồn đọng ở đầu hẻm.',
    });
    expect(none.statusCode).toBe(403);
    expect(rootName(none.body)).toBe('errors');
    const wrongScope = await post('/open311/v2/requests.json', {
      api_key: reader.secret,
      service_code: 'waste',
      ...POINT_A,
      description: 'Rác tồn đọng ở đầu hẻm.',
    });
    expect(wrongScope.statusCode).toBe(403);
    expect(wrongScope.json()).toEqual([{ code: 403, description: expect.any(String) }]);
    const badKey = await post('/open311/v2/requests.json', {
      api_key: 'cds_nope',
      service_code: 'waste',
      ...POINT_A,
      description: 'Rác tồn đọng.',
    });
    expect(badKey.statusCode).toBe(403);
    const badBearer = await get('/open311/v2/services.json', { authorization: 'Bearer cds_nope' });
    expect(badBearer.statusCode).toBe(403);
    expect(badBearer.json()[0].code).toBe(403);
    const bearer = await post(
      '/open311/v2/requests.json',
      { service_code: 'waste', ...POINT_A, description: 'Rác tồn đọng ở đầu hẻm nhiều ngày.' },
      { authorization: `Bearer ${writer.secret}` },
    );
    expect(bearer.statusCode).toBe(201);
    // A client posting the same fields as JSON is read alike (api_key in the body too).
    const json = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        api_key: writer.secret,
        service_code: 'waste',
        lat: 11.31,
        long: 106.1,
        description: 'Rác đổ trộm cạnh mương nước.',
      },
    });
    expect(json.statusCode).toBe(201);
  });

  it('creates a request, answers it again for a retry within 24 h, and anew after', async () => {
    const r = await submit({ account_id: 'fms-42', 'attribute[pole_number]': 'T-17' });
    expect(r.statusCode).toBe(201);
    expect(r.headers['content-type']).toBe(JSON_TYPE);
    const [created] = r.json() as {
      service_request_id: string;
      service_notice: string;
      account_id: string;
    }[];
    expect(created!.service_request_id).toMatch(/^PAKN\.20261201\.\d{4}$/);
    expect(created!.account_id).toBe('fms-42');
    expect(created!.service_notice).toContain(created!.service_request_id);
    const row = await t.database.db
      .selectFrom('cases')
      .selectAll()
      .where('code', '=', created!.service_request_id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      source: 'open311',
      channel: 'open311',
      api_key_id: writer.id,
      external_ref: 'fms-42',
      commune_code: '25459',
    });
    expect(JSON.parse(row.attributes_json)).toEqual({ pole_number: 'T-17' });

    t.clock.advance(60 * 60_000);
    const again = await submit({ account_id: 'fms-42', 'attribute[pole_number]': 'T-17' });
    expect(again.statusCode).toBe(200);
    expect(again.json()[0].service_request_id).toBe(created!.service_request_id);
    t.clock.advance(24 * 60 * 60_000);
    const later = await submit({ account_id: 'fms-42', 'attribute[pole_number]': 'T-17' });
    expect(later.statusCode).toBe(201);
    expect(later.json()[0].service_request_id).not.toBe(created!.service_request_id);
    t.clock.set(START);
  });

  it('takes an address instead of a point: the commune stays unknown until a handler places it', async () => {
    const r = await submit({
      lat: '',
      long: '',
      address_string: '12 đường Cách Mạng Tháng Tám, Tân Ninh',
      description: 'Đèn đường trước số 12 tắt.',
    });
    expect(r.statusCode).toBe(201);
    const row = await t.database.db
      .selectFrom('cases')
      .select(['commune_code', 'address_text', 'lat', 'province_code'])
      .where('code', '=', r.json()[0].service_request_id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      commune_code: null,
      address_text: '12 đường Cách Mạng Tháng Tám, Tân Ninh',
      lat: null,
      province_code: '80',
    });
  });

  it('refuses bad input with 400 naming the field, unknown services with 404, in the asked format', async () => {
    const noCode = await post('/open311/v2/requests.xml', {
      api_key: writer.secret,
      ...POINT_A,
      description: 'Không có mã dịch vụ.',
    });
    expect(noCode.statusCode).toBe(400);
    expect(
      String((parseLikeFixMyStreet(noCode.body).error as { description: string }[])[0]!.description),
    ).toContain('service_code');
    const badLat = await submit({ lat: 'north' });
    expect(badLat.statusCode).toBe(400);
    expect(badLat.json()[0].description).toContain('lat');
    expect((await submit({ lat: '', long: '' })).statusCode).toBe(400);
    expect(
      (await get('/open311/v2/requests.json?start_date=2026-12-02T00:00:00Z&end_date=2026-12-01T00:00:00Z'))
        .statusCode,
    ).toBe(400);
    expect((await submit({ service_code: 'no_such' })).statusCode).toBe(404);
    expect((await submit({ 'attribute[nonsense]': 'x' })).statusCode).toBe(400);
    const csv = await get('/open311/v2/services.csv');
    expect(csv.statusCode).toBe(400);
    expect(csv.headers['content-type']).toBe(XML);
    const nowhere = await get('/open311/v2/nothing.json');
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toEqual([{ code: 404, description: 'No such address.' }]);
    const badPage = await get('/open311/v2/requests.json?page=abc');
    expect(badPage.statusCode).toBe(400);
    expect(badPage.json()[0].description).toContain('page');
  });

  it('GET requests: exact fields, +07:00 dates, filters, paging, the id list; never the reporter', async () => {
    const r = await submit({ description: 'Đèn đường hẻm 5 không sáng, cần thay bóng.' });
    const code = r.json()[0].service_request_id as string;
    const list = await get('/open311/v2/requests.json');
    expect(list.statusCode).toBe(200);
    const items = list.json() as Record<string, unknown>[];
    const mine = items.find((i) => i.service_request_id === code)!;
    expect(Object.keys(mine)).toEqual(REQUEST_FIELDS);
    expect(mine).toMatchObject({
      status: 'open',
      service_code: 'street_lighting',
      service_name: 'Đèn đường không sáng',
      lat: 11.31,
      long: 106.1,
    });
    expect(mine.requested_datetime).toMatch(W3C);
    expect(mine.expected_datetime).toMatch(W3C);
    for (const secret of ['nguoi.bao', 'Văn Báo', '0912345678', '912345678'])
      expect(list.body).not.toContain(secret);

    expect((await get(`/open311/v2/requests.json?status=closed`)).json()).toEqual([]);
    expect(
      (
        (await get('/open311/v2/requests.json?service_code=waste')).json() as { service_code: string }[]
      ).every((i) => i.service_code === 'waste'),
    ).toBe(true);
    expect((await get('/open311/v2/requests.json?start_date=2026-12-02T00:00:00%2B07:00')).json()).toEqual(
      [],
    );
    const page1 = (await get('/open311/v2/requests.json?page_size=1')).json() as unknown[];
    const page2 = (await get('/open311/v2/requests.json?page_size=1&page=2')).json() as {
      service_request_id: string;
    }[];
    expect(page1).toHaveLength(1);
    expect(page2).toHaveLength(1);
    expect(page2[0]!.service_request_id).not.toBe(
      (page1[0] as { service_request_id: string }).service_request_id,
    );
    // The id list overrides the other filters.
    const byId = (
      await get(`/open311/v2/requests.json?service_request_id=${code},PAKN.20200101.0001&status=closed`)
    ).json();
    expect(byId.map((i: { service_request_id: string }) => i.service_request_id)).toEqual([code]);
    // The first public photo, as an absolute address; a case not yet published shows neither text nor photo.
    const c = await t.database.db
      .selectFrom('cases')
      .select(['id', 'public_description'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    const photo = {
      id: uuidv7(),
      case_id: c.id,
      update_id: null,
      display_key: 'k/d',
      thumb_key: 'k/t',
      width: 10,
      height: 10,
      bytes: 10,
      position: 0,
      hidden: 0,
      created_at: START,
    };
    await t.database.db
      .insertInto('case_files')
      .values([photo, { ...photo, id: uuidv7(), position: 1 }])
      .execute();
    const withPhoto = (await get(`/open311/v2/requests/${code}.json`)).json()[0];
    expect(withPhoto).toMatchObject({
      media_url: `${t.config.publicUrl}/api/v1/case-files/${photo.id}/display`,
      description: c.public_description,
    });
    await t.database.db.updateTable('cases').set({ published_at: null }).where('id', '=', c.id).execute();
    expect((await get(`/open311/v2/requests/${code}.json`)).json()[0]).toMatchObject({
      media_url: null,
      description: null,
    });
    await t.database.db.updateTable('cases').set({ hidden: 1 }).where('id', '=', c.id).execute();
    expect((await get(`/open311/v2/requests/${code}.json`)).statusCode).toBe(404);
    await t.database.db
      .updateTable('cases')
      .set({ hidden: 0, published_at: START })
      .where('id', '=', c.id)
      .execute();
    const one = await get(`/open311/v2/requests/${code}.xml`);
    expect(one.statusCode).toBe(200);
    expect(rootName(one.body)).toBe('service_requests');
    expect(
      (parseLikeFixMyStreet(one.body).request as { service_request_id: string }[])[0]!.service_request_id,
    ).toBe(code);
    expect((await get('/open311/v2/requests/PAKN.20200101.0001.json')).statusCode).toBe(404);
    expect((await get('/open311/v2/tokens/abc.xml')).statusCode).toBe(404);
  });

  it('status_notes, agency and answer; servicerequestupdates GET with statuses; POST comments and the reporter closing', async () => {
    const r = await submit({ description: 'Đèn đường số 9 chập chờn cả tuần.' });
    const code = r.json()[0].service_request_id as string;
    const c = await t.database.db
      .selectFrom('cases')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    t.clock.set('2026-12-02T02:00:00.000Z');
    const [, , answerId] = await walkCase(
      t.database.db,
      c.id,
      [
        { action: 'accept', to: 'accepted' },
        { action: 'assign', to: 'assigned' },
        { action: 'answer', to: 'answered', body: 'Đã thay bóng đèn.' },
      ],
      t.clock.now().toISOString(),
      agency,
    );
    const [req] = (await get(`/open311/v2/requests/${code}.json`)).json();
    expect(req).toMatchObject({
      status: 'closed',
      status_notes: 'Đã thay bóng đèn.',
      agency_responsible: 'Sở Xây dựng',
    });

    const feed = await get(
      '/open311/v2/servicerequestupdates.json?start_date=2026-12-02T00:00:00%2B07:00&end_date=2026-12-03T00:00:00%2B07:00',
    );
    const updates = (
      feed.json() as { service_request_id: string; status: string; update_id: string }[]
    ).filter((u) => u.service_request_id === code);
    expect(updates.map((u) => u.status)).toEqual(['INVESTIGATING', 'ACTION_SCHEDULED', 'FIXED']);
    expect(updates[2]!.update_id).toBe(answerId);
    expect(Object.keys(updates[0]!)).toEqual([
      'update_id',
      'service_request_id',
      'status',
      'updated_datetime',
      'description',
      'media_url',
    ]);

    // Someone else says it is closed: only a comment. The reporter says it: the answered case closes.
    const comment = await post('/open311/v2/servicerequestupdates.json', {
      api_key: writer.secret,
      service_request_id: code,
      update_id: 'fms-c1',
      status: 'CLOSED',
      description: 'Tối qua đèn đã sáng.',
      updated_datetime: '2026-12-02T09:10:00+07:00',
      email: 'hang.xom@example.vn',
      first_name: 'Hàng',
      last_name: 'Xóm',
    });
    expect(comment.statusCode).toBe(201);
    const commentId = comment.json()[0].update_id as string;
    expect(
      (
        await t.database.db
          .selectFrom('cases')
          .select('state')
          .where('id', '=', c.id)
          .executeTakeFirstOrThrow()
      ).state,
    ).toBe('answered');
    const stored = await t.database.db
      .selectFrom('case_updates')
      .selectAll()
      .where('id', '=', commentId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      kind: 'citizen_comment',
      public: 1,
      body: 'Tối qua đèn đã sáng.',
      api_key_id: writer.id,
      external_ref: 'fms-c1',
    });
    const resend = await post('/open311/v2/servicerequestupdates.json', {
      api_key: writer.secret,
      service_request_id: code,
      update_id: 'fms-c1',
      status: 'CLOSED',
      description: 'Tối qua đèn đã sáng.',
    });
    expect(resend.statusCode).toBe(200);
    expect(resend.json()).toEqual([{ update_id: commentId }]);

    const closing = await post('/open311/v2/servicerequestupdates.xml', {
      api_key: writer.secret,
      service_request_id: code,
      update_id: 'fms-c2',
      status: 'FIXED',
      description: 'Cảm ơn, đã sửa.',
      email: 'Nguoi.Bao@example.vn',
    });
    expect(closing.statusCode).toBe(201);
    expect(rootName(closing.body)).toBe('service_request_updates');
    const after = await t.database.db
      .selectFrom('cases')
      .select(['state', 'closed_at'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ state: 'closed', closed_at: t.clock.now().toISOString() });
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', c.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['case.commented', 'case.closed']));
    const events = await t.database.db
      .selectFrom('events')
      .select(['type', 'payload_json'])
      .where('entity_id', '=', c.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['case.commented', 'case.transitioned']),
    );
    for (const e of events) expect(e.payload_json).not.toContain('example.vn');
    for (const body of [
      (await get(`/open311/v2/servicerequestupdates.json`)).body,
      (await get(`/open311/v2/requests/${code}.xml`)).body,
    ]) {
      expect(body).not.toContain('hang.xom');
      expect(body).not.toContain('Xóm');
    }
    // Comments are the citizens' own: the feed a client polls carries the handlers' side only.
    const feed2 = (await get('/open311/v2/servicerequestupdates.json')).json() as {
      update_id: string;
      status: string;
    }[];
    expect(feed2.some((u) => u.update_id === commentId)).toBe(false);
    expect(feed2.at(-1)!.status).toBe('CLOSED');
    expect(
      (
        await post('/open311/v2/servicerequestupdates.json', {
          api_key: writer.secret,
          service_request_id: 'PAKN.20200101.0001',
          status: 'OPEN',
          description: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post('/open311/v2/servicerequestupdates.json', {
          api_key: writer.secret,
          service_request_id: code,
          status: 'MAYBE',
          description: 'x',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('REOPEN by the reporter disputes an answer within 7 days, once', async () => {
    t.clock.set(START);
    const r = await submit({ description: 'Đèn đường số 11 tắt từ tuần trước.' });
    const code = r.json()[0].service_request_id as string;
    const c = await t.database.db
      .selectFrom('cases')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    await walkCase(
      t.database.db,
      c.id,
      [
        { action: 'accept', to: 'accepted' },
        { action: 'assign', to: 'assigned' },
        { action: 'answer', to: 'answered', body: 'Đã sửa.' },
      ],
      t.clock.now().toISOString(),
      agency,
    );
    const reopen = () =>
      post('/open311/v2/servicerequestupdates.json', {
        api_key: writer.secret,
        service_request_id: code,
        status: 'REOPEN',
        description: 'Vẫn chưa sáng.',
        email: 'nguoi.bao@example.vn',
      });
    expect((await reopen()).statusCode).toBe(201);
    const row = await t.database.db
      .selectFrom('cases')
      .select(['state', 'reopen_count', 'handle_due_at'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'in_progress', reopen_count: 1 });
    expect(row.handle_due_at! > t.clock.now().toISOString()).toBe(true);
    const feed = (await get(`/open311/v2/servicerequestupdates.json`)).json() as {
      service_request_id: string;
      status: string;
    }[];
    expect(feed.filter((u) => u.service_request_id === code).at(-1)!.status).toBe('REOPEN');
  });
});
