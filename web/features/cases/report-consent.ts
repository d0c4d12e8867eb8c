import { findPurpose, REGISTER_UPDATED_ON, type LocalizedText } from '../../../shared/privacy/register';

/**
 * What a reporter (or a follower by e-mail) agrees to when leaving a phone or an e-mail: the register's 'reports'
 * purpose (shared/privacy) — its consent text and version when it has one. Until the register words one, the
 * purpose's own description and retention are shown and the register's date is the version, so what is sent always
 * names the wording the person saw.
 */
const purpose = findPurpose('reports');

export const REPORT_CONSENT: { version: string; text: LocalizedText; retention: LocalizedText } = {
  version: purpose.consent?.version ?? REGISTER_UPDATED_ON,
  text: purpose.consent?.text ?? purpose.description,
  retention: purpose.retention.text,
};

export function consentTextIn(language: string): { text: string; retention: string } {
  const pick = (t: LocalizedText) => (language.startsWith('en') ? t.en : t.vi);
  return { text: pick(REPORT_CONSENT.text), retention: pick(REPORT_CONSENT.retention) };
}
