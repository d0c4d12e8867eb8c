import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  HAMLET_KINDS,
  type HamletDetail,
  type HamletKind,
  type UpdateHamletBody,
} from '../../../../shared/contracts/units';
import { apiFetch, fieldErrorsOf } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { Alert, Button, Card, PageHeader, Select, Skeleton, Tag, TextArea, TextField } from '../../../ui';
import { isHamletRow, UNITS_QUERY_KEY, useUnitDetail, useUnitList } from '../../geography/units-queries';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { HamletHistory } from '../components/HamletHistory';
import { LoadError } from '../components/LoadError';
import { ADMIN_QUERY_KEY, useHamlet } from '../queries';
import { useErrorText } from '../use-error-text';
import '../admin.css';

/** One hamlet: its details and history; edit, merge and retire while it is active and the caller may manage it. */
export function HamletDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('admin');
  const hamlet = useHamlet(id);
  const commune = useUnitDetail(hamlet.data?.communeCode ?? null);
  // Merging or retiring removes the forms that did it, so their confirmation is shown at the top of the page.
  const [notice, setNotice] = useState<string | null>(null);

  if (hamlet.isPending) return <Skeleton title lines={6} />;
  if (hamlet.isError) {
    return (
      <>
        <PageHeader title={t('hamlet.titleFallback')} />
        <LoadError error={hamlet.error} onRetry={() => void hamlet.refetch()} />
      </>
    );
  }
  const data = hamlet.data;
  const active = data.status === 'active';
  const manage = data.actions.includes('hamlets.manage');
  const communeName = commune.data?.fullName ?? data.communeCode;
  return (
    <>
      <PageHeader title={data.name} description={`${t(`geography:kinds.${data.kind}`)} · ${communeName}`} />
      <p>
        <Link to={`/admin/hamlets?commune=${data.communeCode}`}>
          {t('hamlets.listTitle', { name: communeName })}
        </Link>
      </p>
      <div className="stack-lg">
        {notice && <Alert tone="success">{notice}</Alert>}
        <Card title={t('hamlet.details')}>
          <dl className="admin-facts">
            <div>
              <dt>{t('hamlets.status')}</dt>
              <dd>
                <Tag tone={active ? 'success' : 'neutral'}>{t(`geography:statuses.${data.status}`)}</Tag>
              </dd>
            </div>
            <div>
              <dt>{t('hamlet.commune')}</dt>
              <dd>{communeName}</dd>
            </div>
            <div>
              <dt>{t('hamlets.localCode')}</dt>
              <dd>{data.localCode ?? t('common.none')}</dd>
            </div>
            <div>
              <dt>{t('hamlet.createdAt')}</dt>
              <dd>{formatDateTime(data.createdAt)}</dd>
            </div>
            {data.validTo && (
              <div>
                <dt>{t('hamlet.validTo')}</dt>
                <dd>{formatDateTime(data.validTo)}</dd>
              </div>
            )}
            {data.mergedInto && (
              <div>
                <dt>{t('hamlet.mergedInto')}</dt>
                <dd>
                  <MergedIntoLink id={data.mergedInto} />
                </dd>
              </div>
            )}
          </dl>
          {!active && <p className="muted">{t('hamlet.inactive')}</p>}
        </Card>
        {manage && active && (
          <>
            <EditHamletCard hamlet={data} />
            <MergeHamletCard hamlet={data} onDone={() => setNotice(t('hamlet.merged'))} />
            <RetireHamletCard hamlet={data} onDone={() => setNotice(t('hamlet.retired'))} />
          </>
        )}
        <Card title={t('hamlet.history')}>
          <HamletHistory history={data.history} />
        </Card>
      </div>
    </>
  );
}

function MergedIntoLink({ id }: { id: string }) {
  const target = useHamlet(id);
  return <Link to={`/admin/hamlets/${id}`}>{target.data?.name ?? id}</Link>;
}

/** After any change: this hamlet, and every unit list that may show it, are read again. */
function useHamletChanged(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [ADMIN_QUERY_KEY, 'hamlet', id] });
    void queryClient.invalidateQueries({ queryKey: [UNITS_QUERY_KEY] });
  };
}

