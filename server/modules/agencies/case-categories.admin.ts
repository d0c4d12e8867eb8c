import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { uuidv7 } from '../../../shared/ids';
import type { AdminCategorySchema, CategoryCreateBody } from '../../../shared/contracts/case-admin';
import { validateCategoryList } from '../../../shared/rules/case-categories';
import type { CaseKind } from '../../../shared/rules/case-workflow';
import type { DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { conflict, notFound, validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import type { AgenciesRepository, CategoryRow } from './agencies.repository';
import { assertConfigureAt, configureActions } from './agencies.policy';

type AdminCategory = z.infer<typeof AdminCategorySchema>;

/**
 * The categories' admin view (issue 10): every category of the province, inactive ones and teams' proposal themes
 * included; edits of their words, order and active flag; new citizens' categories. Province-wide, like the rest of
 * the case settings: case staff read, only a grant on the whole province writes. Whatever changes, the active list
 * still passes validateCategoryList: "Khác" stays active, at most 20 for citizens.
 */
export function createCaseCategoriesAdmin(deps: {
  db: Kysely<DB>;
  repo: AgenciesRepository;
  provinceCode: string;
  /** The settings service's read check (case staff of the province). */
  assertReads: (actor: Actor) => void;
}) {
  const { db, repo, provinceCode, assertReads } = deps;

  const kindsOf = (r: CategoryRow) => JSON.parse(r.kinds_json) as CaseKind[];
  function toAdminCategory(actor: Actor, r: CategoryRow): AdminCategory {
    return {
      code: r.code,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      descriptionVi: r.description_vi,
      descriptionEn: r.description_en,
      group: r.group_code,
      kinds: kindsOf(r),
      defaultSeverity: r.default_severity,
      isOther: r.is_other === 1,
      sortOrder: r.sort_order,
      active: r.active === 1,
      updatedAt: r.updated_at,
      actions: configureActions(actor, provinceCode, null),
    };
  }

  async function listCategories(actor: Actor): Promise<{ items: AdminCategory[] }> {
    assertReads(actor);
    return { items: (await repo.listCategories(provinceCode)).map((r) => toAdminCategory(actor, r)) };
  }

  /**
   * Edits a category's words, order or active flag. The province's active list must still pass
   * validateCategoryList afterwards: "Khác" stays active, at most 20 for citizens.
   */
  async function patchCategory(
    actor: Actor,
    code: string,
    body: Partial<{
      nameVi: string;
      nameEn: string;
      descriptionVi: string;
      descriptionEn: string;
      sortOrder: number;
      active: boolean;
    }>,
    ctx: AuditContext,
  ): Promise<AdminCategory> {
    assertConfigureAt(actor, provinceCode, null);
    return db.transaction().execute(async (trx) => {
      const rows = await repo.listCategories(provinceCode, trx);
      const before = rows.find((r) => r.code === code);
      if (!before) throw notFound('Unknown category.', 'Không tìm thấy lĩnh vực.');
      const after: CategoryRow = {
        ...before,
        ...(body.nameVi !== undefined ? { name_vi: body.nameVi } : {}),
        ...(body.nameEn !== undefined ? { name_en: body.nameEn } : {}),
        ...(body.descriptionVi !== undefined ? { description_vi: body.descriptionVi } : {}),
        ...(body.descriptionEn !== undefined ? { description_en: body.descriptionEn } : {}),
        ...(body.sortOrder !== undefined ? { sort_order: body.sortOrder } : {}),
        ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
        updated_at: ctx.at,
      };
      const active = rows.map((r) => (r.code === code ? after : r)).filter((r) => r.active === 1);
      const problems = validateCategoryList(active.map((r) => ({ code: r.code, kinds: kindsOf(r) })));
      if (problems.length > 0) throw listProblems(problems, 'body.active');
      const { id, province_code: _p, code: _c, ...patch } = after;
      await repo.updateCategory(id, patch, trx);
      await recordEvent(
        trx,
        {
          type: 'case.categories_changed',
          entityType: 'case_category',
          entityId: code,
          payload: { provinceCode },
        },
        ctx.at,
      );
      await recordAudit(trx, ctx, {
        action: 'case_category.updated',
        entityType: 'case_category',
        entityId: code,
        provinceCode,
        before,
        after,
      });
      return toAdminCategory(actor, after);
    });
  }

  /** The words of a province-wide list problem (validateCategoryList), for the administrator. */
  function listProblems(problems: string[], path: string) {
    return validation(
      problems.map((p) => ({
        path,
        message: p,
        messageVi: p.includes('other')
          ? 'Luôn phải có lĩnh vực "Khác" cho người dân.'
          : p.startsWith('duplicate')
            ? 'Mã lĩnh vực đã có.'
            : 'Người dân chỉ chọn được tối đa 20 lĩnh vực đang dùng: hãy ngừng dùng một lĩnh vực khác trước.',
      })),
    );
  }

  /**
   * Adds a citizens' category (an Open311 service). Its code is fixed from then on; an active one must still fit
   * in the 20 citizens choose from. The unique index on (province, code) settles two administrators racing.
   */
  async function createCategory(
    actor: Actor,
    body: CategoryCreateBody,
    ctx: AuditContext,
  ): Promise<AdminCategory> {
    assertConfigureAt(actor, provinceCode, null);
    const taken = () =>
      conflict(`A category with the code ${body.code} exists.`, `Đã có lĩnh vực mang mã ${body.code}.`);
    return db.transaction().execute(async (trx) => {
      const rows = await repo.listCategories(provinceCode, trx);
      if (rows.some((r) => r.code === body.code)) throw taken();
      if (body.active) {
        const active = rows.filter((r) => r.active === 1).map((r) => ({ code: r.code, kinds: kindsOf(r) }));
        const problems = validateCategoryList([...active, { code: body.code, kinds: body.kinds }]);
        if (problems.length > 0) throw listProblems(problems, 'body.active');
      }
      const row: CategoryRow = {
        id: uuidv7(new Date(ctx.at).getTime()),
        province_code: provinceCode,
        code: body.code,
        name_vi: body.nameVi,
        name_en: body.nameEn,
        description_vi: body.descriptionVi,
        description_en: body.descriptionEn,
        group_code: body.group,
        keywords: body.keywords,
        kinds_json: JSON.stringify(body.kinds),
        default_severity: body.defaultSeverity,
        attributes_json: '[]',
        is_other: 0,
        sort_order: body.sortOrder,
        active: body.active ? 1 : 0,
        updated_at: ctx.at,
      };
      if (!(await repo.insertCategory(row, trx))) throw taken();
      await recordEvent(
        trx,
        {
          type: 'case.categories_changed',
          entityType: 'case_category',
          entityId: body.code,
          payload: { provinceCode },
        },
        ctx.at,
      );
      await recordAudit(trx, ctx, {
        action: 'case_category.created',
        entityType: 'case_category',
        entityId: body.code,
        provinceCode,
        after: row,
      });
      return toAdminCategory(actor, row);
    });
  }

  return { listCategories, patchCategory, createCategory };
}
