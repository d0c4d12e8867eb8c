/**
 * The life of one demo case (issue 10): from its submission, the steps the workflow allows (shared/rules/
 * case-workflow.ts) up to the outcome the seed drew for it, each at a plausible time counted on the province's
 * working calendar, with the deadlines the handlers' side would compute (shared/rules/case-deadlines.ts) and the
 * timeline rows the services write. A step that would fall after "now" is not taken: the case waits there.
 */
import { handlingDeadline, type CaseDeadlinePolicy } from '../../../shared/rules/case-deadlines';
import { nextState, type CaseAction, type CaseSeverity } from '../../../shared/rules/case-workflow';
import {
  addWorkingDays,
  addWorkingMinutes,
  workingMinutesBetween,
  type WorkingCalendar,
} from '../../../shared/time/working-time';
import type { CaseExtensionsTable, CasesTable, CaseUpdatesTable } from '../../db/schema';
import type { SeedRandom } from '../demo/index';
import {
  DISPUTE_REASONS,
  EXTENSION_REASONS,
  INTERNAL_NOTES,
  PUBLIC_UPDATES,
  RATING_COMMENTS,
  REFUSAL_REASONS,
} from './cases.demo-text';

/** Where the seed wants a case to end up; 'reopened' is an answer disputed within 7 days and reopened. */
export type DemoOutcome =
  | 'submitted'
  | 'accepted'
  | 'assigned'
  | 'in_progress'
  | 'answered'
  | 'closed'
  | 'refused'
  | 'merged'
  | 'reopened';

export interface DemoLifeDeps {
  calendar: WorkingCalendar;
  policy: CaseDeadlinePolicy;
  now: Date;
  random: SeedRandom;
  /** Who triages (accepts, refuses, merges) and who approves extensions: demo accounts, or null. */
  triageUserId: string | null;
  supervisorUserId: string;
  /** The demo agency_handler account tied to an agency, if any (the author of its steps). */
  handlerOf: (agencyId: string) => string | null;
}

export interface DemoLifeTexts {
  answer: string;
  refusal?: { text: string; notCompetent: boolean };
  progress?: readonly string[];
}

export interface DemoLife {
  updates: CaseUpdatesTable[];
  extensions: CaseExtensionsTable[];
  /** The answer's timeline row (answer photos hang on it), when the case was answered. */
  answerUpdateId: string | null;
}

const iso = (d: Date) => d.toISOString();
const later = (a: Date, minutes: number) => new Date(a.getTime() + minutes * 60_000);

function ratingOf(random: SeedRandom): number {
  const r = random.next();
  return r < 0.4 ? 5 : r < 0.7 ? 4 : r < 0.85 ? 3 : r < 0.95 ? 2 : 1;
}

/**
 * Moves `row` (a submitted case, with accept_due_at set) along its life towards `outcome` and answers its timeline.
 * `agencyId` is the routing rules' agency (null: none, the case stays accepted); `mergeInto` the earlier case a
 * duplicate folds into.
 */
