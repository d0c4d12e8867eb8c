import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED_EXTENSIONS } from '../../app';
import { createTestApp, signIn, testSealer, type TestApp } from '../../test/app';
import { createTestDatabase } from '../../test/database';
import { seedDemoProvince, type SeedDemoResult } from '../demo/index';
import { loadOfficialUnits } from '../geography/index';
import { recordInput } from '../teams/teams.fixtures';

const NOW = '2026-11-28T03:00:00.000Z';

describe('demo seed: teams, members and six months of support records', () => {
  let t: TestApp;
  let seeded: SeedDemoResult;

  beforeAll(async () => {
    t = await createTestApp({ SEED: 'demo' });
    t.clock.set(NOW);
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    seeded = await seedDemoProvince({
      sealer: testSealer,
      db: t.database.db,
      clock: t.clock,
      config: t.config,
      extensions: DEMO_SEED_EXTENSIONS,
    });
  });
  afterAll(async () => t.close());

  it('creates one team per hamlet with ~5 members each', async () => {
    const db = t.database.db;
    const teams = await db.selectFrom('teams').select(['hamlet_id', 'decision_number']).execute();
    expect(teams).toHaveLength(seeded.hamlets);
    expect(new Set(teams.map((x) => x.hamlet_id)).size).toBe(seeded.hamlets);
    const members = await db
      .selectFrom('team_members')
      .select(['affiliation', 'role', 'organization'])
      .execute();
    expect(members.length).toBeGreaterThan(2_200);
    expect(members.length).toBeLessThan(2_800);
    expect(members.filter((m) => m.role === 'leader')).toHaveLength(seeded.hamlets);
    const youth = members.filter((m) => m.affiliation === 'youth_union').length;
    expect(youth / members.length).toBeGreaterThan(0.2);
    expect(members.filter((m) => m.affiliation === 'telecom_business').every((m) => m.organization)).toBe(
      true,
    );
  });

  it('logs 40–60 thousand records over six months with weekend and campaign-day peaks', async () => {
    const rows = await t.database.db
      .selectFrom('support_records')
      .select(['occurred_at', 'services_json'])
      .execute();
    expect(rows.length).toBeGreaterThan(40_000);
    expect(rows.length).toBeLessThan(60_000);
    const now = Date.parse(NOW);
    expect(
      rows.every(
        (r) => Date.parse(r.occurred_at) < now && now - Date.parse(r.occurred_at) < 184 * 86_400_000,
      ),
    ).toBe(true);
    const perDay = new Map<string, number>();
    for (const r of rows) {
      const day = new Date(Date.parse(r.occurred_at) + 7 * 3_600_000).toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const avg = (pred: (d: Date) => boolean) => {
      const days = [...perDay].filter(([d]) => pred(new Date(`${d}T00:00:00Z`)));
      return days.reduce((s, [, n]) => s + n, 0) / days.length;
    };
    const weekday = avg((d) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5);
    const saturday = avg((d) => d.getUTCDay() === 6 && (d.getUTCDate() < 8 || d.getUTCDate() > 14));
    const campaign = avg((d) => d.getUTCDay() === 6 && d.getUTCDate() >= 8 && d.getUTCDate() <= 14);
    expect(saturday).toBeGreaterThan(weekday * 1.5);
    expect(campaign).toBeGreaterThan(saturday * 2);
    const vneid = rows.filter((r) => r.services_json.includes('"vneid_level2"')).length;
    const stall = rows.filter((r) => r.services_json.includes('"ecommerce_stall"')).length;
    expect(vneid).toBeGreaterThan(stall * 5);
  });

  it('is deterministic: another database seeded on the same day holds the same teams and records', async () => {
    const other = await createTestDatabase();
    try {
      await loadOfficialUnits(other.db, { provinces: ['80'] });
      await seedDemoProvince({
        sealer: testSealer,
        db: other.db,
        clock: t.clock,
        config: t.config,
        extensions: DEMO_SEED_EXTENSIONS,
      });
      const ids = async (db: typeof other.db) => ({
        teams: (await db.selectFrom('teams').select('id').orderBy('id').execute()).map((r) => r.id),
        records: await db
          .selectFrom('support_records')
          .select(['id', 'content_hash'])
          .orderBy('id')
          .limit(500)
          .execute(),
        count: (
          await db
            .selectFrom('support_records')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      });
      expect(await ids(other.db)).toEqual(await ids(t.database.db));
    } finally {
      await other.destroy();
    }
    // A whole second demo (every extension, the cases' too) on a two-core machine shared with other runs.
  }, 90_000);
  it('makes the demo team leader and member part of their hamlet’s team, able to capture and review', async () => {
    const leader = seeded.accounts.find((a) => a.role === 'team_leader')!;
    const member = seeded.accounts.find((a) => a.role === 'team_member')!;
    const ls = await signIn(t.app, leader.email, leader.password);
    const ms = await signIn(t.app, member.email, member.password);
    const me = (
      await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: ls.cookie } })
    ).json();
    expect(me.teams).toEqual([expect.objectContaining({ hamletId: leader.hamletId, role: 'leader' })]);
    const teamId = me.teams[0].teamId as string;
    const memberMe = (
      await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: ms.cookie } })
    ).json();
    expect(memberMe.teams).toEqual([expect.objectContaining({ teamId, role: 'member' })]);
    const body = recordInput(teamId, member.hamletId!, t.clock.now());
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/v1/support-records/${body.id}`,
          headers: ms.headers,
          payload: body,
        })
      ).statusCode,
    ).toBe(201);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/support-records?teamId=${teamId}&limit=5`,
      headers: { cookie: ls.cookie },
    });
    expect(listed.json().items[0].id).toBe(body.id);
    const stats = await t.app.inject({
      method: 'GET',
      url: `/api/v1/teams/${teamId}/stats`,
      headers: { cookie: ms.cookie },
    });
    expect(stats.json().total).toBeGreaterThan(10);
    const directory = await t.app.inject({ method: 'GET', url: '/api/v1/teams?q=tan an&limit=3' });
    expect(directory.json().items.length).toBeGreaterThan(0);
  });
});
