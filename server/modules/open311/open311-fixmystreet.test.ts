import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { testDialect } from '../../test/database';
import { buildUser } from '../../test/factories';
import { buildAgency } from '../agencies/agencies.fixtures';
import { loadTestUnits } from '../teams/teams.fixtures';
import { form, insertApiKey, walkCase } from './open311.fixtures';
import { parseLikeFixMyStreet, type SimpleObject, type SimpleValue } from './xml-simple.test-helper';

/**
 * FixMyStreet's Open311 client, replayed (mysociety/fixmystreet perllib/Open311.pm, Open311/PopulateServiceList.pm,
 * Open311/GetServiceRequests.pm, Open311/GetServiceRequestUpdates.pm and UpdatesBase.pm): the calls it makes, in its
 * order, with its parameters, and its reading of each answer — XML::Simple with ForceArray on the list items and
 * GroupTags — down to the checks it runs before it accepts a row (a defined update_id, dates inside the asked window
 * compared as UTC W3CDTF strings, lat and long present, map_state on the status).
 */

/** DateTime::Format::W3CDTF->format_datetime of a UTC DateTime: to the second, with Z. */
const w3cdtfUtc = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;
/** W3CDTF->parse_datetime(...)->set_time_zone('UTC') then format_datetime: what FMS compares with the window. */
const asUtcW3cdtf = (s: string) => {
  expect(s).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
  return w3cdtfUtc(new Date(s));
};

/** Open311.pm map_state (extended_statuses off). */
function mapState(incoming: string): string {
  const s = incoming.toLowerCase().replaceAll('_', ' ');
  const map: Record<string, string> = {
    fixed: 'fixed - council',
    'not councils responsibility': 'not responsible',
    'no further action': 'unable to fix',
    open: 'confirmed',
    closed: 'fixed - council',
  };
  return map[s] ?? s;
}

const list = (v: SimpleValue): SimpleObject[] => {
  expect(Array.isArray(v), 'ForceArray gives a list').toBe(true);
  return v as SimpleObject[];
};

