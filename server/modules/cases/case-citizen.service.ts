import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import { findPurpose } from '../../../shared/privacy/register';
import { handlingDeadline, type CaseDeadlinePolicy } from '../../../shared/rules/case-deadlines';
import { mayDispute, mayRate, nextState } from '../../../shared/rules/case-workflow';
import type { WorkingCalendar } from '../../../shared/time/working-time';
import type { ContactHash, DB, Sealed } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { EMAIL_HASH_CONTEXT, sealContact } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { AppError, conflict, notFound } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import { recordConsents } from '../../platform/privacy/consent';
import { invalid, sha256Hex } from './case-intake.rules';
import type { CaseRow, CasesRepository } from './cases.repository';

/** The consent record's subject of a follower (one per case and address). */
export const CASE_FOLLOWER_SUBJECT = 'case_follower';
const UNFOLLOW_CONTEXT = 'case-unfollow';
const SUPPORTER_CONTEXT = 'case-supporter';
/** The event of every state change (its payload names the move, from and to), whoever made it. */
const TRANSITIONED = 'case.transitioned';

/**
 * The unsubscribe token of a follower, `<follower id>.<keyed hash of it>`: the notification job makes the same link
 * for every mail without storing the token, and a data-key rotation does not break links already sent (every key
 * version's hash is accepted).
 */
export function unfollowToken(sealer: Sealer, followerId: string): string {
  return `${followerId}.${sealer.hash(followerId, UNFOLLOW_CONTEXT).replace(':', '-')}`;
}

const NOT_FOUND = () =>
  notFound('This report does not exist or is not public.', 'Phản ánh không tồn tại hoặc không công khai.');
const WRONG_TOKEN = () =>
  new AppError('FORBIDDEN', 'This link is not the reporter’s private link.', {
    messageVi: 'Đường dẫn này không phải đường dẫn riêng của người phản ánh.',
  });

/**
 * What citizens do on a case's public page (issue 10): the reporter rates or disputes the answer with the private
 * token given at filing; anyone adds "me too" (once per device) or follows by e-mail. Each write: the row, a
 * timeline entry where the public sees one, the audit row and the event, in one transaction.
 */
