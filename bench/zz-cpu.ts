import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { Kysely, SqliteDialect } from 'kysely';
import { buildApp, DEMO_SEED_EXTENSIONS } from '../server/app';
import { parseConfig } from '../server/config';
import { createDatabase, type Database } from '../server/db/database';
import type { DB } from '../server/db/schema';
import { migrateToLatest } from '../server/db/migrate';
import { seedDemoProvince } from '../server/modules/demo/index';
import { loadOfficialUnits } from '../server/modules/geography/index';
import { systemClock } from '../server/platform/clock';
import { createLogger } from '../server/platform/logger';
import { fieldRecord } from './scenarios/sync-steps';
import { openBaselineDatabase } from './baselines/baseline-database';
import { syncPutBaseline } from './baselines/sync-put.baseline';
import { syncBatchBaseline } from './baselines/sync-batch.baseline';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h7-cpu-'));
const file = path.join(dir, 'x.sqlite');
const base = createDatabase({ sqliteFile: file });
await migrateToLatest(base);
await loadOfficialUnits(base.db, { provinces: ['80'] });
const config = parseConfig({ SEED: 'demo', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', RATE_LIMIT_PER_MINUTE: '1000000000', NODE_ENV: 'production' });
const seed = await seedDemoProvince({ db: base.db, clock: systemClock, config, extensions: DEMO_SEED_EXTENSIONS });
await base.close();

function open(cache: boolean): Database {
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL'); raw.pragma('foreign_keys = ON'); raw.pragma('busy_timeout = 5000'); raw.pragma('synchronous = NORMAL');
  const stmts = new Map<string, SQLite.Statement>();
  const wrapped = cache ? new Proxy(raw, { get(t, p) { if (p === 'prepare') return (sql: string) => { let s = stmts.get(sql); if (!s) { s = t.prepare(sql); stmts.set(sql, s); } return s; }; const v = Reflect.get(t, p); return typeof v === 'function' ? v.bind(t) : v; } }) : raw;
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: wrapped }) });
  return { db, dialect: 'sqlite', ping: async () => undefined, poolStats: () => ({ total: 1, idle: 1, waiting: 0 }), close: async () => db.destroy() };
}
const member = seed.accounts.find((a) => a.role === 'team_member')!;
async function appTarget(cache: boolean) {
  const built = await buildApp({ config, database: open(cache), clock: systemClock, logger: createLogger('silent') });
  return built.app;
}
const baseDb = openBaselineDatabase({ dialect: 'sqlite', file });
const bare = Fastify({ logger: false });
syncPutBaseline.register(bare, baseDb);
const bare2 = Fastify({ logger: false });
syncBatchBaseline.register(bare2, baseDb);

type Injectable = { inject: (o: object) => Promise<{ statusCode: number; body: string; json: () => unknown; cookies: { name: string; value: string }[] }> };
async function session(app: Injectable) {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: member.email, password: member.password } });
  const c = login.cookies.find((x) => x.name === 'cds_session')!;
  const headers = { cookie: `cds_session=${c.value}`, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
  const me = (await app.inject({ method: 'GET', url: '/api/v1/me', headers })).json() as { teams: { teamId: string; hamletId: string }[] };
  return { headers, ctx: { teamId: me.teams[0]!.teamId, hamletId: me.teams[0]!.hamletId } };
}
async function cpuPer(app: Injectable, s: Awaited<ReturnType<typeof session>>, batch: number, n: number) {
  let k = 0;
  const send = async () => {
    if (batch === 1) {
      const r = fieldRecord(s.ctx, k++);
      const res = await app.inject({ method: 'PUT', url: `/api/v1/support-records/${r.id}`, headers: s.headers, payload: r });
      if (res.statusCode !== 201) throw new Error(res.body);
    } else {
      const records = Array.from({ length: batch }, () => fieldRecord(s.ctx, k++));
      const res = await app.inject({ method: 'POST', url: '/api/v1/sync', headers: s.headers, payload: { records } });
      if (res.statusCode !== 200) throw new Error(res.body);
    }
  };
  for (let i = 0; i < Math.min(200, n); i++) await send();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await send();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
}
const plain = await appTarget(false);
const cached = await appTarget(true);
const sp = await session(plain);
const sc = await session(cached);
const sb = await session(bare as unknown as Injectable);
const sb2 = await session(bare2 as unknown as Injectable);
if (process.env.PROFILE) {
  const { Session } = await import('node:inspector/promises');
  const ins = new Session();
  ins.connect();
  await ins.post('Profiler.enable');
  await cpuPer(plain, sp, Number(process.env.BATCH ?? 1), 200);
  await ins.post('Profiler.start');
  await cpuPer(plain, sp, Number(process.env.BATCH ?? 1), Number(process.env.N ?? 3000));
  const { profile } = await ins.post('Profiler.stop');
  fs.writeFileSync('/tmp/h7/prof/loop.cpuprofile', JSON.stringify(profile));
  process.exit(0);
}
for (let round = 0; round < 2; round++) {
  const b = await cpuPer(bare as unknown as Injectable, sb, 1, 3000);
  const a = await cpuPer(plain, sp, 1, 3000);
  const ac = await cpuPer(cached, sc, 1, 3000);
  console.log(`PUT cpu µs/request: baseline ${b.toFixed(0)}, app ${a.toFixed(0)} (ratio ${(b / a).toFixed(2)}), app+stmt cache ${ac.toFixed(0)} (ratio ${(b / ac).toFixed(2)})`);
  const bb = await cpuPer(bare2 as unknown as Injectable, sb2, 500, 40);
  const ab = await cpuPer(plain, sp, 500, 40);
  const abc = await cpuPer(cached, sc, 500, 40);
  console.log(`SYNC500 cpu µs/request: baseline ${bb.toFixed(0)}, app ${ab.toFixed(0)} (ratio ${(bb / ab).toFixed(2)}), app+cache ${abc.toFixed(0)} (ratio ${(bb / abc).toFixed(2)})`);
}
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
