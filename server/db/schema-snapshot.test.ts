import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database';

/**
 * Guard for additive-only migrations (old offline clients keep syncing against new servers): the schema after all
 * migrations must match server/db/schema.snapshot.json (tables, columns, types) on both dialects. SQLite reports
 * nullability unreliably for primary keys, so only names and types are compared.
 * After an intended additive change, refresh with `npx vitest run -u server/db/schema-snapshot.test.ts`.
 */
const TYPE_ALIASES: Record<string, string> = {
  int4: 'integer',
  int8: 'integer',
  int: 'integer',
  bigint: 'integer',
  float8: 'real',
  float4: 'real',
  'double precision': 'real',
  numeric: 'real',
  varchar: 'text',
};

function normalizeType(t: string): string {
  const lower = t.toLowerCase();
  return TYPE_ALIASES[lower] ?? lower;
}

describe('schema snapshot', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.destroy());

  it('matches the committed snapshot (same on SQLite and PostgreSQL)', async () => {
    const tables = await db.db.introspection.getTables();
    const schema: Record<string, Record<string, string>> = {};
    for (const t of tables.filter((x) => !x.name.startsWith('kysely_')).sort((a, b) => a.name.localeCompare(b.name))) {
      schema[t.name] = Object.fromEntries(
        t.columns
          .slice()
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((c) => [c.name, normalizeType(c.dataType)]),
      );
    }
    await expect(JSON.stringify(schema, null, 2) + '\n').toMatchFileSnapshot('./schema.snapshot.json');
  });
});
