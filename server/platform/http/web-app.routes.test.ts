import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';

const HTML = { accept: 'text/html,application/xhtml+xml' };
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A built web app in miniature: the two documents, one hashed asset and the service worker. */
function writeWebDist(withCapture: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-web-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  if (withCapture) {
    fs.writeFileSync(
      path.join(dir, 'capture.html'),
      '<!doctype html><title>capture</title><div id="root"></div>',
    );
  }
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'capture-Ab12Cd34.js'), 'console.log("capture");');
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  return dir;
}

describe('the built web app', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = writeWebDist(true);
    t = await createTestApp({ WEB_DIST: dist });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('opens the capture page document at /capture and below, never cached', async () => {
    for (const url of ['/capture', '/capture/outbox', '/capture?from=home']) {
      const res = await t.app.inject({ url, headers: HTML });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>capture</title>');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
    }
  });

  it('opens the app for every other page address (SPA fallback), never cached', async () => {
    for (const url of ['/admin/users', '/', '/captured', '/support/mine']) {
      const res = await t.app.inject({ url, headers: HTML });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>app</title>');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const head = await t.app.inject({ method: 'HEAD', url: '/admin/users', headers: HTML });
    expect(head.statusCode).toBe(200);
  });

  it('opens the page for page addresses whatever the Accept header (curl, health checkers, link previews)', async () => {
    for (const headers of [{}, { accept: '*/*' }, { accept: 'application/json' }]) {
      for (const url of ['/', '/capture', '/admin/users?tab=2']) {
        const res = await t.app.inject({ url, headers });
        expect(res.statusCode, `${url} ${JSON.stringify(headers)}`).toBe(200);
        expect(res.headers['content-type'], url).toMatch(/text\/html/);
      }
    }
    const head = await t.app.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
    // A missing file is still a missing file, not the page.
    for (const url of ['/favicon.ico', '/assets/gone-12345678.js']) {
      const res = await t.app.inject({ url, headers: HTML });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });

  it('caches hashed assets for a year and the documents and service worker not at all', async () => {
    const asset = await t.app.inject('/assets/capture-Ab12Cd34.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe(IMMUTABLE);
    for (const url of ['/capture.html', '/index.html', '/sw.js']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers unknown API paths and non-page requests with a 404 in the error shape', async () => {
    const api = await t.app.inject({ url: '/api/v1/nothing-here', headers: HTML });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });

    const script = await t.app.inject({ url: '/capture/missing.js', headers: { accept: '*/*' } });
    expect(script.statusCode).toBe(404);
    expect(script.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });

    const post = await t.app.inject({ method: 'POST', url: '/capture', headers: HTML });
    expect(post.statusCode).toBe(404);

    // The 404 never repeats the address: it may carry a token or a contact.
    const secret = await t.app.inject({ url: '/api/v1/nothing/an.tran%40example.vn?token=abc123SECRET' });
    expect(secret.statusCode).toBe(404);
    expect(secret.body).not.toMatch(/nothing|example|abc123SECRET/);
  });
});

describe('a build without the capture page', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = writeWebDist(false);
    t = await createTestApp({ WEB_DIST: dist });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('opens the app at /capture, which then says the page is not there', async () => {
    const res = await t.app.inject({ url: '/capture', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>app</title>');
  });
});
