import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateInvitationBody } from '../../../../shared/contracts/accounts';
import type { Role } from '../../../../shared/rules/permissions';
import { apiFetch, fieldErrorsOf } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import {
  Alert,
  Button,
  buttonClass,
  Card,
  FormErrorSummary,
  PageHeader,
  TextField,
  type FormErrorItem,
} from '../../../ui';
import { UnitPicker, type UnitChoice } from '../../geography/UnitPicker';
import { CopyField } from '../components/CopyField';
import { RoleSelect } from '../components/RoleSelect';
import { ADMIN_QUERY_KEY } from '../queries';
import { useStartUnit } from '../start-unit';
import { useErrorText } from '../use-error-text';
import '../admin.css';

interface Created {
  id: string;
  link: string;
  expiresAt: string;
  name: string;
  email: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^(\+84|0)\d{9}$/;

/** Invite someone by link: e-mailed when an address is known, otherwise copied and shared (Zalo, SMS). */
export function InvitePage() {
  const { t, i18n } = useTranslation('admin');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const startUnit = useStartUnit();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [unit, setUnit] = useState<UnitChoice | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Created | null>(null);

  const invite = useMutation({
    mutationFn: (body: CreateInvitationBody) =>
      apiFetch<{ id: string; link: string; expiresAt: string }>('/api/v1/invitations', {
        method: 'POST',
        body,
      }),
    onSuccess: (result, body) => {
      setCreated({ ...result, name: body.name, email: body.email ?? null });
      void queryClient.invalidateQueries({ queryKey: [ADMIN_QUERY_KEY, 'users'] });
    },
    onError: (error) => setErrors(fieldErrorsOf(error, i18n.language)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (name.trim().length < 2) found.name = t('invite.nameRequired');
    if (email.trim() && !EMAIL.test(email.trim())) found.email = t('invite.emailInvalid');
    if (phone.trim() && !PHONE.test(phone.trim())) found.phone = t('invite.phoneInvalid');
    if (!role) found.role = t('grant.roleRequired');
    if (!unit) found.unitCode = t('grant.unitRequired');
    setErrors(found);
    if (Object.keys(found).length > 0 || !role || !unit) return;
    invite.mutate({
      name: name.trim(),
      role,
      unitCode: unit.code,
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
    });
  };

  const restart = () => {
    setCreated(null);
    setName('');
    setEmail('');
    setPhone('');
    setErrors({});
    invite.reset();
  };

  if (created) {
    return (
      <>
        <PageHeader title={t('invite.title')} />
        <Card title={t('invite.createdTitle')} className="reading">
          <Alert tone="success">
            <p>
              {t('invite.createdBody', { name: created.name, expires: formatDateTime(created.expiresAt) })}
            </p>
            {created.email && <p>{t('invite.emailed', { email: created.email })}</p>}
          </Alert>
          <CopyField label={t('invite.link')} value={created.link} hint={t('invite.shareHint')} />
          <div className="cluster">
            <Button onClick={restart}>{t('invite.another')}</Button>
            <Link to="/admin/users" className={buttonClass('secondary')}>
              {t('invite.toUsers')}
            </Link>
          </div>
        </Card>
      </>
    );
  }

  const ids: Record<string, string> = {
    name: 'invite-name',
    email: 'invite-email',
    phone: 'invite-phone',
    role: 'invite-role',
    unitCode: 'invite-unit',
  };
  const summary: FormErrorItem[] = Object.entries(errors).map(([field, message]) => ({
    fieldId: ids[field] ?? 'invite-name',
    message,
  }));
  const serverError = invite.isError && Object.keys(fieldErrorsOf(invite.error, i18n.language)).length === 0;

  return (
    <>
      <PageHeader title={t('invite.title')} description={t('invite.description')} />
      <form onSubmit={submit} noValidate className="reading">
        <FormErrorSummary errors={summary} />
        {serverError && <Alert tone="error">{errorText(invite.error)}</Alert>}
        <TextField
          id={ids.name}
          label={t('invite.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          autoComplete="off"
        />
        <TextField
          id={ids.email}
          type="email"
          label={t('invite.email')}
          hint={t('invite.emailHint')}
          optional
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          autoComplete="off"
        />
        <TextField
          id={ids.phone}
          type="tel"
          inputMode="tel"
          label={t('invite.phone')}
          hint={t('invite.phoneHint')}
          optional
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={errors.phone}
          autoComplete="off"
        />
        <RoleSelect
          id={ids.role}
          label={t('grant.role')}
          placeholder={t('grant.rolePlaceholder')}
          value={role}
          onChange={setRole}
          error={errors.role}
        />
        <UnitPicker
          id={ids.unitCode}
          label={t('grant.unit')}
          hint={t('grant.unitHint')}
          value={unit}
          onChange={setUnit}
          startCode={startUnit}
          error={errors.unitCode}
        />
        <Button type="submit" loading={invite.isPending}>
          {t('invite.submit')}
        </Button>
      </form>
    </>
  );
}
