import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB, PersonalDataAccessTable } from '../../db/schema';
import { placedInSubtrees, type Subtree } from '../../platform/auth/scope-sql';

export interface AccessLogFilter {
  scopes: Subtree[];
  subjectType: PersonalDataAccessTable['subject_type'] | null;
  subjectId: string | null;
  actorUserId: string | null;
  /** Keyset cursor: rows strictly older than (at, id). */
  before: { at: string; id: string } | null;
  limit: number;
}

/** Reads of the personal-data access log (writes go through platform/access-log.ts). Kysely only. */
export function createAccessLogRepository(db: Kysely<DB>) {
  return {
    /** Newest first, inside the subtrees (rows are placed by province and commune), on its (province, at, id) index. */
    list(f: AccessLogFilter) {
      return db
        .selectFrom('personal_data_access')
        .innerJoin('users', 'users.id', 'personal_data_access.actor_user_id')
        .selectAll('personal_data_access')
        .select('users.name as actor_name')
        .where(placedInSubtrees('personal_data_access', f.scopes))
        .$if(f.subjectType !== null, (qb) => qb.where('personal_data_access.subject_type', '=', f.subjectType!))
        .$if(f.subjectId !== null, (qb) => qb.where('personal_data_access.subject_id', '=', f.subjectId!))
        .$if(f.actorUserId !== null, (qb) => qb.where('personal_data_access.actor_user_id', '=', f.actorUserId!))
        .$if(f.before !== null, (qb) =>
          qb.where(
            sql<SqlBool>`(personal_data_access.at < ${f.before!.at} or (personal_data_access.at = ${f.before!.at} and personal_data_access.id < ${f.before!.id}))`,
          ),
        )
        .orderBy('personal_data_access.at', 'desc')
        .orderBy('personal_data_access.id', 'desc')
        .limit(f.limit)
        .execute();
    },
  };
}
export type AccessLogRepository = ReturnType<typeof createAccessLogRepository>;
