import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AutocannonRequestStep } from 'autocannon';
import { createDatabase } from '../server/db/database';
import { foldText } from '../shared/text/fold';
import { prepareBenchDatabase } from './bench-database';
import { measureCasePair, startCasesServer, type CaseLoadFigures } from './cases-load';
import { seededRandom } from './cases-seed';
import { growQuestions, makeQuestionText, WORDS } from './questions-seed';
import { describeMachine } from './report';

/**
 * `npm run bench:questions`: the Q&A's search over BENCH_QUESTIONS questions (default 100,000; bench/questions-seed.ts)
 * through the whole app over HTTP — GET /api/v1/questions?q=… (random queries, half typed without tones) beside a
 * bare prepared full-text query (bench/questions-baseline.server.ts) in the same run, and GET
 * /api/v1/questions/suggestions?q=… (the start of a title with a typo) — on SQLite and, with BENCH_DATABASE_URL, on
 * PostgreSQL (a throwaway database). Issue 11's goals: search p95 ≤ 20 ms and ≥ 0.5 of the bare throughput;
 * suggestions p95 ≤ 30 ms.
 */
const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};
const QUESTIONS = num('BENCH_QUESTIONS', 100_000);
const settings = {
  seconds: num('BENCH_SECONDS', 5),
  rounds: Math.max(1, num('BENCH_ROUNDS', 2)),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 1),
  connections: num('BENCH_CONNECTIONS', 10),
};
const PROVINCE = '80';
const GOAL_SEARCH_P95 = 20;
const GOAL_RATIO = 0.5;
const GOAL_SUGGEST_P95 = 30;

/** Search queries a reader types: a subject, sometimes with an intent or a place; half without tones. */
function searchQueries(n: number, places: readonly string[]): string[] {
  const random = seededRandom(23);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    let q = pick(WORDS.subjects);
    if (r < 0.3) q = `${pick(WORDS.intents)} ${q}`;
    else if (r < 0.45) q = `${q} ${pick(places)}`;
    else if (r < 0.6) q = q.split(' ').slice(0, 2).join(' ');
    out.push(random() < 0.5 ? foldText(q) : q);
  }
  return out;
}

/** One letter changed, dropped or swapped in a word of 4+ letters (never the first letter). */
function typo(word: string, random: () => number): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  const r = random();
  if (r < 0.33) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (r < 0.66) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + 'aeiouyn'[Math.floor(random() * 7)] + word.slice(i + 1);
}

/** The start of a plausible title (3–6 words, the last cut short) with one typo, half without tones. */
function suggestQueries(n: number, places: readonly string[]): string[] {
  const random = seededRandom(29);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = makeQuestionText(random, places).title.replace(/\?$/, '').split(' ');
    const taken = words.slice(0, Math.min(words.length, 3 + Math.floor(random() * 4)));
    const last = taken.length - 1;
    if (taken[last]!.length > 3) taken[last] = taken[last]!.slice(0, 2 + Math.floor(random() * 2));
    const at = Math.floor(random() * Math.max(1, last));
    taken[at] = typo(taken[at]!, random);
    const text = taken.join(' ');
    out.push(random() < 0.5 ? foldText(text) : text);
  }
  return out;
}

function requestsOf(paths: string[]): () => AutocannonRequestStep[] {
  return () => {
    let i = 0;
    return [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length]! }) }];
  };
}

async function json(url: string) {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url} → ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as { items: { id: string }[]; nextCursor?: string | null };
}

/** The baseline must do the app's work: the same page of ids for the first queries. */
async function sameAnswers(urls: { app: string; baseline: string }, paths: string[]) {
  let hits = 0;
  for (const p of paths.slice(0, 20)) {
    const [a, b] = await Promise.all([json(urls.app + p), json(urls.baseline + p)]);
    const ids = (x: typeof a) => x.items.map((i) => i.id).join(',');
    if (ids(a) !== ids(b)) throw new Error(`app and baseline differ on ${p}: ${ids(a)} vs ${ids(b)}`);
    hits += a.items.length;
  }
  return hits;
}

