import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type LogEvent } from 'kysely';
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

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h7-prof-'));
const file = path.join(dir, 'x.sqlite');
const base = createDatabase({ sqliteFile: file });
await migrateToLatest(base);
await loadOfficialUnits(base.db, { provinces: ['80'] });
const config = parseConfig({ SEED: 'demo', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', RATE_LIMIT_PER_MINUTE: '1000000000', NODE_ENV: 'production' });
const seed = await seedDemoProvince({ db: base.db, clock: systemClock, config, extensions: DEMO_SEED_EXTENSIONS });
await base.close();
const raw = new SQLite(file);
raw.pragma('journal_mode = WAL');
const times = new Map<string, { n: number; ms: number }>();
const cache = new Map<string, SQLite.Statement>();
const cached = process.env.CACHE ? new Proxy(raw, { get(target, prop) { if (prop === 'prepare') return (sql: string) => { let s = cache.get(sql); if (!s) { s = target.prepare(sql); cache.set(sql, s); } return s; }; const v = Reflect.get(target, prop); return typeof v === 'function' ? v.bind(target) : v; } }) : raw;
const db = new Kysely<DB>({
  dialect: new SqliteDialect({ database: cached }),
  log(e: LogEvent) {
    const k = e.query.sql.slice(0, 140);
    const t = times.get(k) ?? { n: 0, ms: 0 };
    t.n++; t.ms += e.queryDurationMillis; times.set(k, t);
  },
});
const database: Database = { db, dialect: 'sqlite', ping: async () => undefined, poolStats: () => ({ total: 1, idle: 1, waiting: 0 }), close: async () => db.destroy() };
const built = await buildApp({ config, database, clock: systemClock, logger: createLogger('silent') });
const member = seed.accounts.find((a) => a.role === 'team_member')!;
const login = await built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: member.email, password: member.password } });
const cookie = `cds_session=${login.cookies.find((c) => c.name === 'cds_session')!.value}`;
const headers = { cookie, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
const me = (await built.app.inject({ method: 'GET', url: '/api/v1/me', headers })).json() as { teams: { teamId: string; hamletId: string }[] };
const ctx = { teamId: me.teams[0]!.teamId, hamletId: me.teams[0]!.hamletId };
times.clear();
const t0 = performance.now();
for (let i = 0; i < 3000; i++) {
  const r = fieldRecord(ctx, i);
  await built.app.inject({ method: 'PUT', url: `/api/v1/support-records/${r.id}`, headers, payload: r });
}
console.log('ms per PUT', ((performance.now() - t0) / 3000).toFixed(3));
if (process.env.SHOW) for (const [k, v] of [...times].sort((a, b) => b[1].ms - a[1].ms)) console.log(v.n, (v.ms / v.n).toFixed(3), k.replace(/\s+/g, ' '));
await built.app.close();
fs.rmSync(dir, { recursive: true, force: true });
