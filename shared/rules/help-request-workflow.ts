/**
 * The help-request state machine (issue 11): a citizen asks the hamlet's team for help; the leader hands it to a
 * member, the member calls and schedules a visit, and the help is recorded as a support record linked to the
 * request, which closes it. Pure: the service asks `nextHelpRequestState` and records the transition.
 *
 * new → assigned → scheduled → done | could_not_reach | cancelled
 */

export const HELP_REQUEST_STATES = [
  /** Routed (to a team, or to the commune officers' queue); nobody has taken it yet. */
  'new',
  /** A member has it and should call. */
  'assigned',
  /** The member called and agreed a time. */
  'scheduled',
  /** Helped: a support record is linked. */
  'done',
  /** Nobody answered the phone after the team's tries. */
  'could_not_reach',
  /** Withdrawn by the citizen, or closed by staff with a reason. */
  'cancelled',
] as const;
export type HelpRequestState = (typeof HELP_REQUEST_STATES)[number];

export const HELP_REQUEST_ACTIONS = ['assign', 'schedule', 'complete', 'not_reached', 'cancel'] as const;
export type HelpRequestAction = (typeof HELP_REQUEST_ACTIONS)[number];

export const OPEN_HELP_REQUEST_STATES: readonly HelpRequestState[] = ['new', 'assigned', 'scheduled'];

/**
 * Where each action may start and where it leads. `assign` again hands it to another member; `schedule` again moves
 * the visit. `complete` is taken by a linked support record: from any open state (a leader may help at once
 * without assigning) and from "could not reach" (the person called back and was helped after all).
 */
const TRANSITIONS: Record<HelpRequestAction, { from: readonly HelpRequestState[]; to: HelpRequestState }> = {
  assign: { from: ['new', 'assigned', 'scheduled'], to: 'assigned' },
  schedule: { from: ['assigned', 'scheduled'], to: 'scheduled' },
  complete: { from: ['new', 'assigned', 'scheduled', 'could_not_reach'], to: 'done' },
  not_reached: { from: ['assigned', 'scheduled'], to: 'could_not_reach' },
  cancel: { from: ['new', 'assigned', 'scheduled'], to: 'cancelled' },
};

/** The state an action leads to from `state`, or null when it is not allowed there. */
export function nextHelpRequestState(
  state: HelpRequestState,
  action: HelpRequestAction,
): HelpRequestState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

/** The actions allowed from a state, before authorization narrows them. */
export function allowedHelpRequestActions(state: HelpRequestState): HelpRequestAction[] {
  return HELP_REQUEST_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state));
}

export function isOpenHelpRequest(state: HelpRequestState): boolean {
  return OPEN_HELP_REQUEST_STATES.includes(state);
}

/** States where the team has talked to the person (or tried): the 2-working-day call reminder no longer applies. */
export function isClosedHelpRequest(state: HelpRequestState): boolean {
  return state === 'done' || state === 'could_not_reach' || state === 'cancelled';
}

/** The public tracking page's words for each state. */
export const HELP_REQUEST_STATE_WORDS: Record<HelpRequestState, { vi: string; en: string }> = {
  new: { vi: 'Đã nhận, đang chờ tổ liên hệ', en: 'Received, waiting for the team to call' },
  assigned: { vi: 'Đã giao cho thành viên tổ', en: 'Given to a team member' },
  scheduled: { vi: 'Đã hẹn thời gian hỗ trợ', en: 'A visit is arranged' },
  done: { vi: 'Đã hỗ trợ xong', en: 'Help given' },
  could_not_reach: { vi: 'Tổ không liên lạc được', en: 'The team could not reach you' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** YCHT.yyyymmdd.nnnn ("yêu cầu hỗ trợ"), per province and local day. */
export const HELP_REQUEST_CODE_PATTERN = /^YCHT\.\d{8}\.\d{4,6}$/;

export function helpRequestTrackingCode(localDay: string, sequence: number): string {
  return `YCHT.${localDay.replaceAll('-', '')}.${String(sequence).padStart(4, '0')}`;
}

/** Working days the team has to make the first call before the leader and the commune officers are reminded. */
export const CALL_WITHIN_WORKING_DAYS = 2;
/** Days the requester's contact is kept after closing, unless the province sets its own period. */
export const DEFAULT_HELP_REQUEST_RETENTION_DAYS = 90;
