import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/schema';
import { SUPPORT_RECORD_COLUMNS } from '../baselines/sync-inserts';

const COLUMNS = SUPPORT_RECORD_COLUMNS;
const SHIFTED = new Set(['occurred_at', 'received_at', 'retracted_at', 'reviewed_at']);
const RENAMED = new Set(['id', 'supersedes', 'superseded_by']);
/** Copies get ids "c0000001…" (the copy number in place of the UUIDv7's first 8 characters): never an original's. */
const COPY_PREFIX = 'c';

/**
 * Grows the demo province's support log to about `target` records, in SQL: each pass copies the demo's own
 * records (ids, corrections and services renamed, every timestamp moved back by whole half-years) with one
 * INSERT … SELECT, as the measurement did (1,046,520 records from the demo's six months). Then ANALYZE,
 * as a production database that has run `PRAGMA optimize` / autovacuum has statistics.
 */
export async function growSupportLog(
  db: Kysely<DB>,
  dialect: 'sqlite' | 'postgres',
  target: number,
): Promise<{ originals: number; copies: number; records: number }> {
  const count = async (where: string) =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from support_records ${sql.raw(where)}`.execute(db))
        .rows[0]!.n,
    );
  const originals = await count(`where id not like '${COPY_PREFIX}%'`);
  if (originals === 0) throw new Error('the demo seed stored no support records');
  const copies = Math.max(0, Math.ceil(target / originals) - 1);
  const shift = (column: string, days: number) =>
    dialect === 'sqlite'
      ? `strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, '-${days} days')`
      : `to_char((${column}::timestamptz - interval '${days} days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  for (let k = 1; k <= copies; k++) {
    const prefix = `'${COPY_PREFIX}${String(k).padStart(7, '0')}'`;
    const rename = (column: string) =>
      `case when ${column} is null then null else ${prefix} || substr(${column}, 9) end`;
    const days = k * 183;
    const exprs = COLUMNS.map((c) => (RENAMED.has(c) ? rename(c) : SHIFTED.has(c) ? shift(c, days) : c));
    await sql
      .raw(
        `insert into support_records (${COLUMNS.join(', ')}) select ${exprs.join(', ')} from support_records where id not like '${COPY_PREFIX}%'`,
      )
      .execute(db);
    await sql
      .raw(
        `insert into support_record_services (record_id, service_code) select ${prefix} || substr(record_id, 9), service_code from support_record_services where record_id not like '${COPY_PREFIX}%'`,
      )
      .execute(db);
  }
  await sql`analyze`.execute(db);
  return { originals, copies, records: await count('') };
}
