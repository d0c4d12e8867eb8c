import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { CaseDeadlinePolicy } from '../../../shared/rules/case-deadlines';
import { ROLE_LEVELS, ROLES, roleAllows, type Action, type Role } from '../../../shared/rules/permissions';
import { formatLocalDateTime } from '../../../shared/time/vietnam-time';
import { addWorkingHours, type WorkingCalendar } from '../../../shared/time/working-time';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { recordEvent } from '../../platform/events';
import { defineJob, type JobDefinition, type Schedule } from '../../platform/jobs/job-definition';
import { notifyUsers } from '../notifications/index';
import {
  createCaseDeadlinesRepository,
  type DeadlineKind,
  type DeadlineStage,
  type DueCase,
} from './case-deadlines.repository';

export const CASE_DEADLINES_JOB = 'cases.deadlines';
/** Every five minutes: a warning arrives at most five minutes late, an overdue flag five minutes after the fact. */
export const CASE_DEADLINES_EVERY_SECONDS = 300;
const BATCH = 100;
/** A run handles at most this many batches per step; the rest waits five minutes (a backlog after an outage). */
const MAX_BATCHES = 20;

const rolesWith = (action: Action, level?: 'province' | 'commune') =>
  ROLES.filter(
    (r) => roleAllows(r, action) && r !== 'agency_handler' && (!level || ROLE_LEVELS[r].includes(level)),
  );
const RECEIVING: Record<'case' | 'proposal', Role[]> = {
  case: rolesWith('cases.triage'),
  proposal: rolesWith('proposals.triage'),
};
/** Supervisors above a commune: the province's department officers (the administrators only when there are none). */
const PROVINCE_SUPERVISORS = rolesWith('cases.supervise', 'province').filter((r) => r !== 'province_admin');
const COMMUNE_SUPERVISORS = rolesWith('cases.supervise', 'commune');

const STEP_WORDS: Record<DeadlineStage, { vi: string; en: string }> = {
  accept: { vi: 'tiếp nhận', en: 'acceptance' },
  handle: { vi: 'xử lý', en: 'handling' },
};

/**
 * The deadline watch (issue 10): warns before a case's current deadline (acceptance, or handling) and flags it
 * once overdue, through in-app notifications and the events case.deadline_warning / case.overdue. Each case is
 * marked (cases.warned_at, cases.overdue_flagged_at) in the transaction that notifies, with a guarded update, so a
 * run repeated — or run by two servers at once — tells each person once.
 *
 * Who is told: the agency's handlers while an agency holds the case; the receiving unit (the commune's officers,
 * or the province's when the case has no commune or the commune has none; proposals: the Youth Union roles) before
 * it is accepted or assigned. Overdue also goes to the supervisor: the commune's officers for a commune office's
 * case, the province's department officers otherwise.
 */
