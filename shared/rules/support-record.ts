/**
 * Pure rules of a support record (interfaces.md §2): how its content is normalised and compared, the time window
 * a device may report, and the bilingual per-field messages the member sees for a refused record. Used by the
 * server when it stores records and by the web app to explain a refusal before the record leaves the phone.
 */
import type { z } from 'zod';
import type { ErrorDetail } from '../contracts/errors';
import type { AgeBand, Gender, Outcome, SupportRecordInput } from '../contracts/support';

/** A device clock may run a little ahead; beyond this the time is a mistake. */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;
/** Older help is no longer reported through the field log (figures for past periods are closed). */
export const MAX_AGE_DAYS = 90;
const DAY_MS = 86_400_000;

/** The client fields in one canonical form: what "same content" means for a resend. */
export interface SupportContent {
  teamId: string;
  hamletId: string;
  /** UTC instant, milliseconds: "…+07:00" and the same instant in "Z" are the same content. */
  occurredAt: string;
  /** Sorted, without repeats: the order of ticks on the form is not content. */
  services: string[];
  outcome: Outcome;
  ageBand: AgeBand;
  gender: Gender;
  consent: boolean;
  durationMinutes: number | null;
  /** Trimmed; empty means none. */
  note: string | null;
  location: { lat: number; lng: number; accuracy: number | null } | null;
  campaignId: string | null;
  helpRequestId: string | null;
  supersedes: string | null;
}

export function normalizeSupportContent(input: Omit<SupportRecordInput, 'id'>): SupportContent {
  const note = input.note?.trim() ?? '';
  return {
    teamId: input.teamId.trim(),
    hamletId: input.hamletId.trim(),
    occurredAt: new Date(input.occurredAt).toISOString(),
    services: [...new Set(input.services.map((s) => s.trim()))].sort(),
    outcome: input.outcome,
    ageBand: input.person.ageBand,
    gender: input.person.gender,
    consent: input.consent,
    durationMinutes: input.durationMinutes ?? null,
    note: note === '' ? null : note,
    location: input.location
      ? { lat: input.location.lat, lng: input.location.lng, accuracy: input.location.accuracy ?? null }
      : null,
    campaignId: input.campaignId?.trim() || null,
    helpRequestId: input.helpRequestId?.trim() || null,
    supersedes: input.supersedes?.toLowerCase() ?? null,
  };
}

/**
 * The canonical text that is hashed to compare a resend with what is stored. Fixed key order, explicit nulls;
 * changing it would turn every stored record into a "conflict" for its own resends, so it is versioned.
 */
export function canonicalSupportContent(c: SupportContent): string {
  return JSON.stringify([
    'v1',
    c.teamId,
    c.hamletId,
    c.occurredAt,
    c.services,
    c.outcome,
    c.ageBand,
    c.gender,
    c.consent,
    c.durationMinutes,
    c.note,
    c.location ? [c.location.lat, c.location.lng, c.location.accuracy] : null,
    c.campaignId,
    c.helpRequestId,
    c.supersedes,
  ]);
}

export function isSameSupportContent(a: SupportContent, b: SupportContent): boolean {
  return canonicalSupportContent(a) === canonicalSupportContent(b);
}

const detail = (path: string, message: string, messageVi: string): ErrorDetail => ({
  path,
  message,
  messageVi,
});

/** The time window: not more than 10 minutes ahead of the server, not older than 90 days. */
export function checkOccurredAt(occurredAtIso: string, now: Date): ErrorDetail | null {
  const at = Date.parse(occurredAtIso);
  if (at - now.getTime() > FUTURE_TOLERANCE_MS) {
    return detail(
      'occurredAt',
      'The time is in the future. Check the phone’s date and time.',
      'Thời điểm hỗ trợ nằm ở tương lai. Vui lòng kiểm tra ngày giờ của điện thoại.',
    );
  }
  if (now.getTime() - at > MAX_AGE_DAYS * DAY_MS) {
    return detail(
      'occurredAt',
      `The support happened more than ${MAX_AGE_DAYS} days ago and can no longer be recorded.`,
      `Lượt hỗ trợ đã quá ${MAX_AGE_DAYS} ngày nên không thể ghi nhận nữa.`,
    );
  }
  return null;
}

/** Every service must be known and active; retired codes are refused for new records. */
export function checkServiceCodes(
  codes: readonly string[],
  statusOf: (code: string) => 'active' | 'retired' | undefined,
): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  codes.forEach((code, i) => {
    const status = statusOf(code);
    if (status === undefined) {
      errors.push(
        detail(`services.${i}`, `Unknown service "${code}".`, `Dịch vụ "${code}" không có trong danh mục.`),
      );
    } else if (status === 'retired') {
      errors.push(
        detail(
          `services.${i}`,
          `The service "${code}" is no longer offered.`,
          `Dịch vụ "${code}" đã ngừng sử dụng.`,
        ),
      );
    }
  });
  return errors;
}

