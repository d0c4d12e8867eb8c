import type { LocalizedText } from '../../../shared/privacy/register';

/** Where the data-subject request form will live; the page links to it only once a feature serves it. */
export const PRIVACY_REQUEST_PATH = '/privacy/requests';

/** The register's sentence in the interface language: English when chosen, otherwise Vietnamese. */
export function pickText(language: string, value: LocalizedText): string {
  return language.startsWith('en') ? value.en : value.vi;
}

/** "2026-12-05" → "05/12/2026": register dates are calendar days, so no time zone is involved. */
export function formatRegisterDay(day: string): string {
  const [year, month, date] = day.split('-');
  return year && month && date ? `${date}/${month}/${year}` : day;
}
