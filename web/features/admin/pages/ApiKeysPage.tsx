import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  API_KEY_SCOPES,
  type ApiKey,
  type ApiKeyCreated,
  type CreateApiKeyBody,
} from '../../../../shared/contracts/accounts';
import { apiFetch, fieldErrorsOf } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DataTable,
  EmptyState,
  FieldError,
  PageHeader,
  Pagination,
  Skeleton,
  Tag,
  TextField,
  type DataColumn,
} from '../../../ui';
import { UnitName } from '../../geography/UnitName';
import { UnitPicker, type UnitChoice } from '../../geography/UnitPicker';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { CopyField } from '../components/CopyField';
import { LoadError } from '../components/LoadError';
import { ADMIN_QUERY_KEY, rowsOf, useApiKeys } from '../queries';
import { useStartUnit } from '../start-unit';
import { useErrorText } from '../use-error-text';
import '../admin.css';

type Scope = (typeof API_KEY_SCOPES)[number];

/** "open311:write" → "apiKeys.scopeNames.open311_write" (a colon would read as an i18n namespace). */
function scopeKey(scope: Scope): string {
  return `apiKeys.scopeNames.${scope.replace(':', '_')}`;
}

/** API keys for integrations: list, create (the secret is shown once), revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const keys = useApiKeys();
  const rows = rowsOf(keys.data);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: [ADMIN_QUERY_KEY, 'apiKeys'] });
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => apiFetch<void>(`/api/v1/api-keys/${key.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      setRevoking(null);
      refresh();
    },
  });

  const columns: DataColumn<ApiKey>[] = [
    { key: 'name', header: t('apiKeys.name'), primary: true, render: (key) => key.name },
    { key: 'prefix', header: t('apiKeys.prefix'), render: (key) => <code>{key.prefix}…</code> },
    {
      key: 'scopes',
      header: t('apiKeys.scopes'),
      render: (key) => (
        <ul className="admin-plain-list">
          {key.scopes.map((scope) => (
            <li key={scope}>{t(scopeKey(scope))}</li>
          ))}
        </ul>
      ),
    },
    { key: 'unit', header: t('apiKeys.unit'), render: (key) => <UnitName code={key.unitCode} /> },
    { key: 'createdAt', header: t('apiKeys.createdAt'), render: (key) => formatDateTime(key.createdAt) },
    {
      key: 'lastUsed',
      header: t('apiKeys.lastUsed'),
      render: (key) => (key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('apiKeys.neverUsed')),
    },
    {
      key: 'status',
      header: t('apiKeys.status'),
      render: (key) =>
        key.revokedAt ? (
          <Tag tone="neutral">{t('apiKeys.revoked')}</Tag>
        ) : (
          <Tag tone="success">{t('apiKeys.active')}</Tag>
        ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      render: (key) =>
        key.actions.includes('apiKeys.manage') && !key.revokedAt ? (
          <Button
            variant="secondary"
            onClick={() => {
              revoke.reset();
              setRevoking(key);
            }}
          >
            {t('apiKeys.revoke')}
            <span className="visually-hidden"> {key.name}</span>
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('apiKeys.title')} description={t('apiKeys.description')} />
      <div className="stack-lg">
        {created && (
          <Card title={t('apiKeys.secretTitle')}>
            <Alert tone="warning">{t('apiKeys.secretWarning')}</Alert>
            <CopyField label={t('apiKeys.secretLabel', { name: created.name })} value={created.secret} />
            <Button variant="secondary" onClick={() => setCreated(null)}>
              {t('apiKeys.secretDone')}
            </Button>
          </Card>
        )}
        {revoke.isSuccess && <Alert tone="success">{t('apiKeys.revoked_done')}</Alert>}
        <section aria-labelledby="api-keys-list">
          <h2 id="api-keys-list">{t('apiKeys.caption')}</h2>
          {keys.isPending ? (
            <Skeleton lines={4} />
          ) : keys.isError ? (
            <LoadError error={keys.error} onRetry={() => void keys.refetch()} />
          ) : (
            <>
              <DataTable
                caption={t('apiKeys.caption')}
                captionHidden
                columns={columns}
                rows={rows}
                rowKey={(key) => key.id}
                empty={<EmptyState title={t('apiKeys.empty')} />}
              />
              {rows.length > 0 && keys.hasNextPage && (
                <Pagination
                  hasMore
                  loading={keys.isFetchingNextPage}
                  onLoadMore={() => void keys.fetchNextPage()}
                  shownCount={rows.length}
                />
              )}
            </>
          )}
        </section>
        {!created && (
          <CreateKeyCard
            onCreated={(key) => {
              setCreated(key);
              refresh();
            }}
          />
        )}
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={t('apiKeys.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('apiKeys.revoke')}
        busy={revoke.isPending}
        error={revoke.isError ? errorText(revoke.error) : null}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      >
        <p>{t('apiKeys.revokeBody')}</p>
      </ConfirmDialog>
    </>
  );
}

function CreateKeyCard({ onCreated }: { onCreated: (key: ApiKeyCreated) => void }) {
  const { t, i18n } = useTranslation('admin');
  const errorText = useErrorText();
  const startUnit = useStartUnit();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [unit, setUnit] = useState<UnitChoice | null>(null);
  const [errors, setErrors] = useState<{ name?: string; scopes?: string }>({});
  const create = useMutation({
    mutationFn: (body: CreateApiKeyBody) =>
      apiFetch<ApiKeyCreated>('/api/v1/api-keys', { method: 'POST', body }),
    onSuccess: onCreated,
  });
  const serverErrors = create.isError ? fieldErrorsOf(create.error, i18n.language) : {};
  const toggle = (scope: Scope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      name: name.trim().length < 2 ? t('apiKeys.nameRequired') : undefined,
      scopes: scopes.length === 0 ? t('apiKeys.scopesRequired') : undefined,
    };
    setErrors(found);
    if (found.name || found.scopes) return;
    create.mutate({ name: name.trim(), scopes, ...(unit ? { unitCode: unit.code } : {}) });
  };
  return (
    <Card title={t('apiKeys.createTitle')}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('apiKeys.name')}
          hint={t('apiKeys.nameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name ?? serverErrors.name}
          autoComplete="off"
        />
        <fieldset className={errors.scopes ? 'fieldset field--invalid' : 'fieldset'}>
          <legend className="fieldset__legend">{t('apiKeys.scopesLegend')}</legend>
          {errors.scopes && <FieldError id="api-key-scopes-error" message={errors.scopes} />}
          {API_KEY_SCOPES.map((scope) => (
            <Checkbox
              key={scope}
              label={t(scopeKey(scope))}
              hint={<code>{scope}</code>}
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />
          ))}
        </fieldset>
        <details className="admin-disclosure">
          <summary>
            {unit ? t('apiKeys.unitChosen', { name: unit.fullName }) : t('apiKeys.unitSummary')}
          </summary>
          <UnitPicker
            label={t('apiKeys.unitLabel')}
            hint={t('apiKeys.unitHint')}
            value={unit}
            onChange={setUnit}
            selectable={['province', 'commune']}
            deepest="commune"
            startCode={startUnit}
          />
        </details>
        {create.isError && !serverErrors.name && <Alert tone="error">{errorText(create.error)}</Alert>}
        <Button type="submit" loading={create.isPending}>
          {t('apiKeys.create')}
        </Button>
      </form>
    </Card>
  );
}
