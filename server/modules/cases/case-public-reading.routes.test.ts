import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { signIn } from '../../test/app';
import { testDialect } from '../../test/database';
import { buildUser } from '../../test/factories';
import { COMMUNE_A, COMMUNE_B } from '../teams/teams.fixtures';
import {
  CONSENT_VERSION,
  createPublicCasesWorld,
  jpeg,
  multipartBody,
  POINT_A,
  POINT_B,
  type PublicCasesWorld,
  reportBody,
} from './cases.fixtures';

/**
 * The case engine's public side through HTTP (issue 10), reading: the tracking page, list, map and duplicates with
 * nothing personal in any answer, what an unpublished or hidden case shows, and an unpublished case's photos.
 */
describe(`public case routes on ${testDialect()}`, () => {
  let w: PublicCasesWorld;

  beforeAll(async () => {
    w = await createPublicCasesWorld(COMMUNE_A);
  });
  afterAll(async () => w.close());

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
    const a = await w.filed(hidden);
    const b = await w.filed(shown);
    const answers = [
      await w.get(`/api/v1/cases/${a.id}`),
      await w.get(`/api/v1/cases/track/${a.code}`),
      await w.get(`/api/v1/cases/${b.id}`),
      await w.get(`/api/v1/cases?commune=${COMMUNE_B}&limit=100`),
      await w.get(`/api/v1/cases/map?bbox=105,10,107,12&zoom=16`),
      await w.get(`/api/v1/cases/duplicates?category=street_lighting&lat=${POINT_B.lat}&lng=${POINT_B.lng}`),
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
    const petition = await w.filed(
      reportBody({
        kind: 'petition',
        categoryCode: 'procedures',
        location: null,
        description: 'Đề nghị niêm yết rõ thủ tục cấp giấy phép xây dựng.',
      }),
    );
    const page = (await w.get(`/api/v1/cases/track/${petition.code}`)).json() as Record<string, unknown>;
    expect(page).toMatchObject({
      published: false,
      state: 'submitted',
      description: '',
      photos: [],
      lat: null,
    });
    expect((page.timeline as unknown[]).length).toBe(1);
    const list = (await w.get('/api/v1/cases?kind=petition&limit=100')).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(petition.id);
    const r = await w.filed();
    await w.t.database.db.updateTable('cases').set({ hidden: 1 }).where('id', '=', r.id).execute();
    expect((await w.get(`/api/v1/cases/${r.id}`)).statusCode).toBe(404);
    expect((await w.get(`/api/v1/cases/track/${r.code}`)).statusCode).toBe(404);
    expect((await w.get(`/api/v1/cases/${uuidv7()}`)).statusCode).toBe(404);
  });

  it('pages the list newest first and clusters the map', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      w.t.clock.advance(60_000);
      ids.push(
        (
          await w.filed(
            reportBody({
              categoryCode: 'waste',
              location: { lat: POINT_A.lat + i * 0.0001, lng: POINT_A.lng },
            }),
          )
        ).id,
      );
    }
    const p1 = (await w.get('/api/v1/cases?category=waste&limit=2')).json() as {
      items: { id: string }[];
      nextCursor: string;
    };
    expect(p1.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const p2 = (await w.get(`/api/v1/cases?category=waste&limit=2&cursor=${p1.nextCursor}`)).json() as {
      items: { id: string }[];
      nextCursor: string | null;
    };
    expect(p2.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(p2.nextCursor).toBeNull();
    const bbox = `${POINT_A.lng - 0.01},${POINT_A.lat - 0.01},${POINT_A.lng + 0.01},${POINT_A.lat + 0.01}`;
    const far = (await w.get(`/api/v1/cases/map?bbox=${bbox}&zoom=8&category=waste`)).json() as {
      clusters: { count: number }[];
      total: number;
    };
    expect(far).toEqual({ clusters: [expect.objectContaining({ count: 3 })], total: 3 });
    // A phone's screen at zoom 20 spans a few hundred metres.
    const street = `${POINT_A.lng - 0.0005},${POINT_A.lat - 0.0005},${POINT_A.lng + 0.0005},${POINT_A.lat + 0.0005}`;
    const near = (await w.get(`/api/v1/cases/map?bbox=${street}&zoom=20&category=waste`)).json() as {
      clusters: { count: number; id?: string; code?: string }[];
    };
    expect(near.clusters).toHaveLength(3);
    expect(near.clusters.every((c) => c.count === 1 && c.id && c.code)).toBe(true);
    expect((await w.get('/api/v1/cases/map?bbox=1,1,0,0&zoom=3')).statusCode).toBe(400);
    // A province-wide view reads the overview the job rebuilds every minute, plus what was published since: before
    // the first rebuild that is every case, after it the same count, and a new report shows at once, not a minute on.
    const province = '105.5,10.5,106.8,11.9';
    const total = async (box: string, zoom: number) =>
      ((await w.get(`/api/v1/cases/map?bbox=${box}&zoom=${zoom}`)).json() as { total: number }).total;
    const live = (await w.get(`/api/v1/cases/map?bbox=${province}&zoom=8&kind=report`)).json() as {
      total: number;
    };
    const before = await total(province, 8);
    await w.t.built.services.cases.refreshMapOverview();
    const wide = (await w.get(`/api/v1/cases/map?bbox=${province}&zoom=8`)).json() as {
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
    w.t.clock.advance(60_000);
    // From another address: the tests after this one file from the shared one, within its limit.
    const fresh = await w.t.app.inject({
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
    await w.t.built.services.cases.refreshMapOverview();
    expect(await total(commune, 14)).toBe(communeBefore + 1);
    expect((await w.get('/api/v1/cases?cursor=bogus')).statusCode).toBe(400);
  });

  it('serves an unpublished case’s photos only to staff in scope, never cached', async () => {
    await w.t.database.db
      .insertInto('case_settings')
      .values({
        province_code: '80',
        deadlines_json: '{}',
        retention_months: 12,
        moderate_anonymous: 1,
        updated_by: null,
        updated_at: w.t.clock.now().toISOString(),
      })
      .onConflict((oc) => oc.column('province_code').doUpdateSet({ moderate_anonymous: 1 }))
      .execute();
    const body = reportBody();
    expect(
      (await w.t.app.inject({ method: 'POST', url: '/api/v1/cases', ...multipartBody(body, [await jpeg()]) }))
        .statusCode,
    ).toBe(201);
    await w.t.database.db.updateTable('case_settings').set({ moderate_anonymous: 0 }).execute();
    const f = await w.t.database.db
      .selectFrom('case_files')
      .select('id')
      .where('case_id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect((await w.get(`/api/v1/case-files/${f.id}/display`)).statusCode).toBe(404);
    const staff = await w.get(`/api/v1/case-files/${f.id}/display`, { cookie: w.officer.cookie });
    expect(staff.statusCode).toBe(200);
    expect(staff.headers['cache-control']).toBe('no-store');
    const o = await buildUser(w.t.database.db, {
      grants: [{ role: 'commune_officer', unitCode: COMMUNE_B }],
    });
    const officerB = await signIn(w.t.app, o.email, o.password);
    expect((await w.get(`/api/v1/case-files/${f.id}/display`, { cookie: officerB.cookie })).statusCode).toBe(
      404,
    );
    expect((await w.get(`/api/v1/case-files/${f.id}/large`)).statusCode).toBe(400);
  });
});
