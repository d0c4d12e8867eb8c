import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import type { CreateServiceBody, Service, Skill } from '../../../../shared/contracts/services';
import { apiFetch, fieldErrorsOf } from '../../../app/api';
import { Alert, Button, Card } from '../../../ui';
import { useErrorText } from '../queries';
import { EMPTY_DRAFT, findDraftErrors, type DraftErrors, type ServiceDraft } from '../service-form';
import { ServiceFields } from './ServiceFields';

/** Adds a service with a new permanent code. */
export function AddServiceCard({ onAdded }: { onAdded: (service: Service) => void }) {
  const { t, i18n } = useTranslation('services');
  const errorText = useErrorText();
  const [draft, setDraft] = useState<ServiceDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<DraftErrors>({});
  const create = useMutation({
    mutationFn: (body: CreateServiceBody) => apiFetch<Service>('/api/v1/services', { method: 'POST', body }),
    onSuccess: (service) => {
      setDraft(EMPTY_DRAFT);
      onAdded(service);
    },
  });
  const serverErrors = create.isError ? fieldErrorsOf(create.error, i18n.language) : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = findDraftErrors(draft, true);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({
      code: draft.code,
      name: draft.name.trim(),
      nameEn: draft.nameEn.trim(),
      skill: draft.skill as Skill,
    });
  };
  const shown = (field: keyof ServiceDraft) =>
    errors[field] ? t(errors[field]) : (serverErrors[field] ?? undefined);
  const hasFieldError = Object.keys(serverErrors).length > 0;
  return (
    <Card title={t('add.title')}>
      <form onSubmit={submit} noValidate>
        <ServiceFields
          idPrefix="add-service"
          draft={draft}
          withCode
          errors={{ code: shown('code'), name: shown('name'), nameEn: shown('nameEn'), skill: shown('skill') }}
          onChange={setDraft}
        />
        {create.isError && !hasFieldError && <Alert tone="error">{errorText(create.error)}</Alert>}
        <Button type="submit" loading={create.isPending}>
          {t('add.submit')}
        </Button>
      </form>
    </Card>
  );
}
