import './privacy.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CONTROLLER,
  DATA_SUBJECT_RIGHT_TEXTS,
  DATA_SUBJECT_RIGHTS,
  NEVER_ASKED,
  PRIVACY_LAWS,
  PROCESSING_PURPOSES,
  REGISTER_UPDATED_ON,
  REQUEST_ANSWER_WORKING_DAYS,
  type LocalizedText,
} from '../../../shared/privacy/register';
import { featureCatalogue } from '../../app/feature-catalogue';
import { Alert, buttonClass, PageHeader } from '../../ui';
import { purposeAnchor, PurposeSection } from './PurposeSection';
import { formatRegisterDay, pickText, PRIVACY_REQUEST_PATH } from './privacy-text';

/**
 * The public privacy notice (Law 91/2025): who is responsible, each purpose of the register, and the reader's
 * rights. Generated from shared/privacy/register.ts, so it says exactly what the modules are built to do; only the
 * headings come from this feature's messages. Written for a reader over 60 on a small phone: one column, short
 * paragraphs, every purpose answering the same questions in the same order.
 */
export function PrivacyPage() {
  const { t, i18n } = useTranslation('privacy');
  const text = (value: LocalizedText) => pickText(i18n.language, value);
  // The request form comes with the data-subject requests work; until a feature serves it, say whom to contact.
  const canRequestOnline = featureCatalogue().hasPage(PRIVACY_REQUEST_PATH);

  return (
    <div className="privacy">
      <PageHeader title={t('title')} description={t('lead', { laws: text(PRIVACY_LAWS) })} />
      <p className="muted">{t('updated', { date: formatRegisterDay(REGISTER_UPDATED_ON) })}</p>

      <Alert tone="warning" title={t('neverAsked.title')}>
        <p>{t('neverAsked.body')}</p>
        <ul>
          {NEVER_ASKED.map((item) => (
            <li key={item.en}>{text(item)}</li>
          ))}
        </ul>
        <p>{t('neverAsked.after')}</p>
      </Alert>

      <section aria-labelledby="privacy-controller-title">
        <h2 id="privacy-controller-title">{t('controller.title')}</h2>
        <dl className="privacy-facts">
          <dt>{t('controller.name')}</dt>
          <dd>{text(CONTROLLER.name)}</dd>
          <dt>{t('controller.address')}</dt>
          <dd>{text(CONTROLLER.address)}</dd>
          <dt>{t('controller.contact')}</dt>
          <dd>{text(CONTROLLER.contact)}</dd>
        </dl>
      </section>

      <section aria-labelledby="privacy-purposes-title">
        <h2 id="privacy-purposes-title">{t('purposes.title')}</h2>
        <p>{t('purposes.intro')}</p>
        <nav aria-label={t('purposes.contents')}>
          <ul className="privacy-contents">
            {PROCESSING_PURPOSES.map((purpose) => (
              <li key={purpose.id}>
                <a href={`#${purposeAnchor(purpose)}`}>{text(purpose.name)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="privacy-purposes">
          {PROCESSING_PURPOSES.map((purpose) => (
            <PurposeSection key={purpose.id} purpose={purpose} text={text} />
          ))}
        </div>
      </section>

      <section aria-labelledby="privacy-rights-title">
        <h2 id="privacy-rights-title">{t('rights.title')}</h2>
        <p>{t('rights.intro')}</p>
        <ul className="privacy-rights">
          {DATA_SUBJECT_RIGHTS.map((right) => (
            <li key={right}>
              <strong>{text(DATA_SUBJECT_RIGHT_TEXTS[right].name)}</strong>:{' '}
              {text(DATA_SUBJECT_RIGHT_TEXTS[right].description)}
            </li>
          ))}
        </ul>
        <p className="privacy-deadline">{t('rights.deadline', { days: REQUEST_ANSWER_WORKING_DAYS })}</p>
        {canRequestOnline ? (
          <Link to={PRIVACY_REQUEST_PATH} className={buttonClass('primary')}>
            {t('rights.requestLink')}
          </Link>
        ) : (
          <p>{t('rights.howToNow', { contact: text(CONTROLLER.contact) })}</p>
        )}
      </section>
    </div>
  );
}