function EditHamletCard({ hamlet }: { hamlet: HamletDetail }) {
  const { t, i18n } = useTranslation('admin');
  const errorText = useErrorText();
  const changed = useHamletChanged(hamlet.id);
  const [name, setName] = useState(hamlet.name);
  const [kind, setKind] = useState<HamletKind>(hamlet.kind);
  const [localCode, setLocalCode] = useState(hamlet.localCode ?? '');
  const [nameError, setNameError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: UpdateHamletBody) =>
      apiFetch<HamletDetail>(`/api/v1/hamlets/${hamlet.id}`, { method: 'PATCH', body }),
    onSuccess: changed,
  });
  const fieldErrors = save.isError ? fieldErrorsOf(save.error, i18n.language) : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('hamlets.nameRequired'));
      return;
    }
    setNameError(null);
    save.mutate({ name: name.trim(), kind, localCode: localCode.trim() || null });
  };
  return (
    <Card title={t('hamlet.edit')}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('hamlets.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError ?? fieldErrors.name}
        />
        <Select
          label={t('hamlets.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as HamletKind)}
          options={HAMLET_KINDS.map((k) => ({ value: k, label: t(`geography:kinds.${k}`) }))}
        />
        <TextField
          label={t('hamlets.localCode')}
          hint={t('hamlets.localCodeHint')}
          optional
          value={localCode}
          onChange={(e) => setLocalCode(e.target.value)}
          error={fieldErrors.localCode}
        />
        {save.isError && !fieldErrors.name && !fieldErrors.localCode && (
          <Alert tone="error">{errorText(save.error)}</Alert>
        )}
        {save.isSuccess && <Alert tone="success">{t('hamlet.saved')}</Alert>}
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </Card>
  );
}

function MergeHamletCard({ hamlet, onDone }: { hamlet: HamletDetail; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const changed = useHamletChanged(hamlet.id);
  const siblings = useUnitList({ parentCode: hamlet.communeCode });
  const targets = (siblings.data?.items ?? [])
    .filter(isHamletRow)
    .filter((h) => h.id !== hamlet.id && h.status === 'active');
  const [intoId, setIntoId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const merge = useMutation({
    mutationFn: () =>
      apiFetch<HamletDetail>(`/api/v1/hamlets/${hamlet.id}/merge`, { method: 'POST', body: { intoId } }),
    onSuccess: () => {
      setConfirming(false);
      onDone();
      changed();
    },
  });
  const into = targets.find((h) => h.id === intoId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!intoId) {
      setError(t('hamlet.mergeRequired'));
      return;
    }
    setError(null);
    merge.reset();
    setConfirming(true);
  };
  return (
    <Card title={t('hamlet.merge')}>
      <p className="muted">{t('hamlet.mergeHint')}</p>
      {siblings.isPending ? (
        <Skeleton lines={2} />
      ) : targets.length === 0 ? (
        <p>{t('hamlet.mergeNone')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <Select
            label={t('hamlet.mergeInto')}
            placeholder={t('hamlet.mergePlaceholder')}
            value={intoId}
            onChange={(e) => setIntoId(e.target.value)}
            options={targets.map((h) => ({ value: h.id, label: h.name }))}
            error={error}
          />
          <Button type="submit" variant="secondary">
            {t('hamlet.mergeButton')}
          </Button>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('hamlet.mergeTitle', { name: hamlet.name })}
        confirmLabel={t('hamlet.mergeButton')}
        busy={merge.isPending}
        error={merge.isError ? errorText(merge.error) : null}
        onConfirm={() => merge.mutate()}
        onClose={() => setConfirming(false)}
      >
        <p>{t('hamlet.mergeBody', { name: hamlet.name, into: into?.name ?? '' })}</p>
      </ConfirmDialog>
    </Card>
  );
}

function RetireHamletCard({ hamlet, onDone }: { hamlet: HamletDetail; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const changed = useHamletChanged(hamlet.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const retire = useMutation({
    mutationFn: () =>
      apiFetch<HamletDetail>(`/api/v1/hamlets/${hamlet.id}/retire`, {
        method: 'POST',
        body: { reason: reason.trim() },
      }),
    onSuccess: () => {
      setConfirming(false);
      onDone();
      changed();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('hamlet.reasonRequired'));
      return;
    }
    setError(null);
    retire.reset();
    setConfirming(true);
  };
  return (
    <Card title={t('hamlet.retire')}>
      <p className="muted">{t('hamlet.retireHint')}</p>
      <form onSubmit={submit} noValidate>
        <TextArea
          label={t('hamlet.reason')}
          hint={t('hamlet.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error}
          rows={3}
        />
        <Button type="submit" variant="danger">
          {t('hamlet.retireButton')}
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('hamlet.retireTitle', { name: hamlet.name })}
        confirmLabel={t('hamlet.retireButton')}
        busy={retire.isPending}
        error={retire.isError ? errorText(retire.error) : null}
        onConfirm={() => retire.mutate()}
        onClose={() => setConfirming(false)}
      >
        <p>{t('hamlet.retireBody', { name: hamlet.name })}</p>
      </ConfirmDialog>
    </Card>
  );
}
