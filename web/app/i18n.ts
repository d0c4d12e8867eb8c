import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as appMessages from './messages';
import * as uiMessages from '../ui/messages';
import {
  DEFAULT_LANGUAGE,
  initI18nInstance,
  isLanguage,
  readStoredLanguage,
  switchLanguage,
  type Language,
  type MessageBundle,
  type MessageTree,
} from './language';

/**
 * Vietnamese first, English complete. Every feature brings its own namespace in web/features/<domain>/messages.ts
 * (`export const namespace = '<domain>'; export const vi = {…}; export const en: typeof vi = {…}`); they are all
 * collected here, so adding a feature never edits this file. The choice is remembered on the device and mirrored
 * on <html lang> so screen readers pronounce the page in the right language.
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

function isTree(value: unknown): value is MessageTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts `export const namespace/vi/en`, or the same object as `export default` / `export const messages`. */
export function toMessageBundle(module: unknown): MessageBundle | null {
  if (!isTree(module)) return null;
  const candidates: unknown[] = [module, module.default, module.messages];
  for (const candidate of candidates) {
    if (
      isTree(candidate) &&
      typeof candidate.namespace === 'string' &&
      isTree(candidate.vi) &&
      isTree(candidate.en)
    ) {
      return { namespace: candidate.namespace, vi: candidate.vi, en: candidate.en };
    }
  }
  return null;
}

const featureMessageModules = import.meta.glob('../features/*/messages.ts', { eager: true });

/** The shell's, the design system's and every feature's message bundles. */
export function collectMessageBundles(): MessageBundle[] {
  const bundles: MessageBundle[] = [];
  for (const module of [appMessages, uiMessages, ...Object.values(featureMessageModules)]) {
    const bundle = toMessageBundle(module);
    if (bundle) bundles.push(bundle);
  }
  return bundles;
}

const bundles = collectMessageBundles();
i18next.use(initReactI18next);
initI18nInstance(i18next, bundles, readStoredLanguage());

/** Switches the interface language, remembers it on this device and updates <html lang>. */
export async function setLanguage(language: Language): Promise<void> {
  await switchLanguage(i18next, language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export { i18next as i18n };
