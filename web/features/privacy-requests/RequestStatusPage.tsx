import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DataSubjectRequestStatusView } from '../../../shared/contracts/privacy';
import { ApiError, apiFetch } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { Alert, Button, PageHeader, TextField } from '../../ui';

/** Where a request stands, by its tracking code: no personal data is shown, the code is the only key. */
export function RequestStatusPage() {
  const { t, i18n } = useTranslation('privacy-requests');
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [found, setFound] = useState<DataSubjectRequestStatusView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const wanted = params.get('code');
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    setFailure(null);
    apiFetch<DataSubjectRequestStatusView>(`/api/v1/privacy/requests/by-code/${encodeURIComponent(wanted)}`)
      .then((r) => live && setFound(r))
      .catch((err: unknown) => {
        if (!live) return;
        setFound(null);
        setFailure(err instanceof ApiError ? err.messageIn(i18n.language) : String(err));
      });
    return () => {
      live = false;
    };
  }, [wanted, i18n.language]);

  function lookUp(e: FormEvent) {
    e.preventDefault();
    if (code.trim()) setParams({ code: code.trim().toUpperCase() });
  }

  return (
    <div className="stack">
      <PageHeader title={t('statusTitle')} />
      <form className="stack" onSubmit={lookUp} noValidate>
        <TextField
          label={t('statusCode')}
          hint={t('statusCodeHint')}
          value={code}
          autoCapitalize="characters"
          onChange={(e) => setCode(e.target.value)}
        />
        <Button type="submit">{t('lookUp')}</Button>
      </form>
      {failure && <Alert tone="error">{failure}</Alert>}
      {found && (
        <section aria-labelledby="dsr-status">
          <h2 id="dsr-status">
            {found.code}: {t(`statuses.${found.status}`)}
          </h2>
          <dl>
            <dt>{t('submittedAt')}</dt>
            <dd>{formatDateTime(found.submittedAt)}</dd>
            {found.dueAt && (
              <>
                <dt>{t('dueAt')}</dt>
                <dd>{formatDateTime(found.dueAt)}</dd>
              </>
            )}
            {found.completedAt && (
              <>
                <dt>{t('completedAt')}</dt>
                <dd>{formatDateTime(found.completedAt)}</dd>
              </>
            )}
            {found.resolution && (
              <>
                <dt>{t('resolution')}</dt>
                <dd>{found.resolution}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      <p>
        <Link to="/privacy/requests">{t('newRequest')}</Link>
      </p>
    </div>
  );
}
