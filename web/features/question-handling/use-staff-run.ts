import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';

/** Runs one staff step, then refreshes the question; the outcome is said in words (saved, or the server's reason). */
export function useStaffRun(onChanged: () => void) {
  const { t, i18n } = useTranslation('questions');
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  async function run(name: string, step: () => Promise<unknown>): Promise<boolean> {
    setBusy(name);
    setMessage(null);
    try {
      await step();
      setMessage({ tone: 'success', text: t('staff.done') });
      onChanged();
      return true;
    } catch (error) {
      const text = error instanceof ApiError ? error.messageIn(i18n.language) : String(error);
      setMessage({ tone: 'error', text: t('staff.failed', { message: text }) });
      return false;
    } finally {
      setBusy(null);
    }
  }
  return { busy, message, run };
}
