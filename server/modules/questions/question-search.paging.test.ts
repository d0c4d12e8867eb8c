import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../../shared/text/fold';
import { createTestDatabase, testDialect, type TestDatabase } from '../../test/database';
import { createQuestionSearch, queryGroups, type QuestionSearch, type RankedHit } from './question-search';

const AT = '2026-12-01T02:00:00.000Z';

/**
 * Ranked search over more matches than SQLite's first candidate cut (question-search.ts ranks the index's best 100
 * first): filters that leave few of them, ties on the cut (identical texts score the same), and cursor paging must
 * give every matching question once, best first — the same answer as ranking every match.
 */
describe(`ranked search beyond the candidate cut on ${testDialect()}`, () => {
  let database: TestDatabase;
  let search: QuestionSearch;
  const procedures = new Set<string>();
  const published = new Set<string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    search = createQuestionSearch(database.db, database.dialect);
    const rows = [];
    for (let i = 0; i < 260; i++) {
      // Four kinds of text (many exact ties), the words repeated more or less often (different scores).
      const kind = i % 4;
      const title = `Đăng ký khai sinh ${'cho con '.repeat(kind)}số ${kind}`;
      const body = `Hỏi về khai sinh và hộ tịch. ${'Thủ tục khai sinh. '.repeat(kind)}`;
      const id = `01930000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      const topic = i % 13 === 0 ? 'procedures' : 'other';
      const status: 'pending' | 'published' = i % 10 === 9 ? 'pending' : 'published';
      if (status === 'published') published.add(id);
      if (status === 'published' && topic === 'procedures') procedures.add(id);
      rows.push({
        id,
        // Rowids run against the ids: a tie cut by the index keeps other rows than an id order would.
        search_rowid: 260 - i,
        province_code: '80',
        commune_code: null,
        hamlet_id: null,
        topic,
        title,
        body,
        search_title: foldText(title),
        search_body: foldText(body),
        status,
        hidden_reason: null,
        locked_at: null,
        closed_at: null,
        merged_into_id: null,
        asker_name: null,
        asker_email: null,
        asker_email_hash: null,
        asker_token_hash: null,
        asker_user_id: null,
        accepted_answer_id: null,
        answer_count: 0,
        has_official_answer: 0,
        upvotes: 0,
        helpful: 0,
        open_flags: 0,
        faq_position: null,
        faq_at: null,
        published_at: status === 'published' ? AT : null,
        first_answered_at: null,
        edited_at: null,
        contact_anonymised_at: null,
        created_at: AT,
        updated_at: AT,
      });
    }
    await database.db.insertInto('questions').values(rows).execute();
  });
  afterAll(async () => database.destroy());

  async function everyPage(q: string, topic?: string, titleOnly = false): Promise<RankedHit[]> {
    const out: RankedHit[] = [];
    let after: RankedHit | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const hits = await search.search({ provinceCode: '80', topic }, queryGroups(q), {
        mode: 'all',
        limit: 21,
        after,
        titleOnly,
      });
      // The service asks for limit + 1 to know whether there is a next page; the cursor is the 20th.
      out.push(...hits.slice(0, 20));
      if (hits.length < 21) return out;
      after = hits[19]!;
    }
    throw new Error('paging did not end');
  }

  const inOrder = (hits: RankedHit[]) =>
    hits.every(
      (h, i) =>
        i === 0 || hits[i - 1]!.score < h.score || (hits[i - 1]!.score === h.score && hits[i - 1]!.id < h.id),
    );

  it('pages through every published match once, best first, ties broken by id', async () => {
    const hits = await everyPage('khai sinh');
    expect(hits.map((h) => h.id).sort()).toEqual([...published].sort());
    expect(inOrder(hits)).toBe(true);
    // More "khai sinh" in the text ranks better (a smaller score on both engines).
    expect(hits[0]!.score).toBeLessThan(hits[hits.length - 1]!.score);
  });

  it('finds the few matches a filter keeps when the best candidates are all filtered out', async () => {
    const hits = await everyPage('dang ky khai sinh', 'procedures');
    expect(hits.map((h) => h.id).sort()).toEqual([...procedures].sort());
    expect(inOrder(hits)).toBe(true);
  });

  it("keeps the titles' own index in step with an edit (suggestions search it)", async () => {
    const id = '01930000-0000-7000-8000-000000000001';
    const titles = async (q: string) =>
      (
        await search.search({ provinceCode: '80' }, queryGroups(q), {
          mode: 'all',
          limit: 5,
          titleOnly: true,
        })
      ).map((h) => h.id);
    expect(await titles('phieu ly lich tu phap ')).toEqual([]);
    await database.db
      .updateTable('questions')
      .set({ title: 'Phiếu lý lịch tư pháp', search_title: foldText('Phiếu lý lịch tư pháp') })
      .where('id', '=', id)
      .execute();
    expect(await titles('phieu ly lich tu phap ')).toEqual([id]);
    await database.db
      .updateTable('questions')
      .set({ title: 'Đăng ký khai sinh số 1', search_title: foldText('Đăng ký khai sinh số 1') })
      .where('id', '=', id)
      .execute();
    expect(await titles('phieu ly lich tu phap ')).toEqual([]);
  });

  it('answers a first page that equals the head of the full ranking (titles only too)', async () => {
    for (const titleOnly of [false, true]) {
      const all = await everyPage('khai sinh cho', undefined, titleOnly);
      expect(all.length).toBeGreaterThan(100);
      const first = await search.search({ provinceCode: '80' }, queryGroups('khai sinh cho'), {
        mode: 'all',
        limit: 21,
        titleOnly,
      });
      expect(first.map((h) => h.id)).toEqual(all.slice(0, 21).map((h) => h.id));
    }
  });

  it('ranks only the newest matches on PostgreSQL (no ranked index there), every match on SQLite', async () => {
    const capped = createQuestionSearch(database.db, database.dialect, { pgCandidates: 50 });
    const out: RankedHit[] = [];
    let after: RankedHit | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const hits = await capped.search({ provinceCode: '80' }, queryGroups('khai sinh'), {
        mode: 'all',
        limit: 21,
        after,
      });
      out.push(...hits.slice(0, 20));
      if (hits.length < 21) break;
      after = hits[19]!;
    }
    expect(inOrder(out)).toBe(true);
    // Every row was published at the same instant, so "newest" is the largest ids (the index's tie-break).
    const newest = [...published].sort().reverse().slice(0, 50);
    expect(out.map((h) => h.id).sort()).toEqual(
      database.dialect === 'postgres' ? newest.sort() : [...published].sort(),
    );
  });
});
