import { useTranslation } from 'react-i18next';
import {
  LEGAL_BASIS_NAMES,
  type LocalizedText,
  type ProcessingPurpose,
} from '../../../shared/privacy/register';
import { Tag } from '../../ui';
import { formatRegisterDay } from './privacy-text';

/** The anchor of a purpose's section, for the page's list of contents. */
export function purposeAnchor(purpose: ProcessingPurpose): string {
  return `purpose-${purpose.id.replace(/_/g, '-')}`;
}

/**
 * One purpose of the register as a section: what for, then the same six questions in the same order for every
 * purpose (data, basis, consent text, recipients, retention, withdrawal), so a reader learns where to look.
 */
export function PurposeSection({
  purpose,
  text,
}: {
  purpose: ProcessingPurpose;
  text: (value: LocalizedText) => string;
}) {
  const { t } = useTranslation('privacy');
  const anchor = purposeAnchor(purpose);
  return (
    <section id={anchor} aria-labelledby={`${anchor}-title`} className="card privacy-purpose">
      <h3 id={`${anchor}-title`}>{text(purpose.name)}</h3>
      {purpose.status === 'planned' && (
        <p>
          <Tag tone="info">{t('purposes.planned')}</Tag> {t('purposes.plannedNote')}
        </p>
      )}
      <p>{text(purpose.description)}</p>
      <dl className="privacy-facts">
        <dt>{t('purposes.data')}</dt>
        <dd>
          <ul>
            {purpose.data.map((item) => (
              <li key={item.en}>{text(item)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('purposes.basis')}</dt>
        <dd>
          <p>
            <strong>{text(LEGAL_BASIS_NAMES[purpose.basis.kind])}</strong>
          </p>
          <p>{text(purpose.basis.explanation)}</p>
        </dd>
        {purpose.consent && (
          <>
            <dt>{t('purposes.consent', { date: formatRegisterDay(purpose.consent.version) })}</dt>
            <dd>
              <blockquote className="privacy-consent">{text(purpose.consent.text)}</blockquote>
            </dd>
          </>
        )}
        <dt>{t('purposes.recipients')}</dt>
        <dd>
          <ul>
            {purpose.recipients.map((item) => (
              <li key={item.en}>{text(item)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('purposes.retention')}</dt>
        <dd>
          <p>{text(purpose.retention.text)}</p>
        </dd>
        <dt>{t('purposes.withdrawal')}</dt>
        <dd>
          <p>{text(purpose.withdrawal)}</p>
        </dd>
      </dl>
    </section>
  );
}
