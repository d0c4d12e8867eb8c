import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as appMessages from './messages';
import * as uiMessages from '../ui/messages';

/**
 * Vietnamese first, English complete. Every feature brings its own namespace in web/features/<domain>/messages.ts
 * (`export const namespace = '<domain>'; export const vi = {…}; export const en: typeof vi = {…}`); they are all
 * collected here, so adding a feature never edits this file. The choice is remembered on the device and mirrored
 * on <html lang> so screen readers pronounce the page in the right language.
 */

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
export const LANGUAGE_STORAGE_KEY = 'cds.language';

export interface MessageTree {
  [key: string]: string | MessageTree;
}

export interface MessageBundle {
  namespace: string;
  vi: MessageTree;
  en: MessageTree;
}

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

export function isLanguage(value: unknown): value is Language {
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

function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
  }
}

function applyDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

const bundles = collectMessageBundles();
const resources: Record<Language, Record<string, MessageTree>> = { vi: {}, en: {} };
for (const bundle of bundles) {
  resources.vi[bundle.namespace] = bundle.vi;
  resources.en[bundle.namespace] = bundle.en;
}

void i18next.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  ns: bundles.map((b) => b.namespace),
  defaultNS: 'app',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applyDocumentLanguage(i18next.language);
i18next.on('languageChanged', applyDocumentLanguage);

/** Switches the interface language, remembers it on this device and updates <html lang>. */
export async function setLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export { i18next as i18n };