export function createCaseDeadlineJobs(deps: {
  db: Kysely<DB>;
  clock: Clock;
  provinceCode: string;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
  deadlinesFor: (provinceCode: string) => Promise<CaseDeadlinePolicy>;
}) {
  const { db, clock } = deps;
  const repo = createCaseDeadlinesRepository(db);

  async function receivingUnit(c: DueCase, trx: Transaction<DB>): Promise<string[]> {
    const roles = RECEIVING[c.kind === 'proposal' ? 'proposal' : 'case'];
    if (c.commune_code) {
      const local = await repo.holdersAt(roles, c.province_code, c.commune_code, trx);
      if (local.length > 0) return local;
    }
    return repo.holdersAt(roles, c.province_code, null, trx);
  }

  async function provinceSupervisors(provinceCode: string, trx: Transaction<DB>): Promise<string[]> {
    const officers = await repo.holdersAt(PROVINCE_SUPERVISORS, provinceCode, null, trx);
    return officers.length > 0 ? officers : repo.holdersAt(['province_admin'], provinceCode, null, trx);
  }

  async function recipients(
    c: DueCase,
    stage: DeadlineStage,
    kind: DeadlineKind,
    trx: Transaction<DB>,
  ): Promise<string[]> {
    const users = new Set<string>();
    const byAgency = stage === 'handle' && c.agency_id !== null;
    const handlers = byAgency ? await repo.agencyHandlers(c.agency_id!, trx) : [];
    // An agency without handler accounts yet: the receiving unit hears instead, so the warning reaches someone.
    for (const u of handlers.length > 0 ? handlers : await receivingUnit(c, trx)) users.add(u);
    if (kind === 'overdue') {
      if (c.kind === 'proposal') {
        for (const u of await repo.holdersAt(RECEIVING.proposal, c.province_code, null, trx)) users.add(u);
      } else {
        const agency = byAgency ? await repo.agencyPlace(c.agency_id!, trx) : undefined;
        const supervisors = agency?.commune_code
          ? await repo.holdersAt(COMMUNE_SUPERVISORS, agency.province_code, agency.commune_code, trx)
          : await provinceSupervisors(c.province_code, trx);
        for (const u of supervisors) users.add(u);
      }
    }
    return [...users];
  }

  async function tell(c: DueCase, stage: DeadlineStage, kind: DeadlineKind, at: string): Promise<boolean> {
    return db.transaction().execute(async (trx) => {
      if (!(await repo.mark(trx, c, stage, kind, at))) return false;
      const step = STEP_WORDS[stage];
      const due = formatLocalDateTime(c.due);
      await notifyUsers(
        trx,
        {
          userIds: await recipients(c, stage, kind, trx),
          kind: 'case',
          title:
            kind === 'overdue'
              ? { vi: `${c.code} đã quá hạn ${step.vi}`, en: `${c.code} is past its ${step.en} deadline` }
              : { vi: `${c.code} sắp đến hạn ${step.vi}`, en: `${c.code} is nearly due for ${step.en}` },
          body: {
            vi: `“${c.title}” — hạn ${step.vi}: ${due}.`,
            en: `“${c.title}” — ${step.en} due ${due} (Vietnam time).`,
          },
          link: `/cases/${encodeURIComponent(c.id)}`,
        },
        at,
      );
      await recordEvent(
        trx,
        {
          type: kind === 'overdue' ? 'case.overdue' : 'case.deadline_warning',
          entityType: 'case',
          entityId: c.id,
          payload: {
            stage,
            dueAt: c.due,
            agencyId: c.agency_id,
            provinceCode: c.province_code,
            communeCode: c.commune_code,
          },
        },
        at,
      );
      return true;
    });
  }

  /** One pass over the province: overdue flags first (an overdue case is never "due soon"), then warnings. */
  async function run(): Promise<{ warned: number; overdue: number }> {
    const now = clock.now();
    const at = now.toISOString();
    const provinceCode = deps.provinceCode;
    const [calendar, policy] = await Promise.all([
      deps.calendarFor(provinceCode),
      deps.deadlinesFor(provinceCode),
    ]);
    // "Due within warnBeforeHours working hours" ⇔ due ≤ the instant that many working hours from now.
    const until = addWorkingHours(calendar, now, policy.warnBeforeHours).toISOString();
    const counts = { warned: 0, overdue: 0 };
    for (const kind of ['overdue', 'warning'] as const) {
      for (const stage of ['accept', 'handle'] as const) {
        for (let batch = 0; batch < MAX_BATCHES; batch++) {
          const due = await repo.listDue({ provinceCode, stage, kind, now: at, until, limit: BATCH });
          for (const c of due) {
            if (await tell(c, stage, kind, at)) counts[kind === 'overdue' ? 'overdue' : 'warned'] += 1;
          }
          if (due.length < BATCH) break;
        }
      }
    }
    return counts;
  }

  const job = defineJob({
    name: CASE_DEADLINES_JOB,
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      ctx.logger.info(await run(), 'case deadlines checked');
    },
  });
  const jobs: JobDefinition[] = [job];
  const schedules: Schedule[] = [
    { name: CASE_DEADLINES_JOB, every: { seconds: CASE_DEADLINES_EVERY_SECONDS } },
  ];
  return { run, jobs, schedules };
}
