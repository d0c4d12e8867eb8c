import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GOALS as BUDGETS, checkBudgets, initialScriptsOf, measurePage } from './measure-bundle.mjs';

/** The documents' budget check that `npm test` runs after the web build, on a made-up dist folder. */
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

  it('holds each document to its budget: the capture page, the staff app and the public pages', () => {
    asset('capture-a.js', 100);
    asset('vendor-b.js', 60);
    asset('app-c.js', 120);
    asset('public-d.js', 40);
    const quiet = () => undefined;
    page('index.html', ['app-c.js'], ['vendor-b.js']);
    expect(checkBudgets(dist, BUDGETS, quiet)).toEqual([
      `capture.html is not built (${path.join(dist, 'capture.html')} is missing)`,
      expect.stringMatching(
        /^index\.html: 18\d\.\d KB of initial JavaScript \(gzipped\), over its 150 KB budget$/,
      ),
      `pages/home.html is not built (${path.join(dist, 'pages/home.html')} is missing)`,
      `pages/report.html is not built (${path.join(dist, 'pages/report.html')} is missing)`,
      `pages/help.html is not built (${path.join(dist, 'pages/help.html')} is missing)`,
      `pages/questions.html is not built (${path.join(dist, 'pages/questions.html')} is missing)`,
      `pages/question-ask.html is not built (${path.join(dist, 'pages/question-ask.html')} is missing)`,
      `pages/question.html is not built (${path.join(dist, 'pages/question.html')} is missing)`,
      `pages/faq.html is not built (${path.join(dist, 'pages/faq.html')} is missing)`,
    ]);
    page('capture.html', ['capture-a.js'], ['vendor-b.js']);
    page('index.html', ['app-c.js']);
    fs.mkdirSync(path.join(dist, 'pages'));
    page('pages/home.html', ['public-d.js'], ['vendor-b.js']);
    page('pages/report.html', ['public-d.js'], ['vendor-b.js']);
    page('pages/help.html', ['public-d.js'], ['vendor-b.js']);
    page('pages/questions.html', ['public-d.js'], ['vendor-b.js']);
    page('pages/question-ask.html', ['public-d.js'], ['vendor-b.js']);
    page('pages/question.html', ['public-d.js'], ['vendor-b.js']);
    page('pages/faq.html', ['public-d.js'], ['vendor-b.js']);
    const problems = checkBudgets(dist, BUDGETS, quiet);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^capture\.html: 16\d\.\d KB of initial JavaScript \(gzipped\), over its 150 KB budget$/,
    );
    expect(checkBudgets(dist, { ...BUDGETS, 'capture.html': 200 }, quiet)).toEqual([]);
  });
});
