import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { uuidv7 } from '../../../shared/ids';
import { findPurpose } from '../../../shared/privacy/register';
import { ApiError, apiFetch, fieldErrorsOf } from '../../app/api';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  FormErrorSummary,
  PageHeader,
  RadioGroup,
  Select,
  TextArea,
  TextField,
} from '../../ui';
import { CommuneSelect } from './CommuneSelect';
import { casePath } from './paths';
import { useCategories, type CreateCaseResult } from './queries';
import { EMPTY_STAFF_DRAFT, staffBody, staffErrors, type StaffDraft, type StaffErrors } from './staff-form';
import './case-handling.css';

const CHANNELS = ['phone', 'walk_in', 'letter', 'email'] as const;
const FIELD_IDS: Record<keyof StaffDraft, string> = {
  channel: 'staff-channel',
  kind: 'staff-kind',
  categoryCode: 'staff-category',
  title: 'staff-title',
  description: 'staff-description',
  communeCode: 'staff-commune',
  addressText: 'staff-address',
  name: 'staff-name',
  showName: 'staff-show-name',
  phone: 'staff-phone',
  email: 'staff-email',
  consent: 'staff-consent',
};

/**
 * Staff file a report for a caller or a walk-in (the 1022 hotline's way of working): the same case as a web report,
 * with the channel recorded. The consent to keep a phone or e-mail is the register's text, read to the resident.
 * The id is made once per report, so pressing the button twice (or a retry after a timeout) stores it once.
 */
export function StaffFilingPage() {
  const { t, i18n } = useTranslation('case-handling');
  const categories = useCategories();
  const [draft, setDraft] = useState<StaffDraft>(EMPTY_STAFF_DRAFT);
  const [errors, setErrors] = useState<StaffErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CreateCaseResult | null>(null);
  const id = useRef(uuidv7());
  const vi = i18n.language.startsWith('vi');
  const consent = findPurpose('reports').consent ?? null;
  const set = <K extends keyof StaffDraft>(key: K, value: StaffDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const err = (key: keyof StaffDraft) => (errors[key] ? t(errors[key]) : (serverErrors[key] ?? null));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = staffErrors(draft);
    setErrors(found);
    setServerErrors({});
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const created = await apiFetch<CreateCaseResult>('/api/v1/cases/staff', {
        method: 'POST',
        body: staffBody(id.current, draft, consent?.version ?? null),
      });
      setResult(created);
    } catch (error) {
      setServerErrors(fieldErrorsOf(error, i18n.language));
      setFailure(error instanceof ApiError ? error.messageIn(i18n.language) : String(error));
    } finally {
      setBusy(false);
    }
  }

  function another() {
    id.current = uuidv7();
    setDraft(EMPTY_STAFF_DRAFT);
    setResult(null);
  }

  if (result) {
    return (
      <div className="stack">
        <PageHeader title={t('staff.title')} />
        <Alert tone="success">
          {result.status === 'duplicate'
            ? t('staff.duplicate', { code: result.code })
            : t('staff.created', { code: result.code })}
        </Alert>
        <div className="cluster">
          <Link to={casePath(result.id)}>{t('staff.open')}</Link>
          <Button variant="secondary" onClick={another}>
            {t('staff.another')}
          </Button>
        </div>
      </div>
    );
  }

  const listed = Object.entries(errors).map(([key, message]) => ({
    fieldId: FIELD_IDS[key as keyof StaffDraft],
    message: t(message),
  }));
  const options = (categories.data ?? [])
    .filter((c) => c.kinds.includes(draft.kind))
    .map((c) => ({ value: c.code, label: vi ? c.name : c.nameEn }));
  const hasContact = Boolean(draft.phone.trim() || draft.email.trim());
  return (
    <div className="stack">
      <PageHeader title={t('staff.title')} description={t('staff.intro')} />
      {listed.length > 0 && <FormErrorSummary title={t('common.fixErrors')} errors={listed} />}
      {failure && <Alert tone="error">{failure}</Alert>}
      <form onSubmit={submit} noValidate className="stack reading">
        <RadioGroup
          id={FIELD_IDS.channel}
          legend={t('staff.channel')}
          name="channel"
          value={draft.channel}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          onChange={(value) => set('channel', value as StaffDraft['channel'])}
        />
        <RadioGroup
          id={FIELD_IDS.kind}
          legend={t('staff.kind')}
          name="kind"
          value={draft.kind}
          options={(['report', 'petition'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          onChange={(value) => set('kind', value as StaffDraft['kind'])}
        />
        <Select
          id={FIELD_IDS.categoryCode}
          label={t('staff.category')}
          value={draft.categoryCode}
          placeholder={t('common.choose')}
          options={options}
          error={err('categoryCode')}
          onChange={(e) => set('categoryCode', e.target.value)}
        />
        <TextField
          id={FIELD_IDS.title}
          label={t('staff.titleField')}
          optional
          value={draft.title}
          maxLength={120}
          error={err('title')}
          onChange={(e) => set('title', e.target.value)}
        />
        <TextArea
          id={FIELD_IDS.description}
          label={t('staff.description')}
          hint={t('staff.descriptionHint')}
          value={draft.description}
          rows={5}
          maxLength={4000}
          error={err('description')}
          onChange={(e) => set('description', e.target.value)}
        />
        <CommuneSelect
          id={FIELD_IDS.communeCode}
          label={t('staff.commune')}
          value={draft.communeCode}
          placeholder={t('common.choose')}
          error={err('communeCode')}
          onChange={(code) => set('communeCode', code)}
        />
        <TextField
          id={FIELD_IDS.addressText}
          label={t('staff.address')}
          optional
          value={draft.addressText}
          maxLength={300}
          onChange={(e) => set('addressText', e.target.value)}
        />
        <Card title={t('staff.reporterTitle')}>
          <div className="stack">
            <TextField
              id={FIELD_IDS.name}
              label={t('staff.name')}
              optional
              value={draft.name}
              maxLength={120}
              autoComplete="off"
              onChange={(e) => set('name', e.target.value)}
            />
            <Checkbox
              id={FIELD_IDS.showName}
              label={t('staff.showName')}
              checked={draft.showName}
              onChange={(e) => set('showName', e.target.checked)}
            />
            <TextField
              id={FIELD_IDS.phone}
              label={t('staff.phone')}
              optional
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={draft.phone}
              maxLength={20}
              error={err('phone')}
              onChange={(e) => set('phone', e.target.value)}
            />
            <TextField
              id={FIELD_IDS.email}
              label={t('staff.email')}
              optional
              type="email"
              autoComplete="off"
              value={draft.email}
              maxLength={254}
              error={err('email')}
              onChange={(e) => set('email', e.target.value)}
            />
            {hasContact && (
              <>
                {consent && (
                  <p className="reading">
                    <strong>{t('staff.consentRead')}</strong> “{vi ? consent.text.vi : consent.text.en}”
                  </p>
                )}
                <Checkbox
                  id={FIELD_IDS.consent}
                  label={t('staff.consent')}
                  checked={draft.consent}
                  error={err('consent')}
                  onChange={(e) => set('consent', e.target.checked)}
                />
              </>
            )}
          </div>
        </Card>
        <div>
          <Button type="submit" loading={busy}>
            {t('staff.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
