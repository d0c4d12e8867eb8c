import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import {
  buildHamlet,
  buildMember,
  buildTeam,
  COMMUNE_A,
  COMMUNE_B,
  loadTestUnits,
  recordInput,
} from '../teams/teams.fixtures';

describe('POST /api/v1/sync', () => {
  let t: TestApp;
  let member: Session;
  let admin: Session;
  let team: { id: string };
  let hamlet: { id: string };
  let outsideHamlet: { id: string };

  const sync = (records: unknown[], headers: Record<string, string> = member.headers) =>
    t.app.inject({ method: 'POST', url: '/api/v1/sync', headers, payload: { records } });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await loadTestUnits(db);
    hamlet = await buildHamlet(db, COMMUNE_A);
    outsideHamlet = await buildHamlet(db, COMMUNE_B);
    team = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamlet.id });
    const u = await buildUser(db);
    await buildMember(db, team.id, { user_id: u.id });
    member = await signIn(t.app, u.email, u.password);
    const a = await buildUser(db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    admin = await signIn(t.app, a.email, a.password);
  });
  afterAll(async () => t.close());

  it('answers every record in input order; one bad record never rejects the others; a resend is all duplicates', async () => {
    const now = t.clock.now();
    const good1 = recordInput(team.id, hamlet.id, now);
    const bad = recordInput(team.id, hamlet.id, now, { services: ['nope'] });
    const good2 = recordInput(team.id, hamlet.id, now, { outcome: 'follow_up' });
    const forbidden = recordInput(team.id, outsideHamlet.id, now);
    const broken = { id: uuidv7(), teamId: team.id };
    const r = await sync([good1, bad, good2, forbidden, broken, 42]);
    expect(r.statusCode).toBe(200);
    const results = r.json().results as {
      id: string | null;
      status: string;
      errors?: { path: string; messageVi: string }[];
    }[];
    expect(results.map((x) => [x.id, x.status])).toEqual([
      [good1.id, 'created'],
      [bad.id, 'invalid'],
      [good2.id, 'created'],
      [forbidden.id, 'invalid'],
      [broken.id, 'invalid'],
      [null, 'invalid'],
    ]);
    expect(results[1]!.errors![0]!.path).toBe('services.0');
    expect(results[3]!.errors![0]).toMatchObject({ path: 'hamletId', messageVi: expect.any(String) });
    expect(results[4]!.errors!.map((e) => e.path)).toEqual(
      expect.arrayContaining(['hamletId', 'occurredAt', 'services']),
    );

    // The phone never heard back (timeout) and sends the same batch again.
    const again = await sync([good1, bad, good2]);
    expect(again.json().results.map((x: { status: string }) => x.status)).toEqual([
      'duplicate',
      'invalid',
      'duplicate',
    ]);
    const conflicting = await sync([{ ...good1, note: 'khác' }]);
    expect(conflicting.json().results[0]).toMatchObject({
      status: 'conflict',
      errors: [expect.objectContaining({ path: 'id' })],
    });
    const count = await t.database.db
      .selectFrom('support_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', [good1.id, good2.id, bad.id])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['after_json'])
      .where('action', '=', 'support_records.synced')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!).created).toEqual([good1.id, good2.id]);
  });

  it('handles the same id twice in one batch, and a correction before its original in the same batch', async () => {
    const now = t.clock.now();
    const a = recordInput(team.id, hamlet.id, now);
    const fix = recordInput(team.id, hamlet.id, now, { supersedes: a.id, outcome: 'partly' });
    const r = await sync([fix, a, a, { ...a, outcome: 'follow_up' }]);
    expect(r.json().results.map((x: { status: string }) => x.status)).toEqual([
      'created',
      'created',
      'duplicate',
      'conflict',
    ]);
    const row = await t.database.db
      .selectFrom('support_records')
      .select(['state', 'superseded_by'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'superseded', superseded_by: fix.id });
  });

  it('takes a full batch of 500 in one request and refuses 501 as a whole', async () => {
    const now = t.clock.now();
    const batch = Array.from({ length: 500 }, (_, i) =>
      recordInput(team.id, hamlet.id, now, {
        id: uuidv7(now.getTime() + i),
        note: `Lượt ${i} — hướng dẫn cài đặt ứng dụng ngân hàng`,
      }),
    );
    const r = await sync(batch);
    expect(r.statusCode).toBe(200);
    expect(new Set(r.json().results.map((x: { status: string }) => x.status))).toEqual(new Set(['created']));
    const tooMany = await sync([...batch, recordInput(team.id, hamlet.id, now)]);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details[0].messageVi).toContain('500');
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: member.headers,
      payload: { records: [] },
    });
    expect(empty.statusCode).toBe(400);
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: member.headers,
      payload: { records: [batch[0]], more: 1 },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('401 for anonymous callers; an API key needs the sync:write scope and covers only its unit', async () => {
    const now = t.clock.now();
    expect((await sync([recordInput(team.id, hamlet.id, now)], {})).statusCode).toBe(401);
    const keyRes = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin.headers,
      payload: { name: 'Zalo mini app', scopes: ['sync:write'], unitCode: COMMUNE_A },
    });
    expect(keyRes.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${keyRes.json().secret as string}` };
    const ok = recordInput(team.id, hamlet.id, now);
    const outside = recordInput(team.id, outsideHamlet.id, now);
    const r = await sync([ok, outside], bearer);
    expect(r.statusCode).toBe(200);
    expect(r.json().results.map((x: { status: string }) => x.status)).toEqual(['created', 'invalid']);
    const stored = await t.database.db
      .selectFrom('support_records')
      .select(['author_api_key_id', 'author_user_id'])
      .where('id', '=', ok.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ author_api_key_id: keyRes.json().id, author_user_id: null });

    const readKey = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin.headers,
      payload: { name: 'Chỉ đọc', scopes: ['read'] },
    });
    const denied = await sync([recordInput(team.id, hamlet.id, now)], {
      authorization: `Bearer ${readKey.json().secret as string}`,
    });
    expect(denied.statusCode).toBe(403);
  });
});
