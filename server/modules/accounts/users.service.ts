import type { Kysely } from 'kysely';
import {
  maskPhone,
  type CreateGrantBody,
  type UpdateUserBody,
  type UserDetail,
  type UserGrant,
  type UserListItem,
  type UsersQuery,
} from '../../../shared/contracts/accounts';
import { encodeCursor, type Page } from '../../../shared/contracts/paging';
import { readIdCursor } from '../../platform/paging';
import { uuidv7 } from '../../../shared/ids';
import type { Action, Placement, Role } from '../../../shared/rules/permissions';
import { foldText } from '../../../shared/text/fold';
import type { DB, GrantsTable } from '../../db/schema';
import type { UserRow } from './users.repository';
import { recordAudit, type AuditContext } from '../../platform/audit';
import {
  actorGrants,
  actorUserId,
  assertCan,
  assertCanSomewhere,
  requireUser,
  type Actor,
} from '../../platform/auth/actor';
import { recordPersonalDataAccess } from '../../platform/access-log';
import type { RevealBody, RevealedPhone } from '../../../shared/contracts/privacy';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors';
import type { GrantsRepository } from './grants.repository';
import {
  assertMayGrantRole,
  assertRoleFitsLevel,
  isInSubtrees,
  mayManageUser,
  scopeOf,
} from './grants.policy';
import { checkGrantAgency } from './grant-agency';
import { requirePlacement } from './placements.service';
import type { Subtree } from './scope-filter';
import type { UsersRepository } from './users.repository';

const userNotFound = () =>
  notFound('No such user in your area.', 'Không tìm thấy người dùng trong phạm vi của bạn.');

function placementOf(g: Pick<GrantsTable, 'province_code' | 'commune_code' | 'hamlet_id'>): Placement {
  return { provinceCode: g.province_code, communeCode: g.commune_code, hamletId: g.hamlet_id };
}

function subtreeOf(p: {
  level: Subtree['level'];
  provinceCode: string;
  communeCode: string | null;
  hamletId: string | null;
}): Subtree {
  return { level: p.level, provinceCode: p.provinceCode, communeCode: p.communeCode, hamletId: p.hamletId };
}

