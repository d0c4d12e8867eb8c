import type { i18n as I18n } from 'i18next';

/**
 * Language basics shared by the app (web/app/i18n.ts) and the standalone capture page (web/capture/), without any
 * message bundle, so the capture page can use them and still load only its own namespaces. The choice is kept on
 * the device under one key, so switching in either page carries over, and mirrored on <html lang> so screen
 * readers pronounce the page in the right language.
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

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
  }
}

function applyDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Initialises an i18next instance synchronously with these bundles, so the first render already has its words. */
export function initI18nInstance(instance: I18n, bundles: readonly MessageBundle[], language: Language): I18n {
  const resources: Record<Language, Record<string, MessageTree>> = { vi: {}, en: {} };
  for (const bundle of bundles) {
    resources.vi[bundle.namespace] = bundle.vi;
    resources.en[bundle.namespace] = bundle.en;
  }
  void instance.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: bundles.map((b) => b.namespace),
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyDocumentLanguage(instance.language);
  instance.on('languageChanged', applyDocumentLanguage);
  return instance;
}

/** Switches the language of an instance and remembers it on this device. */
export async function switchLanguage(instance: I18n, language: Language): Promise<void> {
  rememberLanguage(language);
  await instance.changeLanguage(language);
}
