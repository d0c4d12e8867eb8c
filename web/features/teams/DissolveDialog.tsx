import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamDetail } from '../../../shared/contracts/teams';
import { ApiError, fieldErrorsOf } from '../../app/api';
import { Alert, Button, Checkbox, Dialog, TextArea } from '../../ui';
import { DecisionFields, EMPTY_DECISION, type DecisionDraft } from './DecisionFields';
import { useDissolveTeam } from './teams-queries';

/** Dissolves a team with a reason (and the decision when there is one); nothing is deleted. */
export function DissolveDialog({
  team,
  open,
  onClose,
}: {
  team: TeamDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('teams');
  const dissolve = useDissolveTeam(team.id);
  const [reason, setReason] = useState('');
  const [withDecision, setWithDecision] = useState(false);
  const [decision, setDecision] = useState<DecisionDraft>(EMPTY_DECISION);
  const errors = fieldErrorsOf(dissolve.error, i18n.language);

  const close = () => {
    dissolve.reset();
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('dissolveDialog.title')}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('form.cancel')}
          </Button>
          <Button
            variant="danger"
            loading={dissolve.isPending}
            onClick={() =>
              dissolve.mutate(
                { reason: reason.trim(), decision: withDecision ? decision : null },
                { onSuccess: close },
              )
            }
          >
            {t('dissolveDialog.confirm')}
          </Button>
        </>
      }
    >
      <p>{t('dissolveDialog.intro')}</p>
      {dissolve.error instanceof ApiError && (
        <Alert tone="error">{dissolve.error.messageIn(i18n.language)}</Alert>
      )}
      <TextArea
        label={t('dissolveDialog.reason')}
        maxLength={500}
        value={reason}
        error={errors.reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <Checkbox
        label={t('dissolveDialog.withDecision')}
        checked={withDecision}
        onChange={(e) => setWithDecision(e.target.checked)}
      />
      {withDecision && (
        <DecisionFields value={decision} onChange={setDecision} errors={errors} prefix="decision." />
      )}
    </Dialog>
  );
}
