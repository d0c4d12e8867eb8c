/**
 * Roles, actions and scopes: the single permission table. The server's policies decide with it; the web app
 * only displays the `actions` the server returns, it never re-derives permissions from this file.
 */
export const ROLES = [
  'province_admin',
  'department_officer',
  'youth_union_coordinator',
  'commune_officer',
  'agency_handler',
  'team_leader',
  'team_member',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'users.read',
  'users.manage',
  'hamlets.manage',
  'audit.read',
  'apiKeys.manage',
  'outbox.read',
  'teams.read',
  'teams.manage',
  'teams.manageMembers',
  'services.manage',
  /** A province's working hours, holidays and swapped days (the calendar every deadline is counted in). */
  'calendar.manage',
  /** The personal-data access log: who revealed whose full phone number, and why (Law 91/2025). */
  'privacy.accessLog',
  /** The register of personal-data breaches and their 72-hour notification (province level). */
  'privacy.breaches',
  /** The queue of data-subject requests (answered within 2 working days). */
  'privacy.requests',
  'support.capture',
  'support.review',
  'support.export',
  /** Receiving (tiếp nhận): accept or refuse, classify, assign to an agency, merge duplicates; file for a caller. */
  'cases.triage',
  /** An agency's handling: start, public updates and internal notes, ask for an extension, answer. */
  'cases.handle',
  /** Supervising agencies: decide extensions, see overdue lists, statistics and exports. */
  'cases.supervise',
  /** Moderation: edit personal data out of public text, hide photos or a case, block abusive senders. */
  'cases.moderate',
  /** Agencies, routing rules (category × unit → agency), reply templates, deadline settings. */
  'cases.configure',
  /** A team's difficulties and proposals: raise them (team leaders) … */
  'proposals.raise',
  /** … and triage, group and answer them (Youth Union coordinators). */
  'proposals.triage',
  // Help requests (issue 11): a citizen asks the hamlet's team to come and help. Team roles act only on their own
  // team's requests (server/modules/help-requests/help-requests.policy.ts narrows the grant to the membership).
  /** See the requests in scope (phone masked). */
  'helpRequests.read',
  /** Call, schedule, mark "could not reach", cancel, and reveal the phone with a logged reason. */
  'helpRequests.handle',
  /** Hand a request to a member of the team (leaders), or to a team of the commune (officers). */
  'helpRequests.assign',
  /** A province's help-request settings (retention after closing). */
  'helpRequests.configure',
  // Online Q&A (issue 11; server/modules/questions/questions.policy.ts). Answering is open to the whole province's
  // network (questions are public and anyone able may help); moderation and curation follow the unit subtree.
  /** Answer citizens' questions and ask them for clarification (team members and leaders, officers, agencies). */
  'questions.answer',
  /** Answer with the "official answer" badge: accountable roles only (officers of the State and agencies). */
  'questions.answerOfficially',
  /** The moderators' queue: publish or hide, edit personal data out, lock, close, merge, accept for the asker. */
  'questions.moderate',
  /** The curated FAQ per topic: promote and demote Q&As, order them; the province's Q&A settings. */
  'questions.curate',
] as const;
export type Action = (typeof ACTIONS)[number];

