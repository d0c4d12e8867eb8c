import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { buildHamlet, buildMember, buildTeam, COMMUNE_A, COMMUNE_B, loadTestUnits } from './teams.fixtures';

const decision = { number: '125/QĐ-UBND', date: '2025-08-15', signer: 'Nguyễn Văn Hùng' };

describe('teams and members', () => {
  let t: TestApp;
  let officer: Session;
  let hamlets: { id: string; name: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    await loadTestUnits(t.database.db);
    hamlets = [
      await buildHamlet(t.database.db, COMMUNE_A, 'Ấp Bình Phú'),
      await buildHamlet(t.database.db, COMMUNE_A, 'Ấp Đồng Lớn'),
      await buildHamlet(t.database.db, COMMUNE_A, 'Ấp Tân Hòa'),
    ];
    const o = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] });
    officer = await signIn(t.app, o.email, o.password);
  });
  afterAll(async () => t.close());

  const create = (body: object, s: Session | null = officer) =>
    t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: s?.headers ?? {}, payload: body });

  it('establishes a team with its decision, refuses a second active team for the hamlet, and keeps history', async () => {
    const r = await create({
      communeCode: COMMUNE_A,
      hamletId: hamlets[0]!.id,
      decision,
      schedule: 'Sáng thứ Bảy, nhà văn hoá ấp Bình Phú',
      contactPhone: '0276 3822 123'.replace(/ /g, ''),
    });
    expect(r.statusCode).toBe(201);
    const team = r.json();
    expect(team).toMatchObject({
      name: 'Tổ công nghệ số cộng đồng Ấp Bình Phú',
      level: 'hamlet',
      communeCode: COMMUNE_A,
      communeName: 'Phường Tân Ninh',
      hamletName: 'Ấp Bình Phú',
      contactPhone: '02763822123',
      decision,
      status: 'active',
      memberCount: 0,
    });
    expect(team.actions).toEqual(expect.arrayContaining(['teams.manage', 'teams.manageMembers']));
    expect(team.history).toEqual([expect.objectContaining({ change: 'created' })]);
    expect((await create({ communeCode: COMMUNE_A, hamletId: hamlets[0]!.id, decision })).statusCode).toBe(
      409,
    );
    const commune = await create({
      communeCode: COMMUNE_A,
      decision,
      name: 'Tổ công nghệ số cộng đồng phường Tân Ninh',
    });
    expect(commune.statusCode).toBe(201);
    expect(commune.json()).toMatchObject({ level: 'commune', hamletId: null });
    expect((await create({ communeCode: COMMUNE_A, decision })).statusCode).toBe(409);

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id as string}`,
      headers: officer.headers,
      payload: { name: 'Tổ CNSCĐ ấp Bình Phú', schedule: null },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Tổ CNSCĐ ấp Bình Phú', schedule: null });
    expect(patched.json().history.map((h: { change: string }) => h.change)).toEqual(['created', 'renamed']);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', team.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['team.created', 'team.renamed']);
  });

  it('validates input: unknown commune, a hamlet of another commune, bad phone, unknown fields', async () => {
    const otherHamlet = await buildHamlet(t.database.db, COMMUNE_B);
    expect((await create({ communeCode: '99999', decision })).statusCode).toBe(400);
    const wrong = await create({ communeCode: COMMUNE_A, hamletId: otherHamlet.id, decision });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({ path: 'hamletId', messageVi: expect.any(String) });
    expect(
      (await create({ communeCode: COMMUNE_A, hamletId: hamlets[1]!.id, decision, contactPhone: 'call me' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await create({ communeCode: COMMUNE_A, hamletId: hamlets[1]!.id, decision, color: 'red' })).statusCode,
    ).toBe(400);
    expect(
      (
        await create({
          communeCode: COMMUNE_A,
          hamletId: hamlets[1]!.id,
          decision: { ...decision, date: '2025-02-30x' },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('finds teams without diacritics and shows the public view to anonymous callers', async () => {
    const team = (
      await create({ communeCode: COMMUNE_A, hamletId: hamlets[1]!.id, decision, contactPhone: '0912345678' })
    ).json();
    await buildMember(t.database.db, team.id, { name: 'Lê Văn Tám', phone: '+84911222333', phone_public: 0 });
    await buildMember(t.database.db, team.id, {
      name: 'Trần Thị Bé',
      role: 'leader',
      phone: '+84911444555',
      phone_public: 1,
    });
    await buildMember(t.database.db, team.id, { name: 'Người cũ', active_to: '2025-03-01' });

    const found = await t.app.inject({ method: 'GET', url: `/api/v1/teams?q=dong lon&unit=${COMMUNE_A}` });
    expect(found.statusCode).toBe(200);
    expect(found.json().items).toHaveLength(1);
    const item = found.json().items[0];
    expect(item).toMatchObject({
      id: team.id,
      hamletName: 'Ấp Đồng Lớn',
      memberCount: 2,
      contactPhone: '0912345678',
      actions: [],
    });
    expect(item.decision).toBeUndefined();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/teams?q=tan ninh dong lon' })).json().items,
    ).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/teams?unit=nonsense' })).statusCode).toBe(400);

    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${team.id as string}` });
    expect(pub.statusCode).toBe(200);
    const members = pub.json().members as { name: string; phone: string | null; phoneMasked?: string }[];
    expect(members.map((m) => m.name).sort()).toEqual(['Lê Văn Tám', 'Trần Thị Bé']);
    expect(members.find((m) => m.name === 'Lê Văn Tám')).toMatchObject({ phone: null });
    expect(members.find((m) => m.name === 'Trần Thị Bé')).toMatchObject({ phone: '0911444555' });
    expect(JSON.stringify(pub.json())).not.toContain('911222333');
    expect(pub.json().history).toBeUndefined();

    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/v1/teams/${team.id as string}`,
      headers: { cookie: officer.cookie },
    });
    expect(staff.json().members).toHaveLength(3);
    const tam = staff.json().members.find((m: { name: string }) => m.name === 'Lê Văn Tám');
    // Managers see it masked too; the full number is an explicit reveal with a reason, written to the access log.
    expect(tam).toMatchObject({ phone: null, phoneMasked: '09•• ••• 333' });
    const reveal = (s: Session, payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/teams/${team.id as string}/members/${tam.id as string}/reveal-phone`,
        headers: s.headers,
        payload,
      });
    expect((await reveal(officer, { reason: '' })).statusCode).toBe(400);
    const revealed = await reveal(officer, { reason: 'Gọi phân công lịch trực' });
    expect(revealed.json()).toEqual({ phone: '0911222333' });
    const logged = await t.database.db.selectFrom('personal_data_access').selectAll().execute();
    expect(logged).toEqual([
      expect.objectContaining({ subject_type: 'team_member', subject_id: tam.id, reason: 'Gọi phân công lịch trực', commune_code: COMMUNE_A }),
    ]);
    const reader = await buildUser(t.database.db, {
      grants: [{ role: 'youth_union_coordinator', unitCode: '80' }],
    });
    const rs = await signIn(t.app, reader.email, reader.password);
    const asReader = await t.app.inject({
      method: 'GET',
      url: `/api/v1/teams/${team.id as string}`,
      headers: { cookie: rs.cookie },
    });
    expect(asReader.json().members.find((m: { name: string }) => m.name === 'Lê Văn Tám')).toMatchObject({
      phone: null,
      phoneMasked: '09•• ••• 333',
    });
    expect((await reveal(rs, { reason: 'Cần liên hệ thành viên' })).statusCode).toBe(403);
    expect(await t.database.db.selectFrom('personal_data_access').selectAll().execute()).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/teams/nope' })).statusCode).toBe(404);
  });

  it('ranks teams whose own or hamlet name holds the whole phrase first, and matches word starts only', async () => {
    const elsewhere = await buildHamlet(t.database.db, COMMUNE_B, 'Khu phố 9');
    await buildTeam(t.database.db, { communeCode: COMMUNE_B, hamletId: elsewhere.id, name: 'Tổ Khu phố 9' });
    const ranked = await t.app.inject({ method: 'GET', url: '/api/v1/teams?q=binh phu&limit=1' });
    expect(ranked.json().items.map((x: { hamletName: string }) => x.hamletName)).toEqual(['Ấp Bình Phú']);
    const next = await t.app.inject({
      method: 'GET',
      url: `/api/v1/teams?q=binh phu&limit=5&cursor=${ranked.json().nextCursor as string}`,
    });
    expect(next.json().items.map((x: { hamletName: string }) => x.hamletName)).toEqual(['Khu phố 9']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/teams?q=inh phu' })).json().items).toEqual([]);
  });

  it('pages the directory with a cursor', async () => {
    const first = await t.app.inject({ method: 'GET', url: `/api/v1/teams?unit=${COMMUNE_A}&limit=1` });
    expect(first.json().items).toHaveLength(1);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/teams?unit=${COMMUNE_A}&limit=1&cursor=${first.json().nextCursor as string}`,
    });
    expect(second.json().items).toHaveLength(1);
    expect(second.json().items[0].id).not.toBe(first.json().items[0].id);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/teams?cursor=garbage` })).statusCode).toBe(400);
  });

  it('adds members with an invitation; accepting it links the account and /me lists the team', async () => {
    const team = (await create({ communeCode: COMMUNE_A, hamletId: hamlets[2]!.id, decision })).json();
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teams/${team.id as string}/members`,
      headers: officer.headers,
      payload: {
        name: 'Võ Thị Hồng',
        role: 'leader',
        affiliation: 'youth_union',
        email: 'hong@example.vn',
        phone: '0901234567',
      },
    });
    expect(added.statusCode).toBe(201);
    const { member, invitation } = added.json();
    expect(member).toMatchObject({
      name: 'Võ Thị Hồng',
      role: 'leader',
      hasAccount: false,
      phonePublic: false,
    });
    expect(invitation.link).toContain('/invitations/');
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teams/${team.id as string}/members`,
      headers: officer.headers,
      payload: { name: 'Người thứ hai', role: 'leader', affiliation: 'teacher' },
    });
    expect(second.statusCode).toBe(409);
    const telecom = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teams/${team.id as string}/members`,
      headers: officer.headers,
      payload: { name: 'Nhân viên', affiliation: 'telecom_business' },
    });
    expect(telecom.statusCode).toBe(400);
    expect(telecom.json().error.details).toContainEqual(
      expect.objectContaining({ path: 'body.organization', messageVi: expect.stringMatching(/tên doanh nghiệp/) }),
    );

    const token = (invitation.link as string).split('/invitations/')[1]!;
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { password: 'Mat-khau-moi-2026' },
    });
    expect(accepted.statusCode).toBe(200);
    // Until idle, not a fixed number of passes: how many scheduled jobs fall due with it depends on the hour.
    await t.built.jobs.runUntilIdle();
    const s = await signIn(t.app, 'hong@example.vn', 'Mat-khau-moi-2026');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expect(me.json().teams).toEqual([
      { teamId: team.id, teamName: team.name, hamletId: hamlets[2]!.id, role: 'leader' },
    ]);

    // Only the member may make their own number public; a manager may not do it for them.
    const byOfficer = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id as string}/members/${member.id as string}`,
      headers: officer.headers,
      payload: { phonePublic: true },
    });
    expect(byOfficer.statusCode).toBe(403);
    const bySelf = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id as string}/members/${member.id as string}`,
      headers: s.headers,
      payload: { phonePublic: true },
    });
    expect(bySelf.statusCode).toBe(200);
    expect(bySelf.json().member).toMatchObject({ phonePublic: true, isMe: true, phone: '0901234567' });
    const selfRename = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id as string}/members/${member.id as string}`,
      headers: s.headers,
      payload: { role: 'member' },
    });
    expect(selfRename.statusCode).toBe(200);
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${team.id as string}` });
    expect(pub.json().members[0]).toMatchObject({ phone: '0901234567' });
    // A manager changing the number resets the opt-in: consent was given for the old number.
    const newNumber = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id as string}/members/${member.id as string}`,
      headers: officer.headers,
      payload: { phone: '0907654321' },
    });
    expect(newNumber.json().member).toMatchObject({ phonePublic: false });
    const ended = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id as string}/members/${member.id as string}`,
      headers: officer.headers,
      payload: { activeTo: '2020-01-01' },
    });
    expect(ended.statusCode).toBe(400);
  });

  it('merges into another team of the commune, moving active members; dissolve keeps the rows', async () => {
    const h1 = await buildHamlet(t.database.db, COMMUNE_A);
    const h2 = await buildHamlet(t.database.db, COMMUNE_A);
    const a = (await create({ communeCode: COMMUNE_A, hamletId: h1.id, decision })).json();
    const b = (await create({ communeCode: COMMUNE_A, hamletId: h2.id, decision })).json();
    await buildMember(t.database.db, a.id, { name: 'Chuyển sang', role: 'leader' });
    await buildMember(t.database.db, b.id, { name: 'Tổ trưởng B', role: 'leader', phone: '+84900000001' });
    const merged = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teams/${a.id as string}/merge`,
      headers: officer.headers,
      payload: { intoId: b.id, reason: 'Sáp nhập ấp' },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoId: b.id, memberCount: 0 });
    const target = (await t.app.inject({ method: 'GET', url: `/api/v1/teams/${b.id as string}` })).json();
    expect(target.members.map((m: { name: string; role: string }) => [m.name, m.role]).sort()).toEqual([
      ['Chuyển sang', 'member'],
      ['Tổ trưởng B', 'leader'],
    ]);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/teams/${a.id as string}`,
          headers: officer.headers,
          payload: { name: 'Đổi tên' },
        })
      ).statusCode,
    ).toBe(409);
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/teams?unit=${h1.id}&status=all` });
    expect(listed.json().items[0]).toMatchObject({ id: a.id, status: 'merged' });

    const dissolved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teams/${b.id as string}/dissolve`,
      headers: officer.headers,
      payload: { reason: 'Giải thể theo quyết định', decision },
    });
    expect(dissolved.statusCode).toBe(200);
    expect(dissolved.json()).toMatchObject({ status: 'dissolved', memberCount: 0 });
    expect(dissolved.json().members).toHaveLength(2);
    const rows = await t.database.db
      .selectFrom('teams')
      .select('status')
      .where('id', 'in', [a.id, b.id])
      .execute();
    expect(rows.map((r) => r.status).sort()).toEqual(['dissolved', 'merged']);
  });
});
