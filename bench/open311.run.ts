import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { uuidv7 } from '../shared/ids';
import { buildApp } from '../server/app';
import { parseConfig } from '../server/config';
import { migrateToLatest } from '../server/db/migrate';
import type { CasesTable } from '../server/db/schema';
import { loadOfficialUnits } from '../server/modules/geography/index';
import { systemClock } from '../server/platform/clock';
import { createLogger } from '../server/platform/logger';
import { BENCH_DATA_KEY } from './bench-database';
import { createThrowawayDatabase } from './cases-throwaway-db';

/**
 * `npx tsx bench/open311.run.ts`: GET /open311/v2/requests.xml answering 1,000 requests (interfaces.md §3's cap),
 * through the whole app over HTTP, beside a bare baseline in the same process and run: a node:http server that runs
 * the same rows' SQL as one prepared better-sqlite3 statement (same joins, the same latest-note and first-photo
 * look-ups) and writes the XML with template strings. Alternating rounds; p50/p95 of every call. SQLite in a
 * temporary file (the default tier) and, with BENCH_DATABASE_URL, a throwaway PostgreSQL database (the baseline then
 * runs the same SQL through pg as a named prepared statement); BENCH_OPEN311_CASES cases over the last 60 days,
 * 3 timeline entries each.
 */
