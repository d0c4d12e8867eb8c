import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog } from '../../../ui';

/** "Are you sure?" before a change that cannot be undone (revoking, merging, retiring). */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      footer={
        <div className="cluster">
          <Button variant="danger" loading={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      }
    >
      <div className="stack">
        {children}
        {error && <Alert tone="error">{error}</Alert>}
      </div>
    </Dialog>
  );
}
