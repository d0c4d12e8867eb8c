import { BASELINES } from './baselines/index';
import { prepareBenchDatabase, type PreparedDatabase } from './bench-database';
import { measurePair, type LoadSettings } from './load-runner';
import { describeMachine, formatReport, writeReport, type BenchReport, type ScenarioResult } from './report';
import { SCENARIOS } from './scenarios/index';
import { startServerProcess } from './servers/server-process';

/**
 * `npm run bench`: each scenario against the full app and against its bare baseline, on the same prepared
 * database, taking turns on this machine. Settings: BENCH_SECONDS (5 measured seconds per target), BENCH_CONNECTIONS
 * (20), BENCH_WARMUP_SECONDS (1), BENCH_ROUNDS (2 alternating turns), BENCH_ONLY (comma-separated scenario names),
 * BENCH_DATABASE_URL (adds PostgreSQL).
 */
function readSettings(): LoadSettings {
  const num = (name: string, fallback: number) => {
    const raw = process.env[name];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
    return value;
  };
  return {
    seconds: num('BENCH_SECONDS', 5),
    connections: num('BENCH_CONNECTIONS', 20),
    warmupSeconds: num('BENCH_WARMUP_SECONDS', 1),
    rounds: Math.max(1, num('BENCH_ROUNDS', 2)),
  };
}

async function runDialect(prepared: PreparedDatabase, settings: LoadSettings, only: Set<string> | null) {
  const results: ScenarioResult[] = [];
  const targetArg = JSON.stringify(prepared.target);
  for (const scenario of SCENARIOS) {
    if (only && !only.has(scenario.name)) continue;
    if (!BASELINES.has(scenario.baseline))
      throw new Error(`scenario ${scenario.name}: no baseline ${scenario.baseline}`);
    const requests = () => scenario.requests(prepared.context);
    console.log(`… ${scenario.name} on ${prepared.target.dialect}`);
    const started = await Promise.allSettled([
      startServerProcess('app.server.ts', [targetArg]),
      startServerProcess('baseline.server.ts', [scenario.baseline, targetArg]),
    ]);
    const [app, base] = started.map((s) => (s.status === 'fulfilled' ? s.value : null));
    if (!app || !base) {
      // One failed to start: stop the other rather than leave it running, then report why.
      await Promise.all([app?.stop(), base?.stop()]);
      const failure = started.find((s) => s.status === 'rejected');
      throw failure?.status === 'rejected' ? failure.reason : new Error('a benchmark server did not start');
    }
    const figures = await measurePair({ app: app.url, baseline: base.url }, requests, settings).finally(() =>
      Promise.all([app.stop(), base.stop()]),
    );
    results.push({
      scenario: scenario.name,
      title: scenario.title,
      dialect: prepared.target.dialect,
      app: figures.app,
      baseline: figures.baseline,
      ratio: figures.baseline.reqPerSec > 0 ? figures.app.reqPerSec / figures.baseline.reqPerSec : 0,
    });
  }
  return results;
}

async function main() {
  const settings = readSettings();
  const only = process.env.BENCH_ONLY
    ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim()))
    : null;
  const dialects: ('sqlite' | 'postgres')[] = process.env.BENCH_DATABASE_URL
    ? ['sqlite', 'postgres']
    : ['sqlite'];
  const report: BenchReport = {
    at: new Date().toISOString(),
    machine: describeMachine(),
    settings,
    prepare: {},
    results: [],
  };
  for (const dialect of dialects) {
    console.log(`Preparing a ${dialect} database (official units + demo province)…`);
    const prepared = await prepareBenchDatabase(dialect, process.env.BENCH_DATABASE_URL);
    report.prepare[dialect] = prepared.timings;
    try {
      report.results.push(...(await runDialect(prepared, settings, only)));
    } finally {
      await prepared.drop();
    }
  }
  console.log(`\n${formatReport(report)}\n`);
  for (const r of report.results) {
    if (r.app.non2xx + r.app.errors > 0 || r.baseline.non2xx + r.baseline.errors > 0) {
      console.log(
        `Warning: ${r.scenario} (${r.dialect}) had failures — app ${JSON.stringify(r.app.statusCodes)}, baseline ${JSON.stringify(r.baseline.statusCodes)}`,
      );
    }
  }
  const file = new URL('./results/latest.json', import.meta.url);
  writeReport(report, file);
  console.log(`Written to bench/results/latest.json`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
