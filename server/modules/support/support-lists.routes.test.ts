import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
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

describe('support lists, export, reviews and team stats', () => {
  let t: TestApp;
  let member: Session;
  let memberId: string;
  let leader: Session;
  let officer: Session;
  let officerB: Session;
  let team: { id: string };
  let teamB: { id: string };
  let hamlet: { id: string };
  let hamletB: { id: string };
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-28T03:00:00.000Z');
    const db = t.database.db;
    await loadTestUnits(db);
    hamlet = await buildHamlet(db, COMMUNE_A, 'Ấp Bình Phú');
    hamletB = await buildHamlet(db, COMMUNE_B, 'Khu phố 1');
    team = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamlet.id, name: 'Tổ Bình Phú' });
    teamB = await buildTeam(db, { communeCode: COMMUNE_B, hamletId: hamletB.id });
    const u = await buildUser(db, { email: 'mai@test.local' });
    memberId = (await buildMember(db, team.id, { user_id: u.id, name: 'Đặng Thị Mai' })).id;
    member = await signIn(t.app, u.email, u.password);
    const l = await buildUser(db, {
      grants: [{ role: 'team_leader', unitCode: hamlet.id, communeCode: COMMUNE_A }],
    });
    await buildMember(db, team.id, { user_id: l.id, name: 'Huỳnh Thanh Tâm', role: 'leader' });
    leader = await signIn(t.app, l.email, l.password);
    const o = await buildUser(db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] });
    officer = await signIn(t.app, o.email, o.password);
    const ob = await buildUser(db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_B }] });
    officerB = await signIn(t.app, ob.email, ob.password);
    const ub = await buildUser(db);
    await buildMember(db, teamB.id, { user_id: ub.id });
    const memberB = await signIn(t.app, ub.email, ub.password);

    // 12 records over three weeks by the member (a week-end peak), one in commune B.
    const base = Date.parse('2026-11-28T02:00:00.000Z');
    const records = Array.from({ length: 12 }, (_, i) =>
      recordInput(team.id, hamlet.id, t.clock.now(), {
        id: uuidv7(base - i * 2 * 86_400_000),
        occurredAt: new Date(base - i * 2 * 86_400_000).toISOString(),
        services: i % 3 === 0 ? ['vneid_level2', 'health_book'] : ['payment_vietqr'],
        person: { ageBand: i % 2 ? '60_plus' : '18_39', gender: i % 4 ? 'female' : 'male' },
        note: i === 0 ? '=HYPERLINK("x"), "trích dẫn"' : 'Hướng dẫn',
      }),
    );
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sync',
      headers: member.headers,
      payload: { records },
    });
    expect(r.json().results.every((x: { status: string }) => x.status === 'created')).toBe(true);
    ids.push(...records.map((x) => x.id));
    const other = recordInput(teamB.id, hamletB.id, t.clock.now());
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/v1/support-records/${other.id}`,
          headers: memberB.headers,
          payload: other,
        })
      ).statusCode,
    ).toBe(201);
  });
  afterAll(async () => t.close());

  const list = (query: string, s: Session | null) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/support-records?${query}`,
      headers: s ? { cookie: s.cookie } : {},
    });

  it('lists records in the officer’s scope only, newest first, with cursor paging and filters', async () => {
    const page1 = await list('limit=5', officer);
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items.map((x: { id: string }) => x.id)).toEqual(ids.slice(0, 5));
    const page2 = await list(`limit=5&cursor=${page1.json().nextCursor as string}`, officer);
    expect(page2.json().items.map((x: { id: string }) => x.id)).toEqual(ids.slice(5, 10));
    const page3 = await list(`limit=5&cursor=${page2.json().nextCursor as string}`, officer);
    expect(page3.json()).toMatchObject({ nextCursor: null });
    expect(page3.json().items).toHaveLength(2);

    expect((await list('service=health_book', officer)).json().items).toHaveLength(4);
    expect((await list('from=2026-11-20&to=2026-11-27', officer)).json().items).toHaveLength(4);
    expect(
      (await list(`memberId=${memberId}&hamletId=${hamlet.id}&limit=500`, officer)).json().items,
    ).toHaveLength(12);
    expect((await list(`unit=${COMMUNE_B}`, officer)).json().items).toHaveLength(0);
    expect((await list('limit=500', officerB)).json().items).toHaveLength(1);
    expect((await list('limit=501', officer)).statusCode).toBe(400);
    expect((await list('cursor=abc', officer)).statusCode).toBe(400);
    expect((await list('from=yesterday', officer)).statusCode).toBe(400);
  });

  it('a member sees their own history with mine=true, and cannot list the team without review rights', async () => {
    expect((await list('', member)).statusCode).toBe(403);
    const mine = await list('mine=true&limit=500', member);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toHaveLength(12);
    expect(mine.json().items[0].actions).toEqual(['support.capture']);
    expect((await list('mine=true', null)).statusCode).toBe(401);
  });

  it('leaders review their members’ records; flagged authors are notified; others cannot review', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/support-records/review',
      headers: leader.headers,
      payload: { ids: [ids[0], ids[1], uuidv7()], decision: 'flagged', note: 'Kiểm tra lại dịch vụ' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().results.map((x: { status: string }) => x.status)).toEqual([
      'flagged',
      'flagged',
      'not_found',
    ]);
    const flagged = await list('review=flagged', leader);
    expect(flagged.json().items.map((x: { id: string }) => x.id)).toEqual([ids[0], ids[1]]);
    expect(flagged.json().items[0].review).toMatchObject({ status: 'flagged', note: 'Kiểm tra lại dịch vụ' });
    const notes = await t.app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: { cookie: member.cookie },
    });
    expect(notes.json().items[0]).toMatchObject({ kind: 'support', title: 'Lượt hỗ trợ cần xem lại' });
    const byB = await t.app.inject({
      method: 'POST',
      url: '/api/v1/support-records/review',
      headers: officerB.headers,
      payload: { ids: [ids[2]], decision: 'reviewed' },
    });
    expect(byB.json().results).toEqual([{ id: ids[2], status: 'not_found' }]);
    const byMember = await t.app.inject({
      method: 'POST',
      url: '/api/v1/support-records/review',
      headers: member.headers,
      payload: { ids: [ids[2]], decision: 'reviewed' },
    });
    expect(byMember.json().results).toEqual([{ id: ids[2], status: 'forbidden' }]);
  });

  it('exports CSV with a BOM, Vietnamese headers, local times and neutralised formulas', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/v1/support-records/export.csv?unit=${COMMUNE_A}`,
      headers: { cookie: officer.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toContain('luot-ho-tro-20261128.csv');
    expect(r.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = r.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toContain('Mã lượt hỗ trợ,Thời điểm');
    expect(lines[1]).toContain('28/11/2026 09:00');
    expect(lines[1]).toContain('"Sổ sức khỏe điện tử; Định danh điện tử VNeID mức 2"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""), ""trích dẫn"""`);
    expect(lines[1]).toContain('Đặng Thị Mai');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/support-records/export.csv',
          headers: { cookie: leader.cookie },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/support-records/export.csv' })).statusCode,
    ).toBe(401);
  });

  it('computes the team page’s figures for members and staff in scope', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/v1/teams/${team.id}/stats?from=2026-11-01&to=2026-11-28`,
      headers: { cookie: member.cookie },
    });
    expect(r.statusCode).toBe(200);
    const stats = r.json();
    expect(stats.total).toBe(12);
    expect(stats.byService).toEqual([
      { service: 'payment_vietqr', count: 8 },
      { service: 'health_book', count: 4 },
      { service: 'vneid_level2', count: 4 },
    ]);
    expect(stats.byWeek.map((w: { week: string }) => w.week)).toEqual([
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ]);
    expect(stats.byWeek.reduce((s: number, w: { total: number }) => s + w.total, 0)).toBe(12);
    expect(stats.people).toEqual(expect.arrayContaining([{ ageBand: '18_39', gender: 'male', count: 3 }]));
    expect(stats.members).toEqual([{ memberId, name: 'Đặng Thị Mai', count: 12 }]);
    expect(stats.targets).toEqual([]);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/teams/${team.id}/stats`,
          headers: { cookie: officer.cookie },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/teams/${team.id}/stats`,
          headers: { cookie: officerB.cookie },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/teams/${team.id}/stats` })).statusCode).toBe(
      401,
    );
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/teams/${team.id}/stats?from=2024-01-01&to=2026-01-01`,
          headers: { cookie: officer.cookie },
        })
      ).statusCode,
    ).toBe(400);
  });
});
