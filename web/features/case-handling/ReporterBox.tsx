import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlerCase } from '../../../shared/contracts/case-handling';
import { Alert, Button, Card } from '../../ui';
import { RevealReasonDialog } from '../privacy/RevealReasonDialog';

/**
 * Who sent the case, as handlers in scope see it: the name (always kept for them), the contact masked. "Xem số đầy
 * đủ" asks why (the shared reason dialog), says the reveal is logged, and shows the full phone and e-mail only on this screen, only until it
 * is left (nothing is cached).
 */
export function ReporterBox({ caseView }: { caseView: HandlerCase }) {
  const { t } = useTranslation('case-handling');
  const { reporter } = caseView;
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<{ phone: string | null; email: string | null } | null>(null);
  const mayReveal =
    caseView.can.includes('revealContact') &&
    !reporter.anonymised &&
    (reporter.phoneMasked || reporter.emailMasked);

  const phone = revealed?.phone ?? null;
  const email = revealed?.email ?? null;
  return (
    <Card title={t('reporter.title')} aria-label={t('reporter.title')}>
      {reporter.anonymised && <p className="muted">{t('reporter.anonymised')}</p>}
      {reporter.blocked && <Alert tone="warning">{t('reporter.blocked')}</Alert>}
      <dl className="case-facts">
        <dt>{t('reporter.name')}</dt>
        <dd>
          {reporter.name ?? <span className="muted">{t('reporter.noName')}</span>}
          <br />
          <span className="muted">
            {reporter.showName ? t('reporter.shownPublicly') : t('reporter.hiddenPublicly')}
          </span>
        </dd>
        <dt>{t('reporter.phone')}</dt>
        <dd>
          {phone ? (
            <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={t('reporter.call', { phone })}>
              {phone}
            </a>
          ) : (
            (reporter.phoneMasked ?? <span className="muted">{t('reporter.none')}</span>)
          )}
        </dd>
        <dt>{t('reporter.email')}</dt>
        <dd>
          {email ? (
            <a href={`mailto:${email}`} aria-label={t('reporter.write', { email })}>
              {email}
            </a>
          ) : (
            (reporter.emailMasked ?? <span className="muted">{t('reporter.none')}</span>)
          )}
        </dd>
      </dl>
      {revealed && (
        <p className="muted" role="status">
          {t('reporter.logged')}
        </p>
      )}
      {mayReveal && !revealed && (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('reporter.reveal')}
        </Button>
      )}
      <RevealReasonDialog<{ phone: string | null; email: string | null }>
        open={open}
        onClose={() => setOpen(false)}
        path={`/api/v1/cases/${encodeURIComponent(caseView.id)}/reveal-contact`}
        onRevealed={setRevealed}
        texts={{
          title: t('reporter.revealTitle'),
          body: t('reporter.revealBody'),
          reason: t('reporter.reason'),
          reasonHint: t('reporter.reasonHint'),
          reasonTooShort: t('reporter.reasonTooShort'),
          cancel: t('common.cancel'),
          confirm: t('reporter.confirm'),
        }}
      />
    </Card>
  );
}
