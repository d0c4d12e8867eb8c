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

describe('support records: PUT and GET', () => {
  let t: TestApp;
  let member: Session;
  let memberUserId: string;
  let officer: Session;
  let team: { id: string };
  let hamlet: { id: string };
  let otherHamlet: { id: string };
  let outsideHamlet: { id: string };

  const put = (id: string, payload: unknown, s: Session | null = member) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/support-records/${id}`,
      headers: s?.headers ?? {},
      payload: payload as object,
    });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await loadTestUnits(db);
    hamlet = await buildHamlet(db, COMMUNE_A, 'Ấp Bình Phú');
    otherHamlet = await buildHamlet(db, COMMUNE_A, 'Ấp Tân Hòa');
    outsideHamlet = await buildHamlet(db, COMMUNE_B, 'Khu phố 3');
    team = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamlet.id });
    const u = await buildUser(db, {
      grants: [{ role: 'team_member', unitCode: hamlet.id, communeCode: COMMUNE_A }],
    });
    memberUserId = u.id;
    await buildMember(db, team.id, { user_id: u.id, name: 'Đặng Thị Mai' });
    member = await signIn(t.app, u.email, u.password);
    const o = await buildUser(db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] });
    officer = await signIn(t.app, o.email, o.password);
  });
  afterAll(async () => t.close());

  it('creates (201), answers a resend as a duplicate (200) and a different body as a conflict (409)', async () => {
    const body = recordInput(team.id, hamlet.id, t.clock.now());
    const first = await put(body.id, body);
    expect(first.statusCode).toBe(201);
    const view = first.json();
    expect(view).toMatchObject({
      id: body.id,
      teamId: team.id,
      hamletId: hamlet.id,
      state: 'active',
      services: ['payment_vietqr', 'vneid_level2'],
    });
    expect(view.author).toMatchObject({ userId: memberUserId, name: 'Đặng Thị Mai' });
    expect(view.actions).toContain('support.capture');

    // The same content in another form (services reordered, the same instant in +07:00, id left out of the body).
    const sameInstant = new Date(Date.parse(body.occurredAt) + 7 * 3_600_000)
      .toISOString()
      .replace('Z', '+07:00');
    const { id: _omit, ...withoutId } = body;
    const again = await put(body.id, {
      ...withoutId,
      occurredAt: sameInstant,
      services: ['vneid_level2', 'payment_vietqr'],
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(body.id);

    const other = await put(body.id, { ...body, outcome: 'partly' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('CONFLICT');
    expect(other.json().error.details[0].messageVi).toBeTruthy();

    const rows = await t.database.db
      .selectFrom('support_records')
      .select(['id', 'outcome'])
      .where('id', '=', body.id)
      .execute();
    expect(rows).toEqual([{ id: body.id, outcome: 'done' }]);
    const services = await t.database.db
      .selectFrom('support_record_services')
      .select('service_code')
      .where('record_id', '=', body.id)
      .execute();
    expect(services.map((s) => s.service_code).sort()).toEqual(['payment_vietqr', 'vneid_level2']);
  });

  it('stores one row for 20 parallel PUTs of one id', async () => {
    const body = recordInput(team.id, hamlet.id, t.clock.now());
    const responses = await Promise.all(Array.from({ length: 20 }, () => put(body.id, body)));
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(19);
    const count = await t.database.db
      .selectFrom('support_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses times more than 10 minutes ahead or older than 90 days, with a reason in both languages', async () => {
    const now = t.clock.now().getTime();
    const future = recordInput(team.id, hamlet.id, t.clock.now(), {
      occurredAt: new Date(now + 11 * 60_000).toISOString(),
    });
    const r1 = await put(future.id, future);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.details).toEqual([
      expect.objectContaining({ path: 'occurredAt', messageVi: expect.stringContaining('tương lai') }),
    ]);
    const nearFuture = recordInput(team.id, hamlet.id, t.clock.now(), {
      occurredAt: new Date(now + 9 * 60_000).toISOString(),
    });
    expect((await put(nearFuture.id, nearFuture)).statusCode).toBe(201);
    const old = recordInput(team.id, hamlet.id, t.clock.now(), {
      occurredAt: new Date(now - 91 * 86_400_000).toISOString(),
    });
    const r2 = await put(old.id, old);
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.details[0]).toMatchObject({
      path: 'occurredAt',
      message: expect.stringContaining('90 days'),
    });
  });

  it('refuses unknown services, and a service retired on any server from the next record on', async () => {
    const unknown = recordInput(team.id, hamlet.id, t.clock.now(), {
      services: ['vneid_level2', 'teleportation'],
    });
    const r = await put(unknown.id, unknown);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details).toEqual([
      expect.objectContaining({ path: 'services.1', message: expect.stringContaining('teleportation') }),
    ]);
    // Retired straight in the database, as another server's admin screen would: no cache to wait out.
    await t.database.db
      .updateTable('services')
      .set({ status: 'retired' })
      .where('code', '=', 'platform_qa')
      .execute();
    const retired = recordInput(team.id, hamlet.id, t.clock.now(), { services: ['platform_qa'] });
    const r2 = await put(retired.id, retired);
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.details[0].messageVi).toContain('ngừng');
    await t.database.db
      .updateTable('services')
      .set({ status: 'active' })
      .where('code', '=', 'platform_qa')
      .execute();
  });

  it('answers bad fields with per-field messages in Vietnamese and English, never a 500', async () => {
    const id = uuidv7();
    const r = await put(id, {
      teamId: team.id,
      hamletId: hamlet.id,
      occurredAt: 'yesterday',
      services: [],
      outcome: 'great',
      person: { ageBand: '60_plus' },
      consent: 'yes',
      extra: 1,
    });
    expect(r.statusCode).toBe(400);
    const details = r.json().error.details as { path: string; message: string; messageVi: string }[];
    const paths = details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['occurredAt', 'services', 'outcome', 'person.gender', 'consent', '']),
    );
    expect(details.every((d) => d.message && d.messageVi)).toBe(true);
    expect((await put('not-a-uuid', recordInput(team.id, hamlet.id, t.clock.now()))).statusCode).toBe(400);
    const mismatch = recordInput(team.id, hamlet.id, t.clock.now());
    expect((await put(uuidv7(), mismatch)).statusCode).toBe(400);
    const noConsent = recordInput(team.id, hamlet.id, t.clock.now(), {
      consent: false,
      location: { lat: 11.3, lng: 106.1 },
    });
    const r3 = await put(noConsent.id, noConsent);
    expect(r3.statusCode).toBe(400);
    expect(
      r3
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['location', 'note']);
    const text = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/support-records/${uuidv7()}`,
      headers: { ...member.headers, 'content-type': 'application/json' },
      payload: '[1,2]',
    });
    expect(text.statusCode).toBe(400);
  });

  it('401 for anonymous writes; 403 for a hamlet outside the team’s commune or a team the caller is not in', async () => {
    const body = recordInput(team.id, hamlet.id, t.clock.now());
    expect((await put(body.id, body, null)).statusCode).toBe(401);
    const outside = recordInput(team.id, outsideHamlet.id, t.clock.now());
    const r = await put(outside.id, outside);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.details[0].path).toBe('hamletId');
    const foreignTeam = await buildTeam(t.database.db, {
      communeCode: COMMUNE_B,
      hamletId: outsideHamlet.id,
    });
    const r2 = await put(uuidv7(), {
      ...recordInput(foreignTeam.id, outsideHamlet.id, t.clock.now()),
      id: undefined,
    });
    expect(r2.statusCode).toBe(403);
    // Another hamlet of the team's commune is fine for an active member.
    const neighbour = recordInput(team.id, otherHamlet.id, t.clock.now());
    expect((await put(neighbour.id, neighbour)).statusCode).toBe(201);
  });

  it('checks membership on the day of the help: a member who left cannot record after leaving', async () => {
    const db = t.database.db;
    const h = await buildHamlet(db, COMMUNE_B);
    const tm = await buildTeam(db, { communeCode: COMMUNE_B, hamletId: h.id });
    const u = await buildUser(db);
    await buildMember(db, tm.id, { user_id: u.id, active_from: '2025-01-01', active_to: '2025-02-01' });
    const s = await signIn(t.app, u.email, u.password);
    const body = recordInput(tm.id, h.id, t.clock.now());
    const r = await put(body.id, body, s);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.details[0].messageVi).toContain('không phải thành viên');
  });

  it('GET shows a record to its author and to reviewers in scope, 404 to others, 401 to anonymous', async () => {
    const body = recordInput(team.id, hamlet.id, t.clock.now());
    await put(body.id, body);
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/support-records/${body.id}`,
      headers: { cookie: member.cookie },
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      id: body.id,
      note: 'Hướng dẫn kích hoạt VNeID',
      review: { status: 'pending' },
    });
    const byOfficer = await t.app.inject({
      method: 'GET',
      url: `/api/v1/support-records/${body.id}`,
      headers: { cookie: officer.cookie },
    });
    expect(byOfficer.statusCode).toBe(200);
    expect(byOfficer.json().actions).toEqual(['support.review']);
    const o2 = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_B }] });
    const s2 = await signIn(t.app, o2.email, o2.password);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/support-records/${body.id}`,
          headers: { cookie: s2.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/support-records/${body.id}` })).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/support-records/${uuidv7()}`,
          headers: { cookie: member.cookie },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('corrections are new records that mark the old one; retraction keeps the row with its reason', async () => {
    const original = recordInput(team.id, hamlet.id, t.clock.now());
    await put(original.id, original);
    const fix = recordInput(team.id, hamlet.id, t.clock.now(), {
      outcome: 'partly',
      supersedes: original.id,
    });
    const r = await put(fix.id, fix);
    expect(r.statusCode).toBe(201);
    const old = await t.app.inject({
      method: 'GET',
      url: `/api/v1/support-records/${original.id}`,
      headers: { cookie: member.cookie },
    });
    expect(old.json()).toMatchObject({ state: 'superseded', supersededBy: fix.id, outcome: 'done' });
    const fork = recordInput(team.id, hamlet.id, t.clock.now(), { supersedes: original.id });
    const r2 = await put(fork.id, fork);
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.details[0].path).toBe('supersedes');

    const retractOld = await t.app.inject({
      method: 'POST',
      url: `/api/v1/support-records/${original.id}/retract`,
      headers: member.headers,
      payload: { reason: 'Ghi nhầm' },
    });
    expect(retractOld.statusCode).toBe(409);
    const retract = await t.app.inject({
      method: 'POST',
      url: `/api/v1/support-records/${fix.id}/retract`,
      headers: member.headers,
      payload: { reason: 'Ghi trùng' },
    });
    expect(retract.statusCode).toBe(200);
    expect(retract.json()).toMatchObject({ state: 'retracted', retraction: { reason: 'Ghi trùng' } });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', fix.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['support_record.created', 'support_record.retracted']),
    );
    const stranger = await buildUser(t.database.db, {
      grants: [{ role: 'team_member', unitCode: hamlet.id, communeCode: COMMUNE_A }],
    });
    const ss = await signIn(t.app, stranger.email, stranger.password);
    const other = recordInput(team.id, hamlet.id, t.clock.now());
    await put(other.id, other);
    const notMine = await t.app.inject({
      method: 'POST',
      url: `/api/v1/support-records/${other.id}/retract`,
      headers: ss.headers,
      payload: { reason: 'Không phải của tôi' },
    });
    expect(notMine.statusCode).toBe(404);
  });

  it('accepts a correction that arrives before the record it corrects, and links them when it does', async () => {
    const original = recordInput(team.id, hamlet.id, t.clock.now());
    const fix = recordInput(team.id, hamlet.id, t.clock.now(), {
      supersedes: original.id,
      durationMinutes: 30,
    });
    expect((await put(fix.id, fix)).statusCode).toBe(201);
    expect((await put(original.id, original)).statusCode).toBe(201);
    const old = await t.app.inject({
      method: 'GET',
      url: `/api/v1/support-records/${original.id}`,
      headers: { cookie: member.cookie },
    });
    expect(old.json()).toMatchObject({ state: 'superseded', supersededBy: fix.id });
  });
});
