import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { uuidv7 } from '../shared/ids';
import type { Dialect } from '../server/db/database';
import type { CaseFilesTable, CasesTable, DB } from '../server/db/schema';
import { ensureCaseDefaults } from '../server/modules/cases/case-defaults';
import { createCaseQueriesRepository } from '../server/modules/cases/case-queries.repository';
import { createCasesRepository } from '../server/modules/cases/cases.repository';
import { communeContaining, parseCommuneShapes } from '../server/modules/geography/point-in-commune';

/**
 * Grows the demo province's reports for the case benchmarks (issue 10: the public map over 100,000 reports): batched
 * multi-row inserts, then ANALYZE and the map overview rebuilt as its job would. The spread is meant to look like a
 * year of a province's reports, so the indexes see the row counts production would: every commune, busier ones
 * (a log-normal weight) and hot spots inside each (a market, a main road), the province's categories, states that
 * age with the report, petitions published when accepted, a few hidden, one in ten with no place, most with a photo.
 */

export type CommuneShape = ReturnType<typeof parseCommuneShapes>[number];

export function readCommuneShapes(provinceCode: string): CommuneShape[] {
  const file = new URL(`../server/modules/geography/data/communes-${provinceCode}.geojson`, import.meta.url);
  return parseCommuneShapes(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** A small deterministic generator (mulberry32), so every run seeds the same data and draws the same viewports. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A point in the commune: near one of its hot spots most of the time, anywhere in it otherwise. */
function pointIn(
  shape: CommuneShape,
  shapes: readonly CommuneShape[],
  hotSpots: [number, number][],
  random: () => number,
): [lat: number, lng: number] {
  const [w, s, e, n] = shape.bbox;
  for (let attempt = 0; attempt < 30; attempt++) {
    let lat: number;
    let lng: number;
    if (random() < 0.7) {
      const [hLat, hLng] = hotSpots[Math.floor(random() * hotSpots.length)]!;
      // ≈ 400 m standard deviation.
      lat = hLat + gaussian(random) * 0.0036;
      lng = hLng + gaussian(random) * 0.0036;
    } else {
      lat = s + random() * (n - s);
      lng = w + random() * (e - w);
    }
    const found = communeContaining(shapes, lat, lng);
    if (found.status === 'found' && found.communeCode === shape.code) return [lat, lng];
  }
  return [(s + n) / 2, (w + e) / 2];
}

const YEAR_MS = 365 * 86_400_000;

/** States by age: last week's reports are mostly waiting or in hand, last year's mostly answered or closed. */
function stateFor(ageDays: number, random: () => number): CasesTable['state'] {
  const r = random();
  if (ageDays < 3) return r < 0.5 ? 'submitted' : r < 0.8 ? 'accepted' : 'assigned';
  if (ageDays < 30)
    return r < 0.1
      ? 'submitted'
      : r < 0.3
        ? 'assigned'
        : r < 0.6
          ? 'in_progress'
          : r < 0.85
            ? 'answered'
            : r < 0.95
              ? 'closed'
              : 'refused';
  return r < 0.03
    ? 'in_progress'
    : r < 0.3
      ? 'answered'
      : r < 0.9
        ? 'closed'
        : r < 0.97
          ? 'refused'
          : 'merged';
}

export interface GrowResult {
  inserted: number;
  ms: number;
  communes: number;
  categories: string[];
}

/**
 * Adds `count` reports and petitions to the province, then ANALYZE and the map overview. Codes use per-day numbers
 * from 5000 up, clear of the demo seed's.
 */
export async function growCases(
  db: Kysely<DB>,
  dialect: Dialect,
  opts: { provinceCode: string; count: number; seed?: number },
): Promise<GrowResult> {
  const started = performance.now();
  const random = seededRandom(opts.seed ?? 20261206);
  const shapes = readCommuneShapes(opts.provinceCode);
  if (shapes.length === 0) throw new Error(`no commune boundaries for province ${opts.provinceCode}`);
  // The default categories, as the app's start-up writes them when the province has none.
  await ensureCaseDefaults(createCasesRepository(db), opts.provinceCode, new Date().toISOString());
  const categories = (
    await db
      .selectFrom('case_categories')
      .select(['code', 'kinds_json'])
      .where('province_code', '=', opts.provinceCode)
      .where('active', '=', 1)
      .execute()
  )
    .filter((c) => (JSON.parse(c.kinds_json) as string[]).includes('report'))
    .map((c) => c.code);
  if (categories.length === 0) throw new Error(`province ${opts.provinceCode} has no report categories`);
  // A few categories carry most reports (roads, waste, lighting), as every city's open data shows.
  const categoryWeights = categories.map((_, i) => 1 / (i + 1));
  const communeWeights = shapes.map(() => Math.exp(gaussian(random)));
  const hotSpots = shapes.map((shape) =>
    Array.from({ length: 5 }, () => {
      const [w, s, e, n] = shape.bbox;
      const cLat = (s + n) / 2;
      const cLng = (w + e) / 2;
      return [cLat + (random() - 0.5) * (n - s) * 0.5, cLng + (random() - 0.5) * (e - w) * 0.5] as [
        number,
        number,
      ];
    }),
  );
  const pick = (weights: number[]) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = random() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return i;
    }
    return weights.length - 1;
  };

  const now = Date.now();
  const perDay = new Map<string, number>();
  const BATCH = 400;
  for (let start = 0; start < opts.count; start += BATCH) {
    const cases: CasesTable[] = [];
    const files: CaseFilesTable[] = [];
    for (let i = start; i < Math.min(opts.count, start + BATCH); i++) {
      const submittedMs = now - random() * YEAR_MS;
      const submitted = new Date(submittedMs).toISOString();
      const day = submitted.slice(0, 10).replaceAll('-', '');
      const seq = (perDay.get(day) ?? 5000) + 1;
      perDay.set(day, seq);
      const ci = pick(communeWeights);
      const shape = shapes[ci]!;
      const placed = random() >= 0.1;
      const [lat, lng] = placed ? pointIn(shape, shapes, hotSpots[ci]!, random) : [null, null];
      const kind: CasesTable['kind'] = random() < 0.85 ? 'report' : 'petition';
      const state = stateFor((now - submittedMs) / 86_400_000, random);
      const published = kind === 'report' || state !== 'submitted';
      const id = uuidv7();
      const at = (minutes: number) => new Date(submittedMs + minutes * 60_000).toISOString();
      cases.push({
        id,
        code: `PAKN.${day}.${seq}`,
        province_code: opts.provinceCode,
        commune_code: shape.code,
        hamlet_id: null,
        kind,
        category_code: categories[pick(categoryWeights)]!,
        severity: random() < 0.05 ? 'urgent' : 'normal',
        state,
        title: `Phản ánh ${i}: ổ gà, rác, đèn đường`,
        description: `Mô tả phản ánh số ${i}.`,
        public_description: `Mô tả phản ánh số ${i}.`,
        attributes_json: '{}',
        lat,
        lng,
        location_accuracy: placed ? 15 : null,
        address_text: `Số ${i % 300} đường ${i % 40}`,
        agency_id: null,
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
        accept_due_at: at(8 * 60),
        accepted_at: state === 'submitted' ? null : at(120),
        handle_due_at: state === 'submitted' ? null : at(10 * 24 * 60),
        answered_at: null,
        closed_at: null,
        refused_reason: state === 'refused' ? 'Không thuộc thẩm quyền' : null,
        answer_text: null,
        rating: null,
        rating_comment: null,
        rated_at: null,
        disputed_at: null,
        reopen_count: 0,
        published_at: published ? at(kind === 'report' ? 0 : 120) : null,
        hidden: random() < 0.02 ? 1 : 0,
        hidden_reason: null,
        supporters: Math.floor(random() ** 4 * 20),
        warned_at: null,
        overdue_flagged_at: null,
        contact_anonymised_at: null,
        updated_at: at(60),
      });
      // Most reports come with a photo; the list shows the first one's thumbnail (no bytes are needed here).
      if (random() < 0.6) {
        files.push({
          id: uuidv7(),
          case_id: id,
          update_id: null,
          display_key: `bench/${id}-display.webp`,
          thumb_key: `bench/${id}-thumb.webp`,
          width: 1280,
          height: 960,
          bytes: 180_000,
          position: 0,
          hidden: 0,
          created_at: submitted,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('cases').values(cases).execute();
      if (files.length > 0) await trx.insertInto('case_files').values(files).execute();
    });
  }
  await sql`analyze`.execute(db);
  await createCaseQueriesRepository(db, dialect).refreshOverview(new Date().toISOString());
  return {
    inserted: opts.count,
    ms: Math.round(performance.now() - started),
    communes: shapes.length,
    categories,
  };
}
