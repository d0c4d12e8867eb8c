import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon, { type AutocannonRequestStep, type AutocannonResult } from 'autocannon';
import type { ReadyMessage, RunningServer } from './servers/server-process';

/**
 * The case benchmarks' load: autocannon in this process against a server in its own (the two cores split between
 * the load generator and the server, as bench/run.ts does), app and baseline taking turns. Unlike load-runner.ts it
 * keeps every response time, so it can give the p95 the issue asks for (autocannon's summary has p90 and p97.5).
 */

/** Starts bench/<entry> in its own process (BENCH_PROFILE_DIR: a V8 CPU profile of it, as server-process.ts does). */
export function startCasesServer(entry: string, args: string[]): Promise<RunningServer> {
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const child = fork(fileURLToPath(new URL(entry, import.meta.url)), args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: profileDir
      ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${profileDir}`]
      : process.execArgv,
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`${entry} exited with code ${code} before listening`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve({
        url: (message as ReadyMessage).url,
        pid: child.pid ?? 0,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

export interface CaseLoadFigures {
  /** 2xx responses a second over all rounds. */
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  responses: number;
  failures: number;
  statusCodes: Record<string, number>;
}

interface Round {
  ok: number;
  seconds: number;
  times: number[];
  failures: number;
  statusCodes: Record<string, number>;
}

type Tracker = Promise<AutocannonResult> & {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};

async function round(url: string, requests: AutocannonRequestStep[], seconds: number, connections: number) {
  const times: number[] = [];
  const tracker = autocannon({ url, connections, duration: seconds, requests }) as Tracker;
  tracker.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const r = await tracker;
  return {
    ok: r['2xx'],
    seconds: r.duration,
    times,
    failures: r.non2xx + r.errors,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
  } satisfies Round;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function combine(rounds: Round[]): CaseLoadFigures {
  const times = rounds.flatMap((r) => r.times);
  const seconds = rounds.reduce((a, r) => a + r.seconds, 0);
  const statusCodes: Record<string, number> = {};
  for (const r of rounds)
    for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    reqPerSec: seconds > 0 ? rounds.reduce((a, r) => a + r.ok, 0) / seconds : 0,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    responses: times.length,
    failures: rounds.reduce((a, r) => a + r.failures, 0),
    statusCodes,
  };
}

export interface PairSettings {
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  connections: number;
}

/** A warm-up on each, then `rounds` alternating turns (app first, then baseline first, …) adding up to `seconds`. */
export async function measureCasePair(
  urls: { app: string; baseline: string },
  requests: () => AutocannonRequestStep[],
  settings: PairSettings,
): Promise<{ app: CaseLoadFigures; baseline: CaseLoadFigures }> {
  if (settings.warmupSeconds > 0) {
    await round(urls.app, requests(), settings.warmupSeconds, settings.connections);
    await round(urls.baseline, requests(), settings.warmupSeconds, settings.connections);
  }
  const rounds = Math.max(1, Math.round(settings.rounds));
  const app: Round[] = [];
  const baseline: Round[] = [];
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? (['app', 'baseline'] as const) : (['baseline', 'app'] as const);
    for (const t of order) {
      const r = await round(urls[t], requests(), settings.seconds / rounds, settings.connections);
      (t === 'app' ? app : baseline).push(r);
    }
  }
  return { app: combine(app), baseline: combine(baseline) };
}
