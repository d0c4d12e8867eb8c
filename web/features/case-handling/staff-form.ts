import type { z } from 'zod';
import { PhoneSchema } from '../../../shared/contracts/accounts';
import type { StaffCaseBodySchema } from '../../../shared/contracts/case-handling';

/**
 * The staff filing form (a caller on the 1022 hotline, a walk-in, a letter, an e-mail): its draft, the checks the
 * server will make (so most mistakes are caught at once, with the officer still on the phone) and the body it sends.
 * Errors are i18n keys of "case-handling".
 */
export type StaffCaseBody = z.input<typeof StaffCaseBodySchema>;

export interface StaffDraft {
  channel: 'phone' | 'walk_in' | 'letter' | 'email';
  kind: 'report' | 'petition';
  categoryCode: string;
  title: string;
  description: string;
  communeCode: string;
  addressText: string;
  name: string;
  showName: boolean;
  phone: string;
  email: string;
  consent: boolean;
}

export const EMPTY_STAFF_DRAFT: StaffDraft = {
  channel: 'phone',
  kind: 'report',
  categoryCode: '',
  title: '',
  description: '',
  communeCode: '',
  addressText: '',
  name: '',
  showName: false,
  phone: '',
  email: '',
  consent: false,
};

export type StaffErrors = Partial<Record<keyof StaffDraft, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function staffErrors(d: StaffDraft): StaffErrors {
  const errors: StaffErrors = {};
  if (!d.categoryCode) errors.categoryCode = 'staff.errors.category';
  if (d.description.trim().length < 10) errors.description = 'staff.errors.description';
  // A report is about a place; with no GPS from a caller, the commune is the least the agency needs.
  if (d.kind === 'report' && !d.communeCode) errors.communeCode = 'staff.errors.commune';
  if (d.phone.trim() && !PhoneSchema.safeParse(d.phone).success) errors.phone = 'staff.errors.phone';
  if (d.email.trim() && !EMAIL.test(d.email.trim())) errors.email = 'staff.errors.email';
  if ((d.phone.trim() || d.email.trim()) && !d.consent) errors.consent = 'staff.errors.consent';
  return errors;
}

const orNull = (value: string) => value.trim() || null;

/** The body of POST /api/v1/cases/staff; `consentVersion` is the register's text read to the resident. */
export function staffBody(id: string, d: StaffDraft, consentVersion: string | null): StaffCaseBody {
  const hasContact = Boolean(d.phone.trim() || d.email.trim());
  return {
    id,
    channel: d.channel,
    kind: d.kind,
    categoryCode: d.categoryCode,
    title: orNull(d.title),
    description: d.description.trim(),
    communeCode: orNull(d.communeCode),
    addressText: orNull(d.addressText),
    name: orNull(d.name),
    showName: d.showName,
    phone: orNull(d.phone),
    email: orNull(d.email),
    contactConsentVersion: hasContact && d.consent ? consentVersion : null,
  };
}
