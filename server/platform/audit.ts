import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '../../shared/ids';
import type { DB } from '../db/schema';
import type { Actor } from './auth/actor';

export interface AuditContext {
  actor: Actor;
  ip: string | null;
  requestId: string | null;
  at: string;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  provinceCode?: string | null;
  communeCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Fields never copied into the audit trail, even as "before/after": secrets and credentials. */
const SECRET_KEYS = new Set([
  'password',
  'password_hash',
  'passwordHash',
  'secret',
  'secret_hash',
  'token',
  'csrf_token',
]);

function scrub(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v: unknown) => (SECRET_KEYS.has(key) ? '[redacted]' : v));
}

function auditRow(ctx: AuditContext, entry: AuditEntry) {
  return {
    id: uuidv7(),
    at: ctx.at,
    actor_user_id: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
    actor_api_key_id: ctx.actor.kind === 'apiKey' ? ctx.actor.keyId : null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    province_code: entry.provinceCode ?? null,
    commune_code: entry.communeCode ?? null,
    before_json: scrub(entry.before),
    after_json: scrub(entry.after),
    ip: ctx.ip,
    request_id: ctx.requestId,
  };
}

/**
 * Writes one audit row in the caller's transaction, so the trail and the change commit or roll back together.
 * Every write path of every module calls this.
 */
export async function recordAudit(
  db: Kysely<DB> | Transaction<DB>,
  ctx: AuditContext,
  entry: AuditEntry,
): Promise<void> {
  await recordAudits(db, [{ ctx, entry }]);
}

/** Several audit rows, each with its own actor and request, in one statement (the sync path's group commit). */
export async function recordAudits(
  db: Kysely<DB> | Transaction<DB>,
  rows: readonly { ctx: AuditContext; entry: AuditEntry }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(rows.map((r) => auditRow(r.ctx, r.entry)))
    .execute();
}
