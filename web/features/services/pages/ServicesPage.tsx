import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SKILLS, type Service, type Skill } from '../../../../shared/contracts/services';
import { apiFetch, ApiError } from '../../../app/api';
import {
  Alert,
  Button,
  DataTable,
  Dialog,
  EmptyState,
  PageHeader,
  Skeleton,
  Tag,
  type DataColumn,
} from '../../../ui';
import { AddServiceCard } from '../components/AddServiceCard';
import { EditServiceDialog } from '../components/EditServiceDialog';
import { SERVICES_QUERY_KEY, useErrorText, useServiceCatalogue } from '../queries';
import '../services.css';

type StatusChange = { service: Service; status: Service['status'] };

/**
 * The service catalogue for province administrators: every service under its digital skill, active and retired.
 * Codes are never deleted, so retiring is the only way out and re-activating the way back.
 */
export function ServicesPage() {
  const { t } = useTranslation('services');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const catalogue = useServiceCatalogue();
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState<Service | null>(null);
  const [retiring, setRetiring] = useState<Service | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: SERVICES_QUERY_KEY });
  const changeStatus = useMutation({
    mutationFn: ({ service, status }: StatusChange) =>
      apiFetch<Service>(`/api/v1/services/${encodeURIComponent(service.code)}`, {
        method: 'PATCH',
        body: { status },
      }),
    onSuccess: (service) => {
      setRetiring(null);
      setDone(t(service.status === 'retired' ? 'retire.done' : 'reactivate.done', { name: service.name }));
      refresh();
    },
  });

  const startRetiring = (service: Service) => {
    changeStatus.reset();
    setRetiring(service);
  };
  const closeRetiring = () => {
    setRetiring(null);
    changeStatus.reset();
  };
  const reactivate = (service: Service) => {
    setDone(null);
    changeStatus.mutate({ service, status: 'active' });
  };

  const columns: DataColumn<Service>[] = [
    { key: 'name', header: t('columns.name'), primary: true, render: (s) => <span lang="vi">{s.name}</span> },
    { key: 'code', header: t('columns.code'), render: (s) => <code>{s.code}</code> },
    { key: 'nameEn', header: t('columns.nameEn'), render: (s) => <span lang="en">{s.nameEn}</span> },
    {
      key: 'status',
      header: t('columns.status'),
      render: (s) => <Tag tone={s.status === 'active' ? 'success' : 'neutral'}>{t(`status.${s.status}`)}</Tag>,
    },
    {
      key: 'actions',
      header: t('columns.actions'),
      actions: true,
      render: (s) =>
        s.actions.includes('services.manage') ? (
          <div className="cluster">
            <Button variant="secondary" onClick={() => setEditing(s)}>
              {t('actions.edit')}
              <span className="visually-hidden"> {s.name}</span>
            </Button>
            {s.status === 'active' ? (
              <Button variant="secondary" onClick={() => startRetiring(s)}>
                {t('actions.retire')}
                <span className="visually-hidden"> {s.name}</span>
              </Button>
            ) : (
              <Button
                variant="secondary"
                loading={changeStatus.isPending && changeStatus.variables?.service.code === s.code}
                onClick={() => reactivate(s)}
              >
                {t('actions.reactivate')}
                <span className="visually-hidden"> {s.name}</span>
              </Button>
            )}
          </div>
        ) : null,
    },
  ];

  const items = catalogue.data?.items ?? [];
  const bySkill = (skill: Skill) => items.filter((s) => s.skill === skill);
  const statusFailed = changeStatus.isError && retiring === null;

  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <div className="stack-lg">
        {done && <Alert tone="success">{done}</Alert>}
        {statusFailed && <Alert tone="error">{errorText(changeStatus.error)}</Alert>}
        {catalogue.isPending ? (
          <Skeleton lines={6} />
        ) : catalogue.isError ? (
          <Alert tone="error" title={t('page.loadFailed')}>
            <p>{errorText(catalogue.error)}</p>
            {!(catalogue.error instanceof ApiError && catalogue.error.status === 403) && (
              <Button variant="secondary" onClick={() => void catalogue.refetch()}>
                {t('page.retry')}
              </Button>
            )}
          </Alert>
        ) : (
          SKILLS.map((skill) => {
            const rows = bySkill(skill);
            return (
              <section key={skill} aria-labelledby={`skill-${skill}`} className="stack">
                <h2 id={`skill-${skill}`}>
                  {t(`skills.${skill}`)}{' '}
                  <span className="services-count">({t('page.count', { count: rows.length })})</span>
                </h2>
                <DataTable
                  caption={t(`skills.${skill}`)}
                  captionHidden
                  columns={columns}
                  rows={rows}
                  rowKey={(s) => s.code}
                  empty={<EmptyState title={t('page.empty')} />}
                />
              </section>
            );
          })
        )}
        <AddServiceCard
          onAdded={(service) => {
            setDone(t('add.done', { name: service.name }));
            refresh();
          }}
        />
      </div>
      {editing && (
        <EditServiceDialog
          key={editing.code}
          service={editing}
          onClose={() => setEditing(null)}
          onSaved={(service) => {
            setEditing(null);
            setDone(t('edit.done', { name: service.name }));
            refresh();
          }}
        />
      )}
      <Dialog
        open={retiring !== null}
        onClose={closeRetiring}
        title={t('retire.title', { name: retiring?.name ?? '' })}
        footer={
          <div className="cluster">
            <Button
              variant="danger"
              loading={changeStatus.isPending}
              onClick={() => retiring && changeStatus.mutate({ service: retiring, status: 'retired' })}
            >
              {t('actions.retire')}
            </Button>
            <Button variant="secondary" onClick={closeRetiring}>
              {t('actions.cancel')}
            </Button>
          </div>
        }
      >
        <div className="stack">
          <p>{t('retire.body', { code: retiring?.code ?? '' })}</p>
          {changeStatus.isError && <Alert tone="error">{errorText(changeStatus.error)}</Alert>}
        </div>
      </Dialog>
    </>
  );
}
