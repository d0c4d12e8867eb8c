import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_REQUEST_CODE_PATTERN, HELP_REQUEST_STATES } from '../../../shared/rules/help-request-workflow';
import { localDateOf } from '../../../shared/time/vietnam-time';
import { createTestApp, signIn, testSealer, type TestApp } from '../../test/app';
import { testDialect } from '../../test/database';
import { DEMO_COMMUNE_CODE, seedDemoProvince, type SeedDemoResult } from '../demo/index';
import { loadOfficialUnits } from '../geography/index';
import { seedDemoTeams } from '../teams/index';
import { DEMO_HELP_REQUEST_COUNT, seedDemoHelpRequests } from './help-requests.demo';

// Tuesday 1 December 2026, 10:00 in Vietnam.
const NOW = '2026-12-01T03:00:00.000Z';

/**
 * The help requests' demo (issue 11) on a fresh app, seeded after the demo teams: ~150 requests over three months
 * in every state, sealed contacts with consent records, codes the day counters continue, done requests completed
 * by a linked support record of their team, and the demo team leader finding their team's requests.
 */
describe(`demo seed of help requests on ${testDialect()}`, () => {
  let t: TestApp;
  let seeded: SeedDemoResult;

  beforeAll(async () => {
    t = await createTestApp({ SEED: 'demo', PROVINCE_CODE: '80' });
    t.clock.set(NOW);
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    seeded = await seedDemoProvince({
      sealer: testSealer,
      db: t.database.db,
      clock: t.clock,
      config: t.config,
      extensions: [seedDemoTeams, seedDemoHelpRequests],
    });
  }, 120_000);
  afterAll(async () => t.close());

  const all = () => t.database.db.selectFrom('help_requests').selectAll().execute();

  it('files ~150 requests over three months in every state, some in the demo commune', async () => {
    const rows = await all();
    expect(rows).toHaveLength(DEMO_HELP_REQUEST_COUNT);
    const now = Date.parse(NOW);
    for (const r of rows) {
      expect(Date.parse(r.created_at)).toBeLessThanOrEqual(now);
      expect(now - Date.parse(r.created_at)).toBeLessThan(92 * 86_400_000);
      for (const at of [r.assigned_at, r.closed_at, r.rated_at]) {
        if (at) expect(Date.parse(at)).toBeLessThanOrEqual(now);
      }
    }
    for (const state of HELP_REQUEST_STATES) {
      expect(rows.filter((r) => r.state === state).length, state).toBeGreaterThan(0);
    }
    expect(rows.filter((r) => r.commune_code === DEMO_COMMUNE_CODE).length).toBeGreaterThan(20);
    expect(new Set(rows.map((r) => r.commune_code)).size).toBeGreaterThan(20);
    // Open requests past their 2-working-day call deadline, with the reminder sent.
    const overdue = rows.filter((r) => r.state === 'new' && Date.parse(r.call_due_at) < now);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((r) => r.reminded_at !== null)).toBe(true);
    expect(rows.filter((r) => r.rating !== null).length).toBeGreaterThan(10);
  });

  it('gives codes per local day that the day counters continue', async () => {
    const rows = await all();
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    const maxByDay = new Map<string, number>();
    for (const r of rows) {
      expect(r.code).toMatch(HELP_REQUEST_CODE_PATTERN);
      const day = localDateOf(new Date(r.created_at)).replaceAll('-', '');
      expect(r.code.slice(5, 13)).toBe(day);
      maxByDay.set(day, Math.max(maxByDay.get(day) ?? 0, Number(r.code.slice(14))));
    }
    const counters = await t.database.db.selectFrom('help_request_code_counters').selectAll().execute();
    expect(new Map(counters.map((c) => [c.day, Number(c.last_seq)]))).toEqual(maxByDay);
  });

  it('seals every contact, keeps its hash and records the consent of each request', async () => {
    const rows = await all();
    for (const r of rows) {
      expect(r.contact_phone).toMatch(/^s1\./);
      expect(testSealer.open(r.contact_phone!, 'help_requests.contact_phone')).toMatch(/^\+849\d{8}$/);
      expect(r.contact_phone_hash).toBeTruthy();
      if (r.contact_name) expect(r.contact_name).toMatch(/^s1\./);
      if (r.address) expect(r.address).toMatch(/^s1\./);
    }
    const consents = await t.database.db
      .selectFrom('consent_records')
      .select(['subject_id', 'purpose'])
      .where('subject_type', '=', 'help_request_contact')
      .execute();
    expect(consents).toHaveLength(rows.length);
    expect(consents.every((c) => c.purpose === 'help_requests')).toBe(true);
  });

  it('completes every done request with an active support record of its team that names it', async () => {
    const done = (await all()).filter((r) => r.state === 'done');
    expect(done.length).toBeGreaterThan(40);
    const records = await t.database.db
      .selectFrom('support_records')
      .select(['id', 'team_id', 'help_request_id', 'state', 'member_id'])
      .where('help_request_id', 'is not', null)
      .execute();
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const r of done) {
      const record = byId.get(r.support_record_id!);
      expect(record, r.code).toBeDefined();
      expect(record!.help_request_id).toBe(r.id);
      expect(record!.team_id).toBe(r.team_id);
      expect(record!.member_id).toBe(r.assigned_member_id);
      expect(record!.state).toBe('active');
    }
  });

  it('lets the demo team leader find their team’s requests, phones masked, and anyone track one by code', async () => {
    const leader = seeded.accounts.find((a) => a.role === 'team_leader')!;
    const session = await signIn(t.app, leader.email, leader.password);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/help-requests?limit=100',
      headers: session.headers,
    });
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: { code: string; phoneMasked: string | null }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.phoneMasked === null || /••/.test(i.phoneMasked))).toBe(true);
    expect(list.body).not.toMatch(/\+849\d{8}/);
    const track = await t.app.inject({ method: 'GET', url: `/api/v1/help-requests/track/${items[0]!.code}` });
    expect(track.statusCode).toBe(200);
    expect(track.body).not.toMatch(/\+849|09\d{8}/);
  });
});