interface Pair {
  app: CaseLoadFigures;
  baseline: CaseLoadFigures | null;
}
interface Row {
  scenario: string;
  dialect: string;
  /** BENCH_CONNECTIONS at once: throughput. */
  load: Pair;
  /** One request at a time: the latency a person waits. */
  alone: Pair;
  ratio: number | null;
  goal: string;
  met: boolean;
}

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function runDialect(dialect: 'sqlite' | 'postgres', rows: Row[], notes: string[]) {
  console.log(`Preparing a ${dialect} database (official units + demo province)…`);
  const prepared = await prepareBenchDatabase(dialect, process.env.BENCH_DATABASE_URL);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-bench-questions-'));
  try {
    const t = prepared.target;
    const database =
      t.dialect === 'sqlite'
        ? createDatabase({ sqliteFile: t.file })
        : createDatabase({ databaseUrl: t.url, poolMax: 2 });
    let places: string[] = [];
    const grown = await (async () => {
      const communes = await database.db
        .selectFrom('units')
        .select('code')
        .where('level', '=', 'commune')
        .where('province_code', '=', PROVINCE)
        .where('valid_to', 'is', null)
        .execute();
      // Place names people ask about: every current commune's in the country (thousands of syllables).
      const names = await database.db
        .selectFrom('units')
        .select('name')
        .distinct()
        .where('level', '=', 'commune')
        .where('valid_to', 'is', null)
        .execute();
      places = names.map((n) => n.name);
      return growQuestions(database.db, dialect, {
        provinceCode: PROVINCE,
        communeCodes: communes.map((c) => c.code),
        places,
        count: QUESTIONS,
      });
    })().finally(() => database.close());
    const seedStep = prepared.timings.demoSeedSteps.find((s) => s.name === 'seedDemoQuestions');
    notes.push(
      `${dialect}: demo seed ${prepared.timings.demoSeedMs} ms (questions ${seedStep?.ms ?? '?'} ms); ` +
        `${fmt(grown.inserted)} questions (${fmt(grown.terms)} distinct words) inserted and analysed in ${fmt(grown.ms / 1000, 1)} s`,
    );
    console.log(notes[notes.length - 1]);
    const targetArg = JSON.stringify(t);
    const [app, base] = await Promise.all([
      startCasesServer('cases-app.server.ts', [targetArg, dataDir]),
      startCasesServer('questions-baseline.server.ts', [targetArg, PROVINCE]),
    ]);
    try {
      const urls = { app: app.url, baseline: base.url };
      const search = searchQueries(300, places).map(
        (q) => `/api/v1/questions?q=${encodeURIComponent(q)}&limit=20`,
      );
      const hits = await sameAnswers(urls, search);
      console.log(`… search on ${dialect} (first 20 queries: same ${hits} results on both)`);
      // Throughput under load (BENCH_CONNECTIONS), then latency one request at a time — a person searching or
      // typing waits for their own request, not for a queue of twenty (the convention of the other latency goals).
      const load = await measureCasePair(urls, requestsOf(search), settings);
      const alone = await measureCasePair(urls, requestsOf(search), { ...settings, connections: 1 });
      const ratio = load.baseline.reqPerSec > 0 ? load.app.reqPerSec / load.baseline.reqPerSec : 0;
      rows.push({
        scenario: 'search',
        dialect,
        load,
        alone,
        ratio,
        goal: `p95 ≤ ${GOAL_SEARCH_P95} ms, ≥ ${GOAL_RATIO} of bare`,
        met: alone.app.p95Ms <= GOAL_SEARCH_P95 && ratio >= GOAL_RATIO,
      });

      const suggest = suggestQueries(300, places).map(
        (q) => `/api/v1/questions/suggestions?q=${encodeURIComponent(q)}&limit=5`,
      );
      let found = 0;
      for (const p of suggest.slice(0, 50)) if ((await json(app.url + p)).items.length > 0) found += 1;
      console.log(`… suggestions on ${dialect} (${found} of the first 50 typed titles get a suggestion)`);
      notes.push(`${dialect}: ${found} of 50 partial titles with a typo got at least one suggestion`);
      // The app on both sides: suggestions have no bare equivalent (the typo expansion is the work measured).
      const self = { app: app.url, baseline: app.url };
      const gLoad = await measureCasePair(self, requestsOf(suggest), { ...settings, rounds: 1 });
      const gAlone = await measureCasePair(self, requestsOf(suggest), {
        ...settings,
        rounds: 1,
        connections: 1,
      });
      rows.push({
        scenario: 'suggestions',
        dialect,
        load: { app: gLoad.app, baseline: null },
        alone: { app: gAlone.app, baseline: null },
        ratio: null,
        goal: `p95 ≤ ${GOAL_SUGGEST_P95} ms`,
        met: gAlone.app.p95Ms <= GOAL_SUGGEST_P95,
      });
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
    ? process.env.BENCH_QUESTIONS_DB === 'postgres'
      ? ['postgres']
      : ['sqlite', 'postgres']
    : ['sqlite'];
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const d of dialects) await runDialect(d, rows, notes);

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
  const ms = (f: CaseLoadFigures | null) => (f ? `${fmt(f.p50Ms, 1)} / ${fmt(f.p95Ms, 1)}` : '–');
  const rps = (f: CaseLoadFigures | null) => (f ? fmt(f.reqPerSec) : '–');
  console.log(
    `\n| scenario | db | app p50 / p95 ms, one at a time | bare p50 / p95 ms | app req/s (${settings.connections} conn.) | app p50 / p95 ms under load | bare req/s | app/bare | goal | met | failures |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const failures = [r.load.app, r.alone.app, r.load.baseline, r.alone.baseline]
      .filter((f): f is CaseLoadFigures => f !== null)
      .reduce((a, f) => a + f.failures, 0);
    console.log(
      `| ${r.scenario} | ${r.dialect} | ${ms(r.alone.app)} | ${ms(r.alone.baseline)} | ${rps(r.load.app)} | ${ms(r.load.app)} | ${rps(r.load.baseline)} | ${r.ratio === null ? '–' : fmt(r.ratio, 2)} | ${r.goal} | ${r.met ? 'met' : 'missed'} | ${failures} |`,
    );
  }
  const file = new URL('./results/questions-latest.json', import.meta.url);
  fs.mkdirSync(new URL('.', file), { recursive: true });
  fs.writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine: m, settings, questions: QUESTIONS, notes, rows }, null, 2)}\n`,
  );
  console.log('\nWritten to bench/results/questions-latest.json');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
