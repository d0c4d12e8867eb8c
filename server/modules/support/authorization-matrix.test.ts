import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/rules/permissions';
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

/**
 * Roles × (in scope / out of scope) × anonymous, for team writes, members, PUT, sync and the lists. "In scope"
 * means the grant covers team A (commune A, hamlet A); "out" sits in commune B / hamlet B.
 */
type Who =
  | 'province_admin'
  | 'department_officer'
  | 'youth_union_coordinator'
  | 'agency_handler'
  | 'commune_officer:in'
  | 'commune_officer:out'
  | 'team_leader:in'
  | 'team_leader:out'
  | 'team_member:in'
  | 'team_member:out'
  | 'member_without_grant'
  | 'anonymous';

const WHO: Who[] = [
  'province_admin',
  'department_officer',
  'youth_union_coordinator',
  'agency_handler',
  'commune_officer:in',
  'commune_officer:out',
  'team_leader:in',
  'team_leader:out',
  'team_member:in',
  'team_member:out',
  'member_without_grant',
  'anonymous',
];

/** Expected statuses per endpoint, in WHO order. */
const MATRIX: Record<string, number[]> = {
  //                              admin dept youth agency  co:in co:out tl:in tl:out tm:in tm:out member anon
  'POST /teams': [201, 403, 403, 403, 201, 403, 403, 403, 403, 403, 403, 401],
  'PATCH /teams/:id': [200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 401],
  'POST /teams/:id/members': [201, 403, 403, 403, 201, 403, 201, 403, 403, 403, 403, 401],
  'PUT /support-records/:id': [201, 403, 403, 403, 403, 403, 201, 403, 201, 403, 201, 401],
  'POST /sync (status)': [1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 401],
  'GET /support-records': [1, 1, 1, 403, 1, 0, 1, 0, 403, 403, 403, 401],
  'GET /support-records/export': [200, 200, 200, 403, 200, 200, 403, 403, 403, 403, 403, 401],
};

describe('authorization matrix: teams, members and the support log', () => {
  let t: TestApp;
  const sessions = new Map<Who, Session | null>();
  let hamletA: { id: string };
  let hamletB: { id: string };
  let teamA: { id: string };
  let seeded: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await loadTestUnits(db);
    hamletA = await buildHamlet(db, COMMUNE_A);
    hamletB = await buildHamlet(db, COMMUNE_B);
    teamA = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamletA.id });
    const grantOf = (who: Who): { role: Role; unitCode: string; communeCode?: string } | null => {
      const [role, side] = who.split(':') as [string, string | undefined];
      if (who === 'member_without_grant' || who === 'anonymous') return null;
      if (role === 'commune_officer') return { role, unitCode: side === 'in' ? COMMUNE_A : COMMUNE_B };
      if (role === 'team_leader' || role === 'team_member') {
        return {
          role,
          unitCode: side === 'in' ? hamletA.id : hamletB.id,
          communeCode: side === 'in' ? COMMUNE_A : COMMUNE_B,
        };
      }
      return { role: role as Role, unitCode: '80' };
    };
    for (const who of WHO) {
      if (who === 'anonymous') {
        sessions.set(who, null);
        continue;
      }
      const grant = grantOf(who);
      const u = await buildUser(db, { grants: grant ? [grant] : [] });
      if (who === 'member_without_grant') await buildMember(db, teamA.id, { user_id: u.id });
      sessions.set(who, await signIn(t.app, u.email, u.password));
    }
    seeded = recordInput(teamA.id, hamletA.id, t.clock.now()).id;
    const admin = sessions.get('province_admin')!;
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/support-records/${seeded}`,
      headers: admin.headers,
      payload: recordInput(teamA.id, hamletA.id, t.clock.now(), { id: seeded }),
    });
  });
  afterAll(async () => t.close());

  const headersOf = (who: Who) => sessions.get(who)?.headers ?? {};

  it.each(WHO.map((who, i) => [who, i] as const))('%s', async (who, i) => {
    const db = t.database.db;
    const expectFor = (endpoint: string) => MATRIX[endpoint]![i]!;
    const decision = { number: '1/QĐ-UBND', date: '2025-08-01', signer: 'Chủ tịch' };

    const freshHamlet = await buildHamlet(db, COMMUNE_A);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: headersOf(who),
      payload: { communeCode: COMMUNE_A, hamletId: freshHamlet.id, decision },
    });
    expect(created.statusCode, 'POST /teams').toBe(expectFor('POST /teams'));

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${teamA.id}`,
      headers: headersOf(who),
      payload: { schedule: `Lịch ${who}` },
    });
    expect(patched.statusCode, 'PATCH /teams/:id').toBe(expectFor('PATCH /teams/:id'));

    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teams/${teamA.id}/members`,
      headers: headersOf(who),
      payload: { name: `Thành viên ${i}`, affiliation: 'other', invite: false },
    });
    expect(added.statusCode, 'POST /teams/:id/members').toBe(expectFor('POST /teams/:id/members'));

    const body = recordInput(teamA.id, hamletA.id, t.clock.now());
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/support-records/${body.id}`,
      headers: headersOf(who),
      payload: body,
    });
    expect(put.statusCode, 'PUT /support-records/:id').toBe(expectFor('PUT /support-records/:id'));

    const sync = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: headersOf(who),
      payload: { records: [recordInput(teamA.id, hamletA.id, t.clock.now())] },
    });
    const syncExpect = expectFor('POST /sync (status)');
    if (syncExpect === 401) expect(sync.statusCode).toBe(401);
    else expect(sync.json().results[0].status, 'POST /sync').toBe(syncExpect === 1 ? 'created' : 'invalid');

    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/support-records?limit=500',
      headers: headersOf(who),
    });
    const listExpect = expectFor('GET /support-records');
    if (listExpect === 0 || listExpect === 1) {
      expect(listed.statusCode).toBe(200);
      expect(
        listed.json().items.some((r: { id: string }) => r.id === seeded),
        'GET /support-records sees team A',
      ).toBe(listExpect === 1);
    } else expect(listed.statusCode, 'GET /support-records').toBe(listExpect);

    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/v1/support-records/export.csv',
      headers: headersOf(who),
    });
    expect(exported.statusCode, 'export').toBe(expectFor('GET /support-records/export'));
    if (exported.statusCode === 200)
      expect(exported.body.includes(seeded)).toBe(who !== 'commune_officer:out');

    const one = await t.app.inject({
      method: 'GET',
      url: `/api/v1/support-records/${seeded}`,
      headers: headersOf(who),
    });
    const canSee = [
      'province_admin',
      'department_officer',
      'youth_union_coordinator',
      'commune_officer:in',
      'team_leader:in',
    ].includes(who);
    expect(one.statusCode, 'GET one').toBe(who === 'anonymous' ? 401 : canSee ? 200 : 404);
  });
});
