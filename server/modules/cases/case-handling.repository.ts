import {
  sql,
  type Expression,
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
  type Transaction,
} from 'kysely';
import { OPEN_CASE_STATES } from '../../../shared/rules/case-workflow';
import type {
  CaseBlockedSendersTable,
  CaseExtensionsTable,
  CaseFilesTable,
  CasesTable,
  CaseUpdatesTable,
  DB,
} from '../../db/schema';
import { placedInSubtrees, type Subtree } from '../../platform/auth/scope-sql';
import { createCaseLookups } from './case-lookups.repository';

type Db = Kysely<DB> | Transaction<DB>;
export type CaseRow = Selectable<CasesTable>;
export type CaseUpdateRow = Selectable<CaseUpdatesTable> & {
  author_name: string | null;
  agency_name: string | null;
};
export type CaseFileRow = Selectable<CaseFilesTable>;
export type ExtensionRow = Selectable<CaseExtensionsTable> & {
  requested_by_name: string | null;
  decided_by_name: string | null;
};
export type { AgencyRow } from './case-lookups.repository';

/**
 * Where an inbox looks, in SQL: the cases placed in the caller's receiving subtrees (reports and petitions), the
 * proposals placed in their proposals.triage subtrees, the cases of their agencies, the proposals of the teams they
 * lead. An empty scope matches nothing.
 */
export interface InboxScope {
  caseSubtrees: Subtree[];
  proposalSubtrees: Subtree[];
  agencyIds: string[];
  teamIds: string[];
}

export interface InboxFilter {
  agencyId?: string;
  commune?: string;
  state?: string;
  kind?: string;
  severity?: string;
  category?: string;
  overdueAt?: string;
  q?: string;
}

