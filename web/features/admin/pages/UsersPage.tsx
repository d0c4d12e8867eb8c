import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { UserListItem } from '../../../../shared/contracts/accounts';
import type { Role } from '../../../../shared/rules/permissions';
import { useSession } from '../../../app/session';
import {
  Button,
  buttonClass,
  DataTable,
  EmptyState,
  PageHeader,
  Pagination,
  Skeleton,
  TextField,
  type DataColumn,
} from '../../../ui';
import { roleLabelKey } from '../../accounts/roles';
import { UnitPicker, type UnitChoice } from '../../geography/UnitPicker';
import { levelOfCode } from '../../geography/units-queries';
import { LoadError } from '../components/LoadError';
import { RoleSelect } from '../components/RoleSelect';
import { rowsOf, useUsers } from '../queries';
import { useStartUnit } from '../start-unit';
import { UserStatusTag } from '../components/UserStatusTag';
import '../admin.css';

/** The unit filter survives reloads and shared links through the URL (?unit=…&unitName=…). */
function choiceFromUrl(code: string | null, name: string | null): UnitChoice | null {
  if (!code) return null;
  const level = levelOfCode(code);
  return { code, level, name: name ?? code, fullName: name ?? code, provinceCode: '', communeCode: null };
}

/** Users holding a role inside the caller's units, filtered by name, role and unit; invitations start here. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const startUnit = useStartUnit();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [role, setRole] = useState<Role | ''>((params.get('role') as Role | null) ?? '');
  const [unit, setUnit] = useState<UnitChoice | null>(
    choiceFromUrl(params.get('unit'), params.get('unitName')),
  );

  const filters = {
    q: params.get('q') ?? undefined,
    role: params.get('role') ?? undefined,
    unit: params.get('unit') ?? undefined,
  };
  const users = useUsers(filters);
  const rows = rowsOf(users.data);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim());
    if (role) next.set('role', role);
    if (unit) {
      next.set('unit', unit.code);
      next.set('unitName', unit.fullName);
    }
    setParams(next);
  };
  const clear = () => {
    setQ('');
    setRole('');
    setUnit(null);
    setParams(new URLSearchParams());
  };

  const columns: DataColumn<UserListItem>[] = [
    {
      key: 'name',
      header: t('users.name'),
      primary: true,
      render: (user) => <Link to={`/admin/users/${user.id}`}>{user.name}</Link>,
    },
    {
      key: 'contact',
      header: t('users.contact'),
      render: (user) => (
        <span className="admin-lines">
          {user.email && <span>{user.email}</span>}
          {user.phoneMasked && <span>{user.phoneMasked}</span>}
          {!user.email && !user.phoneMasked && t('common.none')}
        </span>
      ),
    },
    {
      key: 'roles',
      header: t('users.roles'),
      render: (user) => (
        <ul className="admin-plain-list">
          {user.grants.map((grant) => (
            <li key={grant.id}>
              {t('users.grantAt', { role: t(roleLabelKey(grant.role)), unit: grant.unitName })}
            </li>
          ))}
        </ul>
      ),
    },
    { key: 'status', header: t('users.status'), render: (user) => <UserStatusTag status={user.status} /> },
  ];

  const filtered = Boolean(filters.q || filters.role || filters.unit);
  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          can('users.manage') ? (
            <Link to="/admin/users/invite" className={buttonClass('primary')}>
              {t('users.invite')}
            </Link>
          ) : undefined
        }
      />
      <form className="admin-filters" onSubmit={apply} aria-label={t('common.filter')}>
        <div className="admin-filters__fields">
          <TextField
            label={t('users.searchLabel')}
            hint={t('users.searchHint')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <RoleSelect
            label={t('users.roleLabel')}
            placeholder={t('users.anyRole')}
            value={role}
            onChange={setRole}
          />
        </div>
        <details className="admin-disclosure" open={Boolean(params.get('unit')) || undefined}>
          <summary>
            {unit ? t('common.unitFilterChosen', { name: unit.fullName }) : t('common.unitFilter')}
          </summary>
          <UnitPicker label={t('common.unitFilter')} value={unit} onChange={setUnit} startCode={startUnit} />
          {unit && (
            <Button variant="ghost" onClick={() => setUnit(null)}>
              {t('common.removeUnitFilter')}
            </Button>
          )}
        </details>
        <div className="cluster">
          <Button type="submit">{t('common.filter')}</Button>
          {filtered && (
            <Button variant="secondary" onClick={clear}>
              {t('common.clearFilters')}
            </Button>
          )}
        </div>
      </form>

      {users.isPending ? (
        <Skeleton lines={6} />
      ) : users.isError ? (
        <LoadError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <>
          <DataTable
            caption={t('users.caption')}
            columns={columns}
            rows={rows}
            rowKey={(user) => user.id}
            cardHeadingLevel={2}
            empty={<EmptyState title={t('users.empty')}>{filtered ? t('users.emptyHint') : null}</EmptyState>}
          />
          {rows.length > 0 && (
            <Pagination
              hasMore={Boolean(users.hasNextPage)}
              loading={users.isFetchingNextPage}
              onLoadMore={() => void users.fetchNextPage()}
              shownCount={rows.length}
            />
          )}
        </>
      )}
    </>
  );
}
