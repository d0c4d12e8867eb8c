import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { uuidv7 } from '../../../shared/ids';
import { foldText } from '../../../shared/text/fold';
import type {
  Agency,
  AgencyBodySchema,
  RoutingRuleBodySchema,
  RoutingRuleSchema,
} from '../../../shared/contracts/case-handling';
import type { AgencyPatchBody } from '../../../shared/contracts/case-admin';
import { DEFAULT_CATEGORIES, PROPOSAL_THEMES } from '../../../shared/rules/case-categories';
import type { AgenciesTable, DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorUserId, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { notFound, validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import { resolveUnitPlacement } from '../geography/index';
import type { AgenciesRepository, AgencyRow, RoutingRuleRow } from './agencies.repository';
import { assertConfigureAt, caseStaffProvinces, configureActions } from './agencies.policy';

type AgencyBody = z.output<typeof AgencyBodySchema>;
type RoutingRuleBody = z.output<typeof RoutingRuleBodySchema>;
type RoutingRule = z.infer<typeof RoutingRuleSchema>;

const agencyNotFound = () => notFound('Unknown agency.', 'Không tìm thấy cơ quan xử lý.');

function searchTextOf(row: Pick<AgenciesTable, 'name' | 'name_en'>): string {
  return foldText([row.name, row.name_en ?? ''].join(' ').trim());
}

function toRule(r: RoutingRuleRow): RoutingRule {
  return {
    id: r.id,
    categoryCode: r.category_code,
    communeCode: r.commune_code,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    updatedAt: r.updated_at,
  };
}

/** Agencies (cơ quan xử lý) placed in the unit tree, and the routing rules category × unit → agency. */
export function createAgenciesService(deps: {
  db: Kysely<DB>;
  repo: AgenciesRepository;
  clock: Clock;
  provinceCode: string;
}) {
  const { db, repo, provinceCode } = deps;

  async function present(actor: Actor, rows: AgencyRow[]): Promise<Agency[]> {
    const [names, handlers] = await Promise.all([
      repo.communeNames(rows.map((r) => r.commune_code)),
      repo.handlerCounts(rows.map((r) => r.id)),
    ]);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      nameEn: r.name_en,
      kind: r.kind,
      provinceCode: r.province_code,
      communeCode: r.commune_code,
      communeName: r.commune_code ? (names.get(r.commune_code) ?? null) : null,
      email: r.email,
      phone: r.phone,
      active: r.active === 1,
      handlers: handlers.get(r.id) ?? 0,
      actions: configureActions(actor, r.province_code, r.commune_code),
    }));
  }

  /** A province (2 digits) or a current commune (5 digits); anything else is a 400 on `field`. */
  async function placeOf(
    unitCode: string,
    field: string,
  ): Promise<{ provinceCode: string; communeCode: string | null }> {
    const unit = await resolveUnitPlacement(db, unitCode);
    if (!unit || unit.level === 'hamlet') {
      throw validation([
        {
          path: field,
          message: 'Unknown province or commune code.',
          messageVi: 'Không tìm thấy tỉnh hoặc xã, phường.',
        },
      ]);
    }
    return { provinceCode: unit.provinceCode, communeCode: unit.communeCode };
  }

  async function list(actor: Actor, query: { unit?: string; q?: string }): Promise<{ items: Agency[] }> {
    const provinces = caseStaffProvinces(actor);
    const q = query.q ? foldText(query.q).trim() : undefined;
    const rows = await repo.listAgencies({
      provinceCodes: query.unit?.length === 2 ? provinces.filter((p) => p === query.unit) : provinces,
      provinceLevelOnly: query.unit?.length === 2,
      communeCode: query.unit?.length === 5 ? query.unit : null,
      q: q || undefined,
    });
    return { items: await present(actor, rows) };
  }

  async function read(actor: Actor, id: string): Promise<Agency> {
    const provinces = caseStaffProvinces(actor);
    const row = await repo.getAgency(id);
    if (!row || !provinces.includes(row.province_code)) throw agencyNotFound();
    return (await present(actor, [row]))[0]!;
  }

  async function create(actor: Actor, body: AgencyBody, ctx: AuditContext): Promise<Agency> {
    const place = await placeOf(body.unitCode, 'body.unitCode');
    assertConfigureAt(actor, place.provinceCode, place.communeCode);
    const row: AgenciesTable = {
      id: uuidv7(new Date(ctx.at).getTime()),
      province_code: place.provinceCode,
      commune_code: place.communeCode,
      name: body.name,
      name_en: body.nameEn ?? null,
      kind: body.kind,
      email: body.email ?? null,
      phone: body.phone ?? null,
      active: body.active ? 1 : 0,
      search_text: searchTextOf({ name: body.name, name_en: body.nameEn ?? null }),
      created_at: ctx.at,
      updated_at: ctx.at,
    };
    await db.transaction().execute(async (trx) => {
      await repo.insertAgency(row, trx);
      await recordAudit(trx, ctx, {
        action: 'agency.created',
        entityType: 'agency',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        after: row,
      });
      await recordEvent(
        trx,
        {
          type: 'agency.created',
          entityType: 'agency',
          entityId: row.id,
          payload: { provinceCode: row.province_code },
        },
        ctx.at,
      );
    });
    return (await present(actor, [row]))[0]!;
  }

  async function update(actor: Actor, id: string, body: AgencyPatchBody, ctx: AuditContext): Promise<Agency> {
    const provinces = caseStaffProvinces(actor);
    const before = await repo.getAgency(id);
    if (!before || !provinces.includes(before.province_code)) throw agencyNotFound();
    assertConfigureAt(actor, before.province_code, before.commune_code);
    const place = body.unitCode !== undefined ? await placeOf(body.unitCode, 'body.unitCode') : null;
    if (place) assertConfigureAt(actor, place.provinceCode, place.communeCode);
    const after: AgencyRow = {
      ...before,
      ...(place ? { province_code: place.provinceCode, commune_code: place.communeCode } : {}),
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.nameEn !== undefined ? { name_en: body.nameEn } : {}),
      ...(body.kind !== undefined ? { kind: body.kind } : {}),
      ...(body.email !== undefined ? { email: body.email } : {}),
      ...(body.phone !== undefined ? { phone: body.phone } : {}),
      ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
      updated_at: ctx.at,
    };
    after.search_text = searchTextOf(after);
    const { id: _id, created_at: _created, ...patch } = after;
    await db.transaction().execute(async (trx) => {
      await repo.updateAgency(id, patch, trx);
      await recordAudit(trx, ctx, {
        action: 'agency.updated',
        entityType: 'agency',
        entityId: id,
        provinceCode: after.province_code,
        communeCode: after.commune_code,
        before,
        after,
      });
      await recordEvent(
        trx,
        {
          type: 'agency.updated',
          entityType: 'agency',
          entityId: id,
          payload: { active: after.active === 1 },
        },
        ctx.at,
      );
    });
    return (await present(actor, [after]))[0]!;
  }

  async function listRules(
    actor: Actor,
    query: { commune?: string; category?: string },
  ): Promise<{ items: RoutingRule[] }> {
    if (!caseStaffProvinces(actor).includes(provinceCode)) return { items: [] };
    const rows = await repo.listRules(provinceCode, {
      communeCode: query.commune,
      categoryCode: query.category,
    });
    // The province default before the communes' rules on both databases (they order NULL differently).
    const key = (r: RoutingRuleRow) => `${r.category_code}\u0000${r.commune_code ?? ''}`;
    return { items: rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map(toRule) };
  }

  /** Category codes a rule may name: the province's categories, or the defaults before they are seeded. */
  async function assertKnownCategory(code: string): Promise<void> {
    const rows = await repo.listCategories(provinceCode);
    const known =
      rows.length > 0
        ? rows.map((r) => r.code)
        : [...DEFAULT_CATEGORIES, ...PROPOSAL_THEMES].map((c) => c.code);
    if (!known.includes(code)) {
      throw validation([
        { path: 'body.categoryCode', message: 'Unknown category.', messageVi: 'Không có lĩnh vực này.' },
      ]);
    }
  }

  /**
   * Sets (or, with agencyId null, removes) the rule for one category × commune (null: the province default).
   * A province default needs a province-level grant; a commune's rule a grant covering it. The agency must be
   * active, of the province, and either province-level or the commune's own (a commune never routes to another's).
   */
  async function putRule(
    actor: Actor,
    body: RoutingRuleBody,
    ctx: AuditContext,
  ): Promise<{ items: RoutingRule[] }> {
    assertConfigureAt(actor, provinceCode, body.communeCode);
    await assertKnownCategory(body.categoryCode);
    if (body.communeCode !== null) {
      const unit = await resolveUnitPlacement(db, body.communeCode);
      if (!unit || unit.provinceCode !== provinceCode) {
        throw validation([
          {
            path: 'body.communeCode',
            message: 'Not a commune of this province.',
            messageVi: 'Xã, phường không thuộc tỉnh.',
          },
        ]);
      }
    }
    if (body.agencyId !== null) {
      const agency = await repo.getAgency(body.agencyId);
      const fits =
        agency !== undefined &&
        agency.active === 1 &&
        agency.province_code === provinceCode &&
        (agency.commune_code === null || agency.commune_code === body.communeCode);
      if (!fits) {
        throw validation([
          {
            path: 'body.agencyId',
            message:
              'The agency must be active and serve this unit (a province agency, or the commune’s own).',
            messageVi:
              'Cơ quan phải đang hoạt động và phụ trách đơn vị này (cơ quan cấp tỉnh hoặc của chính xã, phường).',
          },
        ]);
      }
    }
    await db.transaction().execute(async (trx) => {
      const before = await repo.findRule(provinceCode, body.categoryCode, body.communeCode, trx);
      const common = { updated_by: actorUserId(actor), updated_at: ctx.at };
      let entityId = before?.id ?? null;
      if (body.agencyId === null) {
        if (before) await repo.deleteRule(before.id, trx);
      } else if (before) {
        await repo.updateRule(before.id, { agency_id: body.agencyId, ...common }, trx);
      } else {
        entityId = uuidv7(new Date(ctx.at).getTime());
        await repo.insertRule(
          {
            id: entityId,
            province_code: provinceCode,
            category_code: body.categoryCode,
            commune_code: body.communeCode,
            agency_id: body.agencyId,
            ...common,
          },
          trx,
        );
      }
      if (entityId === null) return; // removing a rule that does not exist changes nothing
      await recordAudit(trx, ctx, {
        action: 'case_routing.updated',
        entityType: 'case_routing_rule',
        entityId,
        provinceCode,
        communeCode: body.communeCode,
        before: before ?? null,
        after: body,
      });
    });
    return listRules(actor, {});
  }

  /**
   * The agency a new case in this category and commune goes to: the commune's own rule first, then the province
   * default, else null (the receiving unit chooses). Rules naming an inactive agency are skipped.
   */
  async function suggest(
    province: string,
    categoryCode: string,
    communeCode: string | null,
  ): Promise<string | null> {
    const rows = await repo.rulesFor(province, categoryCode, communeCode);
    const own = communeCode === null ? undefined : rows.find((r) => r.commune_code === communeCode);
    return (own ?? rows.find((r) => r.commune_code === null))?.agency_id ?? null;
  }

  return {
    get: (id: string) => repo.getAgency(id),
    listByIds: (ids: readonly string[]) => repo.listAgenciesByIds(ids),
    list,
    read,
    create,
    update,
    listRules,
    putRule,
    suggest,
  };
}
export type AgenciesService = ReturnType<typeof createAgenciesService>;
