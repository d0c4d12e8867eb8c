import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database';
import {
  addNewEntries,
  compareSnapshots,
  readCommittedSnapshot,
  readSchemaSnapshot,
  type SchemaSnapshot,
} from './schema-snapshot';

/**
 * Guard for additive-only migrations (old offline clients keep syncing against new servers, and upgrades are
 * forward only): after all migrations, every table, column, primary key and index of server/db/schema.snapshot.json
 * exists unchanged, on SQLite and on PostgreSQL alike. Compared by hand, not with a file snapshot, so `vitest -u`
 * cannot rewrite it; new entries are added by `npm run db:snapshot`, which refuses to drop or alter one.
 */
describe('schema snapshot', () => {
  let db: TestDatabase;
  let live: SchemaSnapshot;
  beforeAll(async () => {
    db = await createTestDatabase();
    live = await readSchemaSnapshot(db);
  });
  afterAll(async () => db.destroy());

  it('keeps every committed table, column, primary key and index unchanged', () => {
    const { broken } = compareSnapshots(readCommittedSnapshot(), live);
    expect(
      broken,
      'Migrations are additive only: add a column or an index, never drop or change one',
    ).toEqual([]);
  });

  it('has every table, column and index in the committed snapshot (run `npm run db:snapshot` after a migration)', () => {
    const { added } = compareSnapshots(readCommittedSnapshot(), live);
    expect(
      added,
      'New schema entries: run `npm run db:snapshot` and commit server/db/schema.snapshot.json',
    ).toEqual([]);
  });
});

describe('schema snapshot comparison', () => {
  let db: TestDatabase;
  let before: SchemaSnapshot;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    await sql`create table things (id text primary key, code text not null unique, n integer, note text)`.execute(
      db.db,
    );
    await sql`create table pairs (a text not null, b text not null, primary key (a, b))`.execute(db.db);
    await sql`create index things_code_n_idx on things (code, n desc)`.execute(db.db);
    await sql`create unique index things_note_uq on things (note) where n is not null`.execute(db.db);
    before = await readSchemaSnapshot(db);
  });
  afterAll(async () => db.destroy());

  it('reads columns, primary keys and indexes the same way on both dialects', () => {
    expect(before).toEqual({
      pairs: { columns: { a: 'text', b: 'text' }, primaryKey: ['a', 'b'], indexes: {} },
      things: {
        columns: { code: 'text', id: 'text', n: 'integer', note: 'text' },
        primaryKey: ['id'],
        indexes: {
          things_code_n_idx: '(code, n desc)',
          things_note_uq: 'unique (note) partial',
          'unique (code)': 'unique (code)',
        },
      },
    });
  });

  it('reports a dropped or altered index, column or primary key, and refuses to write them into the snapshot', async () => {
    await sql`drop index things_code_n_idx`.execute(db.db);
    await sql`create index things_code_n_idx on things (code)`.execute(db.db);
    await sql`drop index things_note_uq`.execute(db.db);
    await sql`alter table things drop column note`.execute(db.db);
    const after = await readSchemaSnapshot(db);
    const { broken } = compareSnapshots(before, after);
    expect(broken).toEqual([
      'column things.note was dropped',
      'index things.things_code_n_idx changed: (code, n desc) → (code)',
      'index things.things_note_uq was dropped',
    ]);
    expect(() => addNewEntries(before, after)).toThrow(/additive only/);

    const renamedKey = structuredClone(after);
    renamedKey.pairs!.primaryKey = ['b', 'a'];
    expect(compareSnapshots(after, renamedKey).broken).toEqual([
      'primary key of pairs changed: (a, b) → (b, a)',
    ]);
    const otherType = structuredClone(after);
    otherType.things!.columns.n = 'text';
    expect(compareSnapshots(after, otherType).broken).toEqual([
      'column things.n changed type: integer → text',
    ]);
  });

  it('lists new tables, columns and indexes, and adds them without touching committed entries', async () => {
    const committed = await readSchemaSnapshot(db);
    await sql`alter table things add column extra text`.execute(db.db);
    await sql`create index things_extra_idx on things (extra)`.execute(db.db);
    await sql`create table newcomers (id text primary key)`.execute(db.db);
    const live = await readSchemaSnapshot(db);
    expect(compareSnapshots(committed, live)).toEqual({
      broken: [],
      added: ['column things.extra', 'index things.things_extra_idx (extra)', 'table newcomers'],
    });
    const merged = addNewEntries(committed, live);
    expect(compareSnapshots(merged, live)).toEqual({ broken: [], added: [] });
    expect(Object.keys(merged)).toEqual(['newcomers', 'pairs', 'things']);
  });
});
