import i18next, { type i18n as I18n } from 'i18next';
import * as appMessages from '../app/messages';
import * as supportMessages from '../features/support/messages';
import * as uiMessages from '../ui/messages';

/**
 * The capture page's own i18n: only the namespaces it shows (the shell's few common strings, the design system's
 * and the support log's), not every feature's messages, so its first download stays small. The language choice is
 * the app's (same storage key, same <html lang>), so switching here or in the app carries over.
 */

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const DEFAULT_LANGUAGE: Language = 'vi';
/** The same key as web/app/i18n.ts (a test keeps them equal). */
export const LANGUAGE_STORAGE_KEY = 'cds.language';

const BUNDLES = [appMessages, uiMessages, supportMessages];

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

/** A separate i18next instance, initialised synchronously so the first render already has its words. */
export function createCaptureI18n(language: Language = readStoredLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: {
      vi: Object.fromEntries(BUNDLES.map((b) => [b.namespace, b.vi])),
      en: Object.fromEntries(BUNDLES.map((b) => [b.namespace, b.en])),
    },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: BUNDLES.map((b) => b.namespace),
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyDocumentLanguage(instance.language);
  instance.on('languageChanged', applyDocumentLanguage);
  return instance;
}

/** Switches the language, remembers it on this device (for the app too) and updates <html lang>. */
export async function chooseLanguage(instance: I18n, language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
  }
  await instance.changeLanguage(language);
}
