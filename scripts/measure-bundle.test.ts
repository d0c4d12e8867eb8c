import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBudgets, initialScriptsOf, measurePage } from './measure-bundle.mjs';

/** The capture page's budget check that `npm test` runs after the web build, on a made-up dist folder. */
describe('measure-bundle', () => {
  let dist: string;
  beforeEach(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-bundle-'));
    fs.mkdirSync(path.join(dist, 'assets'));
  });
  afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));

  /** Random bytes do not compress: their gzipped size is about their size, so budgets are easy to cross. */
  function asset(name: string, kilobytes: number): Buffer {
    const body = randomBytes(kilobytes * 1024);
    fs.writeFileSync(path.join(dist, 'assets', name), body);
    return body;
  }

  function page(name: string, scripts: string[], preloads: string[] = [], lazy: string[] = []) {
    fs.writeFileSync(
      path.join(dist, name),
      `<!doctype html><html><head>
      ${scripts.map((s) => `<script type="module" crossorigin src="/assets/${s}"></script>`).join('\n')}
      ${preloads.map((s) => `<link rel="modulepreload" crossorigin href="/assets/${s}">`).join('\n')}
      ${lazy.map((s) => `<link rel="prefetch" href="/assets/${s}">`).join('\n')}
      </head><body></body></html>`,
    );
  }

  it('counts the entry scripts and modulepreloads, gzipped, and not the chunks loaded later', () => {
    const entry = asset('capture-a.js', 40);
    const shared = asset('vendor-b.js', 30);
    asset('lazy-c.js', 500);
    page('capture.html', ['capture-a.js'], ['vendor-b.js'], ['lazy-c.js']);
    expect(initialScriptsOf(fs.readFileSync(path.join(dist, 'capture.html'), 'utf8'))).toEqual([
      '/assets/capture-a.js',
      '/assets/vendor-b.js',
    ]);
    const measured = measurePage(dist, 'capture.html');
    expect(measured?.bytes).toBe(entry.length + shared.length);
    expect(measured?.gzipped).toBe(
      gzipSync(entry, { level: 9 }).length + gzipSync(shared, { level: 9 }).length,
    );
  });

  it('fails when the capture page is over its budget or not built, and passes within it', () => {
    asset('capture-a.js', 100);
    asset('vendor-b.js', 60);
    asset('app-c.js', 400);
    page('index.html', ['app-c.js']);
    const quiet = () => undefined;
    expect(checkBudgets(dist, { 'capture.html': 150 }, quiet)).toEqual([
      `capture.html is not built (${path.join(dist, 'capture.html')} is missing)`,
    ]);
    page('capture.html', ['capture-a.js'], ['vendor-b.js']);
    const problems = checkBudgets(dist, { 'capture.html': 150 }, quiet);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^capture\.html: 16\d\.\d KB of initial JavaScript \(gzipped\), over its 150 KB budget$/,
    );
    // The app's own page has no budget; only the capture page is held to one.
    expect(checkBudgets(dist, { 'capture.html': 200 }, quiet)).toEqual([]);
  });
});
