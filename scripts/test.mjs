// `npm test`: lint, typecheck, every test tier, the web build and the browser journeys.
// Without PostgreSQL or Chromium it runs what it can and says what it skipped; with CI=true a missing part fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const isCI = process.env.CI === 'true' || process.env.CI === '1';
const results = [];
const skipped = [];

function run(label, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ label, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

function skip(label, reason) {
  skipped.push({ label, reason });
  console.log(`\n⚠ SKIPPED ${label}: ${reason}`);
}

async function canReach(urlString) {
  try {
    const url = new URL(urlString);
    return await new Promise((resolve) => {
      const socket = net.connect({ host: url.hostname, port: Number(url.port || 5432) });
      socket.setTimeout(2000);
      socket.on('connect', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
      socket.on('timeout', () => (socket.destroy(), resolve(false)));
    });
  } catch {
    return false;
  }
}

run('lint', 'npx', ['eslint', '.']);
run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);

const pgUrl = process.env.TEST_DATABASE_URL;
const pgOk = pgUrl ? await canReach(pgUrl) : false;
const projects = ['--project', 'server', '--project', 'web'];
if (pgOk) projects.push('--project', 'server-pg');
else
  skip(
    'PostgreSQL tier (server-pg, two-server journey)',
    pgUrl ? `cannot reach ${new URL(pgUrl).host}` : 'TEST_DATABASE_URL is not set',
  );
run(
  'small, medium and route tests',
  'npx',
  ['vitest', 'run', ...projects],
  pgOk ? {} : { TEST_DATABASE_URL: '' },
);

// The server tier again on Node 24 (the newest LTS line) while the machine's own Node is older: it installs Node from
// the npm registry, so it runs only when asked (.ci/run sets TEST_NODE24=1).
if (process.env.TEST_NODE24 === '1') {
  run('server tests on Node 24', 'bash', ['scripts/test-node24.sh'], pgOk ? {} : { TEST_DATABASE_URL: '' });
} else {
  skip('server tests on Node 24', 'TEST_NODE24=1 is not set (it installs Node 24 from the npm registry)');
}

if (run('web build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
  // The capture page's promise (ARCHITECTURE.md): ≤ 150 KB of initial JavaScript, gzipped, before a phone can record.
  run('initial JavaScript budgets: capture, staff app and every public page ≤ 150 KB gzipped', 'node', [
    'scripts/measure-bundle.mjs',
    'dist/web',
  ]);
}

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (fs.existsSync(chromium)) {
  run(
    'browser journeys (Chromium)',
    'npx',
    ['vitest', 'run', '--project', 'e2e'],
    pgOk ? {} : { TEST_DATABASE_URL: '' },
  );
} else {
  skip('browser journeys', `${chromium} not found (apt-get install -y chromium)`);
}

console.log('\n──────── summary ────────');
for (const r of results) console.log(`${r.ok ? '✔' : '✘'} ${r.label} (${r.seconds} s)`);
for (const s of skipped) console.log(`⚠ skipped: ${s.label} — ${s.reason}`);
const failed = results.filter((r) => !r.ok);
if (skipped.length > 0 && isCI) console.log('✘ CI=true: a skipped tier counts as a failure.');
process.exit(failed.length > 0 || (skipped.length > 0 && isCI) ? 1 : 0);
