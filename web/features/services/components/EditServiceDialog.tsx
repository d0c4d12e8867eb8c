import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import type { Service, Skill, UpdateServiceBody } from '../../../../shared/contracts/services';
import { apiFetch, fieldErrorsOf } from '../../../app/api';
import { Alert, Button, Dialog } from '../../../ui';
import { useErrorText } from '../queries';
import { findDraftErrors, type DraftErrors, type ServiceDraft } from '../service-form';
import { ServiceFields } from './ServiceFields';

/** Renames or regroups one service; its code never changes. Mount it only while a service is being edited. */
export function EditServiceDialog({
  service,
  onSaved,
  onClose,
}: {
  service: Service;
  onSaved: (service: Service) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('services');
  const errorText = useErrorText();
  const [draft, setDraft] = useState<ServiceDraft>({
    code: service.code,
    name: service.name,
    nameEn: service.nameEn,
    skill: service.skill,
  });
  const [errors, setErrors] = useState<DraftErrors>({});
  const save = useMutation({
    mutationFn: (body: UpdateServiceBody) =>
      apiFetch<Service>(`/api/v1/services/${encodeURIComponent(service.code)}`, { method: 'PATCH', body }),
    onSuccess: onSaved,
  });
  const serverErrors = save.isError ? fieldErrorsOf(save.error, i18n.language) : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = findDraftErrors(draft, false);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ name: draft.name.trim(), nameEn: draft.nameEn.trim(), skill: draft.skill as Skill });
  };
  const shown = (field: keyof ServiceDraft) =>
    errors[field] ? t(errors[field]) : (serverErrors[field] ?? undefined);
  const formId = `edit-service-${service.code}`;
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('edit.title', { code: service.code })}
      footer={
        <div className="cluster">
          <Button type="submit" form={formId} loading={save.isPending}>
            {t('edit.submit')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
        </div>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="stack">
        <ServiceFields
          idPrefix={formId}
          draft={draft}
          withCode={false}
          errors={{ name: shown('name'), nameEn: shown('nameEn'), skill: shown('skill') }}
          onChange={setDraft}
        />
        {save.isError && Object.keys(serverErrors).length === 0 && (
          <Alert tone="error">{errorText(save.error)}</Alert>
        )}
      </form>
    </Dialog>
  );
}
