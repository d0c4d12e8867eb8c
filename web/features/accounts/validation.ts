/**
 * Light client-side checks mirroring shared/contracts/accounts.ts (EmailSchema, PhoneSchema, PasswordSchema), written
 * by hand so the sign-in page does not download Zod. The server validates again; these only save a round trip.
 * Each returns an i18n key under "accounts:validation", or null when the value is fine.
 */
export const MIN_PASSWORD_LENGTH = 10;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^(\+84|0)\d{9}$/;

export function checkEmail(value: string): string | null {
  const email = value.trim();
  if (!email) return 'validation.emailRequired';
  return EMAIL.test(email) ? null : 'validation.emailInvalid';
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
