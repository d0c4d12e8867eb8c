import { maskPhone } from '../../../shared/contracts/accounts';
import type { Affiliation, Team, TeamMember } from '../../../shared/contracts/teams';
import type { Action } from '../../../shared/rules/permissions';
import type { TeamChangesTable } from '../../db/schema';
import type { MemberRow } from './members.repository';
import type { TeamRow } from './teams.repository';

/** "+84912345678" → "0912345678": how people write and dial a number in Vietnam. */
export function displayPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;
}

/** Public fields for everyone; the decision, history fields and timestamps only for staff in scope. */
export function toTeamView(row: TeamRow, opts: { staff: boolean; actions: Action[] }): Team {
  const base: Team = {
    id: row.id,
    name: row.name,
    level: row.level,
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    hamletId: row.hamlet_id,
    hamletName: row.hamlet_name,
    schedule: row.schedule,
    contactPhone: displayPhone(row.contact_phone),
    // A merged or dissolved team has no members any more, even on the day its members' periods end.
    memberCount: row.status === 'active' ? row.member_count : 0,
    status: row.status,
    mergedIntoId: row.merged_into,
    actions: opts.actions,
  };
  if (!opts.staff) return base;
  return {
    ...base,
    decision:
      row.decision_number && row.decision_date && row.decision_signer
        ? { number: row.decision_number, date: row.decision_date, signer: row.decision_signer }
        : null,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function isActiveOn(m: Pick<MemberRow, 'active_from' | 'active_to'>, day: string): boolean {
  return m.active_from <= day && (m.active_to === null || m.active_to >= day);
}

export interface MemberViewOptions {
  staff: boolean;
  /** Managers of the team see members' numbers in full: they must be able to call them. */
  manager: boolean;
  meUserId: string | null;
  today: string;
  actions: Action[];
}

/**
 * A member as the caller may see them. A member's own number is public only when they opted in; staff, managers
 * included, see it masked (a manager reveals it with a reason: POST …/reveal-phone); the member sees their own.
 */
export function toMemberView(m: MemberRow, opts: MemberViewOptions): TeamMember {
  const isMe = opts.meUserId !== null && m.user_id === opts.meUserId;
  const publicPhone = m.phone_public === 1 ? displayPhone(m.phone) : null;
  const view: TeamMember = {
    id: m.id,
    name: m.name,
    role: m.role,
    affiliation: m.affiliation as Affiliation,
    organization: m.organization,
    phone: isMe ? displayPhone(m.phone) : publicPhone,
    phonePublic: m.phone_public === 1,
    active: isActiveOn(m, opts.today),
    actions: opts.actions,
  };
  if (!opts.staff && !isMe) return view;
  return {
    ...view,
    phoneMasked: maskPhone(m.phone),
    email: opts.manager || isMe ? m.email : null,
    hasAccount: m.user_id !== null,
    isMe,
    activeFrom: m.active_from,
    activeTo: m.active_to,
  };
}

export function toChangeView(c: TeamChangesTable) {
  return {
    change: c.change,
    at: c.at,
    actorUserId: c.actor_user_id,
    before: c.before_json ? (JSON.parse(c.before_json) as unknown) : null,
    after: c.after_json ? (JSON.parse(c.after_json) as unknown) : null,
  };
}
