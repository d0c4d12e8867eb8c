import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { normalizePhone, PhoneSchema } from '../../../shared/contracts/accounts';
import { uuidv7 } from '../../../shared/ids';
import { findPurpose } from '../../../shared/privacy/register';
import {
  CALL_WITHIN_WORKING_DAYS,
  HELP_REQUEST_STATE_WORDS,
  helpRequestTrackingCode,
  type HelpRequestState,
} from '../../../shared/rules/help-request-workflow';
import { localDateOf } from '../../../shared/time/vietnam-time';
import { addWorkingDays, type WorkingCalendar } from '../../../shared/time/working-time';
import type { DB, Sealed } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { phoneHashes, sealContact } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { conflict } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import { recordConsents } from '../../platform/privacy/consent';
import { notifyUsers } from '../notifications/index';
import type { HelpRequestRow, HelpRequestsRepository } from './help-requests.repository';
import {
  BAD_PHONE,
  invalid,
  NO_CONSENT,
  NOT_FOUND_REQUEST,
  sha256Hex,
  STALE_CONSENT,
  tokenMatches,
  TOO_MANY_FOR_PHONE,
  WRONG_TOKEN,
  wrongState,
} from './help-requests.rules';

/** The register's consent text version ("the team may use this to contact and help me"). */
export const HELP_REQUEST_CONSENT_VERSION = findPurpose('help_requests').consent!.version;
/** The consent record's subject: one per request. */
export const HELP_REQUEST_CONTACT_SUBJECT = 'help_request_contact';
/** Requests one phone may send in 24 hours (a family asking for several people is fine; a script is not). */
export const MAX_REQUESTS_PER_PHONE_PER_DAY = 5;

export interface HelpRequestInput {
  id: string;
  submissionKey: string;
  provinceCode: string;
  need: string;
  communeCode: string;
  hamletId: string | null;
  address: string | null;
  preferredTime: string | null;
  phone: string;
  contactName: string | null;
  consent: boolean | undefined;
  consentVersion: string | null;
  createdBy: string | null;
  /** 'web' from the public form; a phone call or a visit recorded by staff (createdBy is then the recorder). */
  channel?: HelpRequestRow['channel'];
}

/** The first timeline entry says how the request came in (the staff detail names who recorded it). */
const FIRST_ENTRY: Record<HelpRequestRow['channel'], string> = {
  web: 'created',
  phone_call: 'filed_by_phone',
  in_person: 'filed_in_person',
};

export interface HelpRequestCreated {
  id: string;
  code: string;
  status: 'created' | 'duplicate';
  state: HelpRequestState;
  routedTo: HelpRequestRow['routed_to'];
  teamName: string | null;
  callDueAt: string;
  token?: string;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The citizen's side of help requests (issue 11): filing (consent, phone, place, routing hamlet team → commune team →
 * commune officers, 2-working-day call deadline), the public tracking page and the rating. Filing writes the row,
 * its first timeline entry, the consent record, the audit row, the event and the notifications in one transaction.
 */