const STAFF_READ: Action[] = ['teams.read', 'support.review', 'support.export'];
const CASE_RECEIVING: Action[] = ['cases.triage', 'cases.handle', 'cases.supervise', 'cases.moderate'];
const HELP_REQUESTS_ALL: Action[] = ['helpRequests.read', 'helpRequests.handle', 'helpRequests.assign'];
/** Officers of the State answer with the official badge, moderate and curate in their scope. */
const QUESTIONS_OFFICER: Action[] = [
  'questions.answer',
  'questions.answerOfficially',
  'questions.moderate',
  'questions.curate',
];

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  province_admin: ACTIONS,
  department_officer: [
    'users.read',
    'audit.read',
    ...STAFF_READ,
    ...CASE_RECEIVING,
    'proposals.triage',
    'helpRequests.read',
    ...QUESTIONS_OFFICER,
  ],
  // The Youth Union runs the teams: it answers, moderates and curates, but its answers are not "official".
  youth_union_coordinator: [
    'users.read',
    ...STAFF_READ,
    'proposals.triage',
    'questions.answer',
    'questions.moderate',
    'questions.curate',
  ],
  commune_officer: [
    'users.read',
    'users.manage',
    'hamlets.manage',
    'teams.manage',
    'teams.manageMembers',
    ...STAFF_READ,
    ...CASE_RECEIVING,
    'cases.configure',
    ...HELP_REQUESTS_ALL,
    ...QUESTIONS_OFFICER,
  ],
  // An agency handler's grant names its agency (grants.agency_id): the cases module narrows 'cases.handle' to the
  // cases assigned to that agency; the unit only places the agency.
  agency_handler: ['teams.read', 'cases.handle', 'questions.answer', 'questions.answerOfficially'],
  team_leader: [
    'teams.read',
    'teams.manageMembers',
    'support.capture',
    'support.review',
    'users.read',
    'proposals.raise',
    ...HELP_REQUESTS_ALL,
    'questions.answer',
  ],
  team_member: [
    'teams.read',
    'support.capture',
    'helpRequests.read',
    'helpRequests.handle',
    'questions.answer',
  ],
};

/** Which roles a holder of `role` may hand out (always inside their own scope). */
export const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  province_admin: ROLES,
  department_officer: [],
  youth_union_coordinator: [],
  commune_officer: ['commune_officer', 'agency_handler', 'team_leader', 'team_member'],
  agency_handler: [],
  team_leader: ['team_member'],
  team_member: [],
};

/** The level a role's grant may sit at. */
export const ROLE_LEVELS: Record<Role, readonly ScopeLevel[]> = {
  province_admin: ['province'],
  department_officer: ['province'],
  youth_union_coordinator: ['province', 'commune'],
  commune_officer: ['commune'],
  agency_handler: ['province', 'commune'],
  team_leader: ['commune', 'hamlet'],
  team_member: ['commune', 'hamlet'],
};

export type ScopeLevel = 'province' | 'commune' | 'hamlet';

/** Where something sits in the unit tree. Rows that are scoped carry these three columns. */
export interface Placement {
  provinceCode: string;
  communeCode?: string | null;
  hamletId?: string | null;
}

export interface ScopedGrant {
  role: Role;
  /** 2-digit province code, 5-digit commune code, or a hamlet id. */
  unitCode: string;
  level: ScopeLevel;
  provinceCode: string;
  communeCode: string | null;
  hamletId: string | null;
  /**
   * An agency_handler grant's agency (grants.agency_id): its 'cases.handle' reaches only the cases assigned to that
   * agency (server/modules/cases/cases.policy.ts); the unit only places the agency. Absent on other roles.
   */
  agencyId?: string | null;
}

export function levelOfUnitCode(unitCode: string): ScopeLevel {
  if (/^\d{2}$/.test(unitCode)) return 'province';
  if (/^\d{5}$/.test(unitCode)) return 'commune';
  return 'hamlet';
}

/** True when the grant's unit subtree contains the placement. */
export function coversPlacement(grant: ScopedGrant, target: Placement): boolean {
  if (grant.provinceCode !== target.provinceCode) return false;
  if (grant.level === 'province') return true;
  if (grant.level === 'commune') return grant.communeCode === (target.communeCode ?? null);
  return grant.hamletId !== null && grant.hamletId === (target.hamletId ?? null);
}

export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

/** Grants that allow `action`; the union of their subtrees is the caller's scope for that action. */
export function grantsFor(grants: readonly ScopedGrant[], action: Action): ScopedGrant[] {
  return grants.filter((g) => roleAllows(g.role, action));
}

export function canAt(grants: readonly ScopedGrant[], action: Action, target: Placement): boolean {
  return grantsFor(grants, action).some((g) => coversPlacement(g, target));
}

/** Actions the caller may take on a subject at `target` — returned in responses as `actions`. */
export function actionsAt(
  grants: readonly ScopedGrant[],
  target: Placement,
  candidates: readonly Action[],
): Action[] {
  return candidates.filter((a) => canAt(grants, a, target));
}
