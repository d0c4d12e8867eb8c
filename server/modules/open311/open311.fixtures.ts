import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import type { DB } from '../../db/schema';
import { createSecret, hashSecret } from '../../platform/auth/tokens';

/**
 * Open311 test fixtures: API keys written straight to their table (as route-access.test.ts does), and a handler's
 * path through a case written as the handling service records it (state, its timestamps, one public transition
 * entry per step), so the Open311 tests do not depend on the handlers' routes.
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
