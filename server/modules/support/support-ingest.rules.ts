import { createHash } from 'node:crypto';
import type { ErrorDetail } from '../../../shared/contracts/errors';
import { SupportRecordInputSchema, type SyncStatus } from '../../../shared/contracts/support';
import { canAt, coversPlacement } from '../../../shared/rules/permissions';
import {
  canonicalSupportContent,
  checkConsent,
  checkOccurredAt,
  checkServiceCodes,
  describeIssue,
  normalizeSupportContent,
  type SupportContent,
} from '../../../shared/rules/support-record';
import type { SupportRecordsTable } from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import { isActiveOn, type TeamsRepository } from '../teams/index';
import { localDateOf } from '../../../shared/time/vietnam-time';
import { consentColumns } from './support-consent';

/** A record of the batch that passed the schema, in canonical form with its content hash. */
export interface Candidate {
  index: number;
  sentId: string;
  id: string;
  content: SupportContent;
  /** The codes in the order they were sent, so a refusal points at the element the member ticked. */
  sentServices: string[];
  hash: string;
}

export const makeDetail = (path: string, message: string, messageVi: string): ErrorDetail => ({
  path,
  message,
  messageVi,
});

export interface IngestResult {
  /** The id as the device sent it (null when the element had no usable id). */
  id: string | null;
  status: SyncStatus;
  errors?: ErrorDetail[];
  /** Invalid because the caller may not record it (403 on PUT), not because a field is wrong (400). */
  forbidden?: boolean;
}

export const CONFLICT_DETAIL = makeDetail(
  'id',
  'Another record is already stored under this id with different content. To correct a record, send a new id with "supersedes".',
  'Mã này đã được dùng cho một lượt hỗ trợ có nội dung khác. Muốn sửa, hãy gửi bản ghi mới có "supersedes".',
);

export const ALREADY_CORRECTED = makeDetail(
  'supersedes',
  'That record was already corrected; correct its latest version.',
  'Lượt hỗ trợ này đã được sửa; hãy sửa phiên bản mới nhất.',
);

export function hashContent(content: SupportContent): string {
  return createHash('sha256').update(canonicalSupportContent(content)).digest('base64url');
}

function sentIdOf(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 100) : null;
}

/**
 * Schema, canonical form and hash of every element, in input order. The first element with a given id is a
 * candidate; later ones with the same id are answered from the first's outcome (answerRepeats).
 */
export function parseCandidates(raws: readonly unknown[]) {
  const results: IngestResult[] = new Array<IngestResult>(raws.length);
  const firsts = new Map<string, Candidate>();
  const repeats: Candidate[] = [];
  raws.forEach((raw, index) => {
    const parsed = SupportRecordInputSchema.safeParse(raw);
    if (!parsed.success) {
      results[index] = {
        id: sentIdOf(raw),
        status: 'invalid',
        errors: parsed.error.issues.map((i) => describeIssue(i, raw)),
      };
      return;
    }
    const content = normalizeSupportContent(parsed.data);
    const c: Candidate = {
      index,
      sentId: parsed.data.id,
      id: parsed.data.id.toLowerCase(),
      content,
      sentServices: parsed.data.services.map((s) => s.trim()),
      hash: hashContent(content),
    };
    if (firsts.has(c.id)) repeats.push(c);
    else firsts.set(c.id, c);
  });
  return { results, firsts, repeats };
}

/** Same id again in one batch: the stored hash decides; if nothing was stored, the first element's answer. */
export function answerRepeats(
  repeats: readonly Candidate[],
  firsts: ReadonlyMap<string, Candidate>,
  storedHash: ReadonlyMap<string, string>,
  results: IngestResult[],
) {
  for (const c of repeats) {
    const first = firsts.get(c.id)!;
    const firstResult = results[first.index]!;
    const hash = storedHash.get(c.id);
    if (hash !== undefined) {
      results[c.index] =
        hash === c.hash
          ? { id: c.sentId, status: 'duplicate' }
          : { id: c.sentId, status: 'conflict', errors: [CONFLICT_DETAIL] };
    } else {
      results[c.index] =
        first.hash === c.hash
          ? { ...firstResult, id: c.sentId }
          : {
              id: c.sentId,
              status: 'invalid',
              errors: [
                makeDetail(
                  'id',
                  'This id appears twice in the batch with different content.',
                  'Mã này xuất hiện hai lần trong lần gửi với nội dung khác nhau.',
                ),
              ],
            };
    }
  }
}

export type TeamWithMembership = Awaited<ReturnType<TeamsRepository['findManyWithMembership']>>[number];

export interface Lookups {
  teamById: Map<string, TeamWithMembership>;
  hamletRows: Map<string, Awaited<ReturnType<TeamsRepository['findManyHamlets']>>[number]>;
  /** Rows of teamById's query that carry one of the caller's memberships. */
  memberships: TeamWithMembership[];
  statusOf: (code: string) => 'active' | 'retired' | undefined;
}

