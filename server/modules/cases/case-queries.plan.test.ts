import { sql, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasesTable } from '../../db/schema';
import { createTestDatabase, testDialect, type TestDatabase } from '../../test/database';
import { PLAN_COMMUNES, planOf } from '../../test/query-plans';
import { publicCaseQueries } from './case-queries.repository';

/**
 * Query-plan guard for the public list and map (issue 10: a bbox query over 100,000 cases at ≥ 2,000 requests/s on
 * two cores). Each query must reach `cases` through an index of migration 0018 with a condition — the map and the
 * duplicate suggestions through a (province, lat, lng) range (the map's partial covering index cases_map_idx), newest-first pages through (province | commune,
 * submitted_at, id) without sorting — and never read the table end to end.
 */
const N = 4000;
const START = Date.parse('2026-06-01T00:00:00.000Z');

function syntheticCase(i: number): CasesTable {
  const at = new Date(START + i * 3_700_000).toISOString();
  const province = i % 10 === 0 ? '79' : '80';
  return {
    id: `0190${String(i).padStart(8, '0')}-0000-7000-8000-000000000000`,
    code: `PAKN.20260601.${String(i).padStart(5, '0')}`,
    province_code: province,
    commune_code: PLAN_COMMUNES[i % PLAN_COMMUNES.length]!,
    hamlet_id: null,
    kind: i % 7 === 0 ? 'petition' : 'report',
    category_code: ['roads', 'waste', 'street_lighting', 'other'][i % 4]!,
    severity: 'normal',
    state: (['submitted', 'accepted', 'assigned', 'in_progress', 'answered', 'closed'] as const)[i % 6]!,
    title: `Phản ánh ${i}`,
    description: 'x',
    public_description: 'x',
    attributes_json: '{}',
    lat: 10.9 + ((i * 37) % 1000) / 1000,
    lng: 105.8 + ((i * 53) % 1000) / 1000,
    location_accuracy: null,
    address_text: null,
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
    submitted_at: at,
    accept_due_at: at,
    accepted_at: null,
    handle_due_at: null,
    answered_at: null,
    closed_at: null,
    refused_reason: null,
    answer_text: null,
    rating: null,
    rating_comment: null,
    rated_at: null,
    disputed_at: null,
    reopen_count: 0,
    published_at: i % 9 === 0 ? null : at,
    hidden: i % 50 === 0 ? 1 : 0,
    hidden_reason: null,
    supporters: 0,
    warned_at: null,
    overdue_flagged_at: null,
    contact_anonymised_at: null,
    updated_at: at,
  };
}

describe(`the public case queries read an index range on ${testDialect()}`, () => {
  let database: TestDatabase;
  let q: ReturnType<typeof publicCaseQueries>;

  beforeAll(async () => {
    database = await createTestDatabase();
    q = publicCaseQueries(database.db, database.dialect);
    const rows = Array.from({ length: N }, (_, i) => syntheticCase(i));
    for (let i = 0; i < rows.length; i += 200)
      await database.db
        .insertInto('cases')
        .values(rows.slice(i, i + 200))
        .execute();
    await sql`analyze`.execute(database.db);
  });
  afterAll(async () => database.destroy());

  /** Each access to `cases` in the plan, and whether the plan sorts. */
  async function accessesOf(query: Compilable) {
    const plan = await planOf(database, query.compile(), [
      'enable_seqscan',
      'enable_bitmapscan',
      'enable_sort',
    ]);
    if (plan.dialect === 'sqlite') {
      return {
        accesses: plan.lines.filter((d) => /\bcases\b/.test(d)),
        sorts: plan.lines.some((d) => /TEMP B-TREE FOR ORDER BY/.test(d)),
      };
    }
    return {
      accesses: plan.nodes
        .filter((n) => n.relation === 'cases')
        .map((n) => `${n.type} ${n.index} ${n.hasIndexCond ? 'with condition' : 'no condition'}`),
      sorts: plan.nodes.some((n) => n.type === 'Sort' || n.type === 'Incremental Sort'),
    };
  }
  const isFullRead = (line: string) =>
    /^SCAN cases\b/.test(line) || /^Seq Scan/.test(line) || /no condition$/.test(line);

  const bbox: [number, number, number, number] = [106.0, 11.1, 106.1, 11.2];
  const queries: [string, () => Compilable, RegExp, boolean][] = [
    [
      'list: newest first in the province',
      () => q.list({ provinceCode: '80' }, null, 20),
      /cases_province_idx/,
      true,
    ],
    [
      'list: next page',
      () => q.list({ provinceCode: '80' }, { at: '2026-06-20T00:00:00.000Z', id: '0190' }, 20),
      /cases_province_idx/,
      true,
    ],
    [
      'list: one commune',
      () => q.list({ provinceCode: '80', commune: PLAN_COMMUNES[3] }, null, 20),
      /cases_commune_idx/,
      true,
    ],
    [
      'list: a box (the page picked from the covering index, then its rows)',
      () => q.list({ provinceCode: '80', bbox }, null, 20),
      // PostgreSQL weighs the box's size: a wide box walks the newest-first index and stops at the page's end.
      testDialect() === 'sqlite' ? /cases_map_list_idx/ : /cases_(map_list|province)_idx/,
      false,
    ],
    ['map: a box', () => q.clusters({ provinceCode: '80', bbox }, 12), /cases_(map|map_list|geo)_idx/, false],
    [
      'map: what was published since the overview was rebuilt',
      () => q.publishedSince('80', '2026-11-01T00:00:00.000Z'),
      /cases_published_idx/,
      false,
    ],
    [
      'map: a box, open reports of a category',
      () => q.clusters({ provinceCode: '80', bbox, status: 'open', category: 'waste' }, 14),
      /cases_(map|map_list|geo|category)_idx/,
      false,
    ],
    [
      'duplicate suggestions',
      () =>
        q.nearby({
          provinceCode: '80',
          category: 'waste',
          box: [106.05, 11.15, 106.06, 11.16],
          sinceIso: '2026-06-10T00:00:00.000Z',
        }),
      /cases_(map|map_list|geo|category)_idx/,
      false,
    ],
  ];

  it.each(queries)('%s', async (_name, build, index, ordered) => {
    const { accesses, sorts } = await accessesOf(build());
    expect(accesses.length, 'the query reads cases').toBeGreaterThan(0);
    expect(accesses.filter(isFullRead), accesses.join(' | ')).toEqual([]);
    expect(accesses.join(' | ')).toMatch(index);
    if (ordered) expect(sorts, 'pages come in index order').toBe(false);
  });

  it('the guard can fail: a filter on a column no index leads with reads the table', async () => {
    const scan = database.db.selectFrom('cases').select('id').where('title', '=', 'Phản ánh 5');
    const { accesses } = await accessesOf(scan);
    expect(accesses.some(isFullRead)).toBe(true);
  });
});
