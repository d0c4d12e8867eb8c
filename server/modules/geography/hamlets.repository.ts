import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { DB, HamletChangesTable, HamletsTable } from '../../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

export interface HamletListFilter {
  /** 5 digits: hamlets of that commune; 2 digits: of that province. */
  parent?: string | undefined;
  /** YYYY-MM-DD: hamlets that existed at the end of that day (UTC); absent: active hamlets. */
  at?: string | undefined;
  folded?: string | undefined;
}

export interface HamletCursor {
  rank: number;
  name: string;
  id: string;
}

/** Rows per INSERT for imports: 13 columns × 300 rows keeps under both dialects' bind-parameter limits. */
const BATCH_ROWS = 300;

function addOneDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** hamlets.search_text is the folded name alone: exact name first, then name prefix, then the rest. */
function buildRank(folded: string): RawBuilder<number> {
  return sql<number>`case when search_text = ${folded} then 0 when search_text like ${`${folded}%`} then 1 else 2 end`;
}

/** True for a unique-constraint violation on either driver (SQLite or PostgreSQL). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Hamlets and their change history. Kysely only: no authorization, no business branching. */
export function createHamletsRepository(db: Kysely<DB>) {
  return {
    findById(id: string, ex: Executor = db) {
      return ex.selectFrom('hamlets').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findActive(id: string, ex: Executor = db) {
      return ex
        .selectFrom('hamlets')
        .selectAll()
        .where('id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirst();
    },

    /** The active hamlet of a commune whose folded name is `folded`, other than `exceptId`. */
    findActiveByFoldedName(communeCode: string, folded: string, exceptId: string | null, ex: Executor = db) {
      let q = ex
        .selectFrom('hamlets')
        .selectAll()
        .where('commune_code', '=', communeCode)
        .where('status', '=', 'active')
        .where('search_text', '=', folded);
      if (exceptId) q = q.where('id', '!=', exceptId);
      return q.executeTakeFirst();
    },

    /** Active hamlets of many communes at once (imports compare a whole file against them). */
    async listActiveInCommunes(communeCodes: readonly string[], ex: Executor = db) {
      const out: HamletsTable[] = [];
      for (let i = 0; i < communeCodes.length; i += 500) {
        const rows = await ex
          .selectFrom('hamlets')
          .selectAll()
          .where('commune_code', 'in', communeCodes.slice(i, i + 500))
          .where('status', '=', 'active')
          .execute();
        out.push(...rows);
      }
      return out;
    },

    async insert(rows: HamletsTable[], ex: Executor = db): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH_ROWS) {
        await ex
          .insertInto('hamlets')
          .values(rows.slice(i, i + BATCH_ROWS))
          .execute();
      }
    },

    async update(id: string, patch: Partial<Omit<HamletsTable, 'id'>>, ex: Executor = db): Promise<void> {
      await ex.updateTable('hamlets').set(patch).where('id', '=', id).execute();
    },

    /** Updates only while the hamlet is still active; false when a concurrent merge/retire got there first. */
    async updateIfActive(
      id: string,
      patch: Partial<Omit<HamletsTable, 'id'>>,
      ex: Executor = db,
    ): Promise<boolean> {
      const res = await ex
        .updateTable('hamlets')
        .set(patch)
        .where('id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },

    async insertChanges(rows: HamletChangesTable[], ex: Executor = db): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH_ROWS) {
        await ex
          .insertInto('hamlet_changes')
          .values(rows.slice(i, i + BATCH_ROWS))
          .execute();
      }
    },

    history(hamletId: string, ex: Executor = db) {
      return ex
        .selectFrom('hamlet_changes')
        .selectAll()
        .where('hamlet_id', '=', hamletId)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },

    /** One page ordered by (rank, folded name, id); fetches limit + 1 to know if more follow. */
    async list(filter: HamletListFilter, limit: number, after: HamletCursor | null) {
      const rank = filter.folded ? buildRank(filter.folded) : null;
      const query = db
        .selectFrom('hamlets')
        .selectAll()
        .where((eb) => {
          const conds: Expression<SqlBool>[] = [];
          if (filter.at) {
            const end = addOneDay(filter.at);
            conds.push(
              eb('valid_from', '<', end),
              eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', end)]),
            );
          } else {
            conds.push(eb('status', '=', 'active'));
          }
          if (filter.parent !== undefined) {
            conds.push(eb(filter.parent.length === 2 ? 'province_code' : 'commune_code', '=', filter.parent));
          }
          if (filter.folded) conds.push(eb('search_text', 'like', `%${filter.folded}%`));
          if (after) {
            const byName = eb.or([
              eb('search_text', '>', after.name),
              eb.and([eb('search_text', '=', after.name), eb('id', '>', after.id)]),
            ]);
            conds.push(
              rank ? eb.or([eb(rank, '>', after.rank), eb.and([eb(rank, '=', after.rank), byName])]) : byName,
            );
          }
          return eb.and(conds);
        });
      const ordered = rank
        ? query.select(rank.as('rank')).orderBy(rank)
        : query.select(sql<number>`0`.as('rank'));
      const rows = await ordered
        .orderBy('search_text')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
    },
  };
}
export type HamletsRepository = ReturnType<typeof createHamletsRepository>;
