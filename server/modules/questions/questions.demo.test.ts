import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, testSealer, type TestApp } from '../../test/app';
import { createTestDatabase, testDialect } from '../../test/database';
import { seedDemoProvince, type SeedDemoResult } from '../demo/index';
import { loadOfficialUnits } from '../geography/index';
import { DEMO_QUESTION_COUNT, seedDemoQuestions } from './questions.demo';
import { TOPIC_TEXTS } from './questions.demo-text';

// Sunday 6 December 2026, 10:00 in Vietnam.
const NOW = '2026-12-06T03:00:00.000Z';
const DAY = 86_400_000;

/**
 * The Q&A's demo (issue 11) on a fresh app: ~300 questions over six months on every topic, in every status,
 * answered by the demo's teams, officers and agencies (counters agreeing with the vote rows), some unanswered for
 * more than 48 hours, an FAQ of 3–6 per topic, e-mails sealed with consent records, and the search index in step.
 */
describe(`demo seed of questions on ${testDialect()}`, () => {
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
      extensions: [seedDemoQuestions],
    });
  }, 120_000);
  afterAll(async () => t.close());

  const db = () => t.database.db;
  const all = () => db().selectFrom('questions').selectAll().execute();
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'GET', url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('asks ~300 questions over six months, on every topic, in every status', async () => {
    const step = seeded.steps.find((s) => s.name === 'seedDemoQuestions');
    expect(step, JSON.stringify(seeded.steps)).toBeDefined();
    // The brief's budget is ~2 s; a loaded test machine gets twice that.
    expect(step!.ms).toBeLessThan(4_000);
    const rows = await all();
    expect(rows).toHaveLength(DEMO_QUESTION_COUNT);
    const now = Date.parse(NOW);
    for (const r of rows) {
      expect(Date.parse(r.created_at)).toBeLessThanOrEqual(now);
      expect(now - Date.parse(r.created_at)).toBeLessThan(183 * DAY);
      if (r.published_at) expect(Date.parse(r.published_at)).toBeLessThanOrEqual(now);
      expect(r.search_title).not.toMatch(/[A-ZĐđà-ỹ]/);
    }
    expect(rows.some((r) => now - Date.parse(r.created_at) > 150 * DAY)).toBe(true);
    expect(new Set(rows.map((r) => r.topic))).toEqual(new Set(TOPIC_TEXTS.map((x) => x.topic)));
    expect(new Set(rows.map((r) => r.title)).size).toBeGreaterThan(180);
    const by = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).length;
    expect(by((r) => r.status === 'published')).toBeGreaterThan(230);
    expect(by((r) => r.status === 'pending')).toBeGreaterThan(0);
    expect(by((r) => r.status === 'pending' && r.published_at === null)).toBe(
      by((r) => r.status === 'pending'),
    );
    expect(
      by((r) => r.status === 'hidden' && r.hidden_reason === 'flags' && r.open_flags >= 3),
    ).toBeGreaterThan(0);
    expect(by((r) => r.status === 'published' && r.open_flags > 0)).toBeGreaterThan(0);
    expect(by((r) => r.status === 'merged' && r.merged_into_id !== null)).toBeGreaterThan(0);
    expect(by((r) => r.closed_at !== null)).toBeGreaterThan(0);
    // Unanswered, some for more than 48 hours (the network's list).
    const unanswered = rows.filter((r) => r.status === 'published' && r.answer_count === 0);
    expect(unanswered.filter((r) => now - Date.parse(r.published_at!) > 2 * DAY).length).toBeGreaterThan(10);
    expect(unanswered.filter((r) => now - Date.parse(r.published_at!) < 2 * DAY).length).toBeGreaterThan(0);
  });

  it('answers by teams, officers and agencies, with counters that agree with their rows', async () => {
    const [rows, answers, reactions, flags] = await Promise.all([
      all(),
      db().selectFrom('question_answers').selectAll().execute(),
      db().selectFrom('question_reactions').selectAll().execute(),
      db().selectFrom('question_flags').selectAll().execute(),
    ]);
    const roles = new Set(answers.map((a) => a.author_role));
    for (const role of ['team_member', 'team_leader', 'agency_handler', 'department_officer'])
      expect(roles, role).toContain(role);
    expect(answers.filter((a) => a.official === 1).length).toBeGreaterThan(30);
    expect(answers.filter((a) => a.official === 0).length).toBeGreaterThan(30);
    expect(answers.filter((a) => a.author_role.startsWith('team_')).every((a) => a.official === 0)).toBe(
      true,
    );
    for (const q of rows) {
      const mine = answers.filter((a) => a.question_id === q.id && a.status === 'published');
      expect(q.answer_count, q.id).toBe(mine.length);
      expect(q.has_official_answer).toBe(mine.some((a) => a.official === 1) ? 1 : 0);
      if (q.accepted_answer_id) expect(mine.map((a) => a.id)).toContain(q.accepted_answer_id);
      if (mine.length > 0) expect(q.first_answered_at).toBe(mine.map((a) => a.created_at).sort()[0]);
      expect(q.open_flags).toBe(flags.filter((f) => f.target_id === q.id && f.resolved_at === null).length);
      for (const a of mine)
        expect(Date.parse(a.created_at)).toBeGreaterThan(Date.parse(q.published_at ?? q.created_at));
    }
    expect(rows.filter((r) => r.accepted_answer_id !== null).length).toBeGreaterThan(40);
    const count = (kind: string, id: string) =>
      reactions.filter((x) => x.kind === kind && x.target_id === id).length;
    for (const a of answers) {
      expect(a.upvotes).toBe(count('upvote', a.id));
      expect(a.helpful).toBe(count('helpful', a.id));
    }
    for (const q of rows) expect(q.upvotes).toBe(count('upvote', q.id));
    expect(answers.filter((a) => a.upvotes > 0).length).toBeGreaterThan(20);
    expect(answers.filter((a) => a.helpful > 0).length).toBeGreaterThan(20);
  });

  it('curates an FAQ of 3–6 ordered entries for every topic', async () => {
    const faq = (await get('/api/v1/faq')) as {
      topics: { topic: string; items: { position: number; answer: string | null }[] }[];
    };
    for (const { topic } of TOPIC_TEXTS) {
      const entry = faq.topics.find((x) => x.topic === topic);
      expect(entry, topic).toBeDefined();
      expect(entry!.items.length, topic).toBeGreaterThanOrEqual(3);
      expect(entry!.items.length, topic).toBeLessThanOrEqual(6);
      expect(entry!.items.map((i) => i.position)).toEqual(entry!.items.map((_, i) => i + 1));
      expect(entry!.items.every((i) => i.answer !== null)).toBe(true);
    }
  });

  it('finds a seeded question typed without tones, through the search index', async () => {
    const page = (await get(`/api/v1/questions?q=${encodeURIComponent('dang ky khai sinh')}`)) as {
      items: { title: string }[];
    };
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items[0]!.title.toLowerCase()).toContain('đăng ký khai sinh');
    const typo = (await get(
      `/api/v1/questions/suggestions?q=${encodeURIComponent('dinh danh dien tu muc')}`,
    )) as {
      items: { title: string }[];
    };
    expect(typo.items.length).toBeGreaterThan(0);
    // The unanswered list of the network holds the seeded questions waiting for more than 48 hours.
    const admin = seeded.accounts.find((a) => a.role === 'province_admin')!;
    const session = await signIn(t.app, admin.email, admin.password);
    const waiting = (await get('/api/v1/questions/unanswered', session.headers)) as { items: unknown[] };
    expect(waiting.items.length).toBeGreaterThan(0);
  });

  it('seals every e-mail with its hash and a consent record; no plaintext anywhere', async () => {
    const rows = await all();
    const withEmail = rows.filter((r) => r.asker_email !== null);
    expect(withEmail.length).toBeGreaterThan(50);
    for (const r of withEmail) {
      expect(r.asker_email).toMatch(/^s1\./);
      expect(testSealer.open(r.asker_email!, 'questions.asker_email')).toMatch(/@example\.vn$/);
      expect(r.asker_email_hash).not.toBeNull();
    }
    expect(JSON.stringify(rows)).not.toMatch(/@example\.vn/);
    const consents = await db()
      .selectFrom('consent_records')
      .selectAll()
      .where('subject_type', '=', 'question_contact')
      .execute();
    expect(consents).toHaveLength(withEmail.length);
    const hashes = new Map(withEmail.map((r) => [r.id, r.asker_email_hash]));
    for (const c of consents) expect(c.contact_hash).toBe(hashes.get(c.subject_id));
  });

  it('is deterministic: another database seeded on the same day holds the same questions', async () => {
    const other = await createTestDatabase();
    try {
      await loadOfficialUnits(other.db, { provinces: ['80'] });
      await seedDemoProvince({
        sealer: testSealer,
        db: other.db,
        clock: t.clock,
        config: t.config,
        extensions: [seedDemoQuestions],
      });
      const pick = (d: typeof other.db) =>
        d.selectFrom('questions').select(['id', 'title', 'status', 'answer_count']).orderBy('id').execute();
      expect(await pick(other.db)).toEqual(await pick(db()));
    } finally {
      await other.destroy();
    }
  });
});
