import { useTranslation } from 'react-i18next';
import { helpRequestsPurpose } from '../../../shared/privacy/purposes-planned';
import type { LocalizedText } from '../../../shared/privacy/register-types';
import { Checkbox } from '../../ui';
import { FIELD_IDS } from './help-draft';

/**
 * The plain notice of what is stored, why, who sees it and for how long, worded by the privacy register's
 * help_requests purpose (shared/privacy), then its consent text and the box to tick: the same words the consent
 * record names by version. The staff's page reads the same notice aloud to a resident on the phone or at the desk,
 * with its own box label (the staff member confirms the resident agreed).
 */
export function ConsentNotice({
  checked,
  error,
  onChange,
  label,
}: {
  label?: string;
  checked: boolean;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}) {
  const { t, i18n } = useTranslation('help-requests');
  const pick = (text: LocalizedText) => (i18n.language.startsWith('en') ? text.en : text.vi);
  const purpose = helpRequestsPurpose;
  return (
    <section className="help-notice stack" aria-labelledby="help-notice-title">
      <h2 id="help-notice-title">{t('form.noticeTitle')}</h2>
      <dl className="help-notice__facts">
        <dt>{t('form.noticeWhat')}</dt>
        <dd>
          <ul>
            {purpose.data.map((item) => (
              <li key={item.en}>{pick(item)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('form.noticeWhy')}</dt>
        <dd>{pick(purpose.description)}</dd>
        <dt>{t('form.noticeWho')}</dt>
        <dd>
          <ul>
            {purpose.recipients.map((item) => (
              <li key={item.en}>{pick(item)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('form.noticeKeep')}</dt>
        <dd>{pick(purpose.retention.text)}</dd>
      </dl>
      {purpose.consent && <p className="help-notice__consent">{pick(purpose.consent.text)}</p>}
      <p>
        <a href="/privacy">{t('form.noticeMore')}</a>
      </p>
      <Checkbox
        id={FIELD_IDS.consent}
        label={label ?? t('form.consent')}
        checked={checked}
        error={error}
        onChange={(e) => onChange(e.target.checked)}
      />
    </section>
  );
}
