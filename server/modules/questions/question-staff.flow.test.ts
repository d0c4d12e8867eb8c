import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database';
import { COMMUNE_A, createQuestionsWorld, type QuestionsWorld } from './questions.fixtures';

/**
 * The network's steps on questions (issue 11): lock and close stop answers, editing personal data out keeps the
 * history without the removed text, merging moves answers to the kept question, the "unanswered > 48 h" list, and
 * the FAQ's promotion, order and demotion with its schema.org FAQPage.
 */
describe(`question staff flows on ${testDialect()}`, () => {
  let w: QuestionsWorld;
  beforeAll(async () => {
    w = await createQuestionsWorld();
  });
  afterAll(async () => w.close());

  const admin = () => w.headers('province_admin');
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => w.t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('stops answers and clarifications on a locked or closed question, and reopens it', async () => {
    const q = await w.askPublished({
      title: 'Khoá tài khoản mạng xã hội bị mất',
      body: 'Tôi bị mất tài khoản, làm sao lấy lại?',
    });
    const act = (action: string) => call('POST', `/api/v1/questions/${q.id}/moderation`, admin(), { action });
    expect((await act('lock')).statusCode).toBe(200);
    expect((await act('lock')).statusCode).toBe(409);
    const refused = await call('POST', `/api/v1/questions/${q.id}/answers`, w.headers('team_member'), {
      body: 'Trả lời',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.messageVi).toContain('khoá');
    expect((await act('unlock')).statusCode).toBe(200);
    expect((await act('close')).statusCode).toBe(200);
    const asker = await call(
      'POST',
      `/api/v1/questions/${q.id}/comments`,
      {},
      { body: 'Xin hỏi thêm', askerToken: q.askerToken },
    );
    expect(asker.statusCode).toBe(409);
    expect((await act('reopen')).statusCode).toBe(200);
    const ok = await call(
      'POST',
      `/api/v1/questions/${q.id}/comments`,
      {},
      { body: 'Tôi dùng Zalo', askerToken: q.askerToken },
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ byAsker: true, body: 'Tôi dùng Zalo' });
  });

  it('edits personal data out: the history records the edit but not the removed text, and search forgets it', async () => {
    const q = await w.askPublished({
      title: 'Hỏi về thẻ bảo hiểm của Nguyễn Văn Tèo',
      body: 'Số điện thoại của tôi là 0912345678, căn cước 079123456789.',
      communeCode: COMMUNE_A,
    });
    const edit = await call('PATCH', `/api/v1/questions/${q.id}`, w.headers('commune_officer:in'), {
      title: 'Hỏi về thẻ bảo hiểm y tế',
      body: 'Số điện thoại của tôi là [đã ẩn], căn cước [đã ẩn].',
      reason: 'personal_data',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const a = await w.answer('team_member', q.id, 'Gọi 0912345678 để được hỗ trợ.');
    const fix = await call('PATCH', `/api/v1/questions/${q.id}/answers/${a.id}`, w.headers('team_member'), {
      body: 'Gọi tổng đài để được hỗ trợ.',
      reason: 'personal_data',
    });
    expect(fix.statusCode, fix.body).toBe(200);
    const history = await call('GET', `/api/v1/questions/${q.id}/revisions`, admin());
    const items = (
      history.json() as { items: { reason: string; beforeBody: string | null; beforeTitle: string | null }[] }
    ).items;
    expect(items).toHaveLength(2);
    expect(
      items.every((r) => r.reason === 'personal_data' && r.beforeBody === null && r.beforeTitle === null),
    ).toBe(true);
    expect(history.body).not.toMatch(/0912345678|079123456789|Tèo/);
    // Who edited, by name (the moderator reads people, not account ids).
    const editors = (history.json() as { items: { editorUserId: string; editorName: string | null }[] })
      .items;
    for (const r of editors) {
      const user = await w.t.database.db
        .selectFrom('users')
        .select('name')
        .where('id', '=', r.editorUserId)
        .executeTakeFirstOrThrow();
      expect(r.editorName).toBe(user.name);
    }
    const page = await call('GET', `/api/v1/questions/${q.id}`, {});
    expect(page.body).not.toMatch(/0912345678|079123456789|Tèo/);
    const found = await call('GET', `/api/v1/questions?q=${encodeURIComponent('Teo')}`, {});
    expect((found.json() as { items: unknown[] }).items).toEqual([]);
    const audit = await w.t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', q.id)
      .execute();
    expect(audit.map((r) => r.action)).toContain('question.redacted');
  });

  it('merges a duplicate: its answers move, it points to the kept question', async () => {
    const kept = await w.askPublished({
      title: 'Cách cài VNeID trên điện thoại',
      body: 'Tôi muốn cài ứng dụng VNeID.',
    });
    const dup = await w.askPublished({
      title: 'Cài VNeID như thế nào',
      body: 'Hướng dẫn tôi cài VNeID với.',
    });
    const a = await w.answer('team_member', dup.id, 'Tải ứng dụng VNeID từ kho ứng dụng.');
    const merged = await call('POST', `/api/v1/questions/${dup.id}/merge`, admin(), { intoId: kept.id });
    expect(merged.statusCode, merged.body).toBe(200);
    const keptPage = (await call('GET', `/api/v1/questions/${kept.id}`, {})).json() as {
      answers: { id: string }[];
    };
    expect(keptPage.answers.map((x) => x.id)).toEqual([a.id]);
    const dupPage = (await call('GET', `/api/v1/questions/${dup.id}`, {})).json() as {
      status: string;
      mergedIntoId: string;
    };
    expect(dupPage).toMatchObject({ status: 'merged', mergedIntoId: kept.id });
    expect(
      (await call('POST', `/api/v1/questions/${dup.id}/merge`, admin(), { intoId: kept.id })).statusCode,
    ).toBe(409);
  });

  it('lists questions unanswered for more than 48 hours, oldest first, until someone answers', async () => {
    const q = await w.askPublished({
      title: 'Nộp thuế đất qua ứng dụng',
      body: 'Tôi nộp thuế đất trên điện thoại được không?',
    });
    const list = async () =>
      (
        (await call('GET', '/api/v1/questions/unanswered', w.headers('team_member'))).json() as {
          items: { id: string }[];
        }
      ).items.map((i) => i.id);
    expect(await list()).not.toContain(q.id);
    w.t.clock.advance(49 * 3_600_000);
    expect(await list()).toContain(q.id);
    await w.answer('team_leader', q.id);
    expect(await list()).not.toContain(q.id);
  });

  it('curates the FAQ per topic: promote, order, demote; the public FAQ carries FAQPage JSON-LD', async () => {
    const topic = 'skill.online_safety';
    const one = await w.askPublished({
      title: 'Nhận diện tin nhắn lừa đảo',
      body: 'Làm sao biết tin nhắn là lừa đảo?',
      topic,
    });
    const two = await w.askPublished({
      title: 'Đặt mật khẩu an toàn',
      body: 'Mật khẩu thế nào là an toàn?',
      topic,
    });
    await w.answer('province_admin', one.id, 'Không bấm vào đường link lạ.');
    await w.answer('team_member', two.id, 'Dùng ít nhất 12 ký tự.');
    const yu = w.headers('youth_union');
    expect((await call('PUT', `/api/v1/faq/${one.id}`, yu, {})).json()).toEqual({
      id: one.id,
      topic,
      position: 1,
    });
    expect((await call('PUT', `/api/v1/faq/${two.id}`, yu, { position: 1 })).json()).toEqual({
      id: two.id,
      topic,
      position: 1,
    });
    let faq = (await call('GET', `/api/v1/faq?topic=${topic}`, {})).json() as {
      topics: { topic: string; items: { id: string; answer: string | null }[] }[];
      jsonLd: { '@type': string; mainEntity: unknown[] };
    };
    expect(faq.topics[0]!.items.map((i) => i.id)).toEqual([two.id, one.id]);
    expect(faq.topics[0]!.items[1]!.answer).toBe('Không bấm vào đường link lạ.');
    expect(faq.jsonLd['@type']).toBe('FAQPage');
    expect(faq.jsonLd.mainEntity).toHaveLength(2);
    const bad = await call('PUT', '/api/v1/faq/order', yu, { topic, ids: [one.id] });
    expect(bad.statusCode).toBe(400);
    expect((await call('PUT', '/api/v1/faq/order', yu, { topic, ids: [one.id, two.id] })).statusCode).toBe(
      200,
    );
    faq = (await call('GET', `/api/v1/faq?topic=${topic}`, {})).json() as typeof faq;
    expect(faq.topics[0]!.items.map((i) => i.id)).toEqual([one.id, two.id]);
    expect((await call('DELETE', `/api/v1/faq/${one.id}`, yu)).json()).toEqual({
      id: one.id,
      topic,
      position: null,
    });
    faq = (await call('GET', `/api/v1/faq?topic=${topic}`, {})).json() as typeof faq;
    expect(faq.topics[0]!.items.map((i) => i.id)).toEqual([two.id]);
    const detail = (await call('GET', `/api/v1/questions/${two.id}`, {})).json() as { inFaq: boolean };
    expect(detail.inFaq).toBe(true);
  });
});
