import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AgenciesTable, DB } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;
export type AgencyRow = Selectable<AgenciesTable>;

/**
 * The names and references the handling side reads beside a case (agencies, communes, categories, routing rules,
 * the teams a user leads): kept apart from the case's own reads and writes, and spread into the handling repository.
 */
export function createCaseLookups(db: Kysely<DB>) {
  const on = (trx?: Db) => trx ?? db;
  return {
    agency(id: string, trx?: Db): Promise<AgencyRow | undefined> {
      return on(trx).selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
    },

    agencyNames(ids: (string | null)[]): Promise<{ id: string; name: string }[]> {
      const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
      if (wanted.length === 0) return Promise.resolve([]);
      return db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', wanted).execute();
    },

    communeNames(codes: (string | null)[]): Promise<{ code: string; name: string }[]> {
      const wanted = [...new Set(codes.filter((c): c is string => c !== null))];
      if (wanted.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('units')
        .select(['code', 'full_name as name'])
        .where('level', '=', 'commune')
        .where('code', 'in', wanted)
        .where('valid_to', 'is', null)
        .execute();
    },

    categoryNames(provinceCode: string) {
      return db
        .selectFrom('case_categories')
        .select(['code', 'name_vi', 'name_en'])
        .where('province_code', '=', provinceCode)
        .execute();
    },

    /** The routing rule for a category at a commune, else the province default (until the agencies module answers). */
    async routedAgency(
      provinceCode: string,
      categoryCode: string,
      communeCode: string | null,
    ): Promise<string | null> {
      const rows = await db
        .selectFrom('case_routing_rules')
        .select(['agency_id', 'commune_code'])
        .where('province_code', '=', provinceCode)
        .where('category_code', '=', categoryCode)
        .where((eb) =>
          communeCode
            ? eb.or([eb('commune_code', '=', communeCode), eb('commune_code', 'is', null)])
            : eb('commune_code', 'is', null),
        )
        .execute();
      return (rows.find((r) => r.commune_code !== null) ?? rows[0])?.agency_id ?? null;
    },

    /** The teams the user leads (leader or deputy, still active): their proposals' readers and raisers. */
    async teamsLedBy(userId: string, today: string): Promise<string[]> {
      const rows = await db
        .selectFrom('team_members')
        .select('team_id')
        .where('user_id', '=', userId)
        .where('role', 'in', ['leader', 'deputy'])
        .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>=', today)]))
        .execute();
      return [...new Set(rows.map((r) => r.team_id))];
    },

    team(id: string) {
      return db
        .selectFrom('teams')
        .select(['id', 'name', 'province_code', 'commune_code', 'hamlet_id', 'status'])
        .where('id', '=', id)
        .executeTakeFirst();
    },
  };
}
