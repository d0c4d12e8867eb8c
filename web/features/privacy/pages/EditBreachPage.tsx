import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Breach, UpdateBreachBody } from '../../../../shared/contracts/privacy';
import { apiFetch, fieldErrorsOf } from '../../../app/api';
import { flashState } from '../../../app/flash';
import { formatDateTime } from '../../../app/format';
import { Alert, Button, buttonClass, FormErrorSummary, PageHeader, Skeleton } from '../../../ui';
import { draftOf, findBreachErrors, updateBodyOf, type BreachDraft, type BreachErrors } from '../breach-form';
import { BreachFields, breachErrorSummary, useProblemText } from '../components/BreachFields';
import { LoadError } from '../../admin/components/LoadError';
import { ServerError } from '../components/ServerError';
import { breachKey, BREACHES_PATH, PRIVACY_ADMIN_KEY, useBreach } from '../queries';
import '../breaches.css';

/** Completes a recorded breach (what was not known at first); its discovery time, which starts the clock, stays. */
export function EditBreachPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('privacy');
  const breach = useBreach(id);

  if (breach.isPending) return <Skeleton title lines={8} />;
  if (breach.isError) {
    return (
      <>
        <PageHeader title={t('form.editTitle')} />
        <LoadError error={breach.error} onRetry={() => void breach.refetch()} />
      </>
    );
  }
  if (breach.data.status === 'closed') {
    return (
      <>
        <PageHeader title={t('form.editTitle')} />
        <Alert tone="info">
          {t('breach.closedNote', { at: formatDateTime(breach.data.closedAt ?? '') })}
        </Alert>
      </>
    );
  }
  return <EditForm breach={breach.data} />;
}

function EditForm({ breach }: { breach: Breach }) {
  const { t, i18n } = useTranslation('privacy');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [draft, setDraft] = useState<BreachDraft>(() => draftOf(breach));
  const [errors, setErrors] = useState<BreachErrors>({});
  const detailPath = `/admin/privacy/breaches/${encodeURIComponent(breach.id)}`;
  const back = (saved: boolean) =>
    navigate(detailPath, saved ? { state: flashState('success', 'privacy:form.saved') } : undefined);

  const save = useMutation({
    mutationFn: (body: UpdateBreachBody) =>
      apiFetch<Breach>(`${BREACHES_PATH}/${encodeURIComponent(breach.id)}`, { method: 'PATCH', body }),
    onSuccess: (next) => {
      queryClient.setQueryData(breachKey(breach.id), next);
      void queryClient.invalidateQueries({ queryKey: [PRIVACY_ADMIN_KEY, 'breaches'] });
      void back(true);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = findBreachErrors(draft, Date.now(), breach.discoveredAt);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = updateBodyOf(draft, breach);
    if (Object.keys(body).length === 0) void back(false);
    else save.mutate(body);
  };

  return (
    <>
      <PageHeader title={t('form.editTitle')} description={breach.title} />
      <form onSubmit={submit} noValidate className="reading breach-form">
        <FormErrorSummary errors={breachErrorSummary(errors, problemText)} />
        <p>
          {t('form.discoveredAt')}: <strong>{formatDateTime(breach.discoveredAt)}</strong>
        </p>
        <BreachFields
          draft={draft}
          onChange={setDraft}
          errors={errors}
          serverErrors={save.isError ? fieldErrorsOf(save.error, i18n.language) : {}}
          withDiscovery={false}
        />
        {save.isError && <ServerError error={save.error} />}
        <div className="cluster">
          <Button type="submit" loading={save.isPending}>
            {t('form.save')}
          </Button>
          <Link to={detailPath} className={buttonClass('secondary')}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