export function createHelpRequestIntakeService(deps: {
  db: Kysely<DB>;
  repo: HelpRequestsRepository;
  clock: Clock;
  sealer: Sealer;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
}) {
  const { db, repo, clock, sealer } = deps;

  const digestOf = (i: HelpRequestInput, phone: string) =>
    sha256Hex(
      JSON.stringify([
        i.need.trim(),
        i.communeCode,
        i.hamletId,
        i.address,
        i.preferredTime,
        phone,
        i.contactName,
      ]),
    );

  async function answerExisting(key: string, digest: string): Promise<HelpRequestCreated | null> {
    const existing = await repo.findSubmission(key);
    if (!existing) return null;
    if (existing.digest !== digest) {
      throw conflict(
        'This request was already sent with different content.',
        'Yêu cầu này đã được gửi trước đó với nội dung khác.',
      );
    }
    const row = await repo.findById(existing.help_request_id);
    if (!row) return null;
    const team = row.team_id ? await repo.findTeam(row.team_id) : undefined;
    return {
      id: row.id,
      code: row.code,
      status: 'duplicate',
      state: row.state,
      routedTo: row.routed_to,
      teamName: team?.name ?? null,
      callDueAt: row.call_due_at,
    };
  }

  async function create(input: HelpRequestInput, ctx: AuditContext): Promise<HelpRequestCreated> {
    // No consent, no request: nothing is stored, not even the idempotency key.
    if (input.consent !== true) throw NO_CONSENT();
    if (input.consentVersion && input.consentVersion !== HELP_REQUEST_CONSENT_VERSION) throw STALE_CONSENT();
    const parsedPhone = PhoneSchema.safeParse(input.phone);
    if (!parsedPhone.success) throw BAD_PHONE();
    const phone = normalizePhone(parsedPhone.data);
    const channel = input.channel ?? 'web';
    const digest = digestOf(input, phone);
    const resent = await answerExisting(input.submissionKey, digest);
    if (resent) return resent;

    const commune = await repo.findCommune(input.provinceCode, input.communeCode);
    if (!commune) {
      throw invalid(
        'body.communeCode',
        'This commune is not in the province.',
        'Xã, phường này không thuộc tỉnh.',
      );
    }
    if (input.hamletId !== null) {
      const hamlet = await repo.findActiveHamlet(input.hamletId);
      if (!hamlet || hamlet.commune_code !== input.communeCode) {
        throw invalid(
          'body.hamletId',
          'This hamlet is not in the chosen commune.',
          'Ấp, khu phố này không thuộc xã, phường đã chọn.',
        );
      }
    }
    const service = await repo.findActiveService(input.need.trim());
    const now = clock.now();
    const at = now.toISOString();
    const hashes = phoneHashes(sealer, phone);
    const since = new Date(now.getTime() - 86_400_000).toISOString();
    if ((await repo.countByPhoneSince(hashes, since)) >= MAX_REQUESTS_PER_PHONE_PER_DAY)
      throw TOO_MANY_FOR_PHONE();

    const team = await repo.findTeamFor(input.communeCode, input.hamletId);
    const routedTo: HelpRequestRow['routed_to'] = team
      ? team.level === 'hamlet'
        ? 'hamlet_team'
        : 'commune_team'
      : 'commune_officer';
    const calendar = await deps.calendarFor(input.provinceCode);
    const callDueAt = addWorkingDays(calendar, now, CALL_WITHIN_WORKING_DAYS).toISOString();
    const token = randomBytes(24).toString('base64url');
    const sealedPhone = sealContact(sealer, 'help_requests.contact_phone', 'phone', phone);
    const seal = (value: string | null, context: string) =>
      value ? (sealer.seal(value, context) as Sealed) : null;
    const row: Omit<HelpRequestRow, 'code'> = {
      id: input.id,
      province_code: input.provinceCode,
      commune_code: input.communeCode,
      hamlet_id: input.hamletId,
      team_id: team?.id ?? null,
      team_hamlet_id: team?.hamlet_id ?? null,
      routed_to: routedTo,
      state: 'new',
      service_code: service?.code ?? null,
      need_text: service ? service.name : input.need.trim(),
      preferred_time: input.preferredTime,
      address: seal(input.address, 'help_requests.address'),
      contact_name: seal(input.contactName, 'help_requests.contact_name'),
      contact_phone: sealedPhone.sealed,
      contact_phone_hash: sealedPhone.hash,
      token_hash: sha256Hex(token),
      assigned_member_id: null,
      assigned_user_id: null,
      assigned_at: null,
      scheduled_for: null,
      first_contact_at: null,
      call_due_at: callDueAt,
      reminded_at: null,
      support_record_id: null,
      closed_at: null,
      close_reason: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
      channel,
      created_by: input.createdBy,
      contact_anonymised_at: null,
      created_at: at,
      updated_at: at,
    };

    try {
      const code = await db.transaction().execute(async (trx) => {
        // The key first: a concurrent resend fails here, before anything else is written.
        await repo.insertSubmission(
          { key: input.submissionKey, help_request_id: input.id, digest, created_at: at },
          trx,
        );
        const code = helpRequestTrackingCode(
          localDateOf(now),
          await repo.nextSequence(input.provinceCode, localDateOf(now).replaceAll('-', ''), trx),
        );
        await repo.insert({ ...row, code }, trx);
        await repo.insertUpdate(
          {
            id: uuidv7(now.getTime()),
            help_request_id: input.id,
            province_code: input.provinceCode,
            action: FIRST_ENTRY[channel],
            from_state: null,
            to_state: 'new',
            note: null,
            actor_user_id: input.createdBy,
            created_at: at,
          },
          trx,
        );
        await recordConsents(trx, [
          {
            purpose: 'help_requests',
            textVersion: HELP_REQUEST_CONSENT_VERSION,
            channel,
            subjectType: HELP_REQUEST_CONTACT_SUBJECT,
            subjectId: input.id,
            provinceCode: input.provinceCode,
            contactHash: sealedPhone.hash,
            recordedBy: input.createdBy,
            givenAt: at,
          },
        ]);
        // Nothing personal in the trail, the event or the notification: the code and the place find the rest.
        await recordAudit(trx, ctx, {
          action: channel === 'web' ? 'help_request.created' : 'help_request.filed_by_staff',
          entityType: 'help_request',
          entityId: input.id,
          provinceCode: input.provinceCode,
          communeCode: input.communeCode,
          after: { code, routedTo, teamId: team?.id ?? null, serviceCode: service?.code ?? null, channel },
        });
        await recordEvent(
          trx,
          {
            type: 'help_request.created',
            entityType: 'help_request',
            entityId: input.id,
            payload: {
              code,
              provinceCode: input.provinceCode,
              communeCode: input.communeCode,
              teamId: team?.id ?? null,
              routedTo,
            },
          },
          at,
        );
        const today = localDateOf(now);
        let recipients = team ? await repo.teamLeaders(team.id, today, trx) : [];
        // A team without leader accounts yet, or no team at all: the commune officers take the request.
        if (recipients.length === 0) {
          recipients = await repo.communeHolders(
            ['commune_officer'],
            input.provinceCode,
            input.communeCode,
            trx,
          );
        }
        await notifyUsers(
          trx,
          {
            userIds: recipients,
            kind: 'help_request',
            title: { vi: `Yêu cầu hỗ trợ mới ${code}`, en: `New help request ${code}` },
            body: {
              vi: `${service?.name ?? 'Người dân cần hỗ trợ'} — ${commune.name}. Hãy gọi lại trong ${CALL_WITHIN_WORKING_DAYS} ngày làm việc.`,
              en: `${service?.name_en ?? 'A resident needs help'} — ${commune.name}. Please call back within ${CALL_WITHIN_WORKING_DAYS} working days.`,
            },
            link: `/help-requests/${input.id}`,
          },
          at,
        );
        return code;
      });
      return {
        id: input.id,
        code,
        status: 'created',
        state: 'new',
        routedTo,
        teamName: team?.name ?? null,
        callDueAt,
        token,
      };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const resentMeanwhile = await answerExisting(input.submissionKey, digest);
      if (resentMeanwhile) return resentMeanwhile;
      throw conflict('A help request with this id already exists.', 'Đã có yêu cầu hỗ trợ với mã này.');
    }
  }

  /** The public tracking page: the state in words, the timeline of states, the place and team; nothing personal. */
  async function track(code: string) {
    const row = await repo.findByCode(code);
    if (!row) throw NOT_FOUND_REQUEST();
    const [updates, names] = await Promise.all([repo.updatesOf(row.id), repo.namesFor([row])]);
    const service = row.service_code ? await repo.findActiveService(row.service_code) : undefined;
    const words = (s: HelpRequestState) => HELP_REQUEST_STATE_WORDS[s];
    return {
      code: row.code,
      state: row.state,
      status: words(row.state),
      need: service?.name ?? null,
      communeName: names.communes.get(row.commune_code) ?? null,
      hamletName: row.hamlet_id ? (names.hamlets.get(row.hamlet_id) ?? null) : null,
      teamName: row.team_id ? (names.teams.get(row.team_id) ?? null) : null,
      createdAt: row.created_at,
      scheduledFor: row.state === 'scheduled' ? row.scheduled_for : null,
      timeline: updates.map((u) => ({
        state: u.to_state as HelpRequestState,
        status: words(u.to_state as HelpRequestState),
        at: u.created_at,
      })),
      rating: row.rating,
      canRate: row.state === 'done' && row.rated_at === null,
    };
  }

  /** The requester rates the help once it is done, with the private token given at filing; once only. */
  async function rate(
    code: string,
    body: { token: string; rating: number; comment?: string | null },
    ctx: AuditContext,
  ) {
    const row = await repo.findByCode(code);
    if (!row) throw NOT_FOUND_REQUEST();
    if (!tokenMatches(body.token, row.token_hash)) throw WRONG_TOKEN();
    if (row.rated_at !== null) {
      throw conflict('This help has already been rated.', 'Bạn đã đánh giá lần hỗ trợ này rồi.');
    }
    if (row.state !== 'done') throw wrongState();
    const comment = body.comment?.trim() || null;
    await db.transaction().execute(async (trx) => {
      if (!(await repo.rate(row.id, body.rating, comment, ctx.at, trx))) {
        throw conflict('This help has already been rated.', 'Bạn đã đánh giá lần hỗ trợ này rồi.');
      }
      await recordAudit(trx, ctx, {
        action: 'help_request.rated',
        entityType: 'help_request',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        after: { rating: body.rating },
      });
    });
    return { code: row.code, rating: body.rating };
  }

  return { create, track, rate };
}
export type HelpRequestIntakeService = ReturnType<typeof createHelpRequestIntakeService>;
