import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor';
import { createFakeClock } from '../../platform/clock';
import { testSealer } from '../../test/app';
import { createTestDatabase, testDialect, type TestDatabase } from '../../test/database';
import { loadOfficialUnits } from '../geography/index';
import { editDistance } from './question-suggest';
import { queryGroups } from './question-search';
import { createQuestionsModule, type QuestionsModule } from './index';

/** A signed-in asker (staff questions are published at once, so the search sees them). */
const STAFF: Actor = {
  kind: 'user',
  user: {
    id: '019300000000-0000-7000-8000-000000000001',
    name: 'Cán bộ',
    email: null,
    phone: null,
    locale: 'vi',
  },
  grants: [
    {
      role: 'province_admin',
      unitCode: '80',
      level: 'province',
      provinceCode: '80',
      communeCode: null,
      hamletId: null,
    },
  ],
  sessionId: 's',
  csrfToken: 'c',
};
const ctx = { actor: STAFF, ip: null, requestId: null, at: '2026-12-01T02:00:00.000Z' };

/**
 * Search relevance with Vietnamese text on SQLite FTS5 and PostgreSQL full text (issue 11): tones and "đ" fold away on
 * both sides, the title weighs more than the body, the last word is a prefix, results are ranked and paged, the index
 * follows an edit in the same transaction, and suggestions forgive small typos.
 */
describe(`question search on ${testDialect()}`, () => {
  let database: TestDatabase;
  let m: QuestionsModule;
  const ids: Record<string, string> = {};
  const clock = createFakeClock('2026-12-01T02:00:00.000Z');

  const ask = async (key: string, title: string, body: string, topic = 'other') => {
    ids[key] = (await m.questions.ask(STAFF, { title, body, topic }, ctx)).id;
  };
  const search = async (q: string, extra: Record<string, string> = {}) =>
    (await m.questions.list({ q, limit: 20, ...extra })).items.map((i) => i.id);

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadOfficialUnits(database.db, { provinces: ['80'] });
    m = createQuestionsModule({
      db: database.db,
      dialect: database.dialect,
      clock,
      sealer: testSealer,
      provinceCode: '80',
      publicUrl: 'https://hoidap.example.vn',
      listServices: async () => [
        { code: 'vneid_level2', name: 'VNeID mức 2', nameEn: 'VNeID level 2', status: 'active' },
      ],
    });
    await ask(
      'birth',
      'Đăng ký khai sinh trực tuyến cho con',
      'Con tôi mới sinh, làm thủ tục ở đâu?',
      'procedures',
    );
    await ask(
      'birthBody',
      'Thủ tục cho trẻ mới sinh',
      'Tôi muốn đăng ký khai sinh cho cháu nội qua mạng.',
      'procedures',
    );
    await ask(
      'phone',
      'Điện thoại không nhận mã OTP',
      'Tôi đã đổi điện thoại và không nhận được mã.',
      'service.vneid_level2',
    );
    await ask(
      'qr',
      'Thanh toán tiền điện bằng mã QR',
      'Cách quét mã để trả tiền điện hằng tháng.',
      'skill.online_payment',
    );
    await ask(
      'scam',
      'Cuộc gọi lừa đảo giả công an',
      'Có người gọi tự xưng công an yêu cầu chuyển tiền.',
      'skill.online_safety',
    );
    await ask('death', 'Đăng ký khai tử cho người thân', 'Gia đình có người mất, cần khai tử.', 'procedures');
  });
  afterAll(async () => database.destroy());

  it('folds the query like the text: without tones, with tones, and "đ" as "d"', async () => {
    expect(await search('dang ky khai sinh')).toContain(ids.birth);
    expect(await search('ĐĂNG KÝ KHAI SINH')).toContain(ids.birth);
    expect(await search('dien thoai')).toEqual([ids.phone]);
    expect(await search('điện thoại')).toEqual([ids.phone]);
    expect(await search('lua dao')).toEqual([ids.scam]);
  });

  it('weighs the title over the body, and ranks the best match first', async () => {
    const found = await search('dang ky khai sinh');
    expect(found.slice(0, 2)).toEqual([ids.birth, ids.birthBody]);
    // "khai tu" still being typed: "tu…" is a prefix ("tuyến" matches too), but the death registration ranks first;
    // once the word is finished, only it matches.
    expect((await search('khai tu'))[0]).toBe(ids.death);
    expect(await search('khai tu ')).toEqual([ids.death]);
  });

  it('matches the last word as a prefix while it is typed, and whole words once a space follows', async () => {
    expect(await search('khai si')).toEqual(expect.arrayContaining([ids.birth, ids.birthBody]));
    expect(await search('thanh to')).toEqual([ids.qr]);
    expect(await search('thanh to ')).toEqual([]);
  });

  it('filters by topic and pages ranked results by cursor without repeats', async () => {
    expect(await search('dang ky', { topic: 'procedures' })).toEqual(
      expect.arrayContaining([ids.birth, ids.birthBody, ids.death]),
    );
    expect(await search('dien', { topic: 'skill.online_safety' })).toEqual([]);
    const first = await m.questions.list({ q: 'dang ky', limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await m.questions.list({ q: 'dang ky', limit: 2, cursor: first.nextCursor! });
    const all = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(all).size).toBe(3);
    expect(second.nextCursor).toBeNull();
  });

  it('keeps the index in step with an edit, in the same transaction', async () => {
    await m.staff.editQuestion(
      STAFF,
      ids.scam!,
      { title: 'Tin nhắn giả mạo ngân hàng', reason: 'edit' },
      ctx,
    );
    expect(await search('gia mao ngan hang')).toEqual([ids.scam]);
    expect(await search('cuoc goi')).toEqual([]);
  });

  it('suggests similar questions despite small typos, best title match first', async () => {
    const titles = async (q: string) => (await m.questions.suggest(q, 5)).items.map((i) => i.id);
    expect((await titles('dang ky khia sinh'))[0]).toBe(ids.birth); // transposed letters
    expect((await titles('dang ki khai sinh'))[0]).toBe(ids.birth); // one letter wrong
    expect((await titles('thanh toan tien dien'))[0]).toBe(ids.qr);
    expect((await titles('thnah toan'))[0]).toBe(ids.qr);
    expect((await titles('dang ky qqq khai sinh'))[0]).toBe(ids.birth); // a word nothing resembles is left out
    expect(await titles('chau noi')).toEqual([ids.birthBody]); // no title says it: the texts are searched
    expect(await titles('xyzzy qwerty')).toEqual([]);
  });

  it('builds query groups and edit distances as documented', () => {
    expect(queryGroups('Đăng ký khai si')).toEqual([
      { terms: ['dang'], prefix: false },
      { terms: ['ky'], prefix: false },
      { terms: ['khai'], prefix: false },
      { terms: ['si'], prefix: true },
    ]);
    expect(editDistance('khia', 'khai', 2)).toBe(1);
    expect(editDistance('thnah', 'thanh', 2)).toBe(1);
    expect(editDistance('sinh', 'sach', 1)).toBe(2);
  });
});
