import type { CaseCategory, CreateCaseBody } from '../../../shared/contracts/cases';
import { MAX_CASE_DESCRIPTION } from './limits';
import type { ReportDraft } from './report-draft';

/**
 * The report form's rules, pure: the steps, what each step needs before the next, and the body sent to
 * POST /api/v1/cases. Errors are message keys of the "cases" namespace, by field id.
 */
export const STEPS = ['category', 'what', 'where', 'contact'] as const;
export type Step = (typeof STEPS)[number];

export const FIELD_IDS = {
  category: 'report-category',
  description: 'report-description',
  place: 'report-place',
  phone: 'report-phone',
  email: 'report-email',
  consent: 'report-consent',
  name: 'report-name',
} as const;

export type StepErrors = Record<string, string>;

const PHONE = /^(?:\+?84|0)[235789]\d{8}$|^(?:\+?84|0)2\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function attributeFieldId(code: string): string {
  return `report-attr-${code}`;
}

function isBlank(value: string | string[] | undefined): boolean {
  return value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
}

/** What is missing or wrong on one step (empty when the person may go on). */
export function validateStep(step: Step, draft: ReportDraft, category: CaseCategory | null): StepErrors {
  const errors: StepErrors = {};
  if (step === 'category' && !draft.categoryCode) errors[FIELD_IDS.category] = 'errors.category';
  if (step === 'what') {
    const length = draft.description.trim().length;
    if (length < 10) errors[FIELD_IDS.description] = 'errors.descriptionShort';
    else if (length > MAX_CASE_DESCRIPTION) errors[FIELD_IDS.description] = 'errors.descriptionLong';
    for (const attribute of category?.attributes ?? []) {
      if (attribute.required && isBlank(draft.attributes[attribute.code])) {
        errors[attributeFieldId(attribute.code)] = 'errors.attribute';
      }
    }
  }
  if (step === 'where' && draft.kind === 'report' && !draft.location && !draft.communeCode) {
    errors[FIELD_IDS.place] = 'errors.place';
  }
  if (step === 'contact') {
    const phone = draft.phone.replace(/[\s.-]/g, '');
    if (phone && !PHONE.test(phone)) errors[FIELD_IDS.phone] = 'errors.phone';
    if (draft.email.trim() && !EMAIL.test(draft.email.trim())) errors[FIELD_IDS.email] = 'errors.email';
    if ((phone || draft.email.trim()) && !draft.consent) errors[FIELD_IDS.consent] = 'errors.consent';
    if (draft.showName && !draft.name.trim()) errors[FIELD_IDS.name] = 'errors.nameToShow';
  }
  return errors;
}

/** The first step with something missing, or null when the whole report may be sent. */
export function firstInvalidStep(draft: ReportDraft, category: CaseCategory | null): Step | null {
  return STEPS.find((step) => Object.keys(validateStep(step, draft, category)).length > 0) ?? null;
}

const orNull = (value: string): string | null => (value.trim() ? value.trim() : null);

/** The body of POST /api/v1/cases; the consent version is sent only with a phone or an e-mail. */
export function bodyOf(draft: ReportDraft, consentVersion: string | null): CreateCaseBody {
  const phone = orNull(draft.phone);
  const email = orNull(draft.email);
  const attributes = Object.fromEntries(
    Object.entries(draft.attributes).filter(([, value]) => !isBlank(value)),
  );
  return {
    id: draft.id,
    kind: draft.kind,
    categoryCode: draft.categoryCode ?? '',
    description: draft.description.trim(),
    location: draft.location
      ? { lat: draft.location.lat, lng: draft.location.lng, accuracy: draft.location.accuracy ?? null }
      : null,
    communeCode: draft.communeCode,
    hamletId: draft.hamletId,
    addressText: orNull(draft.addressText),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    name: orNull(draft.name),
    showName: draft.showName && Boolean(orNull(draft.name)),
    phone,
    email,
    contactConsentVersion: phone || email ? consentVersion : null,
  };
}
