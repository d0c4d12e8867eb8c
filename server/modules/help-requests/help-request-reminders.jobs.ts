import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CALL_WITHIN_WORKING_DAYS } from '../../../shared/rules/help-request-workflow';
import { localDateOf } from '../../../shared/time/vietnam-time';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { recordEvent } from '../../platform/events';
import { defineJob, type JobDefinition, type Schedule } from '../../platform/jobs/job-definition';
import { notifyUsers } from '../notifications/index';
import type { HelpRequestsRepository } from './help-requests.repository';

export const HELP_REQUEST_REMINDERS_JOB = 'help_requests.remind';
/** Every ten minutes: a reminder arrives at most ten minutes after the call deadline passed. */
export const HELP_REQUEST_REMINDERS_EVERY_SECONDS = 600;
const BATCH = 100;
const MAX_BATCHES = 20;

/**
 * "Nobody has called within 2 working days" (issue 11). Each request's call deadline was counted on the province's
 * working-day calendar when it was filed (call_due_at: weekends, holidays and swapped days skipped), so the watch
 * only compares instants. A request still new or assigned with no first contact past its deadline is reminded
 * once: its team's leaders and the commune's officers are told, in the transaction that marks it (reminded_at,
 * a guarded update), so a repeated run — or two servers — tell each person once.
 */
export function createHelpRequestReminderJobs(deps: {
  db: Kysely<DB>;
  repo: HelpRequestsRepository;
  clock: Clock;
}) {
  const { db, repo, clock } = deps;

  async function run(): Promise<{ reminded: number }> {
    const at = clock.now().toISOString();
    const today = localDateOf(clock.now());
    let reminded = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const due = await db
        .selectFrom('help_requests')
        .select(['id', 'code', 'province_code', 'commune_code', 'team_id'])
        .where('state', 'in', ['new', 'assigned'])
        .where('call_due_at', '<=', at)
        .where('first_contact_at', 'is', null)
        .where('reminded_at', 'is', null)
        .orderBy('call_due_at')
        .limit(BATCH)
        .execute();
      for (const r of due) {
        const told = await db.transaction().execute(async (trx) => {
          const res = await trx
            .updateTable('help_requests')
            .set({ reminded_at: at })
            .where('id', '=', r.id)
            .where('reminded_at', 'is', null)
            .where('first_contact_at', 'is', null)
            .executeTakeFirst();
          if (Number(res.numUpdatedRows) !== 1) return false;
          const leaders = r.team_id ? await repo.teamLeaders(r.team_id, today, trx) : [];
          const officers = await repo.communeHolders(
            ['commune_officer'],
            r.province_code,
            r.commune_code,
            trx,
          );
          await notifyUsers(
            trx,
            {
              userIds: [...leaders, ...officers],
              kind: 'help_request',
              title: {
                vi: `Chưa ai gọi lại cho yêu cầu ${r.code}`,
                en: `Nobody has called back on ${r.code}`,
              },
              body: {
                vi: `Đã quá ${CALL_WITHIN_WORKING_DAYS} ngày làm việc mà chưa có thành viên nào liên hệ với người dân.`,
                en: `${CALL_WITHIN_WORKING_DAYS} working days have passed and no member has contacted the resident.`,
              },
              link: `/help-requests/${r.id}`,
            },
            at,
          );
          await recordEvent(
            trx,
            {
              type: 'help_request.call_overdue',
              entityType: 'help_request',
              entityId: r.id,
              payload: { provinceCode: r.province_code, communeCode: r.commune_code, teamId: r.team_id },
            },
            at,
          );
          return true;
        });
        if (told) reminded += 1;
      }
      if (due.length < BATCH) break;
    }
    return { reminded };
  }

  const job = defineJob({
    name: HELP_REQUEST_REMINDERS_JOB,
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      ctx.logger.info(await run(), 'help-request reminders sent');
    },
  });
  const jobs: JobDefinition[] = [job];
  const schedules: Schedule[] = [
    { name: HELP_REQUEST_REMINDERS_JOB, every: { seconds: HELP_REQUEST_REMINDERS_EVERY_SECONDS } },
  ];
  return { run, jobs, schedules };
}
