import fs from 'node:fs';
import { prepareBenchDatabase } from '../bench-database';
import { createDatabase } from '../../server/db/database';
import { startServerProcess, type RunningServer } from '../servers/server-process';
import { growSupportLog } from './grow-support-log';

/**
 * `npm run bench:scale`: the support log at province scale (issue 7). Grows the demo province to
 * BENCH_SCALE_RECORDS (1,000,000) support records, starts the full app, and measures
 *   - every list page's latency (p50/p95 over first and following pages) per role and filter;
 *   - the province CSV export's rows/s and the server's resident memory while it streams;
 *   - /healthz p99 while the export and a leader's list run;
 *   - that an export the client abandons stops (the server's CPU time stays flat afterwards).
 * SQLite always; PostgreSQL too with BENCH_DATABASE_URL. Goals: page p95 ≤ 50 ms, export ≥ 50,000 rows/s,
 * /healthz p99 ≤ 100 ms.
 */
const TARGET = Number(process.env.BENCH_SCALE_RECORDS ?? 1_000_000);
const PAGES = Number(process.env.BENCH_SCALE_PAGES ?? 30);

const ROLES = {
  province_admin: 'quantri@',
  commune_officer: 'phuongtanan@',
  team_leader: 'totruong@',
  team_member: 'thanhvien@',
} as const;
type RoleName = keyof typeof ROLES;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

function procStatus(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { rssMb: rssKb / 1024, cpuTicks: Number(stat[11]) + Number(stat[12]) };
}

async function signIn(base: string, email: string, password: string, n: number): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.0.${n}` },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function timedGet(url: string, cookie: string) {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
  return { ms: performance.now() - started, body };
}

async function runOn(dialect: 'sqlite' | 'postgres', url?: string) {
  console.log(`Preparing ${dialect} (demo province)…`);
  const prepared = await prepareBenchDatabase(dialect, url);
  let server: RunningServer | null = null;
  try {
    const database =
      prepared.target.dialect === 'sqlite'
        ? createDatabase({ sqliteFile: prepared.target.file })
        : createDatabase({ databaseUrl: prepared.target.url });
    const grow0 = performance.now();
    const grown = await growSupportLog(database.db, dialect, TARGET);
    await database.close();
    const growS = (performance.now() - grow0) / 1000;
    console.log(
      `Grew ${grown.originals} demo records ×${grown.copies + 1} → ${grown.records} records in ${growS.toFixed(0)} s`,
    );

    server = await startServerProcess('app.server.ts', [JSON.stringify(prepared.target)]);
    const base = server.url;
    const cookies = new Map<RoleName, string>();
    let n = 1;
    for (const [role, prefix] of Object.entries(ROLES) as [RoleName, string][]) {
      const account = prepared.context.accounts.find((a) => a.email.startsWith(prefix))!;
      cookies.set(role, await signIn(base, account.email, account.password, n++));
    }

    // Filter values from the data itself.
    const sample = JSON.parse(
      (await timedGet(`${base}/api/v1/support-records?limit=1`, cookies.get('province_admin')!)).body,
    ).items[0] as { teamId: string; hamletId: string; member: { memberId: string } | null; services: string[] };
    const filters: [string, string][] = [
      ['none', ''],
      ['service', `&service=${sample.services[0]}`],
      ['team', `&teamId=${sample.teamId}`],
      ['hamlet', `&hamletId=${sample.hamletId}`],
      ['member', sample.member?.memberId ? `&memberId=${sample.member.memberId}` : ''],
      ['state=retracted', '&state=retracted'],
      ['review=flagged', '&review=flagged'],
      ['period', '&from=2025-01-01&to=2025-03-31'],
    ];
    const combos: { role: RoleName; filter: string; query: string }[] = [];
    for (const role of ['province_admin', 'commune_officer', 'team_leader'] as RoleName[])
      for (const [filter, query] of filters) combos.push({ role, filter, query });
    combos.push({ role: 'team_member', filter: 'mine', query: '&mine=true' });

    const lists: { role: string; filter: string; pages: number; p50: number; p95: number; max: number }[] = [];
    for (const c of combos) {
      const times: number[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < PAGES; i++) {
        const page = `${base}/api/v1/support-records?limit=50${c.query}${cursor ? `&cursor=${cursor}` : ''}`;
        const { ms, body } = await timedGet(page, cookies.get(c.role)!);
        times.push(ms);
        cursor = (JSON.parse(body) as { nextCursor: string | null }).nextCursor;
        if (!cursor && i % 3 === 2) cursor = null; // restart from the first page
      }
      lists.push({
        role: c.role,
        filter: c.filter,
        pages: times.length,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        max: Math.max(...times),
      });
    }

    // The province export, with /healthz probes and a leader paging through the list meanwhile.
    const health: number[] = [];
    let exporting = true;
    const probe = (async () => {
      while (exporting) {
        const started = performance.now();
        await fetch(`${base}/healthz`).then((r) => r.text());
        health.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const during: number[] = [];
    const lister = (async () => {
      while (exporting) {
        during.push((await timedGet(`${base}/api/v1/support-records?limit=50`, cookies.get('team_leader')!)).ms);
      }
    })();
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(procStatus(server!.pid).rssMb), 200);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/support-records/export.csv`, {
      headers: { cookie: cookies.get('province_admin')! },
    });
    let rows = -1; // the header line
    const decoder = new TextDecoder();
    for await (const chunk of res.body!) {
      const text = decoder.decode(chunk as Uint8Array, { stream: true });
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows += 1;
    }
    const exportS = (performance.now() - t0) / 1000;
    exporting = false;
    clearInterval(sampler);
    await Promise.all([probe, lister]);

    // An export the client abandons after a second must stop: CPU time flat once it is gone.
    const abort = new AbortController();
    const abandoned = await fetch(`${base}/api/v1/support-records/export.csv`, {
      headers: { cookie: cookies.get('province_admin')! },
      signal: abort.signal,
    });
    const reader = abandoned.body!.getReader();
    const until = performance.now() + 1000;
    while (performance.now() < until) await reader.read();
    abort.abort();
    await new Promise((r) => setTimeout(r, 500));
    const before = procStatus(server.pid).cpuTicks;
    await new Promise((r) => setTimeout(r, 2000));
    const idleCpuPct = (procStatus(server.pid).cpuTicks - before) / 2; // ticks are 1/100 s

    return {
      dialect,
      records: grown.records,
      growSeconds: Math.round(growS),
      lists,
      export: {
        rows,
        seconds: Number(exportS.toFixed(2)),
        rowsPerSecond: Math.round(rows / exportS),
        rssMbMin: Math.round(Math.min(...rss)),
        rssMbMax: Math.round(Math.max(...rss)),
      },
      healthz: { probes: health.length, p50: percentile(health, 50), p99: percentile(health, 99) },
      leaderListDuringExport: { pages: during.length, p95: percentile(during, 95) },
      cpuPercentAfterAbandonedExport: idleCpuPct,
    };
  } finally {
    await server?.stop();
    await prepared.drop();
  }
}

