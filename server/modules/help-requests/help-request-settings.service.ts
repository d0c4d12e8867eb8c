import type { Kysely } from 'kysely';
import { DEFAULT_HELP_REQUEST_RETENTION_DAYS } from '../../../shared/rules/help-request-workflow';
import type { DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { assertCan, requireUser, type Actor } from '../../platform/auth/actor';
import type { HelpRequestsRepository } from './help-requests.repository';

/**
 * A province's help-request settings: how many days a closed request's contact is kept (default 90), read by the
 * retention rule. Province administrators only (helpRequests.configure at the province).
 */
export function createHelpRequestSettingsService(deps: { db: Kysely<DB>; repo: HelpRequestsRepository }) {
  const { db, repo } = deps;

  async function getSettings(actor: Actor, provinceCode: string) {
    assertCan(actor, 'helpRequests.configure', { provinceCode });
    const s = await repo.findSettings(provinceCode);
    return { provinceCode, retentionDays: s?.retention_days ?? DEFAULT_HELP_REQUEST_RETENTION_DAYS };
  }

  async function setSettings(actor: Actor, provinceCode: string, retentionDays: number, ctx: AuditContext) {
    const before = await getSettings(actor, provinceCode);
    await db.transaction().execute(async (trx) => {
      await repo.upsertSettings(provinceCode, retentionDays, requireUser(actor).user.id, ctx.at, trx);
      await recordAudit(trx, ctx, {
        action: 'help_request.settings_updated',
        entityType: 'help_request_settings',
        entityId: provinceCode,
        provinceCode,
        before: { retentionDays: before.retentionDays },
        after: { retentionDays },
      });
    });
    return { provinceCode, retentionDays };
  }

  return { getSettings, setSettings };
}
export type HelpRequestSettingsService = ReturnType<typeof createHelpRequestSettingsService>;
