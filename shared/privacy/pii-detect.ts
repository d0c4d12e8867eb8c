/**
 * Spots personal data typed into free text (a support record's note, later descriptions and answers), so the form
 * can warn before saving: Law 91/2025 asks for the minimum data, and the register promises no contact details or
 * ID numbers in notes. It is a warning, never a refusal: it errs towards silence on what is only number-shaped
 * (dates, times, amounts, durations), because a warning that cries wolf is soon ignored.
 *
 * Runs on the capture page of cheap phones, so: no look-behind (older Safari throws on it at parse time) and no
 * dependency.
 */

export const PERSONAL_DATA_KINDS = ['phone', 'citizen_id', 'email'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/**
 * A run of digits as people write phone numbers and ID numbers: either a country prefix ("+84", "(+84)", "84 ")
 * and the national number, or a bare number. The digits come as groups joined by one and the same separator
 * ("0912 345 678", "0912.345.678", "091-234-5678") or as one unbroken token. Without a prefix the first group has
 * 3–4 digits, so "05.12.2026" or "05 10 15 20" never make one run; one separator throughout keeps
 * "05.12.2026 10.30" (a date, then a time) two runs. `(?!\d)` stops a run inside a longer number; the character
 * before a run is checked in code (no look-behind). Groups: 1 prefix, 2 number after it, 4 bare number.
 */
const NUMBER_RUN =
  /(?:(\(\+?84\)|\+84|84(?=[ .-]))[ .-]?(\d{1,4}([ .-])\d{2,7}(?:\3\d{2,7})*|\d+)|(\d{3,4}([ .-])\d{2,7}(?:\5\d{2,7})*|\d+))(?!\d)/g;

/** "1.500.000" or "84.912.345.678": thousands grouped with dots or commas, as amounts in đồng are written. */
const AMOUNT = /^[1-9]\d{0,2}(?:[.,]\d{3})+$/;

/** A pragmatic address shape: something@domain.tld, letters of any script (Vietnamese names in the local part). */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/** Mobile numbers start 03, 05, 07, 08 or 09 and have 10 digits; landlines start 02 and have 11 (since 2017). */
function isNationalPhone(national: string): boolean {
  return /^[35789]\d{8}$/.test(national) || /^2\d{9}$/.test(national);
}

/**
 * A citizen identity card (CCCD) number: 12 digits, the first three the code of the province of birth (001–096),
 * so an amount or a serial number that does not start with 0 is never taken for one.
 */
function isCitizenId(digits: string): boolean {
  if (!/^0\d{11}$/.test(digits)) return false;
  const province = Number(digits.slice(0, 3));
  return province >= 1 && province <= 96;
}

/** `run` is the whole match, `prefix` its country code if any, `number` the digits after it as written. */
function classifyRun(run: string, prefix: string | undefined, number: string): PersonalDataKind | null {
  // A bare "84" before dot-grouped digits is an amount ("84.912.345.678 đ"), "+84" never is.
  if (AMOUNT.test(run)) return null;
  const digits = number.replace(/\D/g, '');
  if (prefix) {
    // "+84 0912 345 678" is written too: the trunk 0 after the country code is dropped when dialling.
    return isNationalPhone(digits.replace(/^0/, '')) ? 'phone' : null;
  }
  if (digits.startsWith('0') && isNationalPhone(digits.slice(1))) return 'phone';
  if (digits.startsWith('84') && isNationalPhone(digits.slice(2))) return 'phone';
  if (isCitizenId(digits)) return 'citizen_id';
  return null;
}

/** True when the run at `index` continues a number on its left ("1.091.234.567", "12345 678"). */
function continuesANumber(text: string, index: number): boolean {
  const before = text[index - 1];
  if (before === undefined) return false;
  if (/\d/.test(before)) return true;
  return (before === '.' || before === ',') && /\d/.test(text[index - 2] ?? '');
}

/**
 * The kinds of personal data `text` seems to contain, each once, in the order of PERSONAL_DATA_KINDS.
 * Phones: 0xxxxxxxxx, +84…, 84…, (+84)…, digit groups split by spaces, dots or dashes; citizen IDs: 12 digits;
 * e-mail addresses.
 */
export function findPersonalData(text: string): PersonalDataKind[] {
  // NFKC turns full-width digits and no-break spaces, which some phone keyboards type, into plain ones.
  const normalized = text.normalize('NFKC');
  const found = new Set<PersonalDataKind>();
  if (EMAIL.test(normalized)) found.add('email');

  const runs = new RegExp(NUMBER_RUN.source, 'g');
  let match: RegExpExecArray | null;
  while ((match = runs.exec(normalized)) !== null) {
    if (continuesANumber(normalized, match.index)) {
      // A shorter run may still start further on ("12345 0912 345 678"): try again one character later.
      runs.lastIndex = match.index + 1;
      continue;
    }
    const kind = classifyRun(match[0], match[1], match[2] ?? match[4] ?? '');
    if (kind) found.add(kind);
  }
  return PERSONAL_DATA_KINDS.filter((kind) => found.has(kind));
}
