import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/app';
import { testDialect } from '../../test/database';
import { buildUser } from '../../test/factories';
import {
  COMMUNE_A,
  COMMUNE_B,
  createHandlingWorld,
  newId,
  type HandlingWorld,
} from './case-handling.fixtures';

/**
 * Teams' difficulties and proposals × who calls (issue 10): a team's leader raises (proposals.raise where the team
 * sits, and leading it) and follows the team's own; the Youth Union's coordinators (proposals.triage) triage and
 * answer those in their reach — a province coordinator all, a commune coordinator their commune's; everybody else
 * is refused (403 on the lists, 404 on a proposal they cannot read). Team A sits in commune A.
 */
const WHO = [
  'anonymous',
  'team_member',
  'team_leader',
  'youth_union:province',
  'youth_union:in',
  'youth_union:out',
  'department_officer',
  'commune_officer:in',
  'agency_handler:in',
  'province_admin',
  'api_key',
] as const;
type Who = (typeof WHO)[number];

const MATRIX: Record<string, number[]> = {
  //                                  anon memb lead yu:p yu:in yu:out dept co:in ah:in admin key
  'POST /proposals': /*           */ [401, 403, 201, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /proposals': /*            */ [401, 403, 200, 200, 200, 200, 200, 403, 403, 200, 403],
  'GET /proposals/summary': /*    */ [401, 403, 200, 200, 200, 200, 200, 403, 403, 200, 403],
  'GET /cases/:id/handling': /*   */ [401, 404, 200, 200, 200, 404, 200, 404, 404, 200, 403],
  'POST actions accept': /*       */ [401, 404, 403, 200, 200, 404, 200, 404, 404, 200, 403],
  'POST actions refuse': /*       */ [401, 404, 403, 200, 200, 404, 200, 404, 404, 200, 403],
};

/** Who, among those answered 200 on the lists, sees team A's proposals. */
const SEES_TEAM_A: readonly Who[] = [
  'team_leader',
  'youth_union:province',
  'youth_union:in',
  'department_officer',
  'province_admin',
];

describe(`teams' proposals authorization matrix on ${testDialect()}`, () => {
  let w: HandlingWorld;
  const headers = new Map<Who, Record<string, string>>();

  beforeAll(async () => {
    w = await createHandlingWorld();
    const db = w.t.database.db;
    const extra: [Who, Parameters<typeof buildUser>[1]][] = [
      ['youth_union:in', { grants: [{ role: 'youth_union_coordinator', unitCode: COMMUNE_A }] }],
      ['youth_union:out', { grants: [{ role: 'youth_union_coordinator', unitCode: COMMUNE_B }] }],
      ['department_officer', { grants: [{ role: 'department_officer', unitCode: '80' }] }],
    ];
    for (const [who, opts] of extra) {
      const u = await buildUser(db, opts);
      headers.set(who, (await signIn(w.t.app, u.email, u.password)).headers);
    }
    headers.set('team_leader', w.leader.headers);
    headers.set('youth_union:province', w.coordinator.headers);
    for (const who of [
      'anonymous',
      'team_member',
      'commune_officer:in',
      'agency_handler:in',
      'province_admin',
      'api_key',
    ] as const) {
      headers.set(who, w.headers(who));
    }
  });
  afterAll(async () => w.close());

  const inject = (who: Who, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    w.t.app.inject({ method, url, headers: headers.get(who)!, ...(payload ? { payload } : {}) });

  const proposalBody = () => ({
    id: newId(),
    teamId: w.teamA.id,
    theme: 'proposal_coverage',
    title: 'Ấp 3 chưa có sóng 4G',
    description: 'Người dân ấp 3 không cài được ứng dụng vì sóng yếu, đề nghị phối hợp nhà mạng.',
  });

  /** A proposal raised by team A's leader (201), waiting in "submitted". */
  async function raised(): Promise<string> {
    const body = proposalBody();
    const res = await inject('team_leader', 'POST', '/api/v1/proposals', body);
    expect(res.statusCode, res.body).toBe(201);
    return body.id;
  }

  it.each(WHO.map((who, i) => [who, i] as const))('%s', async (who, i) => {
    const got: Record<string, number> = {};
    got['POST /proposals'] = (await inject(who, 'POST', '/api/v1/proposals', proposalBody())).statusCode;

    const id = await raised();
    const list = await inject(who, 'GET', `/api/v1/proposals?limit=100`);
    got['GET /proposals'] = list.statusCode;
    if (list.statusCode === 200) {
      const ids = (list.json() as { items: { id: string }[] }).items.map((p) => p.id);
      expect(ids.includes(id), `${who} list`).toBe(SEES_TEAM_A.includes(who));
    }
    const summary = await inject(who, 'GET', '/api/v1/proposals/summary');
    got['GET /proposals/summary'] = summary.statusCode;
    if (summary.statusCode === 200) {
      expect((summary.json() as { total: number }).total > 0, `${who} summary`).toBe(
        SEES_TEAM_A.includes(who),
      );
    }
    got['GET /cases/:id/handling'] = (await inject(who, 'GET', `/api/v1/cases/${id}/handling`)).statusCode;
    got['POST actions accept'] = (
      await inject(who, 'POST', `/api/v1/cases/${id}/actions`, { action: 'accept', severity: 'normal' })
    ).statusCode;
    // "Not accepted, with a reason": one of the official answers a proposal gets.
    got['POST actions refuse'] = (
      await inject(who, 'POST', `/api/v1/cases/${await raised()}/actions`, {
        action: 'refuse',
        reason: 'Đã có kế hoạch phủ sóng của nhà mạng trong năm nay.',
      })
    ).statusCode;

    const want = Object.fromEntries(Object.keys(MATRIX).map((route) => [route, MATRIX[route]![i]!]));
    expect(got).toEqual(want);
  });

  it('brings the coordinator’s triage queue to the inbox: proposals only, none for officers of cases', async () => {
    const id = await raised();
    const queue = await inject('youth_union:in', 'GET', '/api/v1/case-inbox?kind=proposal');
    expect(queue.statusCode, queue.body).toBe(200);
    const items = (queue.json() as { items: { id: string; kind: string }[] }).items;
    expect(items.map((c) => c.id)).toContain(id);
    expect(new Set(items.map((c) => c.kind))).toEqual(new Set(['proposal']));
    const officer = await inject('commune_officer:in', 'GET', '/api/v1/case-inbox?kind=proposal');
    expect(officer.statusCode).toBe(200);
    expect((officer.json() as { items: unknown[] }).items).toEqual([]);
    expect((await inject('youth_union:out', 'GET', '/api/v1/case-inbox?kind=proposal')).json()).toMatchObject(
      {
        items: [],
      },
    );
  });
});
