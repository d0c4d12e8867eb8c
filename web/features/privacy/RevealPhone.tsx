import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealedPhone } from '../../../shared/contracts/privacy';
import { Button } from '../../ui';
import { RevealReasonDialog } from './RevealReasonDialog';

/**
 * A masked phone number that a manager may reveal: a button opens the reason dialog, then the full number shows as
 * a call link. Nothing is cached: leaving the page forgets it.
 */
export function RevealPhone({ masked, path, name }: { masked: string; path: string; name: string }) {
  const { t } = useTranslation('privacy');
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState<string | null>(null);

  if (phone) {
    return (
      <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={t('reveal.call', { phone })}>
        {phone}
      </a>
    );
  }
  return (
    <>
      <span>{masked}</span>{' '}
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={t('reveal.buttonFor', { name })}>
        {t('reveal.button')}
      </Button>
      <RevealReasonDialog<RevealedPhone>
        open={open}
        onClose={() => setOpen(false)}
        path={path}
        onRevealed={(res) => setPhone(res.phone)}
        texts={{
          title: t('reveal.title'),
          body: t('reveal.body'),
          reason: t('reveal.reason'),
          reasonHint: t('reveal.reasonHint'),
          reasonTooShort: t('reveal.reasonTooShort'),
          cancel: t('reveal.cancel'),
          confirm: t('reveal.confirm'),
        }}
      />
    </>
  );
}
