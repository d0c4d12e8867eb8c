import type { StaffHelpRequestBody } from '../../../shared/contracts/help-requests';
import type { AuditContext } from '../../platform/audit';
import { requireUser, type Actor } from '../../platform/auth/actor';
import { forbidden } from '../../platform/errors';
import type { HelpRequestCreated, HelpRequestIntakeService } from './help-request-intake.service';
import { mayFileFor } from './help-requests.policy';
import { invalid } from './help-requests.rules';

/** How the resident asked → the channel their consent was given on (and the request's channel). */
const CHANNEL = { phone: 'phone_call', walk_in: 'in_person' } as const;

export const NOT_CONFIRMED = () =>
  invalid(
    'body.consentConfirmed',
    'Read the notice to the resident and confirm they agreed to be contacted: without it the request is not recorded.',
    'Hãy đọc thông báo cho người dân và xác nhận họ đồng ý để tổ liên lạc: nếu không, yêu cầu chưa được ghi.',
  );

/**
 * Help requests recorded by staff for a resident who called or came in (the 1022 hotline's way, as cases do). The
 * one intake path files them (routing, sealing, per-phone limit, idempotency, notifications); this only checks who
 * may record them, and passes on how the resident asked and who recorded their consent.
 */
export function createHelpRequestStaffFiling(deps: {
  intake: HelpRequestIntakeService;
  provinceCode: string;
}) {
  async function fileForCaller(
    actor: Actor,
    id: string,
    body: StaffHelpRequestBody,
    audit: AuditContext,
  ): Promise<HelpRequestCreated> {
    const user = requireUser(actor);
    // Scope first: someone out of the commune learns nothing, not even whether the body was complete.
    if (!mayFileFor(actor, deps.provinceCode, body.communeCode)) throw forbidden();
    if (body.consentConfirmed !== true) throw NOT_CONFIRMED();
    return deps.intake.create(
      {
        id,
        // Its own key space: a staff id never answers for a citizen's resend, and the reverse.
        submissionKey: `staff:${id}`,
        provinceCode: deps.provinceCode,
        need: body.need,
        communeCode: body.communeCode,
        hamletId: body.hamletId ?? null,
        address: body.address || null,
        preferredTime: body.preferredTime || null,
        phone: body.phone,
        contactName: body.contactName || null,
        consent: true,
        consentVersion: body.consentVersion ?? null,
        createdBy: user.user.id,
        channel: CHANNEL[body.channel],
      },
      audit,
    );
  }
  return { fileForCaller };
}
export type HelpRequestStaffFiling = ReturnType<typeof createHelpRequestStaffFiling>;
