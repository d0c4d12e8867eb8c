import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor';
import { createTestApp, type TestApp } from '../../test/app';
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
 * A correction and its original are linked in the transaction that acknowledges them, on both databases: a record
 * answered `created` is never left active beside its correction (counted twice in every figure).
 */
describe('support records: correction links are part of the transaction', () => {
  let t: TestApp;
  let team: { id: string };
  let hamlet: { id: string };
  let author: Actor;
  const meta = { ip: null, requestId: null };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await loadTestUnits(db);
    hamlet = await buildHamlet(db, COMMUNE_A);
    team = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamlet.id });
    const u = await buildUser(db);
    await buildMember(db, team.id, { user_id: u.id });
    author = {
      kind: 'user',
      user: { id: u.id, name: 'x', email: null, phone: null, locale: 'vi' },
      grants: [],
      sessionId: 's',
      csrfToken: 'c',
    };
  });
  afterAll(async () => t.close());

  /** How many of these versions are active, i.e. counted by the statistics and the lists. */
  const activeAmong = async (ids: string[]) =>
    (
      await t.database.db
        .selectFrom('support_records')
        .select('id')
        .where('id', 'in', ids)
        .where('state', '=', 'active')
        .execute()
    ).map((r) => r.id);

  it('stores nothing when linking fails, so the resend is stored and linked (no double count)', async () => {
    let failLink = true;
    const ingest = createTestIngest(t, {
      lanes: 1,
      wrap: (records) => ({
        ...records,
        async markSuperseded(targetId, byId, ex) {
          if (failLink) {
            failLink = false;
            throw new Error('connection terminated');
          }
          return records.markSuperseded(targetId, byId, ex);
        },
      }),
    });
    const now = t.clock.now();
    const original = recordInput(team.id, hamlet.id, now);
    const correction = recordInput(team.id, hamlet.id, now, { supersedes: original.id, outcome: 'partly' });
    expect((await ingest.ingest(author, [original], meta, 'sync')).results[0]!.status).toBe('created');

    await expect(ingest.ingest(author, [correction], meta, 'sync')).rejects.toThrow('connection terminated');
    expect(await activeAmong([original.id, correction.id])).toEqual([original.id]);

    // The phone kept the correction in its outbox and sends it again.
    const resent = await ingest.ingest(author, [correction], meta, 'sync');
    expect(resent.results[0]!.status).toBe('created');
    expect(await activeAmong([original.id, correction.id])).toEqual([correction.id]);
    const stored = await t.database.db
      .selectFrom('support_records')
      .select(['state', 'superseded_by'])
      .where('id', '=', original.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ state: 'superseded', superseded_by: correction.id });
  });

  it('links records and corrections that arrive at once in concurrent transactions', async () => {
    // Two lanes: on PostgreSQL the original and its correction are stored by two transactions at the same time.
    const ingest = createTestIngest(t, { lanes: 2 });
    const now = t.clock.now();
    const pairs = Array.from({ length: 12 }, (_, i) => {
      const original = recordInput(team.id, hamlet.id, now, { durationMinutes: i + 1 });
      return [original, recordInput(team.id, hamlet.id, now, { supersedes: original.id, outcome: 'partly' })];
    });
    const outcomes = await Promise.all(
      pairs.flatMap(([original, correction], i) => {
        const first = i % 2 === 0 ? original! : correction!;
        const second = first === original ? correction! : original!;
        return [first, second].map((r) => ingest.ingest(author, [r], meta, 'put'));
      }),
    );
    expect(outcomes.map((o) => o.results[0]!.status)).toEqual(outcomes.map(() => 'created'));
    const ids = pairs.flat().map((r) => r.id);
    expect((await activeAmong(ids)).sort()).toEqual(pairs.map(([, c]) => c!.id).sort());
  });
});
