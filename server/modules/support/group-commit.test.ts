import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import {
  buildHamlet,
  buildMember,
  buildTeam,
  COMMUNE_A,
  loadTestUnits,
  recordInput,
} from '../teams/teams.fixtures';
import { createTestIngest } from './support.fixtures';

/**
 * Group commit: calls that arrive together are stored in one transaction, yet each keeps its own caller, checks,
 * answer, audit row and event, and one call's failure is never another's.
 */
describe('support records: group commit', () => {
  let t: TestApp;
  let team: { id: string };
  let hamlet: { id: string };
  let mai: Session;
  let lan: Session;
  let maiId: string;
  let lanId: string;
  const meta = { ip: null, requestId: null };

  const put = (s: Session, body: { id: string }) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/support-records/${body.id}`,
      headers: s.headers,
      payload: body,
    });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await loadTestUnits(db);
    hamlet = await buildHamlet(db, COMMUNE_A, 'Ấp Bình Phú');
    team = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamlet.id });
    const grants = [{ role: 'team_member' as const, unitCode: hamlet.id, communeCode: COMMUNE_A }];
    const a = await buildUser(db, { grants });
    const b = await buildUser(db, { grants });
    maiId = a.id;
    lanId = b.id;
    await buildMember(db, team.id, { user_id: a.id, name: 'Đặng Thị Mai' });
    await buildMember(db, team.id, { user_id: b.id, name: 'Lê Văn Lan' });
    mai = await signIn(t.app, a.email, a.password);
    lan = await signIn(t.app, b.email, b.password);
  });
  afterAll(async () => t.close());

  /** The stored record's correction state. */
  const linkOf = (id: string) =>
    t.database.db
      .selectFrom('support_records')
      .select(['state', 'superseded_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  const actorOf = (userId: string): Actor => ({
    kind: 'user',
    user: { id: userId, name: 'x', email: null, phone: null, locale: 'vi' },
    grants: [
      {
        role: 'team_member',
        unitCode: hamlet.id,
        level: 'hamlet',
        provinceCode: '80',
        communeCode: COMMUNE_A,
        hamletId: hamlet.id,
      },
    ],
    sessionId: 's',
    csrfToken: 'c',
  });

  it('stores parallel PUTs of two members each with its own author, audit row and event', async () => {
    const now = t.clock.now();
    const sent = Array.from({ length: 8 }, (_, i) => ({
      session: i % 2 === 0 ? mai : lan,
      userId: i % 2 === 0 ? maiId : lanId,
      body: recordInput(team.id, hamlet.id, now, { durationMinutes: 10 + i }),
    }));
    const responses = await Promise.all(sent.map((s) => put(s.session, s.body)));
    expect(responses.map((r) => r.statusCode)).toEqual(sent.map(() => 201));
    responses.forEach((r, i) => expect(r.json().author.userId).toBe(sent[i]!.userId));

    const ids = sent.map((s) => s.body.id);
    const db = t.database.db;
    const stored = await db
      .selectFrom('support_records')
      .select(['id', 'author_user_id', 'duration_minutes'])
      .where('id', 'in', ids)
      .execute();
    expect(new Map(stored.map((r) => [r.id, [r.author_user_id, r.duration_minutes]]))).toEqual(
      new Map(sent.map((s) => [s.body.id, [s.userId, s.body.durationMinutes]])),
    );
    const audit = await db
      .selectFrom('audit_log')
      .select(['entity_id', 'actor_user_id', 'request_id'])
      .where('action', '=', 'support_record.created')
      .where('entity_id', 'in', ids)
      .execute();
    expect(new Map(audit.map((a) => [a.entity_id, a.actor_user_id]))).toEqual(
      new Map(sent.map((s) => [s.body.id, s.userId])),
    );
    expect(new Set(audit.map((a) => a.request_id)).size).toBe(8);
    const events = await db
      .selectFrom('events')
      .select('entity_id')
      .where('type', '=', 'support_records.created')
      .where('entity_id', 'in', ids)
      .execute();
    expect(events.map((e) => e.entity_id).sort()).toEqual([...ids].sort());
  });

  it('checks a correction sent alongside its original by another member against that original’s author', async () => {
    const ingest = createTestIngest(t);
    const now = t.clock.now();
    const original = recordInput(team.id, hamlet.id, now);
    const correction = recordInput(team.id, hamlet.id, now, { supersedes: original.id, outcome: 'partly' });
    const [first, second] = await Promise.all([
      ingest.ingest(actorOf(maiId), [original], meta, 'put'),
      ingest.ingest(actorOf(lanId), [correction], meta, 'put'),
    ]);
    expect(first.results).toEqual([{ id: original.id, status: 'created' }]);
    expect(second.results[0]).toMatchObject({ status: 'invalid', forbidden: true });
    expect(second.results[0]!.errors?.[0]).toMatchObject({ path: 'supersedes' });
    expect(await linkOf(original.id)).toEqual({ state: 'active', superseded_by: null });
  });

  it('does not let another member’s correction, stored before the record, supersede it', async () => {
    const now = t.clock.now();
    const original = recordInput(team.id, hamlet.id, now);
    const stray = recordInput(team.id, hamlet.id, now, { supersedes: original.id, outcome: 'partly' });
    expect((await put(lan, stray)).statusCode).toBe(201);
    const stored = await put(mai, original);
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toMatchObject({ state: 'active', supersededBy: null });
    expect(await linkOf(original.id)).toEqual({ state: 'active', superseded_by: null });
  });

  it('stores calls that arrive together in one transaction, and a failing call fails alone', async () => {
    const inserts: string[][] = [];
    let poisoned = '';
    const ingest = createTestIngest(t, {
      wrap: (records) => ({
        ...records,
        // The storage failing for one record's write (a full disk, a broken connection) inside the group.
        async insertNew(rows, ex) {
          inserts.push(rows.map((r) => r.id));
          if (rows.some((r) => r.id === poisoned)) throw new Error('disk I/O error');
          return records.insertNew(rows, ex);
        },
      }),
    });
    const now = t.clock.now();
    const callers = [maiId, lanId, maiId];
    const bodies = callers.map(() => recordInput(team.id, hamlet.id, now));
    poisoned = bodies[1]!.id;
    const outcomes = await Promise.allSettled(
      bodies.map((b, i) => ingest.ingest(actorOf(callers[i]!), [b], meta, 'put')),
    );

    // One group of three first; it failed, so each went again alone.
    expect(inserts[0]).toEqual(bodies.map((b) => b.id));
    expect(inserts.slice(1)).toEqual(bodies.map((b) => [b.id]));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    for (const i of [0, 2]) {
      const o = outcomes[i] as PromiseFulfilledResult<Awaited<ReturnType<typeof ingest.ingest>>>;
      expect(o.value.results).toEqual([{ id: bodies[i]!.id, status: 'created' }]);
    }
    const stored = await t.database.db
      .selectFrom('support_records')
      .select('id')
      .where(
        'id',
        'in',
        bodies.map((b) => b.id),
      )
      .execute();
    expect(stored.map((r) => r.id).sort()).toEqual([bodies[0]!.id, bodies[2]!.id].sort());
  });
});
