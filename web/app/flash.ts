import type { AlertTone } from '../ui';

/**
 * A one-off message carried to the next page in the history entry's state ("You are signed out"). It holds an
 * i18n key rather than text so it follows a language switch.
 */
export interface Flash {
  tone: AlertTone;
  /** A namespaced i18n key, e.g. "accounts:flash.signedOut". */
  messageKey: string;
}

export function flashState(tone: AlertTone, messageKey: string): { flash: Flash } {
  return { flash: { tone, messageKey } };
}

export function readFlash(state: unknown): Flash | null {
  if (typeof state !== 'object' || state === null || !('flash' in state)) return null;
  const flash = (state as { flash: unknown }).flash;
  if (typeof flash !== 'object' || flash === null) return null;
  const { tone, messageKey } = flash as Partial<Flash>;
  if (typeof messageKey !== 'string') return null;
  return { tone: tone ?? 'info', messageKey };
}
