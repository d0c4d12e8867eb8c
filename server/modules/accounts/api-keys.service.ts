import type { Kysely } from 'kysely';
import type { ApiKey, ApiKeyCreated, CreateApiKeyBody } from '../../../shared/contracts/accounts';
import type { PageQuery, Page } from '../../../shared/contracts/paging';
import { encodeCursor } from '../../../shared/contracts/paging';
import { uuidv7 } from '../../../shared/ids';
import { actionsAt, canAt, levelOfUnitCode, type Placement } from '../../../shared/rules/permissions';
import type { ApiKeysTable, DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorGrants, actorUserId, assertCan, assertCanSomewhere, type Actor } from '../../platform/auth/actor';
import { createSecret, hashSecret } from '../../platform/auth/tokens';
import { AppError, notFound, validation } from '../../platform/errors';
import type { ApiKeysRepository } from './api-keys.repository';
import { scopeOf } from './grants.policy';
import { requirePlacement } from './placements.service';
import { readIdCursor } from '../../platform/paging';

/** Characters of the secret kept in clear, so an administrator can tell keys apart ("cds_AbCdEfGh"). */
const PREFIX_LENGTH = 12;

function placementOfKey(key: Pick<ApiKeysTable, 'unit_code' | 'province_code'>): Placement {
  return {
    provinceCode: key.province_code,
    communeCode: levelOfUnitCode(key.unit_code) === 'commune' ? key.unit_code : null,
    hamletId: null,
  };
}

function toView(actor: Actor, key: ApiKeysTable): ApiKey {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: JSON.parse(key.scopes_json) as ApiKey['scopes'],
    unitCode: key.unit_code,
    createdAt: key.created_at,
    lastUsedAt: key.last_used_at,
    revokedAt: key.revoked_at,
    actions: key.revoked_at ? [] : actionsAt(actorGrants(actor), placementOfKey(key), ['apiKeys.manage']),
  };
}

export function createApiKeysService(deps: { db: Kysely<DB>; apiKeys: ApiKeysRepository }) {
  const { db, apiKeys } = deps;

  /**
   * Issues a key acting for a province or commune inside the administrator's scope (default: their province).
   * The secret is returned once; only its SHA-256 is stored, which is what platform/auth/actor.ts looks up.
   */
  async function create(actor: Actor, body: CreateApiKeyBody, ctx: AuditContext): Promise<ApiKeyCreated> {
    const managing = assertCanSomewhere(actor, 'apiKeys.manage');
    const createdBy = actorUserId(actor);
    if (!createdBy) throw new AppError('FORBIDDEN');
    const unitCode = body.unitCode ?? managing.find((g) => g.level === 'province')?.provinceCode ?? managing[0]!.unitCode;
    const placement = await requirePlacement(db, unitCode);
    if (placement.level === 'hamlet') {
      throw validation([
        {
          path: 'unitCode',
          message: 'An API key acts for a province or a commune.',
          messageVi: 'Khoá API chỉ cấp cho tỉnh hoặc xã, phường.',
        },
      ]);
    }
    assertCan(actor, 'apiKeys.manage', placement);
    const secret = `cds_${createSecret(32)}`;
    const scopes = [...new Set(body.scopes)];
    const row: ApiKeysTable = {
      id: uuidv7(),
      name: body.name,
      prefix: secret.slice(0, PREFIX_LENGTH),
      secret_hash: hashSecret(secret),
      scopes_json: JSON.stringify(scopes),
      unit_code: unitCode,
      province_code: placement.provinceCode,
      created_by: createdBy,
      created_at: ctx.at,
      last_used_at: null,
      revoked_at: null,
    };
    await db.transaction().execute(async (trx) => {
      await apiKeys.insert(row, trx);
      await recordAudit(trx, ctx, {
        action: 'api_key.created',
        entityType: 'api_key',
        entityId: row.id,
        provinceCode: placement.provinceCode,
        communeCode: placement.communeCode,
        after: { name: row.name, prefix: row.prefix, scopes, unitCode },
      });
    });
    return { id: row.id, name: row.name, prefix: row.prefix, scopes, unitCode, createdAt: row.created_at, secret };
  }

  /** Keys inside the caller's apiKeys.manage scope, newest first, revoked ones included (never secrets). */
  async function list(actor: Actor, query: PageQuery): Promise<Page<ApiKey>> {
    assertCanSomewhere(actor, 'apiKeys.manage');
    const rows = await apiKeys.listIn({
      scopes: scopeOf(actor, 'apiKeys.manage'),
      beforeId: readIdCursor(query.cursor),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((k) => toView(actor, k)),
      nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1]!.id]) : null,
    };
  }

  /** Revokes at once: the next request with the key gets 401. Revoking twice is a no-op. */
  async function revoke(actor: Actor, keyId: string, ctx: AuditContext): Promise<void> {
    assertCanSomewhere(actor, 'apiKeys.manage');
    const key = await apiKeys.findById(keyId);
    const placement = key ? placementOfKey(key) : null;
    if (!key || !placement || !canAt(actorGrants(actor), 'apiKeys.manage', placement)) {
      throw notFound('No such API key in your area.', 'Không tìm thấy khoá API trong phạm vi của bạn.');
    }
    if (key.revoked_at) return;
    await db.transaction().execute(async (trx) => {
      await apiKeys.revoke(key.id, ctx.at, trx);
      await recordAudit(trx, ctx, {
        action: 'api_key.revoked',
        entityType: 'api_key',
        entityId: key.id,
        provinceCode: placement.provinceCode,
        communeCode: placement.communeCode ?? null,
        before: { name: key.name, prefix: key.prefix },
      });
    });
  }

  return { create, list, revoke };
}
export type ApiKeysService = ReturnType<typeof createApiKeysService>;
