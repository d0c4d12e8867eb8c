import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AutocannonRequestStep } from 'autocannon';
import { createDatabase } from '../server/db/database';
import { prepareBenchDatabase } from './bench-database';
import { measureCasePair, startCasesServer, type CaseLoadFigures } from './cases-load';
import { growCases, readCommuneShapes, seededRandom, type CommuneShape } from './cases-seed';
import { makeBenchPhoto, measureSubmission, type SubmitFigures } from './cases-submit';
import { describeMachine } from './report';

/**
 * `npm run bench:cases`: the public map and list over BENCH_CASES reports (default 100,000) in the demo province,
 * and a report with one photo, through the whole app beside a bare baseline (bench/cases-baseline.server.ts), on
 * SQLite and — with BENCH_DATABASE_URL — PostgreSQL. Issue 10's goals: the bbox query ≥ 2,000 req/s on this
 * machine's two cores and ≥ 0.5 of the bare query; the submission's p95 reported beside its baseline.
 */
const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};
const CASES = num('BENCH_CASES', 100_000);
const settings = {
  seconds: num('BENCH_SECONDS', 5),
  rounds: Math.max(1, num('BENCH_ROUNDS', 2)),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 1),
  connections: num('BENCH_CONNECTIONS', 20),
};
const SUBMIT_CALLS = num('BENCH_SUBMIT_CALLS', 30);
const ONLY = process.env.BENCH_CASES_ONLY
  ? new Set(process.env.BENCH_CASES_ONLY.split(',').map((s) => s.trim()))
  : null;
const PROVINCE = '80';
const GOAL_RPS = 2000;
const GOAL_RATIO = 0.5;

type Box = [number, number, number, number];
const fix = (n: number) => n.toFixed(5);
const boxParam = ([w, s, e, n]: Box) => [w, s, e, n].map(fix).join(',');

/**
 * Viewports a reader would look at. Commune zoom (14): a phone's screen, about 0.04° × 0.03° (4 × 3 km), centred in
 * a commune; province zoom (10): a desktop's, 1.2° × 0.8°, anywhere over the province. 200 of each, drawn once.
 */
function viewports(shapes: CommuneShape[]) {
  const random = seededRandom(7);
  const province = shapes.reduce<Box>(
    ([w, s, e, n], c) => [
      Math.min(w, c.bbox[0]),
      Math.min(s, c.bbox[1]),
      Math.max(e, c.bbox[2]),
      Math.max(n, c.bbox[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  const commune: Box[] = [];
  const wide: Box[] = [];
  for (let i = 0; i < 200; i++) {
    const c = shapes[Math.floor(random() * shapes.length)]!.bbox;
    const lng = c[0] + (0.25 + random() * 0.5) * (c[2] - c[0]);
    const lat = c[1] + (0.25 + random() * 0.5) * (c[3] - c[1]);
    commune.push([lng - 0.02, lat - 0.015, lng + 0.02, lat + 0.015]);
    const pLng = province[0] + random() * (province[2] - province[0]);
    const pLat = province[1] + random() * (province[3] - province[1]);
    wide.push([pLng - 0.6, pLat - 0.4, pLng + 0.6, pLat + 0.4]);
  }
  return { commune, wide };
}

interface Scenario {
  name: string;
  title: string;
  paths: string[];
}

function scenarios(shapes: CommuneShape[], categories: string[]): Scenario[] {
  const { commune, wide } = viewports(shapes);
  return [
    {
      name: 'list-commune',
      title: 'GET /api/v1/cases?bbox=(commune view)&limit=20',
      paths: commune.map((b) => `/api/v1/cases?bbox=${boxParam(b)}&limit=20`),
    },
    {
      name: 'list-province',
      title: 'GET /api/v1/cases?bbox=(province view)&limit=20',
      paths: wide.map((b) => `/api/v1/cases?bbox=${boxParam(b)}&limit=20`),
    },
    {
      name: 'map-commune',
      title: 'GET /api/v1/cases/map?bbox=(commune view)&zoom=14 (live clusters, cases_map_idx)',
      paths: commune.map((b) => `/api/v1/cases/map?bbox=${boxParam(b)}&zoom=14`),
    },
    {
      name: 'map-province',
      title: 'GET /api/v1/cases/map?bbox=(province view)&zoom=10 (overview cells)',
      paths: wide.map((b) => `/api/v1/cases/map?bbox=${boxParam(b)}&zoom=10`),
    },
    {
      name: 'map-province-category',
      title: 'GET /api/v1/cases/map?bbox=(province view)&zoom=10&category=… (live clusters)',
      paths: wide.map(
        (b, i) =>
          `/api/v1/cases/map?bbox=${boxParam(b)}&zoom=10&category=${categories[i % categories.length]}`,
      ),
    },
  ];
}

function requestsOf(paths: string[]): () => AutocannonRequestStep[] {
  return () => {
    let i = 0;
    return [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length]! }) }];
  };
}

