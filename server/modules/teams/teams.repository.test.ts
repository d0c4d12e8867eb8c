import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { buildUser } from '../../test/factories';
import { createFakeClock } from '../../platform/clock';
import { listTeamsOfUser } from './index';
import { createMembersRepository } from './members.repository';
import { placedInScopeAndUnit } from '../../platform/auth/scope-sql';
import { buildHamlet, buildMember, buildTeam, COMMUNE_A, COMMUNE_B, loadTestUnits } from './teams.fixtures';
import { createTeamsRepository } from './teams.repository';
import { testSealer } from '../../test/app';

describe('teams repositories (medium)', () => {
  let database: TestDatabase;
  let a1: { id: string };
  let b1: { id: string };
  let teamA: { id: string };
  let teamB: { id: string };
  let communeTeam: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await loadTestUnits(db);
    a1 = await buildHamlet(db, COMMUNE_A, 'Ấp Phước Lợi');
    b1 = await buildHamlet(db, COMMUNE_B, 'Khu phố 2');
    teamA = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: a1.id, name: 'Tổ Phước Lợi' });
    teamB = await buildTeam(db, { communeCode: COMMUNE_B, hamletId: b1.id, name: 'Tổ Khu phố 2' });
    communeTeam = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: null, name: 'Tổ phường' });
  });
  afterAll(async () => database.destroy());

  const list = (where: ReturnType<typeof placedInScopeAndUnit>, words: string[] = []) =>
    createTeamsRepository(database.db, testSealer).list({
      where,
      statuses: ['active'],
      words,
      after: null,
      limit: 50,
      today: '2026-11-28',
    });

  it('scopes by province, commune and hamlet subtrees, and matches folded words on team, hamlet or commune names', async () => {
    const all = await list(placedInScopeAndUnit('teams', 'everywhere', null));
    expect(all.map((t) => t.id).sort()).toEqual([teamA.id, teamB.id, communeTeam.id].sort());
    const communeA = await list(
      placedInScopeAndUnit(
        'teams',
        [{ level: 'commune', provinceCode: '80', communeCode: COMMUNE_A, hamletId: null }],
        null,
      ),
    );
    expect(communeA.map((t) => t.id).sort()).toEqual([teamA.id, communeTeam.id].sort());
    const hamlet = await list(
      placedInScopeAndUnit('teams', 'everywhere', {
        level: 'hamlet',
        provinceCode: '80',
        communeCode: COMMUNE_A,
        hamletId: a1.id,
      }),
    );
    expect(hamlet.map((t) => t.id)).toEqual([teamA.id]);
    expect(await list(placedInScopeAndUnit('teams', [], null))).toEqual([]);
    expect(
      (await list(placedInScopeAndUnit('teams', 'everywhere', null), ['phuoc', 'loi'])).map((t) => t.id),
    ).toEqual([teamA.id]);
    expect(
      (await list(placedInScopeAndUnit('teams', 'everywhere', null), ['binh', 'minh'])).map((t) => t.id),
    ).toEqual([teamB.id]);
  });

  it('lists a user’s active memberships of active teams for /me, by local day', async () => {
    const db = database.db;
    const u = await buildUser(db);
    await buildMember(db, teamA.id, { user_id: u.id, role: 'leader', active_from: '2025-01-01' });
    await buildMember(db, teamB.id, { user_id: u.id, active_from: '2025-01-01', active_to: '2026-11-27' });
    const clock = createFakeClock('2026-11-27T16:59:00.000Z');
    expect(await listTeamsOfUser(db, testSealer, clock)(u.id)).toHaveLength(2);
    clock.set('2026-11-27T17:00:00.000Z');
    expect(await listTeamsOfUser(db, testSealer, clock)(u.id)).toEqual([
      { teamId: teamA.id, teamName: 'Tổ Phước Lợi', hamletId: a1.id, role: 'leader' },
    ]);
    const members = createMembersRepository(db, testSealer);
    expect(
      await members.linkUser((await buildMember(db, teamA.id)).id, u.id, '2026-11-28T00:00:00.000Z'),
    ).toBe(true);
    const linkedTwice = await buildMember(db, teamA.id, { user_id: u.id });
    expect(await members.linkUser(linkedTwice.id, 'someone-else', '2026-11-28T00:00:00.000Z')).toBe(false);
  });
});
