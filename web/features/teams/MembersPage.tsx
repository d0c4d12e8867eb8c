import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MemberRole, TeamMember } from '../../../shared/contracts/teams';
import { ApiError } from '../../app/api';
import {
  Alert,
  Button,
  DataTable,
  Dialog,
  PageHeader,
  Select,
  Skeleton,
  Tag,
  type DataColumn,
} from '../../ui';
import { RevealPhone } from '../privacy/RevealPhone';
import { AddMemberForm, MEMBER_ROLES } from './AddMemberForm';
import { telHref, teamPath } from './paths';
import { useTeam, useUpdateMember } from './teams-queries';
import './teams.css';

/** Today in Vietnam (YYYY-MM-DD): membership periods are local days. */
function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** A team's members for its managers: add and invite, change roles, end or restore a membership. */
export function MembersPage() {
  const { t, i18n } = useTranslation('teams');
  const { id } = useParams();
  const team = useTeam(id);
  const update = useUpdateMember(id ?? '');
  const [ending, setEnding] = useState<TeamMember | null>(null);

  if (team.isPending) return <Skeleton title lines={6} />;
  if (team.isError) return <PageHeader title={t('team.notFound')} />;
  const data = team.data;
  const canManage = data.actions.includes('teams.manageMembers');

  const columns: DataColumn<TeamMember>[] = [
    { key: 'name', header: t('members.name'), primary: true, render: (m) => m.name },
    {
      key: 'role',
      header: t('members.role'),
      render: (m) =>
        canManage && m.active ? (
          <Select
            label={
              <span className="visually-hidden">
                {t('members.changeRole')}: {m.name}
              </span>
            }
            value={m.role}
            options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`team.roles.${r}`) }))}
            onChange={(e) => update.mutate({ memberId: m.id, body: { role: e.target.value as MemberRole } })}
          />
        ) : (
          t(`team.roles.${m.role}`)
        ),
    },
    {
      key: 'affiliation',
      header: t('members.affiliation'),
      render: (m) =>
        `${t(`team.affiliations.${m.affiliation}`)}${m.organization ? ` (${m.organization})` : ''}`,
    },
    {
      key: 'phone',
      header: t('members.phone'),
      render: (m) =>
        m.phone ? (
          <a href={telHref(m.phone)}>{m.phone}</a>
        ) : m.phoneMasked && canManage ? (
          <RevealPhone
            masked={m.phoneMasked}
            name={m.name}
            path={`/api/v1/teams/${data.id}/members/${m.id}/reveal-phone`}
          />
        ) : (
          (m.phoneMasked ?? '—')
        ),
    },
    {
      key: 'status',
      header: t('members.status'),
      render: (m) => (
        <>
          <Tag tone={m.active ? 'success' : 'neutral'}>
            {m.active ? t('members.active') : t('team.inactive')}
          </Tag>{' '}
          {m.hasAccount !== undefined && (
            <Tag tone="info">{m.hasAccount ? t('members.hasAccount') : t('members.noAccount')}</Tag>
          )}
        </>
      ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: t('manage.actions'),
            actions: true,
            render: (m: TeamMember) =>
              m.active ? (
                <Button variant="secondary" onClick={() => setEnding(m)}>
                  {t('members.end')}
                </Button>
              ) : (
                <Button
                  variant="secondary"
                  onClick={() => update.mutate({ memberId: m.id, body: { activeTo: null } })}
                >
                  {t('members.reactivate')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <div className="stack">
      <PageHeader
        title={t('members.title', { team: data.name })}
        actions={<Link to={teamPath(data.id)}>{t('members.back')}</Link>}
      />
      {update.error instanceof ApiError && (
        <Alert tone="error">{update.error.messageIn(i18n.language)}</Alert>
      )}
      <DataTable
        caption={t('members.caption')}
        columns={columns}
        rows={data.members}
        rowKey={(m) => m.id}
        empty={<p>{t('team.noMembers')}</p>}
      />
      {canManage && data.status === 'active' && <AddMemberForm teamId={data.id} />}
      <Dialog
        open={ending !== null}
        onClose={() => setEnding(null)}
        title={t('members.end')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setEnding(null)}>
              {t('form.cancel')}
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                if (ending) update.mutate({ memberId: ending.id, body: { activeTo: todayInVietnam() } });
                setEnding(null);
              }}
            >
              {t('members.end')}
            </Button>
          </>
        }
      >
        <p>{ending && t('members.endConfirm', { name: ending.name })}</p>
      </Dialog>
    </div>
  );
}
