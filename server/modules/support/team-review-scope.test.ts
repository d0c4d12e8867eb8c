import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser, type BuildUserOptions } from '../../test/factories';
import {
  buildHamlet,
  buildMember,
  buildTeam,
  COMMUNE_A,
  loadTestUnits,
  recordInput,
} from '../teams/teams.fixtures';

/**
 * Review rights follow the TEAM that made a record, not the hamlet where the person was helped. Two hamlet teams
 * of one commune: team A (hamlet X) records help given in hamlet Y, where team B sits. Leader A (grant at X)
 * reviews, reads and withdraws it; leader B (grant at Y) does not see it at all — on the single-record routes and
 * in the SQL-filtered list alike. Before the fix both answers were the other way round.
 */
describe('support review scope follows the team that made the record', () => {
  let t: TestApp;
  let hamletX: { id: string };
  let hamletY: { id: string };
  let teamA: { id: string };
  let teamB: { id: string };
  let leaderA: Session;
  let leaderB: Session;
  let officer: Session;
  let memberA: Session;
  let memberB: Session;
  let byTeamAInY: string;
  let byTeamBInY: string;

  const put = async (who: Session, body: ReturnType<typeof recordInput>) => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/support-records/${body.id}`,
      headers: who.headers,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return body.id;
  };
  const get = (who: Session, url: string) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const listedIds = async (who: Session, query = '') => {
    const res = await get(who, `/api/v1/support-records?limit=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: string }[]).map((r) => r.id);
  };
  const review = async (who: Session, id: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/support-records/review',
      headers: who.headers,
      payload: { ids: [id], decision: 'reviewed' },
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().results as { status: string }[])[0]!.status;
  };
  const retract = (who: Session, id: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/support-records/${id}/retract`,
      headers: who.headers,
      payload: { reason: 'Ghi nhầm người được hỗ trợ' },
    });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await loadTestUnits(db);
    hamletX = await buildHamlet(db, COMMUNE_A);
    hamletY = await buildHamlet(db, COMMUNE_A);
    teamA = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamletX.id });
    teamB = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamletY.id });
    const session = async (opts: BuildUserOptions, team?: string) => {
      const u = await buildUser(db, opts);
      if (team) await buildMember(db, team, { user_id: u.id });
      return signIn(t.app, u.email, u.password);
    };
    leaderA = await session({
      grants: [{ role: 'team_leader', unitCode: hamletX.id, communeCode: COMMUNE_A }],
    });
    leaderB = await session({
      grants: [{ role: 'team_leader', unitCode: hamletY.id, communeCode: COMMUNE_A }],
    });
    officer = await session({ grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] });
    memberA = await session({}, teamA.id);
    memberB = await session({}, teamB.id);
    const now = t.clock.now();
    byTeamAInY = await put(memberA, recordInput(teamA.id, hamletY.id, now));
    byTeamBInY = await put(memberB, recordInput(teamB.id, hamletY.id, now));
  });
  afterAll(async () => t.close());

  it("lets the making team's leader read, list and review a record made in another hamlet", async () => {
    const one = await get(leaderA, `/api/v1/support-records/${byTeamAInY}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().actions).toContain('support.review');
    const listed = await listedIds(leaderA);
    expect(listed).toContain(byTeamAInY);
    expect(listed).not.toContain(byTeamBInY);
    // ?unit=<hamlet> narrows by the team's hamlet, like the scope; hamletId= still selects the place of help.
    expect(await listedIds(leaderA, `&unit=${hamletX.id}`)).toEqual([byTeamAInY]);
    expect(await listedIds(leaderA, `&hamletId=${hamletY.id}`)).toEqual([byTeamAInY]);
    expect(await review(leaderA, byTeamAInY)).toBe('reviewed');
    expect(await review(leaderA, byTeamBInY)).toBe('not_found');
  });

  it("hides it from the leader of the hamlet where the help was given, who cannot withdraw or review it", async () => {
    expect((await get(leaderB, `/api/v1/support-records/${byTeamAInY}`)).statusCode).toBe(404);
    const listed = await listedIds(leaderB);
    expect(listed).not.toContain(byTeamAInY);
    expect(listed).toContain(byTeamBInY);
    expect(await listedIds(leaderB, `&hamletId=${hamletY.id}`)).toEqual([byTeamBInY]);
    expect(await review(leaderB, byTeamAInY)).toBe('not_found');
    expect((await retract(leaderB, byTeamAInY)).statusCode).toBe(404);
    // Nor correct it as a reviewer.
    const correction = recordInput(teamB.id, hamletY.id, t.clock.now(), { supersedes: byTeamAInY });
    const sync = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: leaderB.headers,
      payload: { records: [correction] },
    });
    expect(sync.json().results[0].status).toBe('invalid');
  });

  it('keeps commune officers seeing both teams, and the making leader withdrawing it', async () => {
    const listed = await listedIds(officer);
    expect(listed).toEqual(expect.arrayContaining([byTeamAInY, byTeamBInY]));
    const csv = await get(officer, '/api/v1/support-records/export.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(byTeamAInY);
    expect(csv.body).toContain(byTeamBInY);
    const res = await retract(leaderA, byTeamAInY);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('retracted');
  });
});
