import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_KINDS, type Agency } from '../../../../shared/contracts/case-handling';
import { ApiError, fieldErrorsOf } from '../../../app/api';
import { useSession } from '../../../app/session';
import {
  Alert,
  Button,
  DataTable,
  Dialog,
  EmptyState,
  PageHeader,
  RadioGroup,
  Select,
  Skeleton,
  Tag,
  TextField,
  Toggle,
} from '../../../ui';
import { CommuneSelect } from '../CommuneSelect';
import { useAgencies, useWrite } from '../queries';
import { provinceOf } from '../scope';
import { agencyBody, agencyDraftOf, agencyErrors, EMPTY_AGENCY, type AgencyDraft } from './admin-forms';
import '../case-handling.css';

/** The agencies that handle cases (departments, commune offices, utilities): list, add, edit, stop. */
export function AgenciesPage() {
  const { t, i18n } = useTranslation('case-handling');
  const agencies = useAgencies();
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const vi = i18n.language.startsWith('vi');
  return (
    <div className="stack">
      <PageHeader
        title={t('agencies.title')}
        description={t('agencies.intro')}
        actions={<Button onClick={() => setEditing('new')}>{t('agencies.add')}</Button>}
      />
      <div aria-live="polite">{done && <Alert tone="success">{done}</Alert>}</div>
      {agencies.isPending ? (
        <Skeleton lines={5} />
      ) : agencies.isError ? (
        <Alert tone="error">{t('common.loadFailed')}</Alert>
      ) : (
        <DataTable<Agency>
          caption={t('agencies.caption')}
          captionHidden
          rows={agencies.data}
          rowKey={(a) => a.id}
          empty={<EmptyState title={t('agencies.empty')} />}
          columns={[
            {
              key: 'name',
              header: t('agencies.columns.name'),
              primary: true,
              render: (a) => (vi ? a.name : (a.nameEn ?? a.name)),
            },
            { key: 'kind', header: t('agencies.columns.kind'), render: (a) => t(`agencies.kinds.${a.kind}`) },
            {
              key: 'unit',
              header: t('agencies.columns.unit'),
              render: (a) => a.communeName ?? t('common.province'),
            },
            { key: 'handlers', header: t('agencies.columns.handlers'), render: (a) => a.handlers },
            {
              key: 'status',
              header: t('agencies.columns.status'),
              render: (a) => (
                <Tag tone={a.active ? 'success' : 'neutral'}>
                  {a.active ? t('common.active') : t('common.inactive')}
                </Tag>
              ),
            },
            {
              key: 'actions',
              header: t('agencies.columns.actions'),
              actions: true,
              render: (a) => (
                <Button
                  variant="secondary"
                  onClick={() => setEditing(a)}
                  aria-label={t('agencies.editTitle', { name: a.name })}
                >
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <AgencyDialog
          agency={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setDone(t('common.saved'));
          }}
        />
      )}
    </div>
  );
}

function AgencyDialog({
  agency,
  onClose,
  onSaved,
}: {
  agency: Agency | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation('case-handling');
  const { me } = useSession();
  const province = provinceOf(me) ?? '';
  const [draft, setDraft] = useState<AgencyDraft>(agency ? agencyDraftOf(agency) : EMPTY_AGENCY);
  const [errors, setErrors] = useState<Partial<Record<keyof AgencyDraft, string>>>({});
  const formId = useId();
  const create = useWrite<AgencyDraft, Agency>('POST', '/api/v1/agencies', ['agencies'], (d) =>
    agencyBody(d, province),
  );
  const update = useWrite<AgencyDraft, Agency>(
    'PATCH',
    `/api/v1/agencies/${encodeURIComponent(agency?.id ?? '')}`,
    ['agencies'],
    (d) => agencyBody(d, province),
  );
  const write = agency ? update : create;
  const server = fieldErrorsOf(write.error, i18n.language);
  const set = <K extends keyof AgencyDraft>(key: K, value: AgencyDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const err = (key: keyof AgencyDraft) => (errors[key] ? t(errors[key]) : (server[key] ?? null));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = agencyErrors(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await write.mutateAsync(draft);
      onSaved();
    } catch {
      // write.error is shown below.
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={agency ? t('agencies.editTitle', { name: agency.name }) : t('agencies.addTitle')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} loading={write.isPending}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="stack">
        <TextField
          label={t('agencies.name')}
          value={draft.name}
          maxLength={200}
          error={err('name')}
          onChange={(e) => set('name', e.target.value)}
        />
        <TextField
          label={t('agencies.nameEn')}
          optional
          value={draft.nameEn}
          maxLength={200}
          onChange={(e) => set('nameEn', e.target.value)}
        />
        <Select
          label={t('agencies.kind')}
          value={draft.kind}
          placeholder={t('common.choose')}
          options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencies.kinds.${k}`) }))}
          error={err('kind')}
          onChange={(e) => set('kind', e.target.value)}
        />
        <RadioGroup
          legend={t('agencies.unit')}
          name={`${formId}-level`}
          value={draft.level}
          options={[
            { value: 'province', label: t('agencies.unitProvince') },
            { value: 'commune', label: t('agencies.unitCommune') },
          ]}
          onChange={(value) => set('level', value as AgencyDraft['level'])}
        />
        {draft.level === 'commune' && (
          <CommuneSelect
            label={t('agencies.unitCommune')}
            value={draft.communeCode}
            placeholder={t('common.choose')}
            error={err('communeCode')}
            onChange={(code) => set('communeCode', code)}
          />
        )}
        <TextField
          label={t('agencies.email')}
          optional
          type="email"
          value={draft.email}
          maxLength={254}
          error={err('email')}
          onChange={(e) => set('email', e.target.value)}
        />
        <TextField
          label={t('agencies.phone')}
          optional
          type="tel"
          value={draft.phone}
          maxLength={20}
          error={err('phone')}
          onChange={(e) => set('phone', e.target.value)}
        />
        <Toggle
          label={t('agencies.activeLabel')}
          checked={draft.active}
          onChange={(e) => set('active', e.target.checked)}
        />
        {write.error && (
          <Alert tone="error">
            {write.error instanceof ApiError ? write.error.messageIn(i18n.language) : String(write.error)}
          </Alert>
        )}
      </form>
    </Dialog>
  );
}
