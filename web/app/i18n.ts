import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, readStoredLanguage, switchLanguage, type Language } from './language';
import { ALL_NAMESPACES, initLazyI18n, loadMessages } from './message-loading';

/**
 * The staff app's i18next instance. Vietnamese first, English complete. Each feature keeps its messages in
 * web/features/<domain>/messages.ts (`export const namespace = '<domain>'; export const vi = {…}; export const en:
 * typeof vi = {…}`); nothing collects them up front. The shell's namespaces load with the app (main.tsx renders once
 * they are there), a feature's with its routes (web/app/features.ts wraps every route's `lazy`), and only in the
 * reader's language; switching fetches the other language of what is loaded. The choice is remembered on the device
 * and mirrored on <html lang> so screen readers pronounce the page in the right language.
 */

export {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  LANGUAGE_STORAGE_KEY,
  isLanguage,
  readStoredLanguage,
  type Language,
  type MessageBundle,
  type MessageTree,
} from './language';

/**
 * What every staff page may read: the shell's strings, the design system's, and the accounts feature's (the
 * account menu, the notification bell and the flash messages of signing in and out live in the shell).
 */
export const SHELL_NAMESPACES: readonly string[] = ['app', 'ui', 'accounts'];

i18next.use(initReactI18next);

/** Resolves once the shell's messages are loaded in the reader's language: main.tsx renders after it. */
export const i18nReady: Promise<unknown> = initLazyI18n(i18next, readStoredLanguage(), SHELL_NAMESPACES);

/** Loads a route's namespaces in the current language (features.ts calls it from each route's `lazy`). */
export async function loadNamespaces(namespaces: readonly string[]): Promise<void> {
  await i18nReady;
  await loadMessages(i18next, namespaces);
}

/** Every namespace in both languages, so a component test renders any page and switches language at once. */
export async function loadAllMessages(): Promise<void> {
  await i18nReady;
  await i18next.loadNamespaces([...ALL_NAMESPACES]);
  await i18next.loadLanguages(['vi', 'en']);
}

/** Switches the interface language, remembers it on this device and updates <html lang>. */
export async function setLanguage(language: Language): Promise<void> {
  await switchLanguage(i18next, language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export { i18next as i18n };
