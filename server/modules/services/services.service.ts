import type { Kysely, Transaction } from 'kysely';
import {
  SKILL_NAMES,
  type CreateServiceBody,
  type Service,
  type Skill,
  type UpdateServiceBody,
} from '../../../shared/contracts/services';
import { grantsFor, type Action } from '../../../shared/rules/permissions';
import type { DB, ServicesTable } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorGrants, assertCanSomewhere, type Actor } from '../../platform/auth/actor';
import { conflict, notFound } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import type { ServicesRepository } from './services.repository';

export type ServiceStatusOf = (code: string) => 'active' | 'retired' | undefined;

function toService(row: ServicesTable, actions: Action[]): Service {
  const skill = row.skill as Skill;
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    skill,
    skillName: SKILL_NAMES[skill]?.vi ?? row.skill,
    skillNameEn: SKILL_NAMES[skill]?.en ?? row.skill,
    description: row.description,
    status: row.status,
    sortOrder: row.sort_order,
    actions,
  };
}

export function createServicesService(deps: { db: Kysely<DB>; services: ServicesRepository }) {
  const { db, services } = deps;

  /** The catalogue (public). Province admins see `services.manage` on each item. */
  async function listServices(actor: Actor, status?: 'active' | 'retired'): Promise<{ items: Service[] }> {
    const actions: Action[] =
      grantsFor(actorGrants(actor), 'services.manage').length > 0 ? ['services.manage'] : [];
    const rows = await services.listAll();
    return { items: rows.filter((r) => !status || r.status === status).map((r) => toService(r, actions)) };
  }

  /** Adds a service (e.g. a new provincial app). Codes are permanent: a taken code is a conflict. */
  async function createService(actor: Actor, body: CreateServiceBody, ctx: AuditContext): Promise<Service> {
    assertCanSomewhere(actor, 'services.manage');
    if (await services.findByCode(body.code)) {
      throw conflict(
        'This service code already exists (codes are never reused).',
        'Mã dịch vụ đã tồn tại (mã không được dùng lại).',
      );
    }
    const all = await services.listAll();
    const row: ServicesTable = {
      code: body.code,
      name: body.name,
      name_en: body.nameEn,
      skill: body.skill,
      description: body.description ?? null,
      status: 'active',
      sort_order: body.sortOrder ?? Math.max(0, ...all.map((s) => s.sort_order)) + 10,
      created_at: ctx.at,
      updated_at: ctx.at,
    };
    await db.transaction().execute(async (trx) => {
      await services.insert(row, trx);
      await recordAudit(trx, ctx, {
        action: 'service.created',
        entityType: 'service',
        entityId: row.code,
        after: row,
      });
      await recordEvent(
        trx,
        { type: 'service.created', entityType: 'service', entityId: row.code, payload: {} },
        ctx.at,
      );
    });
    return toService(row, ['services.manage']);
  }

  /** Renames, regroups or retires a service. Retiring keeps the code readable and refuses it for new records. */
  async function updateService(
    actor: Actor,
    code: string,
    body: UpdateServiceBody,
    ctx: AuditContext,
  ): Promise<Service> {
    assertCanSomewhere(actor, 'services.manage');
    const before = await services.findByCode(code);
    if (!before) throw notFound('Unknown service code.', 'Không tìm thấy dịch vụ.');
    const patch: Partial<ServicesTable> = { updated_at: ctx.at };
    if (body.name !== undefined) patch.name = body.name;
    if (body.nameEn !== undefined) patch.name_en = body.nameEn;
    if (body.skill !== undefined) patch.skill = body.skill;
    if (body.description !== undefined) patch.description = body.description ?? null;
    if (body.sortOrder !== undefined) patch.sort_order = body.sortOrder;
    if (body.status !== undefined) patch.status = body.status;
    const after = { ...before, ...patch };
    const action =
      body.status && body.status !== before.status
        ? body.status === 'retired'
          ? 'service.retired'
          : 'service.reactivated'
        : 'service.updated';
    await db.transaction().execute(async (trx) => {
      await services.update(code, patch, trx);
      await recordAudit(trx, ctx, { action, entityType: 'service', entityId: code, before, after });
      await recordEvent(
        trx,
        { type: action, entityType: 'service', entityId: code, payload: { status: after.status } },
        ctx.at,
      );
    });
    return toService(after, ['services.manage']);
  }

  /**
   * code → status as the database holds it now, read with the caller's executor: the sync path reads it once per
   * group transaction (about twenty codes), so a code retired on any server is refused from the next group on.
   */
  async function statusOf(ex: Kysely<DB> | Transaction<DB> = db): Promise<ServiceStatusOf> {
    const map = new Map((await services.statuses(ex)).map((r) => [r.code, r.status]));
    return (c) => map.get(c);
  }

  return { listServices, createService, updateService, statusOf };
}
export type ServicesService = ReturnType<typeof createServicesService>;
