import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserBody, UserDetail, UserGrant } from '../../../../shared/contracts/accounts';
import type { Role } from '../../../../shared/rules/permissions';
import { apiFetch } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { useSession } from '../../../app/session';
import { Alert, Button, Card, EmptyState, PageHeader, Select, Skeleton, TextField } from '../../../ui';
import { roleLabelKey } from '../../accounts/roles';
import { UnitPicker, type UnitChoice } from '../../geography/UnitPicker';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { LoadError } from '../components/LoadError';
import { RoleSelect } from '../components/RoleSelect';
import { UserStatusTag } from '../components/UserStatusTag';
import { ADMIN_QUERY_KEY, useUser } from '../queries';
import { useStartUnit } from '../start-unit';
import { useErrorText } from '../use-error-text';
import '../admin.css';
import { RevealPhone } from '../../privacy/RevealPhone';

/** One user: details, status (disable/enable), and the roles they hold inside the caller's scope. */
export function UserDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('admin');
  const { can } = useSession();
  const user = useUser(id);

  if (user.isPending) return <Skeleton title lines={6} />;
  if (user.isError) {
    return (
      <>
        <PageHeader title={t('user.titleFallback')} />
        <LoadError error={user.error} onRetry={() => void user.refetch()} />
      </>
    );
  }
  const data = user.data;
  const manage = data.actions.includes('users.manage');
  return (
    <>
      <PageHeader title={data.name} description={data.email ?? undefined} />
      <div className="stack-lg">
        <Card title={t('user.details')}>
          <dl className="admin-facts">
            <div>
              <dt>{t('user.status')}</dt>
              <dd>
                <UserStatusTag status={data.status} />
              </dd>
            </div>
            <div>
              <dt>{t('user.email')}</dt>
              <dd>{data.email ?? t('common.none')}</dd>
            </div>
            <div>
              <dt>{t('user.phone')}</dt>
              <dd>
                {data.phone ??
                  (data.phoneMasked && data.actions.includes('users.manage') ? (
                    <RevealPhone masked={data.phoneMasked} name={data.name} path={`/api/v1/users/${data.id}/reveal-phone`} />
                  ) : (
                    (data.phoneMasked ?? t('common.none'))
                  ))}
              </dd>
            </div>
            <div>
              <dt>{t('user.lastLogin')}</dt>
              <dd>{data.lastLoginAt ? formatDateTime(data.lastLoginAt) : t('user.never')}</dd>
            </div>
            <div>
              <dt>{t('user.createdAt')}</dt>
              <dd>{formatDateTime(data.createdAt)}</dd>
            </div>
          </dl>
          {can('audit.read') && (
            <p>
              <Link to={`/admin/audit?actor=${encodeURIComponent(data.id)}`}>{t('user.viewAudit')}</Link>
            </p>
          )}
        </Card>
        {manage && <EditUserCard user={data} />}
        <GrantsCard user={data} manage={manage} />
        {manage && <AddGrantCard userId={data.id} />}
      </div>
    </>
  );
}

function useUserChanged(userId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [ADMIN_QUERY_KEY, 'user', userId] });
    void queryClient.invalidateQueries({ queryKey: [ADMIN_QUERY_KEY, 'users'] });
  };
}

function EditUserCard({ user }: { user: UserDetail }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const changed = useUserChanged(user.id);
  const [name, setName] = useState(user.name);
  const [status, setStatus] = useState<'active' | 'disabled'>(
    user.status === 'disabled' ? 'disabled' : 'active',
  );
  const [nameError, setNameError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: UpdateUserBody) =>
      apiFetch<UserDetail>(`/api/v1/users/${user.id}`, { method: 'PATCH', body }),
    onSuccess: changed,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length < 2) {
      setNameError(t('user.nameRequired'));
      return;
    }
    setNameError(null);
    const body: UpdateUserBody = {};
    if (name.trim() !== user.name) body.name = name.trim();
    if (status !== user.status) body.status = status;
    save.mutate(body);
  };
  return (
    <Card title={t('user.edit')}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('user.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
        />
        <Select
          label={t('user.statusLabel')}
          hint={t('user.statusHint')}
          value={status}
          onChange={(e) => setStatus(e.target.value === 'disabled' ? 'disabled' : 'active')}
          options={[
            { value: 'active', label: t('users.statuses.active') },
            { value: 'disabled', label: t('users.statuses.disabled') },
          ]}
        />
        {save.isError && <Alert tone="error">{errorText(save.error)}</Alert>}
        {save.isSuccess && <Alert tone="success">{t('common.saved')}</Alert>}
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </Card>
  );
}

