import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamDetail } from '../../../shared/contracts/teams';
import { ApiError } from '../../app/api';
import { Alert, Button, Dialog, Select, TextArea } from '../../ui';
import { useMergeTeam, useTeamPages } from './teams-queries';

/** Merges a team into another active team of the same commune; history, members and records stay. */
export function MergeDialog({
  team,
  open,
  onClose,
}: {
  team: TeamDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('teams');
  const candidates = useTeamPages({ unit: team.communeCode, status: 'active', limit: 200 }, open);
  const merge = useMergeTeam(team.id);
  const [intoId, setIntoId] = useState('');
  const [reason, setReason] = useState('');
  const options = (candidates.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((c) => c.id !== team.id)
    .map((c) => ({ value: c.id, label: c.name }));

  const close = () => {
    merge.reset();
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('mergeDialog.title')}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('form.cancel')}
          </Button>
          <Button
            loading={merge.isPending}
            disabled={!intoId}
            onClick={() => merge.mutate({ intoId, reason: reason.trim() || null }, { onSuccess: close })}
          >
            {t('mergeDialog.confirm')}
          </Button>
        </>
      }
    >
      <p>{t('mergeDialog.intro')}</p>
      {merge.error instanceof ApiError && <Alert tone="error">{merge.error.messageIn(i18n.language)}</Alert>}
      {candidates.isSuccess && options.length === 0 ? (
        <p>{t('mergeDialog.noTarget')}</p>
      ) : (
        <Select
          label={t('mergeDialog.into')}
          value={intoId}
          placeholder="—"
          options={options}
          onChange={(e) => setIntoId(e.target.value)}
        />
      )}
      <TextArea
        label={t('mergeDialog.reason')}
        optional
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Dialog>
  );
}
