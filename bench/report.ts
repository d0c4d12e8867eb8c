import fs from 'node:fs';
import os from 'node:os';
import type { PreparedDatabase } from './bench-database';
import type { LoadFigures, LoadSettings } from './load-runner';

export interface ScenarioResult {
  scenario: string;
  title: string;
  dialect: 'sqlite' | 'postgres';
  app: LoadFigures;
  baseline: LoadFigures;
  /** app req/s ÷ baseline req/s: 1 means our layers cost nothing, 0.5 that they halve throughput. */
  ratio: number;
}

export interface BenchReport {
  at: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  settings: LoadSettings;
  prepare: Partial<Record<'sqlite' | 'postgres', PreparedDatabase['timings']>>;
  results: ScenarioResult[];
}

export function describeMachine(): BenchReport['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The table `npm run bench` prints: one line per scenario and database, the app beside its baseline. */
export function formatReport(report: BenchReport): string {
  const head = [
    'scenario',
    'db',
    'app req/s',
    'p50 ms',
    'p99 ms',
    'base req/s',
    'p50 ms',
    'p99 ms',
    'app/base',
    'failures app/base',
  ];
  const rows = report.results.map((r) => [
    r.scenario,
    r.dialect,
    fmt(r.app.reqPerSec, 1),
    fmt(r.app.p50Ms, 1),
    fmt(r.app.p99Ms, 1),
    fmt(r.baseline.reqPerSec, 1),
    fmt(r.baseline.p50Ms, 1),
    fmt(r.baseline.p99Ms, 1),
    fmt(r.ratio, 2),
    `${fmt(r.app.non2xx + r.app.errors)}/${fmt(r.baseline.non2xx + r.baseline.errors)}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const m = report.machine;
  const prepare = Object.entries(report.prepare).map(
    ([db, t]) =>
      `${db}: migrations ${t.migrateMs} ms, official units ${t.officialUnitsMs} ms, demo seed ${t.demoSeedMs} ms ` +
      `(${t.demoSeedSteps.map((step) => `${step.name} ${step.ms} ms`).join(', ')}; ${t.hamlets} hamlets)`,
  );
  return [
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}`,
    `Load: ${report.settings.connections} connections, ${report.settings.seconds} s per target in ${report.settings.rounds} alternating rounds (after ${report.settings.warmupSeconds} s warm-up)`,
    `Load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (other work on the machine skews both sides)`,
    ...prepare.map((p) => `First start — ${p}`),
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

export function writeReport(report: BenchReport, file: URL) {
  fs.mkdirSync(new URL('.', file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
