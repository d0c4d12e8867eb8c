import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sealed } from '../db/schema';
import { createUsersRepository } from '../modules/accounts/users.repository';
import { createMembersRepository } from '../modules/teams/members.repository';
import { COMMUNE_A, buildHamlet, buildMember, buildTeam, loadTestUnits } from '../modules/teams/teams.fixtures';
import { testSealer, TEST_DATA_KEY } from './app';
import { createTestDatabase, testDialect, type TestDatabase } from './database';
import { buildUser } from './factories';
import { resealColumns } from '../platform/crypto/sealed-columns';
import { createSealer, generateDataKeySecret } from '../platform/crypto/sealing';

/**
 * Rows written before sealing existed are sealed at start-up, and `npm run keys:rotate` moves every sealed value to
 * a new key version while the old one still opens what it has not reached — on both databases.
 */
describe(`sealed columns on ${testDialect()}: start-up sealing and key rotation`, () => {
  let database: TestDatabase;
  const v1 = { version: 1, secret: Buffer.from(TEST_DATA_KEY, 'base64') };
  const v2 = { version: 2, secret: generateDataKeySecret() };
  const rotated = createSealer([v1, v2], 2);
  let userId: string;
  let teamId: string;
  let memberId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await loadTestUnits(db);
    const hamlet = await buildHamlet(db, COMMUNE_A);
    teamId = (await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamlet.id })).id;
    memberId = (await buildMember(db, teamId, { phone: '+84911222333' })).id;
    userId = (await buildUser(db, { phone: '+84911000111' })).id;
    // As an older release left them: plain numbers, no hashes, a plain number in a queued message.
    await db.updateTable('users').set({ phone: '+84911000111' as Sealed, phone_hash: null }).where('id', '=', userId).execute();
    await db
      .updateTable('team_members')
      .set({ phone: '+84911222333' as Sealed, phone_hash: null })
      .where('id', '=', memberId)
      .execute();
    await db
      .insertInto('jobs')
      .values({
        id: 'job-1',
        name: 'accounts.phoneMessage',
        payload_json: JSON.stringify({ purpose: 'invitation', to: '+84911444555', text: 'x', link: 'y' }),
        status: 'pending',
        run_at: '2026-12-05T00:00:00.000Z',
        attempts: 0,
        max_attempts: 6,
        last_error: null,
        lease_until: null,
        locked_by: null,
        unique_key: null,
        created_at: '2026-12-05T00:00:00.000Z',
        updated_at: '2026-12-05T00:00:00.000Z',
      })
      .execute();
  });
  afterAll(async () => database.destroy());

  const stored = async () => ({
    user: await database.db.selectFrom('users').select(['phone', 'phone_hash']).where('id', '=', userId).executeTakeFirstOrThrow(),
    member: await database.db
      .selectFrom('team_members')
      .select(['phone', 'phone_hash'])
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow(),
    team: await database.db.selectFrom('teams').select(['contact_phone']).where('id', '=', teamId).executeTakeFirstOrThrow(),
    job: JSON.parse(
      (await database.db.selectFrom('jobs').select('payload_json').where('id', '=', 'job-1').executeTakeFirstOrThrow())
        .payload_json,
    ) as { to: string },
  });

  it('seals plain rows at start-up, once', async () => {
    const first = await resealColumns(database.db, testSealer, 'plain');
    expect(first).toEqual(
      expect.arrayContaining([
        { table: 'users', column: 'phone', resealed: 1 },
        { table: 'team_members', column: 'phone', resealed: 1 },
        { table: 'jobs', column: 'to (in payload_json)', resealed: 1 },
      ]),
    );
    const s = await stored();
    expect(s.user.phone).toMatch(/^s1\.1\./);
    expect(s.user.phone_hash).toMatch(/^1:/);
    expect(s.member.phone).toMatch(/^s1\.1\./);
    expect(testSealer.open(s.job.to, 'jobs.phone_message')).toBe('+84911444555');
    expect(await createUsersRepository(database.db, testSealer).findByPhone('+84911000111')).toMatchObject({
      id: userId,
      phone: '+84911000111',
    });
    // Already sealed (the team's contact phone was written sealed by its fixture): nothing more to do.
    expect((await resealColumns(database.db, testSealer, 'plain')).every((r) => r.resealed === 0)).toBe(true);
  });

  it('rotates every value to the new key; the old one still opens and finds what is not rotated yet', async () => {
    const users = createUsersRepository(database.db, rotated);
    // Before the rotation run: v1 values open and match by their v1 hash under a sealer whose current key is v2.
    expect(await users.findByPhone('+84911000111')).toMatchObject({ id: userId, phone: '+84911000111' });
    const reports = await resealColumns(database.db, rotated, 'rotate');
    expect(reports.find((r) => r.table === 'teams')?.resealed).toBe(1);
    expect(reports.find((r) => r.table === 'users')?.resealed).toBe(1);
    const s = await stored();
    for (const value of [s.user.phone, s.member.phone, s.team.contact_phone, s.job.to]) expect(value).toMatch(/^s1\.2\./);
    expect(s.user.phone_hash).toMatch(/^2:/);
    // Only the new key is needed from now on.
    const onlyV2 = createSealer([v2], 2);
    expect(await createUsersRepository(database.db, onlyV2).findByPhone('+84911000111')).toMatchObject({ id: userId });
    expect(await createMembersRepository(database.db, onlyV2).findById(teamId, memberId)).toMatchObject({
      phone: '+84911222333',
    });
    expect(onlyV2.open(s.job.to, 'jobs.phone_message')).toBe('+84911444555');
    // A second run finds nothing left: a stopped run resumes by starting again.
    expect((await resealColumns(database.db, rotated, 'rotate')).every((r) => r.resealed === 0)).toBe(true);
  });
});
