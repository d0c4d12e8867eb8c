import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui';

/**
 * A read-only value with a copy button, for links and secrets that must be passed on (by Zalo, into another
 * system). Where the clipboard is refused, the text is selected so the reader can copy it by hand.
 */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const { t } = useTranslation('admin');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus('failed');
    }
  };

  return (
    <div className="field copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="copy-field__row">
        <input
          ref={input}
          id={id}
          className="input copy-field__input"
          readOnly
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {t('common.copy')}
        </Button>
      </div>
      <p role="status" className={status === 'failed' ? 'field__error' : 'muted'}>
        {status === 'copied' ? t('common.copied') : status === 'failed' ? t('common.copyFailed') : ''}
      </p>
    </div>
  );
}
