import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { fillPage, jsonForHtml, providePageData, routeParamsOf } from './web-app';

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
    for (const url of [
      '/teams/manage',
      '/teams/new',
      '/teams/abc/edit',
      '/teams/abc/members',
      '/privacy/x',
    ]) {
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
        if (sent)
          expect(body.toString(), `${url} ${encoding}`).toContain(`<!-- ${sent === 'br' ? 'br' : 'gz'} -->`);
      }
    }
    const script = await t.app.inject({
      url: '/assets/capture-Ab12Cd34.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe(IMMUTABLE);
    const page = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('opens the app for every other page address (SPA fallback), never cached', async () => {
    for (const url of [
      '/admin/users',
      '/captured',
      '/support/mine',
      '/home',
      '/sign-in',
      '/reports/PAKN.20261128.0012',
    ]) {
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

/**
 * The build's server renderer stood in by a module that prints what it was given, and the page's data by a loader
 * given here (server/app.page-data.test.ts checks the real one, the teams module's anonymous view): which page gets
 * its data, put in the frame's root and embedded for the browser, escaped; the frame when there is none.
 */
describe('a team page rendered with its data', () => {
  let t: TestApp;
  let dist: string;
  const TEAM = { id: 'team-1', name: 'Tổ </script><b>', actions: [] as string[] };
  beforeAll(async () => {
    dist = writeWebDist(true);
    const frame =
      '<!doctype html><title>public team</title><div id="root"><p>skeleton</p></div><!--/root--><p>after</p>';
    fs.writeFileSync(path.join(dist, 'pages', 'team.html'), frame);
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'pages', 'pages.json'), 'utf8')) as {
      pages: { path: string; data?: string }[];
      render?: string;
    };
    for (const page of manifest.pages) if (page.path === '/teams/:id') page.data = 'team';
    manifest.render = 'server/render.mjs';
    fs.writeFileSync(path.join(dist, 'pages', 'pages.json'), JSON.stringify(manifest));
    fs.mkdirSync(path.join(dist, 'server'));
    fs.writeFileSync(
      path.join(dist, 'server', 'render.mjs'),
      `export async function renderPublicPage(pathname, data) {
        const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        return '<h1>' + escape(data.team.name) + '</h1><p>' + pathname + '</p>';
      }`,
    );
    t = await createTestApp({ WEB_DIST: dist });
    providePageData(t.app, 'team', async ({ id }) => {
      if (id === 'broken') throw new Error('database down');
      return id === TEAM.id ? TEAM : null;
    });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('puts the rendered team in the page and embeds its data, compressed as accepted', async () => {
    const res = await t.app.inject({ url: '/teams/team-1', headers: { ...HTML, 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    const html = gunzipSync(res.rawPayload).toString();
    expect(html).toContain(
      '<div id="root"><h1>Tổ &lt;/script>&lt;b></h1><p>/teams/team-1</p></div><!--/root-->',
    );
    expect(html).not.toContain('skeleton');
    expect(html).toMatch(/<\/script><p>after<\/p>$/);
    const embedded =
      /<script type="application\/json" id="cds-page-data">(.*?)<\/script>/.exec(html)?.[1] ?? '';
    // The team's name cannot close the element: "<" is escaped in the JSON.
    expect(embedded).not.toContain('</script>');
    expect(JSON.parse(embedded)).toEqual({ team: TEAM });
    const plain = await t.app.inject({
      url: '/teams/team-1/',
      headers: { ...HTML, 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('<h1>Tổ &lt;/script>&lt;b></h1>');
  });

  it('sends the frame for a team that does not exist or cannot be read, and staff addresses to the app', async () => {
    for (const url of ['/teams/0197c348-0000-7000-8000-000000000000', '/teams/broken']) {
      const res = await t.app.inject({ url, headers: HTML });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<p>skeleton</p>');
      expect(res.body, url).not.toContain('cds-page-data');
    }
    const staff = await t.app.inject({ url: '/teams/manage', headers: HTML });
    expect(staff.body).toContain('<title>app</title>');
  });

  it('never sends the server renderer', async () => {
    const res = await t.app.inject({ url: '/server/render.mjs' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('renderPublicPage');
  });

  it('reads parameters, escapes JSON for HTML and refuses a page without the root mark', () => {
    expect(routeParamsOf('/teams/:id', '/teams/a%20b')).toEqual({ id: 'a b' });
    expect(jsonForHtml({ name: '</script>\u2028' })).toBe('{"name":"\\u003c/script>\\u2028"}');
    expect(fillPage('<div id="root"></div>', '<p>x</p>', {})).toBeNull();
  });
});
