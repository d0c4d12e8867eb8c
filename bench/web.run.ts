/**
 * `npm run bench:web` (issue 8): Lighthouse 12 (mobile preset: simulated slow 4G, 4× CPU slowdown) on each public
 * page of the real server (SQLite, demo seed, the production build of dist/web), beside a blank page served from
 * this process in the same run, with Debian's Chromium. Prints a markdown table and each page's performance minus
 * the blank page's. The goal: every public page within 0.05 of the blank page, accessibility 1.
 *   BENCH_WEB_RUNS=3 npm run bench:web   (the median run of each page, by performance)
 * Results go to bench/results/web-latest.json (not committed).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH, ensureWebBuild, freePort, ROOT, startServer } from '../e2e/harness';

const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RUNS = Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 1));
const GOAL = 0.05;

interface Row {
  page: string;
  url: string;
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  bytes: number;
}

/**
 * A page with one word on it (Lighthouse needs something painted), from this process on this machine: what the
 * network, the throttling and Chromium alone score.
 */
async function startBlankPage(): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><p>blank</p></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function audit(port: number, page: string, url: string): Promise<Row> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  // The whole report of the last run of each page, to see what the LCP element was and what blocked it.
  const dir = path.join(ROOT, 'bench', 'results', 'lighthouse');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${page.replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '')}.json`), JSON.stringify(result.lhr));
  if (runtimeError) throw new Error(`${url}: ${runtimeError.code} ${runtimeError.message}`);
  const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  return {
    page,
    url,
    performance: categories.performance?.score ?? Number.NaN,
    accessibility: categories.accessibility?.score ?? Number.NaN,
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    bytes: value('total-byte-weight'),
  };
}

/** Lighthouse now and then fails to record a trace on a busy machine (NO_NAVSTART, NO_FCP): one more try. */
async function auditWithRetry(port: number, page: string, url: string): Promise<Row> {
  try {
    return await audit(port, page, url);
  } catch (error) {
    console.warn(`  ${page}: ${(error as Error).message.slice(0, 120)} — trying again`);
    return audit(port, page, url);
  }
}

function median(rows: Row[]): Row {
  const sorted = [...rows].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function table(rows: Row[], blank: Row): string[] {
  const lines = [
    '| page | performance | − blank | accessibility | FCP | LCP | TBT | transferred |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const delta = row === blank ? '—' : (row.performance - blank.performance).toFixed(2);
    lines.push(
      `| ${row.page} | ${row.performance.toFixed(2)} | ${delta} | ${row.accessibility.toFixed(2)} | ${seconds(row.fcp)} | ` +
        `${seconds(row.lcp)} | ${Math.round(row.tbt)} ms | ${(row.bytes / 1024).toFixed(0)} KiB |`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}`);
  console.log('Building dist/web if its sources changed…');
  ensureWebBuild();
  const server = await startServer();
  const blankPage = await startBlankPage();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
  try {
    const teams = (await (await fetch(`${server.url}/api/v1/teams?limit=1`)).json()) as { items: { id: string }[] };
    const team = teams.items[0];
    if (!team) throw new Error('the demo seed has no team to open');
    const pages: [string, string][] = [
      ['blank page', blankPage.url],
      ['home `/`', `${server.url}/`],
      ['find a team `/teams`', `${server.url}/teams`],
      ["a team's page `/teams/:id`", `${server.url}/teams/${team.id}`],
      ['privacy `/privacy`', `${server.url}/privacy`],
      ['request form `/privacy/requests`', `${server.url}/privacy/requests`],
    ];
    const rows: Row[] = [];
    for (const [page, url] of pages) {
      const runs: Row[] = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await auditWithRetry(chrome.port, page, url));
      const row = median(runs);
      console.log(`  ${page}: performance ${row.performance.toFixed(2)}, accessibility ${row.accessibility.toFixed(2)}`);
      rows.push(row);
    }
    const blank = rows[0]!;
    console.log(`\nLighthouse 12 mobile (slow 4G, 4× CPU), ${RUNS} run(s) a page, median by performance:\n`);
    for (const line of table(rows, blank)) console.log(line);
    const misses = rows
      .slice(1)
      .filter((row) => blank.performance - row.performance > GOAL || row.accessibility < 1)
      .map((row) => row.page);
    console.log(
      misses.length === 0
        ? `\nEvery public page is within ${GOAL} of the blank page, with accessibility 1.`
        : `\nNot yet within ${GOAL} of the blank page with accessibility 1: ${misses.join(', ')}`,
    );
    const out = path.join(ROOT, 'bench', 'results', 'web-latest.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), runs: RUNS, rows }, null, 2)}\n`);
  } finally {
    chrome.kill();
    await blankPage.close();
    await server.stop();
  }
}

await main();
