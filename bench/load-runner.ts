import autocannon, { type AutocannonRequestStep } from 'autocannon';

export interface LoadSettings {
  /** Measured seconds per target and scenario, split over the rounds. */
  seconds: number;
  connections: number;
  warmupSeconds: number;
  /** App and baseline take turns this many times, so a burst of other work on the machine hits both alike. */
  rounds: number;
}

export interface LoadFigures {
  /** Successful (2xx) responses a second: failures must not count as throughput. */
  reqPerSec: number;
  /** Median over the rounds of each round's median latency. */
  p50Ms: number;
  /** Worst over the rounds of each round's 99th percentile. */
  p99Ms: number;
  responses: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

interface RoundFigures {
  ok: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  responses: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

export type RequestsFactory = () => AutocannonRequestStep[];

/** One autocannon run of `seconds` against `url`. */
export async function runRound(
  url: string,
  requests: RequestsFactory,
  seconds: number,
  connections: number,
): Promise<RoundFigures> {
  const r = await autocannon({ url, connections, duration: seconds, requests: requests() });
  return {
    ok: r['2xx'],
    seconds: r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    responses: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function combineRounds(rounds: RoundFigures[]): LoadFigures {
  const sum = (pick: (r: RoundFigures) => number) => rounds.reduce((acc, r) => acc + pick(r), 0);
  const statusCodes: Record<string, number> = {};
  for (const r of rounds)
    for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const seconds = sum((r) => r.seconds);
  return {
    reqPerSec: seconds > 0 ? sum((r) => r.ok) / seconds : 0,
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p99Ms: Math.max(...rounds.map((r) => r.p99Ms)),
    responses: sum((r) => r.responses),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    statusCodes,
  };
}

/**
 * Measures two servers doing the same work, taking turns: a warm-up each (JIT, statement caches, pools), then
 * `rounds` alternating runs (app first, then baseline first, …) adding up to `seconds` each.
 */
export async function measurePair(
  urls: { app: string; baseline: string },
  requests: RequestsFactory,
  settings: LoadSettings,
): Promise<{ app: LoadFigures; baseline: LoadFigures }> {
  const { connections } = settings;
  if (settings.warmupSeconds > 0) {
    await runRound(urls.app, requests, settings.warmupSeconds, connections);
    await runRound(urls.baseline, requests, settings.warmupSeconds, connections);
  }
  const rounds = Math.max(1, Math.round(settings.rounds));
  const slice = settings.seconds / rounds;
  const app: RoundFigures[] = [];
  const baseline: RoundFigures[] = [];
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? (['app', 'baseline'] as const) : (['baseline', 'app'] as const);
    for (const target of order) {
      const figures = await runRound(urls[target], requests, slice, connections);
      (target === 'app' ? app : baseline).push(figures);
    }
  }
  return { app: combineRounds(app), baseline: combineRounds(baseline) };
}
