import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema';
import { buildUser } from '../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createSessionResolver } from './session-resolver';
import { createSecret, hashSecret } from './tokens';
import { testSealer } from '../../test/app';

const NOW = '2026-11-28T10:00:00.000Z';

async function buildSession(db: Kysely<DB>, userId: string, expiresAt = '2026-12-28T10:00:00.000Z') {
  const token = createSecret();
  await db
    .insertInto('sessions')
    .values({
      id: hashSecret(token),
      user_id: userId,
      csrf_token: `csrf-${token.slice(0, 8)}`,
      ip: null,
      user_agent: null,
      created_at: NOW,
      last_seen_at: NOW,
      expires_at: expiresAt,
    })
    .execute();
  return token;
}

describe('session resolver', () => {
  let t: TestDatabase;
  let queries = 0;
  let db: Kysely<DB>;

  beforeAll(async () => {
    t = await createTestDatabase();
    // Counts the statements the resolver sends, to see that one turn of the event loop costs one lookup.
    db = t.db.withPlugin({
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
  });
  afterAll(async () => t.destroy());

  it('resolves the requests of one turn with one query, each to its own user, grants and expiry', async () => {
    const officer = await buildUser(t.db, { grants: [{ role: 'commune_officer', unitCode: '25459' }] });
    const plain = await buildUser(t.db);
    const disabled = await buildUser(t.db, { status: 'disabled' });
    const officerToken = await buildSession(t.db, officer.id);
    const plainToken = await buildSession(t.db, plain.id);
    const disabledToken = await buildSession(t.db, disabled.id);
    const expiringToken = await buildSession(t.db, plain.id, '2026-11-28T10:00:30.000Z');
    const resolver = createSessionResolver(db, testSealer);

    queries = 0;
    const later = '2026-11-28T10:01:00.000Z';
    const [a, a2, b, c, d, dLater, unknown] = await Promise.all([
      resolver.resolve(officerToken, NOW),
      resolver.resolve(officerToken, NOW),
      resolver.resolve(plainToken, NOW),
      resolver.resolve(disabledToken, NOW),
      resolver.resolve(expiringToken, NOW),
      resolver.resolve(expiringToken, later),
      resolver.resolve(createSecret(), NOW),
    ]);
    expect(queries).toBe(1);
    expect(a).toMatchObject({ kind: 'user', user: { id: officer.id } });
    expect(a.kind === 'user' && a.grants.map((g) => [g.role, g.unitCode])).toEqual([
      ['commune_officer', '25459'],
    ]);
    expect(a2).toEqual(a);
    expect(b).toMatchObject({ kind: 'user', user: { id: plain.id }, grants: [] });
    expect(b.kind === 'user' && b.csrfToken).toBe(`csrf-${plainToken.slice(0, 8)}`);
    expect(c).toEqual({ kind: 'anonymous' });
    expect(d).toMatchObject({ kind: 'user', user: { id: plain.id } });
    expect(dLater).toEqual({ kind: 'anonymous' });
    expect(unknown).toEqual({ kind: 'anonymous' });
  });

  it('reads the database again on the next turn, so a sign-out counts at once', async () => {
    const user = await buildUser(t.db);
    const token = await buildSession(t.db, user.id);
    const resolver = createSessionResolver(db, testSealer);
    expect((await resolver.resolve(token, NOW)).kind).toBe('user');
    await t.db.deleteFrom('sessions').where('id', '=', hashSecret(token)).execute();
    expect((await resolver.resolve(token, NOW)).kind).toBe('anonymous');
  });
});
