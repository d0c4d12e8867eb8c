import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import type { DB } from '../../db/schema';
import { createSecret, hashSecret } from '../../platform/auth/tokens';
import { createTestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { loadOfficialUnits } from '../geography/index';

/**
 * Open311 test fixtures: API keys written straight to their table (as route-access.test.ts does), a handler's
 * path through a case written as the handling service records it (state, its timestamps, one public transition
 * entry per step), so the Open311 tests do not depend on the handlers' routes, and the world the
 * open311-*.routes.test.ts files share.
 */
export async function insertApiKey(
  db: Kysely<DB>,
  scopes: string[],
  at: string,
  createdBy: string,
  provinceCode = '80',
): Promise<{ id: string; secret: string }> {
  const id = uuidv7();
  const secret = `cds_${createSecret()}`;
  await db
    .insertInto('api_keys')
    .values({
      id,
      name: `FixMyStreet ${scopes.join(',') || '(none)'}`,
      prefix: secret.slice(0, 12),
      secret_hash: hashSecret(secret),
      scopes_json: JSON.stringify(scopes),
      unit_code: provinceCode,
      province_code: provinceCode,
      created_by: createdBy,
      created_at: at,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, secret };
}

type Step = { action: 'accept' | 'assign' | 'start' | 'answer' | 'refuse'; to: string; body?: string };

/** Moves a case through handler steps at `at` (ISO), each a public transition entry, the last body the answer. */
export async function walkCase(
  db: Kysely<DB>,
  caseId: string,
  steps: Step[],
  at: string,
  agencyId: string | null = null,
): Promise<string[]> {
  const c = await db
    .selectFrom('cases')
    .select(['state', 'province_code'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  let from = c.state as string;
  const ids: string[] = [];
  for (const s of steps) {
    const id = uuidv7();
    ids.push(id);
    await db
      .insertInto('case_updates')
      .values({
        id,
        case_id: caseId,
        province_code: c.province_code,
        kind: 'transition',
        action: s.action,
        from_state: from,
        to_state: s.to,
        body: s.body ?? '',
        public: 1,
        agency_id: agencyId,
        author_user_id: null,
        api_key_id: null,
        external_ref: null,
        hidden: 0,
        created_at: at,
      })
      .execute();
    from = s.to;
    const answer = s.action === 'answer';
    await db
      .updateTable('cases')
      .set({
        state: s.to as never,
        updated_at: at,
        ...(s.action === 'accept' ? { accepted_at: at, published_at: at } : {}),
        ...(s.action === 'assign' && agencyId ? { agency_id: agencyId } : {}),
        ...(answer ? { answered_at: at, answer_text: s.body ?? '' } : {}),
        ...(s.action === 'refuse' ? { refused_reason: s.body ?? '' } : {}),
      })
      .where('id', '=', caseId)
      .execute();
  }
  return ids;
}

/** A form body as FixMyStreet's LWP sends it. */
export function form(fields: Record<string, string | string[]>): {
  payload: string;
  headers: Record<string, string>;
} {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return { payload: p.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

export const XML = 'text/xml; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const POINT_A = { lat: '11.31', long: '106.1' };
/** Tuesday 1 December 2026, 09:00 in Vietnam. */
export const START = '2026-12-01T02:00:00.000Z';

export type Open311World = Awaited<ReturnType<typeof createOpen311World>>;

/**
 * A test app with the demo province's units at START, a province administrator's two API keys (`writer` may post,
 * `reader` only reads), and requests as a client makes them: `submit` posts a street-lighting report with a
 * reporter's contact.
 */
export async function createOpen311World() {
  const t = await createTestApp();
  await loadOfficialUnits(t.database.db, { provinces: ['80'] });
  t.clock.set(START);
  const admin = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
  const writer = await insertApiKey(t.database.db, ['open311:write'], START, admin.id);
  const reader = await insertApiKey(t.database.db, ['read'], START, admin.id);

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const post = (
    url: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ) => {
    const f = form(fields);
    return t.app.inject({ method: 'POST', url, payload: f.payload, headers: { ...f.headers, ...headers } });
  };
  const submit = (extra: Record<string, string | string[]> = {}) =>
    post('/open311/v2/requests.json', {
      api_key: writer.secret,
      service_code: 'street_lighting',
      ...POINT_A,
      description: 'Đèn đường trước chợ bị tắt ba hôm nay.',
      email: 'nguoi.bao@example.vn',
      first_name: 'Nguyễn',
      last_name: 'Văn Báo',
      phone: '0912345678',
      ...extra,
    });
  return { t, writer, reader, get, post, submit, close: () => t.close() };
}
