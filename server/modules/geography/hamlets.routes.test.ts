import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/rules/permissions';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { loadOfficialUnits } from './official-units.loader';

const COMMUNE = '25459';
const OTHER_COMMUNE = '27712';

describe('hamlets routes', () => {
  let t: TestApp;
  const sessions: Record<string, Session> = {};
  let seq = 0;

  async function as(role: Role, unitCode: string) {
    const u = await buildUser(t.database.db, { grants: [{ role, unitCode }] });
    return signIn(t.app, u.email, u.password);
  }
  const send = (method: 'POST' | 'PATCH' | 'GET', url: string, who?: Session, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: who?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  async function createHamlet(name = `Ấp Thử ${++seq}`, communeCode = COMMUNE) {
    const res = await send('POST', '/api/v1/hamlets', sessions.admin, { communeCode, name, kind: 'ap' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string };
  }

  beforeAll(async () => {
    t = await createTestApp();
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    sessions.admin = await as('province_admin', '80');
    sessions.officer = await as('commune_officer', COMMUNE);
    sessions.otherOfficer = await as('commune_officer', OTHER_COMMUNE);
    sessions.member = await as('team_member', COMMUNE);
    sessions.department = await as('department_officer', '80');
  });
  afterAll(async () => t.close());

  it('creates a hamlet with its history, audit row, event and actions', async () => {
    const res = await send('POST', '/api/v1/hamlets', sessions.officer, {
      communeCode: COMMUNE,
      name: '  Khu phố  Ninh Phúc ',
      kind: 'khu_pho',
      localCode: 'KP01',
    });
    expect(res.statusCode).toBe(201);
    const h = res.json();
    expect(h).toMatchObject({
      code: h.id,
      level: 'hamlet',
      name: 'Khu phố Ninh Phúc',
      fullName: 'Khu phố Ninh Phúc',
      type: 'Khu phố',
      kind: 'khu_pho',
      localCode: 'KP01',
      communeCode: COMMUNE,
      provinceCode: '80',
      status: 'active',
      validTo: null,
      mergedInto: null,
      actions: ['hamlets.manage'],
    });
    expect(h.history).toEqual([
      expect.objectContaining({
        change: 'created',
        before: null,
        after: { name: 'Khu phố Ninh Phúc', kind: 'khu_pho', localCode: 'KP01' },
      }),
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', h.id)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ action: 'hamlet.created', commune_code: COMMUNE, province_code: '80' }),
    ]);
    const events = await t.database.db
      .selectFrom('events')
      .selectAll()
      .where('entity_id', '=', h.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['hamlet.created']);

    const publicView = await send('GET', `/api/v1/hamlets/${h.id}`);
    expect(publicView.statusCode).toBe(200);
    expect(publicView.json()).toMatchObject({ id: h.id, actions: [] });
    const otherView = await send('GET', `/api/v1/hamlets/${h.id}`, sessions.otherOfficer);
    expect(otherView.json().actions).toEqual([]);
  });

  it('refuses a second active hamlet with the same folded name in a commune (409), not in another commune', async () => {
    await createHamlet('Ấp Bình Hòa');
    const dup = await send('POST', '/api/v1/hamlets', sessions.admin, {
      communeCode: COMMUNE,
      name: 'ap binh hoa',
      kind: 'ap',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'CONFLICT',
      messageVi: expect.stringContaining('ap binh hoa'),
    });
    await createHamlet('Ấp Bình Hòa', OTHER_COMMUNE);
  });

  it('refuses communes that are not current', async () => {
    for (const communeCode of ['99999', '25456']) {
      const res = await send('POST', '/api/v1/hamlets', sessions.admin, {
        communeCode,
        name: 'Ấp Mới',
        kind: 'ap',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.communeCode');
    }
  });

  it('renames and edits, keeping the old values in the history', async () => {
    const h = await createHamlet('Ấp Cũ');
    t.clock.advance(60_000);
    const renamed = await send('PATCH', `/api/v1/hamlets/${h.id}`, sessions.officer, {
      name: 'Ấp Mới Đổi Tên',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Ấp Mới Đổi Tên', fullName: 'Ấp Mới Đổi Tên' });
    t.clock.advance(60_000);
    const edited = await send('PATCH', `/api/v1/hamlets/${h.id}`, sessions.officer, {
      kind: 'thon',
      localCode: 'T7',
    });
    expect(edited.statusCode).toBe(200);
    expect(
      edited
        .json()
        .history.map((c: { change: string; before: unknown; after: unknown }) => [
          c.change,
          c.before,
          c.after,
        ]),
    ).toEqual([
      ['created', null, { name: 'Ấp Cũ', kind: 'ap', localCode: null }],
      ['renamed', { name: 'Ấp Cũ' }, { name: 'Ấp Mới Đổi Tên' }],
      ['updated', { kind: 'ap', localCode: null }, { kind: 'thon', localCode: 'T7' }],
    ]);
    const events = await t.database.db
      .selectFrom('events')
      .select('type')
      .where('entity_id', '=', h.id)
      .orderBy('occurred_at')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['hamlet.created', 'hamlet.renamed', 'hamlet.updated']);

    const search = await send('GET', `/api/v1/units?level=hamlet&parent=${COMMUNE}&q=moi doi ten`);
    expect(search.json().items.map((i: { id: string }) => i.id)).toEqual([h.id]);

    await createHamlet('Ấp Đã Có');
    const clash = await send('PATCH', `/api/v1/hamlets/${h.id}`, sessions.officer, { name: 'AP DA CO' });
    expect(clash.statusCode).toBe(409);
  });

  it('merges a hamlet into another of the same commune, keeping both histories', async () => {
    const a = await createHamlet('Ấp Sáp Nhập A');
    const b = await createHamlet('Ấp Sáp Nhập B');
    const elsewhere = await createHamlet('Ấp Xa', OTHER_COMMUNE);
    const self = await send('POST', `/api/v1/hamlets/${a.id}/merge`, sessions.officer, { intoId: a.id });
    expect(self.statusCode).toBe(400);
    const across = await send('POST', `/api/v1/hamlets/${a.id}/merge`, sessions.officer, {
      intoId: elsewhere.id,
    });
    expect(across.statusCode).toBe(400);
    expect(across.json().error.details[0].path).toBe('body.intoId');

    t.clock.advance(60_000);
    const merged = await send('POST', `/api/v1/hamlets/${a.id}/merge`, sessions.officer, { intoId: b.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({
      status: 'merged',
      mergedInto: b.id,
      validTo: t.clock.now().toISOString(),
      actions: [],
    });
    const target = (await send('GET', `/api/v1/hamlets/${b.id}`)).json();
    expect(target.history.at(-1)).toMatchObject({
      change: 'merged',
      after: { absorbed: a.id, absorbedName: 'Ấp Sáp Nhập A' },
    });

    const again = await send('POST', `/api/v1/hamlets/${a.id}/merge`, sessions.officer, { intoId: b.id });
    expect(again.statusCode).toBe(409);
    const intoMerged = await send('POST', `/api/v1/hamlets/${b.id}/merge`, sessions.officer, {
      intoId: a.id,
    });
    expect(intoMerged.statusCode).toBe(409);

    const list = await send('GET', `/api/v1/units?level=hamlet&parent=${COMMUNE}&limit=500`);
    const ids = list.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(b.id);
    expect(ids).not.toContain(a.id);
    // The name is free again once its hamlet is merged away.
    await createHamlet('Ấp Sáp Nhập A');
  });

  it('retires a hamlet, which then cannot change but stays readable and listable by date', async () => {
    const before = t.clock.now().toISOString().slice(0, 10);
    const h = await createHamlet('Ấp Giải Thể');
    t.clock.advance(2 * 86_400_000);
    const res = await send('POST', `/api/v1/hamlets/${h.id}/retire`, sessions.officer, {
      reason: 'Sáp nhập địa giới',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'retired', validTo: t.clock.now().toISOString() });
    expect(res.json().history.at(-1)).toMatchObject({
      change: 'retired',
      after: { status: 'retired', reason: 'Sáp nhập địa giới' },
    });
    expect(
      (await send('POST', `/api/v1/hamlets/${h.id}/retire`, sessions.officer, { reason: 'lại' })).statusCode,
    ).toBe(409);
    expect(
      (await send('PATCH', `/api/v1/hamlets/${h.id}`, sessions.officer, { name: 'Ấp Khác' })).statusCode,
    ).toBe(409);
    expect((await send('GET', `/api/v1/hamlets/${h.id}`)).json().status).toBe('retired');

    const today = await send('GET', `/api/v1/units?level=hamlet&parent=${COMMUNE}&limit=500`);
    expect(today.json().items.map((i: { id: string }) => i.id)).not.toContain(h.id);
    const then = await send('GET', `/api/v1/units?level=hamlet&parent=${COMMUNE}&at=${before}&limit=500`);
    expect(then.json().items.map((i: { id: string }) => i.id)).toContain(h.id);
  });

  it('pages hamlets with the cursor', async () => {
    const all = (await send('GET', `/api/v1/units?level=hamlet&parent=${COMMUNE}&limit=500`)).json()
      .items as { id: string }[];
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/units?level=hamlet&parent=${COMMUNE}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await send('GET', url)).json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((i) => i.id));
  });

  it('lets only hamlet managers of the commune write (authorization matrix)', async () => {
    // [caller, status of writes on a hamlet of COMMUNE, status of an import preview for COMMUNE]
    const cases: [string, number, number][] = [
      ['admin', 200, 200],
      ['officer', 200, 200],
      ['otherOfficer', 403, 200],
      ['member', 403, 403],
      ['department', 403, 403],
      ['anonymous', 401, 401],
    ];
    for (const [who, expected, importExpected] of cases) {
      const session = sessions[who];
      const created = await send('POST', '/api/v1/hamlets', session, {
        communeCode: COMMUNE,
        name: `Ấp Quyền ${who}`,
        kind: 'ap',
      });
      expect(created.statusCode, `create as ${who}`).toBe(expected === 200 ? 201 : expected);
      const h = await createHamlet();
      const into = await createHamlet();
      const patched = await send('PATCH', `/api/v1/hamlets/${h.id}`, session, { localCode: 'X1' });
      expect(patched.statusCode, `patch as ${who}`).toBe(expected);
      const merged = await send('POST', `/api/v1/hamlets/${h.id}/merge`, session, { intoId: into.id });
      expect(merged.statusCode, `merge as ${who}`).toBe(expected);
      const retired = await send('POST', `/api/v1/hamlets/${into.id}/retire`, session, {
        reason: 'thử quyền',
      });
      expect(retired.statusCode, `retire as ${who}`).toBe(expected);
      const imported = await send('POST', '/api/v1/hamlets/import', session, {
        csv: `name,kind\nẤp Nhập ${who},ap\n`,
        dryRun: true,
        communeCode: COMMUNE,
      });
      expect(imported.statusCode, `import as ${who}`).toBe(importExpected);
      // A manager of another commune may import, but not into this commune: the row says so.
      if (importExpected === 200) {
        const row = imported.json().rows[0];
        expect(row.action, `import row as ${who}`).toBe(expected === 200 ? 'create' : 'error');
      }
    }
  });

  it('answers bad input with 400/404 in the error shape, never 500', async () => {
    const h = await createHamlet();
    const bad: [string, 'POST' | 'PATCH' | 'GET', string, unknown][] = [
      [
        'unknown field',
        'POST',
        '/api/v1/hamlets',
        { communeCode: COMMUNE, name: 'Ấp X', kind: 'ap', extra: 1 },
      ],
      ['bad kind', 'POST', '/api/v1/hamlets', { communeCode: COMMUNE, name: 'Ấp X', kind: 'village' }],
      ['empty name', 'POST', '/api/v1/hamlets', { communeCode: COMMUNE, name: '   ', kind: 'ap' }],
      ['long name', 'POST', '/api/v1/hamlets', { communeCode: COMMUNE, name: 'a'.repeat(121), kind: 'ap' }],
      ['punctuation name', 'POST', '/api/v1/hamlets', { communeCode: COMMUNE, name: '---', kind: 'ap' }],
      ['bad commune', 'POST', '/api/v1/hamlets', { communeCode: '2545', name: 'Ấp X', kind: 'ap' }],
      ['empty patch', 'PATCH', `/api/v1/hamlets/${h.id}`, {}],
      ['bad id', 'GET', '/api/v1/hamlets/not-an-id', undefined],
      ['bad intoId', 'POST', `/api/v1/hamlets/${h.id}/merge`, { intoId: 'x' }],
      [
        'unknown intoId',
        'POST',
        `/api/v1/hamlets/${h.id}/merge`,
        { intoId: '01890000-0000-7000-8000-000000000000' },
      ],
      ['no reason', 'POST', `/api/v1/hamlets/${h.id}/retire`, { reason: '' }],
    ];
    for (const [what, method, url, payload] of bad) {
      const res = await send(method, url, sessions.admin, payload);
      expect(res.statusCode, what).toBe(400);
      expect(res.json().error.code, what).toBe('VALIDATION');
    }
    const missing = await send('GET', '/api/v1/hamlets/01890000-0000-7000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const missingPatch = await send(
      'PATCH',
      '/api/v1/hamlets/01890000-0000-7000-8000-000000000000',
      sessions.admin,
      { name: 'Ấp Y' },
    );
    expect(missingPatch.statusCode).toBe(404);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/hamlets',
      headers: { ...sessions.admin!.headers, 'content-type': 'application/json' },
      payload: '{"communeCode":',
    });
    expect(malformed.statusCode).toBe(400);
  });
});
