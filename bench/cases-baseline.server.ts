import fs from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import sharp from 'sharp';
import { encodeCursor } from '../shared/contracts/paging';
import {
  cellSizeFor,
  MAX_MAP_CLUSTERS,
  OVERVIEW_CELLS,
  OVERVIEW_UNIT,
} from '../server/modules/cases/case-queries.repository';
import pgLib from 'pg';
import {
  openBaselineDatabase,
  type BaselineDatabase,
  type BaselineTarget,
} from './baselines/baseline-database';
import { announceReady } from './servers/server-process';

/**
 * The bare baseline of the case benchmarks: a plain Fastify with no plugins (multipart only, to read the same upload)
 * answering the public list, the map and a report with one photo with the least code — the same indexed SQL as one
 * prepared statement each (names joined in, the first photo by a correlated sub-select), the same JSON shape, no
 * validation, no hooks. Arguments: the target as JSON, the province code, a folder for the photos.
 */
const target = JSON.parse(process.argv[2] ?? '') as BaselineTarget;
const province = process.argv[3] ?? '80';
const dataDir = process.argv[4] ?? '';
const db = target.dialect === 'postgres' ? openCustomPlanPostgres(target.url) : openBaselineDatabase(target);
const pg = target.dialect === 'postgres';
const PUBLIC = `c.province_code = ? and c.published_at is not null and c.hidden = 0 and c.kind in ('report','petition')`;
const BOX = `c.lat >= ? and c.lat <= ? and c.lng >= ? and c.lng <= ?`;

// Newest first in the box, limit + 1 rows; names and the thumbnail looked up for the page's rows only.
const LIST_SQL = `
  select p.*, cc.name_vi as category_name, u.full_name as commune_name,
    (select f.id from case_files f where f.case_id = p.id and f.update_id is null and f.hidden = 0
      order by f.position limit 1) as thumb_id
  from (select c.id, c.code, c.kind, c.category_code, c.title, c.state, c.commune_code, c.lat, c.lng, c.submitted_at,
          c.supporters, c.province_code
        from cases c where ${PUBLIC} and ${BOX} order by c.submitted_at desc, c.id desc limit ?) p
  left join case_categories cc on cc.province_code = p.province_code and cc.code = p.category_code
  left join units u on u.code = p.commune_code and u.level = 'commune' and u.valid_to is null
  order by p.submitted_at desc, p.id desc`;
const cellOf = (column: string) =>
  pg ? `floor((c.${column} - ?) / ?)` : `cast((c.${column} - ?) / ? as integer)`;
const clusterSql = (withCategory: boolean) => `
  select count(*) as n, avg(c.lat) as lat, avg(c.lng) as lng, min(c.id) as id, min(c.code) as code,
    min(c.state) as state, min(c.category_code) as category_code
  from cases c where ${PUBLIC} ${withCategory ? 'and c.category_code = ?' : ''} and ${BOX} and c.lat is not null
  group by ${cellOf('lng')}, ${cellOf('lat')} limit ${MAX_MAP_CLUSTERS}`;
const OVERVIEW_SQL = `select * from case_map_cells where province_code = ? and cell = ? and gy >= ? and gy <= ?
  and gx >= ? and gx <= ?`;
/** What the overview has not counted yet (published after its rebuild), as the app adds it. */
const FRESH_SQL = `select id as one_id, code as one_code, state as one_state, category_code as one_category,
  1 as n, lat as sum_lat, lng as sum_lng from cases where province_code = ? and published_at is not null
  and hidden = 0 and kind in ('report', 'petition') and published_at > ? and lat is not null
  limit ${MAX_MAP_CLUSTERS}`;
const REFRESHED_SQL = `select refreshed_at from case_map_cells where province_code = ? limit 1`;

