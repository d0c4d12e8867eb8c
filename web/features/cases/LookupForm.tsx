import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CASE_TRACKING_CODE_PATTERN } from '../../../shared/rules/case-workflow';
import { Button, TextField } from '../../ui';
import { trackPath } from './paths';

/** Looking a report up by its tracking code ("pakn.20261128.0012" is accepted too: it is upper-cased). */
export function LookupForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation('cases');
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  function submit(e: FormEvent) {
    e.preventDefault();
    const normalised = code.trim().toUpperCase();
    if (!CASE_TRACKING_CODE_PATTERN.test(normalised)) return setError(t('track.badCode'));
    setError(undefined);
    void navigate(trackPath(normalised));
  }
  return (
    <form
      className="stack case-lookup"
      onSubmit={submit}
      noValidate
      role="search"
      aria-labelledby="case-lookup-title"
    >
      <h2 id="case-lookup-title">{t('track.lookupTitle')}</h2>
      <TextField
        id="case-lookup-code"
        label={t('track.lookupLabel')}
        hint={t('track.lookupHint')}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={30}
        value={code}
        error={error}
        onChange={(e) => setCode(e.target.value)}
      />
      <Button type="submit" variant="secondary">
        {t('track.lookup')}
      </Button>
    </form>
  );
}
