import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeSummary } from '../../../shared/contracts/home';
import { uuidv7 } from '../../../shared/ids';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser, type BuildUserOptions } from '../../test/factories';
import {
  buildHamlet,
  buildMember,
  buildTeam,
  COMMUNE_A,
  COMMUNE_B,
  loadTestUnits,
  recordInput,
} from '../teams/teams.fixtures';

/**
 * GET /api/v1/home/summary on a small world: commune A has two hamlets (one with a team of three: a leader, a
 * member who records, one who does not) and commune B one team. Every figure is checked against that world, and
 * each caller sees only the communes of their grants.
 */
describe('GET /api/v1/home/summary', () => {
  let t: TestApp;
  let sessions: Record<string, Session>;
  let teamA: { id: string; name: string };
  let idleId: string;

  const summaryOf = async (who: string): Promise<HomeSummary> => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/home/summary', headers: sessions[who]!.headers });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<HomeSummary>();
  };
  const section = <K extends HomeSummary['sections'][number]['kind']>(s: HomeSummary, kind: K) =>
    s.sections.find((x) => x.kind === kind) as Extract<HomeSummary['sections'][number], { kind: K }>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-28T03:00:00.000Z');
    const db = t.database.db;
    await loadTestUnits(db);
    const hamletA = await buildHamlet(db, COMMUNE_A, 'Ấp Bình Phú');
    await buildHamlet(db, COMMUNE_A, 'Ấp Không Tổ');
    const hamletB = await buildHamlet(db, COMMUNE_B, 'Khu phố 1');
    teamA = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamletA.id, name: 'Tổ Bình Phú' });
    const teamB = await buildTeam(db, { communeCode: COMMUNE_B, hamletId: hamletB.id });

    const person = async (opts: BuildUserOptions) => {
      const u = await buildUser(db, opts);
      return { id: u.id, session: await signIn(t.app, u.email, u.password) };
    };
    const hamletGrant = (role: 'team_leader' | 'team_member', hamletId: string, communeCode: string) => ({
      grants: [{ role, unitCode: hamletId, communeCode }],
    });
    const member = await person(hamletGrant('team_member', hamletA.id, COMMUNE_A));
    await buildMember(db, teamA.id, { user_id: member.id, name: 'Đặng Thị Mai' });
    const leader = await person(hamletGrant('team_leader', hamletA.id, COMMUNE_A));
    await buildMember(db, teamA.id, { user_id: leader.id, name: 'Huỳnh Thanh Tâm', role: 'leader' });
    idleId = (await buildMember(db, teamA.id, { name: 'Lê Văn Nghỉ' })).id;
    const memberB = await person(hamletGrant('team_member', hamletB.id, COMMUNE_B));
    await buildMember(db, teamB.id, { user_id: memberB.id, name: 'Trần Văn Bé' });

    sessions = {
      member: member.session,
      leader: leader.session,
      memberB: memberB.session,
      officerA: (await person({ grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] })).session,
      officerB: (await person({ grants: [{ role: 'commune_officer', unitCode: COMMUNE_B }] })).session,
      admin: (await person({ grants: [{ role: 'province_admin', unitCode: '80' }] })).session,
      youthB: (await person({ grants: [{ role: 'youth_union_coordinator', unitCode: COMMUNE_B }] })).session,
      agency: (await person({ grants: [{ role: 'agency_handler', unitCode: '80' }] })).session,
      both: (
        await person({
          grants: [
            { role: 'team_member', unitCode: hamletB.id, communeCode: COMMUNE_B },
            { role: 'commune_officer', unitCode: COMMUNE_A },
          ],
        })
      ).session,
    };

    // Team A: three records this month and one from October (all awaiting review); one of this month reviewed.
    // Team B: two this month.
    const at = (iso: string) => ({ id: uuidv7(Date.parse(iso)), occurredAt: iso.replace('Z', '+00:00') });
    const sync = async (who: Session, records: unknown[]) => {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/sync', headers: who.headers, payload: { records } });
      expect(r.json().results.every((x: { status: string }) => x.status === 'created'), r.body).toBe(true);
    };
    const aTimes = ['2026-11-27T02:00:00.000Z', '2026-11-10T02:00:00.000Z', '2026-11-01T01:00:00.000Z'];
    const aRecords = [...aTimes, '2026-10-20T02:00:00.000Z'].map((iso) =>
      recordInput(teamA.id, hamletA.id, t.clock.now(), at(iso)),
    );
    await sync(member.session, aRecords);
    await sync(
      memberB.session,
      ['2026-11-20T02:00:00.000Z', '2026-11-21T02:00:00.000Z'].map((iso) =>
        recordInput(teamB.id, hamletB.id, t.clock.now(), at(iso)),
      ),
    );
    const reviewed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/support-records/review',
      headers: leader.session.headers,
      payload: { ids: [aRecords[1]!.id], decision: 'reviewed' },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
  });
  afterAll(async () => t.close());

  it('refuses anonymous callers in the error model', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/home/summary' });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('a team member: records this month (the October one and none of B’s), the newest five, their team', async () => {
    const s = await summaryOf('member');
    expect(s.month).toEqual({ from: '2026-11-01', to: '2026-11-28' });
    expect(s.sections.map((x) => x.kind)).toEqual(['member']);
    const m = section(s, 'member');
    expect(m.recordsThisMonth).toBe(3);
    expect(m.recent.map((r) => r.occurredAt.slice(0, 10))).toEqual(['2026-11-27', '2026-11-10', '2026-11-01', '2026-10-20']);
    expect(m.recent[1]).toMatchObject({ reviewStatus: 'reviewed', state: 'active', teamName: 'Tổ Bình Phú' });
    expect(m.teams).toEqual([{ teamId: teamA.id, teamName: 'Tổ Bình Phú' }]);
  });

  it('a team leader: their team, its queue, and who has not recorded this month; then their own part', async () => {
    const s = await summaryOf('leader');
    expect(s.sections.map((x) => x.kind)).toEqual(['leader', 'member']);
    const l = section(s, 'leader');
    expect(l.pendingReview).toBe(3);
    expect(l.teams).toHaveLength(1);
    expect(l.teams[0]).toMatchObject({
      teamId: teamA.id,
      hamletName: 'Ấp Bình Phú',
      schedule: 'Sáng thứ Bảy',
      hasContact: true,
      activeMembers: 3,
      inactiveCount: 2,
    });
    expect(l.teams[0]!.inactiveMembers.map((m) => m.name).sort()).toEqual(['Huỳnh Thanh Tâm', 'Lê Văn Nghỉ']);
    expect(l.teams[0]!.inactiveMembers.some((m) => m.memberId === idleId)).toBe(true);
    expect(section(s, 'member').recordsThisMonth).toBe(0);
  });

  it('a commune officer sees their commune at a glance and nothing of another commune', async () => {
    const a = section(await summaryOf('officerA'), 'commune');
    expect(a.communes).toEqual([
      {
        communeCode: COMMUNE_A,
        communeName: expect.any(String),
        teams: 1,
        hamlets: 2,
        hamletsWithoutTeam: 1,
        pendingReview: 3,
        teamsWithoutRecords: 0,
      },
    ]);
    const b = section(await summaryOf('officerB'), 'commune');
    expect(b.communes.map((c) => c.communeCode)).toEqual([COMMUNE_B]);
    expect(b.communes[0]).toMatchObject({ teams: 1, hamlets: 1, hamletsWithoutTeam: 0, pendingReview: 2 });
  });

  it('a province administrator sees every commune of the province, one row each', async () => {
    const s = await summaryOf('admin');
    expect(s.sections.map((x) => x.kind)).toEqual(['overview']);
    const rows = section(s, 'overview').rows;
    expect(rows.length).toBeGreaterThan(50);
    expect(new Set(rows.map((r) => r.communeCode)).size).toBe(rows.length);
    expect(rows.find((r) => r.communeCode === COMMUNE_A)).toMatchObject({
      teams: 1,
      members: 3,
      recordsThisMonth: 3,
      pendingReview: 3,
      hamletsWithoutTeam: 1,
    });
    expect(rows.find((r) => r.communeCode === COMMUNE_B)).toMatchObject({ recordsThisMonth: 2, pendingReview: 2 });
    const others = rows.filter((r) => r.communeCode !== COMMUNE_A && r.communeCode !== COMMUNE_B);
    expect(others.every((r) => r.teams + r.members + r.recordsThisMonth + r.pendingReview === 0)).toBe(true);
  });

  it('a Youth Union coordinator of one commune gets the table of that commune only', async () => {
    const rows = section(await summaryOf('youthB'), 'overview').rows;
    expect(rows.map((r) => r.communeCode)).toEqual([COMMUNE_B]);
    expect(rows[0]).toMatchObject({ teams: 1, members: 1, recordsThisMonth: 2, pendingReview: 2 });
  });

  it('an agency handler gets their page without figures', async () => {
    expect((await summaryOf('agency')).sections).toEqual([{ kind: 'agency' }]);
  });

  it('several grants: each role’s section, the highest first, each inside its own grants', async () => {
    const s = await summaryOf('both');
    expect(s.sections.map((x) => x.kind)).toEqual(['commune', 'member']);
    expect(section(s, 'commune').communes.map((c) => c.communeCode)).toEqual([COMMUNE_A]);
    expect(section(s, 'member')).toMatchObject({ recordsThisMonth: 0, recent: [], teams: [] });
  });

  it('a member of another commune sees none of commune A’s records', async () => {
    const m = section(await summaryOf('memberB'), 'member');
    expect(m.recordsThisMonth).toBe(2);
    expect(m.recent.every((r) => r.teamName !== 'Tổ Bình Phú')).toBe(true);
  });
});