export function createUsersService(deps: {
  db: Kysely<DB>;
  users: UsersRepository;
  grants: GrantsRepository;
}) {
  const { db, users, grants } = deps;

  async function unitNamesOf(rows: GrantsTable[]): Promise<Map<string, string>> {
    const units = await users.unitNames([
      ...new Set(rows.filter((r) => r.level !== 'hamlet').map((r) => r.unit_code)),
    ]);
    const hamlets = await users.hamletNames([
      ...new Set(rows.filter((r) => r.level === 'hamlet').map((r) => r.unit_code)),
    ]);
    return new Map([
      ...units.map((u) => [u.code, u.full_name] as const),
      ...hamlets.map((h) => [h.id, h.name] as const),
    ]);
  }

  function toGrantView(g: GrantsTable, names: Map<string, string>): UserGrant {
    return {
      id: g.id,
      role: g.role as Role,
      unitCode: g.unit_code,
      unitName: names.get(g.unit_code) ?? g.unit_code,
      ...(g.agency_id ? { agencyId: g.agency_id } : {}),
    };
  }

  /** Presents users with only the grants the caller can see, and what the caller may do with each. */
  async function present(actor: Actor, rows: Pick<UserRow, 'id' | 'name' | 'email' | 'phone' | 'status'>[]) {
    const scopes = scopeOf(actor, 'users.read');
    const all = await grants.ofUsers(rows.map((r) => r.id));
    const names = await unitNamesOf(all);
    return rows.map((row) => {
      const own = all.filter((g) => g.user_id === row.id);
      const manage = mayManageUser(actorGrants(actor), own.map(placementOf));
      const actions: Action[] = manage ? ['users.read', 'users.manage'] : ['users.read'];
      const item: UserListItem = {
        id: row.id,
        name: row.name,
        email: row.email,
        phoneMasked: maskPhone(row.phone),
        status: row.status,
        grants: own.filter((g) => isInSubtrees(placementOf(g), scopes)).map((g) => toGrantView(g, names)),
        actions,
      };
      return { item, manage, own };
    });
  }

  /**
   * Users holding a grant inside the caller's users.read scope (API keys need the "read" scope, checked by the route), in creation
   * order. `q` ignores diacritics on names (the folded search_text column) and matches e-mail addresses as typed.
   */
  async function list(actor: Actor, query: UsersQuery): Promise<Page<UserListItem>> {
    assertCanSomewhere(actor, 'users.read');
    const scopes = scopeOf(actor, 'users.read');
    const unit = query.unit ? subtreeOf(await requirePlacement(db, query.unit, 'query.unit')) : null;
    const search = query.q ? { folded: foldText(query.q), raw: query.q.trim().toLowerCase() } : null;
    const found = await users.listHoldingGrantsIn({
      scopes,
      unit,
      role: query.role ?? null,
      search,
      afterId: readIdCursor(query.cursor),
      limit: query.limit + 1,
    });
    const page = found.slice(0, query.limit);
    const nextCursor = found.length > query.limit ? encodeCursor([page[page.length - 1]!.id]) : null;
    return { items: (await present(actor, page)).map((p) => p.item), nextCursor };
  }

  /** The user when they hold a grant inside the caller's users.read scope; 404 otherwise (no existence leak). */
  async function loadVisible(actor: Actor, userId: string) {
    assertCanSomewhere(actor, 'users.read');
    const user = await users.findById(userId);
    if (!user || !(await grants.hasGrantIn(userId, scopeOf(actor, 'users.read')))) throw userNotFound();
    return user;
  }

  async function detailOf(actor: Actor, user: UserRow): Promise<UserDetail> {
    const [p] = await present(actor, [user]);
    return {
      ...p!.item,
      // Masked for everyone else, managers included: they reveal it with a reason (revealPhone, the access log).
      phone: actorUserId(actor) === user.id ? user.phone : null,
      locale: user.locale,
      lastLoginAt: user.last_login_at,
      createdAt: user.created_at,
    };
  }

  async function get(actor: Actor, userId: string): Promise<UserDetail> {
    return detailOf(actor, await loadVisible(actor, userId));
  }

  /** Refuses to leave a province without an active administrator. Call inside the writing transaction. */
  async function assertProvincesKeepAdmin(
    trx: Kysely<DB>,
    userId: string,
    provinceCodes: string[],
    excludeGrantId: string | null,
  ) {
    for (const provinceCode of provinceCodes) {
      const admins = await grants.lockProvinceAdminGrants(provinceCode, trx);
      const remaining = admins.filter((a) =>
        excludeGrantId ? a.id !== excludeGrantId : a.user_id !== userId,
      );
      if (remaining.length === 0) {
        throw conflict(
          `Province ${provinceCode} would be left without an administrator.`,
          `Tỉnh ${provinceCode} sẽ không còn quản trị viên nào.`,
        );
      }
    }
  }

  /** Name and status. Needs users.manage over every grant of the user; disabling ends all their sessions. */
  async function update(
    actor: Actor,
    userId: string,
    body: UpdateUserBody,
    ctx: AuditContext,
  ): Promise<UserDetail> {
    const user = await loadVisible(actor, userId);
    const own = await grants.ofUsers([userId]);
    if (!mayManageUser(actorGrants(actor), own.map(placementOf))) throw new AppError('FORBIDDEN');
    const disabling = body.status === 'disabled' && user.status !== 'disabled';
    if (disabling && actorUserId(actor) === userId) {
      throw conflict('You cannot disable your own account.', 'Bạn không thể tự khoá tài khoản của mình.');
    }
    const patch: Partial<UserRow> = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.status !== undefined ? { status: body.status } : {}),
    };
    await db.transaction().execute(async (trx) => {
      if (disabling) {
        const provinces = [
          ...new Set(own.filter((g) => g.role === 'province_admin').map((g) => g.province_code)),
        ];
        await assertProvincesKeepAdmin(trx, userId, provinces, null);
      }
      await users.update(userId, { ...patch, updated_at: ctx.at }, trx);
      const ended = disabling ? await users.deleteSessionsOfUser(userId, trx) : 0;
      await recordAudit(trx, ctx, {
        action: 'user.updated',
        entityType: 'user',
        entityId: userId,
        before: { name: user.name, status: user.status },
        after: { ...patch, ...(disabling ? { sessionsEnded: ended } : {}) },
      });
    });
    return get(actor, userId);
  }

  /** Adds a grant: users.manage where the unit sits and the delegation rule (grants.policy.ts); the unit must exist. */
  async function addGrant(
    actor: Actor,
    userId: string,
    body: CreateGrantBody,
    ctx: AuditContext,
  ): Promise<UserGrant> {
    await loadVisible(actor, userId);
    const placement = await requirePlacement(db, body.unitCode);
    assertRoleFitsLevel(body.role, placement.level);
    assertCan(actor, 'users.manage', placement);
    assertMayGrantRole(actor, body.role, placement);
    const agencyId = await checkGrantAgency(db, body, placement);
    if (await grants.findSame(userId, body.role, body.unitCode, db, agencyId)) {
      throw conflict(
        'The user already holds this role at this unit.',
        'Người dùng đã có vai trò này tại đơn vị này.',
      );
    }
    const row: GrantsTable = {
      id: uuidv7(),
      user_id: userId,
      role: body.role,
      unit_code: body.unitCode,
      level: placement.level,
      province_code: placement.provinceCode,
      commune_code: placement.communeCode,
      hamlet_id: placement.hamletId,
      created_by: actorUserId(actor),
      created_at: ctx.at,
      ...(agencyId ? { agency_id: agencyId } : {}),
    };
    await db.transaction().execute(async (trx) => {
      await grants.insert(row, trx);
      await recordAudit(trx, ctx, {
        action: 'grant.created',
        entityType: 'grant',
        entityId: row.id,
        provinceCode: placement.provinceCode,
        communeCode: placement.communeCode,
        after: { userId, role: body.role, unitCode: body.unitCode, ...(agencyId ? { agencyId } : {}) },
      });
    });
    return {
      id: row.id,
      role: body.role,
      unitCode: body.unitCode,
      unitName: placement.name,
      ...(agencyId ? { agencyId } : {}),
    };
  }

  /** Removes a grant the caller could have given; never the last active province administrator. */
  async function removeGrant(
    actor: Actor,
    userId: string,
    grantId: string,
    ctx: AuditContext,
  ): Promise<void> {
    await loadVisible(actor, userId);
    const grant = await grants.find(userId, grantId);
    if (!grant) throw notFound('No such grant.', 'Không tìm thấy quyền này.');
    const placement = placementOf(grant);
    assertCan(actor, 'users.manage', placement);
    // Removing is held to the rule for giving: a commune officer cannot strip a fellow commune officer.
    assertMayGrantRole(actor, grant.role as Role, { ...placement, level: grant.level });
    await db.transaction().execute(async (trx) => {
      if (grant.role === 'province_admin')
        await assertProvincesKeepAdmin(trx, userId, [grant.province_code], grant.id);
      await grants.delete(grant.id, trx);
      await recordAudit(trx, ctx, {
        action: 'grant.deleted',
        entityType: 'grant',
        entityId: grant.id,
        provinceCode: grant.province_code,
        communeCode: grant.commune_code,
        before: { userId, role: grant.role, unitCode: grant.unit_code },
      });
    });
  }

  /**
   * A user's full phone number for someone who manages them (users.manage over their grants), with a reason: written
   * to the personal-data access log, placed where the first of the user's grants the caller manages sits.
   */
  async function revealPhone(
    actor: Actor,
    userId: string,
    body: RevealBody,
    ctx: AuditContext,
  ): Promise<RevealedPhone> {
    const caller = requireUser(actor);
    const user = await loadVisible(actor, userId);
    const [p] = await present(actor, [user]);
    if (!p!.manage) throw forbidden();
    if (!user.phone)
      throw notFound('This account has no phone number.', 'Tài khoản này chưa có số điện thoại.');
    const place =
      p!.own.find((g) => isInSubtrees(placementOf(g), scopeOf(actor, 'users.manage'))) ?? p!.own[0]!;
    await recordPersonalDataAccess(db, {
      at: ctx.at,
      actor_user_id: caller.user.id,
      subject_type: 'user',
      subject_id: user.id,
      field: 'phone',
      reason: body.reason,
      province_code: place.province_code,
      commune_code: place.commune_code,
    });
    return { phone: `0${user.phone.slice(3)}` };
  }

  return { list, get, update, addGrant, removeGrant, revealPhone };
}
export type UsersService = ReturnType<typeof createUsersService>;
