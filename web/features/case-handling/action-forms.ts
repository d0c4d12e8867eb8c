import {
  BlockSenderBodySchema,
  CaseActionBodySchema,
  ExtensionRequestBodySchema,
  type CaseActionBody,
} from '../../../shared/contracts/case-handling';
import type { CaseSeverity } from '../../../shared/rules/case-workflow';
import { CASE_TRACKING_CODE_PATTERN } from '../../../shared/rules/case-workflow';

/**
 * The drafts of the case screen's forms and the bodies they become. Checked the way the server checks them (the
 * shared contract), so most mistakes are caught before a round trip; errors are i18n keys of "case-handling".
 */

export type FormResult<Body> = { ok: true; body: Body } | { ok: false; errors: Record<string, string> };

const MIN_REASON = 5;

function trimmed(value: string): string | undefined {
  const text = value.trim();
  return text ? text : undefined;
}

export interface AcceptDraft {
  severity: CaseSeverity;
  categoryCode: string;
  /** The case's category when the dialog opened: only a change is sent. */
  currentCategory: string;
  assign: boolean;
  /** '' = the routed agency (the server picks it from the rules). */
  agencyId: string;
  suggestedAgencyId: string | null;
  message: string;
}

export function acceptBody(d: AcceptDraft): FormResult<CaseActionBody> {
  if (d.assign && !d.agencyId && !d.suggestedAgencyId)
    return { ok: false, errors: { agencyId: 'accept.agencyRequired' } };
  const body: CaseActionBody = {
    action: 'accept',
    severity: d.severity,
    assign: d.assign,
    ...(d.categoryCode && d.categoryCode !== d.currentCategory ? { categoryCode: d.categoryCode } : {}),
    ...(d.assign && d.agencyId ? { agencyId: d.agencyId } : {}),
    ...(trimmed(d.message) ? { message: trimmed(d.message) } : {}),
  };
  return CaseActionBodySchema.safeParse(body).success ? { ok: true, body } : { ok: false, errors: {} };
}

export function refuseBody(d: { reason: string; notCompetent: boolean }): FormResult<CaseActionBody> {
  const reason = d.reason.trim();
  if (reason.length < MIN_REASON) return { ok: false, errors: { reason: 'refuse.reasonTooShort' } };
  return { ok: true, body: { action: 'refuse', reason, notCompetent: d.notCompetent } };
}

export function assignBody(d: {
  reassign: boolean;
  agencyId: string;
  suggestedAgencyId: string | null;
  reason: string;
}): FormResult<CaseActionBody> {
  const errors: Record<string, string> = {};
  if (d.reassign) {
    if (!d.agencyId) errors.agencyId = 'assign.agencyRequired';
    if (d.reason.trim().length < MIN_REASON) errors.reason = 'assign.reasonTooShort';
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return { ok: true, body: { action: 'reassign', agencyId: d.agencyId, reason: d.reason.trim() } };
  }
  if (!d.agencyId && !d.suggestedAgencyId)
    return { ok: false, errors: { agencyId: 'assign.agencyRequired' } };
  const message = trimmed(d.reason);
  return {
    ok: true,
    body: {
      action: 'assign',
      ...(d.agencyId ? { agencyId: d.agencyId } : {}),
      ...(message ? { message } : {}),
    },
  };
}

export function answerBody(d: { text: string }): FormResult<CaseActionBody> {
  const text = d.text.trim();
  if (text.length < MIN_REASON) return { ok: false, errors: { text: 'answer.textTooShort' } };
  return { ok: true, body: { action: 'answer', text } };
}

export function mergeBody(d: { code: string }): FormResult<CaseActionBody> {
  const code = d.code.trim().toUpperCase();
  if (!CASE_TRACKING_CODE_PATTERN.test(code)) return { ok: false, errors: { code: 'merge.codeInvalid' } };
  return { ok: true, body: { action: 'merge', intoCode: code } };
}

export function simpleBody(action: 'start' | 'close', message: string): FormResult<CaseActionBody> {
  const text = trimmed(message);
  return { ok: true, body: { action, ...(text ? { message: text } : {}) } };
}

export function extensionBody(d: {
  reason: string;
  days: string;
}): FormResult<{ reason: string; workingDays: number }> {
  const errors: Record<string, string> = {};
  const workingDays = Number(d.days);
  if (d.reason.trim().length < MIN_REASON) errors.reason = 'extension.reasonTooShort';
  if (!/^\d+$/.test(d.days.trim()) || workingDays < 1 || workingDays > 30)
    errors.days = 'extension.daysInvalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const body = { reason: d.reason.trim(), workingDays };
  return ExtensionRequestBodySchema.safeParse(body).success ? { ok: true, body } : { ok: false, errors: {} };
}

export function blockBody(d: {
  reason: string;
  days: string;
}): FormResult<{ reason: string; days: number | null }> {
  const errors: Record<string, string> = {};
  const daysText = d.days.trim();
  const days = daysText ? Number(daysText) : null;
  if (d.reason.trim().length < MIN_REASON) errors.reason = 'moderation.blockReasonTooShort';
  if (days !== null && (!/^\d+$/.test(daysText) || days < 1 || days > 3650))
    errors.days = 'moderation.blockDaysInvalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const body = { reason: d.reason.trim(), days };
  return BlockSenderBodySchema.safeParse(body).success ? { ok: true, body } : { ok: false, errors: {} };
}
