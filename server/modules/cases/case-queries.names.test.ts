import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect, type TestDatabase } from '../../test/database';
import { loadOfficialUnits } from '../geography/index';
import { createCaseQueriesRepository } from './case-queries.repository';

/** The public list's commune names come from the process after the first page asks for them (no query per page). */
describe(`communes' names for the public list on ${testDialect()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadOfficialUnits(database.db, { provinces: ['80'] });
  });
  afterAll(async () => database.destroy());

  it('answers current communes by code, remembers them, and leaves out codes that are no current commune', async () => {
    const repo = createCaseQueriesRepository(database.db, database.dialect);
    const commune = await database.db
      .selectFrom('units')
      .select(['code', 'full_name'])
      .where('level', '=', 'commune')
      .where('province_code', '=', '80')
      .where('valid_to', 'is', null)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const first = await repo.communeNames([commune.code, '00000']);
    expect([...first]).toEqual([[commune.code, commune.full_name]]);
    // Renamed behind the repository's back: the remembered name still answers (nothing asked the database).
    await database.db
      .updateTable('units')
      .set({ full_name: 'Tên đã đổi' })
      .where('code', '=', commune.code)
      .where('level', '=', 'commune')
      .execute();
    expect((await repo.communeNames([commune.code])).get(commune.code)).toBe(commune.full_name);
    // Another process (a new repository) reads it afresh.
    const other = createCaseQueriesRepository(database.db, database.dialect);
    expect((await other.communeNames([commune.code])).get(commune.code)).toBe('Tên đã đổi');
  });
});