export interface Accepted {
  placement: { provinceCode: string; communeCode: string; hamletId: string };
  /** The team's own hamlet (null: a commune-level team): where the record sits for review. */
  teamHamletId: string | null;
  memberId: string | null;
  teamName: string;
  hamletName: string;
  memberName: string | null;
}

/**
 * Field rules first (400 / invalid), then where the record may go and who may write it (403 / invalid): the
 * hamlet must be in the team's commune, and the author an active member of the team on that day or a holder
 * of support.capture covering the hamlet; an API key must cover the hamlet.
 */
export function checkCandidate(
  actor: Exclude<Actor, { kind: 'anonymous' }>,
  c: Candidate,
  now: Date,
  l: Lookups,
): Accepted | { errors: ErrorDetail[]; forbidden?: boolean } {
  const errors: ErrorDetail[] = [];
  const team = l.teamById.get(c.content.teamId);
  const hamlet = l.hamletRows.get(c.content.hamletId);
  if (!team) errors.push(makeDetail('teamId', 'Unknown team.', 'Không tìm thấy tổ.'));
  if (!hamlet) errors.push(makeDetail('hamletId', 'Unknown hamlet.', 'Không tìm thấy ấp/khu phố.'));
  const when = checkOccurredAt(c.content.occurredAt, now);
  if (when) errors.push(when);
  errors.push(...checkServiceCodes(c.sentServices, l.statusOf));
  errors.push(...checkConsent(c.content));
  if (errors.length > 0 || !team || !hamlet) return { errors };

  const placement = {
    provinceCode: hamlet.province_code,
    communeCode: hamlet.commune_code,
    hamletId: hamlet.id,
  };
  if (hamlet.commune_code !== team.commune_code || hamlet.province_code !== team.province_code) {
    return {
      forbidden: true,
      errors: [
        makeDetail(
          'hamletId',
          'The hamlet is not in the team’s commune.',
          'Ấp/khu phố không thuộc xã/phường của tổ.',
        ),
      ],
    };
  }
  let memberId: string | null = null;
  let memberName: string | null = null;
  if (actor.kind === 'user') {
    const day = localDateOf(new Date(c.content.occurredAt));
    const membership = l.memberships.find(
      (m) =>
        m.id === team.id &&
        m.active_from !== null &&
        isActiveOn({ active_from: m.active_from, active_to: m.active_to }, day),
    );
    if (membership) {
      memberId = membership.member_id;
      memberName = membership.member_name;
    } else if (!canAt(actor.grants, 'support.capture', placement)) {
      return {
        forbidden: true,
        errors: [
          makeDetail(
            'teamId',
            'You were not an active member of this team on that day and may not record support in this hamlet.',
            'Bạn không phải thành viên của tổ này vào ngày đó và không được ghi lượt hỗ trợ tại ấp/khu phố này.',
          ),
        ],
      };
    }
  } else if (!actor.grants.some((g) => coversPlacement(g, placement))) {
    return {
      forbidden: true,
      errors: [
        makeDetail(
          'hamletId',
          'The API key does not cover this hamlet.',
          'Khoá API không có quyền tại ấp/khu phố này.',
        ),
      ],
    };
  }
  if (team.status !== 'active' && (team.status_changed_at ?? '') <= c.content.occurredAt) {
    return {
      errors: [
        makeDetail(
          'teamId',
          'The team had been merged or dissolved by that time.',
          'Vào thời điểm đó tổ đã được sáp nhập hoặc giải thể.',
        ),
      ],
    };
  }
  return {
    placement,
    teamHamletId: team.hamlet_id,
    memberId,
    teamName: team.name,
    hamletName: hamlet.name,
    memberName,
  };
}

export function buildRow(
  actor: Exclude<Actor, { kind: 'anonymous' }>,
  c: Candidate,
  a: Accepted,
  at: string,
  correctedBy: string | null,
): SupportRecordsTable {
  const k = c.content;
  return {
    id: c.id,
    team_id: k.teamId,
    hamlet_id: k.hamletId,
    province_code: a.placement.provinceCode,
    commune_code: a.placement.communeCode,
    team_hamlet_id: a.teamHamletId,
    occurred_at: k.occurredAt,
    services_json: JSON.stringify(k.services),
    outcome: k.outcome,
    age_band: k.ageBand,
    gender: k.gender,
    ...consentColumns(k.consent),
    duration_minutes: k.durationMinutes,
    note: k.note,
    lat: k.location?.lat ?? null,
    lng: k.location?.lng ?? null,
    accuracy: k.location?.accuracy ?? null,
    campaign_id: k.campaignId,
    help_request_id: k.helpRequestId,
    supersedes: k.supersedes,
    content_hash: c.hash,
    author_user_id: actor.kind === 'user' ? actor.user.id : null,
    author_api_key_id: actor.kind === 'apiKey' ? actor.keyId : null,
    member_id: a.memberId,
    received_at: at,
    state: correctedBy ? 'superseded' : 'active',
    superseded_by: correctedBy,
    retracted_at: null,
    retraction_reason: null,
    retracted_by: null,
    review_status: 'pending',
    reviewed_at: null,
    reviewed_by: null,
    review_note: null,
  };
}
