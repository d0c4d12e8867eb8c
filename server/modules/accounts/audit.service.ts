import type { AuditEntry, AuditQuery } from '../../../shared/contracts/accounts';
import type { Page } from '../../../shared/contracts/paging';
import { pageFromRows, readCursor } from '../../platform/paging';
import { assertCanSomewhere, type Actor } from '../../platform/auth/actor';
import { endOfLocalDayUtc, startOfLocalDayUtc } from '../../../shared/time/vietnam-time';

import type { AuditLogRepository } from './audit-log.repository';
import { scopeOf } from './grants.policy';

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

export function createAuditService(deps: { auditLog: AuditLogRepository }) {
  const { auditLog } = deps;

  /** The audit trail of the caller's province(s), newest first; audit.read holders only (API keys need "read", checked by the route). */
  async function listAudit(actor: Actor, query: AuditQuery): Promise<Page<AuditEntry>> {
    assertCanSomewhere(actor, 'audit.read');
    const parts = readCursor(query.cursor, ['string', 'string'] as const);
    const before = parts ? { at: parts[0], id: parts[1] } : null;
    const isDate = (v: string) => v.length === 10;
    const rows = await auditLog.list({
      scopes: scopeOf(actor, 'audit.read'),
      actorUserId: query.actor ?? null,
      entityType: query.entityType ?? null,
      entityId: query.entityId ?? null,
      action: query.action ?? null,
      fromIso: query.from ? (isDate(query.from) ? startOfLocalDayUtc(query.from) : new Date(query.from).toISOString()) : null,
      toIso: query.to ? (isDate(query.to) ? endOfLocalDayUtc(query.to) : new Date(query.to).toISOString()) : null,
      before,
      limit: query.limit + 1,
    });
    return pageFromRows(
      rows,
      query.limit,
      (last) => [last.at, last.id],
      (r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor_user_id ? { id: r.actor_user_id, name: r.actor_name ?? '' } : null,
        apiKeyId: r.actor_api_key_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        entityName: r.subject_name ?? r.team_name ?? r.member_name ?? r.hamlet_name ?? r.service_name ?? null,
        provinceName: r.province_name ?? null,
        communeName: r.commune_name ?? null,
        before: parseJson(r.before_json),
        after: parseJson(r.after_json),
        ip: r.ip,
      }),
    );
  }

  return { listAudit };
}
export type AuditService = ReturnType<typeof createAuditService>;
