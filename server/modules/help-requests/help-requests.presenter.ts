import { maskPhone } from '../../../shared/contracts/accounts';
import type { HelpRequestsRepository, HelpRequestRow } from './help-requests.repository';
import type { StaffAction } from './help-requests.policy';

type Names = Awaited<ReturnType<HelpRequestsRepository['namesFor']>>;

/** A request in a staff list: the phone masked (the full number only through the logged reveal), no name, no address. */
export function presentItem(r: HelpRequestRow, phone: string | null, names: Names, actions: StaffAction[]) {
  return {
    id: r.id,
    code: r.code,
    state: r.state,
    routedTo: r.routed_to,
    communeCode: r.commune_code,
    hamletId: r.hamlet_id,
    hamletName: r.hamlet_id ? (names.hamlets.get(r.hamlet_id) ?? null) : null,
    teamId: r.team_id,
    teamName: r.team_id ? (names.teams.get(r.team_id) ?? null) : null,
    serviceCode: r.service_code,
    need: r.need_text,
    preferredTime: r.preferred_time,
    phoneMasked: maskPhone(phone),
    assignedMemberId: r.assigned_member_id,
    assignedMemberName: r.assigned_member_id ? (names.members.get(r.assigned_member_id) ?? null) : null,
    scheduledFor: r.scheduled_for,
    callDueAt: r.call_due_at,
    createdAt: r.created_at,
    actions,
  };
}