// BENCH_SCALE_ONLY=postgres skips SQLite (a PostgreSQL run alone, e.g. after a SQLite one).
const results = [];
if (process.env.BENCH_SCALE_ONLY !== 'postgres') results.push(await runOn('sqlite'));
if (process.env.BENCH_DATABASE_URL) results.push(await runOn('postgres', process.env.BENCH_DATABASE_URL));
const f = (x: number) => x.toFixed(1);
for (const r of results) {
  console.log(`\n${r.dialect}: ${r.records.toLocaleString('en')} support records (grown in ${r.growSeconds} s)`);
  console.log('role              filter            pages  p50 ms  p95 ms  max ms');
  for (const l of r.lists)
    console.log(
      `${l.role.padEnd(18)}${l.filter.padEnd(18)}${String(l.pages).padStart(5)}${f(l.p50).padStart(8)}${f(l.p95).padStart(8)}${f(l.max).padStart(8)}`,
    );
  const e = r.export;
  console.log(
    `export: ${e.rows.toLocaleString('en')} rows in ${e.seconds} s = ${e.rowsPerSecond.toLocaleString('en')} rows/s; server RSS ${e.rssMbMin}–${e.rssMbMax} MB`,
  );
  console.log(
    `/healthz during export: ${r.healthz.probes} probes, p50 ${f(r.healthz.p50)} ms, p99 ${f(r.healthz.p99)} ms; leader list p95 ${f(r.leaderListDuringExport.p95)} ms over ${r.leaderListDuringExport.pages} pages`,
  );
  console.log(`server CPU after an abandoned export: ${r.cpuPercentAfterAbandonedExport.toFixed(0)} %`);
}
fs.mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
fs.writeFileSync(new URL('../results/scale-latest.json', import.meta.url), JSON.stringify(results, null, 2));
