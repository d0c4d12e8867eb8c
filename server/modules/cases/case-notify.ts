import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { MAIL_TO_CONTEXT, openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { enqueueJob } from '../../platform/jobs/enqueue';
import type { DispatchedEvent, EventBus } from '../../platform/jobs/event-dispatch';
import { declareJobs, defineJob, type JobDefinition } from '../../platform/jobs/job-definition';
import { queueMail } from '../../platform/mail/outbox';
import { notifyUsers, type LocalizedText } from '../notifications/index';
import { unfollowToken } from './case-citizen.service';

/**
 * Who is told of a case's events (issue 10): the reporter by e-mail (the address sealed in the outbox too, opened
 * only to send; never logged), the followers by e-mail with their unsubscribe link, the agency's handlers when a
 * case reaches them, the supervisors when an agency asks for more time, the asker when it is decided, and the
 * raising team's leaders for a proposal (in the app), and whoever holds a case when a citizen comments on it through
 * Open311 (the agency's handlers, or its receiving officers before an agency has it). Each event becomes one `cases.notify` job keyed by the event
 * id, so a redelivered event tells nobody twice; the job writes everything in one transaction.
 */
export const CASE_NOTIFY_JOB = declareJobs(['cases.notify'])[0];
export const NOTIFIED_EVENTS = [
  'case.transitioned',
  'case.updated',
  'case.extension_requested',
  'case.extension_decided',
  'case.commented',
] as const;

/** What a citizen reads about each step (the mail's first line). */
const STEP_WORDS: Record<string, { vi: string; en: string }> = {
  accepted: { vi: 'đã được tiếp nhận', en: 'has been accepted' },
  refused: { vi: 'không được tiếp nhận', en: 'was not accepted' },
  assigned: { vi: 'đã được chuyển đến cơ quan xử lý', en: 'has been sent to the agency in charge' },
  in_progress: { vi: 'đang được xử lý', en: 'is being handled' },
  answered: { vi: 'đã có kết quả trả lời', en: 'has been answered' },
  closed: { vi: 'đã kết thúc', en: 'is closed' },
  merged: {
    vi: 'được gộp vào một phản ánh cùng nội dung',
    en: 'was merged into a report about the same thing',
  },
};

/** Steps a citizen hears about (an assignment between agencies is not news to them; a reassignment neither). */
const CITIZEN_STEPS = new Set(['accepted', 'refused', 'in_progress', 'answered', 'closed', 'merged']);

const EventRowSchema = z.object({ eventId: z.string() });

export function createCaseNotify(deps: { db: Kysely<DB>; clock: Clock; sealer: Sealer; publicUrl: string }) {
  const { db, sealer, publicUrl } = deps;

  /** The subscriber: one job per event (a second delivery of the same event finds the job already there). */
  async function onEvent(event: DispatchedEvent): Promise<void> {
    await enqueueJob(db, CASE_NOTIFY_JOB, { eventId: event.id }, deps.clock.now().toISOString(), {
      uniqueKey: `${CASE_NOTIFY_JOB}:${event.id}`,
    });
  }

  function subscribe(bus: EventBus): void {
    for (const type of NOTIFIED_EVENTS) bus.subscribe(type, onEvent);
  }

  async function mailCitizens(
    trx: Transaction<DB>,
    c: { id: string; code: string; reporter_email: string | null; contact_anonymised_at: string | null },
    text: { subject: string; vi: string; en: string },
    at: string,
  ) {
    const link = `${publicUrl}/reports/${encodeURIComponent(c.code)}`;
    const reporter =
      c.contact_anonymised_at === null ? openSealed(sealer, 'cases.reporter_email', c.reporter_email) : null;
    const body = (extra: string) =>
      `${text.vi}\n\nXem chi tiết: ${link}${extra}\n\n---\n\n${text.en}\n\nDetails: ${link}`;
    if (reporter) {
      await queueMail(
        trx,
        { to: sealer.seal(reporter, MAIL_TO_CONTEXT), subject: text.subject, text: body('') },
        at,
      );
    }
    const followers = await trx
      .selectFrom('case_followers')
      .select(['id', 'email'])
      .where('case_id', '=', c.id)
      .where('unsubscribed_at', 'is', null)
      .execute();
    for (const f of followers) {
      const address = openSealed(sealer, 'case_followers.email', f.email);
      if (!address) continue;
      const stop = `${publicUrl}/api/v1/cases/unfollow?token=${encodeURIComponent(unfollowToken(sealer, f.id))}`;
      await queueMail(
        trx,
        {
          to: sealer.seal(address, MAIL_TO_CONTEXT),
          subject: text.subject,
          text: body(`\nNgừng nhận tin / Stop these e-mails: ${stop}`),
        },
        at,
      );
    }
  }

  async function teamLeaders(trx: Transaction<DB>, teamId: string | null): Promise<string[]> {
    if (!teamId) return [];
    const rows = await trx
      .selectFrom('team_members')
      .select('user_id')
      .where('team_id', '=', teamId)
      .where('role', 'in', ['leader', 'deputy'])
      .where('active_to', 'is', null)
      .where('user_id', 'is not', null)
      .execute();
    return rows.map((r) => r.user_id!);
  }

  /** Those who decide extensions: the commune's officers for a case in a commune, the province's officers otherwise. */
  async function supervisors(
    trx: Transaction<DB>,
    c: { province_code: string; commune_code: string | null; kind: string },
  ) {
    const roles =
      c.kind === 'proposal'
        ? ['youth_union_coordinator', 'department_officer']
        : c.commune_code
          ? ['commune_officer']
          : ['department_officer', 'province_admin'];
    let q = trx
      .selectFrom('grants')
      .select('user_id')
      .where('role', 'in', roles)
      .where('province_code', '=', c.province_code);
    q =
      c.commune_code && c.kind !== 'proposal'
        ? q.where('commune_code', '=', c.commune_code)
        : q.where('level', '=', 'province');
    return [...new Set((await q.execute()).map((r) => r.user_id))];
  }

  /**
   * Who works on a case now: the handlers of its agency once it has one, before that the officers who receive it
   * (the same people who decide its extensions).
   */
  async function holders(
    trx: Transaction<DB>,
    c: { province_code: string; commune_code: string | null; kind: string; agency_id: string | null },
  ): Promise<string[]> {
    if (!c.agency_id) return supervisors(trx, c);
    const handlers = await trx
      .selectFrom('grants')
      .select('user_id')
      .where('role', '=', 'agency_handler')
      .where('agency_id', '=', c.agency_id)
      .execute();
    return [...new Set(handlers.map((h) => h.user_id))];
  }

  async function inApp(
    trx: Transaction<DB>,
    userIds: string[],
    title: LocalizedText,
    body: LocalizedText,
    caseId: string,
    at: string,
  ) {
    if (userIds.length === 0) return;
    await notifyUsers(
      trx,
      { userIds, kind: 'case', title, body, link: `/cases/${encodeURIComponent(caseId)}` },
      at,
    );
  }

  async function handle(eventId: string): Promise<void> {
    const event = await db
      .selectFrom('events')
      .select(['type', 'entity_id', 'payload_json'])
      .where('id', '=', eventId)
      .executeTakeFirst();
    if (!event) return;
    const c = await db
      .selectFrom('cases')
      .select([
        'id',
        'code',
        'kind',
        'title',
        'province_code',
        'commune_code',
        'agency_id',
        'team_id',
        'reporter_email',
        'contact_anonymised_at',
        'answer_text',
      ])
      .where('id', '=', event.entity_id)
      .executeTakeFirst();
    if (!c) return;
    const payload = JSON.parse(event.payload_json) as Record<string, unknown>;
    const at = deps.clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      if (event.type === 'case.transitioned') {
        const to = String(payload.to);
        const words = STEP_WORDS[to];
        if (!words) return;
        if (c.kind !== 'proposal' && CITIZEN_STEPS.has(to)) {
          await mailCitizens(
            trx,
            c,
            {
              subject: `Phản ánh ${c.code} ${words.vi} / Report ${c.code} ${words.en}`,
              vi: `Phản ánh ${c.code} “${c.title}” ${words.vi}.${to === 'answered' && c.answer_text ? `\n\n${c.answer_text}` : ''}`,
              en: `Report ${c.code} “${c.title}” ${words.en}.`,
            },
            at,
          );
        }
        if (to === 'assigned' && typeof payload.agencyId === 'string') {
          const handlers = await trx
            .selectFrom('grants')
            .select('user_id')
            .where('role', '=', 'agency_handler')
            .where('agency_id', '=', payload.agencyId)
            .execute();
          await inApp(
            trx,
            [...new Set(handlers.map((h) => h.user_id))],
            { vi: `Phản ánh mới cho cơ quan: ${c.code}`, en: `New case for your agency: ${c.code}` },
            c.title,
            c.id,
            at,
          );
        }
        if (c.kind === 'proposal') {
          await inApp(
            trx,
            await teamLeaders(trx, c.team_id),
            { vi: `Đề xuất ${c.code} ${words.vi}`, en: `Proposal ${c.code} ${words.en}` },
            c.title,
            c.id,
            at,
          );
        }
      } else if (event.type === 'case.updated') {
        if (c.kind === 'proposal') {
          await inApp(
            trx,
            await teamLeaders(trx, c.team_id),
            { vi: `Cập nhật đề xuất ${c.code}`, en: `Update on proposal ${c.code}` },
            c.title,
            c.id,
            at,
          );
        } else {
          await mailCitizens(
            trx,
            c,
            {
              subject: `Cập nhật phản ánh ${c.code} / Update on report ${c.code}`,
              vi: `Phản ánh ${c.code} “${c.title}” có thông tin mới về tiến độ xử lý.`,
              en: `Report ${c.code} “${c.title}” has news on its progress.`,
            },
            at,
          );
        }
      } else if (event.type === 'case.commented') {
        // A citizen's comment (Open311 servicerequestupdates): news for those handling the case, told in the app.
        // The comment itself stays on the case page; it may carry personal data, so it is not copied here.
        await inApp(
          trx,
          await holders(trx, c),
          { vi: `Người dân bình luận phản ánh ${c.code}`, en: `A citizen commented on case ${c.code}` },
          c.title,
          c.id,
          at,
        );
      } else if (event.type === 'case.extension_requested') {
        await inApp(
          trx,
          await supervisors(trx, c),
          { vi: `Đề nghị gia hạn: ${c.code}`, en: `More time asked: ${c.code}` },
          c.title,
          c.id,
          at,
        );
      } else if (event.type === 'case.extension_decided' && typeof payload.requestedBy === 'string') {
        const approved = payload.approved === true;
        await inApp(
          trx,
          [payload.requestedBy],
          approved
            ? { vi: `Đồng ý gia hạn: ${c.code}`, en: `Extension approved: ${c.code}` }
            : { vi: `Không đồng ý gia hạn: ${c.code}`, en: `Extension refused: ${c.code}` },
          c.title,
          c.id,
          at,
        );
      }
    });
  }

  const job: JobDefinition = defineJob({
    name: CASE_NOTIFY_JOB,
    payload: EventRowSchema,
    handler: async ({ eventId }) => handle(eventId),
  });

  return { subscribe, onEvent, handle, jobs: [job] };
}
export type CaseNotify = ReturnType<typeof createCaseNotify>;
