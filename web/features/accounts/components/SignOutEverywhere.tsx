import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button, Card, Dialog } from '../../../ui';
import { apiFetch } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/errors';
import { flashState } from '../../../app/flash';
import { clearPrivateData, SIGN_IN_PATH } from '../../../app/session';

/** POST /api/v1/auth/logout-all after a confirmation: every session of the account ends, this one included. */
export function SignOutEverywhere() {
  const { t } = useTranslation('accounts');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const signOutEverywhere = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await apiFetch('/api/v1/auth/logout-all', { method: 'POST' });
      setConfirming(false);
      clearPrivateData(queryClient);
      navigate(SIGN_IN_PATH, {
        replace: true,
        state: flashState('success', 'accounts:flash.signedOutEverywhere'),
      });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('profile.sessionsTitle')}>
      <p>{t('profile.sessionsBody')}</p>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {t('profile.logoutAll')}
      </Button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('profile.confirmTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('profile.cancel')}
            </Button>
            <Button variant="danger" loading={busy} onClick={() => void signOutEverywhere()}>
              {t('profile.confirm')}
            </Button>
          </>
        }
      >
        <ApiErrorAlert error={failure} />
        <p>{t('profile.confirmBody')}</p>
      </Dialog>
    </Card>
  );
}
