import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TeamDetail } from '../../../shared/contracts/teams';
import type { UnitListResponse } from '../../../shared/contracts/units';
import { ApiError, apiFetch, fieldErrorsOf } from '../../app/api';
import {
  Alert,
  Button,
  buttonClass,
  FormErrorSummary,
  PageHeader,
  Select,
  Skeleton,
  TextArea,
  TextField,
} from '../../ui';
import { UnitPicker } from '../geography/UnitPicker';
import { useCommuneChoice } from './commune-choice';
import { DecisionFields, EMPTY_DECISION, type DecisionDraft } from './DecisionFields';
import { MANAGE_PATH, teamPath } from './paths';
import { useCreateTeam, useTeam, useUpdateTeam } from './teams-queries';
import './teams.css';

interface TeamDraft {
  hamletId: string;
  name: string;
  decision: DecisionDraft;
  schedule: string;
  contactPhone: string;
}

function draftOf(team: TeamDetail | undefined): TeamDraft {
  return {
    hamletId: team?.hamletId ?? '',
    name: team?.name ?? '',
    decision: team?.decision ?? EMPTY_DECISION,
    schedule: team?.schedule ?? '',
    contactPhone: team?.contactPhone ?? '',
  };
}

/** Which field (by id) each server error path belongs to, for the error summary's links. */
const FIELD_IDS: Record<string, string> = {
  hamletId: 'team-hamlet',
  name: 'team-name',
  'decision.number': 'decision-number',
  'decision.date': 'decision-date',
  'decision.signer': 'decision-signer',
  schedule: 'team-schedule',
  contactPhone: 'team-contact',
};

/** Establish a team (`/teams/new?commune=`) or edit one (`/teams/:id/edit`). */
export function TeamFormPage() {
  const { id } = useParams();
  const existing = useTeam(id);
  if (id && existing.isPending) return <Skeleton title lines={6} />;
  return <TeamForm key={existing.data?.id ?? 'new'} team={existing.data} />;
}

function TeamForm({ team }: { team: TeamDetail | undefined }) {
  const { t, i18n } = useTranslation('teams');
  const navigate = useNavigate();
  const commune = useCommuneChoice();
  const communeCode = team?.communeCode ?? commune.code;
  const [draft, setDraft] = useState<TeamDraft>(() => draftOf(team));
  const create = useCreateTeam();
  const update = useUpdateTeam(team?.id ?? '');
  const mutation = team ? update : create;
  const hamlets = useQuery({
    queryKey: ['units', 'list', communeCode, ''],
    queryFn: ({ signal }) =>
      apiFetch<UnitListResponse>('/api/v1/units', {
        query: { level: 'hamlet', parent: communeCode ?? '', limit: 500 },
        signal,
      }),
    enabled: !team && Boolean(communeCode),
  });
  const errors = fieldErrorsOf(mutation.error, i18n.language);
  const summary = Object.entries(errors)
    .filter(([path]) => FIELD_IDS[path])
    .map(([path, message]) => ({ fieldId: FIELD_IDS[path]!, message }));
  const set = (patch: Partial<TeamDraft>) => setDraft((d) => ({ ...d, ...patch }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const common = {
      decision: {
        number: draft.decision.number.trim(),
        date: draft.decision.date,
        signer: draft.decision.signer.trim(),
      },
      schedule: draft.schedule.trim() || null,
      contactPhone: draft.contactPhone.replace(/[\s.]/g, '') || null,
    };
    const onSuccess = (saved: TeamDetail) => navigate(teamPath(saved.id));
    if (team) {
      update.mutate({ ...common, ...(draft.name.trim() ? { name: draft.name.trim() } : {}) }, { onSuccess });
    } else if (communeCode) {
      create.mutate(
        {
          ...common,
          communeCode,
          hamletId: draft.hamletId || null,
          ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
        },
        { onSuccess },
      );
    }
  }

  const otherError =
    mutation.error instanceof ApiError && summary.length === 0
      ? mutation.error.messageIn(i18n.language)
      : null;

  return (
    <div className="stack reading">
      <PageHeader title={team ? t('form.editTitle') : t('form.createTitle')} description={team?.name} />
      {!team && (
        <UnitPicker
          label={t('manage.commune')}
          value={commune.choice}
          selectable={['commune']}
          deepest="commune"
          onChange={(choice) => commune.setCode(choice.code)}
        />
      )}
      <form noValidate onSubmit={submit}>
        <FormErrorSummary errors={summary} />
        {otherError && <Alert tone="error">{otherError}</Alert>}
        {!team && (
          <Select
            id="team-hamlet"
            label={t('form.hamlet')}
            hint={t('form.hamletHint')}
            value={draft.hamletId}
            error={errors.hamletId}
            placeholder={t('form.communeLevel')}
            options={(hamlets.data?.items ?? [])
              .filter((h) => h.level === 'hamlet' && h.status === 'active')
              .map((h) => ({ value: h.code, label: h.fullName }))}
            onChange={(e) => set({ hamletId: e.target.value })}
          />
        )}
        <TextField
          id="team-name"
          label={t('form.name')}
          hint={team ? undefined : t('form.nameHint')}
          optional={!team}
          value={draft.name}
          maxLength={160}
          error={errors.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('form.decision')}</legend>
          <DecisionFields value={draft.decision} onChange={(decision) => set({ decision })} errors={errors} />
        </fieldset>
        <TextArea
          id="team-schedule"
          label={t('form.schedule')}
          hint={t('form.scheduleHint')}
          optional
          maxLength={300}
          value={draft.schedule}
          error={errors.schedule}
          onChange={(e) => set({ schedule: e.target.value })}
        />
        <TextField
          id="team-contact"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          label={t('form.contactPhone')}
          hint={t('form.contactPhoneHint')}
          optional
          value={draft.contactPhone}
          error={errors.contactPhone}
          onChange={(e) => set({ contactPhone: e.target.value })}
        />
        <div className="cluster">
          <Button type="submit" loading={mutation.isPending} disabled={!team && !communeCode}>
            {team ? t('form.save') : t('form.create')}
          </Button>
          <Link className={buttonClass('secondary')} to={team ? teamPath(team.id) : MANAGE_PATH}>
            {t('form.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
