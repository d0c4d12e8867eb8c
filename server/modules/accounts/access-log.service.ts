import type { Page } from '../../../shared/contracts/paging';
import type { AccessLogEntry, AccessLogQuery } from '../../../shared/contracts/privacy';
import { assertCanSomewhere, type Actor } from '../../platform/auth/actor';
import { pageFromRows, readCursor } from '../../platform/paging';
import type { AccessLogRepository } from './access-log.repository';
import { scopeOf } from './grants.policy';

/**
 * The personal-data access log (written by platform/access-log.ts at each reveal), newest first, for province
 * administrators (privacy.accessLog) inside their province. Read-only: the log is never edited or pruned.
 */
export function createAccessLogService(deps: { repo: AccessLogRepository }) {
  const { repo } = deps;

  async function list(actor: Actor, query: AccessLogQuery): Promise<Page<AccessLogEntry>> {
    assertCanSomewhere(actor, 'privacy.accessLog');
    const before = readCursor(query.cursor, ['string', 'string'] as const);
    const rows = await repo.list({
      scopes: scopeOf(actor, 'privacy.accessLog'),
      subjectType: query.subjectType ?? null,
      subjectId: query.subjectId ?? null,
      actorUserId: query.actor ?? null,
      before: before ? { at: before[0], id: before[1] } : null,
      limit: query.limit + 1,
    });
    return pageFromRows(
      rows,
      query.limit,
      (last) => [last.at, last.id],
      (r) => ({
        id: r.id,
        at: r.at,
        actor: { id: r.actor_user_id, name: r.actor_name },
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        field: r.field,
        reason: r.reason,
        communeCode: r.commune_code,
      }),
    );
  }

  return { list };
}
export type AccessLogService = ReturnType<typeof createAccessLogService>;
