import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { loadOfficialUnits } from './official-units.loader';

async function countBy(database: TestDatabase) {
  const rows = await database.db
    .selectFrom('units')
    .select([
      'level',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.count<number>('valid_to').as('retired'),
    ])
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.level, { all: Number(r.n), retired: Number(r.retired) }]));
}

describe('loadOfficialUnits — full load', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.destroy());

  it('loads 34/3,321 current and 63/696/10,035 pre-reform units with their lineage, once', async () => {
    const first = await loadOfficialUnits(database.db);
    expect(first).toMatchObject({ loaded: true, units: 14_149, lineage: 10_655 });
    expect(await countBy(database)).toEqual({
      province: { all: 34 + 63, retired: 63 },
      district: { all: 696, retired: 696 },
      commune: { all: 3_321 + 10_035, retired: 10_035 },
    });
    const current = await database.db
      .selectFrom('units')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .where('valid_to', 'is', null)
      .where('valid_from', '=', '2025-07-01')
      .groupBy('level')
      .orderBy('level')
      .execute();
    expect(current.map((r) => [r.level, Number(r.n)])).toEqual([
      ['commune', 3_321],
      ['province', 34],
    ]);
    const lineage = await database.db
      .selectFrom('unit_lineage')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(lineage.n)).toBe(10_655);

    const again = await loadOfficialUnits(database.db);
    expect(again.loaded).toBe(false);
    expect((await countBy(database)).commune).toEqual({ all: 13_356, retired: 10_035 });
  });

  it('keeps both units a reused code names, with their own validity', async () => {
    const rows = await database.db
      .selectFrom('units')
      .select(['id', 'full_name', 'parent_code', 'province_code', 'valid_from', 'valid_to', 'search_text'])
      .where('code', '=', '25459')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        id: 'commune:25459:current',
        full_name: 'Phường Tân Ninh',
        parent_code: '80',
        province_code: '80',
        valid_from: '2025-07-01',
        valid_to: null,
        search_text: 'phuong tan ninh|tan ninh',
      },
      {
        id: 'commune:25459:pre',
        full_name: 'Phường 3',
        parent_code: '703',
        province_code: '72',
        valid_from: null,
        valid_to: '2025-07-01',
        search_text: 'phuong 3|3',
      },
    ]);
  });
});

describe('loadOfficialUnits — one province', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.destroy());

  it('loads today’s province with the old provinces merged into it, and only lineage inside that slice', async () => {
    const result = await loadOfficialUnits(database.db, { provinces: ['80'] });
    expect(result.loaded).toBe(true);
    expect(await countBy(database)).toEqual({
      province: { all: 3, retired: 2 },
      district: { all: 24, retired: 24 },
      commune: { all: 96 + 280, retired: 280 },
    });
    const provinces = await database.db
      .selectFrom('units')
      .select('id')
      .where('level', '=', 'province')
      .orderBy('id')
      .execute();
    expect(provinces.map((p) => p.id)).toEqual(['province:72:pre', 'province:80:current', 'province:80:pre']);

    // Every lineage end exists (the foreign keys hold), and every current commune has a predecessor.
    const orphans = await database.db
      .selectFrom('unit_lineage as l')
      .leftJoin('units as o', 'o.id', 'l.old_unit_id')
      .leftJoin('units as n', 'n.id', 'l.new_unit_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('o.id', 'is', null), eb('n.id', 'is', null)]))
      .executeTakeFirstOrThrow();
    expect(Number(orphans.n)).toBe(0);
    const withoutPredecessor = await database.db
      .selectFrom('units as u')
      .select('u.code')
      .where('u.level', '=', 'commune')
      .where('u.valid_to', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('unit_lineage as l').select('l.kind').whereRef('l.new_unit_id', '=', 'u.id'),
          ),
        ),
      )
      .execute();
    expect(withoutPredecessor).toEqual([]);
    expect(result.lineage).toBe(302 + 2);
  });
});