export function scopeExpr(scope: InboxScope): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (scope.caseSubtrees.length > 0) {
    parts.push(sql<SqlBool>`(cases.kind <> 'proposal' and ${placedInSubtrees('cases', scope.caseSubtrees)})`);
  }
  if (scope.proposalSubtrees.length > 0) {
    parts.push(
      sql<SqlBool>`(cases.kind = 'proposal' and ${placedInSubtrees('cases', scope.proposalSubtrees)})`,
    );
  }
  if (scope.agencyIds.length > 0) {
    parts.push(sql<SqlBool>`cases.agency_id in (${sql.join(scope.agencyIds)})`);
  }
  if (scope.teamIds.length > 0) {
    parts.push(sql<SqlBool>`(cases.kind = 'proposal' and cases.team_id in (${sql.join(scope.teamIds)}))`);
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

const OPEN = OPEN_CASE_STATES as readonly string[];

/** Past its current step's deadline at `at`: acceptance while submitted, handling while with an agency. */
function overdueExpr(at: string): Expression<SqlBool> {
  return sql<SqlBool>`((cases.state = 'submitted' and cases.accept_due_at < ${at}) or (cases.state in ('accepted', 'assigned', 'in_progress') and cases.handle_due_at < ${at}))`;
}

/** Due by `until` but not yet past `now`. */
function dueBetweenExpr(now: string, until: string): Expression<SqlBool> {
  return sql<SqlBool>`((cases.state = 'submitted' and cases.accept_due_at >= ${now} and cases.accept_due_at <= ${until}) or (cases.state in ('accepted', 'assigned', 'in_progress') and cases.handle_due_at >= ${now} and cases.handle_due_at <= ${until}))`;
}

const likeWords = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createCaseHandlingRepository(db: Kysely<DB>) {
  const on = (trx?: Db) => trx ?? db;

  function inboxBase(scope: InboxScope, filter: InboxFilter) {
    let q = db.selectFrom('cases').where(scopeExpr(scope));
    if (filter.agencyId) q = q.where('cases.agency_id', '=', filter.agencyId);
    if (filter.commune) q = q.where('cases.commune_code', '=', filter.commune);
    return q;
  }

  return {
    ...createCaseLookups(db),

    findCase(id: string, trx?: Db): Promise<CaseRow | undefined> {
      return on(trx).selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findCaseByCode(code: string, trx?: Db): Promise<CaseRow | undefined> {
      return on(trx).selectFrom('cases').selectAll().where('code', '=', code).executeTakeFirst();
    },

    /** One inbox page, newest first, keyset paged on (submitted_at, id). */
    inboxPage(
      scope: InboxScope,
      filter: InboxFilter,
      page: { before: { at: string; id: string } | null; limit: number },
    ) {
      let q = inboxBase(scope, filter).selectAll('cases');
      if (filter.state === 'open') q = q.where('cases.state', 'in', [...OPEN] as CaseRow['state'][]);
      else if (filter.state) q = q.where('cases.state', '=', filter.state as CaseRow['state']);
      if (filter.kind) q = q.where('cases.kind', '=', filter.kind as CaseRow['kind']);
      if (filter.severity) q = q.where('cases.severity', '=', filter.severity as CaseRow['severity']);
      if (filter.category) q = q.where('cases.category_code', '=', filter.category);
      if (filter.overdueAt) q = q.where(overdueExpr(filter.overdueAt));
      if (filter.q) {
        const code = filter.q.trim().toUpperCase();
        q = q.where((eb) =>
          eb.or([eb('cases.code', '=', code), eb('cases.title', 'like', likeWords(filter.q!.trim()))]),
        );
      }
      if (page.before) {
        const { at, id } = page.before;
        q = q.where((eb) =>
          eb.or([
            eb('cases.submitted_at', '<', at),
            eb.and([eb('cases.submitted_at', '=', at), eb('cases.id', '<', id)]),
          ]),
        );
      }
      return q.orderBy('cases.submitted_at', 'desc').orderBy('cases.id', 'desc').limit(page.limit).execute();
    },

    /** The box's counts (its scope, agency and commune filters; not the state or search filters). */
    async inboxCounts(scope: InboxScope, filter: InboxFilter, now: string, dueSoonUntil: string) {
      const row = await inboxBase(scope, filter)
        .select([
          sql<number>`sum(case when cases.state in ('submitted', 'accepted', 'assigned', 'in_progress') then 1 else 0 end)`.as(
            'open',
          ),
          sql<number>`sum(case when cases.state = 'submitted' then 1 else 0 end)`.as('submitted'),
          sql<number>`sum(case when ${overdueExpr(now)} then 1 else 0 end)`.as('overdue'),
          sql<number>`sum(case when ${dueBetweenExpr(now, dueSoonUntil)} then 1 else 0 end)`.as('due_soon'),
        ])
        .executeTakeFirst();
      return {
        open: Number(row?.open ?? 0),
        submitted: Number(row?.submitted ?? 0),
        overdue: Number(row?.overdue ?? 0),
        dueSoon: Number(row?.due_soon ?? 0),
      };
    },

    photoCounts(caseIds: string[]) {
      if (caseIds.length === 0) return Promise.resolve([] as { case_id: string; n: number }[]);
      return db
        .selectFrom('case_files')
        .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('case_id', 'in', caseIds)
        .where('update_id', 'is', null)
        .groupBy('case_id')
        .execute();
    },

    updatesOf(caseId: string): Promise<CaseUpdateRow[]> {
      return db
        .selectFrom('case_updates')
        .leftJoin('users', 'users.id', 'case_updates.author_user_id')
        .leftJoin('agencies', 'agencies.id', 'case_updates.agency_id')
        .selectAll('case_updates')
        .select(['users.name as author_name', 'agencies.name as agency_name'])
        .where('case_updates.case_id', '=', caseId)
        .orderBy('case_updates.created_at')
        .orderBy('case_updates.id')
        .execute();
    },

    filesOf(caseId: string, trx?: Db): Promise<CaseFileRow[]> {
      return on(trx)
        .selectFrom('case_files')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('position')
        .orderBy('id')
        .execute();
    },

    extensionsOf(caseId: string, trx?: Db): Promise<ExtensionRow[]> {
      return on(trx)
        .selectFrom('case_extensions')
        .leftJoin('users as requester', 'requester.id', 'case_extensions.requested_by')
        .leftJoin('users as decider', 'decider.id', 'case_extensions.decided_by')
        .selectAll('case_extensions')
        .select(['requester.name as requested_by_name', 'decider.name as decided_by_name'])
        .where('case_extensions.case_id', '=', caseId)
        .orderBy('case_extensions.requested_at')
        .execute();
    },

    /** Moves a case on only if it is still in the state the caller read: a stale screen gets 0 rows (409). */
    async updateCaseInState(
      id: string,
      state: CaseRow['state'],
      patch: Partial<CasesTable>,
      trx: Db,
    ): Promise<boolean> {
      const r = await trx
        .updateTable('cases')
        .set(patch)
        .where('id', '=', id)
        .where('state', '=', state)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async updateCase(id: string, patch: Partial<CasesTable>, trx: Db): Promise<void> {
      await trx.updateTable('cases').set(patch).where('id', '=', id).execute();
    },

    async insertUpdate(row: Insertable<CaseUpdatesTable>, trx: Db): Promise<void> {
      await trx.insertInto('case_updates').values(row).execute();
    },

    async insertFiles(rows: Insertable<CaseFilesTable>[], trx: Db): Promise<void> {
      if (rows.length > 0) await trx.insertInto('case_files').values(rows).execute();
    },

    async setFilesHidden(caseId: string, ids: string[], hidden: boolean, trx: Db): Promise<void> {
      if (ids.length === 0) return;
      await trx
        .updateTable('case_files')
        .set({ hidden: hidden ? 1 : 0 })
        .where('case_id', '=', caseId)
        .where('id', 'in', ids)
        .execute();
    },

    async hideUpdates(caseId: string, ids: string[], trx: Db): Promise<void> {
      if (ids.length === 0) return;
      await trx
        .updateTable('case_updates')
        .set({ hidden: 1 })
        .where('case_id', '=', caseId)
        .where('id', 'in', ids)
        .execute();
    },

    async insertExtension(row: Insertable<CaseExtensionsTable>, trx: Db): Promise<void> {
      await trx.insertInto('case_extensions').values(row).execute();
    },

    findExtension(caseId: string, id: string, trx?: Db) {
      return on(trx)
        .selectFrom('case_extensions')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Decides a pending request; false when another supervisor decided it first. */
    async decideExtension(id: string, patch: Partial<CaseExtensionsTable>, trx: Db): Promise<boolean> {
      const r = await trx
        .updateTable('case_extensions')
        .set(patch)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async insertBlocked(rows: Insertable<CaseBlockedSendersTable>[], trx: Db): Promise<void> {
      if (rows.length > 0) await trx.insertInto('case_blocked_senders').values(rows).execute();
    },

    activeBlocks(provinceCode: string, hashes: string[], at: string) {
      if (hashes.length === 0) return Promise.resolve([] as { contact_hash: string }[]);
      return db
        .selectFrom('case_blocked_senders')
        .select('contact_hash')
        .where('province_code', '=', provinceCode)
        .where('contact_hash', 'in', hashes as CaseBlockedSendersTable['contact_hash'][])
        .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', at)]))
        .execute();
    },

    /** A merge carries the duplicate's "me too"s and followers over to the case that carries on. */
    async carryOverSupport(fromId: string, intoId: string, trx: Db): Promise<void> {
      await trx
        .insertInto('case_supporters')
        .columns(['case_id', 'supporter_hash', 'created_at'])
        .expression((eb) =>
          eb
            .selectFrom('case_supporters as s')
            .select([sql.lit(intoId).as('case_id'), 's.supporter_hash', 's.created_at'])
            .where('s.case_id', '=', fromId)
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('case_supporters as t')
                    .select('t.case_id')
                    .where('t.case_id', '=', intoId)
                    .whereRef('t.supporter_hash', '=', 's.supporter_hash'),
                ),
              ),
            ),
        )
        .execute();
      const count = await trx
        .selectFrom('case_supporters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', intoId)
        .executeTakeFirst();
      await trx
        .updateTable('cases')
        .set({ supporters: Number(count?.n ?? 0) })
        .where('id', '=', intoId)
        .execute();
      // Followers whose address already follows the other case keep that subscription; the rest move over.
      await trx
        .updateTable('case_followers')
        .set({ case_id: intoId })
        .where('case_id', '=', fromId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('case_followers as f2')
                .select('f2.id')
                .where('f2.case_id', '=', intoId)
                .whereRef('f2.email_hash', '=', 'case_followers.email_hash'),
            ),
          ),
        )
        .execute();
    },
  };
}
export type CaseHandlingRepository = ReturnType<typeof createCaseHandlingRepository>;
