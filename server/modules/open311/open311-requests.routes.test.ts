import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { testDialect } from '../../test/database';
import { createOpen311World, JSON_TYPE, type Open311World, POINT_A, START, XML } from './open311.fixtures';
import { parseLikeFixMyStreet, rootName } from './xml-simple.test-helper';

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

/**
 * Open311 GeoReport v2 requests: posting one (keys and scopes, retries, an address instead of a point, bad input in
 * the asked format), then reading them back. One sequence: the list's paging counts the requests posted before it.
 */
describe(`Open311 GeoReport v2 routes on ${testDialect()}`, () => {
  let w: Open311World;

  beforeAll(async () => {
    w = await createOpen311World();
  });
  afterAll(async () => w.close());

  it('POST requests needs a key with open311:write (403 in the Open311 shape), as api_key or Bearer', async () => {
    const none = await w.post('/open311/v2/requests.xml', {
      service_code: 'waste',
      ...POINT_A,
      description: 'Rác tồn đọng ở đầu hẻm.',
    });
    expect(none.statusCode).toBe(403);
    expect(rootName(none.body)).toBe('errors');
    const wrongScope = await w.post('/open311/v2/requests.json', {
      api_key: w.reader.secret,
      service_code: 'waste',
      ...POINT_A,
      description: 'Rác tồn đọng ở đầu hẻm.',
    });
    expect(wrongScope.statusCode).toBe(403);
    expect(wrongScope.json()).toEqual([{ code: 403, description: expect.any(String) }]);
    const badKey = await w.post('/open311/v2/requests.json', {
      api_key: 'cds_nope',
      service_code: 'waste',
      ...POINT_A,
      description: 'Rác tồn đọng.',
    });
    expect(badKey.statusCode).toBe(403);
    const badBearer = await w.get('/open311/v2/services.json', { authorization: 'Bearer cds_nope' });
    expect(badBearer.statusCode).toBe(403);
    expect(badBearer.json()[0].code).toBe(403);
    const bearer = await w.post(
      '/open311/v2/requests.json',
      { service_code: 'waste', ...POINT_A, description: 'Rác tồn đọng ở đầu hẻm nhiều ngày.' },
      { authorization: `Bearer ${w.writer.secret}` },
    );
    expect(bearer.statusCode).toBe(201);
    // A client posting the same fields as JSON is read alike (api_key in the body too).
    const json = await w.t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        api_key: w.writer.secret,
        service_code: 'waste',
        lat: 11.31,
        long: 106.1,
        description: 'Rác đổ trộm cạnh mương nước.',
      },
    });
    expect(json.statusCode).toBe(201);
  });

  it('creates a request, answers it again for a retry within 24 h, and anew after', async () => {
    const r = await w.submit({ account_id: 'fms-42', 'attribute[pole_number]': 'T-17' });
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
    const row = await w.t.database.db
      .selectFrom('cases')
      .selectAll()
      .where('code', '=', created!.service_request_id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      source: 'open311',
      channel: 'open311',
      api_key_id: w.writer.id,
      external_ref: 'fms-42',
      commune_code: '25459',
    });
    expect(JSON.parse(row.attributes_json)).toEqual({ pole_number: 'T-17' });

    w.t.clock.advance(60 * 60_000);
    const again = await w.submit({ account_id: 'fms-42', 'attribute[pole_number]': 'T-17' });
    expect(again.statusCode).toBe(200);
    expect(again.json()[0].service_request_id).toBe(created!.service_request_id);
    w.t.clock.advance(24 * 60 * 60_000);
    const later = await w.submit({ account_id: 'fms-42', 'attribute[pole_number]': 'T-17' });
    expect(later.statusCode).toBe(201);
    expect(later.json()[0].service_request_id).not.toBe(created!.service_request_id);
    w.t.clock.set(START);
  });

  it('takes an address instead of a point: the commune stays unknown until a handler places it', async () => {
    const r = await w.submit({
      lat: '',
      long: '',
      address_string: '12 đường Cách Mạng Tháng Tám, Tân Ninh',
      description: 'Đèn đường trước số 12 tắt.',
    });
    expect(r.statusCode).toBe(201);
    const row = await w.t.database.db
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
    const noCode = await w.post('/open311/v2/requests.xml', {
      api_key: w.writer.secret,
      ...POINT_A,
      description: 'Không có mã dịch vụ.',
    });
    expect(noCode.statusCode).toBe(400);
    expect(
      String((parseLikeFixMyStreet(noCode.body).error as { description: string }[])[0]!.description),
    ).toContain('service_code');
    const badLat = await w.submit({ lat: 'north' });
    expect(badLat.statusCode).toBe(400);
    expect(badLat.json()[0].description).toContain('lat');
    expect((await w.submit({ lat: '', long: '' })).statusCode).toBe(400);
    expect(
      (await w.get('/open311/v2/requests.json?start_date=2026-12-02T00:00:00Z&end_date=2026-12-01T00:00:00Z'))
        .statusCode,
    ).toBe(400);
    expect((await w.submit({ service_code: 'no_such' })).statusCode).toBe(404);
    expect((await w.submit({ 'attribute[nonsense]': 'x' })).statusCode).toBe(400);
    const csv = await w.get('/open311/v2/services.csv');
    expect(csv.statusCode).toBe(400);
    expect(csv.headers['content-type']).toBe(XML);
    const nowhere = await w.get('/open311/v2/nothing.json');
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toEqual([{ code: 404, description: 'No such address.' }]);
    const badPage = await w.get('/open311/v2/requests.json?page=abc');
    expect(badPage.statusCode).toBe(400);
    expect(badPage.json()[0].description).toContain('page');
  });

  it('GET requests: exact fields, +07:00 dates, filters, paging, the id list; never the reporter', async () => {
    const r = await w.submit({ description: 'Đèn đường hẻm 5 không sáng, cần thay bóng.' });
    const code = r.json()[0].service_request_id as string;
    const list = await w.get('/open311/v2/requests.json');
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

    expect((await w.get(`/open311/v2/requests.json?status=closed`)).json()).toEqual([]);
    expect(
      (
        (await w.get('/open311/v2/requests.json?service_code=waste')).json() as { service_code: string }[]
      ).every((i) => i.service_code === 'waste'),
    ).toBe(true);
    expect((await w.get('/open311/v2/requests.json?start_date=2026-12-02T00:00:00%2B07:00')).json()).toEqual(
      [],
    );
    const page1 = (await w.get('/open311/v2/requests.json?page_size=1')).json() as unknown[];
    const page2 = (await w.get('/open311/v2/requests.json?page_size=1&page=2')).json() as {
      service_request_id: string;
    }[];
    expect(page1).toHaveLength(1);
    expect(page2).toHaveLength(1);
    expect(page2[0]!.service_request_id).not.toBe(
      (page1[0] as { service_request_id: string }).service_request_id,
    );
    // The id list overrides the other filters.
    const byId = (
      await w.get(`/open311/v2/requests.json?service_request_id=${code},PAKN.20200101.0001&status=closed`)
    ).json();
    expect(byId.map((i: { service_request_id: string }) => i.service_request_id)).toEqual([code]);
    // The first public photo, as an absolute address; a case not yet published shows neither text nor photo.
    const c = await w.t.database.db
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
    await w.t.database.db
      .insertInto('case_files')
      .values([photo, { ...photo, id: uuidv7(), position: 1 }])
      .execute();
    const withPhoto = (await w.get(`/open311/v2/requests/${code}.json`)).json()[0];
    expect(withPhoto).toMatchObject({
      media_url: `${w.t.config.publicUrl}/api/v1/case-files/${photo.id}/display`,
      description: c.public_description,
    });
    await w.t.database.db.updateTable('cases').set({ published_at: null }).where('id', '=', c.id).execute();
    expect((await w.get(`/open311/v2/requests/${code}.json`)).json()[0]).toMatchObject({
      media_url: null,
      description: null,
    });
    await w.t.database.db.updateTable('cases').set({ hidden: 1 }).where('id', '=', c.id).execute();
    expect((await w.get(`/open311/v2/requests/${code}.json`)).statusCode).toBe(404);
    await w.t.database.db
      .updateTable('cases')
      .set({ hidden: 0, published_at: START })
      .where('id', '=', c.id)
      .execute();
    const one = await w.get(`/open311/v2/requests/${code}.xml`);
    expect(one.statusCode).toBe(200);
    expect(rootName(one.body)).toBe('service_requests');
    expect(
      (parseLikeFixMyStreet(one.body).request as { service_request_id: string }[])[0]!.service_request_id,
    ).toBe(code);
    expect((await w.get('/open311/v2/requests/PAKN.20200101.0001.json')).statusCode).toBe(404);
    expect((await w.get('/open311/v2/tokens/abc.xml')).statusCode).toBe(404);
  });
});
