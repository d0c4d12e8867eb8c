import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { uuidv7 } from '../../../shared/ids';
import { handlingDeadline, type CaseDeadlinePolicy } from '../../../shared/rules/case-deadlines';
import {
  actionForClientUpdate,
  mayDispute,
  nextState,
  type CaseSeverity,
  type CaseState,
} from '../../../shared/rules/case-workflow';
import type { WorkingCalendar } from '../../../shared/time/working-time';
import { recordAudit, type AuditContext } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { EMAIL_HASH_CONTEXT } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { AppError, notFound } from '../../platform/errors';
import { recordEvents, type DomainEvent } from '../../platform/events';
import type { UpdateParams } from './open311-params';

/**
 * mySociety's POST servicerequestupdates: FixMyStreet forwards a citizen's comment on a request it sent, sometimes
 * asking to re-open it (REOPEN) or saying it is fixed (CLOSED / FIXED). The comment is stored as a public
 * 'citizen_comment' entry (its text only: the commenter's name and e-mail are never stored with it). A state change
 * is made only when the commenter is the reporter — the e-mail's keyed hash equals the case's — and the workflow
 * allows it: a dispute within 7 days of the answer, once (mayDispute), or closing an answered case. Anything else
 * stays a comment: a refusal would make the client resend the same update for ever.
 *
 * Written here, in one transaction with its audit rows and events, because the handlers' service offers these
 * transitions to signed-in staff and the reporter's token only; a key holding open311:write speaks for its client.
 */

export interface Open311UpdatesDeps {
  db: Kysely<DB>;
  clock: Clock;
  sealer: Sealer;
  provinceCode: string;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
  deadlinesFor: (provinceCode: string) => Promise<CaseDeadlinePolicy>;
}

export interface PostedUpdate {
  updateId: string;
  status: 'created' | 'duplicate';
}

