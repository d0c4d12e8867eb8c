/**
 * Test fixtures of the Q&A (used by *.test.ts files only): a test app with the demo province's units and the people
 * of the authorization matrix signed in, and helpers that ask (solving the real challenge), answer and moderate.
 */
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import type { DB } from '../../db/schema';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { loadOfficialUnits } from '../geography/index';
import { solveChallenge } from './question-challenge';

/** Two communes of Tây Ninh (80): Tân Ninh (A), where the questions are, and Bình Minh (B). */
export const COMMUNE_A = '25459';
export const COMMUNE_B = '25480';

export const WHO = [
  'anonymous',
  'team_member',
  'team_leader',
  'commune_officer:in',
  'commune_officer:out',
  'agency_handler',
  'youth_union',
  'department_officer',
  'province_admin',
] as const;
export type Who = (typeof WHO)[number];

export interface QuestionsWorld {
  t: TestApp;
  sessions: Map<Who, Session>;
  headers(who: Who): Record<string, string>;
  /** Asks as an anonymous citizen (solving a fresh challenge); answers the POST response. */
  ask(body: Record<string, unknown>): Promise<{ id: string; status: string; askerToken: string }>;
  /** Asks and publishes at once (a moderator approves it). */
  askPublished(body: Record<string, unknown>): Promise<{ id: string; askerToken: string }>;
  answer(who: Who, id: string, body?: string): Promise<{ id: string; official: boolean }>;
  close(): Promise<void>;
}

/** A hamlet of commune A (written here: another module's fixtures are out of reach). */
async function buildHamlet(db: Kysely<DB>, communeCode: string) {
  const id = uuidv7();
  const at = new Date().toISOString();
  await db
    .insertInto('hamlets')
    .values({
      id,
      commune_code: communeCode,
      province_code: '80',
      name: 'Ấp Hỏi Đáp',
      kind: 'ap',
      local_code: null,
      search_text: 'ap hoi dap',
      status: 'active',
      merged_into: null,
      valid_from: '2025-07-01T00:00:00.000Z',
      valid_to: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id };
}

export async function challengeAnswer(t: TestApp) {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/questions/challenge' });
  expect(res.statusCode, res.body).toBe(200);
  const c = res.json() as { token: string; difficulty: number };
  return { token: c.token, nonce: solveChallenge(c.token, c.difficulty) };
}

export async function createQuestionsWorld(env: Record<string, string> = {}): Promise<QuestionsWorld> {
  const t = await createTestApp({ PROVINCE_CODE: '80', PUBLIC_URL: 'https://hoidap.example.vn', ...env });
  const db = t.database.db;
  await loadOfficialUnits(db, { provinces: ['80'] });
  const hamlet = await buildHamlet(db, COMMUNE_A);
  const grants: Record<Exclude<Who, 'anonymous'>, Parameters<typeof buildUser>[1]> = {
    team_member: {
      name: 'Lê Văn Tổ Viên',
      grants: [{ role: 'team_member', unitCode: hamlet.id, communeCode: COMMUNE_A }],
    },
    team_leader: {
      name: 'Trần Tổ Trưởng',
      grants: [{ role: 'team_leader', unitCode: hamlet.id, communeCode: COMMUNE_A }],
    },
    'commune_officer:in': { name: 'Cán bộ xã A', grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] },
    'commune_officer:out': {
      name: 'Cán bộ xã B',
      grants: [{ role: 'commune_officer', unitCode: COMMUNE_B }],
    },
    agency_handler: { name: 'Chuyên viên Sở', grants: [{ role: 'agency_handler', unitCode: '80' }] },
    youth_union: { name: 'Tỉnh đoàn', grants: [{ role: 'youth_union_coordinator', unitCode: '80' }] },
    department_officer: { name: 'Sở KH&CN', grants: [{ role: 'department_officer', unitCode: '80' }] },
    province_admin: { name: 'Quản trị tỉnh', grants: [{ role: 'province_admin', unitCode: '80' }] },
  };
  const sessions = new Map<Who, Session>();
  for (const [who, opts] of Object.entries(grants)) {
    const u = await buildUser(db, opts);
    sessions.set(who as Who, await signIn(t.app, u.email, u.password));
  }
  const headers = (who: Who) => (who === 'anonymous' ? {} : sessions.get(who)!.headers);

  let asker = 0;
  async function ask(body: Record<string, unknown>) {
    asker += 1;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/questions',
      // Each asker from their own address: the per-address limit is tested on its own.
      remoteAddress: `10.9.${asker >> 8}.${asker & 255}`,
      payload: { ...body, challenge: await challengeAnswer(t) },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string; askerToken: string };
  }

  async function askPublished(body: Record<string, unknown>) {
    const asked = await ask(body);
    if (asked.status === 'pending') {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/questions/${asked.id}/moderation`,
        headers: headers('province_admin'),
        payload: { action: 'publish' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    return { id: asked.id, askerToken: asked.askerToken };
  }

  async function answer(who: Who, id: string, body = 'Bạn mang căn cước đến UBND xã để được hướng dẫn.') {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/questions/${id}/answers`,
      headers: headers(who),
      payload: { body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; official: boolean };
  }

  return { t, sessions, headers, ask, askPublished, answer, close: () => t.close() };
}
