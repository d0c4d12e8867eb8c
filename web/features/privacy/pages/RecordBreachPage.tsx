import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Breach, CreateBreachBody } from '../../../../shared/contracts/privacy';
import { apiFetch, fieldErrorsOf } from '../../../app/api';
import { flashState } from '../../../app/flash';
import { Alert, Button, buttonClass, FormErrorSummary, PageHeader, Select } from '../../../ui';
import {
  createBodyOf,
  EMPTY_BREACH,
  findBreachErrors,
  type BreachDraft,
  type BreachErrors,
} from '../breach-form';
import { BreachFields, breachErrorSummary, useProblemText } from '../components/BreachFields';
import { ServerError } from '../components/ServerError';
import { BREACHES_PATH, PRIVACY_ADMIN_KEY, useAdminProvinces } from '../queries';
import '../breaches.css';

/**
 * Records a breach in the register of the caller's province (from their province-administrator grant; a choice
 * when they hold several). Everything is checked as the server will check it before sending; what the server still
 * refuses shows beside its field and above the button. Saved, the breach opens with its 72-hour deadline.
 */
export function RecordBreachPage() {
  const { t, i18n } = useTranslation('privacy');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const provinces = useAdminProvinces();
  const [province, setProvince] = useState('');
  const [draft, setDraft] = useState<BreachDraft>(EMPTY_BREACH);
  const [errors, setErrors] = useState<BreachErrors>({});
  const provinceCode = provinces.find((p) => p.value === province)?.value ?? provinces[0]?.value ?? null;

  const record = useMutation({
    mutationFn: (body: CreateBreachBody) => apiFetch<Breach>(BREACHES_PATH, { method: 'POST', body }),
    onSuccess: (breach) => {
      void queryClient.invalidateQueries({ queryKey: [PRIVACY_ADMIN_KEY, 'breaches'] });
      void navigate(`/admin/privacy/breaches/${encodeURIComponent(breach.id)}`, {
        state: flashState('success', 'privacy:form.recorded'),
      });
    },
  });

  if (provinceCode === null) {
    return (
      <>
        <PageHeader title={t('form.title')} />
        <Alert tone="info">{t('common.noProvince')}</Alert>
      </>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = findBreachErrors(draft, Date.now());
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    record.mutate(createBodyOf(draft, provinceCode));
  };

  return (
    <>
      <PageHeader title={t('form.title')} description={t('form.description')} />
      <form onSubmit={submit} noValidate className="reading breach-form">
        <FormErrorSummary errors={breachErrorSummary(errors, problemText)} />
        {provinces.length === 1 ? (
          <p>
            {t('form.province')}: <strong>{provinces[0]!.label}</strong>
          </p>
        ) : (
          <Select
            id="breach-province"
            label={t('form.province')}
            options={provinces}
            value={provinceCode}
            onChange={(e) => setProvince(e.target.value)}
          />
        )}
        <BreachFields
          draft={draft}
          onChange={setDraft}
          errors={errors}
          serverErrors={record.isError ? fieldErrorsOf(record.error, i18n.language) : {}}
          withDiscovery
        />
        {record.isError && <ServerError error={record.error} />}
        <div className="cluster">
          <Button type="submit" loading={record.isPending}>
            {t('form.submit')}
          </Button>
          <Link to="/admin/privacy/breaches" className={buttonClass('secondary')}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
