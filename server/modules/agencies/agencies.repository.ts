import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type {
  AgenciesTable,
  CaseCategoriesTable,
  CaseReplyTemplatesTable,
  CaseRoutingRulesTable,
  CaseSettingsTable,
  DB,
} from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;
export type AgencyRow = Selectable<AgenciesTable>;
export type RoutingRuleRow = Selectable<CaseRoutingRulesTable> & { agency_name: string };
export type TemplateRow = Selectable<CaseReplyTemplatesTable>;
export type SettingsRow = Selectable<CaseSettingsTable>;
export type CategoryRow = Selectable<CaseCategoriesTable>;

/** Escapes LIKE wildcards in folded search words (a "%" typed in the box is a character, not a pattern). */
const likeWords = (folded: string) => `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Agencies, routing rules, reply templates, a province's case settings and its categories: small tables read by
 * province (a few hundred rows at most), so the lists read whole and the services filter by the caller's scope.
 */
export function createAgenciesRepository(db: Kysely<DB>) {
  const on = (trx?: Db) => trx ?? db;

  return {
    async getAgency(id: string, trx?: Db): Promise<AgencyRow | undefined> {
      return on(trx).selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async listAgenciesByIds(ids: readonly string[]): Promise<AgencyRow[]> {
      if (ids.length === 0) return [];
      return db
        .selectFrom('agencies')
        .selectAll()
        .where('id', 'in', [...new Set(ids)])
        .execute();
    },

    /** A province's agencies; `unit` narrows to the province level ('province') or one commune's; `q` is folded. */
    async listAgencies(filter: {
      provinceCodes: readonly string[];
      communeCode?: string | null;
      provinceLevelOnly?: boolean;
      q?: string;
    }): Promise<AgencyRow[]> {
      if (filter.provinceCodes.length === 0) return [];
      let query = db
        .selectFrom('agencies')
        .selectAll()
        .where('province_code', 'in', [...filter.provinceCodes]);
      if (filter.provinceLevelOnly) query = query.where('commune_code', 'is', null);
      else if (filter.communeCode) query = query.where('commune_code', '=', filter.communeCode);
      if (filter.q) query = query.where('search_text', 'like', likeWords(filter.q));
      return query.orderBy('commune_code').orderBy('name').orderBy('id').limit(1000).execute();
    },

    async insertAgency(row: Insertable<AgenciesTable>, trx: Db): Promise<void> {
      await trx.insertInto('agencies').values(row).execute();
    },

    async updateAgency(id: string, patch: Partial<AgenciesTable>, trx: Db): Promise<void> {
      await trx.updateTable('agencies').set(patch).where('id', '=', id).execute();
    },

    /** People holding an agency_handler grant for each agency. */
    async handlerCounts(agencyIds: readonly string[]): Promise<Map<string, number>> {
      if (agencyIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('grants')
        .select(['agency_id', (eb) => eb.fn.count<string>('user_id').distinct().as('n')])
        .where('role', '=', 'agency_handler')
        .where('agency_id', 'in', [...new Set(agencyIds)])
        .groupBy('agency_id')
        .execute();
      return new Map(rows.map((r) => [r.agency_id!, Number(r.n)]));
    },

    async communeNames(codes: readonly (string | null)[]): Promise<Map<string, string>> {
      const wanted = [...new Set(codes.filter((c): c is string => c !== null))];
      if (wanted.length === 0) return new Map();
      const rows = await db
        .selectFrom('units')
        .select(['code', 'full_name'])
        .where('level', '=', 'commune')
        .where('code', 'in', wanted)
        .where('valid_to', 'is', null)
        .execute();
      return new Map(rows.map((r) => [r.code, r.full_name]));
    },

    async listRules(
      provinceCode: string,
      filter: { communeCode?: string; categoryCode?: string } = {},
    ): Promise<RoutingRuleRow[]> {
      let query = db
        .selectFrom('case_routing_rules as r')
        .innerJoin('agencies as a', 'a.id', 'r.agency_id')
        .selectAll('r')
        .select('a.name as agency_name')
        .where('r.province_code', '=', provinceCode);
      if (filter.communeCode) {
        const commune = filter.communeCode;
        query = query.where((eb) =>
          eb.or([eb('r.commune_code', '=', commune), eb('r.commune_code', 'is', null)]),
        );
      }
      if (filter.categoryCode) query = query.where('r.category_code', '=', filter.categoryCode);
      return query.orderBy('r.category_code').orderBy('r.commune_code').execute();
    },

    async findRule(provinceCode: string, categoryCode: string, communeCode: string | null, trx?: Db) {
      return on(trx)
        .selectFrom('case_routing_rules')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .where('category_code', '=', categoryCode)
        .where((eb) =>
          communeCode === null ? eb('commune_code', 'is', null) : eb('commune_code', '=', communeCode),
        )
        .executeTakeFirst();
    },

    /** The commune's own rule and the province default for a category (≤ 2 rows), with active agencies only. */
    async rulesFor(provinceCode: string, categoryCode: string, communeCode: string | null) {
      return db
        .selectFrom('case_routing_rules as r')
        .innerJoin('agencies as a', 'a.id', 'r.agency_id')
        .select(['r.commune_code', 'r.agency_id'])
        .where('r.province_code', '=', provinceCode)
        .where('r.category_code', '=', categoryCode)
        .where('a.active', '=', 1)
        .where((eb) =>
          communeCode === null
            ? eb('r.commune_code', 'is', null)
            : eb.or([eb('r.commune_code', '=', communeCode), eb('r.commune_code', 'is', null)]),
        )
        .execute();
    },

    async insertRule(row: Insertable<CaseRoutingRulesTable>, trx: Db): Promise<void> {
      await trx.insertInto('case_routing_rules').values(row).execute();
    },
    async updateRule(id: string, patch: Partial<CaseRoutingRulesTable>, trx: Db): Promise<void> {
      await trx.updateTable('case_routing_rules').set(patch).where('id', '=', id).execute();
    },
    async deleteRule(id: string, trx: Db): Promise<void> {
      await trx.deleteFrom('case_routing_rules').where('id', '=', id).execute();
    },

    async listTemplates(
      provinceCode: string,
      filter: { purpose?: string; all?: boolean } = {},
      trx?: Db,
    ): Promise<TemplateRow[]> {
      let query = on(trx)
        .selectFrom('case_reply_templates')
        .selectAll()
        .where('province_code', '=', provinceCode);
      if (filter.purpose) query = query.where('purpose', '=', filter.purpose as TemplateRow['purpose']);
      if (!filter.all) query = query.where('active', '=', 1);
      return query.orderBy('purpose').orderBy('title').orderBy('id').execute();
    },
    async getTemplate(id: string, trx?: Db): Promise<TemplateRow | undefined> {
      return on(trx).selectFrom('case_reply_templates').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async insertTemplates(rows: Insertable<CaseReplyTemplatesTable>[], trx: Db): Promise<void> {
      if (rows.length > 0) await trx.insertInto('case_reply_templates').values(rows).execute();
    },
    async updateTemplate(id: string, patch: Partial<CaseReplyTemplatesTable>, trx: Db): Promise<void> {
      await trx.updateTable('case_reply_templates').set(patch).where('id', '=', id).execute();
    },

    async findSettings(provinceCode: string, trx?: Db): Promise<SettingsRow | undefined> {
      return on(trx)
        .selectFrom('case_settings')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .executeTakeFirst();
    },
    /** Inserts the province's first settings row; false when another server (or an earlier call) already did. */
    async claimSettings(row: Insertable<CaseSettingsTable>, trx: Db): Promise<boolean> {
      const result = await trx
        .insertInto('case_settings')
        .values(row)
        .onConflict((oc) => oc.column('province_code').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async updateSettings(provinceCode: string, patch: Partial<CaseSettingsTable>, trx: Db): Promise<void> {
      await trx.updateTable('case_settings').set(patch).where('province_code', '=', provinceCode).execute();
    },

    async listCategories(provinceCode: string, trx?: Db): Promise<CategoryRow[]> {
      return on(trx)
        .selectFrom('case_categories')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .orderBy('sort_order')
        .orderBy('code')
        .execute();
    },
    /** False when the province already has a category with this code (the unique index decides, not a read). */
    async insertCategory(row: CaseCategoriesTable, trx: Db): Promise<boolean> {
      const result = await trx
        .insertInto('case_categories')
        .values(row)
        .onConflict((oc) => oc.columns(['province_code', 'code']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async updateCategory(id: string, patch: Partial<CaseCategoriesTable>, trx: Db): Promise<void> {
      await trx.updateTable('case_categories').set(patch).where('id', '=', id).execute();
    },
  };
}
export type AgenciesRepository = ReturnType<typeof createAgenciesRepository>;