/** The baseline must do the app's work: the same page (ids) or the same clusters (total and count). */
async function sameAnswer(urls: { app: string; baseline: string }, p: string) {
  const [a, b] = await Promise.all(
    [urls.app, urls.baseline].map(async (u) => {
      const res = await fetch(u + p);
      if (res.status !== 200)
        throw new Error(`${u}${p} → ${res.status}: ${(await res.text()).slice(0, 300)}`);
      return (await res.json()) as { items?: { id: string }[]; clusters?: unknown[]; total?: number };
    }),
  );
  const digest = (x: typeof a) =>
    x!.items ? x!.items.map((i) => i.id).join(',') : `${x!.total}/${x!.clusters!.length}`;
  if (digest(a) !== digest(b))
    throw new Error(`app and baseline differ on ${p}: ${digest(a)} vs ${digest(b)}`);
  return digest(a);
}

interface Row {
  scenario: string;
  title: string;
  dialect: string;
  app: CaseLoadFigures;
  baseline: CaseLoadFigures;
  ratio: number;
}

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function runDialect(
  dialect: 'sqlite' | 'postgres',
  rows: Row[],
  submits: { dialect: string; app: SubmitFigures; baseline: SubmitFigures }[],
  notes: string[],
) {
  console.log(`Preparing a ${dialect} database (official units + demo province)…`);
  const prepared = await prepareBenchDatabase(dialect, process.env.BENCH_DATABASE_URL);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-bench-cases-'));
  const baseDir = path.join(dataDir, 'baseline');
  fs.mkdirSync(baseDir);
  try {
    const t = prepared.target;
    const database =
      t.dialect === 'sqlite'
        ? createDatabase({ sqliteFile: t.file })
        : createDatabase({ databaseUrl: t.url, poolMax: 2 });
    const grown = await growCases(database.db, dialect, { provinceCode: PROVINCE, count: CASES }).finally(
      () => database.close(),
    );
    notes.push(
      `${dialect}: demo seed ${prepared.timings.demoSeedMs} ms; ${fmt(grown.inserted)} reports over ${grown.communes} communes and ` +
        `${grown.categories.length} categories inserted, ANALYZE and map overview in ${fmt(grown.ms / 1000, 1)} s`,
    );
    console.log(notes[notes.length - 1]);
    const targetArg = JSON.stringify(t);
    const [app, base] = await Promise.all([
      startCasesServer('cases-app.server.ts', [targetArg, dataDir]),
      startCasesServer('cases-baseline.server.ts', [targetArg, PROVINCE, baseDir]),
    ]);
    try {
      const urls = { app: app.url, baseline: base.url };
      for (const s of scenarios(readCommuneShapes(PROVINCE), grown.categories)) {
        if (ONLY && !ONLY.has(s.name)) continue;
        const check = await sameAnswer(urls, s.paths[0]!);
        console.log(
          `… ${s.name} on ${dialect} (first view: ${check.length > 40 ? `${check.slice(0, 40)}…` : check})`,
        );
        const figures = await measureCasePair(urls, requestsOf(s.paths), settings);
        rows.push({
          scenario: s.name,
          title: s.title,
          dialect,
          ...figures,
          ratio: figures.baseline.reqPerSec > 0 ? figures.app.reqPerSec / figures.baseline.reqPerSec : 0,
        });
      }
      if (!ONLY || ONLY.has('submit')) {
        console.log(`… submit on ${dialect}`);
        const figures = await measureSubmission(urls, {
          photo: await makeBenchPhoto(),
          category: grown.categories[0]!,
          point: [11.3083, 106.1],
          calls: SUBMIT_CALLS,
          rounds: 2,
        });
        submits.push({ dialect, ...figures });
      }
    } finally {
      await Promise.all([app.stop(), base.stop()]);
    }
  } finally {
    await prepared.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const dialects: ('sqlite' | 'postgres')[] = process.env.BENCH_DATABASE_URL
    ? process.env.BENCH_CASES_DB === 'postgres'
      ? ['postgres']
      : ['sqlite', 'postgres']
    : ['sqlite'];
  const rows: Row[] = [];
  const submits: { dialect: string; app: SubmitFigures; baseline: SubmitFigures }[] = [];
  const notes: string[] = [];
  for (const d of dialects) await runDialect(d, rows, submits, notes);

  const m = describeMachine();
  console.log(
    `\nMachine: ${m.cpus} × ${m.cpuModel}, Node ${m.node}; load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `Load: ${settings.connections} connections, ${settings.seconds} s per target in ${settings.rounds} alternating rounds after ${settings.warmupSeconds} s warm-up`,
  );
  for (const n of notes) console.log(`- ${n}`);
  if (rows.length > 0) {
    console.log(
      `\n| scenario | db | app req/s | app p50 / p95 ms | base req/s | base p50 / p95 ms | app/base | goal (≥ ${fmt(GOAL_RPS)}, ≥ ${GOAL_RATIO}) | failures app/base |`,
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const met = r.app.reqPerSec >= GOAL_RPS && r.ratio >= GOAL_RATIO;
      console.log(
        `| ${r.scenario} | ${r.dialect} | ${fmt(r.app.reqPerSec)} | ${fmt(r.app.p50Ms, 1)} / ${fmt(r.app.p95Ms, 1)} | ${fmt(r.baseline.reqPerSec)} | ${fmt(r.baseline.p50Ms, 1)} / ${fmt(r.baseline.p95Ms, 1)} | ${fmt(r.ratio, 2)} | ${met ? 'met' : 'missed'} | ${r.app.failures}/${r.baseline.failures} |`,
      );
    }
  }
  if (submits.length > 0) {
    console.log(
      `\nReport with one photo (POST /api/v1/cases, multipart, 2592×1944 JPEG ≈ 1.6 MB), one call at a time:\n`,
    );
    console.log(
      '| db | app p50 / p95 / max ms | baseline p50 / p95 / max ms | app/base p50 | app/base p95 | calls each |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const s of submits) {
      const f = (x: SubmitFigures) => `${fmt(x.p50Ms)} / ${fmt(x.p95Ms)} / ${fmt(x.maxMs)}`;
      console.log(
        `| ${s.dialect} | ${f(s.app)} | ${f(s.baseline)} | ${fmt(s.app.p50Ms / s.baseline.p50Ms, 2)} | ${fmt(s.app.p95Ms / s.baseline.p95Ms, 2)} | ${s.app.calls} |`,
      );
    }
  }
  const file = new URL('./results/cases-latest.json', import.meta.url);
  fs.mkdirSync(new URL('.', file), { recursive: true });
  fs.writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine: m, settings, cases: CASES, notes, rows, submits }, null, 2)}\n`,
  );
  console.log('\nWritten to bench/results/cases-latest.json');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
