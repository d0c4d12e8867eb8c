import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database';
import { COMMUNE_A, createQuestionsWorld, WHO, type QuestionsWorld } from './questions.fixtures';

/**
 * The Q&A's staff routes × who calls them (issue 11), on a published question of commune A. Answering is open to the
 * province's network; the official badge needs an accountable role covering the place; moderation, curation and the
 * settings follow the unit subtree (settings: province level only).
 */
const MATRIX: Record<string, number[]> = {
  //                          anon  tm   tl  co:in co:out ah   yu   do   pa
  'POST answers': /*     */ [401, 201, 201, 201, 201, 201, 201, 201, 201],
  'POST comments': /*    */ [401, 201, 201, 201, 201, 201, 201, 201, 201],
  'POST moderation': /*  */ [401, 403, 403, 200, 403, 403, 200, 200, 200],
  'PATCH question': /*   */ [401, 403, 403, 200, 403, 403, 200, 200, 200],
  'GET revisions': /*    */ [401, 403, 403, 200, 403, 403, 200, 200, 200],
  'GET queue': /*        */ [401, 403, 403, 200, 200, 403, 200, 200, 200],
  'GET unanswered': /*   */ [401, 200, 200, 200, 200, 200, 200, 200, 200],
  'PUT faq': /*          */ [401, 403, 403, 200, 403, 403, 200, 200, 200],
  'GET settings': /*     */ [401, 403, 403, 403, 403, 403, 200, 200, 200],
};
/** Whose answers carry the "official answer" badge on a question of commune A. */
const OFFICIAL: Partial<Record<(typeof WHO)[number], boolean>> = {
  team_member: false,
  team_leader: false,
  'commune_officer:in': true,
  'commune_officer:out': false,
  agency_handler: true,
  youth_union: false,
  department_officer: true,
  province_admin: true,
};

describe(`questions authorization matrix on ${testDialect()}`, () => {
  let w: QuestionsWorld;
  let questionId: string;
  beforeAll(async () => {
    w = await createQuestionsWorld();
    questionId = (
      await w.askPublished({
        title: 'Cấp đổi căn cước ở xã Tân Ninh',
        body: 'Tôi cần đổi căn cước, làm ở đâu trong xã?',
        communeCode: COMMUNE_A,
        topic: 'procedures',
      })
    ).id;
  });
  afterAll(async () => w.close());

  it.each(WHO.map((who, i) => [who, i] as const))('%s', async (who, i) => {
    const h = w.headers(who);
    const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
      w.t.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
    const got: Record<string, number> = {};
    const answered = await call('POST', `/api/v1/questions/${questionId}/answers`, {
      body: `Trả lời của ${who}`,
    });
    got['POST answers'] = answered.statusCode;
    if (answered.statusCode === 201)
      expect((answered.json() as { official: boolean }).official, who).toBe(OFFICIAL[who]);
    got['POST comments'] = (
      await call('POST', `/api/v1/questions/${questionId}/comments`, { body: 'Bạn ở ấp nào?' })
    ).statusCode;
    got['POST moderation'] = (
      await call('POST', `/api/v1/questions/${questionId}/moderation`, { action: 'dismiss_flags' })
    ).statusCode;
    got['PATCH question'] = (
      await call('PATCH', `/api/v1/questions/${questionId}`, { topic: 'procedures', note: 'kiểm tra' })
    ).statusCode;
    got['GET revisions'] = (await call('GET', `/api/v1/questions/${questionId}/revisions`)).statusCode;
    got['GET queue'] = (await call('GET', '/api/v1/questions/moderation-queue?box=flagged')).statusCode;
    got['GET unanswered'] = (await call('GET', '/api/v1/questions/unanswered')).statusCode;
    got['PUT faq'] = (await call('PUT', `/api/v1/faq/${questionId}`, {})).statusCode;
    got['GET settings'] = (await call('GET', '/api/v1/questions/settings')).statusCode;
    expect(got).toEqual(
      Object.fromEntries(Object.entries(MATRIX).map(([route, codes]) => [route, codes[i]])),
    );
  });
});
