import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { createTestApp, signIn, testSealer, type Session, type TestApp } from '../../test/app';
import { testDialect } from '../../test/database';
import { buildUser } from '../../test/factories';
import { loadOfficialUnits } from '../geography/index';
import { COMMUNE_A, COMMUNE_B } from '../teams/teams.fixtures';
import {
  CONSENT_VERSION,
  jpeg,
  multipartBody,
  POINT_A,
  POINT_B,
  reportBody,
  SVG,
  tempStorage,
} from './cases.fixtures';
import { unfollowToken } from './index';

/**
 * The case engine's public side through HTTP (issue 10): filing (JSON and multipart with photos), the tracking
 * page, list, map, duplicates, the reporter's rating and dispute, "me too", following, photos — and nothing
 * personal in any public answer.
 */
describe(`public case routes on ${testDialect()}`, () => {
  let t: TestApp;
  let officerA: Session;
  const files = tempStorage();

  beforeAll(async () => {
    t = await createTestApp({
      PROVINCE_CODE: '80',
      STORAGE_URL: `file://${files.dir}`,
      UPLOAD_MAX_BYTES: '300000',
    });
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    // Tuesday 1 December 2026, 09:00 in Vietnam.
    t.clock.set('2026-12-01T02:00:00.000Z');
    const o = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] });
    officerA = await signIn(t.app, o.email, o.password);
  });
  afterAll(async () => {
    await t.close();
    files.cleanup();
  });

  const file = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/cases', payload });
  const filed = async (payload: Record<string, unknown> = reportBody()) => {
    const res = await file(payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string; reporterToken: string; status: string };
  };
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('lists the citizens’ categories, with "Khác" and without the teams’ themes', async () => {
    const res = await get('/api/v1/case-categories');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      items: { code: string; isOther: boolean; kinds: string[] }[];
      provinceCode: string;
    };
    expect(body.provinceCode).toBe('80');
    expect(body.items.length).toBeLessThanOrEqual(20);
    expect(body.items.find((c) => c.code === 'other')?.isOther).toBe(true);
    expect(body.items.some((c) => c.kinds.includes('proposal'))).toBe(false);
    const themes = (await get('/api/v1/case-categories?kind=proposal')).json() as {
      items: { code: string }[];
    };
    expect(themes.items.map((c) => c.code)).toContain('proposal_devices');
  });

  it('files a report as JSON (201), answers a resend (200) and refuses other content under the same id (409)', async () => {
    const body = reportBody();
    const first = await filed(body);
    expect(first.status).toBe('created');
    const again = await file(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, code: first.code, status: 'duplicate' });
    expect((again.json() as { reporterToken?: string }).reporterToken).toBeUndefined();
    const other = await file({ ...body, description: 'Một nội dung khác hẳn lần gửi đầu.' });
    expect(other.statusCode).toBe(409);
    const bad = await file({ ...body, id: 'nope', description: 'ngắn' });
    expect(bad.statusCode).toBe(400);
    expect(
      (bad.json() as { error: { details: { path: string; messageVi: string }[] } }).error.details.map(
        (d) => d.path,
      ),
    ).toEqual(expect.arrayContaining(['body.id', 'body.description']));
  });

  it('files a report with photos (multipart) and serves them publicly as WebP', async () => {
    const body = reportBody();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      ...multipartBody(body, [await jpeg(), await jpeg({ gps: true })]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const page = (await get(`/api/v1/cases/${body.id}`)).json() as {
      photos: { url: string; thumbUrl: string }[];
      published: boolean;
    };
    expect(page.published).toBe(true);
    expect(page.photos).toHaveLength(2);
    const photo = await get(page.photos[0]!.thumbUrl);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/webp');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    expect(photo.headers['cache-control']).toBe('public, max-age=86400');
    expect(photo.rawPayload.subarray(8, 12).toString('latin1')).toBe('WEBP');
    const list = (await get(`/api/v1/cases?commune=${COMMUNE_A}&limit=100`)).json() as {
      items: { id: string; thumbUrl: string | null }[];
    };
    expect(list.items.find((i) => i.id === body.id)?.thumbUrl).toBe(page.photos[0]!.thumbUrl);
  });

  it('refuses an SVG, a broken image and an oversized photo with Vietnamese messages', async () => {
    const svg = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      ...multipartBody(reportBody(), [SVG], 'image/svg+xml'),
    });
    expect(svg.statusCode).toBe(400);
    expect((svg.json() as { error: { messageVi: string } }).error.messageVi).toContain('SVG');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      ...multipartBody(reportBody(), [Buffer.from('hello')]),
    });
    expect(broken.statusCode).toBe(400);
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(400_000, 7)]);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      ...multipartBody(reportBody(), [big]),
    });
    expect(huge.statusCode).toBe(413);
    expect((huge.json() as { error: { messageVi: string } }).error.messageVi).toContain('MB');
    const noData = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      ...multipartBody(undefined, []),
    });
    expect(noData.statusCode).toBe(400);
  });

  it('never shows the reporter’s phone or e-mail publicly, and the name only when they chose to show it', async () => {
    const secretName = 'Trần Văn Kín';
    const shownName = 'Lê Thị Hiện';
    const hidden = reportBody({
      name: secretName,
      phone: '0977 123 456',
      email: 'kin.tran@example.vn',
      contactConsentVersion: CONSENT_VERSION,
      location: { ...POINT_B },
    });
    const shown = reportBody({
      name: shownName,
      showName: true,
      email: 'hien.le@example.vn',
      contactConsentVersion: CONSENT_VERSION,
      location: { ...POINT_B },
    });
    const a = await filed(hidden);
    const b = await filed(shown);
    const answers = [
      await get(`/api/v1/cases/${a.id}`),
      await get(`/api/v1/cases/track/${a.code}`),
      await get(`/api/v1/cases/${b.id}`),
      await get(`/api/v1/cases?commune=${COMMUNE_B}&limit=100`),
      await get(`/api/v1/cases/map?bbox=105,10,107,12&zoom=16`),
      await get(`/api/v1/cases/duplicates?category=street_lighting&lat=${POINT_B.lat}&lng=${POINT_B.lng}`),
    ];
    const text = answers.map((r) => r.body).join('\n');
    for (const r of answers) expect(r.statusCode, r.body).toBe(200);
    for (const secret of [
      secretName,
      '0977',
      '977123456',
      'kin.tran',
      'hien.le',
      'example.vn',
      a.reporterToken,
    ])
      expect(text).not.toContain(secret);
    expect((answers[2]!.json() as { publicName: string }).publicName).toBe(shownName);
    expect((answers[0]!.json() as { publicName: string | null }).publicName).toBeNull();
    const dups = answers[5]!.json() as { items: { id: string; distanceM: number }[] };
    expect(dups.items.map((i) => i.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(dups.items.length).toBeLessThanOrEqual(5);
  });

  it('shows an unpublished petition’s state and timeline only, and hides a hidden case', async () => {
    const petition = await filed(
      reportBody({
        kind: 'petition',
        categoryCode: 'procedures',
        location: null,
        description: 'Đề nghị niêm yết rõ thủ tục cấp giấy phép xây dựng.',
      }),
    );
    const page = (await get(`/api/v1/cases/track/${petition.code}`)).json() as Record<string, unknown>;
    expect(page).toMatchObject({
      published: false,
      state: 'submitted',
      description: '',
      photos: [],
      lat: null,
    });
    expect((page.timeline as unknown[]).length).toBe(1);
    const list = (await get('/api/v1/cases?kind=petition&limit=100')).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(petition.id);
    const r = await filed();
    await t.database.db.updateTable('cases').set({ hidden: 1 }).where('id', '=', r.id).execute();
    expect((await get(`/api/v1/cases/${r.id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/cases/track/${r.code}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/cases/${uuidv7()}`)).statusCode).toBe(404);
  });

  it('pages the list newest first and clusters the map', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.advance(60_000);
      ids.push(
        (
          await filed(
            reportBody({
              categoryCode: 'waste',
              location: { lat: POINT_A.lat + i * 0.0001, lng: POINT_A.lng },
            }),
          )
        ).id,
      );
    }
    const p1 = (await get('/api/v1/cases?category=waste&limit=2')).json() as {
      items: { id: string }[];
      nextCursor: string;
    };
    expect(p1.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const p2 = (await get(`/api/v1/cases?category=waste&limit=2&cursor=${p1.nextCursor}`)).json() as {
      items: { id: string }[];
      nextCursor: string | null;
    };
    expect(p2.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(p2.nextCursor).toBeNull();
    const bbox = `${POINT_A.lng - 0.01},${POINT_A.lat - 0.01},${POINT_A.lng + 0.01},${POINT_A.lat + 0.01}`;
    const far = (await get(`/api/v1/cases/map?bbox=${bbox}&zoom=8&category=waste`)).json() as {
      clusters: { count: number }[];
      total: number;
    };
    expect(far).toEqual({ clusters: [expect.objectContaining({ count: 3 })], total: 3 });
    // A phone's screen at zoom 20 spans a few hundred metres.
    const street = `${POINT_A.lng - 0.0005},${POINT_A.lat - 0.0005},${POINT_A.lng + 0.0005},${POINT_A.lat + 0.0005}`;
    const near = (await get(`/api/v1/cases/map?bbox=${street}&zoom=20&category=waste`)).json() as {
      clusters: { count: number; id?: string; code?: string }[];
    };
    expect(near.clusters).toHaveLength(3);
    expect(near.clusters.every((c) => c.count === 1 && c.id && c.code)).toBe(true);
    expect((await get('/api/v1/cases/map?bbox=1,1,0,0&zoom=3')).statusCode).toBe(400);
    // A province-wide view reads the overview the job rebuilds every minute, plus what was published since: before
    // the first rebuild that is every case, after it the same count, and a new report shows at once, not a minute on.
    const province = '105.5,10.5,106.8,11.9';
    const total = async (box: string, zoom: number) =>
      ((await get(`/api/v1/cases/map?bbox=${box}&zoom=${zoom}`)).json() as { total: number }).total;
    const live = (await get(`/api/v1/cases/map?bbox=${province}&zoom=8&kind=report`)).json() as {
      total: number;
    };
    const before = await total(province, 8);
    await t.built.services.cases.refreshMapOverview();
    const wide = (await get(`/api/v1/cases/map?bbox=${province}&zoom=8`)).json() as {
      clusters: { count: number }[];
      total: number;
    };
    expect(before).toBe(wide.total);
    expect(wide.total).toBeGreaterThanOrEqual(live.total);
    expect(wide.total).toBeGreaterThan(3);
    expect(wide.clusters.reduce((n, c) => n + c.count, 0)).toBe(wide.total);
    // A commune's view (zoom 14) reads the 220 m overview cells the same way.
    const commune = `${POINT_A.lng - 0.01},${POINT_A.lat - 0.005},${POINT_A.lng + 0.01},${POINT_A.lat + 0.005}`;
    const communeBefore = await total(commune, 14);
    t.clock.advance(60_000);
    // From another address: the tests after this one file from the shared one, within its limit.
    const fresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      remoteAddress: '203.0.113.77',
      payload: reportBody({
        categoryCode: 'waste',
        location: { lat: POINT_A.lat + 0.0004, lng: POINT_A.lng },
      }),
    });
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(await total(province, 8)).toBe(wide.total + 1);
    expect(await total(commune, 14)).toBe(communeBefore + 1);
    await t.built.services.cases.refreshMapOverview();
    expect(await total(commune, 14)).toBe(communeBefore + 1);
    expect((await get('/api/v1/cases?cursor=bogus')).statusCode).toBe(400);
  });

  it('lets the reporter rate and dispute with the private token only, each once', async () => {
    const r = await filed();
    const rate = (token: string, rating = 4) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${r.id}/rate`,
        payload: { token, rating, comment: 'Đã sửa xong' },
      });
    const dispute = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${r.id}/dispute`,
        payload: { token, reason: 'Đèn lại tắt sau hai ngày.' },
      });
    expect((await rate(r.reporterToken)).statusCode).toBe(409); // not answered yet
    await t.database.db
      .updateTable('cases')
      .set({
        state: 'answered',
        answered_at: t.clock.now().toISOString(),
        answer_text: 'Đã thay bóng đèn.',
        accepted_at: t.clock.now().toISOString(),
      })
      .where('id', '=', r.id)
      .execute();
    expect((await rate('x'.repeat(30))).statusCode).toBe(403);
    expect((await dispute('x'.repeat(30))).statusCode).toBe(403);
    const d = await dispute(r.reporterToken);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ state: 'in_progress' });
    const page = (await get(`/api/v1/cases/${r.id}`)).json() as {
      state: string;
      handleDueAt: string;
      timeline: { action: string | null; body: string }[];
    };
    expect(page.state).toBe('in_progress');
    expect(page.handleDueAt > t.clock.now().toISOString()).toBe(true);
    expect(page.timeline.map((u) => u.action)).toContain('reopen');
    expect(JSON.stringify(page.timeline)).not.toContain('Đèn lại tắt');
    await t.database.db
      .updateTable('cases')
      .set({ state: 'answered', answered_at: t.clock.now().toISOString() })
      .where('id', '=', r.id)
      .execute();
    expect((await dispute(r.reporterToken)).statusCode).toBe(409); // once only
    expect((await rate(r.reporterToken, 5)).statusCode).toBe(200);
    expect((await rate(r.reporterToken, 1)).statusCode).toBe(409);
    expect((await get(`/api/v1/cases/${r.id}`)).json() as { rating: number; mayRate: boolean }).toMatchObject(
      { rating: 5, mayRate: false },
    );
  });

  it('counts "me too" once per device', async () => {
    const r = await filed();
    const device = uuidv7();
    const plus = (deviceId: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/cases/${r.id}/support`, payload: { deviceId } });
    expect((await plus(device)).json()).toMatchObject({ supporters: 1, added: true });
    expect((await plus(device)).json()).toMatchObject({ supporters: 1, added: false });
    expect((await plus(uuidv7())).json()).toMatchObject({ supporters: 2, added: true });
  });

  it('follows by e-mail with consent and stops with the link from a mail', async () => {
    const r = await filed();
    const follow = (payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/cases/${r.id}/follow`, payload });
    expect((await follow({ email: 'theo.doi@example.vn', consentVersion: '1999-01-01' })).statusCode).toBe(
      400,
    );
    expect((await follow({ email: 'Theo.Doi@example.vn', consentVersion: CONSENT_VERSION })).json()).toEqual({
      id: r.id,
      following: true,
    });
    expect((await follow({ email: 'theo.doi@example.vn', consentVersion: CONSENT_VERSION })).statusCode).toBe(
      200,
    );
    const rows = await t.database.db
      .selectFrom('case_followers')
      .selectAll()
      .where('case_id', '=', r.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.email).toMatch(/^s1\./);
    const consent = await t.database.db
      .selectFrom('consent_records')
      .selectAll()
      .where('subject_id', '=', rows[0]!.id)
      .executeTakeFirstOrThrow();
    expect(consent.subject_type).toBe('case_follower');
    expect((await get(`/api/v1/cases/unfollow?token=${rows[0]!.id}.1-forged`)).statusCode).toBe(404);
    const off = await get(
      `/api/v1/cases/unfollow?token=${encodeURIComponent(unfollowToken(testSealer, rows[0]!.id))}`,
    );
    expect(off.json()).toEqual({ following: false });
    const after = await t.database.db
      .selectFrom('case_followers')
      .selectAll()
      .where('id', '=', rows[0]!.id)
      .executeTakeFirstOrThrow();
    expect(after.unsubscribed_at).not.toBeNull();
    expect(after.email_hash).toBe(`erased:${after.id}`);
    expect(
      (
        await t.database.db
          .selectFrom('consent_records')
          .select('withdrawn_at')
          .where('id', '=', after.id)
          .executeTakeFirstOrThrow()
      ).withdrawn_at,
    ).not.toBeNull();
  });

  it('serves an unpublished case’s photos only to staff in scope, never cached', async () => {
    await t.database.db
      .insertInto('case_settings')
      .values({
        province_code: '80',
        deadlines_json: '{}',
        retention_months: 12,
        moderate_anonymous: 1,
        updated_by: null,
        updated_at: t.clock.now().toISOString(),
      })
      .onConflict((oc) => oc.column('province_code').doUpdateSet({ moderate_anonymous: 1 }))
      .execute();
    const body = reportBody();
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/cases', ...multipartBody(body, [await jpeg()]) }))
        .statusCode,
    ).toBe(201);
    await t.database.db.updateTable('case_settings').set({ moderate_anonymous: 0 }).execute();
    const f = await t.database.db
      .selectFrom('case_files')
      .select('id')
      .where('case_id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect((await get(`/api/v1/case-files/${f.id}/display`)).statusCode).toBe(404);
    const staff = await get(`/api/v1/case-files/${f.id}/display`, { cookie: officerA.cookie });
    expect(staff.statusCode).toBe(200);
    expect(staff.headers['cache-control']).toBe('no-store');
    const o = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_B }] });
    const officerB = await signIn(t.app, o.email, o.password);
    expect((await get(`/api/v1/case-files/${f.id}/display`, { cookie: officerB.cookie })).statusCode).toBe(
      404,
    );
    expect((await get(`/api/v1/case-files/${f.id}/large`)).statusCode).toBe(400);
  });

  it('limits reports per address with a friendly message', async () => {
    let last = await file(reportBody());
    for (let i = 0; i < 25 && last.statusCode !== 429; i++) last = await file({ id: 'x' });
    expect(last.statusCode).toBe(429);
    expect((last.json() as { error: { messageVi: string } }).error.messageVi).toContain('vài phút');
    expect(last.headers['retry-after']).toBeDefined();
  });
});
