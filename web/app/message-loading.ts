import type { BackendModule, i18n as I18n, InitOptions } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, type MessageTree } from './language';

/**
 * Messages are loaded per namespace and per language, when a page needs them: each `messages.ts` (`namespace`,
 * `vi`, `en`) is imported once per language with a `?lang=` query, so the bundler sees two modules and keeps only the
 * exported language in each chunk (the dynamic import reads one export; the other is dropped). A namespace is its
 * folder's name (web/app → "app", web/ui → "ui", web/features/<domain> → "<domain>"), which i18n.test.tsx checks
 * against each file's `namespace`. A feature whose messages are split in `messages-vi.ts` / `messages-en.ts` is read
 * from those. Nothing here imports a message: the first load carries only this map of loaders.
 */
type Load = () => Promise<unknown>;
export type MessageLoaders = Record<string, Partial<Record<Language, Load>>>;

// The features whose messages are split (messages-vi.ts / messages-en.ts, below) are left out here: their loaders
// would never be called (the split ones win) yet would sit, with their preload lists, in every document's first
// load. A split feature missing from this list still works; it only costs those bytes. (Glob arguments must be
// literals, hence the list twice.)
const viModules = import.meta.glob(
  [
    './messages.ts',
    '../ui/messages.ts',
    '../public-site/messages.ts',
    '../features/*/messages.ts',
    '!../features/{admin,case-handling,cases,help-request-handling,help-requests,question-handling,questions}/messages.ts',
  ],
  { query: { lang: 'vi' }, import: 'vi' },
);
const enModules = import.meta.glob(
  [
    './messages.ts',
    '../ui/messages.ts',
    '../public-site/messages.ts',
    '../features/*/messages.ts',
    '!../features/{admin,case-handling,cases,help-request-handling,help-requests,question-handling,questions}/messages.ts',
  ],
  { query: { lang: 'en' }, import: 'en' },
);
const viSplitModules = import.meta.glob('../features/*/messages-vi.ts', { import: 'vi' });
const enSplitModules = import.meta.glob('../features/*/messages-en.ts', { import: 'en' });

/** "../features/teams/messages.ts?lang=vi" → "teams"; "./messages.ts" → "app". */
export function namespaceOfPath(modulePath: string): string {
  const folder = /(?:^|\/)([^/]+)\/messages(?:-(?:vi|en))?\.ts(?:\?.*)?$/.exec(modulePath)?.[1];
  return !folder || folder === '.' ? 'app' : folder;
}

/** The loaders by namespace and language; a split feature's `messages-<lang>.ts` wins over its `messages.ts`. */
export function collectMessageLoaders(byLanguage: Record<Language, Record<string, Load>[]>): MessageLoaders {
  const loaders: MessageLoaders = {};
  for (const language of LANGUAGES) {
    for (const modules of byLanguage[language]) {
      for (const [modulePath, load] of Object.entries(modules)) {
        const namespace = namespaceOfPath(modulePath);
        loaders[namespace] = { ...loaders[namespace], [language]: load };
      }
    }
  }
  return loaders;
}

export const messageLoaders: MessageLoaders = collectMessageLoaders({
  vi: [viModules, viSplitModules],
  en: [enModules, enSplitModules],
});

/** Every namespace there are messages for (tests load them all; the guard test checks the declarations). */
export const ALL_NAMESPACES: readonly string[] = Object.keys(messageLoaders).sort();

/**
 * An i18next backend over the loaders: i18next asks it for a namespace in a language the first time a page needs
 * it (loadNamespaces, useTranslation) and again for every loaded namespace when the language changes, so the other
 * language is fetched only once someone chooses it. A failed chunk (offline, a new deployment) is retried by
 * i18next; an unknown namespace is empty.
 */
export function messageBackend(loaders: MessageLoaders = messageLoaders): BackendModule {
  return {
    type: 'backend',
    init() {},
    read(language, namespace, callback) {
      const load = loaders[namespace]?.[language as Language];
      if (!load) {
        callback(null, {});
        return;
      }
      load().then(
        (tree) => callback(null, tree as MessageTree),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
      );
    },
  };
}

function applyDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * Starts an instance that loads its messages on demand, and resolves once `namespaces` are there in `language`.
 * No fallback language: English is complete (i18n.test.tsx), and a fallback would fetch Vietnamese for an English
 * reader too. Components read namespaces with `useTranslation`; one still loading suspends to the nearest boundary.
 */
export async function initLazyI18n(
  instance: I18n,
  language: Language,
  namespaces: readonly string[],
  loaders: MessageLoaders = messageLoaders,
): Promise<I18n> {
  const options: InitOptions = {
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    ns: [...namespaces],
    defaultNS: 'app',
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  };
  instance.use(messageBackend(loaders));
  await instance.init(options);
  applyDocumentLanguage(instance.language ?? DEFAULT_LANGUAGE);
  instance.on('languageChanged', applyDocumentLanguage);
  return instance;
}

/** Loads namespaces in the instance's current language (a route's, before its page renders). */
export function loadMessages(instance: I18n, namespaces: readonly string[]): Promise<void> {
  const missing = namespaces.filter((ns) => !instance.hasLoadedNamespace(ns));
  return missing.length === 0 ? Promise.resolve() : instance.loadNamespaces(missing);
}