export function createCaseCitizenService(deps: {
  db: Kysely<DB>;
  cases: CasesRepository;
  clock: Clock;
  sealer: Sealer;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
  deadlinesFor: (provinceCode: string) => Promise<CaseDeadlinePolicy>;
}) {
  const { db, cases, sealer } = deps;

  async function publicCase(id: string): Promise<CaseRow> {
    const row = await cases.findById(id);
    if (!row || row.hidden === 1 || row.kind === 'proposal') throw NOT_FOUND();
    return row;
  }

  async function reporterCase(id: string, token: string): Promise<CaseRow> {
    const row = await publicCase(id);
    const given = Buffer.from(sha256Hex(token), 'hex');
    const stored = Buffer.from(row.reporter_token_hash ?? '', 'hex');
    if (stored.length !== given.length || !timingSafeEqual(stored, given)) throw WRONG_TOKEN();
    return row;
  }

  async function rate(
    id: string,
    body: { token: string; rating: number; comment?: string | null | undefined },
    ctx: AuditContext,
  ) {
    const row = await reporterCase(id, body.token);
    if (!mayRate({ state: row.state, rating: row.rating })) {
      throw conflict(
        'This report cannot be rated now (it is not answered, or was rated already).',
        'Chưa thể đánh giá phản ánh này (chưa có trả lời, hoặc đã đánh giá).',
      );
    }
    const comment = body.comment?.trim() || null;
    await db.transaction().execute(async (trx) => {
      if (
        !(await cases.rate(
          id,
          { rating: body.rating, rating_comment: comment, rated_at: ctx.at, updated_at: ctx.at },
          trx,
        ))
      ) {
        throw conflict('This report was rated already.', 'Phản ánh này đã được đánh giá.');
      }
      await cases.insertUpdate(update(row, { kind: 'rating', body: comment ?? '', public: 1 }, ctx.at), trx);
      await recordAudit(trx, ctx, {
        action: 'case.rated',
        entityType: 'case',
        entityId: id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        after: { rating: body.rating },
      });
      await recordEvent(
        trx,
        {
          type: 'case.rated',
          entityType: 'case',
          entityId: id,
          payload: { rating: body.rating, agencyId: row.agency_id },
        },
        ctx.at,
      );
    });
    return { id, rating: body.rating };
  }

  /**
   * The reporter disputes the answer (once, within 7 days): the case goes back to the agency, in progress, and
   * the handling time starts again. The reason reaches the handlers only (it may name people).
   */
  async function dispute(id: string, body: { token: string; reason: string }, ctx: AuditContext) {
    const row = await reporterCase(id, body.token);
    const now = new Date(ctx.at);
    const to = nextState(row.state, 'reopen');
    if (
      !to ||
      !mayDispute({ state: row.state, answeredAt: row.answered_at, reopenCount: row.reopen_count }, now)
    ) {
      throw conflict(
        'This answer can no longer be disputed (disputes are taken once, within 7 days of the answer).',
        'Không thể khiếu nại câu trả lời này nữa (chỉ một lần, trong 7 ngày kể từ khi có trả lời).',
      );
    }
    const [calendar, policy] = await Promise.all([
      deps.calendarFor(row.province_code),
      deps.deadlinesFor(row.province_code),
    ]);
    const handleDueAt = handlingDeadline(calendar, policy, row.severity, now).toISOString();
    await db.transaction().execute(async (trx) => {
      const moved = await cases.transition(
        id,
        row.state,
        {
          state: to,
          disputed_at: ctx.at,
          reopen_count: row.reopen_count + 1,
          handle_due_at: handleDueAt,
          warned_at: null,
          overdue_flagged_at: null,
          updated_at: ctx.at,
        },
        trx,
      );
      if (!moved)
        throw conflict(
          'The report changed meanwhile; reload the page.',
          'Phản ánh vừa thay đổi, vui lòng tải lại trang.',
        );
      await cases.insertUpdate(
        update(
          row,
          { kind: 'transition', action: 'reopen', from_state: row.state, to_state: to, body: '', public: 1 },
          ctx.at,
        ),
        trx,
      );
      await cases.insertUpdate(
        update(row, { kind: 'citizen_comment', body: body.reason.trim(), public: 0 }, ctx.at),
        trx,
      );
      await recordAudit(trx, ctx, {
        action: 'case.disputed',
        entityType: 'case',
        entityId: id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        before: { state: row.state },
        after: { state: to, handleDueAt },
      });
      await recordEvent(
        trx,
        {
          type: TRANSITIONED,
          entityType: 'case',
          entityId: id,
          payload: { action: 'reopen', from: row.state, to, agencyId: row.agency_id },
        },
        ctx.at,
      );
    });
    return { id, state: to, handleDueAt };
  }

  /** "Me too": one per device, kept only as a keyed hash of the device's id. */
  async function support(id: string, deviceId: string, ctx: AuditContext) {
    const row = await publicCase(id);
    if (row.published_at === null) throw NOT_FOUND();
    const known = sealer.hashesFor(deviceId, SUPPORTER_CONTEXT);
    const added = await db.transaction().execute(async (trx) => {
      const seen = await trx
        .selectFrom('case_supporters')
        .select('case_id')
        .where('case_id', '=', id)
        .where('supporter_hash', 'in', known)
        .executeTakeFirst();
      return seen ? false : cases.addSupporter(id, sealer.hash(deviceId, SUPPORTER_CONTEXT), ctx.at, trx);
    });
    return { id, supporters: await cases.supporters(id), added };
  }

  /** Follow by e-mail (the register's consent text): progress mails until the link in any of them is used. */
  async function follow(id: string, body: { email: string; consentVersion: string }, ctx: AuditContext) {
    const row = await publicCase(id);
    if (row.published_at === null) throw NOT_FOUND();
    if (body.consentVersion !== findPurpose('reports').consent!.version) {
      throw invalid(
        'body.consentVersion',
        'Agree to the consent text shown (reload the page if it changed).',
        'Hãy đồng ý với lời đồng ý hiện trên trang (tải lại trang nếu nội dung đã thay đổi).',
      );
    }
    const email = body.email.trim().toLowerCase();
    const hashes = sealer.hashesFor(email, EMAIL_HASH_CONTEXT) as ContactHash[];
    return db.transaction().execute(async (trx) => {
      // An unfollowed row keeps no address (clearFollower), so only a standing follow is found here.
      if (await cases.findFollower(id, hashes, trx)) return { id, following: true };
      const sealed = sealContact(sealer, 'case_followers.email', 'email', email);
      const followerId = uuidv7();
      await cases.insertFollower(
        {
          id: followerId,
          case_id: id,
          email: sealed.sealed,
          email_hash: sealed.hash,
          unsubscribe_token_hash: sha256Hex(unfollowToken(sealer, followerId)),
          created_at: ctx.at,
          unsubscribed_at: null,
        },
        trx,
      );
      await recordConsents(trx, [
        {
          purpose: 'reports',
          textVersion: body.consentVersion,
          channel: 'web',
          subjectType: CASE_FOLLOWER_SUBJECT,
          subjectId: followerId,
          provinceCode: row.province_code,
          contactHash: sealed.hash,
          recordedBy: null,
          givenAt: ctx.at,
        },
      ]);
      await recordAudit(trx, ctx, {
        action: 'case.followed',
        entityType: 'case',
        entityId: id,
        provinceCode: row.province_code,
      });
      return { id, following: true };
    });
  }

  /** The link in a progress mail: stops the mails and withdraws the consent (the address is then cleared). */
  async function unfollow(token: string, ctx: AuditContext) {
    const dot = token.indexOf('.');
    const followerId = token.slice(0, dot);
    const mac = token.slice(dot + 1).replace('-', ':');
    if (dot < 0 || !sealer.hashesFor(followerId, UNFOLLOW_CONTEXT).includes(mac)) {
      throw notFound('This link is not valid any more.', 'Đường dẫn này không còn hiệu lực.');
    }
    await db.transaction().execute(async (trx) => {
      const f = await cases.findFollowerById(followerId, trx);
      if (!f || f.unsubscribed_at !== null) return;
      await clearFollower(trx, sealer, followerId, ctx.at);
      await trx
        .updateTable('consent_records')
        .set({ withdrawn_at: ctx.at, withdrawal_channel: 'web', withdrawn_by: null })
        .where('subject_type', '=', CASE_FOLLOWER_SUBJECT)
        .where('subject_id', '=', followerId)
        .where('withdrawn_at', 'is', null)
        .execute();
      await recordAudit(trx, ctx, { action: 'case.unfollowed', entityType: 'case', entityId: f.case_id });
    });
    return { following: false };
  }

  return { rate, dispute, support, follow, unfollow };
}
export type CaseCitizenService = ReturnType<typeof createCaseCitizenService>;

/**
 * Stops a follower's mails and clears the address (the row stays so the count of followers an answer reached
 * stays right): the sealed e-mail becomes an empty value, the hash a marker no address matches.
 */
export async function clearFollower(trx: Kysely<DB>, sealer: Sealer, followerId: string, at: string) {
  await trx
    .updateTable('case_followers')
    .set({
      unsubscribed_at: at,
      email: sealer.seal('', 'case_followers.email') as Sealed,
      email_hash: `erased:${followerId}` as ContactHash,
    })
    .where('id', '=', followerId)
    .execute();
}

function update(
  row: CaseRow,
  u: {
    kind: DB['case_updates']['kind'];
    body: string;
    public: number;
    action?: string;
    from_state?: string;
    to_state?: string;
  },
  at: string,
): DB['case_updates'] {
  return {
    id: uuidv7(),
    case_id: row.id,
    province_code: row.province_code,
    kind: u.kind,
    action: u.action ?? null,
    from_state: u.from_state ?? null,
    to_state: u.to_state ?? null,
    body: u.body,
    public: u.public,
    agency_id: row.agency_id,
    author_user_id: null,
    api_key_id: null,
    external_ref: null,
    hidden: 0,
    created_at: at,
  };
}
