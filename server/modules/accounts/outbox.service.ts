import type { OutboxMail } from '../../../shared/contracts/accounts';
import { encodeCursor, type Page, type PageQuery } from '../../../shared/contracts/paging';
import { assertCanSomewhere, type Actor } from '../../platform/auth/actor';
import { notFound } from '../../platform/errors';
import type { MailOutboxRepository } from './mail-outbox.repository';
import { readIdCursor } from '../../platform/paging';

export function createOutboxService(deps: { mailOutbox: MailOutboxRepository; readable: boolean }) {
  const { mailOutbox } = deps;

  /**
   * Mails as queued, for demo and development installs where nothing is really sent: demo users read their
   * reset and invitation links here. Absent (404) in a production install without the demo seed.
   */
  async function listOutbox(actor: Actor, query: PageQuery): Promise<Page<OutboxMail>> {
    if (!deps.readable) throw notFound();
    assertCanSomewhere(actor, 'outbox.read');
    const rows = await mailOutbox.list({ beforeId: readIdCursor(query.cursor), limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((m) => ({ id: m.id, to: m.to_address, subject: m.subject, text: m.body_text, status: m.status, createdAt: m.created_at })),
      nextCursor: rows.length > query.limit ? encodeCursor([page[page.length - 1]!.id]) : null,
    };
  }

  return { listOutbox };
}
export type OutboxService = ReturnType<typeof createOutboxService>;