/** Purpose-bound consent (Law 91/2025): without it, nothing beyond the anonymous counts is kept. */
export function checkConsent(c: Pick<SupportContent, 'consent' | 'note' | 'location'>): ErrorDetail[] {
  if (c.consent) return [];
  const errors: ErrorDetail[] = [];
  if (c.note !== null) {
    errors.push(
      detail(
        'note',
        'Without the citizen’s consent, leave the note empty.',
        'Khi người dân chưa đồng ý, không ghi chú thích.',
      ),
    );
  }
  if (c.location !== null) {
    errors.push(
      detail(
        'location',
        'Without the citizen’s consent, do not record the location.',
        'Khi người dân chưa đồng ý, không ghi vị trí.',
      ),
    );
  }
  return errors;
}

const FIELD_LABELS: Record<string, [en: string, vi: string]> = {
  id: ['Record id', 'Mã lượt hỗ trợ'],
  teamId: ['Team', 'Tổ'],
  hamletId: ['Hamlet', 'Ấp/khu phố'],
  occurredAt: ['Time', 'Thời điểm'],
  services: ['Services', 'Dịch vụ hỗ trợ'],
  outcome: ['Outcome', 'Kết quả'],
  person: ['Person helped', 'Người được hỗ trợ'],
  ageBand: ['Age band', 'Nhóm tuổi'],
  gender: ['Gender', 'Giới tính'],
  consent: ['Consent', 'Sự đồng ý'],
  durationMinutes: ['Duration', 'Thời lượng'],
  note: ['Note', 'Ghi chú'],
  location: ['Location', 'Vị trí'],
  lat: ['Latitude', 'Vĩ độ'],
  lng: ['Longitude', 'Kinh độ'],
  accuracy: ['Accuracy', 'Độ chính xác'],
  campaignId: ['Campaign', 'Chiến dịch'],
  helpRequestId: ['Help request', 'Yêu cầu hỗ trợ'],
  supersedes: ['Corrected record', 'Lượt hỗ trợ được sửa'],
};

function labelOf(path: readonly PropertyKey[]): [string, string] {
  const key = [...path].reverse().find((p) => typeof p === 'string');
  return (typeof key === 'string' && FIELD_LABELS[key]) || ['Field', 'Trường'];
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * One Zod issue → a message a member can act on, in English and Vietnamese, with the field's dotted path.
 * `input` is what was validated: a missing field reads "required" rather than "wrong type".
 */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): ErrorDetail {
  const path = issue.path.map(String).join('.');
  const [en, vi] = labelOf(issue.path);
  const missing =
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
    valueAt(input, issue.path) === undefined;
  if (missing) return detail(path, `${en} is required.`, `${vi} là bắt buộc.`);
  switch (issue.code) {
    case 'invalid_type':
      return detail(
        path,
        `${en} has the wrong type (expected ${issue.expected}).`,
        `${vi} sai kiểu dữ liệu.`,
      );
    case 'invalid_value':
      return detail(
        path,
        `${en} must be one of: ${issue.values.map(String).join(', ')}.`,
        `${vi} phải là một trong: ${issue.values.map(String).join(', ')}.`,
      );
    case 'unrecognized_keys':
      return detail(
        path,
        `Unknown field(s): ${issue.keys.join(', ')}.`,
        `Trường không được chấp nhận: ${issue.keys.join(', ')}.`,
      );
    case 'too_small':
      return issue.origin === 'array'
        ? detail(
            path,
            `Choose at least ${String(issue.minimum)} ${en.toLowerCase()}.`,
            `Chọn ít nhất ${String(issue.minimum)} mục cho ${vi.toLowerCase()}.`,
          )
        : detail(
            path,
            `${en} is too small (minimum ${String(issue.minimum)}).`,
            `${vi} quá nhỏ (tối thiểu ${String(issue.minimum)}).`,
          );
    case 'too_big':
      if (issue.origin === 'array') {
        return detail(
          path,
          `At most ${String(issue.maximum)} ${en.toLowerCase()}.`,
          `Tối đa ${String(issue.maximum)} mục cho ${vi.toLowerCase()}.`,
        );
      }
      if (issue.origin === 'string') {
        return detail(
          path,
          `${en} is too long (at most ${String(issue.maximum)} characters).`,
          `${vi} quá dài (tối đa ${String(issue.maximum)} ký tự).`,
        );
      }
      return detail(
        path,
        `${en} is too large (maximum ${String(issue.maximum)}).`,
        `${vi} quá lớn (tối đa ${String(issue.maximum)}).`,
      );
    default:
      return detail(path, `${en} is not valid: ${issue.message}`, `${vi} không hợp lệ.`);
  }
}
