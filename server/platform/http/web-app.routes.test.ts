import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';

const HTML = { accept: 'text/html,application/xhtml+xml' };
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The build's precompressed siblings: the body marked, so a test sees which copy was sent. */
function precompress(file: string, body: string): void {
  fs.writeFileSync(`${file}.br`, brotliCompressSync(`${body}<!-- br -->`));
  fs.writeFileSync(`${file}.gz`, gzipSync(`${body}<!-- gz -->`));
}

/**
 * A built web app in miniature: the staff app and capture documents, the prerendered public pages with the list the
 * build writes for the server, one hashed asset and the service worker.
 */
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
  fs.mkdirSync(path.join(dir, 'pages'));
  const pages = { home: '/', teams: '/teams', team: '/teams/:id', privacy: '/privacy' };
  for (const name of Object.keys(pages)) {
    const body = `<!doctype html><title>public ${name}</title><div id="root"><h1>${name}</h1></div>`;
    fs.writeFileSync(path.join(dir, 'pages', `${name}.html`), body);
    precompress(path.join(dir, 'pages', `${name}.html`), body);
  }
  fs.writeFileSync(
    path.join(dir, 'pages', 'pages.json'),
    JSON.stringify({
      pages: Object.entries(pages).map(([name, page]) => ({ path: page, file: `pages/${name}.html` })),
      staff: ['/teams/manage', '/teams/new'],
    }),
  );
  precompress(path.join(dir, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  precompress(path.join(dir, 'assets', 'capture-Ab12Cd34.js'), 'console.log("capture");');
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

  it('opens the prerendered public page for each public address, never cached', async () => {
    const expected: Record<string, string> = {
      '/': 'public home',
      '/teams': 'public teams',
      '/teams/': 'public teams',
      '/teams?q=binh%20phu': 'public teams',
      '/teams/0197c348-aaaa': 'public team',
      '/privacy': 'public privacy',
    };
    for (const [url, title] of Object.entries(expected)) {
      const res = await t.app.inject({ url, headers: HTML });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain(`<title>${title}</title>`);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
    }
  });

  it('keeps staff addresses that look public, and longer ones, with the staff app', async () => {
    for (const url of ['/teams/manage', '/teams/new', '/teams/abc/edit', '/teams/abc/members', '/privacy/x']) {
      const res = await t.app.inject({ url, headers: HTML });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>app</title>');
    }
  });

  it('sends the best precompressed copy the browser accepts, documents included, varying on Accept-Encoding', async () => {
    const cases = [
      { encoding: 'gzip, deflate, br', sent: 'br' },
      { encoding: 'gzip', sent: 'gzip' },
      { encoding: 'identity', sent: undefined },
    ];
    for (const url of ['/', '/teams/abc', '/admin/users', '/index.html', '/assets/capture-Ab12Cd34.js']) {
      for (const { encoding, sent } of cases) {
        const res = await t.app.inject({ url, headers: { ...HTML, 'accept-encoding': encoding } });
        expect(res.statusCode, `${url} ${encoding}`).toBe(200);
        expect(res.headers['content-encoding'], `${url} ${encoding}`).toBe(sent);
        expect(res.headers.vary, `${url} ${encoding}`).toMatch(/accept-encoding/i);
        const raw = res.rawPayload;
        const body = sent === 'br' ? brotliDecompressSync(raw) : sent === 'gzip' ? gunzipSync(raw) : raw;
        if (sent) expect(body.toString(), `${url} ${encoding}`).toContain(`<!-- ${sent === 'br' ? 'br' : 'gz'} -->`);
      }
    }
    const script = await t.app.inject({ url: '/assets/capture-Ab12Cd34.js', headers: { 'accept-encoding': 'br' } });
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe(IMMUTABLE);
    const page = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('opens the app for every other page address (SPA fallback), never cached', async () => {
    for (const url of ['/admin/users', '/captured', '/support/mine', '/home', '/sign-in']) {
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
