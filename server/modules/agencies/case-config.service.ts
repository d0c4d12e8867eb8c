import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { uuidv7 } from '../../../shared/ids';
import { findPurpose } from '../../../shared/privacy/register';
import type {
  CaseSettings,
  CaseSettingsBody,
  ReplyTemplatePatchBodySchema,
} from '../../../shared/contracts/case-admin';
import type { ReplyTemplateBodySchema, ReplyTemplateSchema } from '../../../shared/contracts/case-handling';
import {
  DEFAULT_CASE_DEADLINES,
  validateDeadlinePolicy,
  type CaseDeadlinePolicy,
} from '../../../shared/rules/case-deadlines';
import type { DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorUserId, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { AppError, notFound, validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import type { AgenciesRepository, SettingsRow, TemplateRow } from './agencies.repository';
import { assertConfigureAt, caseStaffProvinces, configureActions } from './agencies.policy';
import { createCaseCategoriesAdmin } from './case-categories.admin';
import { DEFAULT_REPLY_TEMPLATES } from './reply-templates.defaults';

type Db = Kysely<DB> | Transaction<DB>;
type ReplyTemplate = z.infer<typeof ReplyTemplateSchema>;
type ReplyTemplateBody = z.output<typeof ReplyTemplateBodySchema>;
type ReplyTemplatePatch = z.output<typeof ReplyTemplatePatchBodySchema>;

/** The register's period for reports (12 months after closing) until the province sets its own. */
export const DEFAULT_RETENTION_MONTHS = findPurpose('reports').retention.amount;

const toTemplate = (r: TemplateRow): ReplyTemplate => ({
  id: r.id,
  purpose: r.purpose,
  title: r.title,
  body: r.body,
  active: r.active === 1,
});

/** A stored policy read back; a row written by an older version missing a key gets the default for it. */
function policyOf(row: SettingsRow | undefined): CaseDeadlinePolicy {
  if (!row) return { ...DEFAULT_CASE_DEADLINES };
  try {
    const stored = JSON.parse(row.deadlines_json) as Partial<CaseDeadlinePolicy>;
    const policy = { ...DEFAULT_CASE_DEADLINES, ...stored };
    return validateDeadlinePolicy(policy).length === 0 ? policy : { ...DEFAULT_CASE_DEADLINES };
  } catch {
    return { ...DEFAULT_CASE_DEADLINES };
  }
}

/**
 * A province's case settings (deadline policy, retention, moderation of anonymous reports), its reply templates
 * and the categories' admin view. Province-wide: only a grant on the whole province edits them; case staff read.
 */
export function createCaseConfigService(deps: {
  db: Kysely<DB>;
  repo: AgenciesRepository;
  clock: Clock;
  provinceCode: string;
}) {
  const { db, repo, clock, provinceCode } = deps;

  /**
   * The province's settings row and its default templates, written once: the insert of the row is the claim, so
   * two servers starting together never seed the templates twice. Idempotent; the demo seed calls it too.
   */
  async function ensure(province: string, trx?: Db): Promise<void> {
    const run = async (t: Db) => {
      const at = clock.now().toISOString();
      // A settings row written some other way (a hand edit, an older seed) without templates still gets them.
      const claimed = (await repo.findSettings(province, t))
        ? (await repo.listTemplates(province, { all: true }, t)).length === 0
        : await repo.claimSettings(
            {
              province_code: province,
              deadlines_json: JSON.stringify(DEFAULT_CASE_DEADLINES),
              retention_months: DEFAULT_RETENTION_MONTHS,
              moderate_anonymous: 0,
              updated_by: null,
              updated_at: at,
            },
            t,
          );
      if (!claimed) return;
      await repo.insertTemplates(
        DEFAULT_REPLY_TEMPLATES.map((tpl, i) => ({
          id: uuidv7(new Date(at).getTime() + i),
          province_code: province,
          ...tpl,
          active: 1,
          updated_by: null,
          updated_at: at,
        })),
        t,
      );
    };
    if (trx) await run(trx);
    else await db.transaction().execute(run);
  }

  function assertReads(actor: Actor): void {
    if (!caseStaffProvinces(actor).includes(provinceCode)) throw new AppError('FORBIDDEN');
  }

  function presentSettings(actor: Actor, row: SettingsRow | undefined): CaseSettings {
    return {
      provinceCode,
      deadlines: policyOf(row),
      retentionMonths: row?.retention_months ?? DEFAULT_RETENTION_MONTHS,
      moderateAnonymous: row?.moderate_anonymous === 1,
      updatedAt: row?.updated_at ?? null,
      actions: configureActions(actor, provinceCode, null),
    };
  }

  async function readSettings(actor: Actor): Promise<CaseSettings> {
    assertReads(actor);
    return presentSettings(actor, await repo.findSettings(provinceCode));
  }

  async function putSettings(actor: Actor, body: CaseSettingsBody, ctx: AuditContext): Promise<CaseSettings> {
    assertConfigureAt(actor, provinceCode, null);
    const problems = validateDeadlinePolicy(body.deadlines);
    if (problems.length > 0) {
      throw validation(
        problems.map((p) => ({
          path: 'body.deadlines',
          message: p,
          messageVi: 'Thời hạn xử lý không hợp lệ.',
        })),
      );
    }
    const after = await db.transaction().execute(async (trx) => {
      await ensure(provinceCode, trx);
      const before = await repo.findSettings(provinceCode, trx);
      const patch = {
        deadlines_json: JSON.stringify(body.deadlines),
        retention_months: body.retentionMonths,
        moderate_anonymous: body.moderateAnonymous ? 1 : 0,
        updated_by: actorUserId(actor),
        updated_at: ctx.at,
      };
      await repo.updateSettings(provinceCode, patch, trx);
      await recordAudit(trx, ctx, {
        action: 'case_settings.updated',
        entityType: 'case_settings',
        entityId: provinceCode,
        provinceCode,
        before: before ?? null,
        after: patch,
      });
      await recordEvent(
        trx,
        {
          type: 'case.settings_changed',
          entityType: 'case_settings',
          entityId: provinceCode,
          payload: { provinceCode },
        },
        ctx.at,
      );
      return { province_code: provinceCode, ...patch };
    });
    return presentSettings(actor, after);
  }

  async function listTemplates(
    actor: Actor,
    query: { purpose?: string; all?: 'true' | 'false' },
  ): Promise<{ items: ReplyTemplate[] }> {
    assertReads(actor);
    await ensure(provinceCode);
    const rows = await repo.listTemplates(provinceCode, {
      purpose: query.purpose,
      all: query.all === 'true',
    });
    return { items: rows.map(toTemplate) };
  }

  async function createTemplate(
    actor: Actor,
    body: ReplyTemplateBody,
    ctx: AuditContext,
  ): Promise<ReplyTemplate> {
    assertConfigureAt(actor, provinceCode, null);
    await ensure(provinceCode);
    const row: TemplateRow = {
      id: uuidv7(new Date(ctx.at).getTime()),
      province_code: provinceCode,
      purpose: body.purpose,
      title: body.title,
      body: body.body,
      active: body.active ? 1 : 0,
      updated_by: actorUserId(actor),
      updated_at: ctx.at,
    };
    await db.transaction().execute(async (trx) => {
      await repo.insertTemplates([row], trx);
      await recordAudit(trx, ctx, {
        action: 'case_template.created',
        entityType: 'case_reply_template',
        entityId: row.id,
        provinceCode,
        after: row,
      });
    });
    return toTemplate(row);
  }

  async function updateTemplate(
    actor: Actor,
    id: string,
    body: ReplyTemplatePatch,
    ctx: AuditContext,
  ): Promise<ReplyTemplate> {
    assertConfigureAt(actor, provinceCode, null);
    const before = await repo.getTemplate(id);
    if (!before || before.province_code !== provinceCode)
      throw notFound('Unknown template.', 'Không tìm thấy mẫu trả lời.');
    const after: TemplateRow = {
      ...before,
      ...(body.purpose !== undefined ? { purpose: body.purpose } : {}),
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.body !== undefined ? { body: body.body } : {}),
      ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
      updated_by: actorUserId(actor),
      updated_at: ctx.at,
    };
    await db.transaction().execute(async (trx) => {
      const { id: _id, province_code: _p, ...patch } = after;
      await repo.updateTemplate(id, patch, trx);
      await recordAudit(trx, ctx, {
        action: 'case_template.updated',
        entityType: 'case_reply_template',
        entityId: id,
        provinceCode,
        before,
        after,
      });
    });
    return toTemplate(after);
  }

  return {
    ensure,
    deadlinesFor: async (province: string) => policyOf(await repo.findSettings(province)),
    retentionMonths: async (province: string) =>
      (await repo.findSettings(province))?.retention_months ?? DEFAULT_RETENTION_MONTHS,
    moderateAnonymous: async (province: string) =>
      (await repo.findSettings(province))?.moderate_anonymous === 1,
    readSettings,
    putSettings,
    listTemplates,
    createTemplate,
    updateTemplate,
    ...createCaseCategoriesAdmin({ db, repo, provinceCode, assertReads }),
  };
}
export type CaseConfigService = ReturnType<typeof createCaseConfigService>;
