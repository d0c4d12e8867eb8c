import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Affiliation, MemberRole } from '../../../shared/contracts/teams';
import { ApiError, fieldErrorsOf } from '../../app/api';
import { formatDate } from '../../app/format';
import { Alert, Button, Card, Checkbox, FormErrorSummary, Select, TextField } from '../../ui';
import { useAddMember, type MemberResult } from './teams-queries';

export const MEMBER_ROLES: readonly MemberRole[] = ['leader', 'deputy', 'member'];
export const AFFILIATIONS: readonly Affiliation[] = [
  'youth_union',
  'hamlet_head',
  'police',
  'telecom_business',
  'womens_union',
  'veterans',
  'teacher',
  'other',
];

const EMPTY = {
  name: '',
  role: 'member' as MemberRole,
  affiliation: 'youth_union' as Affiliation,
  organization: '',
  phone: '',
  email: '',
  invite: true,
};
const FIELD_IDS: Record<string, string> = {
  name: 'member-name',
  organization: 'member-organization',
  phone: 'member-phone',
  email: 'member-email',
};

/** Adds a member and, when asked, invites them: the invitation link is shown to share by Zalo or SMS. */
export function AddMemberForm({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation('teams');
  const add = useAddMember(teamId);
  const [form, setForm] = useState(EMPTY);
  const [added, setAdded] = useState<MemberResult | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(add.error, i18n.language), ...localErrors };
  const summary = Object.entries(errors)
    .filter(([path]) => FIELD_IDS[path])
    .map(([path, message]) => ({ fieldId: FIELD_IDS[path]!, message }));
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    // Checked here too, so the member's form answers in the reader's language before any round trip.
    const found: Record<string, string> = {};
    if (form.name.trim().length < 2) found.name = t('members.errors.name');
    if (form.affiliation === 'telecom_business' && form.organization.trim().length < 2) {
      found.organization = t('members.errors.organization');
    }
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    add.mutate(
      {
        name: form.name.trim(),
        role: form.role,
        affiliation: form.affiliation,
        organization: form.affiliation === 'telecom_business' ? form.organization.trim() || null : null,
        phone: form.phone.replace(/[\s.]/g, '') || null,
        email: form.email.trim() || null,
        invite: form.invite,
      },
      {
        onSuccess: (result) => {
          setAdded(result);
          setForm(EMPTY);
        },
      },
    );
  }

  return (
    <Card title={t('members.add')}>
      {added && <InvitationNotice result={added} />}
      <form noValidate onSubmit={submit}>
        <FormErrorSummary errors={summary} />
        {add.error instanceof ApiError && summary.length === 0 && (
          <Alert tone="error">{add.error.messageIn(i18n.language)}</Alert>
        )}
        <TextField
          id="member-name"
          label={t('members.name')}
          value={form.name}
          maxLength={120}
          autoComplete="off"
          error={errors.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <Select
          label={t('members.role')}
          value={form.role}
          options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`team.roles.${r}`) }))}
          onChange={(e) => set({ role: e.target.value as MemberRole })}
        />
        <Select
          label={t('members.affiliation')}
          value={form.affiliation}
          options={AFFILIATIONS.map((a) => ({ value: a, label: t(`team.affiliations.${a}`) }))}
          onChange={(e) => set({ affiliation: e.target.value as Affiliation })}
        />
        {form.affiliation === 'telecom_business' && (
          <TextField
            id="member-organization"
            label={t('members.organization')}
            hint={t('members.organizationHint')}
            value={form.organization}
            maxLength={120}
            error={errors.organization}
            onChange={(e) => set({ organization: e.target.value })}
          />
        )}
        <p className="field__hint">{t('members.contactHint')}</p>
        <TextField
          id="member-phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          label={t('members.phone')}
          optional
          value={form.phone}
          error={errors.phone}
          onChange={(e) => set({ phone: e.target.value })}
        />
        <TextField
          id="member-email"
          type="email"
          autoComplete="off"
          label={t('members.email')}
          optional
          value={form.email}
          error={errors.email}
          onChange={(e) => set({ email: e.target.value })}
        />
        <Checkbox
          label={t('members.invite')}
          checked={form.invite}
          onChange={(e) => set({ invite: e.target.checked })}
        />
        <Button type="submit" loading={add.isPending}>
          {t('members.add')}
        </Button>
      </form>
    </Card>
  );
}

function InvitationNotice({ result }: { result: MemberResult }) {
  const { t } = useTranslation('teams');
  const [copied, setCopied] = useState(false);
  if (!result.invitation) return <Alert tone="success">{result.member.name}</Alert>;
  const { link, expiresAt } = result.invitation;
  return (
    <Alert tone="success" title={t('members.invitationTitle')}>
      <p>{t('members.invitationText', { name: result.member.name, date: formatDate(expiresAt) })}</p>
      <TextField
        label={t('members.invitationTitle')}
        value={link}
        readOnly
        onFocus={(e) => e.target.select()}
      />
      <Button
        variant="secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(() => setCopied(true));
        }}
      >
        {t('members.copy')}
      </Button>
      <p role="status">{copied ? t('members.copied') : ''}</p>
    </Alert>
  );
}
