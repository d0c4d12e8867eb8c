/**
 * The case engine's state machine (issue 10): one workflow carries citizens' on-the-spot reports and petitions
 * (phản ánh, kiến nghị) and teams' difficulties and proposals. Pure: the service asks `nextState` whether an action
 * is allowed from a state and what it leads to, and records the transition; nothing here touches a database.
 *
 * The flow (domain.md §3): submitted → accepted | refused(reason) → classified → assigned(agency) → in progress →
 * answered → (rated) → closed; reassigned when the agency is not competent; reopened once when the citizen disputes
 * the answer within 7 days; merged into another case when it is a duplicate.
 */

export const CASE_STATES = [
  /** Received, waiting to be accepted or refused (the 8-working-hour clock runs). */
  'submitted',
  /** Accepted and classified, waiting for an agency. */
  'accepted',
  /** With an agency that has not started on it yet. */
  'assigned',
  'in_progress',
  /** Answered: the answer is public; the citizen may rate it, or dispute it within 7 days. */
  'answered',
  'closed',
  /** Not accepted, with a stated reason. */
  'refused',
  /** A duplicate, folded into another case (which carries on). */
  'merged',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_KINDS = ['report', 'petition', 'proposal'] as const;
/** report = phản ánh hiện trường (has a place); petition = kiến nghị (none needed); proposal = a team's difficulty. */
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_SEVERITIES = ['urgent', 'complex', 'normal'] as const;
export type CaseSeverity = (typeof CASE_SEVERITIES)[number];

export const CASE_ACTIONS = [
  'accept',
  'refuse',
  'assign',
  'reassign',
  'start',
  'answer',
  'reopen',
  'close',
  'merge',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** States in which the case is still being worked on (Open311 "open"). */
export const OPEN_CASE_STATES: readonly CaseState[] = ['submitted', 'accepted', 'assigned', 'in_progress'];

/**
 * Where each action may start and where it leads. `reassign` keeps the case with "assigned" (the new agency starts
 * afresh); `reopen` sends an answered case back to the agency that answered it.
 */
const TRANSITIONS: Record<CaseAction, { from: readonly CaseState[]; to: CaseState }> = {
  accept: { from: ['submitted'], to: 'accepted' },
  refuse: { from: ['submitted', 'accepted'], to: 'refused' },
  assign: { from: ['accepted'], to: 'assigned' },
  reassign: { from: ['assigned', 'in_progress'], to: 'assigned' },
  // The receiving side may work on and answer what it accepted itself, without an agency (a Youth Union coordinator
  // answering a team's proposal, a commune office a matter of its own): "being resolved" and "answered" both apply.
  start: { from: ['accepted', 'assigned'], to: 'in_progress' },
  answer: { from: ['accepted', 'assigned', 'in_progress'], to: 'answered' },
  reopen: { from: ['answered'], to: 'in_progress' },
  close: { from: ['answered'], to: 'closed' },
  merge: { from: ['submitted', 'accepted', 'assigned', 'in_progress'], to: 'merged' },
};

/** The state an action leads to from `state`, or null when the action is not allowed there. */
export function nextState(state: CaseState, action: CaseAction): CaseState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

/** The actions allowed from a state (what a handler's screen offers, before authorization narrows it). */
export function allowedActions(state: CaseState): CaseAction[] {
  return CASE_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state));
}

export function isOpenState(state: CaseState): boolean {
  return OPEN_CASE_STATES.includes(state);
}

/** A citizen may dispute an answer this long after it was given, once. */
export const DISPUTE_WINDOW_DAYS = 7;

/**
 * Whether the citizen may still dispute (reopen) an answered case: within 7 calendar days of the answer, and only
 * once per case.
 */
export function mayDispute(
  c: { state: CaseState; answeredAt: string | null; reopenCount: number },
  now: Date,
): boolean {
  if (c.state !== 'answered' || c.answeredAt === null || c.reopenCount > 0) return false;
  return now.getTime() - Date.parse(c.answeredAt) <= DISPUTE_WINDOW_DAYS * 86_400_000;
}

/** A rating (1–5) is given once, on an answered or closed case. */
export function mayRate(c: { state: CaseState; rating: number | null }): boolean {
  return (c.state === 'answered' || c.state === 'closed') && c.rating === null;
}

/**
 * Open311 GeoReport v2 `status` (interfaces.md §3): only open or closed.
 */
export function open311Status(state: CaseState): 'open' | 'closed' {
  return isOpenState(state) ? 'open' : 'closed';
}

export const OPEN311_UPDATE_STATUSES = [
  'OPEN',
  'CLOSED',
  'FIXED',
  'IN_PROGRESS',
  'ACTION_SCHEDULED',
  'INVESTIGATING',
  'DUPLICATE',
  'NOT_COUNCILS_RESPONSIBILITY',
  'NO_FURTHER_ACTION',
  'INTERNAL_REFERRAL',
  'REOPEN',
] as const;
export type Open311UpdateStatus = (typeof OPEN311_UPDATE_STATUSES)[number];

/**
 * mySociety's `servicerequestupdates` status for the transition that produced an update. A refusal says why in
 * its status: not competent → NOT_COUNCILS_RESPONSIBILITY, anything else → NO_FURTHER_ACTION.
 */
export function open311UpdateStatus(
  action: CaseAction,
  opts: { notCompetent?: boolean } = {},
): Open311UpdateStatus {
  switch (action) {
    case 'accept':
      return 'INVESTIGATING';
    case 'refuse':
      return opts.notCompetent ? 'NOT_COUNCILS_RESPONSIBILITY' : 'NO_FURTHER_ACTION';
    case 'assign':
      return 'ACTION_SCHEDULED';
    case 'reassign':
      return 'INTERNAL_REFERRAL';
    case 'start':
      return 'IN_PROGRESS';
    case 'answer':
      return 'FIXED';
    case 'reopen':
      return 'REOPEN';
    case 'close':
      return 'CLOSED';
    case 'merge':
      return 'DUPLICATE';
  }
}

/**
 * What an update posted by a client (FixMyStreet posts a citizen's comment, optionally re-opening or closing)
 * asks of the case: REOPEN disputes an answer, CLOSED/FIXED by the reporter confirms it; any other status only adds
 * a public comment (a client cannot move a case through the handlers' states).
 */
export function actionForClientUpdate(status: Open311UpdateStatus): 'reopen' | 'close' | null {
  if (status === 'REOPEN') return 'reopen';
  if (status === 'CLOSED' || status === 'FIXED') return 'close';
  return null;
}

/**
 * The public tracking code (domain.md §3): `PAKN.<yyyymmdd>.<nnnn>`, the date in Vietnam and a sequence that
 * restarts each day (more than 9,999 a day grows the number rather than wrapping it).
 */
export function caseTrackingCode(localDate: string, sequence: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate)) throw new Error(`Not a local date: ${localDate}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Not a sequence number: ${sequence}`);
  return `PAKN.${localDate.replaceAll('-', '')}.${String(sequence).padStart(4, '0')}`;
}

export const CASE_TRACKING_CODE_PATTERN = /^PAKN\.\d{8}\.\d{4,}$/;
