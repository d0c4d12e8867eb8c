/**
 * Light client-side checks mirroring shared/contracts/accounts.ts (EmailSchema, PhoneSchema, PasswordSchema), written
 * by hand so the sign-in page does not download Zod. The server validates again; these only save a round trip.
 * Each returns an i18n key under "accounts:validation", or null when the value is fine.
 */
export const MIN_PASSWORD_LENGTH = 10;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// 0912345678, +84912345678 and 84912345678 are one number (shared/contracts/accounts.ts normalizePhone).
const PHONE = /^(\+84|84|0)\d{9}$/;

export function checkEmail(value: string): string | null {
  const email = value.trim();
  if (!email) return 'validation.emailRequired';
  return EMAIL.test(email) ? null : 'validation.emailInvalid';
}

/** The sign-in field takes an e-mail or a phone number: anything with an "@" is read as an e-mail. */
export function checkEmailOrPhone(value: string): string | null {
  const text = value.trim();
  if (!text) return 'validation.identifierRequired';
  if (text.includes('@')) return EMAIL.test(text) ? null : 'validation.emailInvalid';
  return PHONE.test(text.replace(/[\s.-]/g, '')) ? null : 'validation.identifierInvalid';
}

/** The login body's identifier for what was typed in the one sign-in field (checked by checkEmailOrPhone). */
export function signInIdentifier(value: string): { email: string } | { phone: string } {
  const text = value.trim();
  return text.includes('@') ? { email: text } : { phone: text };
}

export function checkPasswordPresent(value: string): string | null {
  return value ? null : 'validation.passwordRequired';
}

export function checkNewPassword(value: string): string | null {
  if (!value) return 'validation.passwordRequired';
  return value.length >= MIN_PASSWORD_LENGTH ? null : 'validation.passwordTooShort';
}

export function checkPasswordsMatch(password: string, confirmation: string): string | null {
  return password === confirmation ? null : 'validation.passwordMismatch';
}

export function checkName(value: string): string | null {
  return value.trim().length >= 2 ? null : 'validation.nameRequired';
}

/** An empty phone is allowed (it is optional); a filled one must look like a Vietnamese mobile number. */
export function checkOptionalPhone(value: string): string | null {
  const phone = value.replace(/[\s.-]/g, '');
  if (!phone) return null;
  return PHONE.test(phone) ? null : 'validation.phoneInvalid';
}
