import fs from 'node:fs';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from './database';

/**
 * The schema as the migrations leave it, in one form for SQLite and PostgreSQL, compared with the committed
 * server/db/schema.snapshot.json. Migrations are additive only (phones with old app versions keep syncing against
 * new servers, and a deployment cannot step back a migration), so a committed table, column, primary key or index
 * must stay exactly as it is; anything new is added to the file by `npm run db:snapshot`, never by a test.
 *
 * Normalised so one file serves both dialects: column types through TYPE_ALIASES; primary keys as their column list
 * (SQLite has no index for an INTEGER PRIMARY KEY, PostgreSQL names its index `<table>_pkey`); indexes behind a
 * UNIQUE constraint (SQLite's `sqlite_autoindex_*`, PostgreSQL's `<table>_<column>_key`) under the key
 * `unique (columns)`; other indexes by name. An index reads `[unique ](col, col desc)[ partial]`; an expression
 * column reads `(expression)`.
 */
export interface TableSnapshot {
  columns: Record<string, string>;
  primaryKey: string[];
  indexes: Record<string, string>;
}
export type SchemaSnapshot = Record<string, TableSnapshot>;

export const SNAPSHOT_FILE = new URL('./schema.snapshot.json', import.meta.url);

const TYPE_ALIASES: Record<string, string> = {
  int4: 'integer',
  int8: 'integer',
  int2: 'integer',
  int: 'integer',
  bigint: 'integer',
  float8: 'real',
  float4: 'real',
  'double precision': 'real',
  numeric: 'real',
  varchar: 'text',
  bool: 'boolean',
};

function normalizeType(type: string): string {
  const lower = type.toLowerCase();
  return TYPE_ALIASES[lower] ?? lower;
}

interface IndexFacts {
  table: string;
  name: string;
  unique: boolean;
  partial: boolean;
  /** Backs a PRIMARY KEY (left out: primaryKey says it) or a UNIQUE constraint (keyed by its columns). */
  origin: 'pk' | 'constraint' | 'index';
  columns: string[];
}

/** Reads the live schema of this connection's database (PostgreSQL: the current schema only). */
export async function readSchemaSnapshot(database: Database): Promise<SchemaSnapshot> {
  const facts = database.dialect === 'postgres' ? await readPostgres(database) : await readSqlite(database);
  const snapshot: SchemaSnapshot = {};
  for (const table of Object.keys(facts.columns).sort()) {
    snapshot[table] = {
      columns: sortKeys(facts.columns[table] ?? {}),
      primaryKey: facts.primaryKeys[table] ?? [],
      indexes: {},
    };
  }
  for (const index of facts.indexes) {
    const table = snapshot[index.table];
    if (!table || index.origin === 'pk') continue;
    const definition = `${index.unique ? 'unique ' : ''}(${index.columns.join(', ')})${index.partial ? ' partial' : ''}`;
    table.indexes[index.origin === 'constraint' ? definition : index.name] = definition;
  }
  for (const table of Object.values(snapshot)) table.indexes = sortKeys(table.indexes);
  return snapshot;
}

interface RawFacts {
  columns: Record<string, Record<string, string>>;
  primaryKeys: Record<string, string[]>;
  indexes: IndexFacts[];
}

async function readSqlite({ db }: Database): Promise<RawFacts> {
  // Ordinary tables only: full-text index structures (FTS5 virtual tables and their shadow tables) differ by dialect.
  const tables = await sql<{ name: string }>`select name from pragma_table_list
    where schema = 'main' and type = 'table' and name not like 'sqlite\\_%' escape '\\'
      and name not like 'kysely\\_%' escape '\\'`.execute(db);
  const facts: RawFacts = { columns: {}, primaryKeys: {}, indexes: [] };
  for (const { name: table } of tables.rows) {
    const columns = await sql<{
      name: string;
      type: string;
      pk: number;
    }>`select name, type, pk from pragma_table_info(${table})`.execute(db);
    facts.columns[table] = Object.fromEntries(columns.rows.map((c) => [c.name, normalizeType(c.type)]));
    facts.primaryKeys[table] = columns.rows
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const indexes = await sql<{ name: string; unique: number; origin: string; partial: number }>`
      select name, "unique", origin, partial from pragma_index_list(${table})`.execute(db);
    for (const index of indexes.rows) {
      const keys = await sql<{ name: string | null; desc: number }>`
        select name, "desc" from pragma_index_xinfo(${index.name}) where key = 1 order by seqno`.execute(db);
      facts.indexes.push({
        table,
        name: index.name,
        unique: index.unique === 1,
        partial: index.partial === 1,
        origin: index.origin === 'pk' ? 'pk' : index.origin === 'u' ? 'constraint' : 'index',
        columns: keys.rows.map((k) => `${k.name ?? '(expression)'}${k.desc ? ' desc' : ''}`),
      });
    }
  }
  return facts;
}

