import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { testDialect } from '../../test/database';
import { challengeAnswer, COMMUNE_A, createQuestionsWorld, type QuestionsWorld } from './questions.fixtures';
import { QUESTION_CONSENT_VERSION } from './questions.service';

/**
 * Resend safety of POST /api/v1/questions (issue 11): a question sent twice by a flaky connection is stored once,
 * the resend answered 200 with the same question and askerToken; other content under the same id is a 409, and so
 * is the same content from someone who cannot prove they sent it (a published question's id is public).
 */
describe(`asking the same question twice on ${testDialect()}`, () => {
  let w: QuestionsWorld;
  let address = 0;
  beforeAll(async () => {
    w = await createQuestionsWorld();
  });
  afterAll(async () => w.close());

  const post = (payload: object, headers: Record<string, string> = {}) => {
    address += 1;
    return w.t.app.inject({
      method: 'POST',
      url: '/api/v1/questions',
      headers,
      remoteAddress: `10.7.${address >> 8}.${address & 255}`,
      payload,
    });
  };
  const stored = (id: string) =>
    w.t.database.db.selectFrom('questions').select(['id', 'status']).where('id', '=', id).execute();
  const consents = (id: string) =>
    w.t.database.db.selectFrom('consent_records').select('id').where('subject_id', '=', id).execute();

  it('stores an anonymous question once and answers the resend with the same token, even after expiry', async () => {
    const id = uuidv7();
    const body = {
      id,
      title: 'Đăng ký thường trú cho con ở đâu?',
      body: 'Tôi mới chuyển về xã, cần đăng ký thường trú cho con nhỏ.',
      topic: 'procedures',
      communeCode: COMMUNE_A,
      email: 'me.hoi@example.vn',
      consentVersion: QUESTION_CONSENT_VERSION,
      challenge: await challengeAnswer(w.t),
    };
    const first = await post(body);
    expect(first.statusCode, first.body).toBe(201);
    const created = first.json() as { id: string; status: string; askerToken: string };
    expect(created.id).toBe(id);
    expect(created.status).toBe('pending');

    const again = await post(body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(created);
    // The challenge has long expired by the time a phone gets its signal back: the resend still proves the sender.
    w.t.clock.advance(60 * 60_000);
    const late = await post({ ...body, id: id.toUpperCase() });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toEqual(created);
    expect(await stored(id)).toHaveLength(1);
    expect(await consents(id)).toHaveLength(1);
    // The token works: the asker's private link shows the waiting question.
    const own = await w.t.app.inject({
      method: 'GET',
      url: `/api/v1/questions/${id}?askerToken=${created.askerToken}`,
    });
    expect(own.statusCode).toBe(200);
  });

  it('refuses other content under the same id (409), and stores nothing', async () => {
    const id = uuidv7();
    const body = {
      id,
      title: 'Cách thanh toán tiền điện bằng mã QR?',
      body: 'Tôi muốn trả tiền điện bằng ứng dụng ngân hàng, quét mã QR.',
      challenge: await challengeAnswer(w.t),
    };
    expect((await post(body)).statusCode).toBe(201);
    for (const change of [
      { title: 'Cách thanh toán tiền nước bằng mã QR?' },
      { body: 'Một nội dung khác hẳn với lần gửi đầu tiên.' },
      { topic: 'procedures' },
      { communeCode: COMMUNE_A },
      { name: 'Cô Ba' },
    ]) {
      const res = await post({ ...body, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(409);
      expect(res.json().error.code).toBe('CONFLICT');
      expect(res.json().error.messageVi).toBeTruthy();
    }
    expect(await stored(id)).toHaveLength(1);
  });

  it('does not hand the token to someone else resending a public question under its id', async () => {
    const id = uuidv7();
    const body = {
      id,
      title: 'Mở gian hàng trên sàn thương mại điện tử cần gì?',
      body: 'Tôi bán nông sản, muốn mở gian hàng online cho hợp tác xã.',
      topic: 'other',
    };
    // A signed-in asker: published at once, so its id and text are public.
    const first = await post(body, w.headers('team_member'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().status).toBe('published');
    const same = await post(body, w.headers('team_member'));
    expect(same.statusCode).toBe(200);
    expect(same.json().askerToken).toBe(first.json().askerToken);
    // Another account, or an anonymous sender with a fresh challenge: same content, but not their question.
    const other = await post(body, w.headers('team_leader'));
    expect(other.statusCode).toBe(409);
    const anonymous = await post({ ...body, challenge: await challengeAnswer(w.t) });
    expect(anonymous.statusCode).toBe(409);
    expect(anonymous.body).not.toContain(first.json().askerToken);
    expect(await stored(id)).toHaveLength(1);
  });

  it('refuses an id that is not a UUID with a clear 400', async () => {
    const res = await post(
      { id: 'abc', title: 'Một câu hỏi bất kỳ nào đó', body: 'Nội dung câu hỏi đủ dài.' },
      w.headers('team_member'),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });
});
