import type { CreateHelpRequestBody } from '../../../shared/contracts/help-requests';
import { uuidv7 } from '../../../shared/ids';
import { helpRequestsPurpose } from '../../../shared/privacy/purposes-planned';

/**
 * The help request being written, kept in localStorage as it is typed: a lost connection or a reload finds it
 * again, and its id (made here, once) is the request's id, so sending it twice stores one request. Pure helpers,
 * no React, so the checks are unit-tested on their own.
 */
export const OTHER_NEED = '_other';
export const HELP_DRAFT_KEY = 'cds.help-request.draft';
/** The register's consent text version the person is shown (sent with the request; the server refuses a stale one). */
export const HELP_CONSENT_VERSION = helpRequestsPurpose.consent?.version ?? null;

export interface HelpDraft {
  id: string;
  /** A catalogue service code, OTHER_NEED for free text, or '' while nothing is chosen. */
  serviceCode: string;
  needText: string;
  communeCode: string | null;
  communeName: string | null;
  hamletId: string | null;
  hamletName: string | null;
  address: string;
  preferredTime: string;
  phone: string;
  contactName: string;
  consent: boolean;
}

export const FIELD_IDS = {
  need: 'help-need',
  needText: 'help-need-text',
  place: 'help-place',
  phone: 'help-phone',
  consent: 'help-consent',
} as const;
export type HelpField = keyof typeof FIELD_IDS;
/** Each problem's message key (namespace "help-requests"). */
export type HelpErrors = Partial<Record<HelpField, string>>;

export function newHelpDraft(now = new Date()): HelpDraft {
  return {
    id: uuidv7(now.getTime()),
    serviceCode: '',
    needText: '',
    communeCode: null,
    communeName: null,
    hamletId: null,
    hamletName: null,
    address: '',
    preferredTime: '',
    phone: '',
    contactName: '',
    consent: false,
  };
}

/** Mirrors PhoneSchema (shared/contracts/accounts.ts) without importing Zod into the public page. */
export function looksLikePhone(value: string): boolean {
  return /^(\+84|84|0)\d{9}$/.test(value.trim().replace(/[\s.-]/g, ''));
}

/** What the device can check before sending; the server checks all of it again and answers per field. */
export function validateHelpDraft(d: HelpDraft): HelpErrors {
  const errors: HelpErrors = {};
  if (!d.serviceCode) errors.need = 'form.errors.need';
  else if (d.serviceCode === OTHER_NEED && d.needText.trim().length < 2)
    errors.needText = 'form.errors.needText';
  if (!d.communeCode) errors.place = 'form.errors.place';
  if (!d.phone.trim()) errors.phone = 'form.errors.phoneMissing';
  else if (!looksLikePhone(d.phone)) errors.phone = 'form.errors.phone';
  if (!d.consent) errors.consent = 'form.errors.consent';
  return errors;
}

/** The POST body (interfaces.md's fixed fields, the client id and the consent version shown). */
export function toHelpRequestBody(d: HelpDraft): CreateHelpRequestBody {
  const optional = (value: string) => (value.trim() ? value.trim() : null);
  return {
    id: d.id,
    need: d.serviceCode === OTHER_NEED ? d.needText.trim() : d.serviceCode,
    communeCode: d.communeCode ?? '',
    hamletId: d.hamletId,
    address: optional(d.address),
    preferredTime: optional(d.preferredTime),
    phone: d.phone.trim(),
    contactName: optional(d.contactName),
    consent: d.consent,
    consentVersion: HELP_CONSENT_VERSION,
  };
}

function isDraft(value: unknown): value is HelpDraft {
  const v = value as Partial<HelpDraft> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.serviceCode === 'string' &&
    typeof v.phone === 'string' &&
    typeof v.consent === 'boolean'
  );
}

/** The stored draft, or null (none, unreadable, or storage refused: private browsing, a full disk). */
export function loadHelpDraft(storage: Storage | undefined = globalThis.localStorage): HelpDraft | null {
  try {
    const raw = storage?.getItem(HELP_DRAFT_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isDraft(parsed) ? { ...newHelpDraft(), ...parsed } : null;
  } catch {
    return null;
  }
}

export function saveHelpDraft(draft: HelpDraft, storage: Storage | undefined = globalThis.localStorage) {
  try {
    storage?.setItem(HELP_DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage refused: the form still works, it only forgets the draft on reload.
  }
}

export function clearHelpDraft(storage: Storage | undefined = globalThis.localStorage) {
  try {
    storage?.removeItem(HELP_DRAFT_KEY);
  } catch {
    // As above.
  }
}

/** True when the person has typed something worth saying "your draft was kept" about. */
export function hasContent(d: HelpDraft): boolean {
  return Boolean(d.serviceCode || d.needText.trim() || d.communeCode || d.phone.trim() || d.address.trim());
}