export function liveDemoCase(
  row: CasesTable,
  outcome: DemoOutcome,
  agencyId: string | null,
  texts: DemoLifeTexts,
  deps: DemoLifeDeps,
  mergeInto: { id: string; code: string } | null,
): DemoLife {
  const { calendar, policy, now, random } = deps;
  const updates: CaseUpdatesTable[] = [];
  const extensions: CaseExtensionsTable[] = [];
  let answerUpdateId: string | null = null;
  const fits = (t: Date) => t.getTime() <= now.getTime();
  const entry = (
    at: Date,
    e: Pick<CaseUpdatesTable, 'kind' | 'body' | 'public'> & Partial<CaseUpdatesTable>,
  ): CaseUpdatesTable => {
    const u: CaseUpdatesTable = {
      id: random.idAt(at.getTime()),
      case_id: row.id,
      province_code: row.province_code,
      action: null,
      from_state: null,
      to_state: null,
      agency_id: row.agency_id,
      author_user_id: null,
      api_key_id: null,
      external_ref: null,
      hidden: 0,
      created_at: iso(at),
      ...e,
    };
    updates.push(u);
    return u;
  };
  /** One workflow step: the state machine must allow it, as the handlers' service checks. */
  const move = (action: CaseAction, at: Date, body: string, author: string | null) => {
    const to = nextState(row.state, action);
    if (to === null) throw new Error(`demo seed: ${action} is not allowed from ${row.state}`);
    const u = entry(at, {
      kind: 'transition',
      action,
      from_state: row.state,
      to_state: to,
      body,
      public: 1,
      author_user_id: author,
    });
    row.state = to;
    row.updated_at = iso(at);
    return u;
  };
  /** Past deadlines were warned about and flagged when they passed (the job does not mail a burst at start). */
  const flagIfPassed = (due: string | null) => {
    if (due === null) return;
    const flagged = later(new Date(due), 1);
    if (fits(flagged)) {
      row.warned_at = iso(flagged);
      row.overdue_flagged_at = iso(flagged);
    } else {
      row.warned_at = null;
      row.overdue_flagged_at = null;
    }
  };

  entry(new Date(row.submitted_at), {
    kind: 'transition',
    to_state: 'submitted',
    body: '',
    public: 1,
    agency_id: null,
    author_user_id: row.created_by,
  });
  // Accepted (or refused) within the 8 working hours mostly; one in ten late.
  const triageAt = addWorkingMinutes(
    calendar,
    new Date(row.submitted_at),
    random.int(15, random.chance(0.1) ? 900 : 460),
  );
  if (outcome === 'submitted' || !fits(triageAt)) {
    flagIfPassed(row.accept_due_at);
    return { updates, extensions, answerUpdateId };
  }
  if (outcome === 'refused') {
    const reason = texts.refusal ?? random.pick(REFUSAL_REASONS);
    move('refuse', triageAt, reason.text, deps.triageUserId);
    Object.assign(row, {
      refused_reason: reason.text,
      refused_not_competent: reason.notCompetent ? 1 : 0,
      closed_at: iso(triageAt),
    });
    return { updates, extensions, answerUpdateId };
  }
  const severity: CaseSeverity = row.severity === 'normal' && random.chance(0.1) ? 'complex' : row.severity;
  move('accept', triageAt, '', deps.triageUserId);
  Object.assign(row, {
    severity,
    accepted_at: iso(triageAt),
    handle_due_at: iso(handlingDeadline(calendar, policy, severity, triageAt)),
    published_at: row.published_at ?? (row.kind === 'proposal' ? null : iso(triageAt)),
  });
  const assignAt = random.chance(0.7) ? triageAt : addWorkingMinutes(calendar, triageAt, random.int(30, 900));
  if (outcome === 'merged' && mergeInto) {
    const mergeAt = later(triageAt, random.int(5, 120));
    if (fits(mergeAt)) {
      move('merge', mergeAt, mergeInto.code, deps.triageUserId);
      row.merged_into_id = mergeInto.id;
      return { updates, extensions, answerUpdateId };
    }
  }
  if (outcome === 'accepted' || agencyId === null || !fits(assignAt)) {
    flagIfPassed(row.handle_due_at);
    return { updates, extensions, answerUpdateId };
  }
  row.agency_id = agencyId;
  const handler = deps.handlerOf(agencyId);
  move('assign', assignAt, '', deps.triageUserId);
  const startAt = addWorkingMinutes(calendar, assignAt, random.int(60, 960));
  if (outcome === 'assigned' || !fits(startAt)) {
    flagIfPassed(row.handle_due_at);
    return { updates, extensions, answerUpdateId };
  }
  move('start', startAt, '', handler);
  const progress = texts.progress ?? (random.chance(0.6) ? [random.pick(PUBLIC_UPDATES)] : []);
  let t = startAt;
  for (const body of progress) {
    t = addWorkingMinutes(calendar, t, random.int(60, 1200));
    if (fits(t)) entry(t, { kind: 'public_update', body, public: 1, author_user_id: handler });
  }
  // A team's proposal has its own progress texts and no internal notes or extensions of the agencies' kind.
  const citizens = row.kind !== 'proposal';
  if (citizens && random.chance(0.3)) {
    const noteAt = addWorkingMinutes(calendar, startAt, random.int(30, 300));
    if (fits(noteAt))
      entry(noteAt, { kind: 'note', body: random.pick(INTERNAL_NOTES), public: 0, author_user_id: handler });
  }
  // More time asked now and then: approved mostly, sometimes rejected, and a few still waiting for a supervisor.
  if (citizens && severity !== 'urgent' && random.chance(0.15)) {
    const askedAt = addWorkingMinutes(calendar, startAt, random.int(120, 1500));
    if (fits(askedAt) && row.handle_due_at && askedAt.getTime() < Date.parse(row.handle_due_at)) {
      const days = random.pick([3, 5, 5, 10]);
      const reason = random.pick(EXTENSION_REASONS);
      const decidedAt = addWorkingMinutes(calendar, askedAt, random.int(60, 600));
      const decision =
        !fits(decidedAt) || random.chance(0.15) ? 'pending' : random.chance(0.85) ? 'approved' : 'rejected';
      const requester = handler ?? deps.supervisorUserId;
      extensions.push({
        id: random.idAt(askedAt.getTime()),
        case_id: row.id,
        province_code: row.province_code,
        reason,
        working_days: days,
        status: decision,
        requested_by: requester,
        requested_at: iso(askedAt),
        decided_by: decision === 'pending' ? null : deps.supervisorUserId,
        decided_at: decision === 'pending' ? null : iso(decidedAt),
        decision_note: null,
      });
      entry(askedAt, {
        kind: 'extension',
        body: `+${days}: ${reason}`,
        public: 0,
        author_user_id: requester,
      });
      if (decision !== 'pending') {
        const verdict =
          decision === 'approved' ? `Đồng ý gia hạn ${days} ngày làm việc` : 'Không đồng ý gia hạn';
        entry(decidedAt, {
          kind: 'extension',
          body: verdict,
          public: 0,
          author_user_id: deps.supervisorUserId,
        });
        if (decision === 'approved')
          row.handle_due_at = iso(addWorkingDays(calendar, new Date(row.handle_due_at), days));
      }
    }
  }
  // Answered within the deadline mostly; about one in seven late.
  const due = new Date(row.handle_due_at!);
  const span = Math.max(60, workingMinutesBetween(calendar, startAt, due));
  const answerAt = random.chance(0.86)
    ? addWorkingMinutes(calendar, startAt, Math.round(span * (0.2 + 0.75 * random.next())))
    : addWorkingMinutes(calendar, due, random.int(60, 3000));
  if (outcome === 'in_progress' || !fits(answerAt)) {
    flagIfPassed(row.handle_due_at);
    return { updates, extensions, answerUpdateId };
  }
  answerUpdateId = move('answer', answerAt, texts.answer, handler).id;
  Object.assign(row, {
    answer_text: texts.answer,
    answered_at: iso(answerAt),
    published_at: row.published_at ?? (row.kind === 'proposal' ? null : iso(answerAt)),
  });
  flagIfPassed(null);
  let answeredAt = answerAt;
  if (outcome === 'reopened') {
    const disputeAt = later(answerAt, random.int(600, 5 * 1440));
    if (fits(disputeAt)) {
      move('reopen', disputeAt, '', null);
      entry(disputeAt, { kind: 'citizen_comment', body: random.pick(DISPUTE_REASONS), public: 0 });
      Object.assign(row, {
        disputed_at: iso(disputeAt),
        reopen_count: 1,
        handle_due_at: iso(handlingDeadline(calendar, policy, severity, disputeAt)),
      });
      const again = addWorkingMinutes(calendar, disputeAt, random.int(240, 4000));
      if (random.chance(0.5) || !fits(again)) {
        flagIfPassed(row.handle_due_at);
        return { updates, extensions, answerUpdateId };
      }
      answerUpdateId = move('answer', again, texts.answer, handler).id;
      Object.assign(row, { answer_text: texts.answer, answered_at: iso(again) });
      answeredAt = again;
    }
  }
  // Rated by about half the reporters who have the private link (a team's proposal is not rated).
  if (row.kind !== 'proposal' && random.chance(0.55)) {
    const ratedAt = later(answeredAt, random.int(120, 4 * 1440));
    if (fits(ratedAt)) {
      const rating = ratingOf(random);
      const comment = random.pick(RATING_COMMENTS[rating]!);
      Object.assign(row, {
        rating,
        rating_comment: comment || null,
        rated_at: iso(ratedAt),
        updated_at: iso(ratedAt),
      });
      entry(ratedAt, { kind: 'rating', body: comment, public: 1 });
    }
  }
  if (outcome === 'answered') return { updates, extensions, answerUpdateId };
  // Closed once the dispute window has passed.
  const closeAt = later(answeredAt, random.int(7 * 1440 + 60, 12 * 1440));
  if (fits(closeAt)) {
    move('close', closeAt, '', deps.triageUserId);
    row.closed_at = iso(closeAt);
  }
  return { updates, extensions, answerUpdateId };
}