/**
 * PostgreSQL: named (server-prepared) statements as baselines/baseline-database.ts makes them, but planned with each
 * call's values (plan_cache_mode = force_custom_plan). After five calls PostgreSQL would otherwise switch a named
 * statement to its generic plan, which cannot see how much of the province a box holds: measured, the baseline's
 * province list fell to 14 req/s beside the app's 58 (Kysely's pg driver sends unnamed statements, planned each time).
 */
function openCustomPlanPostgres(url: string): BaselineDatabase {
  const pool = new pgLib.Pool({ connectionString: url, max: 10 });
  pool.on('connect', (client) => {
    void client.query('set plan_cache_mode = force_custom_plan');
  });
  const names = new Map<string, { name: string; text: string }>();
  const query = async <T>(text: string, params: unknown[]) => {
    let n = names.get(text);
    if (!n) {
      let i = 0;
      n = { name: `cases_baseline_${names.size}`, text: text.replace(/\?/g, () => `$${++i}`) };
      names.set(text, n);
    }
    return (await pool.query({ name: n.name, text: n.text, values: params })).rows as T[];
  };
  return {
    dialect: 'postgres',
    all: query,
    get: async <T>(text: string, params: unknown[]) => (await query<T>(text, params))[0],
    run: async (text, params) => {
      await query(text, params);
    },
    close: () => pool.end(),
  };
}

const bbox = (s: string) => s.split(',').map(Number) as [number, number, number, number];

interface ListRow {
  id: string;
  code: string;
  kind: string;
  category_code: string;
  category_name: string | null;
  title: string;
  state: string;
  commune_code: string | null;
  commune_name: string | null;
  lat: number | null;
  lng: number | null;
  submitted_at: string;
  supporters: number;
  thumb_id: string | null;
}

interface OverviewRow {
  n: number;
  sum_lat: number;
  sum_lng: number;
  one_id: string;
  one_code: string;
  one_state: string;
  one_category: string;
  refreshed_at?: string;
}

const app = Fastify({ logger: false, trustProxy: true });
await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 5 } });

app.get('/api/v1/cases', async (request) => {
  const q = request.query as { bbox: string; limit?: string };
  const [w, s, e, n] = bbox(q.bbox);
  const limit = Number(q.limit ?? 20);
  const rows = await db.all<ListRow>(LIST_SQL, [province, s, n, w, e, limit + 1]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      code: r.code,
      kind: r.kind,
      categoryCode: r.category_code,
      categoryName: r.category_name ?? r.category_code,
      title: r.title,
      state: r.state,
      communeCode: r.commune_code,
      communeName: r.commune_name,
      lat: r.lat,
      lng: r.lng,
      submittedAt: r.submitted_at,
      supporters: r.supporters,
      thumbUrl: r.thumb_id ? `/api/v1/case-files/${r.thumb_id}/thumb` : null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.submitted_at, last.id]) : null,
  };
});

