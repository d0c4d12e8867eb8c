import i18next, { type i18n as I18n } from 'i18next';
import * as appMessages from '../app/messages';
import * as supportMessages from '../features/support/messages';
import * as uiMessages from '../ui/messages';
import { initI18nInstance, readStoredLanguage, type Language } from '../app/language';

/**
 * The capture page's own i18n: only the namespaces it shows (the shell's few common strings, the design system's
 * and the support log's), not every feature's messages, so its first download stays small. The language choice is
 * the app's (same storage key, same <html lang>), so switching here or in the app carries over.
 */

export type { Language } from '../app/language';

const BUNDLES = [appMessages, uiMessages, supportMessages];

/** A separate i18next instance with only the capture page's namespaces. */
export function createCaptureI18n(language: Language = readStoredLanguage()): I18n {
  return initI18nInstance(i18next.createInstance(), BUNDLES, language);
}
