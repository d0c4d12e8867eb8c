/**
 * The pure parts of case intake (issue 10): the content digest that makes a resend harmless, the title made from a
 * description, a category's extra questions checked, and the bilingual refusals. Nothing here touches a database.
 */
import { createHash } from 'node:crypto';
import { MAX_CASE_TITLE } from '../../../shared/contracts/cases';
import type { CategoryAttribute } from '../../../shared/rules/case-categories';
import type { ErrorDetail } from '../../../shared/contracts/errors';
import { AppError, validation } from '../../platform/errors';

export interface CaseIntakeInput {
  /** Client-made UUID (web), or made by the caller (Open311, staff). */
  id: string;
  /** 'client:<id>' | 'open311:<apiKeyId>:<sha256 of normalised params>' | 'staff:<id>' */
  submissionKey: string;
  kind: 'report' | 'petition' | 'proposal';
  provinceCode: string;
  categoryCode: string;
  title?: string | null;
  description: string;
  location?: { lat: number; lng: number; accuracy?: number | null } | null;
  communeCode?: string | null;
  hamletId?: string | null;
  addressText?: string | null;
  attributes?: Record<string, string | string[]>;
  reporter: {
    name?: string | null;
    phone?: string | null;
    email?: string | null;
    showName: boolean;
    consentVersion?: string | null;
  };
  source: 'web' | 'open311' | 'staff' | 'team';
  channel: 'web' | 'app' | 'phone' | 'walk_in' | 'letter' | 'email' | 'open311';
  createdBy?: string | null;
  apiKeyId?: string | null;
  externalRef?: string | null;
  mediaUrl?: string | null;
  teamId?: string | null;
  theme?: string | null;
  /** ≤ 5, processed with processImage; stored whole with the case or not at all. */
  photos?: Buffer[];
  /** The client's address, for per-address/per-contact limits. */
  addressForLimits?: string;
}

export interface CaseIntakeResult {
  status: 'created' | 'duplicate';
  caseId: string;
  code: string;
  state: string;
  acceptDueAt: string;
  /** The reporter's secret, given only when the case is created (only its SHA-256 is stored). */
  reporterToken?: string;
}

export const sha256Hex = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');

/**
 * The digest of what was submitted, normalised (trimmed text, lower-cased e-mail, the phone as typed without
 * spaces, the photos by their bytes): the same submission key with the same digest is a resend, with another a
 * conflict.
 */
export function submissionDigest(input: CaseIntakeInput, photoHashes: readonly string[]): string {
  const text = (v: string | null | undefined) => (v ?? '').trim();
  return sha256Hex(
    JSON.stringify([
      input.kind,
      input.provinceCode,
      input.categoryCode,
      text(input.title),
      text(input.description),
      input.location ? [input.location.lat, input.location.lng] : null,
      input.communeCode ?? null,
      input.hamletId ?? null,
      text(input.addressText),
      Object.entries(input.attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)),
      text(input.reporter.name),
      text(input.reporter.phone).replace(/[\s.-]/g, ''),
      text(input.reporter.email).toLowerCase(),
      input.reporter.showName,
      input.teamId ?? null,
      input.theme ?? null,
      photoHashes,
    ]),
  );
}

/** A title from the description's first line, cut at a word, when the reporter gave none. */
export function titleFrom(description: string, title?: string | null): string {
  const given = title?.trim();
  if (given) return given.slice(0, MAX_CASE_TITLE);
  const line = description.trim().split(/\r?\n/)[0]!.replace(/\s+/g, ' ');
  if (line.length <= MAX_CASE_TITLE) return line;
  const cut = line.slice(0, MAX_CASE_TITLE - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_CASE_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export const invalid = (path: string, message: string, messageVi: string) =>
  validation([{ path, message, messageVi }]);

/** Checks the answers to a category's extra questions (an Open311 service definition's attributes). */
export function checkAttributes(
  defs: readonly CategoryAttribute[],
  answers: Record<string, string | string[]>,
): Record<string, string | string[]> {
  const problems: ErrorDetail[] = [];
  const byCode = new Map(defs.map((d) => [d.code, d]));
  for (const code of Object.keys(answers)) {
    if (!byCode.has(code))
      problems.push({
        path: `body.attributes.${code}`,
        message: 'Unknown question.',
        messageVi: 'Câu hỏi không có trong danh mục này.',
      });
  }
  for (const def of defs) {
    const answer = answers[def.code];
    const empty =
      answer === undefined || (Array.isArray(answer) ? answer.length === 0 : answer.trim() === '');
    const path = `body.attributes.${def.code}`;
    if (empty) {
      if (def.required)
        problems.push({
          path,
          message: `Please answer: ${def.descriptionEn}`,
          messageVi: `Vui lòng trả lời: ${def.descriptionVi}`,
        });
      continue;
    }
    const keys = new Set((def.values ?? []).map((v) => v.key));
    const picked = Array.isArray(answer) ? answer : [answer];
    if (def.datatype === 'singlevaluelist' && (Array.isArray(answer) || !keys.has(answer))) {
      problems.push({
        path,
        message: 'Pick one of the listed answers.',
        messageVi: 'Hãy chọn một trong các câu trả lời có sẵn.',
      });
    } else if (def.datatype === 'multivaluelist' && picked.some((k) => !keys.has(k))) {
      problems.push({
        path,
        message: 'Pick among the listed answers.',
        messageVi: 'Hãy chọn trong các câu trả lời có sẵn.',
      });
    } else if (def.datatype === 'number' && (Array.isArray(answer) || !Number.isFinite(Number(answer)))) {
      problems.push({ path, message: 'Give a number.', messageVi: 'Hãy nhập một số.' });
    } else if (!def.datatype.endsWith('list') && Array.isArray(answer)) {
      problems.push({ path, message: 'Give one answer.', messageVi: 'Hãy nhập một câu trả lời.' });
    }
  }
  if (problems.length > 0) throw validation(problems);
  return Object.fromEntries(
    Object.entries(answers).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v.trim() !== '')),
  );
}

export const BLOCKED = () =>
  new AppError(
    'FORBIDDEN',
    'Reports from this contact are not accepted at the moment. If you think this is a mistake, call your commune’s People’s Committee.',
    {
      messageVi:
        'Hiện không nhận phản ánh từ thông tin liên lạc này. Nếu bạn cho rằng có nhầm lẫn, vui lòng liên hệ Ủy ban nhân dân xã, phường.',
    },
  );

export const TOO_MANY_FOR_CONTACT = () =>
  new AppError(
    'RATE_LIMITED',
    'This phone number or e-mail has sent many reports today. Please try again tomorrow.',
    {
      messageVi:
        'Số điện thoại hoặc e-mail này đã gửi nhiều phản ánh trong hôm nay. Vui lòng gửi lại vào ngày mai.',
      headers: { 'retry-after': '3600' },
    },
  );