describe(`FixMyStreet client replay on ${testDialect()}`, () => {
  let t: TestApp;
  let apiKey: string;
  let agency: string;
  const endpoint = '/open311/v2/';
  const jurisdiction = 'tayninh.gov.vn';

  beforeAll(async () => {
    t = await createTestApp();
    await loadTestUnits(t.database.db);
    // Wednesday 2 December 2026, 08:00 in Vietnam.
    t.clock.set('2026-12-02T01:00:00.000Z');
    const admin = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    apiKey = (await insertApiKey(t.database.db, ['open311:write'], t.clock.now().toISOString(), admin.id))
      .secret;
    agency = await buildAgency(t.database.db, { name: 'Sở Xây dựng' });
  });
  afterAll(async () => t.close());

  /** Open311.pm _request: GET with query_form (jurisdiction_id added), POST form-encoded with api_key. */
  async function fmsGet(path: string, params: Record<string, string> = {}) {
    const q = new URLSearchParams({ ...params, jurisdiction_id: jurisdiction });
    const res = await t.app.inject({ method: 'GET', url: `${endpoint}${path}?${q.toString()}` });
    return {
      ok: res.statusCode >= 200 && res.statusCode < 300,
      status: res.statusCode,
      xml: res.body,
      type: res.headers['content-type'],
    };
  }
  async function fmsPost(path: string, params: Record<string, string | string[]>) {
    const f = form({ ...params, jurisdiction_id: jurisdiction, api_key: apiKey });
    const res = await t.app.inject({
      method: 'POST',
      url: `${endpoint}${path}`,
      payload: f.payload,
      headers: f.headers,
    });
    return { ok: res.statusCode >= 200 && res.statusCode < 300, status: res.statusCode, xml: res.body };
  }

  let requestId = '';

  it('PopulateServiceList: services.xml, then services/{code}.xml for each service with metadata', async () => {
    const res = await fmsGet('services.xml');
    expect(res.ok).toBe(true);
    expect(res.type).toBe('text/xml; charset=utf-8');
    const services = list(parseLikeFixMyStreet(res.xml).service);
    expect(services.length).toBeGreaterThanOrEqual(10);
    for (const service of services) {
      expect(typeof service.service_code).toBe('string');
      expect(typeof service.service_name).toBe('string');
      expect(['true', 'false']).toContain(service.metadata);
      // Keywords FMS acts on (private, inactive, staff, waste_only) must not appear by accident.
      const keywords = String(service.keywords ?? '')
        .split(',')
        .map((k) => k.trim());
      expect(keywords.some((k) => ['private', 'inactive', 'staff', 'waste_only'].includes(k))).toBe(false);
      if (String(service.metadata).toLowerCase() !== 'true') continue;
      const meta = parseLikeFixMyStreet((await fmsGet(`services/${String(service.service_code)}.xml`)).xml);
      expect(meta.service_code).toBe(service.service_code);
      const attributes = list(meta.attributes);
      for (const a of attributes) {
        expect(a.variable).toBe('true');
        expect(typeof a.code).toBe('string');
        expect(['true', 'false']).toContain(a.required);
        expect(Number(a.order) + 0).toBeGreaterThan(0);
        if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist')
          for (const v of list(a.values)) expect(Object.keys(v).sort()).toEqual(['key', 'name']);
      }
    }
    const roads = parseLikeFixMyStreet((await fmsGet('services/roads.xml')).xml);
    expect(list(list(roads.attributes)[0]!.values)).toContainEqual({ key: 'pothole', name: 'Ổ gà' });
  });

  it('send_service_request: POST requests.xml with attribute[...] fields; a retry gets the same id', async () => {
    const params = {
      description:
        'Ổ gà lớn giữa đường\n\nỔ gà sâu khoảng 20 cm trước cổng trường, xe máy dễ té.\n\nhttps://fixmystreet.example/report/4242\n',
      service_code: 'roads',
      first_name: 'Trần',
      last_name: 'Thị Phản Ánh',
      email: 'tran.pa@example.vn',
      lat: '11.310000',
      long: '106.100000',
      'attribute[hazard]': 'pothole',
      media_url: 'https://fixmystreet.example/photo/4242.0.full.jpeg',
    };
    const res = await fmsPost('requests.xml', params);
    expect(res.ok).toBe(true);
    const obj = parseLikeFixMyStreet(res.xml);
    const id = list(obj.request)[0]!.service_request_id;
    expect(typeof id).toBe('string');
    requestId = id as string;
    expect(requestId).toMatch(/^PAKN\.20261202\.\d{4}$/);
    // FMS resends after a timeout; the same submission within 24 h is the same request.
    const retry = parseLikeFixMyStreet((await fmsPost('requests.xml', params)).xml);
    expect(list(retry.request)[0]!.service_request_id).toBe(requestId);
    // A refused submission reads as Open311.pm _process_error does.
    const refused = await fmsPost('requests.xml', {
      ...params,
      service_code: 'roads',
      'attribute[hazard]': 'volcano',
    });
    expect(refused.ok).toBe(false);
    const errors = list(parseLikeFixMyStreet(refused.xml).error);
    expect(errors[0]!.code).toBe('400');
    expect(String(errors[0]!.description)).toContain('hazard');
  });

  it('GetServiceRequests: polls requests.xml over the last hour and accepts the row', async () => {
    const now = t.clock.now();
    const args = { start_date: w3cdtfUtc(new Date(now.getTime() - 3_600_000)), end_date: w3cdtfUtc(now) };
    const res = await fmsGet('requests.xml', args);
    expect(res.ok).toBe(true);
    const requests = list(parseLikeFixMyStreet(res.xml).request);
    const mine = requests.find((r) => r.service_request_id === requestId)!;
    expect(mine).toBeDefined();
    expect(mine.lat && mine.long).toBeTruthy();
    const updated = asUtcW3cdtf(String(mine.updated_datetime));
    expect(updated >= args.start_date && updated <= args.end_date).toBe(true);
    expect(mapState(String(mine.status))).toBe('confirmed');
    expect(mine.service_code).toBe('roads');
    expect(res.xml).not.toContain('tran.pa');
    expect(res.xml).not.toContain('Phản Ánh');
    // By id (report_ids), as fetch with --report-ids does.
    const byId = list(
      parseLikeFixMyStreet((await fmsGet('requests.xml', { service_request_id: requestId })).xml).request,
    );
    expect(byId.map((r) => r.service_request_id)).toEqual([requestId]);
  });

  it('GetServiceRequestUpdates: servicerequestupdates.xml over the last two hours, each update accepted', async () => {
    const c = await t.database.db
      .selectFrom('cases')
      .select('id')
      .where('code', '=', requestId)
      .executeTakeFirstOrThrow();
    t.clock.advance(30 * 60_000);
    await walkCase(
      t.database.db,
      c.id,
      [
        { action: 'accept', to: 'accepted' },
        { action: 'assign', to: 'assigned' },
        { action: 'answer', to: 'answered', body: 'Đã vá ổ gà & cắm biển báo <tạm thời>.' },
      ],
      t.clock.now().toISOString(),
      agency,
    );
    t.clock.advance(10 * 60_000);
    const now = t.clock.now();
    const args = [w3cdtfUtc(new Date(now.getTime() - 2 * 3_600_000)), w3cdtfUtc(now)] as const;
    const res = await fmsGet('servicerequestupdates.xml', {
      api_key: apiKey,
      start_date: args[0],
      end_date: args[1],
    });
    expect(res.ok).toBe(true);
    const updates = list(parseLikeFixMyStreet(res.xml).request_update).filter(
      (u) => u.service_request_id === requestId,
    );
    const accepted = updates.filter((u) => {
      if (u.update_id === undefined) return false;
      const at = asUtcW3cdtf(String(u.updated_datetime));
      return at >= args[0] && at <= args[1];
    });
    expect(accepted.map((u) => mapState(String(u.status)))).toEqual([
      'investigating',
      'action scheduled',
      'fixed - council',
    ]);
    expect(accepted[2]!.description).toBe('Đã vá ổ gà & cắm biển báo <tạm thời>.');
    // The request itself now reads closed, with the answer as its notes.
    const [req] = list(parseLikeFixMyStreet((await fmsGet(`requests/${requestId}.xml`)).xml).request);
    expect(req).toMatchObject({
      status: 'closed',
      status_notes: 'Đã vá ổ gà & cắm biển báo <tạm thời>.',
      agency_responsible: 'Sở Xây dựng',
    });
  });

  it('PostServiceRequestUpdates: POST servicerequestupdates.xml with a comment; the reporter re-opens', async () => {
    const comment = await fmsPost('servicerequestupdates.xml', {
      updated_datetime: '2026-12-02T09:00:00+07:00',
      service_request_id: requestId,
      status: 'OPEN',
      description: 'Ổ gà bên cạnh vẫn còn.',
      last_name: 'Xóm',
      first_name: 'Hàng',
      email: 'hang.xom@example.vn',
      update_id: '98765',
    });
    expect(comment.ok).toBe(true);
    const updateId = list(parseLikeFixMyStreet(comment.xml).request_update)[0]!.update_id;
    expect(typeof updateId).toBe('string');
    const reopen = await fmsPost('servicerequestupdates.xml', {
      updated_datetime: '2026-12-02T09:05:00+07:00',
      service_request_id: requestId,
      status: 'REOPEN',
      description: 'Vá chưa kỹ, lại bị lún.',
      last_name: 'Thị Phản Ánh',
      first_name: 'Trần',
      email: 'tran.pa@example.vn',
      update_id: '98766',
    });
    expect(reopen.ok).toBe(true);
    const state = await t.database.db
      .selectFrom('cases')
      .select('state')
      .where('code', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('in_progress');
    const after = list(
      parseLikeFixMyStreet((await fmsGet('servicerequestupdates.xml', { api_key: apiKey })).xml)
        .request_update,
    );
    expect(mapState(String(after.filter((u) => u.service_request_id === requestId).at(-1)!.status))).toBe(
      'reopen',
    );
    const [req] = list(parseLikeFixMyStreet((await fmsGet(`requests/${requestId}.xml`)).xml).request);
    expect(mapState(String(req!.status))).toBe('confirmed');
  });
});
