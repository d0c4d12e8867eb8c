import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { COMMUNE_A, buildHamlet, buildTeam, loadTestUnits } from './teams.fixtures';

/** A linked member's account grant follows their role in the team: leader ↔ member, and none once they leave. */
describe('team roles and account grants', () => {
  let t: TestApp;
  let officer: Session;
  let hamletId: string;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await loadTestUnits(t.database.db);
    hamletId = (await buildHamlet(t.database.db, COMMUNE_A)).id;
    teamId = (await buildTeam(t.database.db, { communeCode: COMMUNE_A, hamletId })).id;
    const o = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] });
    officer = await signIn(t.app, o.email, o.password);
  });
  afterAll(async () => t.close());

  const teamGrants = async (userId: string) =>
    (
      await t.database.db
        .selectFrom('grants')
        .select(['role', 'unit_code'])
        .where('user_id', '=', userId)
        .where('role', 'in', ['team_leader', 'team_member'])
        .execute()
    ).map((g) => `${g.role}@${g.unit_code}`);

  it('grants, switches and removes the team role as the membership changes', async () => {
    const person = await buildUser(t.database.db);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teams/${teamId}/members`,
      headers: officer.headers,
      payload: { name: 'Trần Văn Bình', role: 'member', affiliation: 'youth_union', userId: person.id },
    });
    expect(added.statusCode).toBe(201);
    const memberId = added.json().member.id as string;
    expect(await teamGrants(person.id)).toEqual([`team_member@${hamletId}`]);

    const promoted = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${teamId}/members/${memberId}`,
      headers: officer.headers,
      payload: { role: 'leader' },
    });
    expect(promoted.statusCode).toBe(200);
    expect(await teamGrants(person.id)).toEqual([`team_leader@${hamletId}`]);

    const ended = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${teamId}/members/${memberId}`,
      headers: officer.headers,
      payload: { activeTo: '2020-01-01', activeFrom: '2019-01-01' },
    });
    expect(ended.statusCode).toBe(200);
    expect(await teamGrants(person.id)).toEqual([]);
    // Each change is audited (ids made in the same millisecond do not sort in time, so compare as a set).
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json'])
      .where('entity_id', '=', person.id)
      .where('action', 'like', 'grant.%')
      .execute();
    const roleOf = (json: string | null) => (json ? (JSON.parse(json) as { role: string }).role : '');
    expect(audit.map((a) => `${a.action}:${roleOf(a.after_json) || roleOf(a.before_json)}`).sort()).toEqual([
      'grant.created:team_leader',
      'grant.created:team_member',
      'grant.deleted:team_leader',
      'grant.deleted:team_member',
    ]);
  });

  it('removes the team role of every member when the team is dissolved', async () => {
    const otherHamlet = (await buildHamlet(t.database.db, COMMUNE_A)).id;
    const team = (await buildTeam(t.database.db, { communeCode: COMMUNE_A, hamletId: otherHamlet })).id;
    const person = await buildUser(t.database.db);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teams/${team}/members`,
      headers: officer.headers,
      payload: { name: 'Lê Thị Hoa', role: 'leader', affiliation: 'hamlet_head', userId: person.id },
    });
    expect(added.statusCode).toBe(201);
    expect(await teamGrants(person.id)).toEqual([`team_leader@${otherHamlet}`]);
    const dissolved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teams/${team}/dissolve`,
      headers: officer.headers,
      payload: { reason: 'Sáp nhập ấp theo nghị quyết' },
    });
    expect(dissolved.statusCode).toBe(200);
    expect(await teamGrants(person.id)).toEqual([]);
  });
});