const CASES = Number(process.env.BENCH_OPEN311_CASES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CALLS = Number(process.env.BENCH_ITERATIONS ?? 50);

interface Figures {
  dialect: 'sqlite' | 'postgres';
  app: number[];
  base: number[];
  seedMs: number;
  bytes: number;
}

async function runOn(dialect: 'sqlite' | 'postgres'): Promise<Figures> {
  const { database, target, dir, drop } = await createThrowawayDatabase(
    dialect,
    process.env.BENCH_DATABASE_URL,
  );
  try {
    await migrateToLatest(database);
    await loadOfficialUnits(database.db, { provinces: ['80'] });
    const config = parseConfig({
      SEED: 'none',
      LOG_LEVEL: 'silent',
      DATA_KEY: BENCH_DATA_KEY,
      DATA_DIR: dir,
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      ...(target.dialect === 'postgres' ? { DATABASE_URL: target.url } : {}),
    });
    const built = await buildApp({ config, database, clock: systemClock, logger: createLogger('silent') });

    // The data: cases across the province's categories and states, each with an agency and a few public entries.
    const db = database.db;
    const categories = (
      await db.selectFrom('case_categories').select('code').where('province_code', '=', '80').execute()
    ).map((c) => c.code);
    const agencyIds: string[] = [];
    for (let i = 0; i < 8; i++) {
      const id = uuidv7();
      agencyIds.push(id);
      const at = new Date().toISOString();
      await db
        .insertInto('agencies')
        .values({
          id,
          province_code: '80',
          commune_code: null,
          name: `Cơ quan ${i}`,
          name_en: null,
          kind: 'department',
          email: null,
          phone: null,
          active: 1,
          search_text: `co quan ${i}`,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const STATES: CasesTable['state'][] = [
      'submitted',
      'accepted',
      'assigned',
      'in_progress',
      'answered',
      'closed',
      'refused',
    ];
    const now = Date.now();
    const seeded = performance.now();
    for (let start = 0; start < CASES; start += 500) {
      await db.transaction().execute(async (trx) => {
        const cases: CasesTable[] = [];
        const updates = [];
        for (let i = start; i < Math.min(CASES, start + 500); i++) {
          const submitted = new Date(now - (i / CASES) * 60 * 86_400_000).toISOString();
          const state = STATES[i % STATES.length]!;
          const id = uuidv7();
          cases.push({
            id,
            code: `PAKN.${submitted.slice(0, 10).replaceAll('-', '')}.${String(i).padStart(5, '0')}`,
            province_code: '80',
            commune_code: '25459',
            hamlet_id: null,
            kind: 'report',
            category_code: categories[i % categories.length]!,
            severity: 'normal',
            state,
            title: `Phản ánh ${i}`,
            description: `Mô tả phản ánh số ${i} & chi tiết <đường>.`,
            public_description: `Mô tả phản ánh số ${i} & chi tiết <đường>.`,
            attributes_json: '{}',
            lat: 11.3 + (i % 100) / 1000,
            lng: 106.1 + (i % 97) / 1000,
            location_accuracy: null,
            address_text: `Số ${i} đường ${i % 50}`,
            agency_id: state === 'submitted' ? null : agencyIds[i % agencyIds.length]!,
            merged_into_id: null,
            team_id: null,
            theme: null,
            reporter_name: null,
            reporter_phone: null,
            reporter_phone_hash: null,
            reporter_email: null,
            reporter_email_hash: null,
            reporter_token_hash: null,
            show_name: 0,
            public_name: null,
            source: 'web',
            channel: 'web',
            created_by: null,
            api_key_id: null,
            external_ref: null,
            media_url: null,
            submitted_at: submitted,
            accept_due_at: submitted,
            accepted_at: null,
            handle_due_at: state === 'submitted' ? null : submitted,
            answered_at: null,
            closed_at: null,
            refused_reason: null,
            answer_text: null,
            rating: null,
            rating_comment: null,
            rated_at: null,
            disputed_at: null,
            reopen_count: 0,
            published_at: submitted,
            hidden: 0,
            hidden_reason: null,
            supporters: 0,
            warned_at: null,
            overdue_flagged_at: null,
            contact_anonymised_at: null,
            updated_at: submitted,
          });
          for (const [k, action] of [
            [0, null],
            [1, 'accept'],
            [2, 'assign'],
          ] as const) {
            updates.push({
              id: uuidv7(),
              case_id: id,
              province_code: '80',
              kind: 'transition' as const,
              action,
              from_state: null,
              to_state: 'accepted',
              body: k === 0 ? '' : `Ghi chú công khai ${k} cho phản ánh ${i}`,
              public: 1,
              agency_id: null,
              author_user_id: null,
              api_key_id: null,
              external_ref: null,
              hidden: 0,
              created_at: new Date(Date.parse(submitted) + k * 60_000).toISOString(),
            });
          }
        }
        await trx.insertInto('cases').values(cases).execute();
        await trx.insertInto('case_updates').values(updates).execute();
      });
    }
    await sql`analyze`.execute(db);
    const seedMs = Math.round(performance.now() - seeded);

    await built.app.listen({ port: 0, host: '127.0.0.1' });
    const appPort = (built.app.server.address() as AddressInfo).port;

    // The bare baseline: the same rows, one prepared statement, XML by template strings.
    const ROWS_SQL = `
  select c.code, c.state, c.category_code, cc.name_vi as category_name, c.public_description, c.published_at, a.name as agency_name,
         c.address_text, c.lat, c.lng, c.media_url, c.submitted_at, c.updated_at, c.accept_due_at, c.handle_due_at,
         (select u.body from case_updates u where u.case_id = c.id and u.public = 1 and u.hidden = 0 and u.kind in ('transition','public_update')
            and u.body <> '' order by u.created_at desc, u.id desc limit 1) as status_notes,
         (select f.id from case_files f where f.case_id = c.id and f.update_id is null and f.hidden = 0 order by f.position limit 1) as photo_id
  from cases c left join agencies a on a.id = c.agency_id
  left join case_categories cc on cc.province_code = c.province_code and cc.code = c.category_code
  where c.hidden = 0 and c.kind <> 'proposal' and c.province_code = ? and c.submitted_at >= ? and c.submitted_at <= ?
  order by c.submitted_at desc, c.id desc limit 1000 offset 0`;
    // SQLite: one better-sqlite3 statement; PostgreSQL: pg's pool (the app's size) with a named, server-prepared one.
    const raw = target.dialect === 'sqlite' ? new Database(target.file, { readonly: true }) : null;
    const pool =
      target.dialect === 'postgres' ? new pg.Pool({ connectionString: target.url, max: 10 }) : null;
    const statement = raw?.prepare(ROWS_SQL);
    let n = 0;
    const pgText = ROWS_SQL.replace(/\?/g, () => `$${++n}`);
    const rowsOf = async (start: string, end: string) =>
      statement
        ? (statement.all('80', start, end) as Record<string, unknown>[])
        : ((await pool!.query({ name: 'open311_rows', text: pgText, values: ['80', start, end] }))
            .rows as Record<string, unknown>[]);
    const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const bare = http.createServer(async (_req, res) => {
      const end = new Date().toISOString();
      const start = new Date(Date.now() - 90 * 86_400_000).toISOString();
      let rows: Record<string, unknown>[];
      try {
        rows = await rowsOf(start, end);
      } catch (err) {
        res.writeHead(500).end(String(err));
        return;
      }
      const items = rows.map(
        (r) =>
          `<request><service_request_id>${esc(r.code)}</service_request_id><status>${r.state === 'closed' || r.state === 'answered' || r.state === 'refused' ? 'closed' : 'open'}</status><status_notes>${esc(r.status_notes)}</status_notes><service_name>${esc(r.category_name)}</service_name><service_code>${esc(r.category_code)}</service_code><description>${esc(r.public_description)}</description><agency_responsible>${esc(r.agency_name)}</agency_responsible><service_notice/><requested_datetime>${esc(r.submitted_at)}</requested_datetime><updated_datetime>${esc(r.updated_at)}</updated_datetime><expected_datetime>${esc(r.handle_due_at ?? r.accept_due_at)}</expected_datetime><address>${esc(r.address_text)}</address><address_id/><zipcode/><lat>${esc(r.lat)}</lat><long>${esc(r.lng)}</long><media_url>${esc(r.media_url)}</media_url></request>`,
      );
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(
        `<?xml version="1.0" encoding="utf-8"?>\n<service_requests>${items.join('')}</service_requests>`,
      );
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const barePort = (bare.address() as AddressInfo).port;

    async function timeCalls(port: number, calls: number): Promise<number[]> {
      const out: number[] = [];
      for (let i = 0; i < calls; i++) {
        const started = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/open311/v2/requests.xml`);
        const body = await res.text();
        out.push(performance.now() - started);
        if (res.status !== 200) throw new Error(`status ${res.status}: ${body.slice(0, 200)}`);
        const count = body.split('<request>').length - 1;
        if (count !== 1000) throw new Error(`expected 1000 requests, got ${count}`);
      }
      return out;
    }

    await timeCalls(appPort, 5);
    await timeCalls(barePort, 5);
    const app: number[] = [];
    const base: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const per = Math.ceil(CALLS / ROUNDS);
      if (r % 2 === 0) {
        app.push(...(await timeCalls(appPort, per)));
        base.push(...(await timeCalls(barePort, per)));
      } else {
        base.push(...(await timeCalls(barePort, per)));
        app.push(...(await timeCalls(appPort, per)));
      }
    }
    const bytes = (await (await fetch(`http://127.0.0.1:${appPort}/open311/v2/requests.xml`)).text()).length;
    await built.app.close();
    bare.close();
    raw?.close();
    await pool?.end();
    return { dialect, app, base, seedMs, bytes };
  } finally {
    await database.close().catch(() => undefined);
    await drop();
  }
}

const results: Figures[] = [await runOn('sqlite')];
if (process.env.BENCH_DATABASE_URL) results.push(await runOn('postgres'));
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

console.log(
  `\nOpen311 requests.xml, 1000 requests per answer (${CASES} cases; ${ROUNDS} alternating rounds, ${results[0]!.app.length} calls each; ${Math.round(results[0]!.bytes / 1024)} KiB)\n`,
);
console.log('| db | target | p50 | p95 | max |');
console.log('|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.dialect} | app (Fastify, every hook, Kysely, presenter, XML writer) | ${pct(r.app, 0.5).toFixed(1)} ms | ${pct(r.app, 0.95).toFixed(1)} ms | ${Math.max(...r.app).toFixed(1)} ms |`,
  );
  console.log(
    `| ${r.dialect} | bare baseline (node:http, one prepared statement, template XML) | ${pct(r.base, 0.5).toFixed(1)} ms | ${pct(r.base, 0.95).toFixed(1)} ms | ${Math.max(...r.base).toFixed(1)} ms |`,
  );
}
console.log('');
for (const r of results)
  console.log(
    `${r.dialect}: seeded in ${r.seedMs} ms; app / baseline at p95 ${(pct(r.app, 0.95) / pct(r.base, 0.95)).toFixed(2)}; goal app p95 ≤ 100 ms: ${pct(r.app, 0.95) <= 100 ? 'met' : 'missed'}`,
  );