app.get('/api/v1/cases/map', async (request) => {
  const q = request.query as { bbox: string; zoom: string; category?: string };
  const [w, s, e, n] = bbox(q.bbox);
  const cell = cellSizeFor(Number(q.zoom));
  const overview = [...OVERVIEW_CELLS].reverse().find((h) => cell >= h / OVERVIEW_UNIT);
  if (!q.category && overview !== undefined) {
    // The overview's cells in the box, merged into the zoom's grid (the same arithmetic as the app's).
    const size = overview / OVERVIEW_UNIT;
    const cells = await db.all<OverviewRow>(OVERVIEW_SQL, [
      province,
      overview,
      Math.floor((s + 90) / size),
      Math.floor((n + 90) / size),
      Math.floor((w + 180) / size),
      Math.floor((e + 180) / size),
    ]);
    const since =
      cells[0]?.refreshed_at ??
      (await db.all<{ refreshed_at: string }>(REFRESHED_SQL, [province]))[0]?.refreshed_at ??
      '';
    const fresh = await db.all<OverviewRow>(FRESH_SQL, [province, since]);
    const groups = new Map<string, { n: number; lat: number; lng: number; one: OverviewRow }>();
    for (const c of [...cells, ...fresh]) {
      const lat = c.sum_lat / c.n;
      const lng = c.sum_lng / c.n;
      if (lat < s || lat > n || lng < w || lng > e) continue;
      const key = `${Math.floor((lng - w) / cell)}:${Math.floor((lat - s) / cell)}`;
      const g = groups.get(key);
      if (g) {
        g.n += c.n;
        g.lat += c.sum_lat;
        g.lng += c.sum_lng;
      } else groups.set(key, { n: c.n, lat: c.sum_lat, lng: c.sum_lng, one: c });
    }
    const clusters = [...groups.values()].map((g) =>
      g.n === 1
        ? {
            lat: g.lat,
            lng: g.lng,
            count: 1,
            id: g.one.one_id,
            code: g.one.one_code,
            state: g.one.one_state,
            categoryCode: g.one.one_category,
          }
        : { lat: g.lat / g.n, lng: g.lng / g.n, count: g.n },
    );
    return { clusters, total: clusters.reduce((sum, c) => sum + c.count, 0) };
  }
  let size = cell;
  while (((e - w) / size) * ((n - s) / size) > MAX_MAP_CLUSTERS * 4) size *= 2;
  const rows = await db.all<{
    n: number | string;
    lat: number;
    lng: number;
    id: string;
    code: string;
    state: string;
    category_code: string;
  }>(clusterSql(Boolean(q.category)), [
    province,
    ...(q.category ? [q.category] : []),
    s,
    n,
    w,
    e,
    w,
    size,
    s,
    size,
  ]);
  let total = 0;
  const clusters = rows.map((r) => {
    const count = Number(r.n);
    total += count;
    const lat = Number(r.lat);
    const lng = Number(r.lng);
    return count === 1
      ? { lat, lng, count, id: r.id, code: r.code, state: r.state, categoryCode: r.category_code }
      : { lat, lng, count };
  });
  return { clusters, total };
});

// A report with one photo: read the upload, one resize to the display size, the file written, one row inserted.
let seq = 90_000;
app.post('/api/v1/cases', async (request, reply) => {
  let data = '';
  const photos: Buffer[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') photos.push(await part.toBuffer());
    else if (part.fieldname === 'data') data = String(part.value);
  }
  const body = JSON.parse(data) as {
    id: string;
    kind: 'report' | 'petition';
    categoryCode: string;
    description: string;
    location?: { lat: number; lng: number };
  };
  const display = photos[0]
    ? await sharp(photos[0])
        .rotate()
        .resize({ width: 1280, height: 1280, fit: 'inside' })
        .webp({ quality: 80 })
        .toBuffer()
    : null;
  const at = new Date().toISOString();
  const code = `PAKN.${at.slice(0, 10).replaceAll('-', '')}.${++seq}`;
  if (display) fs.writeFileSync(path.join(dataDir, `${body.id}.webp`), display);
  const row: Record<string, string | number | null> = {
    id: body.id,
    code,
    province_code: province,
    commune_code: null,
    kind: body.kind,
    category_code: body.categoryCode,
    severity: 'normal',
    state: 'submitted',
    title: body.description.slice(0, 80),
    description: body.description,
    public_description: body.description,
    attributes_json: '{}',
    lat: body.location?.lat ?? null,
    lng: body.location?.lng ?? null,
    show_name: 0,
    source: 'web',
    channel: 'web',
    submitted_at: at,
    accept_due_at: at,
    reopen_count: 0,
    published_at: at,
    hidden: 0,
    supporters: 0,
    updated_at: at,
  };
  const columns = Object.keys(row);
  await db.run(
    `insert into cases (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    Object.values(row),
  );
  return reply
    .status(201)
    .send({ id: body.id, code, status: 'created', state: 'submitted', acceptDueAt: at });
});

const url = await app.listen({ port: 0, host: '127.0.0.1' });
announceReady(url, async () => {
  await app.close();
  await db.close();
});
