/**
 * What intake checks before it writes: the case's place (given, from the pin, or from a photo's own position) and the
 * reporter's contact with its consent rule. Read-only; the write path is case-intake.service.ts.
 */
import { EmailSchema, normalizePhone, PhoneSchema } from '../../../shared/contracts/accounts';
import { findPurpose } from '../../../shared/privacy/register';
import type { ConsentChannel } from '../../../shared/privacy/register-types';
import { invalid, type CaseIntakeInput } from './case-intake.rules';
import type { CaseIntakeDeps } from './case-intake.service';

/** The version of the register's contact-consent text ("tell me of progress") a reporter must have agreed to. */
export const CONTACT_CONSENT_VERSION = findPurpose('reports').consent!.version;

export function consentChannel(channel: CaseIntakeInput['channel']): ConsentChannel {
  if (channel === 'phone') return 'phone_call';
  if (channel === 'walk_in') return 'in_person';
  return 'web';
}

/** Commune (and hamlet) of the case: given, or found from the pin; a report must have a place. */
export async function placeOf(
  deps: Pick<CaseIntakeDeps, 'cases' | 'communeAt'>,
  input: CaseIntakeInput,
  photoGps: { lat: number; lng: number } | null,
) {
  const { cases } = deps;
  let communeCode = input.communeCode ?? null;
  const hamletId = input.hamletId ?? null;
  if (hamletId !== null) {
    const hamlet = await cases.findActiveHamlet(hamletId);
    if (
      !hamlet ||
      hamlet.province_code !== input.provinceCode ||
      (communeCode !== null && hamlet.commune_code !== communeCode)
    ) {
      throw invalid(
        'body.hamletId',
        'This hamlet is not in the chosen commune.',
        'Ấp, khu phố này không thuộc xã, phường đã chọn.',
      );
    }
    communeCode = hamlet.commune_code;
  }
  if (communeCode !== null && !(await cases.communeInProvince(input.provinceCode, communeCode))) {
    throw invalid(
      'body.communeCode',
      'This commune is not in the province.',
      'Xã, phường này không thuộc tỉnh.',
    );
  }
  let location = input.location ?? null;
  if (location && communeCode === null) {
    const found = deps.communeAt(input.provinceCode, location.lat, location.lng);
    if (found.status === 'outside') {
      throw invalid(
        'body.location',
        'This place is outside the province. Move the pin, or choose the commune.',
        'Vị trí này nằm ngoài tỉnh. Hãy đặt lại ghim trên bản đồ hoặc chọn xã, phường.',
      );
    }
    if (found.status === 'found') communeCode = found.communeCode;
  }
  // A photo's own position is offered when no place was given, if it is in the province.
  if (!location && photoGps) {
    const found = deps.communeAt(input.provinceCode, photoGps.lat, photoGps.lng);
    if (
      found.status !== 'outside' &&
      (communeCode === null || found.status !== 'found' || found.communeCode === communeCode)
    ) {
      location = { lat: photoGps.lat, lng: photoGps.lng, accuracy: null };
      if (communeCode === null && found.status === 'found') communeCode = found.communeCode;
    }
  }
  // An Open311 client may give only an address_string (interfaces.md §3): the commune stays unknown until a
  // handler places the case.
  const addressOnly = input.source === 'open311' && Boolean(input.addressText?.trim());
  if (input.kind === 'report' && !location && communeCode === null && !addressOnly) {
    throw invalid(
      'body.location',
      'Show where it is: put a pin on the map, use your location, or choose the commune.',
      'Hãy cho biết địa điểm: đặt ghim trên bản đồ, dùng vị trí của bạn, hoặc chọn xã, phường.',
    );
  }
  return { communeCode, hamletId, location };
}

/** The reporter's contact, normalised, with the consent rule: a contact needs the register's current text. */
export function contactOf(input: CaseIntakeInput) {
  const r = input.reporter;
  let phone: string | null = null;
  if (r.phone?.trim()) {
    const parsed = PhoneSchema.safeParse(r.phone.trim());
    if (!parsed.success)
      throw invalid(
        'body.phone',
        'Give a Vietnamese phone number (09…).',
        'Hãy nhập số điện thoại Việt Nam (09…).',
      );
    phone = normalizePhone(parsed.data);
  }
  let email: string | null = null;
  if (r.email?.trim()) {
    const parsed = EmailSchema.safeParse(r.email);
    if (!parsed.success)
      throw invalid('body.email', 'Give a valid e-mail address.', 'Hãy nhập địa chỉ e-mail hợp lệ.');
    email = parsed.data;
  }
  const hasContact = phone !== null || email !== null;
  const version = r.consentVersion?.trim() || null;
  // Open311 clients collected the contact under their own terms: it is kept for handlers, and progress goes back
  // through the client, so no consent is recorded here unless the client passes our version.
  const consentRequired = hasContact && input.source !== 'open311';
  if ((consentRequired || version !== null) && hasContact && version !== CONTACT_CONSENT_VERSION) {
    throw invalid(
      'body.contactConsentVersion',
      'Agree to the consent text shown with the phone and e-mail fields (reload the page if it changed).',
      'Hãy đồng ý với lời đồng ý hiện bên ô số điện thoại, e-mail (tải lại trang nếu nội dung đã thay đổi).',
    );
  }
  const name = r.name?.trim() || null;
  return { phone, email, name, consented: hasContact && version === CONTACT_CONSENT_VERSION };
}