async function readPostgres({ db }: Database): Promise<RawFacts> {
  const columns = await sql<{ table_name: string; column_name: string; type: string }>`
    select c.relname as table_name, a.attname as column_name, t.typname as type
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_type t on t.oid = a.atttypid
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      and c.relname not like 'kysely\\_%' escape '\\'
      -- a full-text tsvector (and, below, its GIN index) is PostgreSQL's side of a dialect-specific search index
      and t.typname <> 'tsvector'`.execute(db);
  const facts: RawFacts = { columns: {}, primaryKeys: {}, indexes: [] };
  for (const c of columns.rows) (facts.columns[c.table_name] ??= {})[c.column_name] = normalizeType(c.type);

  const keys = await sql<{
    table_name: string;
    index_name: string;
    is_unique: boolean;
    is_primary: boolean;
    is_partial: boolean;
    is_constraint: boolean;
    column_name: string | null;
    is_desc: boolean;
  }>`
    select t.relname as table_name, i.relname as index_name, ix.indisunique as is_unique,
      ix.indisprimary as is_primary, ix.indpred is not null as is_partial,
      exists (select 1 from pg_constraint k where k.conindid = ix.indexrelid and k.contype = 'u') as is_constraint,
      a.attname as column_name, (ix.indoption[(ik.ord - 1)::int] & 1) = 1 as is_desc
    from pg_index ix
    join pg_class i on i.oid = ix.indexrelid
    join pg_class t on t.oid = ix.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    cross join lateral unnest(ix.indkey::int2[]) with ordinality as ik(attnum, ord)
    left join pg_attribute a on a.attrelid = t.oid and a.attnum = ik.attnum and ik.attnum > 0
    where n.nspname = current_schema() and ik.ord <= ix.indnkeyatts
      and t.relname not like 'kysely\\_%' escape '\\'
      and i.relam <> (select oid from pg_am where amname = 'gin')
    order by t.relname, i.relname, ik.ord`.execute(db);
  const byName = new Map<string, IndexFacts>();
  for (const k of keys.rows) {
    let index = byName.get(k.index_name);
    if (!index) {
      index = {
        table: k.table_name,
        name: k.index_name,
        unique: k.is_unique,
        partial: k.is_partial,
        origin: k.is_primary ? 'pk' : k.is_constraint ? 'constraint' : 'index',
        columns: [],
      };
      byName.set(k.index_name, index);
      facts.indexes.push(index);
    }
    index.columns.push(`${k.column_name ?? '(expression)'}${k.is_desc ? ' desc' : ''}`);
    if (k.is_primary) (facts.primaryKeys[k.table_name] ??= []).push(k.column_name ?? '(expression)');
  }
  return facts;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface SnapshotDifference {
  /** Committed entries that are gone or different: forbidden, whatever the flags. */
  broken: string[];
  /** Entries the committed file does not have yet: add them with `npm run db:snapshot`. */
  added: string[];
}

/** What changed from the committed snapshot to the live schema, as readable lines. */
export function compareSnapshots(committed: SchemaSnapshot, live: SchemaSnapshot): SnapshotDifference {
  const broken: string[] = [];
  const added: string[] = [];
  for (const [name, table] of Object.entries(committed)) {
    const now = live[name];
    if (!now) {
      broken.push(`table ${name} was dropped`);
      continue;
    }
    for (const [column, type] of Object.entries(table.columns)) {
      if (!(column in now.columns)) broken.push(`column ${name}.${column} was dropped`);
      else if (now.columns[column] !== type)
        broken.push(`column ${name}.${column} changed type: ${type} → ${now.columns[column]}`);
    }
    if (table.primaryKey.join(',') !== now.primaryKey.join(',')) {
      broken.push(
        `primary key of ${name} changed: (${table.primaryKey.join(', ')}) → (${now.primaryKey.join(', ')})`,
      );
    }
    for (const [index, definition] of Object.entries(table.indexes)) {
      if (!(index in now.indexes)) broken.push(`index ${name}.${index} was dropped`);
      else if (now.indexes[index] !== definition)
        broken.push(`index ${name}.${index} changed: ${definition} → ${now.indexes[index]}`);
    }
    for (const column of Object.keys(now.columns))
      if (!(column in table.columns)) added.push(`column ${name}.${column}`);
    for (const index of Object.keys(now.indexes))
      if (!(index in table.indexes)) added.push(`index ${name}.${index} ${now.indexes[index]}`);
  }
  for (const name of Object.keys(live)) if (!(name in committed)) added.push(`table ${name}`);
  return { broken, added };
}

/**
 * The committed snapshot plus the live schema's new entries. Refuses (throws) when a committed entry is gone or
 * different: a deliberate removal is a hand edit of the JSON that a reviewer sees, never a side effect of a script.
 */
export function addNewEntries(committed: SchemaSnapshot, live: SchemaSnapshot): SchemaSnapshot {
  const { broken } = compareSnapshots(committed, live);
  if (broken.length > 0)
    throw new Error(
      `Migrations are additive only; the live schema breaks the snapshot:\n  ${broken.join('\n  ')}`,
    );
  const merged: SchemaSnapshot = {};
  for (const name of Object.keys(live).sort()) {
    const before = committed[name];
    const now = live[name]!;
    merged[name] = before
      ? {
          columns: sortKeys({ ...now.columns, ...before.columns }),
          primaryKey: before.primaryKey,
          indexes: sortKeys({ ...now.indexes, ...before.indexes }),
        }
      : now;
  }
  return merged;
}

const SchemaSnapshotSchema = z.record(
  z.string(),
  z.strictObject({
    columns: z.record(z.string(), z.string()),
    primaryKey: z.array(z.string()),
    indexes: z.record(z.string(), z.string()),
  }),
);

export function readCommittedSnapshot(file: URL | string = SNAPSHOT_FILE): SchemaSnapshot {
  return SchemaSnapshotSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export function formatSnapshot(snapshot: SchemaSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}
