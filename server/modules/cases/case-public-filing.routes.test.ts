import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database';
import { COMMUNE_A } from '../teams/teams.fixtures';
import {
  createPublicCasesWorld,
  jpeg,
  multipartBody,
  type PublicCasesWorld,
  reportBody,
  SVG,
} from './cases.fixtures';

/**
 * The case engine's public side through HTTP (issue 10), filing: the categories offered, reports as JSON and as
 * multipart with photos served as WebP, refused images, and the per-address limit.
 */
describe(`public case routes on ${testDialect()}`, () => {
  let w: PublicCasesWorld;

  beforeAll(async () => {
    w = await createPublicCasesWorld(COMMUNE_A);
  });
  afterAll(async () => w.close());

  it('lists the citizens’ categories, with "Khác" and without the teams’ themes', async () => {
    const res = await w.get('/api/v1/case-categories');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      items: { code: string; isOther: boolean; kinds: string[] }[];
      provinceCode: string;
    };
    expect(body.provinceCode).toBe('80');
    expect(body.items.length).toBeLessThanOrEqual(20);
    expect(body.items.find((c) => c.code === 'other')?.isOther).toBe(true);
    expect(body.items.some((c) => c.kinds.includes('proposal'))).toBe(false);
    const themes = (await w.get('/api/v1/case-categories?kind=proposal')).json() as {
      items: { code: string }[];
    };
    expect(themes.items.map((c) => c.code)).toContain('proposal_devices');
  });

  it('files a report as JSON (201), answers a resend (200) and refuses other content under the same id (409)', async () => {
    const body = reportBody();
    const first = await w.filed(body);
    expect(first.status).toBe('created');
    const again = await w.file(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, code: first.code, status: 'duplicate' });
    expect((again.json() as { reporterToken?: string }).reporterToken).toBeUndefined();
    const other = await w.file({ ...body, description: 'Một nội dung khác hẳn lần gửi đầu.' });
    expect(other.statusCode).toBe(409);
    const bad = await w.file({ ...body, id: 'nope', description: 'ngắn' });
    expect(bad.statusCode).toBe(400);
    expect(
      (bad.json() as { error: { details: { path: string; messageVi: string }[] } }).error.details.map(
        (d) => d.path,
      ),
    ).toEqual(expect.arrayContaining(['body.id', 'body.description']));
  });

  it('files a report with photos (multipart) and serves them publicly as WebP', async () => {
    const body = reportBody();
    const res = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      ...multipartBody(body, [await jpeg(), await jpeg({ gps: true })]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const page = (await w.get(`/api/v1/cases/${body.id}`)).json() as {
      photos: { url: string; thumbUrl: string }[];
      published: boolean;
    };
    expect(page.published).toBe(true);
    expect(page.photos).toHaveLength(2);
    const photo = await w.get(page.photos[0]!.thumbUrl);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/webp');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    expect(photo.headers['cache-control']).toBe('public, max-age=86400');
    expect(photo.rawPayload.subarray(8, 12).toString('latin1')).toBe('WEBP');
    const list = (await w.get(`/api/v1/cases?commune=${COMMUNE_A}&limit=100`)).json() as {
      items: { id: string; thumbUrl: string | null }[];
    };
    expect(list.items.find((i) => i.id === body.id)?.thumbUrl).toBe(page.photos[0]!.thumbUrl);
  });

  it('refuses an SVG, a broken image and an oversized photo with Vietnamese messages', async () => {
    const svg = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      ...multipartBody(reportBody(), [SVG], 'image/svg+xml'),
    });
    expect(svg.statusCode).toBe(400);
    expect((svg.json() as { error: { messageVi: string } }).error.messageVi).toContain('SVG');
    const broken = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      ...multipartBody(reportBody(), [Buffer.from('hello')]),
    });
    expect(broken.statusCode).toBe(400);
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(400_000, 7)]);
    const huge = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      ...multipartBody(reportBody(), [big]),
    });
    expect(huge.statusCode).toBe(413);
    expect((huge.json() as { error: { messageVi: string } }).error.messageVi).toContain('MB');
    const noData = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      ...multipartBody(undefined, []),
    });
    expect(noData.statusCode).toBe(400);
  });

  it('limits reports per address with a friendly message', async () => {
    let last = await w.file(reportBody());
    for (let i = 0; i < 25 && last.statusCode !== 429; i++) last = await w.file({ id: 'x' });
    expect(last.statusCode).toBe(429);
    expect((last.json() as { error: { messageVi: string } }).error.messageVi).toContain('vài phút');
    expect(last.headers['retry-after']).toBeDefined();
  });
});
