import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database';
import { challengeAnswer, COMMUNE_A, createQuestionsWorld, type QuestionsWorld } from './questions.fixtures';

const DEVICE = (n: number) => `device-${String(n).padStart(12, '0')}`;

/**
 * The Q&A's fixed paths and what readers do (issue 11): asking without an account (challenge, moderation first),
 * the shapes of POST /questions, GET /questions and GET /questions/{id}, user text shown as text, accepting by the
 * private link, votes once per account, "helpful" once per device, flags hiding at the threshold.
 */
describe(`questions routes on ${testDialect()}`, () => {
  let w: QuestionsWorld;
  beforeAll(async () => {
    w = await createQuestionsWorld();
  });
  afterAll(async () => w.close());

  const inject = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    headers: Record<string, string> = {},
    payload?: unknown,
  ) =>
    w.t.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  it('asks without an account: a challenge is needed, used once, and the question waits for moderation', async () => {
    const body = {
      title: 'Làm sao đăng ký khai sinh trực tuyến?',
      body: 'Con tôi mới sinh, tôi muốn đăng ký khai sinh online.',
    };
    const none = await inject('POST', '/api/v1/questions', {}, body);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].path).toBe('body.challenge');
    const challenge = await challengeAnswer(w.t);
    const wrong = await inject(
      'POST',
      '/api/v1/questions',
      {},
      { ...body, challenge: { ...challenge, nonce: 'x' } },
    );
    expect(wrong.statusCode).toBe(400);
    const res = await inject(
      'POST',
      '/api/v1/questions',
      {},
      { ...body, topic: 'procedures', communeCode: COMMUNE_A, challenge },
    );
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as { id: string; status: string; askerToken: string };
    expect(created).toEqual({ id: expect.any(String), status: 'pending', askerToken: expect.any(String) });
    const again = await inject('POST', '/api/v1/questions', {}, { ...body, challenge });
    expect(again.statusCode).toBe(400);
    // Waiting: nobody sees it but the asker's link and moderators in scope.
    expect((await inject('GET', `/api/v1/questions/${created.id}`)).statusCode).toBe(404);
    const own = await inject('GET', `/api/v1/questions/${created.id}?askerToken=${created.askerToken}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().status).toBe('pending');
    expect(
      (await inject('GET', `/api/v1/questions/${created.id}`, w.headers('commune_officer:out'))).statusCode,
    ).toBe(404);
    const queue = await inject(
      'GET',
      '/api/v1/questions/moderation-queue?box=pending',
      w.headers('commune_officer:in'),
    );
    expect(queue.statusCode).toBe(200);
    expect((queue.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(created.id);
    const publish = await inject(
      'POST',
      `/api/v1/questions/${created.id}/moderation`,
      w.headers('commune_officer:in'),
      {
        action: 'publish',
      },
    );
    expect(publish.statusCode, publish.body).toBe(200);
    expect((await inject('GET', `/api/v1/questions/${created.id}`)).statusCode).toBe(200);
  });

  it('refuses an expired or forged challenge', async () => {
    const body = { title: 'Câu hỏi thử thách hết hạn', body: 'Nội dung câu hỏi thử thách.' };
    const post = (challenge: object, n: number) =>
      w.t.app.inject({
        method: 'POST',
        url: '/api/v1/questions',
        remoteAddress: `10.79.0.${n}`,
        payload: { ...body, challenge },
      });
    const forged = await challengeAnswer(w.t);
    const [payload] = forged.token.split('.');
    expect(
      (await post({ ...forged, token: `${payload}.${Buffer.from('1:abc').toString('base64url')}` }, 1))
        .statusCode,
    ).toBe(400);
    const late = await challengeAnswer(w.t);
    w.t.clock.advance(11 * 60_000);
    const expired = await post(late, 2);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.messageVi).toContain('hết hạn');
  });

  it('limits questions per address (10 in 10 minutes) with a bilingual 429', async () => {
    const from = (n: number) =>
      w.t.app.inject({
        method: 'POST',
        url: '/api/v1/questions',
        remoteAddress: '10.77.0.1',
        payload: { title: `Câu hỏi số ${n}`, body: 'Nội dung thử giới hạn.' },
      });
    for (let n = 0; n < 10; n++) expect((await from(n)).statusCode).toBe(400);
    const limited = await from(10);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.messageVi).toContain('Vui lòng chờ');
  });

  it('refuses bad input with field details, never a 500', async () => {
    const challenge = await challengeAnswer(w.t);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'ngắn', body: 'Nội dung đủ dài để hỏi.' }, 'title'],
      [
        { title: 'Một câu hỏi đủ dài', body: 'Nội dung đủ dài để hỏi.', topic: 'service.khong_co' },
        'body.topic',
      ],
      [
        { title: 'Một câu hỏi đủ dài', body: 'Nội dung đủ dài để hỏi.', communeCode: '99999' },
        'body.communeCode',
      ],
      [
        { title: 'Một câu hỏi đủ dài', body: 'Nội dung đủ dài để hỏi.', email: 'a@b.vn' },
        'body.consentVersion',
      ],
      [{ title: 'Một câu hỏi đủ dài', body: 'Nội dung đủ dài để hỏi.', extra: 1 }, ''],
    ];
    for (const [i, [body, path]] of cases.entries()) {
      const res = await w.t.app.inject({
        method: 'POST',
        url: '/api/v1/questions',
        remoteAddress: `10.78.0.${i}`,
        payload: { ...body, challenge },
      });
      expect(res.statusCode, res.body).toBe(400);
      const err = res.json().error as { code: string; messageVi: string; details?: { path: string }[] };
      expect(err.code).toBe('VALIDATION');
      expect(err.messageVi.length).toBeGreaterThan(0);
      if (path) expect(JSON.stringify(err.details)).toContain(path);
    }
    expect((await inject('GET', '/api/v1/questions?cursor=@@@')).statusCode).toBe(400);
    expect((await inject('GET', '/api/v1/questions/not-a-uuid')).statusCode).toBe(400);
  });

  it('lists and shows published questions in the fixed shapes; markup in user text stays text', async () => {
    const xss = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const q = await w.askPublished({
      title: `Hỏi về VNeID ${xss}`,
      body: `Tôi không đăng nhập được.\n\n${xss}`,
      topic: 'skill.public_services',
    });
    const a = await w.answer('team_member', q.id, `Trả lời ${xss}`);
    const list = await inject('GET', '/api/v1/questions?topic=skill.public_services&limit=5');
    expect(list.statusCode).toBe(200);
    const page = list.json() as { items: Record<string, unknown>[]; nextCursor: string | null };
    expect(page.items[0]).toEqual({
      id: q.id,
      title: `Hỏi về VNeID ${xss}`,
      excerpt: expect.any(String),
      topic: 'skill.public_services',
      communeCode: null,
      askerName: null,
      answerCount: 1,
      hasAcceptedAnswer: false,
      hasOfficialAnswer: false,
      upvotes: 0,
      publishedAt: expect.any(String),
    });
    const detail = await inject('GET', `/api/v1/questions/${q.id}`);
    expect(detail.statusCode).toBe(200);
    const d = detail.json() as Record<string, unknown> & {
      answers: { bodyHtml: string; body: string }[];
      bodyHtml: string;
    };
    expect(d.body).toContain(xss);
    expect(d.bodyHtml).not.toMatch(/<script|<img|onerror="/i);
    expect(d.bodyHtml).toContain('&lt;script&gt;');
    expect(d.bodyHtml.startsWith('<p>')).toBe(true);
    expect(d.answers[0]!.bodyHtml).not.toMatch(/<script|<img/i);
    expect(d.answers[0]).toMatchObject({
      id: a.id,
      official: false,
      accepted: false,
      authorName: 'Lê Văn Tổ Viên',
    });
    expect(d).toMatchObject({ status: 'published', locked: false, closed: false, actions: [] });
    expect((d.jsonLd as { '@type': string })['@type']).toBe('QAPage');
    expect(detail.body).not.toMatch(/askerEmail|asker_email|token/i);
  });

  it('accepts an answer by the asker’s private link or a moderator, never by anyone else', async () => {
    const q = await w.askPublished({
      title: 'Cách thanh toán tiền điện bằng QR',
      body: 'Tôi muốn trả tiền điện bằng mã QR.',
    });
    const a = await w.answer('team_leader', q.id);
    const b = await w.answer('commune_officer:in', q.id);
    expect(b.official).toBe(false); // no commune: only province-level grants give the badge
    expect(
      (await inject('POST', `/api/v1/questions/${q.id}/accept`, {}, { answerId: a.id })).statusCode,
    ).toBe(401);
    expect(
      (
        await inject(
          'POST',
          `/api/v1/questions/${q.id}/accept`,
          {},
          { answerId: a.id, askerToken: 'x'.repeat(32) },
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await inject('POST', `/api/v1/questions/${q.id}/accept`, w.headers('team_member'), { answerId: a.id }))
        .statusCode,
    ).toBe(403);
    const byAsker = await inject(
      'POST',
      `/api/v1/questions/${q.id}/accept`,
      {},
      { answerId: a.id, askerToken: q.askerToken },
    );
    expect(byAsker.statusCode, byAsker.body).toBe(200);
    expect(byAsker.json()).toEqual({ acceptedAnswerId: a.id });
    const byModerator = await inject(
      'POST',
      `/api/v1/questions/${q.id}/accept`,
      w.headers('province_admin'),
      { answerId: b.id },
    );
    expect(byModerator.statusCode).toBe(200);
    const d = (await inject('GET', `/api/v1/questions/${q.id}`)).json() as { acceptedAnswerId: string };
    expect(d.acceptedAnswerId).toBe(b.id);
  });

  it('counts an upvote once per account and "helpful" once per device', async () => {
    const q = await w.askPublished({
      title: 'Cài ứng dụng sổ sức khoẻ điện tử',
      body: 'Tôi cài ứng dụng nhưng không mở được.',
    });
    const a = await w.answer('team_member', q.id);
    expect((await inject('POST', `/api/v1/questions/${q.id}/upvote`, {}, {})).statusCode).toBe(401);
    const up = (who: 'team_member' | 'province_admin') =>
      inject('POST', `/api/v1/questions/${q.id}/upvote`, w.headers(who), { answerId: a.id });
    expect((await up('team_member')).json()).toEqual({ count: 1, counted: true });
    expect((await up('team_member')).json()).toEqual({ count: 1, counted: false });
    expect((await up('province_admin')).json()).toEqual({ count: 2, counted: true });
    const helpful = (n: number) =>
      inject('POST', `/api/v1/questions/${q.id}/helpful`, {}, { deviceId: DEVICE(n) });
    expect((await helpful(1)).json()).toEqual({ count: 1, counted: true });
    expect((await helpful(1)).json()).toEqual({ count: 1, counted: false });
    expect((await helpful(2)).json()).toEqual({ count: 2, counted: true });
    expect(
      (await inject('POST', `/api/v1/questions/${q.id}/helpful`, {}, { deviceId: 'short' })).statusCode,
    ).toBe(400);
  });

  it('hides a question at the third open flag, one flag per device, until a moderator decides', async () => {
    const q = await w.askPublished({
      title: 'Bán hàng trên sàn thương mại điện tử',
      body: 'Cách mở gian hàng trên sàn.',
      communeCode: COMMUNE_A,
    });
    const flag = (n: number) =>
      inject('POST', `/api/v1/questions/${q.id}/flags`, {}, { reason: 'spam', deviceId: DEVICE(n) });
    expect((await flag(1)).statusCode).toBe(200);
    expect((await flag(1)).statusCode).toBe(200); // the same device again: not counted
    expect((await flag(2)).statusCode).toBe(200);
    expect((await inject('GET', `/api/v1/questions/${q.id}`)).statusCode).toBe(200);
    expect((await flag(3)).statusCode).toBe(200);
    expect((await inject('GET', `/api/v1/questions/${q.id}`)).statusCode).toBe(404);
    const queue = await inject(
      'GET',
      '/api/v1/questions/moderation-queue?box=hidden',
      w.headers('commune_officer:in'),
    );
    const item = (
      queue.json() as { items: { id: string; openFlags: number; flagReasons: string[] }[] }
    ).items.find((i) => i.id === q.id);
    expect(item).toMatchObject({ openFlags: 3, flagReasons: ['spam'] });
    const outside = await inject(
      'GET',
      '/api/v1/questions/moderation-queue?box=hidden',
      w.headers('commune_officer:out'),
    );
    expect((outside.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(q.id);
    const restore = await inject(
      'POST',
      `/api/v1/questions/${q.id}/moderation`,
      w.headers('commune_officer:in'),
      { action: 'publish' },
    );
    expect(restore.statusCode).toBe(200);
    expect((await inject('GET', `/api/v1/questions/${q.id}`)).statusCode).toBe(200);
  });

  it('follows the province’s threshold setting (2 flags) and the anonymous-moderation switch', async () => {
    const admin = w.headers('province_admin');
    const set = await inject('PUT', '/api/v1/questions/settings', admin, {
      flagThreshold: 2,
      moderateAnonymous: false,
    });
    expect(set.json()).toEqual({ provinceCode: '80', flagThreshold: 2, moderateAnonymous: false });
    expect(
      (
        await inject('PUT', '/api/v1/questions/settings', w.headers('commune_officer:in'), {
          flagThreshold: 5,
        })
      ).statusCode,
    ).toBe(403);
    const asked = await w.ask({
      title: 'Mật khẩu ứng dụng ngân hàng bị khoá',
      body: 'Tôi nhập sai mật khẩu ba lần.',
    });
    expect(asked.status).toBe('published');
    const a = await w.answer('team_member', asked.id);
    for (const n of [11, 12])
      await inject(
        'POST',
        `/api/v1/questions/${asked.id}/flags`,
        {},
        { reason: 'offensive', answerId: a.id, deviceId: DEVICE(n) },
      );
    const d = (await inject('GET', `/api/v1/questions/${asked.id}`)).json() as { answers: unknown[] };
    expect(d.answers).toEqual([]);
    await inject('PUT', '/api/v1/questions/settings', admin, { flagThreshold: 3, moderateAnonymous: true });
  });

  it('tells the asker by e-mail when answered, with the address sealed in the database and outbox', async () => {
    const { QUESTION_CONSENT_VERSION } = await import('./index');
    const asked = await w.askPublished({
      title: 'Đổi số điện thoại trên VNeID',
      body: 'Tôi đổi sim, làm sao cập nhật số mới?',
      name: 'Bác Năm',
      email: 'bac.nam@example.vn',
      consentVersion: QUESTION_CONSENT_VERSION,
    });
    const db = w.t.database.db;
    const row = await db
      .selectFrom('questions')
      .selectAll()
      .where('id', '=', asked.id)
      .executeTakeFirstOrThrow();
    expect(row.asker_email).toMatch(/^s1\./);
    expect(JSON.stringify(row)).not.toContain('bac.nam@');
    const consent = await db
      .selectFrom('consent_records')
      .selectAll()
      .where('subject_id', '=', asked.id)
      .execute();
    expect(consent).toHaveLength(1);
    await w.answer('province_admin', asked.id, 'Bạn vào mục cập nhật thông tin trên ứng dụng.');
    const event = await db
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'question.answered')
      .where('entity_id', '=', asked.id)
      .executeTakeFirstOrThrow();
    await w.t.built.services.questions.notify.handle(event.id);
    const mails = await db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('subject', 'like', '%Your question%')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toMatch(/^s1\./);
    expect(mails[0]!.body_text).toContain(`/questions/${asked.id}`);
    expect(mails[0]!.body_text).toContain('câu trả lời chính thức');
  });
});