export function createOpen311UpdatesService(deps: Open311UpdatesDeps) {
  const { db, clock, sealer, provinceCode } = deps;

  async function findCase(ref: string) {
    return db
      .selectFrom('cases')
      .select([
        'id',
        'code',
        'state',
        'severity',
        'province_code',
        'commune_code',
        'answered_at',
        'reopen_count',
        'reporter_email_hash',
        'agency_id',
      ])
      .where('province_code', '=', provinceCode)
      .where('hidden', '=', 0)
      .where('kind', '<>', 'proposal')
      .where((eb) => eb.or([eb('code', '=', ref), eb('id', '=', ref)]))
      .executeTakeFirst();
  }

  /** The same client update (key + the client's update_id) on the same case answers the update made the first time. */
  async function earlier(
    caseId: string,
    keyId: string,
    clientUpdateId: string | null,
  ): Promise<string | null> {
    if (clientUpdateId === null) return null;
    const rows = await db
      .selectFrom('case_updates')
      .select(['id', 'kind'])
      .where('case_id', '=', caseId)
      .where('api_key_id', '=', keyId)
      .where('external_ref', '=', clientUpdateId)
      .execute();
    return (rows.find((r) => r.kind === 'citizen_comment') ?? rows[0])?.id ?? null;
  }

  async function isBlocked(email: string | null): Promise<boolean> {
    if (email === null) return false;
    const hashes = sealer.hashesFor(email, EMAIL_HASH_CONTEXT);
    const row = await db
      .selectFrom('case_blocked_senders')
      .select('id')
      .where('province_code', '=', provinceCode)
      .where('contact_hash', 'in', hashes as never[])
      .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', clock.now().toISOString())]))
      .executeTakeFirst();
    return row !== undefined;
  }

  return {
    async post(ctx: AuditContext & { keyId: string }, p: UpdateParams): Promise<PostedUpdate> {
      const c = await findCase(p.serviceRequestId);
      if (!c) throw notFound('No such service request.', 'Không tìm thấy phản ánh này.');
      const again = await earlier(c.id, ctx.keyId, p.clientUpdateId);
      if (again !== null) return { updateId: again, status: 'duplicate' };
      if (await isBlocked(p.email))
        throw new AppError('FORBIDDEN', 'Comments from this contact are not accepted at the moment.', {
          messageVi: 'Hiện không nhận ý kiến từ thông tin liên lạc này.',
        });

      const now = clock.now();
      const at = now.toISOString();
      const byReporter =
        p.email !== null &&
        c.reporter_email_hash !== null &&
        sealer.hashesFor(p.email, EMAIL_HASH_CONTEXT).includes(c.reporter_email_hash);
      const state = c.state as CaseState;
      let action = byReporter ? actionForClientUpdate(p.status) : null;
      if (
        action === 'reopen' &&
        !mayDispute({ state, answeredAt: c.answered_at, reopenCount: c.reopen_count }, now)
      )
        action = null;
      const to = action === null ? null : nextState(state, action);
      if (to === null) action = null;
      const handleDueAt =
        action === 'reopen'
          ? handlingDeadline(
              await deps.calendarFor(c.province_code),
              await deps.deadlinesFor(c.province_code),
              c.severity as CaseSeverity,
              now,
            ).toISOString()
          : null;

      const commentId = p.description !== '' || action === null ? uuidv7() : null;
      const transitionId = action !== null ? uuidv7() : null;
      await db.transaction().execute(async (trx) => {
        const events: DomainEvent[] = [];
        if (action !== null && to !== null) {
          const changed = await trx
            .updateTable('cases')
            .set({
              state: to,
              updated_at: at,
              ...(action === 'reopen'
                ? {
                    reopen_count: c.reopen_count + 1,
                    disputed_at: at,
                    handle_due_at: handleDueAt,
                    warned_at: null,
                    overdue_flagged_at: null,
                  }
                : { closed_at: at }),
            })
            .where('id', '=', c.id)
            .where('state', '=', state)
            .executeTakeFirst();
          // Another writer moved the case first: the client may resend, and will then be judged on the new state.
          if (Number(changed.numUpdatedRows) !== 1)
            throw new AppError('CONFLICT', 'The request changed meanwhile; send the update again.', {
              messageVi: 'Phản ánh vừa thay đổi; vui lòng gửi lại.',
            });
        } else {
          await trx.updateTable('cases').set({ updated_at: at }).where('id', '=', c.id).execute();
        }
        const row = (id: string, kind: 'citizen_comment' | 'transition', body: string) => ({
          id,
          case_id: c.id,
          province_code: c.province_code,
          kind,
          action: kind === 'transition' ? action : null,
          from_state: kind === 'transition' ? state : null,
          to_state: kind === 'transition' ? to : null,
          body,
          public: 1,
          agency_id: null,
          author_user_id: null,
          api_key_id: ctx.keyId,
          external_ref: p.clientUpdateId,
          hidden: 0,
          created_at: at,
        });
        if (commentId !== null) {
          await trx
            .insertInto('case_updates')
            .values(row(commentId, 'citizen_comment', p.description))
            .execute();
          // Not 'case.updated' (a handler's public update, which mails the reporter and followers about progress):
          // a citizen's comment is news for the agency, not for the reporter who may have written it.
          events.push({
            type: 'case.commented',
            entityType: 'case',
            entityId: c.id,
            payload: { updateId: commentId, source: 'open311', agencyId: c.agency_id },
          });
        }
        if (transitionId !== null) {
          await trx
            .insertInto('case_updates')
            .values(row(transitionId, 'transition', ''))
            .execute();
          events.push({
            type: 'case.transitioned',
            entityType: 'case',
            entityId: c.id,
            payload: {
              action,
              from: state,
              to,
              agencyId: c.agency_id,
              updateId: transitionId,
              source: 'open311',
            },
          });
        }
        await recordAudit(trx, ctx, {
          // The names the citizen's dispute and the handlers' close use, so the audit log reads the same whatever the channel.
          action: action === null ? 'case.commented' : action === 'reopen' ? 'case.disputed' : 'case.closed',
          entityType: 'case',
          entityId: c.id,
          provinceCode: c.province_code,
          communeCode: c.commune_code,
          before: action === null ? undefined : { state },
          // The status the client sent and what became of it; no contact data.
          after: { status: p.status, state: to ?? state, commentId, transitionId, source: 'open311' },
        });
        await recordEvents(trx, events, at);
      });
      return { updateId: (commentId ?? transitionId)!, status: 'created' };
    },
  };
}
export type Open311UpdatesService = ReturnType<typeof createOpen311UpdatesService>;
