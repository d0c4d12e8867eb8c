import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATES, CASE_TRACKING_CODE_PATTERN } from '../../../shared/rules/case-workflow';
import { DEMO_SEED_EXTENSIONS } from '../../app';
import { createFileStorage } from '../../platform/files/index';
import { createTestApp, testSealer, type TestApp } from '../../test/app';
import { testDialect } from '../../test/database';
import { DEMO_COMMUNE_CODE, seedDemoProvince, type SeedDemoResult } from '../demo/index';
import { loadOfficialUnits } from '../geography/index';
import { reportBody, tempStorage } from './cases.fixtures';
import { DEMO_CASE_COUNT } from './cases.demo';

// Tuesday 1 December 2026, 10:00 in Vietnam.
const NOW = '2026-12-01T03:00:00.000Z';

/**
 * The case engine's demo (issue 10) on a fresh app: several hundred reports and petitions in every state, with
 * photos the public route serves, sealed contacts, tracking codes the day counters continue, and teams' proposals.
 */
describe(`demo seed of cases on ${testDialect()}`, () => {
  let t: TestApp;
  let seeded: SeedDemoResult;
  const files = tempStorage();

  beforeAll(async () => {
    t = await createTestApp({ SEED: 'demo', PROVINCE_CODE: '80', STORAGE_URL: `file://${files.dir}` });
    t.clock.set(NOW);
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    seeded = await seedDemoProvince({
      sealer: testSealer,
      db: t.database.db,
      clock: t.clock,
      config: t.config,
      storage: createFileStorage(t.config.storage),
      extensions: DEMO_SEED_EXTENSIONS,
    });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    files.cleanup();
  });

  const all = () => t.database.db.selectFrom('cases').selectAll().execute();

  it('files several hundred reports and petitions over six months, in every state, in a few seconds', async () => {
    const step = seeded.steps.find((s) => s.name === 'seedDemoCases');
    expect(step, JSON.stringify(seeded.steps)).toBeDefined();
    // About 3.5 s on SQLite and 4 s on PostgreSQL on the two-core machine; the bound leaves room for a busy one.
    expect(step!.ms).toBeLessThan(15_000);
    const rows = await all();
    const citizens = rows.filter((r) => r.kind !== 'proposal');
    expect(citizens.length).toBeGreaterThanOrEqual(300);
    expect(citizens.length).toBeLessThanOrEqual(DEMO_CASE_COUNT);
    expect(citizens.filter((r) => r.kind === 'petition').length).toBeGreaterThan(20);
    const now = Date.parse(NOW);
    for (const r of citizens) {
      expect(Date.parse(r.submitted_at)).toBeLessThanOrEqual(now);
      expect(now - Date.parse(r.submitted_at)).toBeLessThan(183 * 86_400_000);
    }
    for (const state of CASE_STATES)
      expect(
        citizens.some((r) => r.state === state),
        state,
      ).toBe(true);
    expect(new Set(citizens.map((r) => r.commune_code)).size).toBeGreaterThan(30);
    expect(citizens.filter((r) => r.commune_code === DEMO_COMMUNE_CODE).length).toBeGreaterThan(20);
  });

  it('tells a plausible story: deadlines, overdue cases, extensions, ratings, disputes, merges, refusals', async () => {
    const rows = await all();
    const now = Date.parse(NOW);
    const open = rows.filter((r) => ['accepted', 'assigned', 'in_progress'].includes(r.state));
    const overdue = open.filter((r) => r.handle_due_at !== null && Date.parse(r.handle_due_at) < now);
    expect(overdue.length).toBeGreaterThan(3);
    expect(overdue.length).toBeLessThan(open.length);
    expect(rows.some((r) => r.state === 'submitted' && Date.parse(r.accept_due_at) > now)).toBe(true);
    for (const r of rows.filter((x) => x.accepted_at !== null)) {
      expect(r.handle_due_at, r.code).not.toBeNull();
      expect(Date.parse(r.accepted_at!)).toBeGreaterThanOrEqual(Date.parse(r.submitted_at));
    }
    const rated = rows.filter((r) => r.rating !== null);
    expect(rated.length).toBeGreaterThan(20);
    expect(
      rated.every((r) => r.rating! >= 1 && r.rating! <= 5 && ['answered', 'closed'].includes(r.state)),
    ).toBe(true);
    expect(rows.some((r) => r.reopen_count === 1 && r.disputed_at !== null)).toBe(true);
    const refused = rows.filter((r) => r.state === 'refused');
    expect(refused.every((r) => r.refused_reason && r.closed_at)).toBe(true);
    const ids = new Set(rows.map((r) => r.id));
    const merged = rows.filter((r) => r.state === 'merged');
    expect(merged.every((r) => r.merged_into_id !== null && ids.has(r.merged_into_id))).toBe(true);
    const extensions = await t.database.db.selectFrom('case_extensions').select('status').execute();
    expect(new Set(extensions.map((e) => e.status)).has('approved')).toBe(true);
    // Every timeline starts with the submission, and the answers are on the public timeline.
    const updates = await t.database.db
      .selectFrom('case_updates')
      .select(['case_id', 'action', 'to_state', 'public'])
      .execute();
    const submittedEntries = updates.filter((u) => u.to_state === 'submitted').map((u) => u.case_id);
    expect(new Set(submittedEntries).size).toBe(rows.length);
    expect(updates.filter((u) => u.action === 'answer').every((u) => u.public === 1)).toBe(true);
    // Cases with an agency went to the one the routing rules name (a commune's own rule before the province's).
    const rules = await t.database.db.selectFrom('case_routing_rules').selectAll().execute();
    for (const r of rows.filter((x) => x.agency_id !== null)) {
      const expected =
        rules.find((x) => x.category_code === r.category_code && x.commune_code === r.commune_code) ??
        rules.find((x) => x.category_code === r.category_code && x.commune_code === null);
      expect(r.agency_id, r.code).toBe(expected?.agency_id);
    }
    const supporters = await t.database.db.selectFrom('case_supporters').select('case_id').execute();
    expect(supporters.length).toBe(rows.reduce((n, r) => n + r.supporters, 0));
    expect(supporters.length).toBeGreaterThan(50);
    expect((await t.database.db.selectFrom('case_followers').select('id').execute()).length).toBeGreaterThan(
      5,
    );
  });

  it('numbers the cases PAKN.yyyymmdd.nnnn, once each, and moves the day counters on', async () => {
    const rows = await all();
    expect(rows.every((r) => CASE_TRACKING_CODE_PATTERN.test(r.code))).toBe(true);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    const counters = await t.database.db.selectFrom('case_code_counters').selectAll().execute();
    for (const c of counters) {
      const used = rows
        .filter((r) => r.code.startsWith(`PAKN.${c.day}.`))
        .map((r) => Number(r.code.slice(14)));
      expect(Number(c.last_seq)).toBe(Math.max(...used));
    }
    // A report filed now gets the next number of today, not one the demo already used.
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: reportBody() });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json() as { code: string };
    expect(rows.some((r) => r.code === code)).toBe(false);
    const today = rows.filter((r) => r.code.startsWith(code.slice(0, 14))).length;
    expect(code).toBe(`${code.slice(0, 14)}${String(today + 1).padStart(4, '0')}`);
  });

  it('keeps reporters’ contacts sealed, with the consent intake records', async () => {
    const rows = await all();
    const withPhone = rows.filter((r) => r.reporter_phone !== null);
    expect(withPhone.length).toBeGreaterThan(100);
    for (const r of rows) {
      for (const value of [r.reporter_phone, r.reporter_email, r.reporter_name]) {
        if (value === null) continue;
        expect(value).not.toMatch(/\+84\d{9}|@example\.com/);
      }
    }
    expect(testSealer.open(withPhone[0]!.reporter_phone!, 'cases.reporter_phone')).toMatch(/^\+84\d{9}$/);
    const consents = await t.database.db
      .selectFrom('consent_records')
      .select('subject_id')
      .where('subject_type', '=', 'case_contact')
      .execute();
    const withContact = rows.filter((r) => r.reporter_phone !== null || r.reporter_email !== null);
    expect(new Set(consents.map((c) => c.subject_id))).toEqual(new Set(withContact.map((r) => r.id)));
  });

  it('serves the seeded photos through the public photo route, about one report in three with some', async () => {
    const photos = await t.database.db
      .selectFrom('case_files')
      .innerJoin('cases', 'cases.id', 'case_files.case_id')
      .select(['case_files.id', 'case_files.case_id', 'case_files.update_id', 'cases.kind'])
      .execute();
    const reports = (await all()).filter((r) => r.kind === 'report');
    const withPhotos = new Set(photos.filter((p) => p.update_id === null).map((p) => p.case_id));
    expect(withPhotos.size / reports.length).toBeGreaterThan(0.2);
    expect(withPhotos.size / reports.length).toBeLessThan(0.5);
    expect(photos.some((p) => p.update_id !== null)).toBe(true);
    for (const p of [photos[0]!, photos.find((x) => x.update_id !== null)!]) {
      for (const variant of ['display', 'thumb']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/case-files/${p.id}/${variant}` });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toBe('image/webp');
        expect(res.rawPayload.subarray(8, 12).toString('latin1')).toBe('WEBP');
      }
    }
  });

  it('shows the seeded reports in the public list and on the map (the overview once the job has run)', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=50' });
    expect(list.statusCode, list.body).toBe(200);
    const items = (list.json() as { items: { code: string; thumbUrl: string | null }[] }).items;
    expect(items.length).toBe(50);
    expect(items.some((i) => i.thumbUrl !== null)).toBe(true);
    expect(list.body).not.toMatch(/\+84\d{9}|@example\.com/);
    await t.built.services.cases.refreshMapOverview();
    const published = (await all()).filter(
      (r) => r.published_at !== null && r.hidden === 0 && r.kind !== 'proposal' && r.lat !== null,
    );
    // The province's box with a margin: the overview's 9 km cells are drawn where their reports are.
    const lats = published.map((r) => r.lat!);
    const lngs = published.map((r) => r.lng!);
    const province = [
      Math.min(...lngs) - 0.2,
      Math.min(...lats) - 0.2,
      Math.max(...lngs) + 0.2,
      Math.max(...lats) + 0.2,
    ].join(',');
    const wide = await t.app.inject({ method: 'GET', url: `/api/v1/cases/map?bbox=${province}&zoom=8` });
    expect(wide.statusCode, wide.body).toBe(200);
    expect((wide.json() as { total: number }).total).toBe(published.length);
    const close = await t.app.inject({ method: 'GET', url: `/api/v1/cases/map?bbox=${province}&zoom=11` });
    expect((close.json() as { total: number }).total).toBeGreaterThan(100);
  });

  it('raises a few teams’ proposals, answered by the Youth Union in each official state', async () => {
    const proposals = (await all()).filter((r) => r.kind === 'proposal');
    expect(proposals.length).toBeGreaterThanOrEqual(6);
    expect(proposals.length).toBeLessThanOrEqual(10);
    expect(
      proposals.every((p) => p.team_id !== null && p.theme === p.category_code && p.published_at === null),
    ).toBe(true);
    const states = new Set(proposals.map((p) => p.state));
    for (const s of ['accepted', 'in_progress', 'answered', 'refused'])
      expect(states.has(s as never), s).toBe(true);
    const youthUnion = await t.database.db
      .selectFrom('agencies')
      .select('id')
      .where('kind', '=', 'youth_union')
      .executeTakeFirstOrThrow();
    expect(proposals.filter((p) => p.agency_id !== null).every((p) => p.agency_id === youthUnion.id)).toBe(
      true,
    );
    const progress = await t.database.db
      .selectFrom('case_updates')
      .select('case_id')
      .where('kind', '=', 'public_update')
      .where(
        'case_id',
        'in',
        proposals.map((p) => p.id),
      )
      .execute();
    expect(progress.length).toBeGreaterThan(0);
  });
});
