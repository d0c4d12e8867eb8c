import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { createInstance } from 'i18next';
import { i18n, LANGUAGE_STORAGE_KEY, readStoredLanguage, type MessageBundle, type MessageTree } from './i18n';
import { LanguageSwitch } from './layouts/LanguageSwitch';
import { ALL_NAMESPACES, initLazyI18n, messageLoaders, namespaceOfPath } from './message-loading';

function isTree(value: unknown): value is MessageTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `export const namespace/vi/en` of a messages.ts, or null. */
function toMessageBundle(module: unknown): MessageBundle | null {
  if (!isTree(module)) return null;
  const { namespace, vi, en } = module;
  return typeof namespace === 'string' && isTree(vi) && isTree(en) ? { namespace, vi, en } : null;
}

/** Every messages.ts read whole, as the test's reference: the shell's, the design system's, the public frame's and each feature's. */
const messageModules = import.meta.glob(
  ['./messages.ts', '../ui/messages.ts', '../public-site/messages.ts', '../features/*/messages.ts'],
  { eager: true },
);

function collectMessageBundles(): MessageBundle[] {
  return Object.values(messageModules).flatMap((module) => toMessageBundle(module) ?? []);
}

/** Dotted keys of a message tree; plural suffixes are folded because Vietnamese has one form and English two. */
function flattenKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string'
      ? [path.replace(/_(zero|one|two|few|many|other)$/, '')]
      : flattenKeys(value, path);
  });
}

function flattenValues(tree: MessageTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : flattenValues(value, path);
  });
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();
}

describe('message catalogues', () => {
  it('finds the shell, the design system and every feature folder that has messages.ts', () => {
    const namespaces = collectMessageBundles().map((b) => b.namespace);
    expect(namespaces).toContain('app');
    expect(namespaces).toContain('ui');
    expect(namespaces).toContain('accounts');
    expect(namespaces).toContain('home');
    expect(namespaces).toContain('public-site');
    for (const [path, module] of Object.entries(messageModules)) {
      const folder = namespaceOfPath(path);
      expect(toMessageBundle(module)?.namespace, `${path} must export namespace '${folder}', vi and en`).toBe(
        folder,
      );
    }
    expect(new Set(namespaces).size).toBe(namespaces.length);
    expect([...namespaces].sort()).toEqual(ALL_NAMESPACES);
  });

  it.each(collectMessageBundles().map((bundle) => [bundle.namespace, bundle] as const))(
    'loads namespace "%s" per language, each loader giving that language only',
    async (namespace, bundle) => {
      const loaders = messageLoaders[namespace];
      expect(await loaders?.vi?.()).toEqual(bundle.vi);
      expect(await loaders?.en?.()).toEqual(bundle.en);
    },
  );

  it.each(collectMessageBundles().map((bundle) => [bundle.namespace, bundle] as const))(
    'namespace "%s" has the same keys in Vietnamese and English, none empty, same placeholders',
    (_namespace, bundle) => {
      const viKeys = new Set(flattenKeys(bundle.vi));
      const enKeys = new Set(flattenKeys(bundle.en));
      expect(
        [...viKeys].filter((k) => !enKeys.has(k)),
        'missing in English',
      ).toEqual([]);
      expect(
        [...enKeys].filter((k) => !viKeys.has(k)),
        'missing in Vietnamese',
      ).toEqual([]);
      const en = new Map(flattenValues(bundle.en));
      for (const [key, text] of flattenValues(bundle.vi)) {
        expect(text.trim(), `vi ${key} is empty`).not.toBe('');
        expect(en.get(key)?.trim(), `en ${key} is empty`).not.toBe('');
        if (en.has(key))
          expect(placeholders(en.get(key) ?? ''), `placeholders of ${key}`).toEqual(placeholders(text));
      }
    },
  );

  it('has the Vietnamese and English names of every role', () => {
    expect(i18n.t('accounts:roles.commune_officer', { lng: 'vi' })).toBe('Cán bộ xã');
    expect(i18n.t('accounts:roles.agency_handler', { lng: 'en' })).toBe('Agency handler');
  });
});

function SkipLinkText() {
  const { t } = useTranslation('app');
  return <p>{t('skipLink')}</p>;
}

describe('messages loaded on demand', () => {
  it("loads only the asked namespaces in the reader's language, and the other language on a switch", async () => {
    const read: string[] = [];
    const counted = Object.fromEntries(
      Object.entries(messageLoaders).map(([ns, byLanguage]) => [
        ns,
        Object.fromEntries(
          Object.entries(byLanguage).map(([language, load]) => [
            language,
            () => (read.push(`${language}/${ns}`), load()),
          ]),
        ),
      ]),
    );
    const instance = await initLazyI18n(createInstance(), 'en', ['app'], counted);
    expect(read).toEqual(['en/app']);
    expect(instance.t('skipLink')).toBe('Skip to main content');
    await instance.loadNamespaces('teams');
    expect(read).toEqual(['en/app', 'en/teams']);
    expect(instance.t('teams:nav.directory')).not.toBe('nav.directory');
    await instance.changeLanguage('vi');
    expect(read.slice(2).sort()).toEqual(['vi/app', 'vi/teams']);
    expect(instance.t('skipLink')).toBe('Bỏ qua, đến nội dung chính');
    expect(document.documentElement.lang).toBe('vi');
  });
});

describe('language switch', () => {
  it('starts in Vietnamese and switches to English, remembering the choice and setting <html lang>', async () => {
    expect(readStoredLanguage()).toBe('vi');
    render(
      <>
        <LanguageSwitch />
        <SkipLinkText />
      </>,
    );
    expect(screen.getByText('Bỏ qua, đến nội dung chính')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByText('Skip to main content')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(readStoredLanguage()).toBe('en');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(await screen.findByText('Bỏ qua, đến nội dung chính')).toBeTruthy();
    expect(document.documentElement.lang).toBe('vi');
  });

  it('ignores an unknown stored language', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(readStoredLanguage()).toBe('vi');
  });
});