function GrantsCard({ user, manage }: { user: UserDetail; manage: boolean }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const changed = useUserChanged(user.id);
  const [removing, setRemoving] = useState<UserGrant | null>(null);
  const remove = useMutation({
    mutationFn: (grant: UserGrant) =>
      apiFetch<void>(`/api/v1/users/${user.id}/grants/${grant.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      setRemoving(null);
      changed();
    },
  });
  const roleOf = (grant: UserGrant) => t(roleLabelKey(grant.role));
  return (
    <Card title={t('user.grants')}>
      {remove.isSuccess && <Alert tone="success">{t('user.removed')}</Alert>}
      {user.grants.length === 0 ? (
        <EmptyState title={t('user.noGrants')} />
      ) : (
        <ul className="admin-rows">
          {user.grants.map((grant) => (
            <li key={grant.id} className="admin-row">
              <span>{t('users.grantAt', { role: roleOf(grant), unit: grant.unitName })}</span>
              {manage && (
                <Button
                  variant="secondary"
                  onClick={() => {
                    remove.reset();
                    setRemoving(grant);
                  }}
                >
                  {t('user.removeGrant')}
                  <span className="visually-hidden">
                    {' '}
                    {t('users.grantAt', { role: roleOf(grant), unit: grant.unitName })}
                  </span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('user.removeTitle')}
        confirmLabel={t('user.removeGrant')}
        busy={remove.isPending}
        error={remove.isError ? errorText(remove.error) : null}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      >
        {removing && (
          <p>{t('user.removeBody', { name: user.name, role: roleOf(removing), unit: removing.unitName })}</p>
        )}
      </ConfirmDialog>
    </Card>
  );
}

function AddGrantCard({ userId }: { userId: string }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const changed = useUserChanged(userId);
  const startUnit = useStartUnit();
  const [role, setRole] = useState<Role | ''>('');
  const [unit, setUnit] = useState<UnitChoice | null>(null);
  const [errors, setErrors] = useState<{ role?: string; unit?: string }>({});
  const add = useMutation({
    mutationFn: (body: { role: Role; unitCode: string }) =>
      apiFetch<UserGrant>(`/api/v1/users/${userId}/grants`, { method: 'POST', body }),
    onSuccess: () => {
      setRole('');
      setUnit(null);
      changed();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      role: role ? undefined : t('grant.roleRequired'),
      unit: unit ? undefined : t('grant.unitRequired'),
    };
    setErrors(found);
    if (!role || !unit) return;
    add.mutate({ role, unitCode: unit.code });
  };
  return (
    <Card title={t('user.addGrant')}>
      <form onSubmit={submit} noValidate>
        <RoleSelect
          label={t('grant.role')}
          placeholder={t('grant.rolePlaceholder')}
          value={role}
          onChange={setRole}
          error={errors.role}
        />
        <UnitPicker
          label={t('grant.unit')}
          hint={t('grant.unitHint')}
          value={unit}
          onChange={setUnit}
          startCode={startUnit}
          error={errors.unit}
        />
        {add.isError && <Alert tone="error">{errorText(add.error)}</Alert>}
        {add.isSuccess && <Alert tone="success">{t('user.added')}</Alert>}
        <Button type="submit" loading={add.isPending}>
          {t('user.add')}
        </Button>
      </form>
    </Card>
  );
}
