import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { DB, UnitLineageTable, UnitsTable } from '../../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

export type OfficialLevel = UnitsTable['level'];

export interface UnitListFilter {
  level?: OfficialLevel | undefined;
  /** 2 digits: anything inside that province; 3 or 5 digits: direct children of that unit. */
  parent?: string | undefined;
  /** YYYY-MM-DD: units valid that day; absent: current units. */
  at?: string | undefined;
  /** Already folded with foldText. */
  folded?: string | undefined;
}

export interface UnitCursor {
  rank: number;
  code: string;
}

export interface LinkedUnitRow {
  code: string;
  level: OfficialLevel;
  full_name: string;
  valid_to: string | null;
  kind: 'full' | 'partial';
}

/**
 * Search rank of a unit for a folded query. search_text is "<folded full name>|<folded name>", so
 * "%|q" is an exact name and "%|q%" a name prefix: both come before matches elsewhere in the text.
 */
function buildRank(folded: string): RawBuilder<number> {
  return sql<number>`case when search_text like ${`%|${folded}`} then 0 when search_text like ${`%|${folded}%`} then 1 else 2 end`;
}

/** Official administrative units and their lineage. Kysely only: no authorization, no business branching. */
export function createUnitsRepository(db: Kysely<DB>) {
  return {
    async countUnits(ex: Executor = db): Promise<number> {
      const row = await ex
        .selectFrom('units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async insertUnits(rows: UnitsTable[], ex: Executor = db): Promise<void> {
      if (rows.length > 0) await ex.insertInto('units').values(rows).execute();
    },

    async insertLineage(rows: UnitLineageTable[], ex: Executor = db): Promise<void> {
      if (rows.length > 0) await ex.insertInto('unit_lineage').values(rows).execute();
    },

    /** One page of units ordered by (rank, code); rank is 0 without a query. Fetches limit + 1 to know if more follow. */
    async listUnits(filter: UnitListFilter, limit: number, after: UnitCursor | null) {
      const rank = filter.folded ? buildRank(filter.folded) : null;
      let query = db
        .selectFrom('units')
        .select([
          'code',
          'level',
          'name',
          'full_name',
          'type',
          'parent_code',
          'province_code',
          'valid_from',
          'valid_to',
        ]);
      query = query.where((eb) => {
        const conds: Expression<SqlBool>[] = [];
        if (filter.at) {
          const at = filter.at;
          conds.push(eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', at)]));
          conds.push(eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]));
        } else {
          conds.push(eb('valid_to', 'is', null));
        }
        if (filter.level) conds.push(eb('level', '=', filter.level));
        if (filter.parent !== undefined) {
          if (filter.parent.length === 2 && !filter.at && filter.level === 'commune') {
            // Current communes hang directly under their province: the (level, parent_code, code) index answers it.
            conds.push(eb('parent_code', '=', filter.parent));
          } else if (filter.parent.length === 2) {
            conds.push(eb('province_code', '=', filter.parent), eb('level', '!=', 'province'));
          } else {
            conds.push(eb('parent_code', '=', filter.parent));
          }
        }
        if (filter.folded) conds.push(eb('search_text', 'like', `%${filter.folded}%`));
        if (after) {
          conds.push(
            rank
              ? eb.or([
                  eb(rank, '>', after.rank),
                  eb.and([eb(rank, '=', after.rank), eb('code', '>', after.code)]),
                ])
              : eb('code', '>', after.code),
          );
        }
        return eb.and(conds);
      });
      if (rank) query = query.orderBy(rank);
      const rows = await query
        .select(rank ? rank.as('rank') : sql<number>`0`.as('rank'))
        .orderBy('code')
        .limit(limit + 1)
        .execute();
      return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
    },

    /** Every version of the unit with this code at this level, the current one first. */
    findVersions(code: string, level: OfficialLevel, ex: Executor = db) {
      return ex
        .selectFrom('units')
        .selectAll()
        .where('code', '=', code)
        .where('level', '=', level)
        .orderBy(sql`case when valid_to is null then 0 else 1 end`)
        .orderBy('valid_to', 'desc')
        .execute();
    },

    findCurrent(code: string, level: OfficialLevel, ex: Executor = db) {
      return ex
        .selectFrom('units')
        .selectAll()
        .where('code', '=', code)
        .where('level', '=', level)
        .where('valid_to', 'is', null)
        .executeTakeFirst();
    },

    /** Current communes among `codes`, for checks on many rows at once (imports). */
    async findCurrentCommunes(codes: readonly string[], ex: Executor = db) {
      const out: Pick<UnitsTable, 'code' | 'province_code' | 'full_name'>[] = [];
      for (let i = 0; i < codes.length; i += 500) {
        const chunk = codes.slice(i, i + 500);
        const rows = await ex
          .selectFrom('units')
          .select(['code', 'province_code', 'full_name'])
          .where('level', '=', 'commune')
          .where('valid_to', 'is', null)
          .where('code', 'in', chunk)
          .execute();
        out.push(...rows);
      }
      return out;
    },

    /** Units that `unitId` was formed from. */
    predecessorsOf(unitId: string, ex: Executor = db): Promise<LinkedUnitRow[]> {
      return ex
        .selectFrom('unit_lineage')
        .innerJoin('units', 'units.id', 'unit_lineage.old_unit_id')
        .select(['units.code', 'units.level', 'units.full_name', 'units.valid_to', 'unit_lineage.kind'])
        .where('unit_lineage.new_unit_id', '=', unitId)
        .orderBy('units.level')
        .orderBy('units.code')
        .execute();
    },

    /** Units that `unitId` went into. */
    successorsOf(unitId: string, ex: Executor = db): Promise<LinkedUnitRow[]> {
      return ex
        .selectFrom('unit_lineage')
        .innerJoin('units', 'units.id', 'unit_lineage.new_unit_id')
        .select(['units.code', 'units.level', 'units.full_name', 'units.valid_to', 'unit_lineage.kind'])
        .where('unit_lineage.old_unit_id', '=', unitId)
        .orderBy('units.code')
        .execute();
    },

    /** Where the communes of a pre-reform district went: one row per (old commune, new unit) link. */
    districtCommuneLinks(districtCode: string, validTo: string, ex: Executor = db) {
      return ex
        .selectFrom('units as c')
        .innerJoin('unit_lineage as l', 'l.old_unit_id', 'c.id')
        .innerJoin('units as n', 'n.id', 'l.new_unit_id')
        .select(['c.code as old_code', 'n.code', 'n.level', 'n.full_name', 'l.kind'])
        .where('c.level', '=', 'commune')
        .where('c.parent_code', '=', districtCode)
        .where('c.valid_to', '=', validTo)
        .orderBy('n.code')
        .execute();
    },

    async countCurrentCommunes(provinceCode: string, ex: Executor = db): Promise<number> {
      const row = await ex
        .selectFrom('units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('level', '=', 'commune')
        .where('province_code', '=', provinceCode)
        .where('valid_to', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
