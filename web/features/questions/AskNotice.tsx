import { useTranslation } from 'react-i18next';
import { questionsPurpose } from '../../../shared/privacy/purposes-planned';
import type { LocalizedText } from '../../../shared/privacy/register-types';
import { Checkbox } from '../../ui';
import { ASK_FIELD_IDS } from './ask-draft';

/** The register's consent version the asker is shown (sent with an e-mail; the server refuses a stale one). */
export const QUESTIONS_CONSENT_VERSION = questionsPurpose.consent?.version ?? null;

/**
 * What is published and what is kept, worded by the privacy register's "questions" purpose, then its consent text
 * and the box to tick: the same words the consent record names by version.
 */
export function AskNotice({
  checked,
  error,
  onChange,
}: {
  checked: boolean;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}) {
  const { t, i18n } = useTranslation('questions');
  const pick = (text: LocalizedText) => (i18n.language.startsWith('en') ? text.en : text.vi);
  return (
    <section className="stack" aria-labelledby="ask-notice-title">
      <h2 id="ask-notice-title">{t('ask.noticeTitle')}</h2>
      <ul>
        {questionsPurpose.recipients.map((item) => (
          <li key={item.en}>{pick(item)}</li>
        ))}
        <li>
          {t('ask.noticeKeep')}: {pick(questionsPurpose.retention.text)}
        </li>
      </ul>
      {questionsPurpose.consent && <p>{pick(questionsPurpose.consent.text)}</p>}
      <p>
        <a href="/privacy">{t('ask.noticeMore')}</a>
      </p>
      <Checkbox
        id={ASK_FIELD_IDS.consent}
        label={t('ask.consent')}
        checked={checked}
        error={error}
        onChange={(e) => onChange(e.target.checked)}
      />
    </section>
  );
}
