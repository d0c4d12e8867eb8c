import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import { grantInSubtree, rowInSubtree, type Subtree } from './scope-filter';

export interface AuditFilter {
  scopes: Subtree[];
  actorUserId: string | null;
  entityType: string | null;
  entityId: string | null;
  action: string | null;
  fromIso: string | null;
  toIso: string | null;
  /** Keyset cursor: rows strictly older than (at, id). */
  before: { at: string; id: string } | null;
  limit: number;
}

/** Reads of the audit trail (writes go through platform/audit.ts). Kysely only. */
export function createAuditLogRepository(db: Kysely<DB>) {
  return {
    /**
     * Newest first. A row is inside the subtrees when its own placement is; rows without a placement (sign-ins,
     * profile changes) are inside when their actor, or the user they are about, holds a grant there.
     */
    list(f: AuditFilter) {
      return db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
        // Places and objects by name, each a primary-key (or unique index) look-up per row of the page.
        .leftJoin('units as province', (j) =>
          j
            .onRef('province.code', '=', 'audit_log.province_code')
            .on('province.level', '=', 'province')
            .on('province.valid_to', 'is', null),
        )
        .leftJoin('units as commune', (j) =>
          j
            .onRef('commune.code', '=', 'audit_log.commune_code')
            .on('commune.level', '=', 'commune')
            .on('commune.valid_to', 'is', null),
        )
        .leftJoin('users as subject', (j) =>
          j.onRef('subject.id', '=', 'audit_log.entity_id').on('audit_log.entity_type', '=', 'user'),
        )
        .leftJoin('teams as team', (j) =>
          j.onRef('team.id', '=', 'audit_log.entity_id').on('audit_log.entity_type', '=', 'team'),
        )
        .leftJoin('team_members as member', (j) =>
          j.onRef('member.id', '=', 'audit_log.entity_id').on('audit_log.entity_type', '=', 'team_member'),
        )
        .leftJoin('hamlets as hamlet', (j) =>
          j.onRef('hamlet.id', '=', 'audit_log.entity_id').on('audit_log.entity_type', '=', 'hamlet'),
        )
        .leftJoin('services as service', (j) =>
          j.onRef('service.code', '=', 'audit_log.entity_id').on('audit_log.entity_type', '=', 'service'),
        )
        .select([
          'audit_log.id',
          'audit_log.at',
          'audit_log.actor_user_id',
          'audit_log.actor_api_key_id',
          'audit_log.action',
          'audit_log.entity_type',
          'audit_log.entity_id',
          'audit_log.before_json',
          'audit_log.after_json',
          'audit_log.ip',
          'users.name as actor_name',
          'province.full_name as province_name',
          'commune.full_name as commune_name',
          'subject.name as subject_name',
          'team.name as team_name',
          'member.name as member_name',
          'hamlet.name as hamlet_name',
          'service.name as service_name',
        ])
        .where((eb) => {
          const grantInScope = eb.or(f.scopes.map(grantInSubtree));
          const viaActor = eb.exists(
            eb.selectFrom('grants').select('grants.id').whereRef('grants.user_id', '=', 'audit_log.actor_user_id').where(grantInScope),
          );
          const viaSubject = eb.and([
            eb('audit_log.entity_type', '=', 'user'),
            eb.exists(
              eb.selectFrom('grants').select('grants.id').whereRef('grants.user_id', '=', 'audit_log.entity_id').where(grantInScope),
            ),
          ]);
          const viaKey = eb.exists(
            eb
              .selectFrom('api_keys')
              .select('api_keys.id')
              .whereRef('api_keys.id', '=', 'audit_log.actor_api_key_id')
              .where(eb.or(f.scopes.map((s) => rowInSubtree('api_keys', s)))),
          );
          return eb.or([
            ...f.scopes.map((s) => rowInSubtree('audit_log', s)),
            eb.and([eb('audit_log.province_code', 'is', null), eb.or([viaActor, viaSubject, viaKey])]),
          ]);
        })
        .$if(f.actorUserId !== null, (qb) => qb.where('audit_log.actor_user_id', '=', f.actorUserId!))
        .$if(f.entityType !== null, (qb) => qb.where('audit_log.entity_type', '=', f.entityType!))
        .$if(f.entityId !== null, (qb) => qb.where('audit_log.entity_id', '=', f.entityId!))
        .$if(f.action !== null, (qb) => qb.where('audit_log.action', '=', f.action!))
        .$if(f.fromIso !== null, (qb) => qb.where('audit_log.at', '>=', f.fromIso!))
        .$if(f.toIso !== null, (qb) => qb.where('audit_log.at', '<', f.toIso!))
        .$if(f.before !== null, (qb) =>
          qb.where(
            sql<SqlBool>`(audit_log.at < ${f.before!.at} or (audit_log.at = ${f.before!.at} and audit_log.id < ${f.before!.id}))`,
          ),
        )
        .orderBy('audit_log.at', 'desc')
        .orderBy('audit_log.id', 'desc')
        .limit(f.limit)
        .execute();
    },
  };
}
export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;
