#!/usr/bin/env node
/**
 * Prints the initial JavaScript of the built pages (dist/web): the module scripts and modulepreload links each HTML
 * document names, gzipped at level 9, per file and in total. Lazy chunks are not counted: they load later.
 * Issue 3 sets the budget for the capture page: 150 KB gzipped. Run `npx vite build` first.
 *   node scripts/measure-bundle.mjs [distDir]
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = path.resolve(process.argv[2] ?? 'dist/web');
const PAGES = ['capture.html', 'index.html'];
const BUDGETS = { 'capture.html': 150 };

/** The JS a document loads before it runs: <script type="module" src> and <link rel="modulepreload" href>. */
function initialScriptsOf(html) {
  const found = new Set();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)) found.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+\.js)"/.exec(match[0]);
    if (href) found.add(href[1]);
  }
  return [...found];
}

function kb(bytes) {
  return (bytes / 1024).toFixed(1);
}

let overBudget = false;
for (const page of PAGES) {
  const file = path.join(DIST, page);
  if (!fs.existsSync(file)) {
    console.log(`${page}: not built (${file} is missing)`);
    overBudget = true;
    continue;
  }
  const scripts = initialScriptsOf(fs.readFileSync(file, 'utf8'));
  let raw = 0;
  let gzipped = 0;
  console.log(`\n${page}`);
  for (const src of scripts) {
    const body = fs.readFileSync(path.join(DIST, src.replace(/^\//, '')));
    const gz = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzipped += gz;
    console.log(`  ${src.padEnd(48)} ${kb(body.length).padStart(8)} KB  ${kb(gz).padStart(7)} KB gz`);
  }
  const budget = BUDGETS[page];
  const verdict =
    budget === undefined
      ? ''
      : gzipped / 1024 <= budget
        ? `  (budget ${budget} KB: ok)`
        : `  (budget ${budget} KB: OVER)`;
  if (budget !== undefined && gzipped / 1024 > budget) overBudget = true;
  console.log(
    `  ${'total'.padEnd(48)} ${kb(raw).padStart(8)} KB  ${kb(gzipped).padStart(7)} KB gz${verdict}`,
  );
}
process.exitCode = overBudget ? 1 : 0;
