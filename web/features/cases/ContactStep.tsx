import { useTranslation } from 'react-i18next';
import { Checkbox, TextField, Toggle } from '../../ui';
import { useConsent } from './use-consent';
import { FIELD_IDS, type StepErrors } from './report-form';
import type { ReportDraft } from './report-draft';

/**
 * Step 4: who is reporting, all optional. The name is always kept for the handlers and shown publicly only when the
 * person turns that on (off by default). A phone or an e-mail brings the register's consent text, which must be
 * agreed to before sending; its version goes with the report.
 */
export function ContactStep({
  draft,
  errors,
  update,
}: {
  draft: ReportDraft;
  errors: StepErrors;
  update: (patch: Partial<ReportDraft>) => void;
}) {
  const { t, i18n } = useTranslation('cases');
  const errorOf = (id: string) => (errors[id] ? t(errors[id]) : undefined);
  const consent = useConsent()?.consentTextIn(i18n.language) ?? null;
  const hasContact = Boolean(draft.phone.trim() || draft.email.trim());
  return (
    <div className="stack">
      <TextField
        id={FIELD_IDS.name}
        label={t('report.name')}
        optional
        autoComplete="name"
        maxLength={120}
        value={draft.name}
        error={errorOf(FIELD_IDS.name)}
        onChange={(e) => update({ name: e.target.value })}
      />
      <Toggle
        label={t('report.showName')}
        hint={t('report.showNameHint')}
        checked={draft.showName}
        onChange={(e) => update({ showName: e.target.checked })}
      />
      <p>{t('report.contactLead')}</p>
      <TextField
        id={FIELD_IDS.phone}
        label={t('report.phone')}
        optional
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={20}
        value={draft.phone}
        error={errorOf(FIELD_IDS.phone)}
        onChange={(e) => update({ phone: e.target.value })}
      />
      <TextField
        id={FIELD_IDS.email}
        label={t('report.email')}
        optional
        type="email"
        autoComplete="email"
        maxLength={254}
        value={draft.email}
        error={errorOf(FIELD_IDS.email)}
        onChange={(e) => update({ email: e.target.value })}
      />
      {hasContact && (
        <section className="case-consent stack" aria-labelledby="case-consent-title">
          <h3 id="case-consent-title">{t('report.consentTitle')}</h3>
          {consent && <p>{consent.text}</p>}
          {consent && <p className="muted">{consent.retention}</p>}
          <Checkbox
            id={FIELD_IDS.consent}
            label={t('report.consent')}
            checked={draft.consent}
            error={errorOf(FIELD_IDS.consent)}
            onChange={(e) => update({ consent: e.target.checked })}
          />
        </section>
      )}
    </div>
  );
}
