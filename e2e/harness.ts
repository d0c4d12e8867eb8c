import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, it } from 'vitest';

/**
 * The browser-journey harness: one fresh build of the web app when the sources changed, the real server as a
 * child process (its own port, temporary DATA_DIR, demo seed), and real Chromium. Nothing here is faked, so a
 * journey that passes is what a person sees.
 */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM_PATH = '/usr/bin/chromium';
const WEB_DIST = path.join(ROOT, 'dist', 'web');
/** The servers' METRICS_TOKEN: /metrics answers only `Authorization: Bearer <token>`. */
export const E2E_METRICS_TOKEN = 'e2e-metrics-token-0123456789';
const WEB_SOURCES = [
  'web',
  'shared',
  'public',
  'index.html',
  'capture.html',
  'public.html',
  'scripts/vite',
  'vite.config.ts',
  'package.json',
];
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

const MISSING_CHROMIUM = `Chromium is not installed at ${CHROMIUM_PATH}: run "apt-get update && apt-get install -y chromium".`;

/**
 * describe() for journeys that need Chromium. `npm test` (scripts/test.mjs) decides whether the browser tier runs
 * at all and says so when it is skipped; once it runs, a missing browser is a loud failure, never a silent skip.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumAvailable()) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it('needs Chromium', () => {
      throw new Error(MISSING_CHROMIUM);
    });
  });
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(MISSING_CHROMIUM);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

function newestMtime(entry: string): number {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) {
    if (child === 'node_modules' || child.endsWith('.test.ts') || child.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/**
 * Builds dist/web with Vite only when a web source is newer than the last build (a build takes ~20 s). Always a
 * production build: Vitest runs with NODE_ENV=test, which a child `vite build` would inherit and turn into a
 * development bundle (no service worker registration, React's development build).
 */
export function ensureWebBuild(): void {
  const built = path.join(WEB_DIST, 'index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(...WEB_SOURCES.map(newestMtime));
  if (builtAt > sourcesAt) return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** PostgreSQL URL; without it the server uses SQLite in its temporary DATA_DIR. */
  databaseUrl?: string;
  env?: Record<string, string>;
  /** How long start-up (migrations, official units, demo seed) may take. */
  timeoutMs?: number;
}

/**
 * Starts `tsx server/main.ts` on a free port and resolves once it printed its start-up line and /readyz answers
 * 200. DATABASE_URL is removed from the inherited environment so a developer's shell never points a journey at
 * a real database.
 */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-e2e-'));
  // The server lists the built files once at start-up; a private copy keeps a rebuild of dist/web by someone else
  // during the run from turning its hashed assets into 404s.
  const webDist = path.join(dataDir, 'web');
  fs.cpSync(WEB_DIST, webDist, { recursive: true });
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value !== undefined &&
      key !== 'DATABASE_URL' &&
      key !== 'TEST_DATABASE_URL' &&
      key !== 'NODE_OPTIONS'
    )
      env[key] = value;
  }
  Object.assign(env, {
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    // One data key for every server of a run (the cluster journey runs two on one database).
    DATA_KEY: Buffer.alloc(32, 'cong-dong-so e2e key').toString('base64'),
    SEED: 'demo',
    LOG_LEVEL: 'warn',
    WEB_DIST: webDist,
    // Journeys load many pages in a minute from one address; the production limit would throttle the test itself.
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000',
    METRICS_TOKEN: E2E_METRICS_TOKEN,
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...opts.env,
  });
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const server: RunningServer = {
    url,
    port,
    dataDir,
    output: () => output,
    stop: () => stopChild(child, dataDir),
  };
  try {
    await waitForStart(child, () => output, opts.timeoutMs ?? 90_000);
    const ready = await fetch(`${url}/readyz`);
    if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}`);
  } catch (err) {
    await server.stop();
    throw new Error(`server did not start: ${(err as Error).message}\n--- server output ---\n${output}`, {
      cause: err,
    });
  }
  return server;
}

/** Waits for the start-up line main.ts prints after listen(), or for the process to die. */
function waitForStart(child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no start-up line after ${timeoutMs} ms`)), timeoutMs);
    const onData = () => {
      if (output().includes(' is running at ')) finish();
    };
    const onExit = (code: number | null) => finish(new Error(`exited with code ${code}`));
    function finish(err?: Error) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve();
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}

/** SIGTERM (the graceful path interfaces.md fixes), SIGKILL if it hangs, then the temporary data goes. */
async function stopChild(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise<void>((resolve) => {
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export interface DemoAccount {
  email: string;
  password: string;
  role: string;
  unitCode: string;
  name: string;
}

export async function fetchDemoAccounts(server: RunningServer): Promise<DemoAccount[]> {
  const res = await fetch(`${server.url}/api/v1/demo/accounts`);
  if (res.status !== 200) throw new Error(`GET /api/v1/demo/accounts answered ${res.status}`);
  return ((await res.json()) as { items: DemoAccount[] }).items;
}

export async function demoAccount(server: RunningServer, role: string): Promise<DemoAccount> {
  const account = (await fetchDemoAccounts(server)).find((a) => a.role === role);
  if (!account) throw new Error(`no demo account with role ${role}`);
  return account;
}

/** A fresh context (no cookies, Vietnamese, a given width) so journeys never share a session by accident. */
export async function openPage(
  browser: Browser,
  width: number,
  height = 800,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN' });
  const page = await context.newPage();
  return { context, page };
}

/** Signs in with the sign-in form, as a person would (Vietnamese labels); resolves once the server accepted it. */
export async function signInWithForm(page: Page, server: RunningServer, account: DemoAccount): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email hoặc số điện thoại', { exact: true }).fill(account.email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
  await Promise.all([
    page.waitForResponse((res) => res.url().endsWith('/api/v1/auth/login') && res.status() === 200),
    page.getByRole('button', { name: 'Đăng nhập', exact: true }).click(),
  ]);
}

/** Signs in through the API inside the browser context, so the page gets the cookie exactly as a person would. */
export async function signInByApi(page: Page, server: RunningServer, account: DemoAccount): Promise<void> {
  const res = await page.request.post(`${server.url}/api/v1/auth/login`, {
    data: { email: account.email, password: account.password },
  });
  if (res.status() !== 200)
    throw new Error(`sign-in of ${account.email} answered ${res.status()}: ${await res.text()}`);
}
