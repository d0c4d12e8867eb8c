import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  CaseCategoriesTable,
  CaseFilesTable,
  CaseFollowersTable,
  CasesTable,
  CaseSettingsTable,
  CaseUpdatesTable,
  ContactHash,
  DB,
} from '../../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

export type CaseRow = CasesTable;
export type CaseFileRow = CaseFilesTable;

/**
 * The case engine's rows for intake and the citizen side (issue 10). Kysely only: no authorization, no business
 * branching. The public list, map and duplicate queries are in case-queries.repository.ts.
 */
export function createCasesRepository(db: Kysely<DB>) {
  return {
    // ---- categories and settings -------------------------------------------------------------------------------
    countCategories: async (provinceCode: string) =>
      Number(
        (
          await db
            .selectFrom('case_categories')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('province_code', '=', provinceCode)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    insertCategories: async (rows: CaseCategoriesTable[]) => {
      if (rows.length > 0)
        await db
          .insertInto('case_categories')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .execute();
    },
    /** Active categories of a province in their order. */
    listCategories: (provinceCode: string) =>
      db
        .selectFrom('case_categories')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .where('active', '=', 1)
        .orderBy('sort_order')
        .orderBy('code')
        .execute(),
    findCategory: (provinceCode: string, code: string) =>
      db
        .selectFrom('case_categories')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .where('code', '=', code)
        .executeTakeFirst(),
    findSettings: (provinceCode: string): Promise<CaseSettingsTable | undefined> =>
      db.selectFrom('case_settings').selectAll().where('province_code', '=', provinceCode).executeTakeFirst(),

    // ---- intake ------------------------------------------------------------------------------------------------
    findSubmission: (key: string, ex: Executor = db) =>
      ex.selectFrom('case_submissions').selectAll().where('key', '=', key).executeTakeFirst(),
    insertSubmission: async (row: DB['case_submissions'], ex: Executor) => {
      await ex.insertInto('case_submissions').values(row).execute();
    },
    /** A block still in force for any of the contact's hashes. */
    isBlocked: async (provinceCode: string, hashes: readonly ContactHash[], nowIso: string) => {
      if (hashes.length === 0) return false;
      const row = await db
        .selectFrom('case_blocked_senders')
        .select('id')
        .where('province_code', '=', provinceCode)
        .where('contact_hash', 'in', [...hashes])
        .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', nowIso)]))
        .executeTakeFirst();
      return row !== undefined;
    },
    /** Cases filed by any of these contact hashes since an instant (the per-contact daily limit). */
    countByContactSince: async (hashes: readonly ContactHash[], sinceIso: string) => {
      if (hashes.length === 0) return 0;
      const row = await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) =>
          eb.or([eb('reporter_phone_hash', 'in', [...hashes]), eb('reporter_email_hash', 'in', [...hashes])]),
        )
        .where('submitted_at', '>', sinceIso)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /**
     * The next number of a province's day (PAKN.yyyymmdd.nnnn): one upsert in the filing transaction, so two filings
     * never share a number and a rolled-back filing gives its number back.
     */
    nextSequence: async (provinceCode: string, day: string, ex: Executor) => {
      const row = await ex
        .insertInto('case_code_counters')
        .values({ province_code: provinceCode, day, last_seq: 1 })
        .onConflict((oc) =>
          oc
            .columns(['province_code', 'day'])
            .doUpdateSet({ last_seq: sql<number>`case_code_counters.last_seq + 1` }),
        )
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      return Number(row.last_seq);
    },
    insertCase: async (row: CaseRow, ex: Executor) => {
      await ex.insertInto('cases').values(row).execute();
    },
    insertUpdate: async (row: CaseUpdatesTable, ex: Executor) => {
      await ex.insertInto('case_updates').values(row).execute();
    },
    insertFiles: async (rows: CaseFileRow[], ex: Executor) => {
      if (rows.length > 0) await ex.insertInto('case_files').values(rows).execute();
    },

    // ---- reads -------------------------------------------------------------------------------------------------
    findById: (id: string, ex: Executor = db) =>
      ex.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst(),
    findByCode: (code: string) =>
      db.selectFrom('cases').selectAll().where('code', '=', code).executeTakeFirst(),
    findCodeOf: async (id: string) =>
      (await db.selectFrom('cases').select('code').where('id', '=', id).executeTakeFirst())?.code ?? null,
    /** The photos of cases (their own and their answers'), in order. */
    listFiles: async (caseIds: readonly string[]) =>
      caseIds.length === 0
        ? []
        : db
            .selectFrom('case_files')
            .selectAll()
            .where('case_id', 'in', [...caseIds])
            .orderBy('case_id')
            .orderBy('position')
            .execute(),
    findFile: (id: string) =>
      db
        .selectFrom('case_files')
        .innerJoin('cases', 'cases.id', 'case_files.case_id')
        .leftJoin('case_updates', 'case_updates.id', 'case_files.update_id')
        .selectAll('case_files')
        .select([
          'cases.province_code',
          'cases.commune_code',
          'cases.hamlet_id',
          'cases.published_at',
          'cases.hidden as case_hidden',
          // The case policy's subject (cases.policy.ts): who may see a photo that is not public.
          'cases.kind',
          'cases.state',
          'cases.agency_id',
          'cases.team_id',
          'case_updates.public as update_public',
          'case_updates.hidden as update_hidden',
        ])
        .where('case_files.id', '=', id)
        .executeTakeFirst(),
    /** Of these keys, those a case file still references (the orphan sweep). */
    referencedKeys: async (keys: string[]) => {
      if (keys.length === 0) return new Set<string>();
      const rows = await db
        .selectFrom('case_files')
        .select(['display_key', 'thumb_key'])
        .where((eb) => eb.or([eb('display_key', 'in', keys), eb('thumb_key', 'in', keys)]))
        .execute();
      return new Set(rows.flatMap((r) => [r.display_key, r.thumb_key]));
    },
    /** The public timeline: transitions, public updates, citizens' comments and ratings that are not hidden. */
    listPublicUpdates: async (caseId: string) => {
      const updates = await db
        .selectFrom('case_updates')
        .select(['id', 'kind', 'action', 'to_state', 'body', 'created_at', 'agency_id'])
        .where('case_id', '=', caseId)
        .where('public', '=', 1)
        .where('hidden', '=', 0)
        .where('kind', 'in', ['transition', 'public_update', 'citizen_comment', 'rating'])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const agencyIds = [...new Set(updates.map((u) => u.agency_id).filter((a): a is string => a !== null))];
      const names = new Map(
        agencyIds.length === 0
          ? []
          : (
              await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute()
            ).map((a) => [a.id, a.name]),
      );
      return updates.map(({ agency_id, ...u }) => ({
        ...u,
        agency_name: agency_id ? (names.get(agency_id) ?? null) : null,
      }));
    },
    agencyName: async (id: string | null) =>
      id === null
        ? null
        : ((await db.selectFrom('agencies').select('name').where('id', '=', id).executeTakeFirst())?.name ??
          null),
    communeName: async (code: string | null) =>
      code === null
        ? null
        : ((
            await db
              .selectFrom('units')
              .select('full_name')
              .where('level', '=', 'commune')
              .where('code', '=', code)
              .where('valid_to', 'is', null)
              .executeTakeFirst()
          )?.full_name ?? null),
    /** A current commune of the province (a report placed by commune when there is no GPS). */
    communeInProvince: async (provinceCode: string, communeCode: string) =>
      (await db
        .selectFrom('units')
        .select('code')
        .where('level', '=', 'commune')
        .where('code', '=', communeCode)
        .where('province_code', '=', provinceCode)
        .where('valid_to', 'is', null)
        .executeTakeFirst()) !== undefined,
    findActiveHamlet: (id: string) =>
      db
        .selectFrom('hamlets')
        .select(['id', 'commune_code', 'province_code'])
        .where('id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirst(),

    // ---- the citizen side --------------------------------------------------------------------------------------
    /** Applies `patch` only while the case is still in `fromState` (a second click, a handler acting meanwhile). */
    transition: async (id: string, fromState: CaseRow['state'], patch: Partial<CaseRow>, ex: Executor) => {
      const res = await ex
        .updateTable('cases')
        .set(patch)
        .where('id', '=', id)
        .where('state', '=', fromState)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },
    /** Rates once: the update applies only while no rating is stored. */
    rate: async (
      id: string,
      patch: Pick<CaseRow, 'rating' | 'rating_comment' | 'rated_at' | 'updated_at'>,
      ex: Executor,
    ) => {
      const res = await ex
        .updateTable('cases')
        .set(patch)
        .where('id', '=', id)
        .where('rating', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },
    /** "Me too" once per device hash; the count on the row moves only when the device is new. */
    addSupporter: async (caseId: string, supporterHash: string, at: string, ex: Executor) => {
      const inserted = await ex
        .insertInto('case_supporters')
        .values({ case_id: caseId, supporter_hash: supporterHash, created_at: at })
        .onConflict((oc) => oc.columns(['case_id', 'supporter_hash']).doNothing())
        .executeTakeFirst();
      const added = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
      if (added)
        await ex
          .updateTable('cases')
          .set({ supporters: sql<number>`supporters + 1` })
          .where('id', '=', caseId)
          .execute();
      return added;
    },
    supporters: async (caseId: string, ex: Executor = db) =>
      Number(
        (await ex.selectFrom('cases').select('supporters').where('id', '=', caseId).executeTakeFirst())
          ?.supporters ?? 0,
      ),
    findFollower: (caseId: string, hashes: readonly ContactHash[], ex: Executor = db) =>
      ex
        .selectFrom('case_followers')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('email_hash', 'in', [...hashes])
        .executeTakeFirst(),
    findFollowerById: (id: string, ex: Executor = db) =>
      ex.selectFrom('case_followers').selectAll().where('id', '=', id).executeTakeFirst(),
    insertFollower: async (row: CaseFollowersTable, ex: Executor) => {
      await ex.insertInto('case_followers').values(row).execute();
    },
    updateFollower: async (id: string, patch: Partial<CaseFollowersTable>, ex: Executor) => {
      await ex.updateTable('case_followers').set(patch).where('id', '=', id).execute();
    },
  };
}
export type CasesRepository = ReturnType<typeof createCasesRepository>;
