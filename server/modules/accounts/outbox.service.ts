import type { OutboxMail } from '../../../shared/contracts/accounts';
import { encodeCursor, type Page, type PageQuery } from '../../../shared/contracts/paging';
import { assertCan, type Actor } from '../../platform/auth/actor';
import { notFound } from '../../platform/errors';
import type { MailOutboxRepository } from './mail-outbox.repository';
import { readIdCursor } from '../../platform/paging';
import { MAIL_TO_CONTEXT, openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';

/**
 * `demoProvinceCode` is the deployment's province when it runs in demo mode (SEED=demo), otherwise null: the
 * outbox shows reset and invitation links that work, so it exists only where every account is a demo account.
 */
export function createOutboxService(deps: {
  mailOutbox: MailOutboxRepository;
  demoProvinceCode: string | null;
  sealer: Sealer;
}) {
  const { mailOutbox, demoProvinceCode, sealer } = deps;

  /**
   * Mails as queued, for demo installs where nothing is really sent: demo users read their reset and invitation
   * links here. Outside demo mode the endpoint does not exist (404), whatever NODE_ENV says. Readable only with
   * outbox.read over the whole demo province (its province administrators): a mail may go to anyone in the
   * province, so no narrower scope could be shown a meaningful subset.
   */
  async function listOutbox(actor: Actor, query: PageQuery): Promise<Page<OutboxMail>> {
    if (demoProvinceCode === null) throw notFound();
    assertCan(actor, 'outbox.read', { provinceCode: demoProvinceCode });
    const rows = await mailOutbox.list({ beforeId: readIdCursor(query.cursor), limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((m) => ({ id: m.id, to: openSealed(sealer, MAIL_TO_CONTEXT, m.to_address)!, subject: m.subject, text: m.body_text, status: m.status, createdAt: m.created_at })),
      nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1]!.id]) : null,
    };
  }

  return { listOutbox };
}
export type OutboxService = ReturnType<typeof createOutboxService>;
