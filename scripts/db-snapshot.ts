// `npm run db:snapshot`: adds the tables, columns and indexes that new migrations create to
// server/db/schema.snapshot.json, and refuses (exit 1, file untouched) when a committed entry is gone or changed:
// migrations are additive only. Reads the schema from a fresh SQLite database and, when TEST_DATABASE_URL is set,
// from a fresh PostgreSQL schema too, which must agree (one file serves both dialects).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrateToLatest } from '../server/db/migrate';
import { createDatabase } from '../server/db/database';
import {
  SNAPSHOT_FILE,
  addNewEntries,
  compareSnapshots,
  formatSnapshot,
  readCommittedSnapshot,
  readSchemaSnapshot,
  type SchemaSnapshot,
} from '../server/db/schema-snapshot';
import { createTestDatabase } from '../server/test/database';

async function sqliteSnapshot(): Promise<SchemaSnapshot> {
  const database = createDatabase({ sqliteFile: ':memory:' });
  try {
    await migrateToLatest(database);
    return await readSchemaSnapshot(database);
  } finally {
    await database.close();
  }
}

async function postgresSnapshot(): Promise<SchemaSnapshot> {
  // The tests' harness: a throwaway schema on TEST_DATABASE_URL, dropped afterwards.
  process.env.TEST_DIALECT = 'postgres';
  const database = await createTestDatabase();
  try {
    return await readSchemaSnapshot(database);
  } finally {
    await database.destroy();
  }
}

async function main(): Promise<number> {
  const live = await sqliteSnapshot();
  if (process.env.TEST_DATABASE_URL) {
    const { broken, added } = compareSnapshots(live, await postgresSnapshot());
    if (broken.length + added.length > 0) {
      console.error(
        `SQLite and PostgreSQL disagree (SQLite → PostgreSQL):\n  ${[...broken, ...added].join('\n  ')}`,
      );
      return 1;
    }
  } else {
    console.warn('TEST_DATABASE_URL is not set: read from SQLite only.');
  }
  const committed = readCommittedSnapshot();
  const { broken, added } = compareSnapshots(committed, live);
  if (broken.length > 0) {
    console.error(
      `Migrations are additive only; these committed entries are gone or changed (snapshot not written):\n  ${broken.join('\n  ')}`,
    );
    return 1;
  }
  if (added.length === 0) {
    console.log('server/db/schema.snapshot.json is up to date.');
    return 0;
  }
  fs.writeFileSync(fileURLToPath(SNAPSHOT_FILE), formatSnapshot(addNewEntries(committed, live)));
  console.log(`Added to server/db/schema.snapshot.json:\n  ${added.join('\n  ')}`);
  return 0;
}

main().then(
  (status) => process.exit(status),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
